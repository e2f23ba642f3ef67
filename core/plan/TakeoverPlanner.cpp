#include "base/NodeScript.h"
#include "inventory/Inventory.h"
#include "plan/LioExport.h"
#include "plan/PlanBuilder.h"
#include "plan/Planners.h"
#include "plan/RoleSwap.h"
#include "plan/Stages.h"

namespace nr1 {

PlanResult planTakeover(const PairState& state, const PairIntent& intent) {
    const PairLayout& layout = intent.layout;
    const NodeRole sec = NodeRole::Secondary;
    PlanBuilder b(
        state, intent, QStringLiteral("takeover"),
        QStringLiteral("take pair %1 over on the Secondary: the Primary is lost").arg(layout.name));
    if (!b.acceptIntent())
        return b.finish();
    if (!(state.primary == NodeState{}))
        b.refuse(QStringLiteral("The Primary was read: it is not lost. Switch over instead "
                                "(apply switchover)."));
    const QString md = intent.mdDeviceName();
    const bool running = runsArray(state.secondary, md);
    const ElementRef volume = layout.frontEnd.value_or(FrontEndExport{}).volume;
    const QString element = layout.secondaryElement.devicePath();
    if (!b.lv(sec, layout.secondaryElement))
        b.refuse(QStringLiteral("The Secondary has no element %1: there is nothing to serve.")
                     .arg(element));
    if (!running && state.secondary.lvm.findVg(volume.vg))
        b.refuse(QStringLiteral("The Secondary already has a volume group %1: the array's would "
                                "clash with it. Rename the Secondary's (vgrename).")
                     .arg(volume.vg));
    const LunIdentity* identity = state.secondary.findLunIdentity(layout.name);
    if (!identity)
        b.refuse(QStringLiteral("The Secondary records no identity of the LUN (/etc/nr1/%1."
                                "identity): nr1 cannot serve it as the same disk.")
                     .arg(pairFileName(layout.name)));
    if (b.refused())
        return b.finish();
    PairIntent after = swappedIntent(intent);
    serveRecordedIdentity(b, after, *identity);
    if (b.refused())
        return b.finish();

    b.requireConfirmation(layout.name);
    b.warn(QStringLiteral("The Primary is taken as lost and must stay off: fence it first. Every "
                          "write it acknowledged while %1 ran whole is on the Secondary's leg "
                          "(md acknowledges a write once both legs have it); if that leg had "
                          "failed before the loss, the leg check shows when it was last "
                          "updated, and what was written after is not on it.")
               .arg(layout.mdDevice));
    b.warn(QStringLiteral("%1 runs degraded on the Secondary until the lost node rejoins as its "
                          "Secondary.")
               .arg(layout.mdDevice));
    // The Secondary frees its element: its export to the Primary, an array udev made of it.
    removeLioExport(b, sec, layout.replication.targetIqn, QStringLiteral("block"),
                    intent.elementBackstoreName, QStringLiteral("the element"));
    if (!running) {
        stopArraysHoldingElement(b, sec);
        b.add(sec, nodeScriptArgv(NodeScript::MdLegCheck, {element, commands::mdadmConf()}),
              QStringLiteral("Check the Secondary's leg: an md superblock of this pair's array, "
                             "not a leg md was still rebuilding (no Recovery Offset); show its "
                             "events and last update."))
            .noUndo(QStringLiteral("only reads"));
    }

    // The rest is the Secondary serving as the Primary: planned on the pair seen swapped,
    // with the lost node as an empty state and nothing planned for it.
    NodeState serving = state.secondary;
    const QString elementStore = QStringLiteral("/backstores/block/") + intent.elementBackstoreName;
    dropExport(serving.lio, layout.replication.targetIqn, elementStore);
    dropExport(serving.savedLio, layout.replication.targetIqn, elementStore);
    const PairState next{after.layout, serving, NodeState{}};
    PlanBuilder other(next, after, QStringLiteral("takeover"), QString());
    planTakeUp(other, TakeUp::OwnLegOnly);
    planExportStage(other);
    planPersistenceFor(other, PersistenceOf::PrimaryOnly);
    PlanResult taken = other.finishPart();
    if (!taken.ok()) {
        for (const QString& why : taken.reasons())
            b.refuse(QStringLiteral("On the Secondary: %1").arg(why));
        return b.finish();
    }
    appendSwapped(b, taken.value(), after.layout, sec);
    b.followUp(QStringLiteral("The roles swap in the inventory: the Secondary is the Primary now. "
                              "Keep the lost node off until it rejoins as the Secondary."));
    return b.finish();
}

} // namespace nr1
