// The plan run view offscreen against replayed nodes: the preview before anything runs, the
// typed confirmation of a destructive plan, per-step status and output while applying, and on
// a failure the rollback it offers, undoing newest first; and the journal of such a run in the
// audit view.

#include "ExecutorFixtures.h"
#include "JournalView.h"
#include "PairFixtures.h"
#include "PlanDialog.h"
#include "PlanRunView.h"
#include "TestSession.h"
#include "apply/Journal.h"
#include "base/NodeScript.h"
#include "transport/ReplayRunner.h"

#include <QDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace nr1;

namespace {

Action makeAction(NodeRole node, const char* argv, QList<QStringList> undo) {
    Action action;
    action.node = node;
    action.argv = words(argv);
    action.sentence = QStringLiteral("Run %1.").arg(QString::fromLatin1(argv));
    action.undo = std::move(undo);
    return action;
}

Plan twoStepPlan() {
    Plan plan;
    plan.kind = QStringLiteral("test");
    plan.pairName = QStringLiteral("testbed");
    plan.title = QStringLiteral("Make a on the secondary, then b on the primary");
    plan.actions.push_back(makeAction(NodeRole::Secondary, "make a", {words("unmake a")}));
    plan.actions.push_back(makeAction(NodeRole::Primary, "make b", {words("unmake b")}));
    plan.followUps << QStringLiteral("Rescan the initiators.");
    return plan;
}

} // namespace

class TestPlanRunView : public QObject {
    Q_OBJECT

private slots:
    void previewThenApply() {
        ReplayRunner primary(QStringLiteral("root@primary:22"));
        ReplayRunner secondary(QStringLiteral("root@secondary:22"));
        expectApplyStart(primary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("primary")));
        expectApplyStart(secondary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
        secondary.expect(words("make a"), exited(0, "made a\n"));
        primary.expect(words("make b"), exited(0));
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(twoStepPlan(), PairState{}, testRecipe(), session, nullptr,
                         samePlan(twoStepPlan()));
        QCOMPARE(view.statusText(), QStringLiteral("2 step(s); nothing has run yet."));
        // The preview: the node headers with their targets, each action and its exact command.
        const QTreeWidget* tree = view.actions();
        QCOMPARE(tree->topLevelItemCount(), 2);
        // The header is spanned: its text is in the first column, drawn across the row.
        QVERIFY(tree->topLevelItem(0)->isFirstColumnSpanned());
        QCOMPARE(tree->topLevelItem(0)->text(0),
                 QStringLiteral("On the secondary (root@secondary:22)"));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(2), QStringLiteral("Run make a."));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(1), QStringLiteral("waiting"));
        QCOMPARE(tree->topLevelItem(0)->child(0)->child(0)->text(2), QStringLiteral("$ make a"));
        QVERIFY(tree->topLevelItem(0)->child(0)->toolTip(2).contains(QStringLiteral("unmake a")));
        QCOMPARE(view.actionStatus(0), QStringLiteral("waiting"));
        QVERIFY(view.confirmation()->isHidden());
        QVERIFY(view.applyButton()->isEnabled());
        QSignalSpy ended(&view, &PlanRunView::runEnded);
        view.applyButton()->click();
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(ended.wait(5000));
        QCOMPARE(view.state(), Executor::State::Done);
        QCOMPARE(view.actionStatus(0), QStringLiteral("done"));
        QCOMPARE(view.actionStatus(1), QStringLiteral("done"));
        QCOMPARE(view.statusText(), QStringLiteral("Done: every step ran."));
        QVERIFY(primary.unexpected().isEmpty() && secondary.unexpected().isEmpty());
        QVERIFY(!view.resumeButton()->isEnabled());
    }

    void aNodeScriptIsShownByItsNameWithItsWholeTextFolded() {
        ReplayRunner primary;
        ReplayRunner secondary;
        Plan plan = twoStepPlan();
        plan.actions[0].argv = nodeScriptArgv(NodeScript::WriteFile,
                                              {QStringLiteral("/etc/x"), QStringLiteral("a b")});
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(plan, PairState{}, testRecipe(), session, nullptr, samePlan(plan));
        const QTreeWidgetItem* script = view.actions()->topLevelItem(0)->child(0)->child(0);
        QCOMPARE(script->text(2), QStringLiteral("$ sh write-file.sh /etc/x 'a b'"));
        // The exact command, the script's whole text, folded under it.
        QCOMPARE(script->childCount(), 1);
        QVERIFY(!script->isExpanded());
        QCOMPARE(script->child(0)->text(2), QStringLiteral("$ ") + plan.actions[0].displayLine());
        QVERIFY(script->child(0)->text(2).contains(nodeScript(NodeScript::WriteFile)));
        // Any other command is shown whole, with nothing folded.
        const QTreeWidgetItem* plain = view.actions()->topLevelItem(1)->child(0)->child(0);
        QCOMPARE(plain->text(2), QStringLiteral("$ make b"));
        QCOMPARE(plain->childCount(), 0);
    }

    void theWindowIsNotClosedWhileStepsRun() {
        ReplayRunner primary;
        ReplayRunner secondary;
        expectApplyStart(primary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("primary")));
        expectApplyStart(secondary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(0));
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(twoStepPlan(), PairState{}, testRecipe(), session, nullptr,
                         samePlan(twoStepPlan()));
        QVERIFY(!view.refuseToClose()); // nothing runs yet
        QSignalSpy busy(&view, &PlanRunView::busyChanged);
        QSignalSpy ended(&view, &PlanRunView::runEnded);
        view.applyButton()->click(); // the replayed nodes answer later
        QCOMPARE(busy.size(), 1);
        QVERIFY(view.refuseToClose());
        QVERIFY2(view.statusText().contains(QStringLiteral("stays open")),
                 qPrintable(view.statusText()));
        QVERIFY(ended.wait(5000));
        QVERIFY(view.refuseToClose()); // the run ended; the lock is still being given back
        QTRY_COMPARE(busy.size(), 2);
        QVERIFY(!view.refuseToClose());
        QVERIFY(primary.unused().isEmpty() && secondary.unused().isEmpty()); // lock back
    }

    void aRunTakenOverFromTheJournalIsResumedOrRolledBack_data() {
        QTest::addColumn<bool>("rollback");
        QTest::newRow("resume") << false;
        QTest::newRow("roll back") << true;
    }
    void aRunTakenOverFromTheJournalIsResumedOrRolledBack() {
        QFETCH(bool, rollback);
        ReplayRunner primary;
        ReplayRunner secondary;
        expectApplyStart(primary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("primary")));
        expectApplyStart(secondary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
        if (rollback)
            secondary.expect(words("unmake a"), exited(0)); // "make b" had no result: not undone
        else
            primary.expect(words("make b"), exited(0)); // run again: nothing shows it done
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(twoStepPlan(), PairState{}, testRecipe(), session, nullptr,
                         samePlan(twoStepPlan()));
        RecordedRun run; // killed while "make b" ran
        run.runId = QStringLiteral("run-1");
        run.ran = {0};
        run.next = 1;
        run.started = 1;
        run.leftovers = {LeftoverStep{NodeRole::Primary, QStringLiteral("nr1-left-over")}};
        // What the killed run left running is stopped before the nodes are read.
        primary.expect(nodeScriptArgv(NodeScript::StopStep,
                                      {QStringLiteral("30"), QStringLiteral("nr1-left-over")}),
                       exited(0));
        view.takeOver(run);
        QCOMPARE(view.actionStatus(0), QStringLiteral("done"));
        QCOMPARE(view.actionStatus(1), QStringLiteral("no result"));
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(view.resumeButton()->isEnabled());
        QVERIFY(view.rollbackButton()->isEnabled());
        QSignalSpy ended(&view, &PlanRunView::runEnded);
        (rollback ? view.rollbackButton() : view.resumeButton())->click();
        QVERIFY(view.busy());
        QVERIFY(ended.wait(5000));
        QCOMPARE(ended.first().first().value<Executor::State>(),
                 rollback ? Executor::State::RolledBack : Executor::State::Done);
        QCOMPARE(view.actionStatus(rollback ? 0 : 1),
                 rollback ? QStringLiteral("undone") : QStringLiteral("done"));
        QTRY_VERIFY(!view.busy());
        QVERIFY(primary.unused().isEmpty() && primary.unexpected().isEmpty());
        QVERIFY(secondary.unused().isEmpty() && secondary.unexpected().isEmpty());
        // Journaled under the run's own id.
        const auto journal = Journal::read(session.session.journal().path());
        QVERIFY(journal.ok());
        QCOMPARE(journal.value().entries.front().value(QStringLiteral("run")).toString(),
                 QStringLiteral("run-1"));
    }

    void failureOffersRollback() {
        ReplayRunner primary;
        ReplayRunner secondary;
        expectApplyStart(primary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("primary")));
        expectApplyStart(secondary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
        secondary.expect(words("make a"), exited(0));
        CommandResult failed = exited(3);
        failed.stderrData = "b: no space left\n";
        primary.expect(words("make b"), failed);
        secondary.expect(words("unmake a"), exited(0));
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(twoStepPlan(), PairState{}, testRecipe(), session, nullptr,
                         samePlan(twoStepPlan()));
        QSignalSpy ended(&view, &PlanRunView::runEnded);
        view.applyButton()->click();
        QVERIFY(ended.wait(5000));
        QCOMPARE(view.state(), Executor::State::Failed);
        QCOMPARE(view.actionStatus(1), QStringLiteral("failed"));
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Step 2 failed")),
                 qPrintable(view.statusText()));
        QVERIFY(view.output().contains(QStringLiteral("b: no space left")));
        QVERIFY(view.rollbackButton()->isEnabled());
        QVERIFY(view.resumeButton()->isEnabled());
        view.rollbackButton()->click();
        QVERIFY(ended.wait(5000));
        QCOMPARE(view.state(), Executor::State::RolledBack);
        QCOMPARE(view.actionStatus(0), QStringLiteral("undone"));
        QVERIFY(primary.unused().isEmpty() && secondary.unused().isEmpty());
        QVERIFY(!view.rollbackButton()->isEnabled());
    }

    void theJournalViewShowsTheRunsAsJournaled() {
        // A run that fails and is rolled back, journaled; then the audit view of that journal.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("testbed.jsonl"));
        ReplayRunner primary;
        ReplayRunner secondary;
        expectApplyStart(primary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("primary")));
        expectApplyStart(secondary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
        secondary.expect(words("make a"), exited(0, "made a\n"));
        CommandResult failed = exited(3);
        failed.stderrData = "b: no space left\n";
        primary.expect(words("make b"), failed);
        secondary.expect(words("unmake a"), exited(0));
        PairSession session(testbedPair(), primary, secondary, path);
        PlanRunView view(twoStepPlan(), PairState{}, testRecipe(), session, nullptr,
                         samePlan(twoStepPlan()));
        QSignalSpy ended(&view, &PlanRunView::runEnded);
        view.applyButton()->click();
        QVERIFY(ended.wait(5000));
        view.rollbackButton()->click();
        QVERIFY(ended.wait(5000));

        JournalView audit;
        audit.showFile(path, QStringLiteral("testbed"));
        QVERIFY2(audit.statusText().startsWith(QStringLiteral("1 run(s) of pair testbed")),
                 qPrintable(audit.statusText()));
        const QTreeWidget* runs = audit.runs();
        QCOMPARE(runs->topLevelItemCount(), 1);
        const QTreeWidgetItem* run = runs->topLevelItem(0);
        QCOMPARE(run->text(1),
                 QStringLiteral("plan: Make a on the secondary, then b on the primary"));
        QStringList steps;
        for (int i = 0; i < run->childCount(); ++i)
            steps << run->child(i)->text(1).section(QStringLiteral(" ("), 0, 0) + QLatin1Char('|') +
                         run->child(i)->text(2);
        QVERIFY2(steps.contains(QStringLiteral("run 1 [secondary] make a → exit 0|exit 0")),
                 qPrintable(steps.join(u'\n')));
        QVERIFY2(steps.contains(QStringLiteral("run 2 [primary] make b → exit 3|exit 3")),
                 qPrintable(steps.join(u'\n')));
        QVERIFY2(steps.contains(QStringLiteral("undo 1 [secondary] unmake a → exit 0|exit 0")),
                 qPrintable(steps.join(u'\n')));
        QVERIFY2(!run->text(2).isEmpty() && run->text(2) != QStringLiteral("no end recorded"),
                 qPrintable(run->text(2)));
        // The failed step's output is in its details.
        for (int i = 0; i < run->childCount(); ++i)
            if (run->child(i)->text(1).startsWith(QStringLiteral("run 2")))
                const_cast<QTreeWidget*>(runs)->setCurrentItem(run->child(i));
        QVERIFY2(audit.detailsText().contains(QStringLiteral("b: no space left")),
                 qPrintable(audit.detailsText()));
        // No journal yet: said in words.
        audit.showFile(dir.filePath(QStringLiteral("other.jsonl")), QStringLiteral("other"));
        QVERIFY2(audit.statusText().contains(QStringLiteral("nothing was applied")),
                 qPrintable(audit.statusText()));
        QCOMPARE(audit.runs()->topLevelItemCount(), 0);
    }

    void oneApplyAtATimePerPair() {
        // Two windows on one pair: while the first one's plan has not ended (it failed and
        // waits for resume or rollback), the second runs nothing and says why.
        ReplayRunner primary;
        ReplayRunner secondary;
        expectApplyStart(primary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("primary")));
        expectApplyStart(secondary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
        secondary.expect(words("make a"), exited(0));
        primary.expect(words("make b"), exited(3));
        secondary.expect(words("unmake a"), exited(0));
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView first(twoStepPlan(), PairState{}, testRecipe(), session, nullptr,
                          samePlan(twoStepPlan()));
        PlanRunView second(twoStepPlan(), PairState{}, testRecipe(), session, nullptr,
                           samePlan(twoStepPlan()));
        QSignalSpy ended(&first, &PlanRunView::runEnded);
        first.applyButton()->click();
        QVERIFY(ended.wait(5000));
        QCOMPARE(first.state(), Executor::State::Failed);
        QCOMPARE(session.session.applying(), twoStepPlan().title);
        second.applyButton()->click();
        QCOMPARE(second.state(), Executor::State::Ready);
        QVERIFY2(second.statusText().contains(QStringLiteral("in another window")),
                 qPrintable(second.statusText()));
        // Rolled back: the pair is free again.
        first.rollbackButton()->click();
        QVERIFY(ended.wait(5000));
        QCOMPARE(first.state(), Executor::State::RolledBack);
        QTRY_VERIFY(session.session.applying().isEmpty()); // once the lock is back
        QVERIFY(primary.unused().isEmpty() && secondary.unused().isEmpty());
    }

    void aPairThatChangedSinceThePreviewIsNotApplied() {
        // At Apply the nodes are read again and the plan made again: it is another plan now
        // (the pair changed), so nothing runs and the difference is shown.
        ReplayRunner primary;
        ReplayRunner secondary;
        expectApplyStart(primary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("primary")));
        expectApplyStart(secondary, QStringLiteral("testbed"),
                         probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
        Plan now = twoStepPlan();
        now.actions[1].argv = words("make c");
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(twoStepPlan(), PairState{}, testRecipe(), session, nullptr, samePlan(now));
        QSignalSpy busy(&view, &PlanRunView::busyChanged);
        view.applyButton()->click();
        QTRY_COMPARE(busy.size(), 2); // busy while checking, then not
        QCOMPARE(view.state(), Executor::State::Ready);
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Not applied: The pair changed")),
                 qPrintable(view.statusText()));
        QVERIFY2(view.output().contains(QStringLiteral("- [primary] make b")) &&
                     view.output().contains(QStringLiteral("+ [primary] make c")),
                 qPrintable(view.output()));
        QVERIFY(view.applyButton()->isEnabled()); // once confirmed again, it may be applied
        QVERIFY(session.session.applying().isEmpty());
        QVERIFY(primary.unexpected().isEmpty() && secondary.unexpected().isEmpty());
        QTRY_VERIFY(primary.unused().isEmpty() && secondary.unused().isEmpty()); // lock back
        QCOMPARE(QFileInfo::exists(session.session.journal().path()), false);    // nothing ran
    }

    void aPairLockedByAnotherNr1IsNotApplied() {
        ReplayRunner primary;
        ReplayRunner secondary;
        CommandResult held;
        held.status = CommandStatus::Exited;
        held.exitCode = 75;
        held.stdoutData = "nr1ctl (root@admin2 pid 4242) since 2026-12-03T08:00:00Z: Grow\n";
        primary.expect(PairLock::takeCommand(QStringLiteral("testbed")).argv, held);
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(twoStepPlan(), PairState{}, testRecipe(), session, nullptr,
                         samePlan(twoStepPlan()));
        QSignalSpy busy(&view, &PlanRunView::busyChanged);
        view.applyButton()->click();
        QTRY_COMPARE(busy.size(), 2);
        QVERIFY2(view.statusText().contains(QStringLiteral("locked on the primary")) &&
                     view.statusText().contains(QStringLiteral("root@admin2 pid 4242")) &&
                     view.statusText().contains(QStringLiteral("nr1ctl unlock")),
                 qPrintable(view.statusText()));
        QCOMPARE(view.state(), Executor::State::Ready);
        QVERIFY(secondary.executed().isEmpty()); // the Secondary's lock was never asked for
        QVERIFY(primary.unexpected().isEmpty());
    }

    void destructivePlanNeedsTheWordTyped() {
        ReplayRunner primary;
        ReplayRunner secondary;
        Plan plan = twoStepPlan();
        plan.confirmationWord = QStringLiteral("md0");
        plan.warnings << QStringLiteral("All data on md0 is destroyed.");
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(plan, PairState{}, testRecipe(), session, nullptr, samePlan(plan));
        QVERIFY(!view.confirmation()->isHidden());
        QVERIFY(!view.applyButton()->isEnabled());
        view.confirmation()->setText(QStringLiteral("md"));
        QVERIFY(!view.applyButton()->isEnabled());
        view.confirmation()->setText(QStringLiteral("md0"));
        QVERIFY(view.applyButton()->isEnabled());
    }

    void emptyPlanHasNothingToApply() {
        ReplayRunner primary;
        ReplayRunner secondary;
        Plan plan = twoStepPlan();
        plan.actions.clear();
        TestSession session(testbedPair(), primary, secondary);
        PlanRunView view(plan, PairState{}, testRecipe(), session, nullptr, samePlan(plan));
        QVERIFY(!view.applyButton()->isEnabled());
        QCOMPARE(view.statusText(), QStringLiteral("Nothing to do: the pair is already as asked."));
    }

    void aTakeoverFencesThePrimaryBeforeItsFirstStep_data() {
        QTest::addColumn<QString>("fenceCommand");
        QTest::addColumn<bool>("runs");
        QTest::newRow("fenced") << "test off = off" << true;
        QTest::newRow("fence fails") << "echo 'still on' >&2; exit 3" << false;
        QTest::newRow("no fence command: off typed") << "" << true;
    }

    void aTakeoverFencesThePrimaryBeforeItsFirstStep() {
        QFETCH(QString, fenceCommand);
        QFETCH(bool, runs);
        const QString pair = QStringLiteral("testbed");
        ReplayRunner primary;
        ReplayRunner secondary;
        CommandResult down;
        down.status = CommandStatus::ConnectionFailed;
        down.error = QStringLiteral("connection refused");
        if (runs) { // the fresh read before the first step: the Primary must not answer
            primary.expect(nodeProbeCommand().argv, down);
            expectApplyStart(secondary, pair,
                             probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
            secondary.expect(words("make a"), exited(0));
        }
        Plan plan = twoStepPlan();
        plan.kind = QStringLiteral("takeover");
        plan.actions.pop_back(); // the Secondary's steps alone
        plan.confirmationWord = pair;
        InventoryPair inventory = testbedPair();
        inventory.primary.fenceCommand = fenceCommand;
        TestSession session(inventory, primary, secondary);
        PlanRunView view(plan, PairState{},
                         PlanRecipe{QStringLiteral("takeover"), testbedIntent(), {}, {}}, session,
                         nullptr, samePlan(plan));
        view.confirmation()->setText(pair);
        if (fenceCommand.isEmpty()) {
            // Without a fence command Apply waits for "off", typed.
            QVERIFY(view.offConfirmation());
            QVERIFY(!view.applyButton()->isEnabled());
            view.offConfirmation()->setText(QStringLiteral("of"));
            QVERIFY(!view.applyButton()->isEnabled());
            view.offConfirmation()->setText(QStringLiteral("off"));
        } else {
            QVERIFY(!view.offConfirmation());
        }
        QVERIFY(view.applyButton()->isEnabled());
        QSignalSpy busy(&view, &PlanRunView::busyChanged);
        view.applyButton()->click();
        QVERIFY(view.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!view.busy(), 10000);
        QFile journal(session.folder.filePath(QStringLiteral("journal.jsonl")));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QByteArray text = journal.readAll();
        if (runs) {
            QCOMPARE(view.state(), Executor::State::Done);
            QCOMPARE(view.actionStatus(0), QStringLiteral("done"));
            // Fenced (or confirmed) before the run's first entry.
            const qsizetype fenced = text.indexOf("\"fenced\":true");
            QVERIFY2(fenced >= 0, text.constData());
            QVERIFY(fenced < text.indexOf("make a"));
            QVERIFY(fenceCommand.isEmpty() == text.contains("typed in the console"));
        } else {
            // Nothing ran, nothing was asked of the nodes, and Apply may be tried again.
            QCOMPARE(view.state(), Executor::State::Ready);
            QVERIFY2(view.statusText().contains(QStringLiteral("exit 3")) &&
                         view.statusText().contains(QStringLiteral("Nothing was changed")),
                     qPrintable(view.statusText()));
            QVERIFY(text.contains("\"fenced\":false"));
            QVERIFY(view.applyButton()->isEnabled());
        }
        QVERIFY(primary.unused().isEmpty() && secondary.unused().isEmpty());
        QVERIFY(primary.unexpected().isEmpty() && secondary.unexpected().isEmpty());
        QVERIFY(!text.contains("test off = off")); // a fence command line is never journaled
    }

    void thePlanDialogMakesSwitchoverAndTakeoverFromWhatTheNodesAnswer_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("switchover") << "switchover";
        QTest::newRow("takeover") << "takeover";
    }

    void thePlanDialogMakesSwitchoverAndTakeoverFromWhatTheNodesAnswer() {
        // A switchover needs both nodes; a takeover the Secondary alone, with the Primary not
        // answering: the dialog asks the session which state the kind is planned from.
        QFETCH(QString, kind);
        ReplayRunner primary;
        ReplayRunner secondary;
        if (kind == QLatin1String("takeover")) {
            CommandResult down;
            down.status = CommandStatus::ConnectionFailed;
            down.error = QStringLiteral("connection refused");
            primary.expect(nodeProbeCommand().argv, down);
        } else {
            primary.expectOutput(
                nodeProbeCommand().argv,
                probeCapture(QStringLiteral("served-with-identity"), QStringLiteral("primary")));
        }
        secondary.expectOutput(
            nodeProbeCommand().argv,
            probeCapture(QStringLiteral("served-with-identity"), QStringLiteral("secondary")));
        TestSession session(testbedPair(), primary, secondary);
        QWidget parent;
        QPointer<QDialog> dialog;
        openPlanDialog(
            &parent, session, QStringLiteral("t"), kind, [] {},
            [&dialog](QDialog* opened) { dialog = opened; });
        QTRY_VERIFY_WITH_TIMEOUT(dialog, 10000);
        const auto* view = dialog->findChild<PlanRunView*>();
        QVERIFY(view);
        QCOMPARE(view->plan().kind, kind);
        QVERIFY(!view->plan().isEmpty());
        QCOMPARE(view->plan().confirmationWord, QStringLiteral("testbed"));
        delete dialog.data();
    }
};

QTEST_MAIN(TestPlanRunView)
#include "tst_plan_run_view.moc"
