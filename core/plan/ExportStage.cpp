#include "plan/LioExport.h"
#include "plan/PlanBuilder.h"
#include "plan/Stages.h"

namespace nr1 {

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
    planLioExport(b, spec);
    QStringList where;
    for (const IscsiPortal& portal : exportIntent.portals)
        where << portal.hostPort();
    b.followUp(
        QStringLiteral("Initiators %1 reach the LUN as %2 LUN 0 on %3.")
            .arg(exportIntent.initiators.join(u", "), frontEnd.targetIqn, where.join(u", ")));
    b.willCreate(PlannedFact::Export);
}

} // namespace nr1
