// The Executor against replay runners: order, skipping, failure at every step with rollback,
// irreversible actions, resume, stop, and the journal. A replay runner answers only recorded
// commands, so an unexpected command and a recording never used both fail a test.

#include "ExecutorFixtures.h"
#include "PairFixtures.h"
#include "apply/Executor.h"
#include "apply/Journal.h"
#include "apply/JournalText.h"
#include "plan/Planners.h"
#include "transport/ReplayRunner.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace nr1;

namespace {

Action makeAction(NodeRole node, QStringList argv, QList<QStringList> undo = {}) {
    Action action;
    action.node = node;
    action.argv = std::move(argv);
    action.sentence = action.argv.join(u' ');
    action.undo = std::move(undo);
    if (action.undo.isEmpty())
        action.noUndoReason = QStringLiteral("only reads");
    return action;
}

/// make a (secondary) · make b (primary, undone by two commands) · check c (nothing to undo)
/// · make d (primary).
Plan smallPlan() {
    Plan plan;
    plan.kind = QStringLiteral("test");
    plan.pairName = QStringLiteral("p");
    plan.actions.push_back(makeAction(NodeRole::Secondary, words("make a"), {words("unmake a")}));
    plan.actions.push_back(
        makeAction(NodeRole::Primary, words("make b"), {words("unmake b"), words("save")}));
    plan.actions.push_back(makeAction(NodeRole::Primary, words("check c")));
    plan.actions.push_back(makeAction(NodeRole::Primary, words("make d"), {words("unmake d")}));
    return plan;
}

QString describe(const QList<QStringList>& commands) {
    QStringList lines;
    for (const QStringList& command : commands)
        lines << command.join(u' ');
    return lines.join(QStringLiteral(" | "));
}

void verifyAllUsed(const ReplayRunner& runner) {
    QVERIFY2(runner.unexpected().isEmpty(),
             qPrintable(QStringLiteral("unexpected: ") + describe(runner.unexpected())));
    QVERIFY2(runner.unused().isEmpty(),
             qPrintable(QStringLiteral("unused: ") + describe(runner.unused())));
}

} // namespace

class TestExecutor : public QObject {
    Q_OBJECT
private slots:
    void runsEveryActionInOrder() {
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        primary.expect(words("check c"), exited(0));
        primary.expect(words("make d"), exited(0));
        Executor executor(smallPlan(), primary, secondary);
        QSignalSpy started(&executor, &Executor::actionStarted);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Done);
        QCOMPARE(started.size(), 4);
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
    }

    void failureAtEachStepRollsBackWhatRan_data() {
        QTest::addColumn<int>("failing");
        for (int i = 0; i < 4; ++i)
            QTest::newRow(qPrintable(QStringLiteral("action %1").arg(i + 1))) << i;
    }
    void failureAtEachStepRollsBackWhatRan() {
        QFETCH(int, failing);
        const Plan plan = smallPlan();
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        for (int i = 0; i <= failing; ++i) {
            const Action& action = plan.actions[size_t(i)];
            runnerFor(action.node, primary, secondary).expect(action.argv, exited(i == failing));
        }
        for (int i = failing - 1; i >= 0; --i) {
            const Action& action = plan.actions[size_t(i)];
            for (const QStringList& undo : action.undo)
                runnerFor(action.node, primary, secondary).expect(undo, exited(0));
        }
        Executor executor(plan, primary, secondary);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        QCOMPARE(executor.nextAction(), failing);
        QVERIFY(executor.failure().contains(QStringLiteral("action %1").arg(failing + 1)));
        if (failing == 0) {
            QVERIFY(!executor.canRollback()); // nothing ran
        } else {
            executor.rollback();
            QCOMPARE(waitFinished(executor), Executor::State::RolledBack);
        }
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
        // Undo order: newest first, each action's undo commands in their own order.
        if (failing == 3) {
            QStringList order;
            for (const Command& command : primary.executed())
                order << command.argv.join(u' ');
            QCOMPARE(order, QStringList({QStringLiteral("make b"), QStringLiteral("check c"),
                                         QStringLiteral("make d"), QStringLiteral("unmake b"),
                                         QStringLiteral("save")}));
        }
    }

    void rollbackStopsAtAnIrreversibleAction() {
        Plan plan = smallPlan();
        plan.actions[1].irreversibleBecause(QStringLiteral("md grew"));
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        primary.expect(words("check c"), exited(0));
        primary.expect(words("make d"), exited(5));
        Executor executor(plan, primary, secondary);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        executor.rollback();
        QCOMPARE(waitFinished(executor), Executor::State::RollbackStopped);
        QVERIFY(executor.failure().contains(QStringLiteral("md grew")));
        verifyAllUsed(primary);
        verifyAllUsed(secondary); // "unmake a" never ran
    }

    void aFailingUndoStopsTheRollback() {
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        primary.expect(words("check c"), exited(1));
        primary.expect(words("unmake b"), exited(0));
        primary.expect(words("save"), exited(1));
        Executor executor(smallPlan(), primary, secondary);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        executor.rollback();
        QCOMPARE(waitFinished(executor), Executor::State::RollbackFailed);
        QVERIFY(executor.canRollback()); // "unmake a" is still to do
        verifyAllUsed(primary);
        // A retry goes on with the undo command that failed, not with "unmake b" again.
        primary.expect(words("save"), exited(0));
        secondary.expect(words("unmake a"), exited(0));
        executor.rollback();
        QCOMPARE(waitFinished(executor), Executor::State::RolledBack);
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
    }

    void aFailedIrreversibleActionIsABarrier() {
        // md's grow failed with a lost connection: it may have grown; the elements must stay.
        Plan plan = smallPlan();
        plan.actions[2].irreversibleBecause(QStringLiteral("md grew"));
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        CommandResult lost;
        lost.status = CommandStatus::ConnectionLost;
        primary.expect(words("check c"), lost);
        Executor executor(plan, primary, secondary);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        executor.rollback();
        QCOMPARE(waitFinished(executor), Executor::State::RollbackStopped);
        QVERIFY(executor.failure().contains(QStringLiteral("may have run partly")));
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
    }

    void aStepThatMayStillRunOffersNeitherRollbackNorResume() {
        // The connection broke during "check c": the runner cannot tell whether it still runs.
        QTemporaryDir directory;
        Journal journal(directory.filePath(QStringLiteral("p.jsonl")));
        ReplayRunner primary(QStringLiteral("root@p:22")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        CommandResult unknown;
        unknown.status = CommandStatus::ConnectionLost;
        unknown.mayStillRun = true;
        primary.expect(words("check c"), unknown);
        Executor executor(smallPlan(), primary, secondary, &journal);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        QVERIFY(executor.stepMayStillRun());
        QVERIFY(!executor.canResume());
        QVERIFY(!executor.canRollback());
        QVERIFY2(executor.failure().contains(QStringLiteral("MAY STILL BE RUNNING on the primary "
                                                            "(root@p:22)")),
                 qPrintable(executor.failure()));
        // Asked anyway, neither runs a command ("unmake b" is not even recorded).
        executor.rollback();
        executor.resume(PairState{});
        QTest::qWait(50);
        QCOMPARE(executor.state(), Executor::State::Failed);
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
        const auto read = Journal::read(journal.path());
        QVERIFY2(read.ok(), qPrintable(read.why()));
        bool recorded = false;
        for (const QJsonObject& entry : read.value().entries)
            if (entry.value(QStringLiteral("event")).toString() == QLatin1String("run") &&
                entry.value(QStringLiteral("command")).toString() == QLatin1String("check c"))
                recorded = entry.value(QStringLiteral("mayStillRun")).toBool();
        QVERIFY(recorded);
    }

    void aTimedOutStepStoppedOnTheNodeCanBeRolledBack() {
        // The runner reports a timeout only once the command was stopped on the node.
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        CommandResult stopped;
        stopped.status = CommandStatus::TimedOut;
        stopped.error = QStringLiteral("no result within 1 s; the command was stopped on the node");
        primary.expect(words("check c"), stopped);
        primary.expect(words("unmake b"), exited(0));
        primary.expect(words("save"), exited(0));
        secondary.expect(words("unmake a"), exited(0));
        Executor executor(smallPlan(), primary, secondary);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        QVERIFY(!executor.stepMayStillRun());
        QVERIFY(executor.canResume());
        QVERIFY(executor.canRollback());
        QVERIFY(!executor.failure().contains(QStringLiteral("MAY STILL BE RUNNING")));
        executor.rollback();
        QCOMPARE(waitFinished(executor), Executor::State::RolledBack);
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
    }

    void anUndoThatMayStillRunEndsTheRollback() {
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        primary.expect(words("check c"), exited(1));
        CommandResult unknown;
        unknown.status = CommandStatus::TimedOut;
        unknown.mayStillRun = true;
        primary.expect(words("unmake b"), unknown);
        Executor executor(smallPlan(), primary, secondary);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        executor.rollback();
        QCOMPARE(waitFinished(executor), Executor::State::RollbackFailed);
        QVERIFY(executor.stepMayStillRun());
        QVERIFY(!executor.canRollback()); // no retry beside an undo that may still run
        QVERIFY(executor.failure().contains(QStringLiteral("MAY STILL BE RUNNING")));
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
    }

    void leadingActionsAlreadyDoneAreSkipped() {
        Plan plan = smallPlan();
        const auto always = [](const PairState&) {
            return true;
        };
        plan.actions[0].doneWhen(QStringLiteral("a exists"), always);
        plan.actions[1].doneWhen(QStringLiteral("b exists"), always);
        // Once something ran the probe is stale: d runs although its check holds.
        plan.actions[3].doneWhen(QStringLiteral("d exists"), always);
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        primary.expect(words("check c"), exited(0));
        primary.expect(words("make d"), exited(0));
        Executor executor(plan, primary, secondary);
        QSignalSpy skipped(&executor, &Executor::actionSkipped);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Done);
        QCOMPARE(skipped.size(), 2);
        QCOMPARE(skipped.at(1).at(1).toString(), QStringLiteral("already done: b exists"));
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
    }

    void resumeContinuesAtTheFailedAction() {
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        primary.expect(words("check c"), exited(1));
        primary.expect(words("check c"), exited(0));
        primary.expect(words("make d"), exited(0));
        Executor executor(smallPlan(), primary, secondary);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        QVERIFY(executor.canResume());
        executor.resume(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Done);
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
    }

    void stopEndsAfterTheRunningAction() {
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        Executor executor(smallPlan(), primary, secondary);
        connect(&executor, &Executor::actionStarted, &executor, [&executor](int index) {
            if (index == 1)
                executor.stop();
        });
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Stopped);
        QCOMPARE(executor.nextAction(), 2);
        verifyAllUsed(primary);
    }

    void journalRecordsEveryStepWithoutSecrets() {
        QTemporaryDir directory;
        Journal journal(directory.filePath(QStringLiteral("p.jsonl")));
        Plan plan = smallPlan();
        plan.actions[3].argv = words("set password=hunter2-hunter2");
        plan.actions[3].secrets = {QStringLiteral("hunter2-hunter2")};
        ReplayRunner primary(QStringLiteral("root@p:22")), secondary(QStringLiteral("s"));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        primary.expect(words("check c"), exited(0));
        primary.expect(plan.actions[3].argv, exited(0));
        Executor executor(plan, primary, secondary, &journal);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Done);
        const auto read = Journal::read(journal.path());
        QVERIFY2(read.ok(), qPrintable(read.why()));
        const JournalContents* contents = &read.value();
        QVERIFY(contents->damaged.isEmpty());
        const std::vector<QJsonObject>* entries = &contents->entries;
        QCOMPARE(entries->size(), size_t(10)); // plan, 4 × (start, run), end
        QCOMPARE(entries->front().value(QStringLiteral("event")).toString(),
                 QStringLiteral("plan"));
        QStringList events;
        for (const QJsonObject& entry : *entries) {
            events << entry.value(QStringLiteral("event")).toString();
            QCOMPARE(entry.value(QStringLiteral("run")).toString(), executor.runId());
        }
        QCOMPARE(events.join(u' '),
                 QStringLiteral("plan start run start run start run start run end"));
        QCOMPARE(entriesForPeople(*entries).size(), size_t(6)); // answered starts are dropped
        const QJsonObject run = entries->at(4);
        QCOMPARE(run.value(QStringLiteral("event")).toString(), QStringLiteral("run"));
        QCOMPARE(run.value(QStringLiteral("node")).toString(), QStringLiteral("primary"));
        QCOMPARE(run.value(QStringLiteral("target")).toString(), QStringLiteral("root@p:22"));
        QCOMPARE(run.value(QStringLiteral("command")).toString(), QStringLiteral("make b"));
        QCOMPARE(run.value(QStringLiteral("exit")).toInt(), 0);
        QVERIFY(run.contains(QStringLiteral("time")));
        QCOMPARE(entries->back().value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QFile file(journal.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray all = file.readAll();
        QVERIFY(!all.contains("hunter2"));
        QVERIFY(all.contains("password=<secret>"));
    }

    void theJournalKeepsTheOutputOfStreamedSteps() {
        // A node script that says what it decided (md-add-leg.sh): its words are the audit.
        QTemporaryDir directory;
        Journal journal(directory.filePath(QStringLiteral("p.jsonl")));
        Plan plan = smallPlan();
        plan.actions.resize(1);
        plan.actions[0].secrets = {QStringLiteral("hunter2-hunter2")};
        ReplayRunner replayed;
        CommandResult said = exited(0);
        said.stdoutData = "re-add of /dev/x: every leg active\nkey hunter2-hunter2\n";
        // (a streamed result carries no stdout, as from SshRunner: the journal has the lines)
        replayed.expect(words("make a"), said);
        ReplayRunner primary;
        Executor executor(plan, primary, replayed, &journal);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Done);
        const auto read = Journal::read(journal.path());
        QVERIFY(read.ok());
        const QJsonObject run = read.value().entries.at(2);
        QCOMPARE(run.value(QStringLiteral("event")).toString(), QStringLiteral("run"));
        QCOMPARE(run.value(QStringLiteral("stdout")).toString(),
                 QStringLiteral("re-add of /dev/x: every leg active\nkey <secret>\n"));
    }

    void aLineLongerThanAnyEntryIsSkippedWhole() {
        // 17 MiB without a line break (nr1 writes no entry near 16 MiB), between two entries:
        // the reader skips all of it, says so, and reads the entries around it.
        QByteArray bytes = "{\"event\":\"plan\"}\n";
        bytes += QByteArray(17 << 20, 'x') + '\n';
        bytes += "{\"event\":\"end\"}\n";
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const auto read = Journal::read(buffer);
        QVERIFY2(read.ok(), qPrintable(read.why()));
        QCOMPARE(read.value().entries.size(), size_t(2));
        QCOMPARE(read.value().entries.back().value(QStringLiteral("event")).toString(),
                 QStringLiteral("end"));
        QCOMPARE(read.value().damaged, QStringList{QStringLiteral("line 2: longer than 16 MiB")});
    }

    void aTornLastLineIsSkippedAndNeverGluedToTheNextEntry() {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("p.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"event\":\"plan\"}\n{\"event\":\"start\",\"ind"); // a crash mid-write
        file.close();
        Journal journal(path);
        QVERIFY2(journal.append({{QStringLiteral("event"), QStringLiteral("end")}}),
                 qPrintable(journal.error()));
        const auto read = Journal::read(path);
        QVERIFY2(read.ok(), qPrintable(read.why()));
        const JournalContents* contents = &read.value();
        QCOMPARE(contents->entries.size(), size_t(2));
        QCOMPARE(contents->entries.back().value(QStringLiteral("event")).toString(),
                 QStringLiteral("end"));
        QCOMPARE(contents->damaged.size(), 1);
        QVERIFY2(contents->damaged.first().startsWith(QStringLiteral("line 2: not a journal")),
                 qPrintable(contents->damaged.first()));
    }

    void theJournalIsPrivate() {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("state/nr1/journal/p.jsonl"));
        Journal journal(path);
        QVERIFY2(journal.append({{QStringLiteral("event"), QStringLiteral("plan")}}),
                 qPrintable(journal.error()));
        QCOMPARE(QFileInfo(path).permissions() & 0x0077, QFile::Permissions());
        for (const char* folder : {"state", "state/nr1", "state/nr1/journal"})
            QCOMPARE(QFileInfo(directory.filePath(QLatin1String(folder))).permissions() & 0x0077,
                     QFile::Permissions());
    }

    void nothingRunsWhenTheJournalCannotBeWritten() {
        QTemporaryDir directory;
        QFile blocker(directory.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Journal journal(directory.filePath(QStringLiteral("not-a-folder/p.jsonl")));
        ReplayRunner primary, secondary; // nothing recorded: any command would be unexpected
        Executor executor(smallPlan(), primary, secondary, &journal);
        executor.apply(PairState{});
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        QVERIFY2(executor.failure().contains(QStringLiteral("cannot write the journal")),
                 qPrintable(executor.failure()));
        QVERIFY2(executor.failure().contains(QStringLiteral("action 1 was not run")),
                 qPrintable(executor.failure()));
        QVERIFY(primary.unexpected().isEmpty() && secondary.unexpected().isEmpty());
        QCOMPARE(executor.nextAction(), 0);
    }

    // The real create-pair plan: a failure at any action rolls back exactly the actions that
    // ran, newest first, with their recorded undo commands.
    void createPairFailureAtEachActionRollsBack_data() {
        QTest::addColumn<int>("failing");
        const PairIntent intent = testbedIntent();
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        for (int i = 0; i < int(result.value().actions.size()); ++i)
            QTest::newRow(qPrintable(QStringLiteral("action %1").arg(i + 1))) << i;
    }
    void createPairFailureAtEachActionRollsBack() {
        QFETCH(int, failing);
        const PairIntent intent = testbedIntent();
        const PairState blank = probedPair(QStringLiteral("blank"), intent);
        const Plan plan = planCreatePair(blank, intent).value();
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        for (int i = 0; i <= failing; ++i) {
            const Action& action = plan.actions[size_t(i)];
            runnerFor(action.node, primary, secondary)
                .expect(action.argv, exited(i == failing ? 99 : action.successExitCodes.first()));
        }
        for (int i = failing - 1; i >= 0; --i) {
            const Action& action = plan.actions[size_t(i)];
            QVERIFY(!action.irreversible); // nothing in creating a pair is
            for (const QStringList& undo : action.undo)
                runnerFor(action.node, primary, secondary).expect(undo, exited(0));
        }
        Executor executor(plan, primary, secondary);
        executor.apply(blank);
        QCOMPARE(waitFinished(executor), Executor::State::Failed);
        if (executor.canRollback()) {
            executor.rollback();
            QCOMPARE(waitFinished(executor), Executor::State::RolledBack);
        }
        verifyAllUsed(primary);
        verifyAllUsed(secondary);
    }
};

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
