#pragma once
// Contract: what the plans that move the service to the other node (switchover, takeover)
// share. They build the part that runs once the roles changed with the ordinary stages, on the
// pair seen with its roles swapped (swappedState, with swappedIntent's layout), and append
// those actions to their own plan mapped back: each on the other node, its postcondition read
// from the pair seen swapped (appendSwapped), so the plan names nodes by the roles the
// inventory gives them while it runs. Internal to core/plan.

#include "plan/PlanBuilder.h"

#include <optional>

namespace nr1 {

/// The pair seen with its roles swapped; `swappedLayout` is the swapped intent's layout.
PairState swappedState(const PairState& state, const PairLayout& swappedLayout);

/// Appends `part`, planned on the pair seen swapped, to `b`: each action on the other node,
/// its postcondition read from the pair seen swapped; warnings (marked as naming the roles
/// after the swap) and follow-ups too. With `onlyOn`, the actions `part` plans for the other
/// node are left out (a takeover cannot reach the lost node: what it would need there waits
/// for its rejoin).
void appendSwapped(PlanBuilder& b, const Plan& part, const PairLayout& swappedLayout,
                   std::optional<NodeRole> onlyOn = std::nullopt);

/// The LUN's identity as recorded on the Primary, else on the Secondary; nullptr when neither
/// records it.
const LunIdentity* recordedIdentity(const PairState& state, const QString& pair);

/// Makes `after` serve the LUN exactly as `identity` records it (serial, initiators, portals;
/// the CHAP user, whose secret must be in `after` already: refused through `b` otherwise).
void serveRecordedIdentity(PlanBuilder& b, PairIntent& after, const LunIdentity& identity);

/// How the node that takes the service up gets its array (`b` sees the roles swapped: it is
/// the Primary): from both legs for a switchover (no --run: a missing or stale leg stops the
/// plan instead of starting a degraded array), or from its own leg alone for a takeover
/// (`--run`, never --force). Then write-mostly on the imported leg only, the volume group
/// active, its ignore rule gone (the ARRAY line replaces it).
enum class TakeUp { BothLegs, OwnLegOnly };
void planTakeUp(PlanBuilder& b, TakeUp how);

/// Removes the target `iqn` and the storage object at `storePath` from `lio` (the pair as it
/// will be once an export is deleted).
void dropExport(LioConfig& lio, const QString& iqn, const QString& storePath);
bool volumeActive(const NodeState& node, const ElementRef& volume);
/// `vgchange -ay` of the volume's group on the Primary, done when the volume is active, undone
/// by `vgchange -an`.
void planVolumeActivation(PlanBuilder& b, const ElementRef& volume);

} // namespace nr1
