#pragma once
// Contract: the pair as an administrator reads it, derived from the probed state and the
// layout's names: both elements, the replication session, the md array with each member's
// role (local or remote element) and flags and any sync progress, the volume and the LUN
// export. Text for terminals and JSON for scripts, from the same values. No I/O.

#include "model/Pair.h"
#include "plan/PairIntent.h"

#include <QJsonObject>

namespace nr1 {

QJsonObject pairStatusJson(const PairState& state, const PairIntent& intent);
/// nr1's boot gate of the pair held the volume down on this node at its last boot (the unit
/// failed: the array did not run with both legs) and the volume is still not active.
bool bootGateHeld(const NodeState& node, const PairLayout& layout);
/// What the node's last boot left undone, one sentence each: LIO still restoring its saved
/// configuration; the boot gate held the volume down (on the Secondary: a node taken over
/// from, whose copy is stale). Shown by status and the monitor.
QStringList bootNotes(const NodeState& node, NodeRole role, const PairLayout& layout);
QString pairStatusText(const PairState& state, const PairIntent& intent);

} // namespace nr1
