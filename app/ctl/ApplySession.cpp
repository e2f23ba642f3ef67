#include "ctl/ApplySession.h"

#include "apply/Executor.h"
#include "apply/Journal.h"
#include "apply/RunRecovery.h"
#include "ctl/ExitCodes.h"
#include "ctl/SignalWatch.h"
#include "ctl/Terminal.h"
#include "session/PairLock.h"
#include "session/StopLeftovers.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace nr1::ctl {

namespace {

class ApplySession : public QObject {
public:
    ApplySession(PairConnection& connection, Plan plan, PlanRecipe recipe, bool json,
                 QString onFailure)
        : m_connection(connection)
        , m_intent(recipe.intent)
        , m_json(json)
        , m_onFailure(std::move(onFailure))
        , m_journal(connection.session->journal())
        , m_lock(*connection.session, plan.title)
        , m_start(*connection.session, m_lock, plan, std::move(recipe))
        , m_executor(std::move(plan), connection.session->primary(),
                     connection.session->secondary(), &m_journal) {
        connect(&m_start, &ApplyStart::progress, this, &ApplySession::say);
        connect(&m_lock, &PairLock::tookOver, this, &ApplySession::say);
        new SignalWatch([this](int number, const QString& name) { interrupt(number, name); }, this);
        connect(&m_start, &ApplyStart::ready, this, [this](const PairState& fresh) {
            m_executor.setOrigin(m_start.origin());
            m_executor.apply(fresh);
        });
        connect(
            &m_start, &ApplyStart::refused, this,
            [this](ApplyStart::Refusal refusal, const QString& why, const QStringList& difference) {
                if (m_json)
                    printJsonLine(
                        {{QStringLiteral("event"), QStringLiteral("refused")},
                         {QStringLiteral("why"), why},
                         {QStringLiteral("difference"), QJsonArray::fromStringList(difference)}});
                printError(QStringLiteral("apply"), why);
                if (!m_json)
                    for (const QString& line : difference)
                        print(QStringLiteral("  %1\n").arg(line));
                end(refusal == ApplyStart::Refusal::Locked        ? kExitLocked
                    : refusal == ApplyStart::Refusal::Unreachable ? kExitConnection
                                                                  : kExitRefused);
            });
        connect(&m_executor, &Executor::actionStarted, this, [this](int index) {
            const Action& action = m_executor.plan().actions[size_t(index)];
            if (m_json)
                printJsonLine({{QStringLiteral("event"), QStringLiteral("start")},
                               {QStringLiteral("index"), index + 1},
                               {QStringLiteral("node"), nodeRoleName(action.node)},
                               {QStringLiteral("command"), action.displayLine()}});
            else
                print(QStringLiteral("[%1/%2] %3: %4\n      $ %5\n")
                          .arg(index + 1)
                          .arg(m_executor.plan().actions.size())
                          .arg(nodeRoleName(action.node), action.sentence, action.foldedLine()));
        });
        connect(&m_executor, &Executor::actionSkipped, this, [this](int index, const QString& why) {
            if (m_json)
                printJsonLine({{QStringLiteral("event"), QStringLiteral("skip")},
                               {QStringLiteral("index"), index + 1},
                               {QStringLiteral("why"), why}});
            else
                print(QStringLiteral("[%1/%2] skipped: %3\n")
                          .arg(index + 1)
                          .arg(m_executor.plan().actions.size())
                          .arg(why));
        });
        connect(&m_executor, &Executor::actionFinished, this,
                [this](int index, const CommandResult& result, bool ok) {
                    if (m_json) {
                        printJsonLine(
                            {{QStringLiteral("event"), QStringLiteral("finish")},
                             {QStringLiteral("index"), index + 1},
                             {QStringLiteral("ok"), ok},
                             {QStringLiteral("exit"), result.exitCode},
                             {QStringLiteral("status"), commandStatusName(result.status)},
                             {QStringLiteral("durationMs"), qint64(result.duration.count())}});
                        return;
                    }
                    print(QStringLiteral("      %1 (%2, %3 s)\n")
                              .arg(ok ? QStringLiteral("ok") : QStringLiteral("FAILED"),
                                   result.summary())
                              .arg(double(result.duration.count()) / 1000.0, 0, 'f', 1));
                    if (!ok) {
                        const Action& action = m_executor.plan().actions[size_t(index)];
                        const QString out =
                            action.redactText(QString::fromUtf8(result.stdoutData).trimmed());
                        const QString err =
                            action.redactText(QString::fromUtf8(result.stderrData).trimmed());
                        if (!out.isEmpty())
                            print(QStringLiteral("      stdout: %1\n").arg(out.left(2000)));
                        if (!err.isEmpty())
                            print(QStringLiteral("      stderr: %1\n").arg(err.left(2000)));
                    }
                });
        connect(&m_executor, &Executor::undoStarted, this, [this](int index, const QStringList&) {
            const Action& action = m_executor.plan().actions[size_t(index)];
            if (!m_json)
                print(QStringLiteral("  undo %1 on the %2\n")
                          .arg(index + 1)
                          .arg(nodeRoleName(action.node)));
        });
        connect(&m_executor, &Executor::undoFinished, this,
                [this](int index, const CommandResult& result, bool ok) {
                    if (m_json)
                        printJsonLine({{QStringLiteral("event"), QStringLiteral("undo")},
                                       {QStringLiteral("index"), index + 1},
                                       {QStringLiteral("ok"), ok},
                                       {QStringLiteral("exit"), result.exitCode}});
                    else
                        print(
                            QStringLiteral("      %1 (%2)\n")
                                .arg(ok ? QStringLiteral("undone") : QStringLiteral("UNDO FAILED"),
                                     result.summary()));
                });
        connect(&m_executor, &Executor::finished, this,
                [this](Executor::State state) { onFinished(state); });
    }

    void start() { m_start.start(); }

    /// Finishes (`rollback` false) or undoes a run the journal holds, `plan` made again from it:
    /// the lock, what the run left running stopped, a fresh read, then the executor takes the
    /// run over.
    void recover(RecordedRun run, bool rollback) {
        if (const std::optional<NodeRole> lost = lostNodeOf(m_executor.plan().kind))
            m_lock.setNodes({otherRole(*lost)});
        say(tr("Taking the lock of pair %1…").arg(m_connection.pair().name));
        m_lock.take([this, run = std::move(run), rollback](const Result<void>& taken) {
            if (!taken.ok()) {
                printError(QStringLiteral("apply"), taken.why());
                QCoreApplication::exit(kExitLocked);
                return;
            }
            say(tr("Stopping what the run may have left running on the nodes…"));
            stopLeftovers(*m_connection.session, run, this,
                          [this, run, rollback](const Result<void>& stopped) {
                              if (!stopped.ok()) {
                                  printError(QStringLiteral("apply"), stopped.why());
                                  end(kExitConnection);
                                  return;
                              }
                              say(tr("Reading both nodes…"));
                              readAndRecover(run, rollback);
                          });
        });
    }

    /// Reads both nodes and lets the executor take `run` over.
    void readAndRecover(const RecordedRun& run, bool rollback) {
        readThen(
            [this, run, rollback](const PairState& fresh) {
                m_executor.recover(run, fresh);
                if (rollback ? !m_executor.canRollback() : !m_executor.canResume()) {
                    printError(QStringLiteral("apply"),
                               rollback ? QStringLiteral("nothing of this run can be rolled back")
                                        : QStringLiteral("this run cannot be resumed (its "
                                                         "rollback was under way): use "
                                                         "--rollback"));
                    end(kExitRefused);
                    return;
                }
                if (rollback) {
                    m_executor.rollback();
                } else {
                    m_resumed = true;
                    m_executor.resume(fresh);
                }
            },
            kExitConnection);
    }

    /// SIGINT/SIGTERM: before the first step the apply ends (nothing ran); during the run it
    /// is recorded, and the run stops after the running step; either way the exit status is
    /// 128 + the signal's number.
    void interrupt(int number, const QString& signalName) {
        if (m_executor.state() == Executor::State::Ready) {
            printError(QStringLiteral("apply"),
                       QStringLiteral("%1: nothing was run").arg(signalName));
            end(128 + number);
            return;
        }
        m_executor.interrupt(signalName);
        m_interruptedBy = number;
        if (!m_json)
            print(QStringLiteral("\n%1: stopping after the running step (again to quit at once, "
                                 "leaving the lock; `nr1ctl apply --resume` or --rollback "
                                 "goes on from the journal).\n")
                      .arg(signalName));
    }

private:
    void say(const QString& what) {
        if (!m_json)
            print(what + QLatin1Char('\n'));
    }

    /// Gives the lock back, then quits with `code`.
    void end(int code) {
        m_lock.release([code] { QCoreApplication::exit(code); });
    }

    /// Reads the nodes the plan needs (PairSession::planState); `then` with the state, or says
    /// why not and ends with `code`.
    void readThen(std::function<void(const PairState&)> then, int code) {
        PairSession& session = *m_connection.session;
        session.read(this, [this, &session, then = std::move(then), code](const PairProbe& probe) {
            const Result<PairState> state =
                session.planState(m_executor.plan().kind, probe, m_intent.layout);
            if (!state.ok()) {
                for (const QString& error : state.reasons())
                    printError(QStringLiteral("apply"), error);
                end(code);
                return;
            }
            then(state.value());
        });
    }

    void onFinished(Executor::State state) {
        if (m_json)
            printJsonLine({{QStringLiteral("event"), QStringLiteral("end")},
                           {QStringLiteral("state"), Executor::stateName(state)},
                           {QStringLiteral("failure"), m_executor.failure()},
                           {QStringLiteral("journal"), m_journal.path()}});
        switch (state) {
        case Executor::State::Done:
            recordRun();
            verify();
            return;
        case Executor::State::Failed:
        case Executor::State::Stopped:
            if (!m_json)
                print(QStringLiteral("\nThe plan stopped: %1\n").arg(m_executor.failure()));
            decide();
            return;
        case Executor::State::RolledBack:
            if (!m_json)
                print(
                    QStringLiteral("Rolled back: every action that ran was undone.\nJournal: %1\n")
                        .arg(m_journal.path()));
            end(kExitApplyFailed);
            return;
        default:
            if (!m_json)
                print(QStringLiteral("%1: %2\nJournal: %3\n")
                          .arg(Executor::stateName(state), m_executor.failure(), m_journal.path()));
            end(kExitApplyFailed);
        }
    }

    /// Rollback, resume or leave: --on-failure, else asked on a terminal, else leave.
    void decide() {
        if (m_executor.stepMayStillRun()) {
            // Neither rollback nor resume may run beside a command that may still run.
            if (!m_json)
                print(QStringLiteral("Left as it is.\nJournal: %1\n").arg(m_journal.path()));
            end(leftCode());
            return;
        }
        // A run stopped by a signal is left as it is: SIGTERM (a shutdown) or SIGINT asked
        // nr1 to stop, not to start a rollback or a resume.
        QString choice = m_interruptedBy ? QStringLiteral("stop") : m_onFailure;
        if (choice.isEmpty() && isTerminal() && !m_json) {
            print(QStringLiteral("[r]oll back what ran, re-probe and re[s]ume, or [l]eave the pair "
                                 "as it is? "));
            const QString answer = readLine().toLower();
            choice = answer.startsWith(u'r')   ? QStringLiteral("rollback")
                     : answer.startsWith(u's') ? QStringLiteral("resume")
                                               : QStringLiteral("stop");
        }
        if (choice == QLatin1String("rollback") && m_executor.canRollback()) {
            m_executor.rollback();
            return;
        }
        // An automatic resume is tried once: a failure that repeats needs a person.
        if (choice == QLatin1String("resume") && m_onFailure == choice && m_resumed)
            choice = QStringLiteral("stop");
        if (choice == QLatin1String("resume")) {
            m_resumed = true;
            readThen([this](const PairState& state) { m_executor.resume(state); },
                     kExitApplyFailed);
            return;
        }
        if (!m_json)
            print(
                QStringLiteral("Left as it is. Look at 'nr1ctl status' and the journal, then plan "
                               "again: a new plan skips what is done (a grow is planned from "
                               "the sizes as they are now).\nJournal: %1\n")
                    .arg(m_journal.path()));
        end(leftCode());
    }

    /// The status of a run left unfinished: a failure, or the shell's status for the signal
    /// that stopped it (so a script tells one from the other).
    int leftCode() const { return m_interruptedBy ? 128 + m_interruptedBy : kExitApplyFailed; }

    /// After a plan that built the pair its names, after a switchover its new roles, go into
    /// the pair's inventory entry.
    void recordRun() {
        const QString& kind = m_executor.plan().kind;
        const Result<void> recorded = m_connection.session->recordRun(kind, m_intent);
        if (!recorded.ok())
            printError(QStringLiteral("apply"),
                       kind == QLatin1String("switchover")
                           ? QStringLiteral("the new roles were not recorded in the inventory "
                                            "(%1): swap primary and secondary there yourself")
                                 .arg(recorded.why())
                           : QStringLiteral("the pair's layout was not recorded in the inventory "
                                            "(%1): give the same names to later plans")
                                 .arg(recorded.why()));
    }

    /// Re-probes and checks every action's postcondition.
    void verify() {
        readThen(
            [this](const PairState& state) {
                QStringList unmet;
                for (const Action& action : m_executor.plan().actions)
                    if (action.done.isSet() && !action.done.holds(state))
                        unmet << action.done.description;
                QJsonObject entry{{QStringLiteral("event"), QStringLiteral("verify")},
                                  {QStringLiteral("unmet"), QJsonArray::fromStringList(unmet)}};
                entry.insert(QStringLiteral("pair"), m_connection.pair().name);
                m_journal.append(entry);
                if (m_json)
                    printJsonLine(entry);
                else if (unmet.isEmpty())
                    print(QStringLiteral("Done. Re-probed: every action's result is in place.\n"
                                         "Journal: %1\n")
                              .arg(m_journal.path()));
                else
                    print(QStringLiteral("Done, but the re-probe does not show: %1\nJournal: %2\n")
                              .arg(unmet.join(u"; "), m_journal.path()));
                if (!m_json)
                    for (const QString& followUp : m_executor.plan().followUps)
                        print(QStringLiteral("Next: %1\n").arg(followUp));
                end(unmet.isEmpty() ? kExitOk : kExitApplyFailed);
            },
            kExitApplyFailed);
    }

    PairConnection& m_connection;
    PairIntent m_intent;
    bool m_json;
    QString m_onFailure;
    bool m_resumed = false;
    int m_interruptedBy = 0; ///< the signal that stopped the run (SIGINT, SIGTERM); 0: none
    Journal& m_journal;
    PairLock m_lock;
    ApplyStart m_start;
    Executor m_executor;
};

/// Asks for the typed confirmation; true when given.
} // namespace

std::unique_ptr<QObject> startApply(PairConnection& connection, Plan plan, PlanRecipe recipe,
                                    bool json, QString onFailure) {
    auto session = std::make_unique<ApplySession>(connection, std::move(plan), std::move(recipe),
                                                  json, std::move(onFailure));
    session->start();
    return session;
}

std::unique_ptr<QObject> startRecovery(PairConnection& connection, Plan plan, PlanRecipe recipe,
                                       RecordedRun run, bool rollback, bool json,
                                       QString onFailure) {
    auto session = std::make_unique<ApplySession>(connection, std::move(plan), std::move(recipe),
                                                  json, std::move(onFailure));
    session->recover(std::move(run), rollback);
    return session;
}

bool confirm(const Plan& plan, bool yes) {
    if (yes)
        return true;
    if (!isTerminal()) {
        printError(QStringLiteral("apply"),
                   QStringLiteral("no terminal to confirm on: pass --yes to apply without asking"));
        return false;
    }
    const QString word =
        plan.confirmationWord.isEmpty() ? QStringLiteral("apply") : plan.confirmationWord;
    print(
        QStringLiteral("\nType '%1' to run these %2 actions: ").arg(word).arg(plan.actions.size()));
    return readLine() == word;
}

} // namespace nr1::ctl
