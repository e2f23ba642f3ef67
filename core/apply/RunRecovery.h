#pragma once
// Contract: what a pair's journal says about its last run, so that a run that nr1 did not end
// (nr1ctl or the console crashed, was killed or lost its machine) or that was left failed can
// be finished or undone later, by another nr1 process. Pure, no I/O.
// - runOrigin(): what the Executor journals with the plan (Executor::setOrigin): the recipe
//   (planner, intent, option) and both nodes' raw probe output the plan was made from.
// - lastRun(): replays the journal entries of the newest run: which actions ran and are not
//   undone, where the run stopped, which action or undo command was started with no result
//   recorded (nr1 stopped while it ran: it may have finished on the node, or not), how it ended
//   (nothing recorded after a crash), and which commands may still run on a node (leftovers:
//   a step started with no result, or one that ended unconfirmed) by their tags.
// - remakePlan(): the run's plan made again from its origin — the recorded probe parsed by the
//   same parsers, the recorded recipe given to the same planner — and accepted only when it is
//   the journaled plan, action for action (argv, undo, exit codes, timeouts, sentences). The
//   plan's postconditions are functions, so they cannot be journaled: this is how a recovered
//   run gets them back. A plan made with CHAP passwords cannot be remade (they are never
//   journaled).

#include "apply/Journal.h"
#include "base/Result.h"
#include "plan/Plan.h"
#include "plan/PlanRecipe.h"
#include "probe/NodeProbe.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>
#include <vector>

namespace nr1 {

/// The origin the Executor journals with the plan: {"recipe": …, "probe": {"primary": TEXT,
/// "secondary": TEXT}}.
QJsonObject runOrigin(const PlanRecipe& recipe, const PairProbe& probe);

/// A command a run started on a node and may have left running there: started with no result
/// recorded, or ended with "mayStillRun". Stopped by its tag (Command::stepTag).
struct LeftoverStep {
    NodeRole node = NodeRole::Primary;
    QString tag;
    bool operator==(const LeftoverStep&) const = default;
};

struct RecordedRun {
    QString runId;
    QJsonObject plan;                ///< the plan as journaled (Plan::toJson)
    QJsonObject origin;              ///< empty when the run recorded none
    std::vector<int> ran;            ///< actions (0-based) that ran and are not undone, in order
    int next = 0;                    ///< the first action that did not finish
    std::optional<int> started;      ///< an action started with no result recorded
    std::optional<int> undoStarted;  ///< an undo (of this action) started, no result recorded
    int undoCommand = 0;             ///< undo commands of ran.back() done in the last rollback
    bool failedIrreversible = false; ///< the last failed action was irreversible
    bool rollingBack = false;        ///< the last thing recorded is a rollback under way
    QString endState;                ///< Executor::stateName of the end; empty: none recorded
    QString interruption;            ///< "SIGTERM" when the run recorded a signal
    std::vector<LeftoverStep> leftovers; ///< commands that may still run on their node

    QString title() const { return plan.value(QStringLiteral("title")).toString(); }
    int actionCount() const { return plan.value(QStringLiteral("actions")).toArray().size(); }
    /// True when something of it can still be finished or undone: no end recorded, or it
    /// ended failed, stopped or with a failed rollback.
    bool unfinished() const;
    /// Lines for people: the plan, what ran, what was under way, how it ended.
    QStringList describe() const;
};

/// The newest run of the journal; a failure when the journal holds none.
Result<RecordedRun> lastRun(const JournalContents& journal);

/// The run's plan made again from its origin, or why it cannot be.
Result<Plan> remakePlan(const RecordedRun& run);

} // namespace nr1
