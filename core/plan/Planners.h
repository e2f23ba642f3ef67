#pragma once
// Contract: nr1's planners. Each takes the probed state of both nodes and the administrator's
// intent and returns a Plan (only what is missing: a pair already as asked gives an empty plan)
// or refuses with every reason it found. They never run anything; the Executor does.
// - planElements: element LVs (VG/PVs on the chosen disks if needed) on both nodes, the
//   Secondary's element exported to the Primary only, the Primary's import of it;
// - planArray: the md RAID1 (needs the elements); planVolume: PV/VG/LV on it;
// - planExport: the volume as an iSCSI LUN; planPersistence: boot survival on both nodes;
// - planCreatePair: all of the above in one plan; planRepair: the same for a pair that exists
//   but lost a part (its remote leg, its export, its login), and the rest of a grow that
//   stopped after md grew (the new region's repair, the PV, the volume);
// - planGrow: both elements, the rescan, the array (with the new region made consistent),
//   the PV and the volume; planTeardown: a layer and everything above it, in reverse.
// layerRefusals() is what a page that asks about one layer shows: that layer's planner's own
// refusals, the same rules and sentences, with the layers below taken as there.

#include "plan/PairIntent.h"
#include "plan/Plan.h"

namespace nr1 {

PlanResult planElements(const PairState& state, const PairIntent& intent);
PlanResult planArray(const PairState& state, const PairIntent& intent);
PlanResult planVolume(const PairState& state, const PairIntent& intent);
PlanResult planExport(const PairState& state, const PairIntent& intent);
PlanResult planPersistence(const PairState& state, const PairIntent& intent);
PlanResult planCreatePair(const PairState& state, const PairIntent& intent);

/// The layers a pair is built of, bottom first, as a wizard asks about them.
enum class PairLayer { Elements, Array, Volume, Export };
/// What the planner refuses about one layer, in its words: the intent's problems
/// (validateIntent, as every planner) or else the refusals of the layer's stages for the probed
/// state — Elements as planElements (the elements, then the replication link: only the first
/// stage that refuses speaks, a later one would only say that the earlier is missing), Array,
/// Volume and Export as planArray, planVolume and planExport — with every layer below taken as
/// there, made earlier in the same plan when it is not yet. Empty when the layer's part of a
/// plan can be made. For a page that asks about one layer: it shows on every change of its
/// choices exactly what a plan would be refused with for them.
QStringList layerRefusals(PairLayer layer, const PairState& state, const PairIntent& intent);
/// A pair that exists but is not whole (after a reboot or an outage): a Secondary that
/// assembled its element as an array stops it, a lost export or login is restored, and a
/// failed or missing remote leg is put back into the array. It also rejoins the node a
/// takeover left behind, back as the Secondary: what it kept of serving goes first
/// (planFormerPrimaryStage), then its element goes back into the array (md re-adds it from
/// the running array's bitmap when it can).
PlanResult planRepair(const PairState& state, const PairIntent& intent);

/// Grows both elements by `growth` ("max": as much as both nodes allow) and every layer above.
PlanResult planGrow(const PairState& state, const PairIntent& intent, const SizeRequest& growth);

/// Planned maintenance with both nodes up: the Primary stops serving cleanly (its export, the
/// volume group, the array) and lets go of the replication link; the Secondary imports the
/// Primary's element, assembles the array from both legs (no resync), moves write-mostly to
/// the new remote leg, activates the volume group and serves the LUN with the identity both
/// nodes record; the boot configuration of both nodes follows. Refused unless the array is
/// whole and idle (or already moved: a switchover that stopped half way is finished) and the
/// identity is recorded. The plan's steps name the nodes by their roles before the swap; the
/// caller swaps the roles in the inventory once it ran (PairSession::recordRoleSwap).
PlanResult planSwitchover(const PairState& state, const PairIntent& intent);

/// The Primary is lost (down and fenced: the caller's part, see PairSession::planState; the
/// Primary stands as an empty NodeState): the Secondary frees its element (its replication
/// export, a stray array), checks the leg (md-leg-check.sh: the pair's array, no partial
/// recovery), starts the array from it alone (`--run`, never --force), activates the volume
/// group and serves the LUN with the identity it records; its boot configuration follows.
/// Nothing is planned for the lost node: its rejoin does that. Refused when the Primary was
/// read, when the Secondary records no identity, or has a volume group of the volume's name.
/// The caller swaps the roles in the inventory once it ran.
PlanResult planTakeover(const PairState& state, const PairIntent& intent);
/// The Secondary is lost for good (state.secondary empty: not read) and the Primary does not
/// serve by itself (its boot gate held the volume, md0 waits for the lost leg): after the
/// Secondary is fenced, the Primary checks its own leg, starts md0 from it (`mdadm --run`
/// when md0 waits inactive, else an assembly with --run; never --force), activates the
/// volume and serves the LUN as recorded. The roles stay; the Secondary comes back through a
/// repair. Refused when the Secondary answers (repair instead) or the Primary has no element.
PlanResult planServeAlone(const PairState& state, const PairIntent& intent);

enum class TeardownLevel { Export, Volume, Array, Elements };
/// "export", "volume", "array", "elements" → level; nullopt otherwise.
std::optional<TeardownLevel> teardownLevelFromName(const QString& name);
PlanResult planTeardown(const PairState& state, const PairIntent& intent, TeardownLevel level);

} // namespace nr1
