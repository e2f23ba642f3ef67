#include "health/PairChecks.h"

#include "health/CheckInput.h"
#include "plan/Plan.h"
#include "plan/PlanRecipe.h"

namespace nr1 {

HealthCheck newCheck(const QString& group, const QString& name, const QString& title) {
    HealthCheck check;
    check.group = group;
    check.name = name;
    check.title = title;
    return check;
}

void conclude(HealthCheck& check, CheckResult result, const QString& verdict,
              const QString& fixKind) {
    check.result = result;
    check.verdict = verdict;
    check.fixKind = result == CheckResult::Ok ? QString() : fixKind;
}

bool nodesRead(HealthCheck& check, const CheckInput& input, std::initializer_list<NodeRole> roles) {
    QStringList missing;
    for (NodeRole role : roles)
        if (!input.node(role))
            missing << nodeRoleName(role);
    if (missing.isEmpty())
        return true;
    conclude(check, CheckResult::Unknown,
             QStringLiteral("Not read %1 (see nodes-reachable).").arg(onNodes(missing)));
    return false;
}

QString onNodes(const QStringList& roles) {
    if (roles.size() > 1)
        return QStringLiteral("on both nodes");
    return QStringLiteral("on the ") + roles.value(0);
}

QString nodeLabel(const CheckInput& input, NodeRole role) {
    const NodeState* node = input.node(role);
    return node && !node->hostname.isEmpty()
               ? QStringLiteral("%1 (%2)").arg(nodeRoleName(role), node->hostname)
               : nodeRoleName(role);
}

HealthChecks checkPair(const PairProbe& probe, const PairIntent& intent) {
    const CheckInput input{intent,
                           probe.primary.state ? &*probe.primary.state : nullptr,
                           probe.secondary.state ? &*probe.secondary.state : nullptr,
                           probe.primary.error,
                           probe.secondary.error,
                           probe.primary.clockSeconds,
                           probe.secondary.clockSeconds};
    HealthChecks checks;
    appendNodeChecks(checks, input);
    appendReplicationChecks(checks, input);
    appendArrayChecks(checks, input);
    appendBootChecks(checks, input);
    appendIdentityChecks(checks, input);
    return checks;
}

std::vector<FixPreview> previewFixes(const HealthChecks& checks, const PairProbe& probe,
                                     const PairIntent& intent) {
    std::vector<FixPreview> previews;
    if (!probe.ok())
        return previews;
    const PairState state = probe.pairState(intent.layout);
    for (const HealthCheck& check : checks) {
        if (check.result == CheckResult::Ok || check.fixKind.isEmpty())
            continue;
        if (std::any_of(previews.begin(), previews.end(),
                        [&](const FixPreview& p) { return p.kind == check.fixKind; }))
            continue;
        FixPreview preview{check.fixKind, 0, {}};
        const PlanResult plan = makePlan(PlanRecipe{check.fixKind, intent, {}, {}}, state);
        if (plan.ok())
            preview.steps = int(plan.value().actions.size());
        else
            preview.refusals = plan.reasons();
        previews.push_back(preview);
    }
    return previews;
}

} // namespace nr1
