#include "base/NodeScript.h"
#include "plan/LioExport.h"
#include "plan/PlanBuilder.h"
#include "plan/RoleSwap.h"
#include "plan/Stages.h"

namespace nr1 {

void planFormerPrimaryStage(PlanBuilder& b) {
    const NodeRole sec = NodeRole::Secondary;
    const PairIntent& intent = b.intent();
    const PairLayout& layout = intent.layout;
    const NodeState& node = b.node(sec);
    // Its ARRAY line: with it the node would assemble the array at boot, beside the ignore rule.
    const QString mdPath = layout.mdDevice;
    if (hasArrayLine(node.mdadmConf, mdPath))
        b.add(sec, commands::removeArrayLine(mdPath),
              QStringLiteral("Remove %1 from the Secondary's %2: it served the pair before and "
                             "must never assemble the array again on its own.")
                  .arg(mdPath, commands::mdadmConf()))
            .doneWhen(QStringLiteral("%1 on the secondary has no ARRAY line for %2")
                          .arg(commands::mdadmConf(), mdPath),
                      [mdPath](const PairState& s) {
                          return !hasArrayLine(s.secondary.mdadmConf, mdPath);
                      })
            .noUndo(QStringLiteral("a Secondary never has one"));
    // Its front-end export, running or only saved (its boot would restore it).
    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    if (node.lio.findTarget(frontEnd.targetIqn) || node.savedLio.findTarget(frontEnd.targetIqn) ||
        node.lio.findStorageObject(intent.frontEndExport.backstorePath()))
        removeLioExport(b, sec, frontEnd.targetIqn, intent.frontEndExport.plugin(),
                        intent.frontEndExport.backstoreName,
                        QStringLiteral("the volume of its old role"));
    // Its volume, active when it assembled the array by itself at boot: incremental assembly
    // starts an array that was already degraded when it stopped, so a Primary that ran without
    // its remote leg before it was lost comes up with md0 and the volume (the array is stopped
    // in the element's export stage, which needs the volume down first).
    if (volumeActive(node, frontEnd.volume)) {
        const QString vg = frontEnd.volume.vg;
        b.warn(QStringLiteral("The returning node assembled %1 and activated volume group %2 by "
                              "itself at boot (it ran without its remote leg before it was "
                              "lost): both are stopped there before its element rejoins.")
                   .arg(mdPath, vg));
        b.add(sec, {QStringLiteral("vgchange"), QStringLiteral("-an"), vg},
              QStringLiteral("Deactivate volume group %1 on the Secondary, which activated it "
                             "at boot on the array it assembled by itself.")
                  .arg(vg))
            .doneWhen(QStringLiteral("no volume of %1 is active on the secondary").arg(vg),
                      [volume = frontEnd.volume](const PairState& s) {
                          return !volumeActive(s.secondary, volume);
                      })
            .noUndo(QStringLiteral("the volume must not be active on a Secondary"));
    }
    // Its node records of the element target: it imported the other node's element then.
    for (const IscsiNodeRecord& record : node.iscsiNodes) {
        if (record.targetIqn != layout.replication.targetIqn)
            continue;
        // Its boot may still be trying that login (iscsid retries for minutes): the script
        // logs out and deletes the record once no session holds it.
        b.add(sec,
              nodeScriptArgv(NodeScript::IscsiForget, {record.targetIqn, record.portal.hostPort()}),
              QStringLiteral("Log the Secondary out of %1 at %2 and forget its node record (it "
                             "imported the other node's element when it served).")
                  .arg(record.targetIqn, record.portal.hostPort()))
            .withTimeout(std::chrono::seconds(180))
            .noUndo(QStringLiteral("a Secondary imports nothing"));
    }
    // Those the power loss of its fence left empty: the loop above cannot see them.
    planBrokenRecordsDropped(b, sec, layout.replication.targetIqn);
}

} // namespace nr1
