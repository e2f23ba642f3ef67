#include "base/NodeScript.h"
#include "inventory/Inventory.h"
#include "plan/LioExport.h"
#include "plan/PlanBuilder.h"
#include "plan/Stages.h"

#include <QJsonDocument>

namespace nr1 {

namespace {

QString identityLine(const LunIdentity& identity) {
    return QString::fromUtf8(QJsonDocument(identity.toJson()).toJson(QJsonDocument::Compact));
}

/// The LUN's identity recorded on both nodes (/etc/nr1/PAIR.identity), so the node that serves
/// next (a switchover, a takeover while the other is down) recreates it exactly. A node whose
/// record is already this identity is left alone; the undo puts back what was there.
void recordIdentity(PlanBuilder& b, const LunIdentity& identity) {
    const QString path = QStringLiteral("/etc/nr1/%1.identity").arg(pairFileName(identity.pair));
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
    QStringList where;
    for (const IscsiPortal& portal : exportIntent.portals)
        where << portal.hostPort();
    b.followUp(
        QStringLiteral("Initiators %1 reach the LUN as %2 LUN 0 on %3.")
            .arg(exportIntent.initiators.join(u", "), frontEnd.targetIqn, where.join(u", ")));
    b.willCreate(PlannedFact::Export);
}

} // namespace nr1
