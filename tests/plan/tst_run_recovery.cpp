// A run that nr1 did not end, taken over from the journal: the recipe journaled with the plan
// (PlanRecipe JSON), the journal replayed (lastRun), the plan made again from the recorded
// probe (remakePlan) and an Executor that recovers the run and finishes or undoes it. The
// "crash" is the journal cut right after an action's start entry: what a kill leaves.

#include "ExecutorFixtures.h"
#include "PairFixtures.h"
#include "apply/Executor.h"
#include "apply/Journal.h"
#include "apply/RunRecovery.h"
#include "plan/PlanRecipe.h"
#include "transport/ReplayRunner.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace nr1;

namespace {

PairProbe rawProbe(const QString& state) {
    PairProbe probe;
    for (const auto& [node, name] :
         {std::pair{&probe.primary, "primary"}, std::pair{&probe.secondary, "secondary"}}) {
        node->rawOutput = fixture(QStringLiteral("testbed-live/probe/%1/%2.probe.txt")
                                      .arg(state, QLatin1String(name)))
                              .toUtf8();
        node->state = probedNode(state, QLatin1String(name));
    }
    return probe;
}

PlanRecipe createPairRecipe() {
    return PlanRecipe{QStringLiteral("create-pair"), testbedIntent(), {}, {}};
}

/// Keeps the journal's lines up to and including the first entry for which `last` is true.
void cutJournalAfter(const QString& path, const std::function<bool(const QJsonObject&)>& last) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray kept;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        kept += line;
        if (last(QJsonDocument::fromJson(line).object()))
            break;
    }
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(kept);
}

bool isStartOf(const QJsonObject& entry, int index) {
    return entry.value(QStringLiteral("event")).toString() == QLatin1String("start") &&
           entry.value(QStringLiteral("index")).toInt() == index + 1;
}

/// Runs create-pair from a blank pair with its origin journaled, every action answering, then
/// cuts the journal right after the start of action `crashed`: nr1 was killed while it ran.
RecordedRun crashedCreatePair(const QString& journalPath, int crashed, Plan* plan) {
    const PlanRecipe recipe = createPairRecipe();
    const PairProbe probe = rawProbe(QStringLiteral("blank"));
    const PairState blank = probe.pairState(recipe.intent.layout);
    *plan = makePlan(recipe, blank).value();
    ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
    for (int i = 0; i <= crashed; ++i) {
        const Action& action = plan->actions[size_t(i)];
        runnerFor(action.node, primary, secondary)
            .expect(action.argv, exited(action.successExitCodes.first()));
    }
    Journal journal(journalPath);
    Executor executor(*plan, primary, secondary, &journal);
    executor.setOrigin(runOrigin(recipe, probe));
    executor.apply(blank);
    waitFinished(executor); // fails at crashed + 1: not recorded, the journal is cut before
    cutJournalAfter(journalPath, [crashed](const QJsonObject& e) { return isStartOf(e, crashed); });
    return lastRun(Journal::read(journalPath).value()).value();
}

} // namespace

class TestRunRecovery : public QObject {
    Q_OBJECT

private slots:
    void aRecipeComesBackFromItsJson() {
        PlanRecipe recipe{QStringLiteral("grow"), testbedIntent(), SizeRequest::ofBytes(256 << 20),
                          TeardownLevel::Array};
        recipe.intent.writeBehind = 256;
        recipe.intent.frontEndExport.kind = BackstoreKind::FileIo;
        recipe.intent.frontEndExport.portals.push_back(IscsiPortal{QStringLiteral("::1"), 3261, 2});
        const auto back = PlanRecipe::fromJson(recipe.toJson());
        QVERIFY2(back.ok(), qPrintable(back.why()));
        QVERIFY(back.value() == recipe);

        // CHAP passwords are never written; the user names are.
        recipe.intent.frontEndExport.chap =
            ChapSettings{QStringLiteral("host1"), QStringLiteral("Secret-123456"),
                         QStringLiteral("target1"), QStringLiteral("Other-1234567")};
        QVERIFY(recipe.hasSecrets());
        const QByteArray json = QJsonDocument(recipe.toJson()).toJson();
        QVERIFY(!json.contains("Secret-123456"));
        QVERIFY(!json.contains("Other-1234567"));
        const auto withoutSecrets = PlanRecipe::fromJson(recipe.toJson());
        QVERIFY(withoutSecrets.ok());
        QCOMPARE(withoutSecrets.value().intent.frontEndExport.chap->userId,
                 QStringLiteral("host1"));
        QVERIFY(withoutSecrets.value().intent.frontEndExport.chap->password.isEmpty());
    }

    void aDamagedRecipeIsRefused() {
        QJsonObject json = createPairRecipe().toJson();
        json.remove(QStringLiteral("intent"));
        QVERIFY(!PlanRecipe::fromJson(json).ok());
        json = createPairRecipe().toJson();
        json.insert(QStringLiteral("level"), QStringLiteral("everything"));
        QVERIFY(!PlanRecipe::fromJson(json).ok());
        json = createPairRecipe().toJson();
        json.insert(QStringLiteral("kind"), QStringLiteral("format-everything"));
        const auto recipe = PlanRecipe::fromJson(json);
        QVERIFY(recipe.ok());
        QVERIFY(
            !makePlan(recipe.value(), probedPair(QStringLiteral("blank"), testbedIntent())).ok());
    }

    void theJournalTellsWhereAKilledRunWas() {
        QTemporaryDir dir;
        Plan plan;
        const RecordedRun run =
            crashedCreatePair(dir.filePath(QStringLiteral("j.jsonl")), 4, &plan);
        QCOMPARE(run.started, std::optional<int>(4));
        // The killed step's command may still run on its node: its journaled tag stops it.
        QCOMPARE(run.leftovers.size(), size_t(1));
        QCOMPARE(run.leftovers.front().node, plan.actions[4].node);
        QVERIFY(run.leftovers.front().tag.startsWith(QStringLiteral("nr1-")));
        QCOMPARE(run.ran, (std::vector<int>{0, 1, 2, 3}));
        QCOMPARE(run.next, 4);
        QVERIFY(run.endState.isEmpty());
        QVERIFY(run.unfinished());
        QCOMPARE(run.actionCount(), int(plan.actions.size()));
        QVERIFY2(run.describe().join(u'\n').contains(QStringLiteral("Action 5 was started")),
                 qPrintable(run.describe().join(u'\n')));
        const auto remade = remakePlan(run);
        QVERIFY2(remade.ok(), qPrintable(remade.why()));
        QCOMPARE(remade.value().toJson(), plan.toJson());
    }

    void aPlanThatCannotBeMadeAgainIsRefused() {
        QTemporaryDir dir;
        Plan plan;
        RecordedRun run = crashedCreatePair(dir.filePath(QStringLiteral("j.jsonl")), 2, &plan);
        RecordedRun otherProbe = run;
        QJsonObject probe = otherProbe.origin.value(QStringLiteral("probe")).toObject();
        probe.insert(QStringLiteral("primary"),
                     fixture(QStringLiteral("testbed-live/probe/created/primary.probe.txt")));
        otherProbe.origin.insert(QStringLiteral("probe"), probe);
        QVERIFY(!remakePlan(otherProbe).ok()); // another state makes another plan
        RecordedRun noOrigin = run;
        noOrigin.origin = {};
        QVERIFY(!remakePlan(noOrigin).ok());
        RecordedRun badProbe = run;
        probe.insert(QStringLiteral("primary"), QStringLiteral("not a probe"));
        badProbe.origin.insert(QStringLiteral("probe"), probe);
        QVERIFY(!remakePlan(badProbe).ok());
    }

    void aKilledRunIsResumedWhereItStopped_data() {
        QTest::addColumn<int>("crashed");
        const PlanResult plan =
            planCreatePair(probedPair(QStringLiteral("blank"), testbedIntent()), testbedIntent());
        for (const int crashed : {0, 3, int(plan.value().actions.size()) - 1})
            QTest::newRow(qPrintable(QStringLiteral("killed in action %1").arg(crashed + 1)))
                << crashed;
    }
    void aKilledRunIsResumedWhereItStopped() {
        QFETCH(int, crashed);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.jsonl"));
        Plan plan;
        const RecordedRun run = crashedCreatePair(path, crashed, &plan);
        const PlanResult remadeResult = remakePlan(run);
        QVERIFY2(remadeResult.ok(), qPrintable(remadeResult.why()));
        const Plan remade = remadeResult.value();
        // The nodes do not show the killed action done: it runs again, then the rest.
        const PairState blank = probedPair(QStringLiteral("blank"), testbedIntent());
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        for (int i = crashed; i < int(remade.actions.size()); ++i) {
            const Action& action = remade.actions[size_t(i)];
            runnerFor(action.node, primary, secondary)
                .expect(action.argv, exited(action.successExitCodes.first()));
        }
        Journal journal(path);
        Executor executor(remade, primary, secondary, &journal);
        executor.recover(run, blank);
        QVERIFY(executor.canResume());
        QCOMPARE(executor.nextAction(), crashed);
        QCOMPARE(executor.runId(), run.runId);
        executor.resume(blank);
        QCOMPARE(waitFinished(executor), Executor::State::Done);
        QVERIFY(primary.unused().isEmpty() && primary.unexpected().isEmpty());
        QVERIFY(secondary.unused().isEmpty() && secondary.unexpected().isEmpty());
        // The journal now tells a finished run, under the same id.
        const RecordedRun after = lastRun(Journal::read(path).value()).value();
        QCOMPARE(after.runId, run.runId);
        QCOMPARE(after.endState, QStringLiteral("done"));
        QVERIFY(!after.unfinished());
        QCOMPARE(int(after.ran.size()), int(remade.actions.size()));
    }

    void aKilledActionTheNodesShowDoneCountsAsRun() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.jsonl"));
        Plan plan;
        const int crashed = 3;
        const RecordedRun run = crashedCreatePair(path, crashed, &plan);
        const Plan remade = remakePlan(run).value();
        // The whole pair is there: the killed action finished on the node before nr1 died.
        const PairState created = probedPair(QStringLiteral("created"), testbedIntent());
        QVERIFY(remade.actions[crashed].done.holds(created));
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        // Rolled back: the killed action too, newest first.
        for (int i = crashed; i >= 0; --i)
            for (const QStringList& undo : remade.actions[size_t(i)].undo)
                runnerFor(remade.actions[size_t(i)].node, primary, secondary)
                    .expect(undo, exited(0));
        Journal journal(path);
        Executor executor(remade, primary, secondary, &journal);
        executor.recover(run, created);
        QCOMPARE(executor.nextAction(), crashed + 1);
        QVERIFY(executor.canRollback());
        executor.rollback();
        QCOMPARE(waitFinished(executor), Executor::State::RolledBack);
        QVERIFY(primary.unused().isEmpty() && primary.unexpected().isEmpty());
        QVERIFY(secondary.unused().isEmpty() && secondary.unexpected().isEmpty());
        const RecordedRun after = lastRun(Journal::read(path).value()).value();
        QCOMPARE(after.endState, QStringLiteral("rolled back"));
        QVERIFY(after.ran.empty());
    }

    void aRollbackKilledMidwayGoesOnWithTheNextUndo() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.jsonl"));
        Plan plan;
        const int crashed = 5;
        RecordedRun run = crashedCreatePair(path, crashed, &plan);
        Plan remade = remakePlan(run).value();
        const PairState blank = probedPair(QStringLiteral("blank"), testbedIntent());
        // A first nr1 takes it over and rolls back; its second undo command is killed.
        {
            ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
            int undos = 0;
            for (int i = crashed - 1; i >= 0 && undos < 2; --i)
                for (const QStringList& undo : remade.actions[size_t(i)].undo)
                    if (undos++ < 2)
                        runnerFor(remade.actions[size_t(i)].node, primary, secondary)
                            .expect(undo, exited(0));
            Journal journal(path);
            Executor executor(remade, primary, secondary, &journal);
            executor.recover(run, blank);
            executor.rollback();
            waitFinished(executor);
        }
        int undoStarts = 0;
        cutJournalAfter(path, [&undoStarts](const QJsonObject& e) {
            return e.value(QStringLiteral("event")).toString() == QLatin1String("undo-start") &&
                   ++undoStarts == 2;
        });
        run = lastRun(Journal::read(path).value()).value();
        QVERIFY(run.rollingBack);
        QVERIFY(run.undoStarted.has_value());
        QVERIFY(run.unfinished());
        // A second nr1 finishes the rollback. The nodes (a blank pair) do not show the action
        // of the killed undo done any more: it counts as undone, and the rollback goes on with
        // the actions before it.
        const int killedAction = *run.undoStarted;
        ReplayRunner primary(QStringLiteral("p")), secondary(QStringLiteral("s"));
        for (int i = killedAction - 1; i >= 0; --i)
            for (const QStringList& undo : remade.actions[size_t(i)].undo)
                runnerFor(remade.actions[size_t(i)].node, primary, secondary)
                    .expect(undo, exited(0));
        Journal journal(path);
        Executor executor(remade, primary, secondary, &journal);
        executor.recover(run, blank);
        QVERIFY(executor.canRollback());
        QVERIFY(!executor.canResume());
        executor.rollback();
        QCOMPARE(waitFinished(executor), Executor::State::RolledBack);
        QVERIFY(primary.unused().isEmpty() && primary.unexpected().isEmpty());
        QVERIFY(secondary.unused().isEmpty() && secondary.unexpected().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunRecovery)
#include "tst_run_recovery.moc"
