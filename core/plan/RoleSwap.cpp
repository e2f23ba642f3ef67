#include "plan/RoleSwap.h"

#include "base/NodeScript.h"

#include <algorithm>

namespace nr1 {

namespace {

bool hasIgnoreRule(const QString& conf) {
    return conf.contains(QLatin1String("ARRAY <ignore> UUID="));
}

/// True when the member at `path` of `md` on the node is (not) write-mostly as asked.
bool writeMostlyIs(const NodeState& node, const QString& md, const QString& path, bool wanted) {
    const MdSysfs* sysfs = node.findMdSysfs(md);
    const BlockDevice* device = node.findBlockDeviceByPath(path);
    if (!sysfs || !device)
        return false;
    for (const MdSysfsMember& member : sysfs->members)
        if (member.device == device->name)
            return member.has(QStringLiteral("write_mostly")) == wanted;
    return false;
}

} // namespace

PairState swappedState(const PairState& state, const PairLayout& swappedLayout) {
    return PairState{swappedLayout, state.secondary, state.primary};
}

void dropExport(LioConfig& lio, const QString& iqn, const QString& storePath) {
    std::erase_if(lio.targets, [&](const LioTarget& t) { return t.wwn == iqn; });
    std::erase_if(lio.storageObjects,
                  [&](const StorageObject& o) { return o.configPath() == storePath; });
}

bool volumeActive(const NodeState& node, const ElementRef& volume) {
    const LogicalVolume* lv = node.lvm.findLv(volume.vg, volume.lv);
    return lv && lv->isActive();
}

void planVolumeActivation(PlanBuilder& b, const ElementRef& volume) {
    b.add(NodeRole::Primary, {QStringLiteral("vgchange"), QStringLiteral("-ay"), volume.vg},
          QStringLiteral("Activate the volume group %1.").arg(volume.vg))
        .doneWhen(QStringLiteral("%1 is active on the primary").arg(volume.devicePath()),
                  [volume](const PairState& s) { return volumeActive(s.primary, volume); })
        .undoWith({{QStringLiteral("vgchange"), QStringLiteral("-an"), volume.vg}});
}

void appendSwapped(PlanBuilder& b, const Plan& part, const PairLayout& swappedLayout,
                   std::optional<NodeRole> onlyOn) {
    for (const Action& action : part.actions) {
        Action mapped = action;
        mapped.node = otherRole(action.node);
        if (onlyOn && mapped.node != *onlyOn)
            continue;
        if (action.done.isSet())
            mapped.done.holds = [holds = action.done.holds, swappedLayout](const PairState& s) {
                return holds(swappedState(s, swappedLayout));
            };
        b.add(mapped.node, mapped.argv, mapped.sentence) = std::move(mapped);
    }
    // Their words name the roles as they are after the swap.
    for (const QString& warning : part.warnings)
        b.warn(QStringLiteral("(Roles after the swap) %1").arg(warning));
    for (const QString& followUp : part.followUps)
        b.followUp(followUp);
}

const LunIdentity* recordedIdentity(const PairState& state, const QString& pair) {
    if (const LunIdentity* identity = state.primary.findLunIdentity(pair))
        return identity;
    return state.secondary.findLunIdentity(pair);
}

void serveRecordedIdentity(PlanBuilder& b, PairIntent& after, const LunIdentity& identity) {
    ExportIntent& exported = after.frontEndExport;
    exported.unitSerial = identity.unitSerial;
    exported.initiators = identity.initiators;
    exported.portals = identity.portals;
    if (identity.chapUser.isEmpty()) {
        exported.chap.reset();
        return;
    }
    if (!exported.chap || exported.chap->userId != identity.chapUser ||
        exported.chap->password.isEmpty())
        b.refuse(QStringLiteral("The LUN asks initiators for CHAP (user %1): give that user and "
                                "its secret (--chap-user, --chap-secret-file) so the node that "
                                "serves it now asks the same.")
                     .arg(identity.chapUser));
}

void planTakeUp(PlanBuilder& b, TakeUp how) {
    const NodeRole pri = NodeRole::Primary;
    const PairIntent& intent = b.intent();
    const QString md = intent.mdDeviceName();
    const QString mdPath = intent.layout.mdDevice;
    const QString local = intent.layout.primaryElement.devicePath();
    const QString remote = intent.layout.replication.byPathLink();
    const ElementRef volume = intent.layout.frontEnd.value_or(FrontEndExport{}).volume;
    const bool bothLegs = how == TakeUp::BothLegs;
    b.requireCommands(pri, {QStringLiteral("mdadm"), QStringLiteral("lvm")});
    if (!runsArray(b.node(pri), md)) {
        QStringList assemble{QStringLiteral("mdadm"), QStringLiteral("--assemble"), mdPath};
        if (bothLegs)
            assemble << local << remote;
        else
            assemble << QStringLiteral("--run") << local;
        b.add(pri, assemble,
              bothLegs ? QStringLiteral("Assemble %1 from both legs: the local element and the "
                                        "imported one (both in sync: no resync).")
                             .arg(mdPath)
                       : QStringLiteral("Start %1 from the local element alone (degraded: the "
                                        "other leg is lost; --run, never --force).")
                             .arg(mdPath))
            .doneWhen(QStringLiteral("%1 runs on the primary").arg(md),
                      [md](const PairState& s) { return runsArray(s.primary, md); })
            .undoWith({{QStringLiteral("mdadm"), QStringLiteral("--stop"), mdPath}});
    }
    // A takeover has no remote leg yet: only the local one stops being write-mostly.
    const auto flagsRight = [md, local, remote, bothLegs](const PairState& s) {
        return writeMostlyIs(s.primary, md, local, false) &&
               (!bothLegs || writeMostlyIs(s.primary, md, remote, true));
    };
    const QString writeMostly = bothLegs ? remote : QString();
    if (!flagsRight(b.state()))
        b.add(pri, nodeScriptArgv(NodeScript::MdWriteMostly, {md, local, writeMostly}),
              bothLegs ? QStringLiteral("Read from the local element and make the imported one "
                                        "the write-mostly leg (md keeps the flags in the "
                                        "superblocks).")
                       : QStringLiteral("Read from the local element: it is no longer the "
                                        "write-mostly leg."))
            .doneWhen(bothLegs ? QStringLiteral("the remote leg of %1 is write-mostly, the local "
                                                "one is not")
                                     .arg(md)
                               : QStringLiteral("the local leg of %1 is not write-mostly").arg(md),
                      flagsRight)
            .undoWith(bothLegs ? QList<QStringList>{nodeScriptArgv(NodeScript::MdWriteMostly,
                                                                   {md, remote, local})}
                               : QList<QStringList>{});
    if (!volumeActive(b.node(pri), volume))
        planVolumeActivation(b, volume);
    b.willCreate(PlannedFact::Array);
    b.willCreate(PlannedFact::Volume);
    // As the Secondary it kept the array out of its boot with an ignore rule: it goes before
    // the ARRAY line (the persistence stage) names the same array.
    if (hasIgnoreRule(b.node(pri).mdadmConf))
        b.add(pri, nodeScriptArgv(NodeScript::MdadmIgnoreDrop, {local, commands::mdadmConf()}),
              QStringLiteral("Remove the ignore rule for this array from the new Primary's %1.")
                  .arg(commands::mdadmConf()))
            .noUndo(QStringLiteral("the ARRAY line replaces it"));
}

} // namespace nr1
