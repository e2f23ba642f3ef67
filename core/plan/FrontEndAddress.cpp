// The pair's floating front-end address (the inventory's `frontend_address`): on the node that
// serves the LUN, off the other one (core/scripts/front-address.sh; docs/plans.md).
#include "base/NodeScript.h"
#include "plan/PlanBuilder.h"
#include "plan/RoleSwap.h"
#include "plan/Stages.h"

namespace nr1 {

namespace {

QStringList frontAddress(const QString& operation, const QString& cidr) {
    return nodeScriptArgv(NodeScript::FrontAddress, {operation, cidr});
}

void planAddressOff(PlanBuilder& b, NodeRole role, const QString& cidr) {
    const QString held = b.node(role).interfaceHolding(cidr);
    if (held.isEmpty())
        return;
    b.add(role, frontAddress(QStringLiteral("down"), cidr),
          QStringLiteral("Remove the floating front-end address %1 from %2 on the %3: it no "
                         "longer serves the LUN, and initiators must not reach it there.")
              .arg(cidr, held, nodeRoleName(role)))
        .doneWhen(QStringLiteral("the %1 does not hold %2").arg(nodeRoleName(role), cidr),
                  [role, cidr](const PairState& s) {
                      return s.node(role).interfaceHolding(cidr).isEmpty();
                  })
        .undoWith({frontAddress(QStringLiteral("up"), cidr)});
}

} // namespace

void planFrontEndAddress(PlanBuilder& b) {
    const QString cidr = b.intent().frontEndAddress;
    if (cidr.isEmpty() || b.planned(PlannedFact::FrontEndAddress))
        return;
    b.willCreate(PlannedFact::FrontEndAddress);
    // Off the other node first: the Primary's "up" refuses while another host answers for it.
    planAddressOff(b, NodeRole::Secondary, cidr);
    if (!b.node(NodeRole::Primary).interfaceHolding(cidr).isEmpty())
        return;
    b.add(NodeRole::Primary, frontAddress(QStringLiteral("up"), cidr),
          QStringLiteral("Bring the floating front-end address %1 up on the Primary (unless "
                         "another host still answers for it) and announce it by gratuitous ARP: "
                         "initiators log in there, whichever node serves.")
              .arg(cidr))
        .doneWhen(
            QStringLiteral("the Primary holds %1").arg(cidr),
            [cidr](const PairState& s) { return !s.primary.interfaceHolding(cidr).isEmpty(); })
        .undoWith({frontAddress(QStringLiteral("down"), cidr)});
}

void planFrontEndAddressStage(PlanBuilder& b) {
    const PairIntent& intent = b.intent();
    if (intent.frontEndAddress.isEmpty() || !intent.layout.frontEnd)
        return;
    // An export this plan makes again has its address from the export stage.
    if (b.planned(PlannedFact::Export))
        return planFrontEndAddress(b);
    const NodeState& primary = b.node(NodeRole::Primary);
    if (exportsFrontEndLun(primary.lio, intent) &&
        volumeActive(primary, intent.layout.frontEnd->volume))
        planFrontEndAddress(b);
    else
        planAddressOff(b, NodeRole::Secondary, intent.frontEndAddress);
}

void planFrontEndAddressRemoval(PlanBuilder& b, NodeRole role) {
    if (!b.intent().frontEndAddress.isEmpty())
        planAddressOff(b, role, b.intent().frontEndAddress);
}

} // namespace nr1
