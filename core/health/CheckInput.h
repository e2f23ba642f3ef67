#pragma once
// Contract (internal to core/health): what every check group reads — the intent's names and
// each node's probed state (nullptr when the node was not read, with the reason) — and the
// small helpers the groups share to make a check and give it its result. Each group appends
// its checks in a fixed order (PairChecks.cpp calls them).

#include "health/HealthCheck.h"
#include "model/Pair.h"
#include "plan/PairIntent.h"

#include <initializer_list>

namespace nr1 {

struct CheckInput {
    const PairIntent& intent;
    const NodeState* primary = nullptr; ///< nullptr: not read (primaryWhy says why)
    const NodeState* secondary = nullptr;
    QString primaryWhy;
    QString secondaryWhy;
    std::optional<qint64> primaryClock; ///< the node's clock during its probe
    std::optional<qint64> secondaryClock;

    const NodeState* node(NodeRole role) const {
        return role == NodeRole::Primary ? primary : secondary;
    }
    const PairLayout& layout() const { return intent.layout; }
};

/// A check of `group` not made yet (result Unknown).
HealthCheck newCheck(const QString& group, const QString& name, const QString& title);
/// Sets the result and its sentence (and the fix plan's kind, for a result that is not ok).
void conclude(HealthCheck& check, CheckResult result, const QString& verdict,
              const QString& fixKind = QString());
/// True when every node of `roles` was read; otherwise the check is Unknown, saying which was
/// not and why.
bool nodesRead(HealthCheck& check, const CheckInput& input, std::initializer_list<NodeRole> roles);
/// "on the primary", "on the secondary", "on both nodes" for the roles' names in `roles`.
QString onNodes(const QStringList& roles);
/// "primary (host)" for evidence lines.
QString nodeLabel(const CheckInput& input, NodeRole role);

void appendNodeChecks(HealthChecks& checks, const CheckInput& input);
void appendReplicationChecks(HealthChecks& checks, const CheckInput& input);
void appendArrayChecks(HealthChecks& checks, const CheckInput& input);
void appendBootChecks(HealthChecks& checks, const CheckInput& input);
void appendIdentityChecks(HealthChecks& checks, const CheckInput& input);

} // namespace nr1
