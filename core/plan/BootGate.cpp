#include "plan/BootGate.h"

#include "base/NodeScript.h"
#include "plan/PlanBuilder.h"
#include "plan/RoleSwap.h"
#include "plan/Stages.h"

#include <QCryptographicHash>

namespace nr1 {

namespace {

QString sha256(const QString& text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString volumeGroup(const PairIntent& intent) {
    return intent.layout.frontEnd.value_or(FrontEndExport{}).volume.vg;
}

} // namespace

QString bootGateScriptFile() {
    return QStringLiteral("/etc/nr1/boot-gate.sh");
}

QString bootGateUnit(const QString& pairName) {
    return QStringLiteral("nr1-boot-gate-%1.service").arg(pairFileTag(pairName));
}

QString bootGateUnitFile(const QString& pairName) {
    return QStringLiteral("/etc/systemd/system/") + bootGateUnit(pairName);
}

QString bootGateUnitText(const PairIntent& intent) {
    const QString md = intent.layout.mdDevice;
    // No ordering: the gate polls, so a late iSCSI login only makes it wait; LIO's restore
    // waits for the volume's device by the pair's own drop-in (up to systemd's device timeout:
    // a volume activated later is served by a repair), and nothing else of LIO waits for it.
    // Type=simple, so boot does not wait for it either: "running" while it waits, "exited"
    // once the volume is active, "failed" when it held the volume down.
    return QStringLiteral("# Written by nr1 for pair %1: serve its volume at boot only with both "
                          "legs of %2.\n"
                          "[Unit]\n"
                          "Description=nr1 boot gate of pair %1 (volume group %3 on %2)\n"
                          "\n"
                          "[Service]\n"
                          "Type=simple\n"
                          "RemainAfterExit=yes\n"
                          "ExecStart=/bin/sh %5 %2 %3 %4%6\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=multi-user.target\n")
        .arg(intent.layout.name, md, volumeGroup(intent))
        .arg(kBootGateSeconds)
        .arg(bootGateScriptFile(), intent.frontEndAddress.isEmpty()
                                       ? QString()
                                       : QLatin1Char(' ') + intent.frontEndAddress);
}

bool hasBootGate(const NodeState& node, const PairIntent& intent) {
    const QString unit = bootGateUnit(intent.layout.name);
    return node.bootGateFiles.value(bootGateScriptFile()) ==
               sha256(nodeScript(NodeScript::BootGate)) &&
           node.bootGateFiles.value(bootGateUnitFile(intent.layout.name)) ==
               sha256(bootGateUnitText(intent)) &&
           node.unitStates.value(unit) == QLatin1String("enabled");
}

void planBootGate(PlanBuilder& b, NodeRole node) {
    const PairIntent& intent = b.intent();
    if (!intent.layout.frontEnd || hasBootGate(b.node(node), intent))
        return;
    const QString name = intent.layout.name;
    const QString unitFile = bootGateUnitFile(name);
    b.add(node,
          nodeScriptArgv(NodeScript::BootGateInstall,
                         {QStringLiteral("install"), bootGateScriptFile(),
                          nodeScript(NodeScript::BootGate), unitFile, bootGateUnitText(intent)}),
          QStringLiteral("Install nr1's boot gate (%1): at boot it activates %2 only where %3 "
                         "runs with both legs, so a node that comes up alone (taken over from) "
                         "serves nothing.")
              .arg(bootGateUnit(name), volumeGroup(intent), intent.layout.mdDevice))
        .doneWhen(QStringLiteral("the %1 holds the boot gate, enabled").arg(nodeRoleName(node)),
                  [node, intent](const PairState& s) { return hasBootGate(s.node(node), intent); })
        // What the gate replaced comes back (an older gate: a repair that moved the pair onto a
        // floating address rewrote its unit); a gate that replaced nothing goes.
        .undoWith({nodeScriptArgv(NodeScript::BootGateInstall,
                                  {QStringLiteral("undo"), bootGateScriptFile(), unitFile})});
}

void planVolumeAutoactivationOff(PlanBuilder& b) {
    const QString vg = volumeGroup(b.intent());
    const VolumeGroup* group = b.node(NodeRole::Primary).lvm.findVg(vg);
    if (!group || group->autoactivation != true)
        return;
    b.add(NodeRole::Primary,
          {QStringLiteral("vgchange"), QStringLiteral("--setautoactivation"), QStringLiteral("n"),
           vg},
          QStringLiteral("Keep LVM from activating volume group %1 by itself at boot: the boot "
                         "gate activates it only with both legs.")
              .arg(vg))
        .doneWhen(QStringLiteral("%1 has autoactivation off").arg(vg),
                  [vg](const PairState& s) {
                      const VolumeGroup* g = s.primary.lvm.findVg(vg);
                      return g && g->autoactivation == false;
                  })
        .undoWith({{QStringLiteral("vgchange"), QStringLiteral("--setautoactivation"),
                    QStringLiteral("y"), vg}});
}

void planVolumeHeldAtBootStage(PlanBuilder& b) {
    const PairIntent& intent = b.intent();
    if (!intent.layout.frontEnd)
        return;
    const ElementRef& volume = intent.layout.frontEnd->volume;
    const NodeState& primary = b.node(NodeRole::Primary);
    const LogicalVolume* lv = primary.lvm.findLv(volume.vg, volume.lv);
    if (!lv || lv->isActive() || !runsArray(primary, intent.mdDeviceName()))
        return;
    b.warn(QStringLiteral("The volume %1 is not active on the Primary (nr1's boot gate holds it "
                          "when %2 did not run with both legs at boot): it is activated, with "
                          "the remote leg in %2.")
               .arg(volume.devicePath(), intent.layout.mdDevice));
    planVolumeActivation(b, volume);
    b.willCreate(PlannedFact::VolumeActive);
}

void planBootGateRemoval(PlanBuilder& b, NodeRole node) {
    const QString name = b.intent().layout.name;
    if (!b.node(node).bootGateFiles.contains(bootGateUnitFile(name)))
        return;
    b.add(node,
          nodeScriptArgv(NodeScript::BootGateInstall,
                         {QStringLiteral("remove"), bootGateUnitFile(name)}),
          QStringLiteral("Stop running nr1's boot gate of this pair at boot: disable and remove "
                         "its unit %1.")
              .arg(bootGateUnit(name)))
        .irreversibleBecause(QStringLiteral("the volume group is gone"));
}

} // namespace nr1
