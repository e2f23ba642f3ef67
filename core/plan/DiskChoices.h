#pragma once
// Contract: which of a node's block devices nr1 would take for a new element VG, and why it
// would not take each of the others. A device is offered only when it is a whole disk or a
// partition, writable, not an LVM PV, carries no signature, partition table, holder or mount,
// and is not a disk imported over iSCSI (another node's storage). The element planner refuses
// a disk for exactly the reason diskProblem() gives, so a wizard offers only what a plan will
// take.

#include "model/NodeState.h"
#include "model/Pair.h"

#include <vector>

namespace nr1 {

struct DiskChoice {
    QString path; ///< "/dev/vdb"
    std::optional<qint64> sizeBytes;
    QString description; ///< vendor and model, transport; may be empty
    QString problem;     ///< why it is not offered; empty when it is
    bool offered() const { return problem.isEmpty(); }
};

/// Why `path` may not become a PV of a new element VG, or "" when it may.
QString diskProblem(const NodeState& node, const QString& path);

/// Every disk and partition of the node (not LVs, md arrays, loops or CD-ROMs), in the probe's
/// order, each with its problem (empty when offered).
std::vector<DiskChoice> diskChoices(const NodeState& node);

/// Bytes the node's element can have: its LV's size when it exists, else its VG's free space,
/// else what a new VG on `disks` holds (pvcreate's 1 MiB data offset, vgcreate's 4 MiB
/// extents); nullopt when a disk's size is unknown.
std::optional<qint64> elementRoom(const NodeState& node, const ElementRef& element,
                                  const QStringList& disks);

} // namespace nr1
