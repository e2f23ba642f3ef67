#pragma once
// Contract: everything a planner needs besides the probed state: which planner (the plan kind:
// "create-pair", "grow", …), the intent, and the kind's own option (the growth of a grow, the
// level of a teardown). makePlan(recipe, state) is the one place a kind names its planner; the
// same recipe and the same state always make the same plan. A recipe is journaled with the
// plan it made (toJson) so that a run interrupted by a crash can be made again exactly, from
// the recorded probe (apply/RunRecovery): fromJson(toJson(r)) == r, except that CHAP passwords
// are never written (they come back empty; a plan that needs them cannot be remade).

#include "base/Result.h"
#include "plan/PairIntent.h"
#include "plan/Plan.h"
#include "plan/Planners.h"

#include <QJsonObject>

namespace nr1 {

struct PlanRecipe {
    QString kind;
    PairIntent intent;
    SizeRequest growth;                          ///< grow only
    TeardownLevel level = TeardownLevel::Export; ///< teardown only
    bool operator==(const PlanRecipe&) const = default;

    QJsonObject toJson() const;
    static Result<PlanRecipe> fromJson(const QJsonObject& object);
    /// True when the intent holds a secret toJson() leaves out.
    bool hasSecrets() const;
};

/// The node a plan of `kind` is made without, for the plans made while one node is lost: the
/// Primary for a takeover, the Secondary for serve-alone. Only the other node is read, locked
/// and changed; the lost one must not answer (PairSession::planState), stands as an empty
/// NodeState in the plan's state, and is fenced before the first step. nullopt for the rest.
std::optional<NodeRole> lostNodeOf(const QString& kind);

/// The plan kinds, in the order nr1ctl lists them.
const QStringList& planKinds();
/// The kind's planner, asked with the recipe's intent and option.
PlanResult makePlan(const PlanRecipe& recipe, const PairState& state);

/// "export", "volume", "array", "elements".
QString teardownLevelName(TeardownLevel level);

} // namespace nr1
