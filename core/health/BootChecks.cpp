// The "boot" group: what each node does at its next boot. The Primary assembles the array from
// its ARRAY line (and a boot image that knows it), never starts it with one leg on its own
// (last-resort timer masked), activates the volume only through nr1's boot gate, and LIO
// restores what runs now, after the device it serves; the Secondary never assembles its
// element; the units that log in and restore start at boot.

#include "health/CheckInput.h"
#include "plan/BootGate.h"
#include "plan/Plan.h"
#include "plan/PlanBuilder.h"

namespace nr1 {

namespace {

const QString kGroup = QStringLiteral("boot");
const NodeRole kBoth[] = {NodeRole::Primary, NodeRole::Secondary};

HealthCheck arrayLine(const CheckInput& input) {
    const QString md = input.layout().mdDevice;
    HealthCheck check =
        newCheck(kGroup, QStringLiteral("boot-array-line"),
                 QStringLiteral("The Primary's mdadm.conf has the ARRAY line of %1").arg(md));
    if (!nodesRead(check, input, {NodeRole::Primary}))
        return check;
    const QString conf = input.primary->mdadmConf;
    const qsizetype nul = conf.count(QChar(0));
    const bool has = hasArrayLine(QString(conf).remove(QChar(0)), md);
    for (const QString& line : conf.split(QLatin1Char('\n')))
        if (isArrayLine(line, md))
            check.evidence << QStringLiteral("%1: %2").arg(nodeLabel(input, NodeRole::Primary),
                                                           line.trimmed());
    if (nul > 0)
        check.evidence << QStringLiteral("%1: %2 holds %3 NUL bytes (a write lost at a power "
                                         "loss)")
                              .arg(nodeLabel(input, NodeRole::Primary), commands::mdadmConf())
                              .arg(nul);
    if (!has)
        check.evidence << QStringLiteral("%1: no ARRAY line of %2 in %3")
                              .arg(nodeLabel(input, NodeRole::Primary), md, commands::mdadmConf());
    if (has && nul == 0)
        conclude(check, CheckResult::Ok, QStringLiteral("It is assembled at boot."));
    else
        conclude(check, CheckResult::Failing,
                 has ? QStringLiteral("mdadm skips the line the NUL bytes start.")
                     : QStringLiteral("After a reboot %1 is not assembled under its name (udev "
                                      "may assemble it as md127, or not at all).")
                           .arg(md),
                 QStringLiteral("repair"));
    return check;
}

HealthCheck initramfs(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("boot-initramfs"),
                                 QStringLiteral("Each node's boot image is newer than its "
                                                "mdadm.conf"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    const QString conf = commands::mdadmConf();
    QStringList stale;
    bool unknown = false;
    bool canUpdate = true; // every stale node has update-initramfs: the repair plan runs it
    for (NodeRole role : kBoth) {
        const QMap<QString, qint64>& times = input.node(role)->bootFileTimes;
        QString image;
        for (auto it = times.begin(); it != times.end(); ++it)
            if (it.key().startsWith(QLatin1String("/boot/")))
                image = it.key();
        if (times.isEmpty()) {
            unknown = true;
            check.evidence << QStringLiteral("%1: not read").arg(nodeLabel(input, role));
        } else if (image.isEmpty()) {
            check.evidence << QStringLiteral("%1: no initramfs of the running kernel")
                                  .arg(nodeLabel(input, role));
        } else if (!times.contains(conf)) {
            check.evidence << QStringLiteral("%1: no %2").arg(nodeLabel(input, role), conf);
        } else {
            const qint64 behind = times.value(conf) - times.value(image);
            check.evidence << QStringLiteral("%1: %2 changed %3 s %4 %5")
                                  .arg(nodeLabel(input, role), image)
                                  .arg(qAbs(behind))
                                  .arg(behind > 0 ? QStringLiteral("before")
                                                  : QStringLiteral("after"),
                                       conf);
            if (initramfsOlderThanMdadmConf(*input.node(role))) {
                stale << nodeRoleName(role);
                canUpdate =
                    canUpdate && input.node(role)->hasCommand(QStringLiteral("update-initramfs"));
            }
        }
    }
    if (!stale.isEmpty())
        conclude(check, CheckResult::Failing,
                 QStringLiteral("The boot image predates mdadm.conf %1: an early boot that "
                                "assembles arrays does it from the old configuration. Run "
                                "`update-initramfs -u` there.")
                     .arg(onNodes(stale)),
                 canUpdate ? QStringLiteral("repair") : QString());
    else if (unknown)
        conclude(check, CheckResult::Unknown,
                 QStringLiteral("The times of the files were not read (an older probe)."));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("Both boot images know mdadm.conf."));
    return check;
}

HealthCheck ignoreRule(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("boot-ignore-rule"),
                                 QStringLiteral("The Secondary never assembles its element as an "
                                                "array (ARRAY <ignore> with the array's UUID)"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    const QString uuid = mdArrayUuid(*input.primary, input.intent.mdDeviceName());
    if (uuid.isEmpty()) {
        conclude(check, CheckResult::Unknown,
                 QStringLiteral("The array's UUID is not known: it does not run on the "
                                "Primary."));
        return check;
    }
    const QString rule = ignoreRuleLine(uuid);
    const bool has = hasIgnoreRule(*input.secondary, uuid);
    check.evidence << QStringLiteral("%1: %2 %3")
                          .arg(nodeLabel(input, NodeRole::Secondary),
                               has ? QStringLiteral("has") : QStringLiteral("lacks"), rule);
    if (has)
        conclude(check, CheckResult::Ok, QStringLiteral("The element is left to LIO at boot."));
    else
        conclude(check, CheckResult::Failing,
                 QStringLiteral("At boot udev may assemble the element as an array; LIO then "
                                "cannot export it and the Primary loses its remote leg."),
                 QStringLiteral("repair"));
    return check;
}

HealthCheck lastResort(const CheckInput& input) {
    const QString timer = lastResortTimer(input.intent.mdDeviceName());
    HealthCheck check = newCheck(kGroup, QStringLiteral("boot-last-resort"),
                                 QStringLiteral("The Primary never starts the array with one leg "
                                                "on its own at boot (%1 masked)")
                                     .arg(timer));
    if (!nodesRead(check, input, {NodeRole::Primary}))
        return check;
    const QString state = input.primary->unitStates.value(timer);
    check.evidence << QStringLiteral("%1: %2 is %3")
                          .arg(nodeLabel(input, NodeRole::Primary), timer,
                               state.isEmpty() ? QStringLiteral("not masked") : state);
    if (lastResortMasked(*input.primary, input.intent.mdDeviceName()))
        conclude(check, CheckResult::Ok, QStringLiteral("Masked."));
    else
        conclude(check, CheckResult::Failing,
                 QStringLiteral("A Primary that boots without its peer (taken over meanwhile) "
                                "would start its stale leg after 30 s."),
                 QStringLiteral("repair"));
    return check;
}

HealthCheck gate(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("boot-gate"),
                                 QStringLiteral("nr1's boot gate is installed and enabled on both "
                                                "nodes, and the volume group has autoactivation "
                                                "off"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    if (!input.layout().frontEnd) {
        conclude(check, CheckResult::Ok, QStringLiteral("The pair has no volume to gate."));
        return check;
    }
    QStringList without;
    const QString unit = bootGateUnit(input.layout().name);
    for (NodeRole role : kBoth) {
        const bool has = hasBootGate(*input.node(role), input.intent);
        check.evidence << QStringLiteral("%1: %2 %3")
                              .arg(nodeLabel(input, role), unit,
                                   has ? QStringLiteral("installed as written, enabled")
                                   : input.node(role)->unitStates.contains(unit)
                                       ? QStringLiteral("differs from nr1's or is not enabled (%1)")
                                             .arg(input.node(role)->unitStates.value(unit))
                                       : QStringLiteral("not installed"));
        if (!has)
            without << nodeRoleName(role);
    }
    const QString vg = input.layout().frontEnd->volume.vg;
    const VolumeGroup* group = input.primary->lvm.findVg(vg);
    std::optional<bool> autoactivation;
    if (group)
        autoactivation = group->autoactivation;
    check.evidence << QStringLiteral("%1: volume group %2 %3")
                          .arg(nodeLabel(input, NodeRole::Primary), vg,
                               !group            ? QStringLiteral("is not active here")
                               : !autoactivation ? QStringLiteral("autoactivation not reported")
                               : *autoactivation ? QStringLiteral("autoactivation on")
                                                 : QStringLiteral("autoactivation off"));
    if (!without.isEmpty())
        conclude(check, CheckResult::Failing,
                 QStringLiteral("No boot gate as this nr1 writes it %1: a node that boots "
                                "alone may serve a stale copy.")
                     .arg(onNodes(without)),
                 QStringLiteral("repair"));
    else if (autoactivation.value_or(false))
        conclude(check, CheckResult::Failing,
                 QStringLiteral("LVM activates %1 at boot by itself, around the gate.").arg(vg),
                 QStringLiteral("repair"));
    else if (!autoactivation)
        conclude(check, CheckResult::Unknown,
                 QStringLiteral("The volume group's autoactivation is not known."));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("The gate decides at boot."));
    return check;
}

/// The device LIO serves on the node in `role` for this pair.
QString servedDevice(const CheckInput& input, NodeRole role) {
    if (role == NodeRole::Secondary)
        return input.layout().secondaryElement.devicePath();
    return input.layout().frontEnd ? input.layout().frontEnd->volume.devicePath() : QString();
}

HealthCheck lioRestoreOrder(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("boot-lio-order"),
                                 QStringLiteral("LIO's restore at boot waits for the device each "
                                                "node serves"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    QStringList unordered;
    for (NodeRole role : kBoth) {
        const QString device = servedDevice(input, role);
        if (device.isEmpty())
            continue;
        const bool waits = lioRestoreWaitsFor(*input.node(role), device);
        check.evidence << QStringLiteral("%1: %2 for %3")
                              .arg(nodeLabel(input, role),
                                   waits ? QStringLiteral("waits")
                                         : QStringLiteral("does not wait"),
                                   device);
        if (!waits)
            unordered << nodeRoleName(role);
    }
    if (unordered.isEmpty())
        conclude(check, CheckResult::Ok, QStringLiteral("Both wait."));
    else
        conclude(check, CheckResult::Failing,
                 QStringLiteral("LIO's restore may run before the device is there and skip the "
                                "export, %1.")
                     .arg(onNodes(unordered)),
                 QStringLiteral("repair"));
    return check;
}

/// What of `lio` the pair owns on the node in `role`: its target and the backstores its LUNs
/// use, as one comparable text ("" when the target is not there).
QString pairPartOf(const LioConfig& lio, const QString& targetIqn) {
    const LioTarget* target = lio.findTarget(targetIqn);
    if (!target)
        return QString();
    QStringList parts;
    for (const Tpg& tpg : target->tpgs) {
        parts << QStringLiteral("tpg%1 %2")
                     .arg(tpg.tag)
                     .arg(tpg.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"));
        for (const LioLun& lun : tpg.luns) {
            const StorageObject* object = lio.findStorageObject(lun.storageObject);
            parts << QStringLiteral("lun%1 %2 dev=%3 wwn=%4")
                         .arg(lun.index)
                         .arg(lun.storageObject, object ? object->dev : QStringLiteral("?"),
                              object ? object->wwn : QStringLiteral("?"));
        }
        for (const NodeAcl& acl : tpg.nodeAcls) {
            QStringList mapped;
            for (const MappedLun& m : acl.mappedLuns)
                mapped << QStringLiteral("%1→%2%3").arg(m.index).arg(m.tpgLun).arg(
                    m.writeProtect ? QStringLiteral(" ro") : QString());
            parts << QStringLiteral("acl %1 [%2] chap=%3")
                         .arg(acl.nodeWwn, mapped.join(QLatin1Char(',')),
                              acl.chap.isSet()
                                  ? acl.chap.userId + QLatin1Char('/') + acl.chap.password
                                  : QStringLiteral("none"));
        }
        for (const LioPortal& portal : tpg.portals)
            parts << QStringLiteral("portal %1:%2").arg(portal.ipAddress).arg(portal.port);
        parts << QStringLiteral("auth %1 %2").arg(tpg.authentication).arg(tpg.generateNodeAcls);
    }
    return parts.join(QLatin1Char('\n'));
}

HealthCheck lioSaved(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("boot-lio-saved"),
                                 QStringLiteral("LIO's saved configuration holds what runs (the "
                                                "pair's targets, on both nodes)"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    QStringList differ;
    for (NodeRole role : kBoth) {
        const NodeState& node = *input.node(role);
        const QString iqn =
            role == NodeRole::Secondary
                ? input.layout().replication.targetIqn
                : (input.layout().frontEnd ? input.layout().frontEnd->targetIqn : QString());
        if (iqn.isEmpty())
            continue;
        if (!node.savedLioUnreadable.isEmpty()) {
            check.evidence << QStringLiteral("%1: %2").arg(nodeLabel(input, role),
                                                           node.savedLioUnreadable);
            differ << nodeRoleName(role);
            continue;
        }
        const QString running = pairPartOf(node.lio, iqn);
        const QString saved = pairPartOf(node.savedLio, iqn);
        if (running == saved) {
            check.evidence << QStringLiteral("%1: %2 %3")
                                  .arg(nodeLabel(input, role), iqn,
                                       running.isEmpty()
                                           ? QStringLiteral("neither runs nor is saved")
                                           : QStringLiteral("saved as it runs"));
            continue;
        }
        differ << nodeRoleName(role);
        const QStringList runningLines = running.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList savedLines = saved.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (running.isEmpty())
            check.evidence << QStringLiteral("%1: %2 is saved but does not run")
                                  .arg(nodeLabel(input, role), iqn);
        else if (saved.isEmpty())
            check.evidence
                << QStringLiteral("%1: %2 runs but is not saved").arg(nodeLabel(input, role), iqn);
        for (const QString& line : runningLines)
            if (!saved.isEmpty() && !savedLines.contains(line))
                check.evidence << QStringLiteral("%1: %2 runs with %3, not saved")
                                      .arg(nodeLabel(input, role), iqn, line);
        for (const QString& line : savedLines)
            if (!running.isEmpty() && !runningLines.contains(line))
                check.evidence << QStringLiteral("%1: %2 is saved with %3, which does not run")
                                      .arg(nodeLabel(input, role), iqn, line);
    }
    if (differ.isEmpty())
        conclude(check, CheckResult::Ok, QStringLiteral("A reboot restores what runs."));
    else
        conclude(check, CheckResult::Failing,
                 QStringLiteral("A reboot restores something else than runs now, %1. Once "
                                "what runs is right, save it there: targetcli saveconfig.")
                     .arg(onNodes(differ)));
    return check;
}

HealthCheck units(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("boot-units"),
                                 QStringLiteral("The units that log in and restore LIO start at "
                                                "boot"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    QStringList off;
    for (NodeRole role : kBoth)
        for (const QString& unit : bootUnits(role)) {
            const QString state = input.node(role)->unitStates.value(unit);
            check.evidence << QStringLiteral("%1: %2 %3")
                                  .arg(nodeLabel(input, role), unit,
                                       state.isEmpty() ? QStringLiteral("is not there") : state);
            if (!unitStartsAtBoot(state))
                off << QStringLiteral("%1 on the %2").arg(unit, nodeRoleName(role));
        }
    if (off.isEmpty())
        conclude(check, CheckResult::Ok, QStringLiteral("All start at boot."));
    else
        conclude(check, CheckResult::Failing,
                 QStringLiteral("Not started at boot: %1.").arg(off.join(QStringLiteral(", "))),
                 QStringLiteral("repair"));
    return check;
}

} // namespace

void appendBootChecks(HealthChecks& checks, const CheckInput& input) {
    checks.push_back(arrayLine(input));
    checks.push_back(initramfs(input));
    checks.push_back(ignoreRule(input));
    checks.push_back(lastResort(input));
    checks.push_back(gate(input));
    checks.push_back(lioRestoreOrder(input));
    checks.push_back(lioSaved(input));
    checks.push_back(units(input));
}

} // namespace nr1
