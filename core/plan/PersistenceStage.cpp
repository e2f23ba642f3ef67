#include "base/NodeScript.h"
#include "plan/BootGate.h"
#include "plan/PlanBuilder.h"
#include "plan/Stages.h"

namespace nr1 {

namespace {

void enableUnits(PlanBuilder& b, NodeRole node, const QStringList& units) {
    for (const QString& unit : units) {
        const QString state = b.node(node).unitStates.value(unit);
        if (unitStartsAtBoot(state))
            continue;
        if (state.isEmpty()) {
            b.warn(QStringLiteral("The %1 has no unit %2: check yourself that it comes back "
                                  "after a reboot.")
                       .arg(nodeRoleName(node), unit));
            continue;
        }
        b.add(node, {QStringLiteral("systemctl"), QStringLiteral("enable"), unit},
              QStringLiteral("Start %1 at boot.").arg(unit))
            .doneWhen(QStringLiteral("%1 is enabled on the %2").arg(unit, nodeRoleName(node)),
                      [node, unit](const PairState& s) {
                          return s.node(node).unitStates.value(unit) == QLatin1String("enabled");
                      })
            .undoWith({{QStringLiteral("systemctl"), QStringLiteral("disable"), unit}});
    }
}

void updateInitramfs(PlanBuilder& b, NodeRole node) {
    if (!b.node(node).hasCommand(QStringLiteral("update-initramfs"))) {
        b.warn(QStringLiteral("The %1 has no update-initramfs: if its boot image assembles md "
                              "arrays, update it yourself so it sees mdadm.conf.")
                   .arg(nodeRoleName(node)));
        return;
    }
    b.add(node, {QStringLiteral("update-initramfs"), QStringLiteral("-u")},
          QStringLiteral("Update the boot image so early boot sees the new mdadm.conf."))
        .withTimeout(std::chrono::seconds(600))
        .noUndo(QStringLiteral("rebuilds from the current configuration; run again after a "
                               "rollback"));
}

/// A boot image older than mdadm.conf (changed by hand, or by a plan of a node without
/// update-initramfs then) is brought up to date, unless this plan updates it anyway.
void refreshStaleInitramfs(PlanBuilder& b, NodeRole node, bool updatedAlready) {
    if (updatedAlready || !initramfsOlderThanMdadmConf(b.node(node)) ||
        !b.node(node).hasCommand(QStringLiteral("update-initramfs")))
        return;
    b.add(node, {QStringLiteral("update-initramfs"), QStringLiteral("-u")},
          QStringLiteral("Update the boot image, older than mdadm.conf, so early boot sees the "
                         "configuration as it is."))
        .withTimeout(std::chrono::seconds(600))
        .doneWhen(QStringLiteral("the %1's boot image is newer than its mdadm.conf")
                      .arg(nodeRoleName(node)),
                  [node](const PairState& s) { return !initramfsOlderThanMdadmConf(s.node(node)); })
        .noUndo(QStringLiteral("rebuilds from the current configuration"));
}

/// The device unit LIO's restore waits for on a node before the plan: the one device unit the
/// drop-ins name (nr1's names the device that node served), or "" when none or several.
QString lioRestoreDeviceBefore(const NodeState& node) {
    QStringList units;
    for (const QString& line : node.lioRestoreDropins.split(QLatin1Char('\n'))) {
        const QString setting = line.trimmed();
        const QString unit = setting.mid(6);
        if (setting.startsWith(QLatin1String("After=")) &&
            unit.endsWith(QLatin1String(".device")) && !units.contains(unit))
            units << unit;
    }
    return units.size() == 1 ? units.front() : QString();
}

/// LIO's restore at boot must wait for the device it serves (an LV on md, an element LV):
/// without this it runs first and skips the backstore ("not a TYPE_DISK block device").
/// A switchover rewrites the drop-in for the node's new role: its undo writes back the device
/// the node waited for before.
void orderLioRestore(PlanBuilder& b, NodeRole node, const QString& device) {
    const QString unit = systemdDeviceUnit(device);
    if (lioRestoreWaitsFor(b.node(node), device))
        return;
    const QString file = lioRestoreDropin(b.intent().layout.name);
    const QString before = lioRestoreDeviceBefore(b.node(node));
    b.add(node, nodeScriptArgv(NodeScript::LioRestoreDropin, {file, unit}),
          QStringLiteral("Make LIO's restore at boot wait for %1 (else it skips the export).")
              .arg(device))
        .doneWhen(
            QStringLiteral("LIO's restore on the %1 waits for %2").arg(nodeRoleName(node), device),
            [node, device](const PairState& s) { return lioRestoreWaitsFor(s.node(node), device); })
        .undoWith({before.isEmpty()
                       ? commands::removeFile(file)
                       : nodeScriptArgv(NodeScript::LioRestoreDropin, {file, before})});
}

/// Debian starts an array that is still incomplete 30 s after boot (mdadm-last-resort@): a
/// Primary that boots without its peer (taken over meanwhile) would serve its stale leg, the
/// split brain of takeover-notes.md. Masked, the Primary starts the array only with both legs;
/// with one, nr1 (repair, takeover) or the administrator starts it.
void maskLastResort(PlanBuilder& b, NodeRole node) {
    const QString md = b.intent().mdDeviceName();
    const QString timer = lastResortTimer(md);
    if (lastResortMasked(b.node(node), md))
        return;
    const QStringList units{timer, QStringLiteral("mdadm-last-resort@%1.service").arg(md)};
    b.add(node, QStringList{QStringLiteral("systemctl"), QStringLiteral("mask")} + units,
          QStringLiteral("Never start %1 with one leg on its own at boot (Debian's last-resort "
                         "start after 30 s): it waits for both legs, or for nr1.")
              .arg(b.intent().layout.mdDevice))
        .doneWhen(QStringLiteral("%1 is masked on the %2").arg(timer, nodeRoleName(node)),
                  [node, md](const PairState& s) { return lastResortMasked(s.node(node), md); })
        .undoWith({QStringList{QStringLiteral("systemctl"), QStringLiteral("unmask")} + units});
}

/// A write lost at a power loss leaves NUL bytes in mdadm.conf where its data never reached
/// the disk (seen on the testbed: an appended ARRAY line became 84 zeros); mdadm's parser then
/// skips the line they start. They go first, so the checks below read the file mdadm will.
void dropNulBytes(PlanBuilder& b, NodeRole node) {
    const qsizetype count = b.node(node).mdadmConf.count(QChar(0));
    if (count == 0)
        return;
    b.add(node, nodeScriptArgv(NodeScript::FileDropNul, {commands::mdadmConf()}),
          QStringLiteral("Remove the %1 NUL bytes a write lost at a power loss left in %2 (mdadm "
                         "skips the line they start).")
              .arg(count)
              .arg(commands::mdadmConf()))
        .doneWhen(QStringLiteral("%1 on the %2 holds no NUL byte")
                      .arg(commands::mdadmConf(), nodeRoleName(node)),
                  [node](const PairState& s) { return !s.node(node).mdadmConf.contains(QChar(0)); })
        .noUndo(QStringLiteral("NUL bytes are no configuration"));
}

} // namespace

QStringList bootUnits(NodeRole role) {
    if (role == NodeRole::Secondary)
        return {QStringLiteral("rtslib-fb-targetctl.service")};
    return {QStringLiteral("iscsid.socket"), QStringLiteral("open-iscsi.service"),
            QStringLiteral("rtslib-fb-targetctl.service")};
}

bool unitStartsAtBoot(const QString& enabledState) {
    return enabledState == QLatin1String("enabled") || enabledState == QLatin1String("static") ||
           enabledState == QLatin1String("indirect");
}

bool lastResortMasked(const NodeState& node, const QString& md) {
    return node.unitStates.value(lastResortTimer(md)) == QLatin1String("masked");
}

QString lastResortTimer(const QString& md) {
    return QStringLiteral("mdadm-last-resort@%1.timer").arg(md);
}

void planPersistenceStage(PlanBuilder& b) {
    planPersistenceFor(b, PersistenceOf::BothNodes);
}

void planPersistenceFor(PlanBuilder& b, PersistenceOf nodes) {
    const bool secondaryToo = nodes == PersistenceOf::BothNodes;
    const PairIntent& intent = b.intent();
    const QString mdPath = intent.layout.mdDevice;
    dropNulBytes(b, NodeRole::Primary);
    if (secondaryToo)
        dropNulBytes(b, NodeRole::Secondary);
    // The Primary assembles the array at boot from its ARRAY line (read as it is once the
    // NUL bytes are gone).
    const bool addsArrayLine =
        !hasArrayLine(QString(b.node(NodeRole::Primary).mdadmConf).remove(QChar(0)), mdPath);
    if (addsArrayLine) {
        b.add(NodeRole::Primary,
              nodeScriptArgv(NodeScript::MdadmArrayLineAdd, {mdPath, commands::mdadmConf()}),
              QStringLiteral("Record %1 in %2 so it is assembled at boot.")
                  .arg(mdPath, commands::mdadmConf()))
            .doneWhen(
                QStringLiteral("%1 has an ARRAY line for %2").arg(commands::mdadmConf(), mdPath),
                [mdPath](const PairState& s) { return hasArrayLine(s.primary.mdadmConf, mdPath); })
            .undoWith({commands::removeArrayLine(mdPath)});
        updateInitramfs(b, NodeRole::Primary);
    }
    maskLastResort(b, NodeRole::Primary);
    // The volume comes up at boot only through the gate, on the node that runs both legs.
    planVolumeAutoactivationOff(b);
    planBootGate(b, NodeRole::Primary);
    if (secondaryToo)
        planBootGate(b, NodeRole::Secondary);
    // The Secondary's element carries the array's superblock: without an ignore rule udev
    // assembles it at boot (inactive md127) and LIO then cannot claim it. The rule names this
    // array's UUID (the Primary's /dev/disk/by-id/md-uuid-… link), so another array's rule
    // does not count; the command reads the UUID from the element and adds the line only once.
    const QString element = intent.layout.secondaryElement.devicePath();
    const QString md = intent.mdDeviceName();
    const auto ignoresArray = [md](const PairState& s) {
        return hasIgnoreRule(s.secondary, mdArrayUuid(s.primary, md));
    };
    const bool addsIgnoreRule = secondaryToo && !ignoresArray(b.state());
    if (addsIgnoreRule) {
        b.requireCommands(NodeRole::Secondary, {QStringLiteral("mdadm")});
        b.add(NodeRole::Secondary,
              nodeScriptArgv(NodeScript::MdadmIgnoreAdd, {element, commands::mdadmConf()}),
              QStringLiteral("Keep the Secondary from assembling its element %1 as an md array at "
                             "boot (ARRAY <ignore> in %2).")
                  .arg(element, commands::mdadmConf()))
            .doneWhen(QStringLiteral("%1 on the secondary ignores %2's UUID")
                          .arg(commands::mdadmConf(), md),
                      ignoresArray)
            .undoWith(
                {nodeScriptArgv(NodeScript::MdadmIgnoreRemove, {element, commands::mdadmConf()})});
        updateInitramfs(b, NodeRole::Secondary);
    }
    refreshStaleInitramfs(b, NodeRole::Primary, addsArrayLine);
    if (secondaryToo)
        refreshStaleInitramfs(b, NodeRole::Secondary, addsIgnoreRule);
    orderLioRestore(b, NodeRole::Primary,
                    intent.layout.frontEnd.value_or(FrontEndExport{}).volume.devicePath());
    if (secondaryToo)
        orderLioRestore(b, NodeRole::Secondary, element);
    enableUnits(b, NodeRole::Primary, bootUnits(NodeRole::Primary));
    if (secondaryToo)
        enableUnits(b, NodeRole::Secondary, bootUnits(NodeRole::Secondary));
}

} // namespace nr1
