#include "base/NodeScript.h"
#include "inventory/Inventory.h"
#include "plan/LioExport.h"
#include "plan/PlanBuilder.h"
#include "plan/RoleSwap.h"
#include "plan/Stages.h"

#include <QJsonDocument>

namespace nr1 {

namespace {

QString identityLine(const LunIdentity& identity) {
    return QString::fromUtf8(QJsonDocument(identity.toJson()).toJson(QJsonDocument::Compact));
}

QString identityPath(const QString& pair) {
    return QStringLiteral("/etc/nr1/%1.identity").arg(pairFileName(pair));
}

/// The LUN's identity recorded on both nodes (/etc/nr1/PAIR.identity), so the node that serves
/// next (a switchover, a takeover while the other is down) recreates it exactly. A node whose
/// record is already this identity is left alone; the undo puts back what was there.
void recordIdentity(PlanBuilder& b, const LunIdentity& identity) {
    const QString path = identityPath(identity.pair);
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const LunIdentity* recorded = b.node(role).findLunIdentity(identity.pair);
        if (recorded && *recorded == identity)
            continue;
        Action& action =
            b.add(role, nodeScriptArgv(NodeScript::ReplaceFile, {path, identityLine(identity)}),
                  QStringLiteral("Record the LUN's identity (unit serial %1, %2 LUN %3) in %4, "
                                 "so either node can serve it as the same disk.")
                      .arg(identity.unitSerial, identity.targetIqn)
                      .arg(identity.lun)
                      .arg(path))
                .doneWhen(QStringLiteral("the %1 records the LUN identity of pair %2")
                              .arg(nodeRoleName(role), identity.pair),
                          [role, identity](const PairState& s) {
                              const LunIdentity* now = s.node(role).findLunIdentity(identity.pair);
                              return now && *now == identity;
                          });
        if (recorded)
            action.undoWith(
                {nodeScriptArgv(NodeScript::ReplaceFile, {path, identityLine(*recorded)})});
        else
            action.undoWith({{QStringLiteral("rm"), QStringLiteral("-f"), path}});
    }
}

} // namespace

void planExportStage(PlanBuilder& b) {
    const PairIntent& intent = b.intent();
    const FrontEndExport frontEnd = intent.layout.frontEnd.value_or(FrontEndExport{});
    if (!b.lv(NodeRole::Primary, frontEnd.volume) && !b.planned(PlannedFact::Volume))
        b.refuse(QStringLiteral("The volume %1 does not exist: create the volume first.")
                     .arg(frontEnd.volume.devicePath()));
    const ExportIntent& exportIntent = intent.frontEndExport;
    if (exportIntent.initiators.isEmpty())
        b.refuse(QStringLiteral("Name at least one initiator that may use the LUN (--initiator)."));
    LioExport spec;
    spec.node = NodeRole::Primary;
    spec.what = QStringLiteral("the volume");
    spec.plugin = exportIntent.plugin();
    spec.backstoreName = exportIntent.backstoreName;
    spec.device = frontEnd.volume.devicePath();
    spec.targetIqn = frontEnd.targetIqn;
    spec.lun = 0;
    spec.portals = exportIntent.portals;
    spec.initiators = exportIntent.initiators;
    spec.chap = exportIntent.chap;
    spec.unitSerial = exportIntent.unitSerial;
    planLioExport(b, spec);
    LunIdentity identity;
    identity.pair = intent.layout.name;
    identity.unitSerial = exportIntent.unitSerial;
    identity.targetIqn = frontEnd.targetIqn;
    identity.lun = spec.lun;
    identity.backstore = exportIntent.plugin() + QLatin1Char('/') + exportIntent.backstoreName;
    identity.portals = exportIntent.portals;
    identity.initiators = exportIntent.initiators;
    if (exportIntent.chap)
        identity.chapUser = exportIntent.chap->userId;
    recordIdentity(b, identity);
    planFrontEndAddress(b);
    QStringList where;
    for (const IscsiPortal& portal : exportIntent.portals)
        where << portal.hostPort();
    b.followUp(
        QStringLiteral("Initiators %1 reach the LUN as %2 LUN 0 on %3.")
            .arg(exportIntent.initiators.join(u", "), frontEnd.targetIqn, where.join(u", ")));
    b.willCreate(PlannedFact::Export);
}

void planIdentityRemoval(PlanBuilder& b) {
    const QString pair = b.intent().layout.name;
    const QString path = identityPath(pair);
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const LunIdentity* recorded = b.node(role).findLunIdentity(pair);
        if (!recorded)
            continue;
        b.add(role, {QStringLiteral("rm"), QStringLiteral("-f"), path},
              QStringLiteral("Forget the LUN's identity in %1 (the inventory keeps its serial for "
                             "an export made again).")
                  .arg(path))
            .doneWhen(
                QStringLiteral("the %1 records no LUN identity of pair %2")
                    .arg(nodeRoleName(role), pair),
                [role, pair](const PairState& s) { return !s.node(role).findLunIdentity(pair); })
            .undoWith({nodeScriptArgv(NodeScript::ReplaceFile, {path, identityLine(*recorded)})});
    }
}

void planExportLostAtBootStage(PlanBuilder& b) {
    const NodeRole pri = NodeRole::Primary;
    const NodeState& node = b.node(pri);
    const PairIntent& intent = b.intent();
    if (!intent.layout.frontEnd)
        return;
    const FrontEndExport& frontEnd = *intent.layout.frontEnd;
    const bool unreadable = !node.savedLioUnreadable.isEmpty();
    if (exportsFrontEndLun(node.lio, intent)) {
        // It runs (LIO was not restarted since): saving is all that is missing.
        if (unreadable)
            planLioSave(b, pri,
                        QStringLiteral("Save the LIO configuration so the volume's export comes "
                                       "back at boot."))
                .noUndo(QStringLiteral("saves what runs"));
        // A LUN nr1 did not export (a pair built by hand, adopted) has no recorded identity:
        // what runs becomes it, so a switchover or takeover serves the same disk.
        if (const std::optional<LunIdentity> identity = identityToRecord(b.state(), intent))
            recordIdentity(b, *identity);
        return;
    }
    // Lost at boot: LIO restored nothing (the file unreadable), or restored the target without
    // its LUN (the volume was not active then: the boot gate held it, or a device came late).
    // A readable file without the LUN is a teardown, not a loss: nothing is redone.
    if (!unreadable && !exportsFrontEndLun(node.savedLio, intent))
        return;
    // A Primary whose array or volume is not up: the stages before this one bring the array
    // back (and the volume), and a repair run again then serves the volume.
    if (!runsArray(node, intent.mdDeviceName()) ||
        !(volumeActive(node, frontEnd.volume) || b.planned(PlannedFact::VolumeActive)))
        return;
    const LunIdentity* identity = recordedIdentity(b.state(), intent.layout.name);
    if (!identity) {
        b.warn(QStringLiteral("The Primary serves no LUN and records no identity of it: export "
                              "the volume again with `apply export`."));
        return;
    }
    PairIntent served = intent;
    serveRecordedIdentity(b, served, *identity);
    if (b.refused())
        return;
    b.warn(QStringLiteral("%1: the volume is served again as the LUN's recorded identity (unit "
                          "serial %2): initiators find the same disk again.")
               .arg(unreadable ? QStringLiteral("LIO restored nothing at the Primary's boot (its "
                                                "saved configuration is unreadable)")
                               : QStringLiteral("LIO's restore at the Primary's boot skipped the "
                                                "LUN (the volume was not active then)"),
                    identity->unitSerial));
    appendServedExport(b, served, ExportOnto::BothNodes);
}

void appendServedExport(PlanBuilder& b, const PairIntent& served, ExportOnto onto) {
    // A part of its own: `served` names the LUN's recorded identity, not the plan's intent.
    PlanBuilder part(b.state(), served, b.kind(), QString());
    for (const PlannedFact fact : {PlannedFact::Volume, PlannedFact::VolumeActive})
        if (b.planned(fact))
            part.willCreate(fact);
    planExportStage(part);
    const PlanResult made = part.finishPart();
    if (!made.ok()) {
        for (const QString& why : made.reasons())
            b.refuse(why);
        return;
    }
    for (const Action& action : made.value().actions)
        if (onto == ExportOnto::BothNodes || action.node == NodeRole::Primary)
            b.add(action.node, action.argv, action.sentence) = action;
    for (const QString& warning : made.value().warnings)
        b.warn(warning);
    // (the part planned the front-end address with the export)
    b.willCreate(PlannedFact::Export);
    b.willCreate(PlannedFact::FrontEndAddress);
}

} // namespace nr1
