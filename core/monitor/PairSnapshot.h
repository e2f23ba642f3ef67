#pragma once
// Contract: what the monitor shows of one pair at one moment, as plain comparable values: each
// node's reachability and raw /proc/mdstat, each md array on either node with its state in
// words and a health level, its members with their role in the pair (local or remote element),
// a running sync with percent, speed and ETA, the replication session and the LIO exports.
// Built by buildPairSnapshot() from the probed NodeStates; two snapshots compare equal exactly
// when nothing an administrator would see changed (times of the last answer are kept apart).

#include "model/Pair.h"
#include "monitor/StandingFences.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace nr1 {

/// How an array or node looks at a glance; views map it to a colour.
enum class Health {
    Ok,       ///< whole and idle
    Working,  ///< whole, a check/resync/reshape is running
    Warning,  ///< needs attention: waiting sync, read-only, recovering a degraded array
    Critical, ///< redundancy lost: degraded, faulty member, inactive
    Unknown   ///< not known now: the node does not answer
};

QString healthName(Health health);

enum class MemberRole { LocalElement, RemoteElement, Other };

QString memberRoleName(MemberRole role);

struct MemberView {
    QString device; ///< kernel name, e.g. "dm-1", "sda"
    QString path;   ///< the element's path when the member is one, else /dev/DEVICE
    MemberRole role = MemberRole::Other;
    QString node;            ///< where the member's storage is: "primary" or "secondary"
    std::optional<int> slot; ///< role number; nullopt for a spare or a failed member
    bool inSync = false;
    bool writeMostly = false;
    bool faulty = false;
    bool spare = false;
    bool replacement = false;
    QStringList flags; ///< md's dev-*/state words, verbatim
    bool operator==(const MemberView&) const = default;
};

struct SyncView {
    QString action; ///< "resync", "recovery", "check", "repair", "reshape"
    double percent = 0;
    qint64 doneSectors = 0;
    qint64 totalSectors = 0;
    std::optional<qint64> speedKiBps;    ///< md's own sync_speed (recent average)
    std::optional<qint64> measuredKiBps; ///< from the progress over the last seconds
    std::optional<qint64> etaSeconds;
    bool operator==(const SyncView&) const = default;
};

struct ArrayView {
    QString node;             ///< "primary" or "secondary": where the array runs
    QString name;             ///< "md0"
    bool isPairArray = false; ///< the pair's mirror (layout.mdDevice)
    QString level;
    std::optional<qint64> sizeKiB;
    QString state; ///< in words: "in sync", "degraded", "resyncing", "resync delayed", …
    Health health = Health::Unknown;
    QString arrayState; ///< md's array_state, verbatim
    std::optional<int> raidDisks;
    std::optional<int> workingDisks;
    std::optional<int> degradedDisks;
    QString pattern; ///< "[UU]" as mdstat draws it, without brackets
    std::vector<MemberView> members;
    std::optional<SyncView> sync;
    QString waiting;    ///< "resync=DELAYED", "resync=PENDING", … ; empty when nothing waits
    QString readOnly;   ///< "", "read-only" or "auto-read-only"
    QString bitmap;     ///< "bitmap: 1/8 pages [4KB], 65536KB chunk"; empty without bitmap
    bool stale = false; ///< the node did not answer: the last known state
    bool operator==(const ArrayView&) const = default;
    QString key() const { return node + QLatin1Char('/') + name; }
};

struct SessionView {
    bool present = false; ///< a session to the Secondary's element target exists
    QString targetIqn;
    QString portal;
    QString state;      ///< session state ("LOGGED_IN", "FAILED", …); "absent" without a session
    QString connection; ///< "LOGGED IN", "TRANSPORT WAIT", …
    QString disk;       ///< the imported disk, e.g. "sda"; empty while detached
    bool loggedIn = false;
    bool operator==(const SessionView&) const = default;
};

struct ExportView {
    QString node;
    QString targetIqn;
    bool enabled = false;
    QStringList portals;        ///< "10.99.0.2:3260"
    QStringList initiators;     ///< ACLs
    QStringList backstores;     ///< "block/nr1-testbed → /dev/…"
    bool isReplication = false; ///< the Secondary's element export (else a front-end LUN)
    bool operator==(const ExportView&) const = default;
};

struct NodeView {
    QString role;   ///< "primary" / "secondary"
    QString target; ///< how nr1 reaches it: "root@host:22"
    bool reachable = false;
    bool answered = false; ///< has answered at least once
    QString error;         ///< why it is not reachable or its probe failed
    QString hostname;
    QString mdstat; ///< /proc/mdstat verbatim (the last answer)
    /// What the node's last boot left undone (plan/PairStatus.h, bootNotes): LIO still
    /// restoring, the boot gate holding the volume down; from its last full probe.
    QStringList bootNotes;
    /// Set while the pair's journal says the node was fenced (by a takeover or serve-alone)
    /// and no command ran on it since (monitor/StandingFences.h; PairMonitor::setFenceSource).
    std::optional<StandingFence> fence;
    bool operator==(const NodeView&) const = default;

    /// Its boot left work undone or it is fenced: a warning until `apply repair` ends it.
    bool awaitsRepair() const { return !bootNotes.isEmpty() || fence.has_value(); }
};

struct PairSnapshot {
    QString pair;
    NodeView primary;
    NodeView secondary;
    std::vector<ArrayView> arrays;
    SessionView replication;
    std::vector<ExportView> exports;
    /// The answering nodes that export the pair's front-end LUN (an enabled target with a LUN):
    /// one when all is well; both is a split brain (initiators may write to either copy).
    QStringList serving;
    /// The answering nodes that run an array of the pair's elements (not inactive): only the
    /// serving node should; both means two copies take writes.
    QStringList assembling;
    /// The pair's floating front-end address ("10.0.2.100/24"); empty when it has none.
    QString frontEndAddress;
    /// The answering nodes that hold the front-end address: the serving node alone when all is
    /// well; both means initiators reach either node.
    QStringList addressHolders;
    /// When the pair's array was last seen with both legs in sync and idle, while it is not
    /// now; null while it is (or was never seen so since the monitor started: see `everInSync`).
    QDateTime inSyncUntil;
    bool everInSync = false; ///< the monitor has seen the pair's array whole and idle
    bool operator==(const PairSnapshot&) const = default;

    const ArrayView* findArray(const QString& key) const;
    const ArrayView* pairArray() const;
    /// The worst health of the pair's arrays and nodes; Critical when both nodes serve the LUN,
    /// run the array or hold the front-end address; Warning when the serving node does not hold
    /// the address, a node's boot left something undone or a node is fenced.
    Health overallHealth() const;
    /// The pair's array runs with both legs in sync and no sync running.
    bool pairArrayInSync() const;
    /// Both nodes export the LUN, run the array or hold the front-end address.
    bool splitBrain() const;
    /// One node serves the LUN and does not hold the pair's front-end address.
    bool addressAstray() const;
};

/// What the monitor knows of one node: the last state it read (full probe overlaid with the
/// latest watch) and whether the last refresh reached it.
struct NodeReading {
    QString target;
    std::optional<NodeState> state;
    bool reachable = false;
    QString error;
    QString mdstatText; ///< /proc/mdstat verbatim from the last answer
};

/// The snapshot of a pair. `previous` provides the last known arrays of a node that does not
/// answer now (marked stale) and when the array was last in sync; `at` is the time of this
/// look. The time left comes from md's own speed; the measured speed is added by
/// SyncHistory::measure, which knows the progress over time. `frontEndAddress`: the pair's
/// floating address, empty when it has none.
PairSnapshot buildPairSnapshot(const PairLayout& layout, const NodeReading& primary,
                               const NodeReading& secondary, const PairSnapshot* previous,
                               const QString& frontEndAddress = QString(),
                               const QDateTime& at = QDateTime::currentDateTimeUtc());

/// Marks the nodes of `snapshot` that one of `fences` names (by target).
void markFenced(PairSnapshot& snapshot, const std::vector<StandingFence>& fences);

} // namespace nr1
