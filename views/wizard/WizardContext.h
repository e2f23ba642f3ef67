#pragma once
// Contract: what the pages of a PairWizard share: which wizard it is, the pair's session (its
// inventory entry, runners and journal), the state of both nodes from the last read that
// answered, and the intent the pages build up (starting from the inventory's defaults). Pages read
// the state and write only the part of the intent they ask about; the preview page plans from both.

#include "plan/PairIntent.h"
#include "plan/Plan.h"
#include "plan/PlanRecipe.h"

#include <optional>

namespace nr1 {

class PairSession;

/// The whole pair, or one layer of it.
enum class WizardKind { NewPair, Elements, Array, Volume, Export };

struct WizardContext {
    WizardKind kind;
    PairSession& session;
    std::optional<PairState> state; ///< set once both nodes answered
    PairIntent intent;

    bool asks(WizardKind layer) const { return kind == WizardKind::NewPair || kind == layer; }
};

/// The planner behind each wizard: create-pair, or the one layer.
QString planKindForWizard(WizardKind kind);

} // namespace nr1
