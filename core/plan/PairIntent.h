#pragma once
// Contract: what the administrator wants a pair to be, as the planners read it: the names of
// every layer (a PairLayout), the disks to build element VGs on when they do not exist yet,
// the sizes, the replication settings and the front-end export. defaultIntent() fills in the
// documented defaults (the source page's names: VG LIO-NR1-Elements with NR1-Local-Element /
// NR1-Remote-Element, VG LIO-NR1-VOL with NR1-PRIMARY-VOL, md0); validate() checks every
// name and value and lists what is wrong, before any state is looked at. The layout nr1
// recorded for a pair in the inventory (recordedLayoutOf) is what defaultIntent() gives back.

#include "base/Sizes.h"
#include "model/Pair.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace nr1 {

struct InventoryPair;
struct RecordedLayout;

enum class BackstoreKind { Block, FileIo };

struct ChapSettings {
    QString userId;
    QString password;
    QString mutualUserId; ///< optional: the target authenticates to the initiator too
    QString mutualPassword;
    bool operator==(const ChapSettings&) const = default;
};

struct ExportIntent {
    BackstoreKind kind = BackstoreKind::Block;
    QString backstoreName;
    std::vector<IscsiPortal> portals; ///< where the LUN is offered; default 0.0.0.0:3260
    QStringList initiators;           ///< initiator IQNs allowed in (one ACL each)
    std::optional<ChapSettings> chap; ///< CHAP for every ACL (one auth mode per TPG)
    /// The LUN's unit serial (VPD 0x80, and LIO's NAA in 0x83): given to the backstore when it
    /// is created, so the LUN keeps its identity on whichever node serves it.
    QString unitSerial;
    bool operator==(const ExportIntent&) const = default;

    QString plugin() const {
        return kind == BackstoreKind::Block ? QStringLiteral("block") : QStringLiteral("fileio");
    }
    /// "/backstores/block/NAME": how LIO names the backstore.
    QString backstorePath() const {
        return QStringLiteral("/backstores/%1/%2").arg(plugin(), backstoreName);
    }
};

struct PairIntent {
    PairLayout layout;          ///< names of every layer (frontEnd set)
    QStringList primaryDisks;   ///< disks for the Primary's element VG when it is created
    QStringList secondaryDisks; ///< disks for the Secondary's element VG when it is created
    SizeRequest elementSize = SizeRequest::maximum();
    SizeRequest volumeSize = SizeRequest::maximum();
    QString primaryInitiator; ///< the Primary's initiator name (ACL on the Secondary)
    /// The Secondary's initiator name and the Primary's replication address: what the pair
    /// needs once the roles swap (a switchover: the Secondary imports the Primary's element).
    QString secondaryInitiator;
    QString primaryReplicationAddress;
    QString elementBackstoreName;   ///< the Secondary's backstore for its element
    int replacementTimeout = 15;    ///< seconds before md sees a lost remote leg fail
    std::optional<int> writeBehind; ///< md --write-behind for the write-mostly leg
    ExportIntent frontEndExport;
    /// The floating front-end address ("192.0.2.10/24") on the node that serves the LUN;
    /// empty: none (the inventory's `frontend_address`).
    QString frontEndAddress;
    bool operator==(const PairIntent&) const = default;

    QString mdDeviceName() const; ///< "md0" from layout.mdDevice "/dev/md0"
    /// The disks for the element VG of the node in `role`.
    const QStringList& disks(NodeRole role) const {
        return role == NodeRole::Primary ? primaryDisks : secondaryDisks;
    }
    QStringList& disks(NodeRole role) {
        return role == NodeRole::Primary ? primaryDisks : secondaryDisks;
    }
};

/// The intent with the roles swapped: what the pair is once the Secondary serves (elements,
/// disks, initiator names and replication addresses change places; every other name and the
/// LUN's identity stay). swappedIntent(swappedIntent(i)) == i.
PairIntent swappedIntent(const PairIntent& intent);

/// Defaults for a pair from the inventory: names from the source page, the Secondary's
/// replication address as the replication portal, IQNs derived from the pair name, the LUN's
/// unit serial derived from the pair (derivedUnitSerial); every name the inventory recorded for
/// the pair (its `layout`, written when nr1 created it) replaces its default.
PairIntent defaultIntent(const InventoryPair& pair);
/// defaultIntent(), with the Primary's probed initiator name when the inventory names none,
/// and the serial of the front-end backstore the Primary runs when the inventory records none
/// (a live LUN keeps its serial).
PairIntent defaultIntent(const InventoryPair& pair, const NodeState* probedPrimary);
/// The same, with the Secondary's probed initiator name when the inventory names none.
PairIntent defaultIntent(const InventoryPair& pair, const NodeState* probedPrimary,
                         const NodeState* probedSecondary);
/// The unit serial nr1 gives a pair's LUN when none is recorded: a name-based UUID (version 5)
/// of the pair's name, both nodes' hosts and its front-end target, so two pairs differ
/// and the same pair always gets the same one (a preview and its apply agree).
QString derivedUnitSerial(const InventoryPair& pair, const QString& frontEndTarget);

/// The names of every layer of `intent`, as the inventory records them for the pair.
RecordedLayout recordedLayoutOf(const PairIntent& intent);

/// Every problem with the intent's names and values; empty when it is valid.
QStringList validateIntent(const PairIntent& intent);
/// The problems of the front-end export alone (volume and target names, backstore, portals,
/// initiators, CHAP): part of validateIntent().
QStringList validateExportIntent(const PairIntent& intent);

} // namespace nr1
