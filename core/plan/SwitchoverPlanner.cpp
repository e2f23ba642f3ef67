#include "base/NodeScript.h"
#include "plan/LioExport.h"
#include "plan/PlanBuilder.h"
#include "plan/Planners.h"
#include "plan/RoleSwap.h"
#include "plan/Stages.h"

#include <algorithm>

namespace nr1 {

namespace {

/// The pair as the other node finds it once the old Primary stopped serving (what the first
/// part of the switchover does), seen with the roles swapped: the old Primary without the
/// front-end export, the array, its volume group and the replication login; the old Secondary
/// without its element's export. The stages that build the pair plan the rest from it.
PairState handedOver(const PairState& s, const PairIntent& before, const PairIntent& after) {
    NodeState oldPrimary = s.primary;
    NodeState oldSecondary = s.secondary;
    const FrontEndExport frontEnd = before.layout.frontEnd.value_or(FrontEndExport{});
    const QString md = before.mdDeviceName();
    dropExport(oldPrimary.lio, frontEnd.targetIqn, before.frontEndExport.backstorePath());
    dropExport(oldPrimary.savedLio, frontEnd.targetIqn, before.frontEndExport.backstorePath());
    std::erase_if(oldPrimary.mdstat.arrays, [&](const MdstatArray& a) { return a.name == md; });
    std::erase_if(oldPrimary.mdSysfs, [&](const MdSysfs& a) { return a.array == md; });
    std::erase_if(oldPrimary.lvm.pvs,
                  [&](const PhysicalVolume& pv) { return pv.vgName == frontEnd.volume.vg; });
    std::erase_if(oldPrimary.lvm.vgs,
                  [&](const VolumeGroup& vg) { return vg.name == frontEnd.volume.vg; });
    std::erase_if(oldPrimary.lvm.lvs,
                  [&](const LogicalVolume& lv) { return lv.vgName == frontEnd.volume.vg; });
    const QString replicationIqn = before.layout.replication.targetIqn;
    std::erase_if(oldPrimary.sessions,
                  [&](const IscsiSession& x) { return x.targetIqn == replicationIqn; });
    std::erase_if(oldPrimary.iscsiNodes,
                  [&](const IscsiNodeRecord& r) { return r.targetIqn == replicationIqn; });
    QStringList conf = oldPrimary.mdadmConf.split(u'\n');
    conf.removeIf([&](const QString& line) { return isArrayLine(line, before.layout.mdDevice); });
    oldPrimary.mdadmConf = conf.join(u'\n');
    const QString elementStore = QStringLiteral("/backstores/block/") + before.elementBackstoreName;
    dropExport(oldSecondary.lio, replicationIqn, elementStore);
    dropExport(oldSecondary.savedLio, replicationIqn, elementStore);
    return PairState{after.layout, oldSecondary, oldPrimary};
}

/// The first part: the Primary stops serving (its export, volume group and array, cleanly) and
/// lets go of the replication link; the Secondary stops exporting its element.
void planHandOver(PlanBuilder& b, bool primaryServes) {
    const PairIntent& intent = b.intent();
    const NodeRole pri = NodeRole::Primary;
    const NodeRole sec = NodeRole::Secondary;
    const PairLayout& layout = intent.layout;
    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    const QString md = intent.mdDeviceName();
    const QString mdPath = layout.mdDevice;
    const QString goOn = QStringLiteral("the switchover goes on from here: apply it again (or "
                                        "resume) and it finishes on the other node");
    if (primaryServes)
        b.add(pri, nodeScriptArgv(NodeScript::MdWholeIdle, {md}),
              QStringLiteral("Check that %1 is whole and idle, so the Secondary's element holds "
                             "every write.")
                  .arg(mdPath))
            .noUndo(QStringLiteral("only reads"));
    removeLioExport(b, pri, frontEnd.targetIqn, intent.frontEndExport.plugin(),
                    intent.frontEndExport.backstoreName, QStringLiteral("the volume"));
    if (volumeActive(b.node(pri), frontEnd.volume))
        b.add(pri, {QStringLiteral("vgchange"), QStringLiteral("-an"), frontEnd.volume.vg},
              QStringLiteral("Deactivate the volume group %1 on the Primary.")
                  .arg(frontEnd.volume.vg))
            .doneWhen(QStringLiteral("%1 is not active on the primary").arg(frontEnd.volume.lv),
                      [volume = frontEnd.volume](const PairState& s) {
                          return !volumeActive(s.primary, volume);
                      })
            .irreversibleBecause(goOn);
    if (b.node(pri).mdstat.find(md))
        b.add(pri, {QStringLiteral("mdadm"), QStringLiteral("--stop"), mdPath},
              QStringLiteral("Stop %1 on the Primary (a clean stop: both legs stay in sync).")
                  .arg(mdPath))
            .doneWhen(QStringLiteral("%1 is stopped on the primary").arg(md),
                      [md](const PairState& s) { return !s.primary.mdstat.find(md); })
            .irreversibleBecause(goOn);
    if (hasArrayLine(b.node(pri).mdadmConf, mdPath))
        b.add(pri, commands::removeArrayLine(mdPath),
              QStringLiteral("Remove %1 from the Primary's %2: it no longer assembles it at boot.")
                  .arg(mdPath, commands::mdadmConf()))
            .doneWhen(
                QStringLiteral("%1 on the primary has no ARRAY line for %2")
                    .arg(commands::mdadmConf(), mdPath),
                [mdPath](const PairState& s) { return !hasArrayLine(s.primary.mdadmConf, mdPath); })
            .irreversibleBecause(goOn);
    const ReplicationLink& link = layout.replication;
    const QStringList node = commands::iscsiNode(link);
    if (b.replicationSession())
        b.add(pri, node + QStringList{QStringLiteral("--logout")},
              QStringLiteral("Log the Primary out of the Secondary's element."))
            .doneWhen(
                QStringLiteral("the primary has no session to %1").arg(link.targetIqn),
                [iqn = link.targetIqn](const PairState& s) { return !s.primary.findSession(iqn); })
            .irreversibleBecause(goOn);
    const bool hasRecord =
        std::any_of(b.node(pri).iscsiNodes.begin(), b.node(pri).iscsiNodes.end(),
                    [&link](const IscsiNodeRecord& r) { return r.targetIqn == link.targetIqn; });
    if (hasRecord)
        b.add(pri, node + QStringList{QStringLiteral("-o"), QStringLiteral("delete")},
              QStringLiteral("Forget the node record (no login to the old Secondary at boot)."))
            .irreversibleBecause(goOn);
    removeLioExport(b, sec, link.targetIqn, QStringLiteral("block"), intent.elementBackstoreName,
                    QStringLiteral("the element"));
}

} // namespace

PlanResult planSwitchover(const PairState& state, const PairIntent& intent) {
    const PairLayout& layout = intent.layout;
    PlanBuilder b(state, intent, QStringLiteral("switchover"),
                  QStringLiteral("switch pair %1 over: the Secondary serves, the Primary becomes "
                                 "its Secondary")
                      .arg(layout.name));
    if (!b.acceptIntent())
        return b.finish();
    PairIntent after = swappedIntent(intent);
    for (const QString& problem : validateIntent(after))
        b.refuse(QStringLiteral("Once the roles swap, %1.").arg(problem));
    const QString md = intent.mdDeviceName();
    const bool primaryRuns = runsArray(state.primary, md);
    const bool secondaryRuns = runsArray(state.secondary, md);
    const ElementRef volume = layout.frontEnd.value_or(FrontEndExport{}).volume;
    if (primaryRuns && secondaryRuns)
        b.refuse(QStringLiteral("Both nodes run %1: the legs may differ (split brain). nr1 does "
                                "not choose: stop the one whose data is older yourself.")
                     .arg(md));
    if (primaryRuns) {
        const MdstatArray* array = state.primary.mdstat.find(md);
        const MdSysfs* sysfs = state.primary.findMdSysfs(md);
        const bool degraded = !sysfs || !sysfs->degraded || *sysfs->degraded != 0 ||
                              std::any_of(array->members.begin(), array->members.end(),
                                          [](const MdstatMember& m) { return m.faulty; });
        if (degraded)
            b.refuse(QStringLiteral("%1 is not whole on the Primary: the Secondary's element "
                                    "misses writes. Repair the pair first (apply repair).")
                         .arg(layout.mdDevice));
        else if (array->sync)
            b.refuse(QStringLiteral("%1 is busy (a resync, recovery or check at %2%): switch "
                                    "over when it is idle.")
                         .arg(layout.mdDevice)
                         .arg(array->sync->percent, 0, 'f', 1));
        if (state.secondary.lvm.findVg(volume.vg))
            b.refuse(QStringLiteral("The Secondary already has a volume group %1: the array's "
                                    "would clash with it. Rename the Secondary's (vgrename).")
                         .arg(volume.vg));
    }
    const LunIdentity* identity = recordedIdentity(state, layout.name);
    if (!identity)
        b.refuse(QStringLiteral("Neither node records the LUN's identity: apply export first (it "
                                "records it), so the other node serves the same disk."));
    if (b.refused())
        return b.finish();

    // The other node serves the LUN as recorded: initiators, portals and CHAP user.
    serveRecordedIdentity(b, after, *identity);
    if (b.refused())
        return b.finish();

    b.requireConfirmation(layout.name);
    if (primaryRuns)
        b.warn(QStringLiteral("Front-end initiators lose the LUN %1 while it moves (tens of "
                              "seconds): I/O waits in their replacement timeout.")
                   .arg(identity->targetIqn));
    else if (!secondaryRuns)
        b.warn(QStringLiteral("%1 runs on neither node (a switchover that stopped half way): it "
                              "is assembled on the Secondary from both legs.")
                   .arg(layout.mdDevice));
    planHandOver(b, primaryRuns);

    const PairState next = handedOver(state, intent, after);
    PlanBuilder other(next, after, QStringLiteral("switchover"), QString());
    planReplicationExport(other);
    planReplicationImport(other);
    planTakeUp(other, TakeUp::BothLegs);
    planExportStage(other);
    planPersistenceStage(other);
    PlanResult taken = other.finishPart();
    if (!taken.ok()) {
        for (const QString& why : taken.reasons())
            b.refuse(QStringLiteral("On the Secondary: %1").arg(why));
        return b.finish();
    }
    appendSwapped(b, taken.value(), after.layout);
    b.followUp(QStringLiteral("The roles swap in the inventory: the old Secondary is the Primary "
                              "now. A switch back is another switchover."));
    return b.finish();
}

} // namespace nr1
