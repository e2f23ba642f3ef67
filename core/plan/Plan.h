#pragma once
// Contract: a Plan is data: the ordered actions that take a pair from its probed state to the
// administrator's intent. Each action names its node, the exact argv that will run (shown as is
// in the preview), one sentence saying what it does, the exit codes that mean success, a
// postcondition over the pair's probed state (when it already holds the action is skipped: this
// is how a resumed or repeated plan does only what is missing), and the commands that undo it
// (none when there is nothing of its own to undo, with the reason; "irreversible" when a
// rollback must stop before it). Planners build plans; the Executor runs them.
// Secrets (CHAP passwords) are never in an argv: an action that needs one gets it on its stdin,
// and lists it in `secrets`; every text made from an action for people (preview, JSON, journal,
// output, failure messages) shows "<secret>" in its place.
// PlanResult is what a planner returns: a Result<Plan> (base/Result.h), the plan or the reasons
// it refuses, each a full sentence naming what to fix.

#include "base/Result.h"
#include "model/Pair.h"

#include <QJsonObject>
#include <QStringList>
#include <chrono>
#include <functional>
#include <vector>

namespace nr1 {

QString nodeRoleName(NodeRole role); ///< "primary" / "secondary"

/// A fact about the pair's probed state, with the words for it.
struct StateCheck {
    QString description; ///< "LV vg_sec/elem0 exists on the secondary"
    std::function<bool(const PairState&)> holds;

    bool isSet() const { return bool(holds); }
};

struct Action {
    NodeRole node = NodeRole::Primary;
    QStringList argv;
    QString sentence;
    QList<int> successExitCodes{0};
    std::chrono::seconds timeout{120};
    StateCheck done;         ///< postcondition; unset: always runs
    QList<QStringList> undo; ///< run in order to revert; empty: cannot be undone
    QString noUndoReason;    ///< said when undo is empty
    /// True when the action cannot be undone and nothing done before it may be undone either
    /// (md grown onto a larger element, data removed): a rollback stops before it.
    bool irreversible = false;
    /// Sent on the command's stdin (then EOF): how secrets reach the node. Empty: none.
    QByteArray stdinData;
    QStringList secrets; ///< values never shown or journaled (CHAP secrets), in stdin or output

    Action& doneWhen(QString description, std::function<bool(const PairState&)> holds) {
        done = StateCheck{std::move(description), std::move(holds)};
        return *this;
    }
    Action& undoWith(QList<QStringList> commands) {
        undo = std::move(commands);
        return *this;
    }
    Action& noUndo(QString reason) {
        undo.clear();
        noUndoReason = std::move(reason);
        return *this;
    }
    /// No undo, and a rollback must not go past this action.
    Action& irreversibleBecause(QString reason) {
        noUndo(std::move(reason));
        irreversible = true;
        return *this;
    }
    Action& acceptExitCodes(QList<int> codes) {
        successExitCodes = std::move(codes);
        return *this;
    }
    Action& withTimeout(std::chrono::seconds seconds) {
        timeout = seconds;
        return *this;
    }
    /// The command line for people: secrets replaced by "<secret>".
    QString displayLine() const { return displayArgv(argv); }
    QString displayArgv(const QStringList& command) const;
    /// The same with a node script folded: `sh NAME.sh ARGS…`, what core/scripts/NAME.sh runs
    /// with the same arguments (the exact command is `sh -c BODY sh ARGS…`; Plan::preview
    /// lists each BODY once). Any other command whole.
    QString foldedLine() const { return foldedArgv(argv); }
    QString foldedArgv(const QStringList& command) const;
    QStringList redacted(const QStringList& command) const;
    /// Output or messages of the action with its secrets replaced by "<secret>".
    QString redactText(QString text) const;
    QByteArray redactBytes(QByteArray bytes) const;
    /// The stdin for people: its lines, secrets redacted, quoted as the shell would
    /// ("host1 '<secret>' '' ''"); empty when the action sends nothing.
    QString displayStdin() const;
};

struct Plan {
    QString kind; ///< "create-pair", "grow", …
    QString pairName;
    QString title; ///< one line: what the plan does
    std::vector<Action> actions;
    QStringList warnings;  ///< data loss and other things the administrator must read first
    QStringList followUps; ///< what to do after it ran (initiator rescans, …)
    /// Destructive plans: the name the administrator must type to confirm; empty otherwise.
    QString confirmationWord;

    bool isEmpty() const { return actions.empty(); }
    /// The preview: actions in order, grouped under their node, with their command lines
    /// (node scripts folded), then the text of every node script they run.
    QString preview(const QString& primaryTarget, const QString& secondaryTarget) const;
    QJsonObject toJson() const;
};

/// The plan, or why a planner refuses to make one.
using PlanResult = Result<Plan>;

} // namespace nr1
