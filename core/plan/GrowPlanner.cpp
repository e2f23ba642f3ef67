#include "base/NodeScript.h"
#include "plan/GrowthRoom.h"
#include "plan/Ownership.h"
#include "plan/PlanBuilder.h"
#include "plan/Planners.h"
#include "plan/Stages.h"

#include <algorithm>

namespace nr1 {

// A grow is built from these steps, in this order (planGrow at the end of the file): every
// refusal first (tools, layers, array health, then room for the target size), and only when
// none applies, the actions bottom up: both elements, the Primary's rescan of the imported
// one, md onto the larger elements, the repair of md's new region, the PV and the volume, and
// what the initiators must do afterwards. planUnfinishedGrowStage (the repair plan's) finishes a
// grow that stopped after md grew with the same region repair and volume steps.

namespace {

void requireGrowTools(PlanBuilder& b) {
    b.requireCommands(NodeRole::Primary, {QStringLiteral("lvm"), QStringLiteral("mdadm"),
                                          QStringLiteral("iscsiadm"), QStringLiteral("blockdev")});
    b.requireCommands(NodeRole::Secondary, {QStringLiteral("lvm")});
}

/// True when md is larger than the PV on it by more than LVM's rounding: a grow stopped after
/// md grew (before pvresize).
bool unfinishedGrowth(const PhysicalVolume& pv) {
    return pv.deviceSizeBytes && pv.sizeBytes &&
           *pv.deviceSizeBytes - *pv.sizeBytes > (qint64(8) << 20);
}

/// Refuses unless both elements, the volume and the PV on md exist, the PV is in the volume's
/// VG, and no earlier grow stopped half way.
void requireGrowableLayers(PlanBuilder& b) {
    const NodeRole pri = NodeRole::Primary;
    const NodeRole sec = NodeRole::Secondary;
    const PairLayout& layout = b.intent().layout;
    const QString mdPath = layout.mdDevice;
    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    const LogicalVolume* local = b.lv(pri, layout.primaryElement);
    const LogicalVolume* remote = b.lv(sec, layout.secondaryElement);
    if (!local || !b.vg(pri, layout.primaryElement.vg) || !local->sizeBytes)
        b.refuse(QStringLiteral("The Primary's element %1 does not exist.")
                     .arg(layout.primaryElement.devicePath()));
    if (!remote || !b.vg(sec, layout.secondaryElement.vg) || !remote->sizeBytes)
        b.refuse(QStringLiteral("The Secondary's element %1 does not exist.")
                     .arg(layout.secondaryElement.devicePath()));
    if (!b.lv(pri, frontEnd.volume))
        b.refuse(QStringLiteral("The volume %1 does not exist.").arg(frontEnd.volume.devicePath()));
    const PhysicalVolume* pv = b.node(pri).lvm.findPv(mdPath);
    if (!pv)
        b.refuse(QStringLiteral("%1 is not an LVM physical volume.").arg(mdPath));
    else if (pv->vgName != frontEnd.volume.vg)
        b.refuse(QStringLiteral("The volume group %1 is not on %2 (%2 belongs to '%3'): nr1 grows "
                                "only the pair's own volume.")
                     .arg(frontEnd.volume.vg, mdPath, pv->vgName));
    else if (const QString why = foreignVolumeGroup(b.state(), b.intent()); !why.isEmpty())
        b.refuse(why);
    // A grow that stopped half way leaves md larger than its PV: a new grow would start from
    // the new sizes and leave the region unrepaired; the repair plan finishes it.
    else if (unfinishedGrowth(*pv))
        b.refuse(QStringLiteral("%1 is %2 larger than its PV: an earlier grow stopped after md "
                                "grew. `nr1ctl apply repair` (Pair → Repair… in the console) "
                                "finishes it: the new region's repair, the PV and the volume; "
                                "then grow again.")
                     .arg(mdPath, humanSize(*pv->deviceSizeBytes - *pv->sizeBytes)));
}

/// Refuses unless the array is whole, idle and both legs are reachable.
void requireHealthyArray(PlanBuilder& b) {
    const QString md = b.intent().mdDeviceName();
    const MdstatArray* array = b.array();
    const MdSysfs* sysfs = b.node(NodeRole::Primary).findMdSysfs(md);
    if (!array || !array->active || !sysfs) {
        b.refuse(QStringLiteral("%1 is not running on the Primary.").arg(md));
        return;
    }
    if (const QString why = foreignArray(b.state(), b.intent()); !why.isEmpty()) {
        b.refuse(why);
        return;
    }
    if (array->pattern.contains(QLatin1Char('_')) || sysfs->degraded.value_or(0) > 0)
        b.refuse(QStringLiteral("%1 is degraded ([%2]): bring the remote leg back and wait for "
                                "the recovery before growing.")
                     .arg(md, array->pattern));
    if (sysfs->syncAction && *sysfs->syncAction != MdSyncAction::Idle) {
        QString progress;
        if (array->sync)
            progress = QStringLiteral(" (%1% done)")
                           .arg(double(array->sync->doneKiB) * 100.0 /
                                    double(std::max<qint64>(1, array->sync->totalKiB)),
                                0, 'f', 1);
        b.refuse(QStringLiteral("%1 is busy with %2%3: wait until it is idle.")
                     .arg(md, mdSyncActionName(*sysfs->syncAction), progress));
    }
    if (array->syncWait != MdSyncWait::None)
        b.refuse(QStringLiteral("%1 has a %2 waiting (DELAYED or PENDING): wait until it ran.")
                     .arg(md, array->syncWaitAction));
    const IscsiSession* session = b.replicationSession();
    if (!session || !session->loggedIn())
        b.refuse(QStringLiteral("The Primary is not logged in to the Secondary's element: the "
                                "remote leg must be reachable to grow."));
}

/// The size both elements end at: the larger of the two today plus the growth. Nullopt after
/// refusing when either node lacks the room.
std::optional<qint64> elementTarget(PlanBuilder& b, const SizeRequest& growth) {
    const PairLayout& layout = b.intent().layout;
    const GrowthRoom room = GrowthRoom::of(b.state(), b.intent());
    const qint64 localFree = room.now().primaryGive.value_or(0);
    const qint64 remoteFree = room.now().secondaryGive.value_or(0);
    const qint64 target = room.targetFor(growth);
    if (target <= room.currentElementBytes()) {
        b.refuse(QStringLiteral("There is no room to grow: %1 has %2 free on the Primary and "
                                "%3 %4 on the Secondary.")
                     .arg(layout.primaryElement.vg, humanSize(localFree),
                          layout.secondaryElement.vg, humanSize(remoteFree)));
        return std::nullopt;
    }
    if (target > room.primaryRoomBytes())
        b.refuse(QStringLiteral("The Primary's %1 has %2 free: not enough to grow the element to "
                                "%3.")
                     .arg(layout.primaryElement.vg, humanSize(localFree), humanSize(target)));
    if (target > room.secondaryRoomBytes())
        b.refuse(QStringLiteral("The Secondary's %1 has %2 free: not enough to grow the element to "
                                "%3.")
                     .arg(layout.secondaryElement.vg, humanSize(remoteFree), humanSize(target)));
    if (b.refused())
        return std::nullopt;
    return target;
}

/// lvextend of each element smaller than `target`, the Secondary's first.
void growElements(PlanBuilder& b, qint64 target) {
    for (const NodeRole role : {NodeRole::Secondary, NodeRole::Primary}) {
        // Plain variables, not a structured binding: lambdas below capture them.
        const ElementRef element = b.intent().layout.element(role);
        const LogicalVolume* lv = b.lv(role, element);
        if (*lv->sizeBytes >= target)
            continue;
        const QString name = element.vg + QLatin1Char('/') + element.lv;
        const qint64 before = *lv->sizeBytes;
        b.add(role,
              {QStringLiteral("lvextend"), QStringLiteral("-L"), lvmSizeArgument(target), name},
              QStringLiteral("Grow the %1's element %2 from %3 to %4.")
                  .arg(nodeRoleName(role), element.devicePath(), humanSize(before),
                       humanSize(target)))
            .doneWhen(QStringLiteral("%1 on the %2 is at least %3")
                          .arg(name, nodeRoleName(role), humanSize(target)),
                      [role, element, target](const PairState& s) {
                          const LogicalVolume* l = s.node(role).lvm.findLv(element.vg, element.lv);
                          return l && l->sizeBytes.value_or(0) >= target;
                      })
            // Safe until md grows: nothing but md's own metadata lives past the old end.
            .undoWith(
                {{QStringLiteral("lvreduce"), QStringLiteral("--yes"), QStringLiteral("--force"),
                  QStringLiteral("-L"), lvmSizeArgument(before), name}});
    }
}

/// The Primary rescans its session to the Secondary and waits until the imported element
/// shows `target` bytes.
void rescanImportedElement(PlanBuilder& b, qint64 target) {
    const NodeRole pri = NodeRole::Primary;
    const ReplicationLink& link = b.intent().layout.replication;
    b.add(pri, commands::iscsiNode(link) + QStringList{QStringLiteral("-R")},
          QStringLiteral("Rescan the session to the Secondary so the Primary sees the larger "
                         "element."))
        .noUndo(QStringLiteral("only reads"));
    b.add(
         pri,
         nodeScriptArgv(NodeScript::WaitGrownElement, {link.byPathLink(), QString::number(target)}),
         QStringLiteral("Wait (up to 30 s) until the imported element shows %1.")
             .arg(humanSize(target)))
        .noUndo(QStringLiteral("only reads"));
}

void growArray(PlanBuilder& b) {
    const QString mdPath = b.intent().layout.mdDevice;
    // The planner refuses a degraded or busy array; the node checks again in the same command
    // (a leg may be lost between the plan and this step).
    b.add(NodeRole::Primary,
          nodeScriptArgv(NodeScript::MdGrowWhole, {b.intent().mdDeviceName(), mdPath}),
          QStringLiteral("Grow %1 onto the larger elements (mdadm --grow --size=max), only if it "
                         "is still whole and idle.")
              .arg(mdPath))
        .irreversibleBecause(QStringLiteral("md cannot be shrunk safely once the new region is "
                                            "in use"));
}

/// With an internal bitmap md marks the new region clean without copying it (seen on the
/// testbed: a later check found mismatches). A repair of just that region, from `fromSector`
/// to the end, makes both legs equal before anything is written there. One step, which fails
/// unless md reports the pass done with both legs working: interrupted (a link cut), the run
/// stops there, and the repair plan finishes the grow once the leg is back.
void repairRegion(PlanBuilder& b, qint64 fromSector, const QString& why) {
    const QString md = b.intent().mdDeviceName();
    b.add(NodeRole::Primary,
          nodeScriptArgv(NodeScript::MdRepairRegion, {md, QString::number(fromSector)}),
          QStringLiteral("Copy the new region from the local element to the remote one: md's "
                         "repair from sector %1 (%2) to the end, after md's own pass there; "
                         "fails if a leg is lost meanwhile.")
              .arg(fromSector)
              .arg(why))
        .withTimeout(std::chrono::hours(24))
        .noUndo(QStringLiteral("only makes both legs equal"));
}

/// The PV on md takes the array's new size and the exported volume all of its VG.
void growVolume(PlanBuilder& b) {
    const NodeRole pri = NodeRole::Primary;
    const QString mdPath = b.intent().layout.mdDevice;
    const ElementRef volume = b.intent().layout.frontEnd.value_or(FrontEndExport{}).volume;
    b.add(pri, {QStringLiteral("pvresize"), mdPath},
          QStringLiteral("Grow the LVM physical volume on %1.").arg(mdPath))
        .irreversibleBecause(QStringLiteral("the volume may use the new space"));
    b.add(pri,
          {QStringLiteral("lvextend"), QStringLiteral("-l"), QStringLiteral("+100%FREE"),
           volume.vg + QLatin1Char('/') + volume.lv},
          QStringLiteral("Grow the exported volume %1 into all of %2.")
              .arg(volume.devicePath(), volume.vg))
        .irreversibleBecause(QStringLiteral("shrinking an exported volume loses data"));
}

/// LIO serves the larger volume by itself; the initiators must look again.
void tellInitiatorsToRescan(PlanBuilder& b) {
    b.followUp(QStringLiteral("LIO reports the new size at the next READ CAPACITY; initiators "
                              "must rescan to see it (Linux: iscsiadm -m session -R, then grow "
                              "the filesystem or partition on it)."));
    if (b.intent().frontEndExport.kind == BackstoreKind::FileIo)
        b.followUp(
            QStringLiteral("The fileio backstore sits on the block device %1, whose size it "
                           "follows.")
                .arg(b.intent().layout.frontEnd.value_or(FrontEndExport{}).volume.devicePath()));
}

} // namespace

PlanResult planGrow(const PairState& state, const PairIntent& intent, const SizeRequest& growth) {
    PlanBuilder b(
        state, intent, QStringLiteral("grow"),
        QStringLiteral("grow pair %1 %2")
            .arg(intent.layout.name, growth.max ? QStringLiteral("as much as both nodes allow")
                                                : QStringLiteral("by ") + humanSize(growth.bytes)));
    if (!b.acceptIntent())
        return b.finish();
    requireGrowTools(b);
    requireGrowableLayers(b);
    requireHealthyArray(b);
    if (b.refused())
        return b.finish();
    const std::optional<qint64> target = elementTarget(b, growth);
    if (!target)
        return b.finish();
    growElements(b, *target);
    rescanImportedElement(b, *target);
    growArray(b);
    const QString md = intent.mdDeviceName();
    repairRegion(b, b.node(NodeRole::Primary).findMdSysfs(md)->componentSizeKiB.value_or(0) * 2,
                 QStringLiteral("the old end"));
    growVolume(b);
    tellInitiatorsToRescan(b);
    return b.finish();
}

void planUnfinishedGrowStage(PlanBuilder& b) {
    const QString mdPath = b.intent().layout.mdDevice;
    const PhysicalVolume* pv = b.node(NodeRole::Primary).lvm.findPv(mdPath);
    const ElementRef volume = b.intent().layout.frontEnd.value_or(FrontEndExport{}).volume;
    if (!pv || !unfinishedGrowth(*pv))
        return;
    if (pv->vgName != volume.vg || !b.lv(NodeRole::Primary, volume)) {
        b.warn(QStringLiteral("%1 is larger than its PV (a grow stopped half way), but the PV "
                              "is not the pair's volume group %2 with its volume: nr1 leaves it.")
                   .arg(mdPath, volume.vg));
        return;
    }
    if (const QString why = foreignVolumeGroup(b.state(), b.intent()); !why.isEmpty()) {
        b.refuse(why);
        return;
    }
    // The region md added starts where the PV ends; from 8 MiB before that, so LVM's metadata
    // area and rounding can never leave a part of it out (repairing equal data changes nothing).
    const qint64 pvEndSector = *pv->sizeBytes / 512;
    const qint64 fromSector = std::max<qint64>(0, (pvEndSector - 16384) / 8 * 8);
    b.warn(QStringLiteral("%1 is %2 larger than its PV: a grow stopped after md grew. This plan "
                          "finishes it: the new region's repair, then the PV and the volume.")
               .arg(mdPath, humanSize(*pv->deviceSizeBytes - *pv->sizeBytes)));
    repairRegion(b, fromSector, QStringLiteral("8 MiB before the PV's end"));
    growVolume(b);
    tellInitiatorsToRescan(b);
}

} // namespace nr1
