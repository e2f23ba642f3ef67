#include "apply/RunRecovery.h"

#include "apply/Executor.h"
#include "probe/ProbeScript.h"

#include <QJsonArray>

namespace nr1 {

namespace {

QString field(const QJsonObject& entry, const char* key) {
    return entry.value(QLatin1String(key)).toString();
}

/// The journal's 1-based "index" as a 0-based action index; -1 when absent.
int actionIndex(const QJsonObject& entry) {
    return entry.value(QStringLiteral("index")).toInt() - 1;
}

QJsonObject planAction(const QJsonObject& plan, int index) {
    return plan.value(QStringLiteral("actions")).toArray().at(index).toObject();
}

int undoCount(const QJsonObject& plan, int index) {
    return planAction(plan, index).value(QStringLiteral("undo")).toArray().size();
}

bool exitedWith(const QJsonObject& entry, const QJsonArray& codes) {
    if (field(entry, "status") != QLatin1String("exited"))
        return false;
    const int code = entry.value(QStringLiteral("exit")).toInt(-1);
    for (const QJsonValue& accepted : codes)
        if (accepted.toInt() == code)
            return true;
    return false;
}

} // namespace

QJsonObject runOrigin(const PlanRecipe& recipe, const PairProbe& probe) {
    return QJsonObject{
        {QStringLiteral("recipe"), recipe.toJson()},
        {QStringLiteral("probe"),
         QJsonObject{{QStringLiteral("primary"), QString::fromUtf8(probe.primary.rawOutput)},
                     {QStringLiteral("secondary"), QString::fromUtf8(probe.secondary.rawOutput)}}},
    };
}

bool RecordedRun::unfinished() const {
    return endState.isEmpty() || endState == Executor::stateName(Executor::State::Failed) ||
           endState == Executor::stateName(Executor::State::Stopped) ||
           endState == Executor::stateName(Executor::State::RollbackFailed);
}

QStringList RecordedRun::describe() const {
    QStringList lines;
    lines << QStringLiteral("Last run %1: %2 (%3 actions)").arg(runId, title()).arg(actionCount());
    QStringList done;
    for (const int index : ran)
        done << QString::number(index + 1);
    lines << (done.isEmpty() ? QStringLiteral("  No action ran (or all were undone).")
                             : QStringLiteral("  Ran and not undone: %1.").arg(done.join(u", ")));
    if (started)
        lines << QStringLiteral("  Action %1 was started and nr1 recorded no result: it may have "
                                "finished on the node, or not; the nodes are read to tell.")
                     .arg(*started + 1);
    if (undoStarted)
        lines << QStringLiteral("  An undo of action %1 was started and nr1 recorded no result.")
                     .arg(*undoStarted + 1);
    for (const LeftoverStep& step : leftovers)
        lines << QStringLiteral("  A command on the %1 may still run (tag %2): it is stopped on "
                                "the node first.")
                     .arg(nodeRoleName(step.node), step.tag);
    if (!interruption.isEmpty())
        lines << QStringLiteral("  It was interrupted (%1).").arg(interruption);
    lines << (endState.isEmpty()
                  ? QStringLiteral("  No end recorded: the nr1 that ran it stopped while it ran.")
                  : QStringLiteral("  It ended: %1.").arg(endState));
    return lines;
}

Result<RecordedRun> lastRun(const JournalContents& journal) {
    QString runId;
    for (auto it = journal.entries.rbegin(); it != journal.entries.rend() && runId.isEmpty(); ++it)
        if (field(*it, "event") == QLatin1String("plan"))
            runId = field(*it, "run");
    if (runId.isEmpty())
        return failure(QStringLiteral("The journal holds no run with its plan."));
    RecordedRun run;
    run.runId = runId;
    // The step (or undo) started last whose result is not recorded yet.
    std::optional<LeftoverStep> unanswered;
    const auto leftover = [](const QJsonObject& entry) {
        return LeftoverStep{field(entry, "node") == QLatin1String("secondary") ? NodeRole::Secondary
                                                                               : NodeRole::Primary,
                            field(entry, "tag")};
    };
    for (const QJsonObject& entry : journal.entries) {
        if (field(entry, "run") != runId)
            continue;
        const QString event = field(entry, "event");
        const int index = actionIndex(entry);
        if (event == QLatin1String("start") || event == QLatin1String("undo-start"))
            unanswered = leftover(entry);
        if (event == QLatin1String("run") || event == QLatin1String("undo")) {
            unanswered.reset();
            if (entry.value(QStringLiteral("mayStillRun")).toBool() &&
                !field(entry, "tag").isEmpty())
                run.leftovers.push_back(leftover(entry));
        }
        if (event == QLatin1String("plan")) {
            run.plan = entry.value(QStringLiteral("plan")).toObject();
            run.origin = entry.value(QStringLiteral("origin")).toObject();
        } else if (event == QLatin1String("skip")) {
            run.next = index + 1;
        } else if (event == QLatin1String("start")) {
            run.started = index;
            run.endState.clear();
        } else if (event == QLatin1String("run")) {
            run.started.reset();
            const QJsonObject action = planAction(run.plan, index);
            if (exitedWith(entry, action.value(QStringLiteral("successExitCodes")).toArray())) {
                run.ran.push_back(index);
                run.next = index + 1;
            } else {
                run.next = index;
                run.failedIrreversible = action.value(QStringLiteral("irreversible")).toBool();
            }
        } else if (event == QLatin1String("rollback")) {
            if (run.endState != Executor::stateName(Executor::State::RollbackFailed))
                run.undoCommand = 0;
            run.rollingBack = true;
            run.endState.clear();
        } else if (event == QLatin1String("undo-start")) {
            run.undoStarted = index;
        } else if (event == QLatin1String("undo")) {
            run.undoStarted.reset();
            if (field(entry, "status") != QLatin1String("exited") ||
                entry.value(QStringLiteral("exit")).toInt(-1) != 0)
                continue;
            // Actions with nothing to undo were passed without an entry.
            while (!run.ran.empty() && run.ran.back() != index &&
                   undoCount(run.plan, run.ran.back()) == 0) {
                run.next = run.ran.back();
                run.ran.pop_back();
            }
            if (run.ran.empty() || run.ran.back() != index)
                continue;
            if (++run.undoCommand >= undoCount(run.plan, index)) {
                run.ran.pop_back();
                run.undoCommand = 0;
                run.next = index;
            }
        } else if (event == QLatin1String("resume")) {
            run.endState.clear();
        } else if (event == QLatin1String("interrupted")) {
            run.interruption = field(entry, "signal");
        } else if (event == QLatin1String("end")) {
            run.endState = field(entry, "state");
            run.rollingBack = false;
            if (run.endState == Executor::stateName(Executor::State::RolledBack))
                run.ran.clear();
        }
    }
    if (unanswered && !unanswered->tag.isEmpty())
        run.leftovers.push_back(*unanswered);
    return run;
}

Result<Plan> remakePlan(const RecordedRun& run) {
    if (run.origin.isEmpty())
        return failure(QStringLiteral("The run recorded no origin (the probe and the planner's "
                                      "input), so its plan cannot be made again."));
    const auto recipe = PlanRecipe::fromJson(run.origin.value(QStringLiteral("recipe")).toObject());
    if (!recipe.ok())
        return failure(recipe.reasons());
    const QJsonObject probe = run.origin.value(QStringLiteral("probe")).toObject();
    std::optional<NodeState> nodes[2];
    const char* roles[2] = {"primary", "secondary"};
    // A plan made without a lost node (takeover, serve-alone): it stands as an empty NodeState.
    if (const std::optional<NodeRole> lost = lostNodeOf(recipe.value().kind))
        nodes[*lost == NodeRole::Primary ? 0 : 1] = NodeState{};
    for (int i = 0; i < 2; ++i) {
        if (nodes[i])
            continue;
        const auto parsed = parseNodeProbe(probe.value(QLatin1String(roles[i])).toString());
        if (!parsed.ok())
            return failure(QStringLiteral("The recorded probe of the %1 does not parse: %2")
                               .arg(QLatin1String(roles[i]), parsed.why()));
        nodes[i] = parsed.value();
    }
    const PairState state{recipe.value().intent.layout, *nodes[0], *nodes[1]};
    PlanResult plan = makePlan(recipe.value(), state);
    if (!plan.ok())
        return failure(
            QStringLiteral("The planner now refuses the recorded input: %1").arg(plan.why()));
    QJsonObject remade = plan.value().toJson();
    if (remade != run.plan) {
        if (recipe.value().intent.frontEndExport.chap)
            return failure(QStringLiteral("The plan was made with CHAP passwords, which are "
                                          "never journaled, so it cannot be made again."));
        return failure(QStringLiteral("The plan made again from the recorded input is not the "
                                      "journaled one (another nr1 version?), so nr1 will not "
                                      "run it."));
    }
    return std::move(plan).value();
}

} // namespace nr1
