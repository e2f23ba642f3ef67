#include "base/NodeScript.h"
#include "plan/Ownership.h"
#include "plan/PlanBuilder.h"
#include "plan/Stages.h"

#include <algorithm>

namespace nr1 {

namespace {

/// The kernel name of the device at `path` on the Primary, or "".
QString kernelName(const NodeState& node, const QString& path) {
    const BlockDevice* device = node.findBlockDeviceByPath(path);
    return device ? device->name : QString();
}

bool isActiveMember(const PairState& s, const QString& md, const QString& path) {
    const MdstatArray* array = s.primary.mdstat.find(md);
    const QString name = kernelName(s.primary, path);
    if (!array || name.isEmpty())
        return false;
    for (const MdstatMember& member : array->members)
        if (member.device == name && !member.faulty)
            return true;
    return false;
}

/// The array is inactive holding only the Primary's element, its remote leg not imported: the
/// boot assembled it from the local leg and it waits for the other (the boot's login did not
/// happen: the link was down, or the node record was unreadable). Once this plan logged in, md
/// starts it with both legs; a repair run again then activates the volume and serves the LUN.
/// Anything else inactive is refused: nr1 does not guess at an array it cannot read.
void planWaitingArrayStart(PlanBuilder& b, const MdstatArray& array) {
    const NodeRole pri = NodeRole::Primary;
    const PairIntent& intent = b.intent();
    const QString md = intent.mdDeviceName();
    const QString mdPath = intent.layout.mdDevice;
    const QString remote = intent.layout.replication.byPathLink();
    const QString local = kernelName(b.node(pri), intent.layout.primaryElement.devicePath());
    const bool onlyLocalLeg =
        !local.isEmpty() && !array.members.empty() &&
        std::all_of(array.members.begin(), array.members.end(),
                    [&local](const MdstatMember& m) { return m.device == local && !m.faulty; });
    if (!onlyLocalLeg || b.node(pri).findBlockDeviceByPath(remote) ||
        !b.planned(PlannedFact::ReplicationImport)) {
        b.refuse(QStringLiteral("%1 exists on the Primary but is inactive: look at it with "
                                "'mdadm --detail %2' before nr1 touches it.")
                     .arg(md, mdPath));
        return;
    }
    b.warn(QStringLiteral("%1 is inactive on the Primary, holding its own leg and waiting for the "
                          "remote one (not imported at boot): once this plan logged in, md starts "
                          "it with both legs (never degraded).")
               .arg(mdPath));
    b.add(pri, nodeScriptArgv(NodeScript::MdStartBothLegs, {mdPath, md, remote}),
          QStringLiteral("Let %1 start with both legs now that the remote one is back (udev's "
                         "incremental assembly, run here if udev has not; no --run).")
              .arg(mdPath))
        .doneWhen(QStringLiteral("%1 runs with the remote element in it").arg(md),
                  [md, remote](const PairState& s) { return isActiveMember(s, md, remote); })
        .noUndo(QStringLiteral("md runs the array it was waiting for"));
    b.followUp(QStringLiteral("Run apply repair again: %1 runs now, and the repair activates the "
                              "volume and serves the LUN.")
                   .arg(mdPath));
}

/// The array exists: it must be ours (the local element in it, running); a remote leg that
/// failed or went missing is put back (md re-adds from the bitmap when it can).
void planArrayRepair(PlanBuilder& b, const MdstatArray& array) {
    const NodeRole pri = NodeRole::Primary;
    const PairIntent& intent = b.intent();
    const QString md = intent.mdDeviceName();
    const QString mdPath = intent.layout.mdDevice;
    const QString local = intent.layout.primaryElement.devicePath();
    const QString remote = intent.layout.replication.byPathLink();
    const NodeState& primary = b.node(pri);
    if (!array.active)
        return planWaitingArrayStart(b, array);
    if (const QString why = foreignArray(b.state(), intent); !why.isEmpty()) {
        b.refuse(why);
        return;
    }
    if (!isActiveMember(b.state(), md, local)) {
        b.refuse(QStringLiteral("%1 does not hold the Primary's element %2 as a working member: "
                                "either it is another array (choose another name) or the local "
                                "leg failed, which nr1 does not repair.")
                     .arg(md, local));
        return;
    }
    bool anyFaulty = false;
    for (const MdstatMember& member : array.members)
        anyFaulty = anyFaulty || member.faulty;
    if (anyFaulty)
        b.add(pri,
              {QStringLiteral("mdadm"), mdPath, QStringLiteral("--remove"),
               QStringLiteral("failed")},
              QStringLiteral("Remove the failed member from %1.").arg(mdPath))
            .doneWhen(QStringLiteral("%1 has no failed member").arg(md),
                      [md](const PairState& s) {
                          const MdstatArray* a = s.primary.mdstat.find(md);
                          return a && std::none_of(a->members.begin(), a->members.end(),
                                                   [](const MdstatMember& m) { return m.faulty; });
                      })
            .noUndo(QStringLiteral("the member had failed"));
    if (isActiveMember(b.state(), md, remote))
        return;
    if (!primary.findBlockDeviceByPath(remote) && !b.planned(PlannedFact::ReplicationImport)) {
        b.refuse(QStringLiteral("The remote element is not reachable on the Primary (%1 is "
                                "missing): bring the Secondary and the replication link back.")
                     .arg(remote));
        return;
    }
    b.warn(QStringLiteral("%1 runs without its remote leg: it is put back and recovers (only the "
                          "changed regions when the bitmap allows).")
               .arg(mdPath));
    // md keeps no generation ids: the script reads the leg's superblock and re-adds it from
    // the bitmap only when it never ran without its partner (else a full resync).
    b.add(pri, nodeScriptArgv(NodeScript::MdAddLeg, {mdPath, remote}),
          QStringLiteral("Put the remote element back into %1 as its write-mostly leg: re-added "
                         "from the bitmap when its superblock shows it never ran without its "
                         "partner, else zeroed and resynced whole (what it wrote alone, serving "
                         "before it was lost, is overwritten); the step's output says which and "
                         "why.")
              .arg(mdPath))
        .doneWhen(QStringLiteral("the remote element is a working member of %1").arg(md),
                  [md, remote](const PairState& s) { return isActiveMember(s, md, remote); })
        .noUndo(QStringLiteral("md recovers onto it; taking it out again only degrades the array"));
}

} // namespace

void planArrayStage(PlanBuilder& b) {
    const NodeRole pri = NodeRole::Primary;
    b.requireCommands(pri, {QStringLiteral("mdadm"), QStringLiteral("blkid")});
    const PairIntent& intent = b.intent();
    const QString md = intent.mdDeviceName();
    const QString mdPath = intent.layout.mdDevice;
    const QString local = intent.layout.primaryElement.devicePath();
    const QString remote = intent.layout.replication.byPathLink();
    const NodeState& primary = b.node(pri);
    if (const MdstatArray* array = b.array()) {
        planArrayRepair(b, *array);
        b.willCreate(PlannedFact::Array);
        return;
    }
    if (b.kind() == QLatin1String("repair")) {
        b.refuse(QStringLiteral("%1 is not running on the Primary: a repair never creates an "
                                "array over the pair's data. Assemble it (mdadm --assemble --scan) "
                                "and repair again.")
                     .arg(mdPath));
        return;
    }
    if (!b.lv(pri, intent.layout.primaryElement) && !b.planned(PlannedFact::PrimaryElement))
        b.refuse(QStringLiteral("The Primary's element %1 does not exist: create the elements "
                                "first.")
                     .arg(local));
    if (!primary.findBlockDeviceByPath(remote) && !b.planned(PlannedFact::ReplicationImport))
        b.refuse(QStringLiteral("The Secondary's element is not imported on the Primary (%1 is "
                                "missing): import it first.")
                     .arg(remote));
    for (const QString& member : {local, remote}) {
        const BlockDevice* device = primary.findBlockDeviceByPath(member);
        if (device && !device->fsType.isEmpty())
            b.refuse(QStringLiteral("%1 carries a %2 signature: nr1 only mirrors blank elements "
                                    "(wipe it if its data is not needed).")
                         .arg(member, device->fsType));
    }
    // nr1's own last look right before --run (which would overwrite silently).
    for (const QString& member : {local, remote})
        b.add(pri, {QStringLiteral("blkid"), QStringLiteral("-p"), member},
              QStringLiteral("Check that %1 carries no signature (blkid finds nothing: exit 2).")
                  .arg(member))
            .acceptExitCodes({2})
            .noUndo(QStringLiteral("only reads"));
    QStringList create = {QStringLiteral("mdadm"),
                          QStringLiteral("--create"),
                          mdPath,
                          QStringLiteral("--metadata=1.2"),
                          QStringLiteral("--level=1"),
                          QStringLiteral("--raid-devices=2"),
                          QStringLiteral("--bitmap=internal")};
    if (intent.writeBehind)
        create << QStringLiteral("--write-behind=%1").arg(*intent.writeBehind);
    create << QStringLiteral("--run") << local << QStringLiteral("--write-mostly") << remote;
    b.add(pri, create,
          QStringLiteral("Create %1: RAID1 of the local element and the remote one (write-mostly), "
                         "with an internal bitmap.")
              .arg(mdPath))
        .doneWhen(QStringLiteral("%1 is active on the Primary").arg(md),
                  [md](const PairState& s) { return runsArray(s.primary, md); })
        .undoWith({{QStringLiteral("mdadm"), QStringLiteral("--stop"), mdPath},
                   {QStringLiteral("mdadm"), QStringLiteral("--zero-superblock"), local},
                   {QStringLiteral("mdadm"), QStringLiteral("--zero-superblock"), remote}});
    b.add(pri, nodeScriptArgv(NodeScript::VerifyArray, {mdPath, remote, md}),
          QStringLiteral("Verify that %1 has its bitmap and the remote member is write-mostly.")
              .arg(mdPath))
        .noUndo(QStringLiteral("only reads"));
    b.willCreate(PlannedFact::Array);
}

void planVolumeStage(PlanBuilder& b) {
    const NodeRole pri = NodeRole::Primary;
    b.requireCommands(pri, {QStringLiteral("lvm")});
    const PairIntent& intent = b.intent();
    const QString mdPath = intent.layout.mdDevice;
    const ElementRef volume = intent.layout.frontEnd.value_or(FrontEndExport{}).volume;
    if (!b.array() && !b.planned(PlannedFact::Array))
        b.refuse(QStringLiteral("%1 does not exist: create the array first.").arg(mdPath));
    const NodeState& primary = b.node(pri);
    const PhysicalVolume* pv = primary.lvm.findPv(mdPath);
    const VolumeGroup* vg = b.vg(pri, volume.vg);
    if (pv && !pv->vgName.isEmpty() && pv->vgName != volume.vg)
        b.refuse(QStringLiteral("%1 already belongs to volume group %2.").arg(mdPath, pv->vgName));
    if (pv && pv->vgName == volume.vg)
        if (const QString why = foreignVolumeGroup(b.state(), intent); !why.isEmpty())
            b.refuse(why);
    if (vg && (!pv || pv->vgName != volume.vg))
        b.refuse(QStringLiteral("Volume group %1 already exists on other disks of the Primary: "
                                "choose another name.")
                     .arg(volume.vg));
    if (!pv) {
        if (const BlockDevice* device = primary.findBlockDeviceByPath(mdPath);
            device && !device->fsType.isEmpty())
            b.refuse(QStringLiteral("%1 carries a %2 signature.").arg(mdPath, device->fsType));
        b.add(pri, {QStringLiteral("pvcreate"), mdPath},
              QStringLiteral("Make %1 an LVM physical volume.").arg(mdPath))
            .doneWhen(QStringLiteral("%1 is a PV").arg(mdPath),
                      [mdPath](const PairState& s) { return s.primary.lvm.findPv(mdPath); })
            .undoWith({{QStringLiteral("pvremove"), mdPath}});
    }
    if (!vg)
        b.add(pri,
              {QStringLiteral("vgcreate"), QStringLiteral("--setautoactivation"),
               QStringLiteral("n"), volume.vg, mdPath},
              QStringLiteral("Create volume group %1 on %2 (activated at boot by nr1's boot "
                             "gate only, not by LVM by itself).")
                  .arg(volume.vg, mdPath))
            .doneWhen(QStringLiteral("VG %1 exists").arg(volume.vg),
                      [vg = volume.vg](const PairState& s) { return s.primary.lvm.findVg(vg); })
            .undoWith({{QStringLiteral("vgremove"), volume.vg}});
    if (!b.lv(pri, volume)) {
        const SizeRequest& size = intent.volumeSize;
        if (!size.max && vg && vg->freeBytes && *vg->freeBytes < size.bytes)
            b.refuse(QStringLiteral("Volume group %1 has %2 free, less than the %3 asked.")
                         .arg(volume.vg, humanSize(*vg->freeBytes), humanSize(size.bytes)));
        const QStringList sizeArguments =
            size.max ? QStringList{QStringLiteral("-l"), QStringLiteral("100%FREE")}
                     : QStringList{QStringLiteral("-L"), lvmSizeArgument(size.bytes)};
        b.add(pri,
              QStringList{QStringLiteral("lvcreate"), QStringLiteral("--yes"),
                          QStringLiteral("--wipesignatures"), QStringLiteral("y"),
                          QStringLiteral("--zero"), QStringLiteral("y")} +
                  sizeArguments + QStringList{QStringLiteral("-n"), volume.lv, volume.vg},
              QStringLiteral("Create the volume %1 (%2).")
                  .arg(volume.devicePath(), size.max ? QStringLiteral("all of %1").arg(volume.vg)
                                                     : humanSize(size.bytes)))
            .doneWhen(QStringLiteral("LV %1 exists").arg(volume.devicePath()),
                      [volume](const PairState& s) {
                          return s.primary.lvm.findLv(volume.vg, volume.lv) != nullptr;
                      })
            .undoWith({{QStringLiteral("lvremove"), QStringLiteral("--yes"),
                        volume.vg + QLatin1Char('/') + volume.lv}});
    }
    b.willCreate(PlannedFact::Volume);
}

} // namespace nr1
