#pragma once
// Contract: the stages a pair is built from, in the order a full pair needs them. Each stage
// appends to the builder only what is missing for its layer (so a stage whose layer is already
// as asked adds nothing), refuses through the builder when its layer cannot be made safely, and
// records with willCreate() the PlannedFact later stages may rely on. Internal to core/plan:
// callers use Planners.h.

#include "model/Pair.h"

namespace nr1 {

class PlanBuilder;
struct PairIntent;

void planElementStage(PlanBuilder& builder);      ///< element LVs (and their VGs) on both nodes
void planReplicationExport(PlanBuilder& builder); ///< the Secondary's element through LIO
void planReplicationImport(PlanBuilder& builder); ///< the Primary logs in to it
/// The node's records of target `iqn` that iscsiadm cannot read (empty or cut short by a power
/// loss) removed: while one is there discovery cannot write the record again (it says so and
/// exits 0), no `-o delete` finds it, and the boot's login skips it. Unreadable records of
/// other targets are only named in a warning: they are not the pair's.
void planBrokenRecordsDropped(PlanBuilder& builder, NodeRole node, const QString& iqn);
void planArrayStage(PlanBuilder& builder);  ///< md RAID1 of both elements
void planVolumeStage(PlanBuilder& builder); ///< PV, VG and LV on the md array
void planExportStage(PlanBuilder& builder); ///< the volume as an iSCSI LUN
/// The pair's floating front-end address (when it has one) on the Primary, which serves the
/// LUN, after it is removed from the Secondary if that holds it. Once per plan; the export
/// stage plans it.
void planFrontEndAddress(PlanBuilder& builder);
/// A repair: the address on a Primary that serves the LUN, and off a Secondary.
void planFrontEndAddressStage(PlanBuilder& builder);
/// Removes the address from the node in `role` if it holds it (a teardown of the export).
void planFrontEndAddressRemoval(PlanBuilder& builder, NodeRole role);
/// Whose boot configuration the persistence stage plans: both nodes', or the Primary's alone
/// (a takeover: the other node is lost).
enum class PersistenceOf { BothNodes, PrimaryOnly };
/// mdadm.conf, initramfs, LIO's restore order, services: planPersistenceFor(BothNodes).
void planPersistenceStage(PlanBuilder& builder);
void planPersistenceFor(PlanBuilder& builder, PersistenceOf nodes);
/// A Secondary that served the pair before (the Primary lost in a takeover, back again): what
/// it kept of that role goes: the ARRAY line of the pair's array, the front-end export
/// (running, or saved for its boot), its node records of the element target (readable ones
/// through a logout, those a power loss emptied by removing the file).
void planFormerPrimaryStage(PlanBuilder& builder);
/// Stops an md array the node assembled from its own element (udev at boot, without the
/// ignore rule): nothing else may use the element while it holds it.
void stopArraysHoldingElement(PlanBuilder& builder, NodeRole role);
/// A grow that stopped after md grew: the new region's repair, the PV and the volume.
void planUnfinishedGrowStage(PlanBuilder& builder);
/// A Primary that runs the array but not the volume (nr1's boot gate held it at boot: the
/// array did not run with both legs in time): the volume activated, once the stages before
/// have the remote leg back in the array (they refuse when they cannot).
void planVolumeHeldAtBootStage(PlanBuilder& builder);
/// The front-end export LIO lost at the Primary's boot, served again with the LUN's recorded
/// identity: LIO restored nothing (its saved configuration unreadable after a power loss; only
/// saved again when the export still runs), or restored the target without the LUN (the
/// volume was not active then). Nothing when the saved configuration has no such LUN. A LUN
/// that runs without a recorded identity on both nodes (a pair built by hand, adopted) gets
/// what runs recorded (identityToRecord).
void planExportLostAtBootStage(PlanBuilder& builder);
/// The LUN's identity records (/etc/nr1/PAIR.identity) removed from the nodes that have one:
/// the export is torn down. The undo writes each back.
void planIdentityRemoval(PlanBuilder& builder);
/// Where appendServedExport's actions run: both nodes, or the Primary alone (the Secondary is
/// lost: the identity is not recorded there).
enum class ExportOnto { BothNodes, PrimaryOnly };
/// The export stage planned for `served` (the plan's intent serving the LUN's recorded
/// identity) and its actions and warnings appended to `builder`, after what the builder already
/// planned of the volume; the export and the front-end address count as planned. Refuses with
/// the export stage's reasons.
void appendServedExport(PlanBuilder& builder, const PairIntent& served, ExportOnto onto);

} // namespace nr1
