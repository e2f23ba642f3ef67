#include "apply/Executor.h"

#include "apply/Journal.h"
#include "apply/RunRecovery.h"

#include <QJsonArray>
#include <QUuid>

namespace nr1 {

namespace {

/// The result as it may leave the executor: the action's secrets out of stdout, stderr and the
/// error. Every signal, journal entry and failure message is made from this, never the raw one.
CommandResult redactedResult(const Action& action, CommandResult result) {
    if (action.secrets.isEmpty())
        return result;
    result.stdoutData = action.redactBytes(std::move(result.stdoutData));
    result.stderrData = action.redactBytes(std::move(result.stderrData));
    result.error = action.redactText(std::move(result.error));
    return result;
}

/// The start of stderr for a failure message.
QString stderrExcerpt(const CommandResult& result) {
    return QString::fromUtf8(result.stderrData).trimmed().left(500);
}

} // namespace

Executor::Executor(Plan plan, CommandRunner& primary, CommandRunner& secondary, Journal* journal,
                   QObject* parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_primary(primary)
    , m_secondary(secondary)
    , m_journal(journal)
    , m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    qRegisterMetaType<nr1::CommandResult>();
}

QString Executor::stateName(State state) {
    switch (state) {
    case State::Ready:
        return QStringLiteral("ready");
    case State::Running:
        return QStringLiteral("running");
    case State::Done:
        return QStringLiteral("done");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::RollingBack:
        return QStringLiteral("rolling back");
    case State::RolledBack:
        return QStringLiteral("rolled back");
    case State::RollbackStopped:
        return QStringLiteral("rollback stopped");
    case State::RollbackFailed:
        return QStringLiteral("rollback failed");
    }
    return QString();
}

bool Executor::canRollback() const {
    return (m_state == State::Failed || m_state == State::Stopped ||
            m_state == State::RollbackFailed) &&
           !m_ran.empty() && !m_stepMayStillRun;
}

QString Executor::noteMayStillRun(const CommandResult& result, NodeRole node) {
    if (!result.mayStillRun)
        return {};
    m_stepMayStillRun = true;
    return QStringLiteral(" THE COMMAND MAY STILL BE RUNNING on the %1 (%2): nr1 could not "
                          "confirm that it ended, so it offers neither rollback nor resume, which "
                          "could run alongside it. Check the node, and once it has ended, look "
                          "at 'nr1ctl status' and plan again.")
        .arg(nodeRoleName(node), runnerFor(node).describeTarget());
}

CommandRunner& Executor::runnerFor(NodeRole node) const {
    return node == NodeRole::Primary ? m_primary : m_secondary;
}

void Executor::apply(const PairState& state) {
    if (m_state != State::Ready)
        return;
    m_next = 0;
    QJsonObject entry{{QStringLiteral("event"), QStringLiteral("plan")},
                      {QStringLiteral("plan"), m_plan.toJson()}};
    if (!m_origin.isEmpty())
        entry.insert(QStringLiteral("origin"), m_origin);
    if (!journal(entry)) {
        failUnjournaled();
        return;
    }
    runFrom(state);
}

void Executor::resume(const PairState& state) {
    if (!canResume())
        return;
    journal(QJsonObject{{QStringLiteral("event"), QStringLiteral("resume")},
                        {QStringLiteral("index"), m_next}});
    runFrom(state);
}

QString Executor::newStepTag() {
    // Journaled with the step's start: a later nr1 stops what is left of it by this tag.
    return QStringLiteral("nr1-") + QUuid::createUuid().toString(QUuid::Id128);
}

void Executor::interrupt(const QString& why) {
    journal(QJsonObject{{QStringLiteral("event"), QStringLiteral("interrupted")},
                        {QStringLiteral("signal"), why},
                        {QStringLiteral("index"), m_next + 1}});
    m_stopRequested = true;
}

void Executor::recover(const RecordedRun& run, const PairState& fresh) {
    if (m_state != State::Ready)
        return;
    m_runId = run.runId;
    m_ran = run.ran;
    m_next = run.next;
    m_undoCommand = run.undoCommand;
    m_failedIrreversible = run.failedIrreversible;
    QString resolution;
    const auto holds = [this, &fresh](int index) {
        const Action& action = m_plan.actions[size_t(index)];
        return action.done.isSet() && action.done.holds(fresh);
    };
    if (run.started) {
        const int index = *run.started;
        if (holds(index)) {
            m_ran.push_back(index);
            m_next = index + 1;
            resolution = QStringLiteral("action %1 had no result recorded; the nodes show it done")
                             .arg(index + 1);
        } else {
            m_next = index;
            m_failedIrreversible = m_plan.actions[size_t(index)].irreversible;
            resolution =
                QStringLiteral("action %1 had no result recorded; the nodes do not show it done")
                    .arg(index + 1);
        }
    }
    if (run.undoStarted && !m_ran.empty() && m_ran.back() == *run.undoStarted) {
        const int index = *run.undoStarted;
        const StateCheck& done = m_plan.actions[size_t(index)].done;
        // Only a postcondition the nodes no longer show proves the undo done.
        if (done.isSet() && !done.holds(fresh)) {
            // The undo that was under way took the action's result away: it is undone.
            m_ran.pop_back();
            m_next = index;
            m_undoCommand = 0;
            resolution = QStringLiteral("the undo of action %1 had no result recorded; the nodes "
                                        "show the action undone")
                             .arg(index + 1);
        } else {
            resolution = QStringLiteral("the undo of action %1 had no result recorded; it runs "
                                        "again")
                             .arg(index + 1);
        }
    }
    const bool wasRollingBack = run.rollingBack || run.endState == stateName(State::RollbackFailed);
    m_state = wasRollingBack                              ? State::RollbackFailed
              : run.endState == stateName(State::Stopped) ? State::Stopped
                                                          : State::Failed;
    m_failure = run.endState.isEmpty()
                    ? QStringLiteral("the nr1 that ran this plan stopped before it ended")
                    : QStringLiteral("the run ended: %1").arg(run.endState);
    journal(QJsonObject{{QStringLiteral("event"), QStringLiteral("recover")},
                        {QStringLiteral("state"), stateName(m_state)},
                        {QStringLiteral("nextAction"), m_next + 1},
                        {QStringLiteral("why"), resolution}});
}

void Executor::runFrom(const PairState& state) {
    m_probe = state;
    m_skipLeading = true;
    m_stopRequested = false;
    m_failure.clear();
    m_state = State::Running;
    // Never report from inside the caller's call: its connections may come right after.
    QMetaObject::invokeMethod(this, &Executor::runNext, Qt::QueuedConnection);
}

void Executor::runNext() {
    const int count = int(m_plan.actions.size());
    while (m_next < count) {
        const Action& action = m_plan.actions[size_t(m_next)];
        if (m_skipLeading && m_probe && action.done.isSet() && action.done.holds(*m_probe)) {
            const QString why = QStringLiteral("already done: %1").arg(action.done.description);
            QJsonObject entry = stepEntry(QStringLiteral("skip"), m_next, action.argv, nullptr);
            entry.insert(QStringLiteral("why"), why);
            journal(entry);
            emit actionSkipped(m_next, why);
            ++m_next;
            continue;
        }
        if (m_stopRequested) {
            finish(State::Stopped, QStringLiteral("stopped before action %1").arg(m_next + 1));
            return;
        }
        m_skipLeading = false;
        m_probe.reset();
        const int index = m_next;
        m_stepTag = newStepTag();
        if (!journal(stepEntry(QStringLiteral("start"), index, action.argv, nullptr))) {
            failUnjournaled();
            return;
        }
        Command command = Command::of(action.argv);
        command.stdinData = action.stdinData;
        command.timeout = action.timeout;
        command.stepTag = m_stepTag;
        emit actionStarted(index);
        runnerFor(action.node)
            .stream(
                command, this,
                [this, index](const QByteArray& line) {
                    const QByteArray shown = m_plan.actions[size_t(index)].redactBytes(line);
                    // Kept for the journal: a streamed result may not carry its stdout again.
                    if (m_streamed.size() < kStreamedKept)
                        m_streamed += shown + '\n';
                    emit actionOutput(index, shown);
                },
                [this, index](const CommandResult& result) {
                    CommandResult done = redactedResult(m_plan.actions[size_t(index)], result);
                    if (done.stdoutData.isEmpty())
                        done.stdoutData = m_streamed;
                    m_streamed.clear();
                    onActionDone(index, done);
                });
        return;
    }
    finish(State::Done);
}

void Executor::onActionDone(int index, const CommandResult& result) { // already redacted
    const Action& action = m_plan.actions[size_t(index)];
    const bool ok =
        result.status == CommandStatus::Exited && action.successExitCodes.contains(result.exitCode);
    journal(stepEntry(QStringLiteral("run"), index, action.argv, &result));
    emit actionFinished(index, result, ok);
    if (!ok) {
        // An irreversible action that failed may still have done its part (md grew, then the
        // connection broke): nothing before it may be undone either.
        m_failedIrreversible = action.irreversible;
        finish(State::Failed,
               QStringLiteral("action %1 on the %2 failed (%3): %4")
                       .arg(index + 1)
                       .arg(nodeRoleName(action.node), result.summary(), stderrExcerpt(result)) +
                   noteMayStillRun(result, action.node));
        return;
    }
    m_ran.push_back(index);
    ++m_next;
    runNext();
}

void Executor::rollback() {
    if (!canRollback())
        return;
    journal(QJsonObject{{QStringLiteral("event"), QStringLiteral("rollback")}});
    if (m_failedIrreversible) {
        const QString why =
            QStringLiteral("action %1 failed and cannot be undone (%2): it may have run partly, "
                           "so nothing before it is undone")
                .arg(m_next + 1)
                .arg(m_plan.actions[size_t(m_next)].noUndoReason);
        QMetaObject::invokeMethod(
            this, [this, why] { finish(State::RollbackStopped, why); }, Qt::QueuedConnection);
        return;
    }
    // A retry after a failed undo continues with that undo's next command, not its first.
    if (m_state != State::RollbackFailed)
        m_undoCommand = 0;
    m_state = State::RollingBack;
    m_failure.clear();
    QMetaObject::invokeMethod(this, &Executor::undoNext, Qt::QueuedConnection);
}

void Executor::undoNext() {
    while (!m_ran.empty()) {
        const int index = m_ran.back();
        const Action& action = m_plan.actions[size_t(index)];
        if (action.irreversible) {
            finish(State::RollbackStopped,
                   QStringLiteral("action %1 cannot be undone (%2); the actions before it stay "
                                  "as they are")
                       .arg(index + 1)
                       .arg(action.noUndoReason));
            return;
        }
        if (m_undoCommand >= action.undo.size()) {
            m_ran.pop_back();
            m_undoCommand = 0;
            // The action's index becomes the place a later resume would start from.
            m_next = index;
            continue;
        }
        const QStringList argv = action.undo.at(m_undoCommand);
        m_stepTag = newStepTag();
        if (!journal(stepEntry(QStringLiteral("undo-start"), index, argv, nullptr))) {
            finish(State::RollbackFailed,
                   QStringLiteral("%1; the undo of action %2 was not run (nothing runs "
                                  "unrecorded)")
                       .arg(m_journal->error())
                       .arg(index + 1));
            return;
        }
        emit undoStarted(index, argv);
        Command command = Command::of(argv);
        command.timeout = action.timeout;
        command.stepTag = m_stepTag;
        runnerFor(action.node)
            .run(command, this, [this, index, argv, node = action.node](const CommandResult& raw) {
                const CommandResult result = redactedResult(m_plan.actions[size_t(index)], raw);
                const bool ok = result.succeeded();
                journal(stepEntry(QStringLiteral("undo"), index, argv, &result));
                emit undoFinished(index, result, ok);
                if (!ok) {
                    finish(State::RollbackFailed,
                           QStringLiteral("undo of action %1 failed (%2): %3")
                                   .arg(index + 1)
                                   .arg(result.summary(), stderrExcerpt(result)) +
                               noteMayStillRun(result, node));
                    return;
                }
                ++m_undoCommand;
                undoNext();
            });
        return;
    }
    finish(State::RolledBack);
}

void Executor::finish(State state, const QString& failure) {
    m_state = state;
    m_failure = failure;
    journal(QJsonObject{{QStringLiteral("event"), QStringLiteral("end")},
                        {QStringLiteral("state"), stateName(state)},
                        {QStringLiteral("failure"), failure},
                        {QStringLiteral("nextAction"), m_next + 1}});
    emit finished(state);
}

QJsonObject Executor::stepEntry(const QString& event, int index, const QStringList& argv,
                                const CommandResult* result) const {
    const Action& action = m_plan.actions[size_t(index)];
    QJsonObject entry{{QStringLiteral("event"), event},
                      {QStringLiteral("index"), index + 1},
                      {QStringLiteral("node"), nodeRoleName(action.node)},
                      {QStringLiteral("target"), runnerFor(action.node).describeTarget()},
                      {QStringLiteral("sentence"), action.sentence},
                      {QStringLiteral("command"), action.displayArgv(argv)}};
    if (event != QLatin1String("skip") && !m_stepTag.isEmpty())
        entry.insert(QStringLiteral("tag"), m_stepTag);
    if (result) {
        entry.insert(QStringLiteral("status"), commandStatusName(result->status));
        entry.insert(QStringLiteral("exit"), result->exitCode);
        entry.insert(QStringLiteral("durationMs"), qint64(result->duration.count()));
        // Redacted already (redactedResult): the excerpt's cut cannot expose part of a secret.
        entry.insert(QStringLiteral("stdout"), journalExcerpt(result->stdoutData));
        entry.insert(QStringLiteral("stderr"), journalExcerpt(result->stderrData));
        if (!result->error.isEmpty())
            entry.insert(QStringLiteral("error"), result->error);
        if (result->mayStillRun)
            entry.insert(QStringLiteral("mayStillRun"), true);
    }
    return entry;
}

bool Executor::journal(QJsonObject entry) {
    if (!m_journal)
        return true;
    entry.insert(QStringLiteral("run"), m_runId);
    entry.insert(QStringLiteral("pair"), m_plan.pairName);
    entry.insert(QStringLiteral("planKind"), m_plan.kind);
    return m_journal->append(std::move(entry));
}

void Executor::failUnjournaled() {
    const QString why = QStringLiteral("%1; action %2 was not run (nothing runs unrecorded)")
                            .arg(m_journal->error())
                            .arg(m_next + 1);
    m_state = State::Running;
    // Reported from the event loop like every other end.
    QMetaObject::invokeMethod(
        this, [this, why] { finish(State::Failed, why); }, Qt::QueuedConnection);
}

} // namespace nr1
