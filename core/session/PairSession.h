#pragma once
// Contract: one pair as every window of the console and every nr1ctl command work on it: its
// inventory entry, one runner per node (shared by the monitor and every window: one
// connection per node), its journal (one per pair, opened once) and reads of both nodes
// (PairRead, or read() once). It also knows which plan, if any, this process is applying to
// the pair: at most one at a time (claimApply). The runners and the journal live as long as
// the session; owning or borrowed runners as constructed. After a plan that builds the pair
// ran, recordLayout() writes the names it used into the pair's inventory entry (the one place
// that does), so every later plan aims at them; after a switchover recordRoleSwap() swaps the
// nodes' roles there; adopting a pair built by hand records what was found (recordAdoption).

#include "apply/Journal.h"
#include "base/Result.h"
#include "inventory/Inventory.h"
#include "plan/PairIntent.h"
#include "probe/NodeProbe.h"
#include "transport/CommandRunner.h"

#include <QObject>
#include <functional>
#include <memory>

namespace nr1 {

class PairRead;
struct PairDiscovery;

class PairSession : public QObject {
    Q_OBJECT
public:
    /// A session on runners the caller keeps (tests, replay); they must outlive the session.
    /// `journalPath` empty: Journal::defaultPath(pair.name).
    PairSession(InventoryPair pair, CommandRunner& primary, CommandRunner& secondary,
                QString journalPath = {}, QObject* parent = nullptr);
    /// A session that owns its runners.
    PairSession(InventoryPair pair, std::unique_ptr<CommandRunner> primary,
                std::unique_ptr<CommandRunner> secondary, QString journalPath = {},
                QObject* parent = nullptr);
    ~PairSession() override;

    const InventoryPair& pair() const { return m_pair; }
    const QString& name() const { return m_pair.name; }
    CommandRunner& runner(NodeRole role) const {
        return role == NodeRole::Primary ? m_primary : m_secondary;
    }
    CommandRunner& primary() const { return m_primary; }
    CommandRunner& secondary() const { return m_secondary; }
    Journal& journal() { return m_journal; }

    /// A new read of both nodes (not started), owned by `parent`.
    PairRead* newRead(QObject* parent) const;
    /// Reads both nodes once; `onDone` on `context`'s thread, never after it is destroyed.
    void read(QObject* context, std::function<void(const PairProbe&)> onDone) const;
    /// The state a plan of `planKind` is made from, or why there is none. Every plan needs
    /// both nodes read; a plan made while one node is lost (lostNodeOf: takeover, serve-alone)
    /// needs the other read and the lost one not reached at all (an empty NodeState stands for
    /// it): a node that answers is not lost, and the refusal says what to do instead.
    Result<PairState> planState(const QString& planKind, const PairProbe& probe,
                                const PairLayout& layout) const;
    /// The intent from the inventory's defaults and, when the inventory names none, the
    /// nodes' probed initiator names.
    PairIntent intent(const PairProbe& probe) const;
    /// The inventory file the pair was read from; empty: unknown (nothing is recorded).
    const QString& inventoryPath() const { return m_inventoryPath; }
    void setInventoryPath(const QString& path) { m_inventoryPath = path; }
    /// True for the plan kinds that build the pair's layers (create-pair, elements, array,
    /// volume, export): after one ran to its end, its names are recorded.
    static bool buildsLayout(const QString& planKind);
    /// Records the names of every layer of `intent` as the pair's layout in its inventory entry
    /// (a line edit: the rest of the file stays) and in pair(); done at once when they are
    /// recorded already, and in pair() alone without an inventory path. Refused (the file
    /// unchanged) when the file no longer holds the pair or cannot be written.
    Result<void> recordLayout(const PairIntent& intent);
    /// After a switchover ran to its end: the pair's two nodes change places in its inventory
    /// entry (the old Secondary is the Primary) and the layout is `intent`'s with the roles
    /// swapped (the elements change places). Done once: the old Primary is the node with the
    /// intent's primaryReplicationAddress, and an entry that names it as the Secondary keeps
    /// its nodes. The runners keep their nodes: runner(Primary)
    /// is still the old Primary, so a caller that goes on with the pair opens a new session.
    Result<void> recordRoleSwap(const PairIntent& intent);
    /// Records what adopting the pair found (adopt/PairDiscovery): the nodes in their roles,
    /// their replication addresses and initiator names, the layout; in the inventory file and
    /// in pair(). Refused (the file unchanged) as recordLayout(). The runners keep their nodes:
    /// after roles that swapped, a caller that goes on with the pair opens a new session.
    Result<void> recordAdoption(const PairDiscovery& discovery);
    /// What a plan of `planKind` that ran to its end changes in the inventory: the layout after
    /// a plan that builds the pair (recordLayout), the roles after a switchover or a takeover
    /// (recordRoleSwap), nothing after the others.
    Result<void> recordRun(const QString& planKind, const PairIntent& intent);
    /// "primary (root@host:22): why" for each node that did not answer usefully.
    QStringList readErrors(const PairProbe& probe) const;
    /// `probe` with the error of each node that did not answer usefully prefixed by how nr1
    /// reaches it ("root@host:22: not reachable: …"), for those who show a node's reason alone.
    PairProbe withTargetsInErrors(PairProbe probe) const;

    /// Takes the pair for one apply in this process: false, and the holder in `heldBy`, while
    /// another one runs. `what` names the plan ("Grow the volume of pair testbed").
    bool claimApply(const QString& what, QString* heldBy = nullptr);
    /// Gives the pair back (the apply ended: done, failed, stopped or rolled back).
    void releaseApply();
    /// The plan being applied to the pair by this process; empty when none.
    const QString& applying() const { return m_applying; }

signals:
    /// An apply took the pair or gave it back.
    void applyingChanged(const QString& what);

private:
    /// Applies `change` to the pair's entry in the inventory file (a line edit, written only
    /// when it changes something) and to pair().
    Result<void> updatePair(const std::function<void(InventoryPair&)>& change);

    InventoryPair m_pair;
    QString m_inventoryPath;
    std::unique_ptr<CommandRunner> m_ownedPrimary;
    std::unique_ptr<CommandRunner> m_ownedSecondary;
    CommandRunner& m_primary;
    CommandRunner& m_secondary;
    Journal m_journal;
    QString m_applying;
};

} // namespace nr1
