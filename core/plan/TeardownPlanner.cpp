#include "base/NodeScript.h"
#include "plan/BootGate.h"
#include "plan/LioExport.h"
#include "plan/Ownership.h"
#include "plan/PlanBuilder.h"
#include "plan/Planners.h"
#include "plan/Stages.h"

namespace nr1 {

namespace {

void removeLv(PlanBuilder& b, NodeRole node, const ElementRef& ref, const QString& what) {
    if (!b.lv(node, ref))
        return;
    b.add(node,
          {QStringLiteral("lvremove"), QStringLiteral("--yes"), ref.vg + QLatin1Char('/') + ref.lv},
          QStringLiteral("Remove %1 %2 and its data.").arg(what, ref.devicePath()))
        .doneWhen(
            QStringLiteral("%1 is gone from the %2").arg(ref.devicePath(), nodeRoleName(node)),
            [node, ref](const PairState& s) { return !s.node(node).lvm.findLv(ref.vg, ref.lv); })
        .irreversibleBecause(QStringLiteral("the data is gone"));
}

/// Removes the drop-in that made LIO's restore wait for a device that is going away.
void removeLioRestoreOrder(PlanBuilder& b, NodeRole node, const QString& device) {
    if (!lioRestoreWaitsFor(b.node(node), device))
        return;
    b.add(node, commands::removeFile(lioRestoreDropin(b.intent().layout.name)),
          QStringLiteral("Stop LIO's restore at boot from waiting for %1.").arg(device))
        .noUndo(QStringLiteral("the export is gone"));
}

/// Refuses, saying what was found, when an object the teardown down to `level` would remove
/// exists under the pair's name but is not proven the pair's (Ownership.h). True when all are.
bool refuseWhatIsNotThePair(PlanBuilder& b, TeardownLevel level) {
    const PairState& state = b.state();
    const PairIntent& intent = b.intent();
    const PairLayout& layout = intent.layout;
    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    const QString volumeStore = intent.frontEndExport.backstorePath();
    QStringList found{
        foreignBackstore(state, NodeRole::Primary, volumeStore, frontEnd.volume.devicePath()),
        foreignTarget(state, NodeRole::Primary, frontEnd.targetIqn, volumeStore)};
    if (level >= TeardownLevel::Volume)
        found << foreignVolumeGroup(state, intent);
    if (level >= TeardownLevel::Volume &&
        (level >= TeardownLevel::Array || state.primary.lvm.findPv(layout.mdDevice) ||
         state.primary.lvm.findVg(frontEnd.volume.vg)))
        found << foreignArray(state, intent);
    if (level >= TeardownLevel::Elements) {
        const QString elementStore =
            QStringLiteral("/backstores/block/") + intent.elementBackstoreName;
        found << foreignBackstore(state, NodeRole::Secondary, elementStore,
                                  layout.secondaryElement.devicePath())
              << foreignTarget(state, NodeRole::Secondary, layout.replication.targetIqn,
                               elementStore);
    }
    found.removeAll(QString());
    for (const QString& why : found)
        b.refuse(why);
    return found.isEmpty();
}

} // namespace

PlanResult planTeardown(const PairState& state, const PairIntent& intent, TeardownLevel level) {
    const PairLayout& layout = intent.layout;
    static const char* const names[] = {"export", "volume", "array", "elements"};
    PlanBuilder b(state, intent, QStringLiteral("teardown"),
                  QStringLiteral("tear down pair %1 down to its %2")
                      .arg(layout.name, QLatin1String(names[int(level)])));
    if (!b.acceptIntent())
        return b.finish();
    const NodeRole pri = NodeRole::Primary;
    const NodeRole sec = NodeRole::Secondary;
    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    const QString mdPath = layout.mdDevice;
    const QString md = intent.mdDeviceName();
    const QString local = layout.primaryElement.devicePath();
    const QString remote = layout.replication.byPathLink();

    if (!refuseWhatIsNotThePair(b, level))
        return b.finish();

    b.warn(QStringLiteral("Front-end initiators lose the LUN %1: stop their I/O and log them out "
                          "first.")
               .arg(frontEnd.targetIqn));
    removeLioExport(b, pri, frontEnd.targetIqn, intent.frontEndExport.plugin(),
                    intent.frontEndExport.backstoreName, QStringLiteral("the volume"));
    removeLioRestoreOrder(b, pri, frontEnd.volume.devicePath());
    planIdentityRemoval(b);
    planFrontEndAddressRemoval(b, pri);
    planFrontEndAddressRemoval(b, NodeRole::Secondary);
    b.requireConfirmation(frontEnd.volume.lv);

    if (level >= TeardownLevel::Volume) {
        b.warn(QStringLiteral("All data on the volume %1 is destroyed.")
                   .arg(frontEnd.volume.devicePath()));
        removeLv(b, pri, frontEnd.volume, QStringLiteral("the volume"));
        if (b.vg(pri, frontEnd.volume.vg))
            b.add(pri, {QStringLiteral("vgremove"), frontEnd.volume.vg},
                  QStringLiteral("Remove volume group %1.").arg(frontEnd.volume.vg))
                .doneWhen(QStringLiteral("VG %1 is gone").arg(frontEnd.volume.vg),
                          [vg = frontEnd.volume.vg](const PairState& s) {
                              return !s.primary.lvm.findVg(vg);
                          })
                .irreversibleBecause(QStringLiteral("the data is gone"));
        if (b.node(pri).lvm.findPv(mdPath))
            b.add(pri, {QStringLiteral("pvremove"), mdPath},
                  QStringLiteral("Remove the LVM label from %1.").arg(mdPath))
                .doneWhen(QStringLiteral("%1 is no PV").arg(mdPath),
                          [mdPath](const PairState& s) { return !s.primary.lvm.findPv(mdPath); })
                .irreversibleBecause(QStringLiteral("the data is gone"));
        // The gate activates the volume group at boot: with it gone, so is the gate's work.
        planBootGateRemoval(b, pri);
        planBootGateRemoval(b, sec);
    }

    if (level >= TeardownLevel::Array) {
        b.requireConfirmation(md);
        b.warn(QStringLiteral("The mirror %1 is stopped and its superblocks erased on both "
                              "elements.")
                   .arg(mdPath));
        if (b.array())
            b.add(pri, {QStringLiteral("mdadm"), QStringLiteral("--stop"), mdPath},
                  QStringLiteral("Stop %1.").arg(mdPath))
                .doneWhen(QStringLiteral("%1 is stopped").arg(md),
                          [md](const PairState& s) { return !s.primary.mdstat.find(md); })
                .irreversibleBecause(QStringLiteral("the superblocks are erased next"));
        if (hasArrayLine(b.node(pri).mdadmConf, mdPath))
            b.add(pri, commands::removeArrayLine(mdPath),
                  QStringLiteral("Remove %1 from %2.").arg(mdPath, commands::mdadmConf()))
                .irreversibleBecause(QStringLiteral("the array is gone"));
        // Masked on the Primary, and on a Secondary that was the Primary once.
        for (const NodeRole role : {pri, sec})
            if (lastResortMasked(b.node(role), md))
                b.add(role,
                      {QStringLiteral("systemctl"), QStringLiteral("unmask"), lastResortTimer(md),
                       QStringLiteral("mdadm-last-resort@%1.service").arg(md)},
                      QStringLiteral("Give %1's last-resort start at boot back to Debian.").arg(md))
                    .irreversibleBecause(QStringLiteral("the array is gone"));
        const QString secondaryElement = layout.secondaryElement.devicePath();
        if (b.node(sec).mdadmConf.contains(QLatin1String("ARRAY <ignore> UUID=")) &&
            b.lv(sec, layout.secondaryElement))
            b.add(sec,
                  nodeScriptArgv(NodeScript::MdadmIgnoreDrop,
                                 {secondaryElement, commands::mdadmConf()}),
                  QStringLiteral("Remove the ignore rule for this array from the Secondary's %1.")
                      .arg(commands::mdadmConf()))
                .irreversibleBecause(QStringLiteral("the array is gone"));
        for (const QString& member : {local, remote})
            if (b.node(pri).findBlockDeviceByPath(member))
                b.add(pri, {QStringLiteral("mdadm"), QStringLiteral("--zero-superblock"), member},
                      QStringLiteral("Erase the md superblock on %1.").arg(member))
                    .irreversibleBecause(QStringLiteral("the array is gone"));
    }

    if (level >= TeardownLevel::Elements) {
        b.warn(QStringLiteral("Both elements are removed: nothing of the pair's data remains."));
        const ReplicationLink& link = layout.replication;
        const QStringList node = commands::iscsiNode(link);
        const IscsiSession* session = b.replicationSession();
        if (session && session->loggedIn())
            b.add(pri, node + QStringList{QStringLiteral("--logout")},
                  QStringLiteral("Log the Primary out of the Secondary's element."))
                .irreversibleBecause(QStringLiteral("the element is removed next"));
        bool hasRecord = false;
        for (const IscsiNodeRecord& record : b.node(pri).iscsiNodes)
            hasRecord = hasRecord || record.targetIqn == link.targetIqn;
        if (hasRecord)
            b.add(pri, node + QStringList{QStringLiteral("-o"), QStringLiteral("delete")},
                  QStringLiteral("Forget the node record (no login at boot)."))
                .irreversibleBecause(QStringLiteral("the element is removed next"));
        removeLv(b, pri, layout.primaryElement, QStringLiteral("the Primary's element"));
        removeLioExport(b, sec, link.targetIqn, QStringLiteral("block"),
                        intent.elementBackstoreName, QStringLiteral("the element"));
        removeLioRestoreOrder(b, sec, layout.secondaryElement.devicePath());
        removeLv(b, sec, layout.secondaryElement, QStringLiteral("the Secondary's element"));
        b.followUp(QStringLiteral("The element volume groups (%1, %2) and their disks stay; remove "
                                  "them with vgremove/pvremove if they are no longer needed.")
                       .arg(layout.primaryElement.vg, layout.secondaryElement.vg));
    }
    return b.finish();
}

} // namespace nr1
