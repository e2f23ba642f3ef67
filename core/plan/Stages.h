#pragma once
// Contract: the stages a pair is built from, in the order a full pair needs them. Each stage
// appends to the builder only what is missing for its layer (so a stage whose layer is already
// as asked adds nothing), refuses through the builder when its layer cannot be made safely, and
// records with willCreate() the PlannedFact later stages may rely on. Internal to core/plan:
// callers use Planners.h.

namespace nr1 {

class PlanBuilder;

void planElementStage(PlanBuilder& builder);      ///< element LVs (and their VGs) on both nodes
void planReplicationExport(PlanBuilder& builder); ///< the Secondary's element through LIO
void planReplicationImport(PlanBuilder& builder); ///< the Primary logs in to it
void planArrayStage(PlanBuilder& builder);        ///< md RAID1 of both elements
void planVolumeStage(PlanBuilder& builder);       ///< PV, VG and LV on the md array
void planExportStage(PlanBuilder& builder);       ///< the volume as an iSCSI LUN
void planPersistenceStage(PlanBuilder& builder);  ///< mdadm.conf, initramfs, services
/// A grow that stopped after md grew: the new region's repair, the PV and the volume.
void planUnfinishedGrowStage(PlanBuilder& builder);

} // namespace nr1
