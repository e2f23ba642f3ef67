// serve-alone: the Primary serves by itself once its Secondary is lost for good (Planners.h).
#include "base/NodeScript.h"
#include "inventory/Inventory.h"
#include "plan/PlanBuilder.h"
#include "plan/Planners.h"
#include "plan/RoleSwap.h"
#include "plan/Stages.h"

namespace nr1 {

PlanResult planServeAlone(const PairState& state, const PairIntent& intent) {
    const PairLayout& layout = intent.layout;
    const NodeRole pri = NodeRole::Primary;
    PlanBuilder b(state, intent, QStringLiteral("serve-alone"),
                  QStringLiteral("serve pair %1 from the Primary alone: the Secondary is lost")
                      .arg(layout.name));
    if (!b.acceptIntent())
        return b.finish();
    if (!(state.secondary == NodeState{}))
        b.refuse(QStringLiteral("The Secondary was read: it is not lost. Repair the pair instead "
                                "(apply repair): it puts the Secondary's leg back."));
    const QString md = intent.mdDeviceName();
    const QString mdPath = layout.mdDevice;
    const QString element = layout.primaryElement.devicePath();
    const ElementRef volume = layout.frontEnd.value_or(FrontEndExport{}).volume;
    const NodeState& node = state.primary;
    if (!b.lv(pri, layout.primaryElement))
        b.refuse(QStringLiteral("The Primary has no element %1: there is nothing to serve.")
                     .arg(element));
    const LunIdentity* identity = node.findLunIdentity(layout.name);
    if (!identity)
        b.refuse(QStringLiteral("The Primary records no identity of the LUN (/etc/nr1/%1."
                                "identity): nr1 cannot serve it as the same disk.")
                     .arg(pairFileName(layout.name)));
    if (b.refused())
        return b.finish();
    PairIntent served = intent;
    serveRecordedIdentity(b, served, *identity);
    if (b.refused())
        return b.finish();
    b.requireCommands(pri, {QStringLiteral("mdadm"), QStringLiteral("lvm")});

    const MdstatArray* array = node.mdstat.find(md);
    const bool running = runsArray(node, md);
    if (!running) {
        b.add(pri, nodeScriptArgv(NodeScript::MdLegCheck, {element, commands::mdadmConf()}),
              QStringLiteral("Check the Primary's leg: an md superblock of an array, not a leg "
                             "md was still rebuilding (no Recovery Offset); show its events and "
                             "last update."))
            .noUndo(QStringLiteral("only reads"));
        // md0 assembled at boot but waiting for its remote leg (inactive) starts as it is;
        // otherwise it is assembled from the local leg. Never --force.
        const QStringList start =
            array ? QStringList{QStringLiteral("mdadm"), QStringLiteral("--run"), mdPath}
                  : QStringList{QStringLiteral("mdadm"), QStringLiteral("--assemble"), mdPath,
                                QStringLiteral("--run"), element};
        b.add(pri, start,
              QStringLiteral("Start %1 from the Primary's leg alone (degraded until the lost "
                             "Secondary rejoins; never --force).")
                  .arg(mdPath))
            .doneWhen(QStringLiteral("%1 runs on the primary").arg(md),
                      [md](const PairState& s) { return runsArray(s.primary, md); })
            .undoWith({{QStringLiteral("mdadm"), QStringLiteral("--stop"), mdPath}});
    }
    if (!volumeActive(node, volume)) {
        planVolumeActivation(b, volume);
        b.willCreate(PlannedFact::VolumeActive);
    }
    b.willCreate(PlannedFact::Array);
    b.willCreate(PlannedFact::Volume);
    b.requireConfirmation(layout.name);
    b.warn(QStringLiteral("The Secondary is taken as lost and must stay off: fence it first. The "
                          "Primary serves what its own leg holds, every write it acknowledged "
                          "(md acknowledges a write once every running leg has it)."));
    b.warn(QStringLiteral("%1 runs degraded until the Secondary (or a new one) rejoins through "
                          "apply repair.")
               .arg(mdPath));
    // The LUN as both nodes recorded it (the export stage leaves a LUN that runs as it is).
    // Nothing runs on the lost node (the export stage would record the identity there too).
    appendServedExport(b, served, ExportOnto::PrimaryOnly);
    if (b.refused())
        return b.finish();
    planPersistenceFor(b, PersistenceOf::PrimaryOnly);
    b.followUp(QStringLiteral("Keep the lost Secondary off. When it is back (or replaced), apply "
                              "repair puts its leg back into %1.")
                   .arg(mdPath));
    return b.finish();
}

} // namespace nr1
