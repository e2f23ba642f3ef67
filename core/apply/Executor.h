#pragma once
// Contract: runs a Plan through the two nodes' CommandRunners, one action at a time, in order,
// never blocking the caller's thread (results arrive as signals on it).
// - apply(state): starts at the first action; while nothing has run yet, an action whose
//   postcondition already holds in `state` (the probe the plan was made from, or a fresh one)
//   is skipped, so applying a finished plan again runs nothing. Once an action has run, the
//   probe is stale and every later action runs.
// - An action succeeds when it exits with one of its success codes. The first failure stops the
//   run (Failed); stop() ends it after the running action (Stopped). Nothing is undone unasked.
// - resume(state): after Failed/Stopped, continues at the action that did not finish, with the
//   same skipping rule against the caller's fresh probe.
// - rollback(): undoes the actions this executor ran, newest first, each by its undo commands;
//   actions with nothing of their own to undo are passed; an irreversible action (also the
//   one that failed, which may have run partly), or an undo command that fails, stops the
//   rollback there (RollbackStopped / RollbackFailed); a rollback retried after a failed undo
//   goes on with that undo command.
// - recover(run, fresh): takes over a run another Executor journaled and did not end (a crash,
//   a kill) or left failed (apply/RunRecovery): the same run id, the actions it ran, where it
//   stopped; an action started with no result recorded counts as done when its postcondition
//   holds in the caller's fresh probe, else as failed there (so an irreversible one stops a
//   rollback); an undo command started with no result counts as done (the action undone) only
//   when the fresh probe no longer shows the action's postcondition, else it runs again. Then
//   resume(fresh) finishes the run or rollback() undoes it.
// - interrupt(why): journals the interruption (SIGTERM, …) and stops after the running action.
// - Steps that end: a step's result arrives only when its runner is done with it; a timed-out or
//   cancelled command is reported once the runner stopped it on the node (SshRunner). When the
//   runner says a command may still run there (CommandResult::mayStillRun: the connection was
//   lost, or stopping it failed), stepMayStillRun() is true, the failure says so plainly, the
//   journal entry records it, and neither resume nor rollback is offered by this executor (they
//   could run alongside it): the administrator checks the node and plans again.
// Signals are emitted from the event loop, never from inside apply/resume/rollback. With a
// Journal, every entry carries this run's id (runId()); each action and each undo command is
// journaled before it starts and when it ends, and one whose start cannot be journaled does not
// run: the run fails there (resumable once the journal can be written), so nothing runs
// unrecorded. The plan entry carries the origin set with setOrigin() (RunRecovery's
// runOrigin), which lets a later nr1 make the same plan again; each step's entries carry the
// tag its command has on the node (Command::stepTag), so a later nr1 can stop what is left.
// Secrets: an action's stdinData goes to its command's stdin; its `secrets` are replaced by
// "<secret>" in everything that leaves the executor (output lines, results in signals, journal
// entries, failure()), here and only here, before any of it is emitted or written.

#include "plan/Plan.h"
#include "transport/CommandRunner.h"

#include <QObject>
#include <memory>

namespace nr1 {

class Journal;
struct RecordedRun;

class Executor : public QObject {
    Q_OBJECT
public:
    enum class State {
        Ready,
        Running,
        Done,
        Failed,
        Stopped,
        RollingBack,
        RolledBack,
        RollbackStopped,
        RollbackFailed
    };
    Q_ENUM(State)

    Executor(Plan plan, CommandRunner& primary, CommandRunner& secondary,
             Journal* journal = nullptr, QObject* parent = nullptr);

    const Plan& plan() const { return m_plan; }
    State state() const { return m_state; }
    /// Index of the action that failed or would run next.
    int nextAction() const { return m_next; }
    /// Names this run in every journal entry.
    const QString& runId() const { return m_runId; }
    /// What went wrong, for the last Failed/RollbackStopped/RollbackFailed.
    QString failure() const { return m_failure; }
    bool canResume() const {
        return (m_state == State::Failed || m_state == State::Stopped) && !m_stepMayStillRun;
    }
    bool canRollback() const;
    /// A command of this run may still be running on its node (its end could not be confirmed).
    bool stepMayStillRun() const { return m_stepMayStillRun; }

    /// Journaled with the plan: what a later nr1 needs to make the plan again.
    void setOrigin(QJsonObject origin) { m_origin = std::move(origin); }
    void apply(const PairState& state);
    void resume(const PairState& state);
    void stop() { m_stopRequested = true; }
    void interrupt(const QString& why);
    void rollback();
    /// Precondition: state() == Ready and `plan` made again from `run` (remakePlan). Afterwards
    /// canResume() and/or canRollback() say what can be done.
    void recover(const RecordedRun& run, const PairState& fresh);

    static QString stateName(State state);

signals:
    void actionStarted(int index);
    void actionOutput(int index, const QByteArray& line);
    void actionSkipped(int index, const QString& why);
    void actionFinished(int index, const nr1::CommandResult& result, bool succeeded);
    void undoStarted(int index, const QStringList& argv);
    void undoFinished(int index, const nr1::CommandResult& result, bool succeeded);
    void finished(nr1::Executor::State state);

private:
    void runFrom(const PairState& state);
    void runNext();
    void onActionDone(int index, const CommandResult& result);
    void undoNext();
    void finish(State state, const QString& failure = QString());
    CommandRunner& runnerFor(NodeRole node) const;
    /// Appends to the journal (true without one); false with the reason in m_failure's form.
    bool journal(QJsonObject entry);
    /// The journal could not take the entry for the next action: the run fails before it.
    void failUnjournaled();
    static QString newStepTag();
    QJsonObject stepEntry(const QString& event, int index, const QStringList& argv,
                          const CommandResult* result) const;
    /// Notes a command whose end is unknown; returns the sentence the failure ends with.
    QString noteMayStillRun(const CommandResult& result, NodeRole node);

    Plan m_plan;
    CommandRunner& m_primary;
    CommandRunner& m_secondary;
    Journal* m_journal;
    State m_state = State::Ready;
    int m_next = 0;
    bool m_skipLeading = true;
    bool m_stopRequested = false;
    std::optional<PairState> m_probe;
    std::vector<int> m_ran;            ///< indices run successfully, in order
    int m_undoCommand = 0;             ///< next undo command of m_ran.back()
    bool m_failedIrreversible = false; ///< the failed action may have done its irreversible part
    bool m_stepMayStillRun = false;    ///< a command's end on its node is not confirmed
    QString m_failure;
    QString m_runId;
    QString m_stepTag; ///< the running (or last) step's tag on its node, journaled
    /// The running step's streamed stdout lines (redacted, at most about kStreamedKept bytes):
    /// its result's stdout when the runner delivered the lines only as they came.
    QByteArray m_streamed;
    static constexpr qsizetype kStreamedKept = 64 * 1024;
    QJsonObject m_origin;
};

} // namespace nr1
