// The wizards offscreen, page by page, against replayed nodes answering the live probe captures
// of the testbed: what each page offers and refuses (disks in use, sizes that do not fit, bad
// initiator names, CHAP secrets), that a node which does not answer is said and blocks the
// way on, and that the plan on the last page is exactly the planner's for the same choices.

#include "ArrayPage.h"
#include "ElementsPage.h"
#include "ExportPage.h"
#include "PairFixtures.h"
#include "PairWizard.h"
#include "PlanRunView.h"
#include "PreviewPage.h"
#include "ProbePage.h"
#include "Screenshots.h"
#include "SilentRunner.h"
#include "SizeChoice.h"
#include "TestSession.h"
#include "VolumePage.h"
#include "plan/Planners.h"
#include "transport/ReplayRunner.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtTest>

using namespace nr1;

namespace {

/// A runner answering the full probe with the capture of `state`/`node`, as often as asked.
void answerProbes(ReplayRunner& runner, const QString& state, const QString& node, int times = 3) {
    const QByteArray capture =
        fixture(QStringLiteral("testbed-live/probe/%1/%2.probe.txt").arg(state, node)).toUtf8();
    for (int i = 0; i < times; ++i)
        runner.expectOutput(nodeProbeCommand().argv, capture);
}

struct ReplayedPair {
    ReplayRunner primary{QStringLiteral("root@127.0.0.1:2222")};
    ReplayRunner secondary{QStringLiteral("root@127.0.0.1:2223")};
    explicit ReplayedPair(const QString& state) {
        answerProbes(primary, state, QStringLiteral("primary"));
        answerProbes(secondary, state, QStringLiteral("secondary"));
    }
};

QTreeWidgetItem* diskItem(QTreeWidget* list, const QString& path) {
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0) == path)
            return list->topLevelItem(i);
    return nullptr;
}

void tick(ElementsPage* page, NodeRole role, const QStringList& disks) {
    QTreeWidget* list = page->diskList(role);
    QVERIFY(list);
    for (const QString& disk : disks) {
        QTreeWidgetItem* item = diskItem(list, disk);
        QVERIFY2(item, qPrintable(disk));
        item->setCheckState(0, Qt::Checked);
    }
}

bool nextEnabled(const QWizard& wizard) {
    return wizard.button(QWizard::NextButton)->isEnabled();
}

/// Waits for the probe page to have both nodes' answers.
void waitForProbe(PairWizard& wizard) {
    QTRY_VERIFY_WITH_TIMEOUT(wizard.probePage()->isComplete(), 5000);
}

} // namespace

class TestPairWizard : public QObject {
    Q_OBJECT

private slots:
    void newPairFromBlankNodesPlansWhatThePlannerPlans() {
        ReplayedPair nodes(QStringLiteral("blank"));
        TestSession session(testbedPair(), nodes.primary, nodes.secondary);
        PairWizard wizard(WizardKind::NewPair, session);
        wizard.show();
        QVERIFY(!nextEnabled(wizard)); // nothing is offered before both nodes answered
        waitForProbe(wizard);
        QVERIFY(nextEnabled(wizard));
        const QString nodesText = wizard.probePage()->nodesText();
        QVERIFY2(nodesText.contains(QStringLiteral("Primary (root@127.0.0.1:2222): answered")),
                 qPrintable(nodesText));
        QVERIFY2(nodesText.contains(QStringLiteral("Secondary (root@127.0.0.1:2223): answered")),
                 qPrintable(nodesText));

        wizard.next();
        ElementsPage* elements = wizard.elementsPage();
        QCOMPARE(wizard.currentPage(), elements);
        QTreeWidget* primaryDisks = elements->diskList(NodeRole::Primary);
        QVERIFY(primaryDisks);
        // The system disk is listed, not tickable, with the planner's reason.
        QTreeWidgetItem* vda = diskItem(primaryDisks, QStringLiteral("/dev/vda"));
        QVERIFY(vda);
        QVERIFY(!(vda->flags() & Qt::ItemIsUserCheckable));
        QVERIFY2(vda->text(3).contains(QStringLiteral("ext4 signature")), qPrintable(vda->text(3)));
        QTreeWidgetItem* vdb = diskItem(primaryDisks, QStringLiteral("/dev/vdb"));
        QVERIFY(vdb && (vdb->flags() & Qt::ItemIsUserCheckable));
        QCOMPARE(vdb->text(1), QStringLiteral("1 GiB"));
        QVERIFY(!elements->isComplete());
        // The planner's refusal, in its words: no disks, no volume group.
        QVERIFY2(elements->problemText().contains(
                     QStringLiteral("Volume group LIO-NR1-Elements does not exist on the primary: "
                                    "name the disks")),
                 qPrintable(elements->problemText()));
        tick(elements, NodeRole::Primary, {QStringLiteral("/dev/vdb"), QStringLiteral("/dev/vdc")});
        tick(elements, NodeRole::Secondary,
             {QStringLiteral("/dev/vdb"), QStringLiteral("/dev/vdc")});
        // Two 1 GiB disks: 2 × 255 extents of 4 MiB.
        QVERIFY2(elements->roomText().contains(QStringLiteral("1.99 GiB on the Primary")),
                 qPrintable(elements->roomText()));
        elements->sizeChoice()->sizeEdit()->setText(QStringLiteral("3G"));
        QVERIFY(!elements->isComplete());
        QVERIFY2(elements->problemText().contains(QStringLiteral("less than the 3 GiB asked")),
                 qPrintable(elements->problemText()));
        saveScreenshotIfAsked(&wizard, QStringLiteral("new-pair-elements-refused"));
        elements->sizeChoice()->sizeEdit()->setText(QStringLiteral("1x"));
        QVERIFY(!elements->isComplete());
        elements->sizeChoice()->sizeEdit()->setText(QStringLiteral("1G"));
        QVERIFY2(elements->isComplete(), qPrintable(elements->problemText()));

        wizard.next();
        QCOMPARE(wizard.currentPage(), wizard.arrayPage());
        QVERIFY2(wizard.arrayPage()->summaryText().contains(QStringLiteral("/dev/md0 will mirror")),
                 qPrintable(wizard.arrayPage()->summaryText()));
        QCOMPARE(wizard.arrayPage()->replacementTimeout()->value(), 15);

        wizard.next();
        QCOMPARE(wizard.currentPage(), wizard.volumePage());
        QVERIFY(wizard.volumePage()->sizeChoice()->maximumChoice()->isChecked());

        wizard.next();
        ExportPage* exportPage = wizard.exportPage();
        QCOMPARE(wizard.currentPage(), exportPage);
        QVERIFY(!exportPage->isComplete()); // no initiator yet
        exportPage->initiators()->setPlainText(QStringLiteral("not-an-iqn"));
        QVERIFY2(exportPage->problemText().contains(
                     QStringLiteral("Initiator name 'not-an-iqn' is not an iSCSI name")),
                 qPrintable(exportPage->problemText()));
        QVERIFY(!nextEnabled(wizard));
        exportPage->initiators()->setPlainText(QStringLiteral("iqn.2024-01.test.host:libiscsi\n"));
        QVERIFY2(exportPage->isComplete(), qPrintable(exportPage->problemText()));
        QCOMPARE(exportPage->portalAddress()->text(), QStringLiteral("0.0.0.0"));

        wizard.next();
        QCOMPARE(wizard.currentPage(), wizard.previewPage());
        PlanRunView* view = wizard.runView();
        QVERIFY2(view, qPrintable(wizard.previewPage()->refusalText()));
        const PairIntent intent = testbedIntent();
        const PlanResult expected =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(expected.ok());
        compareRows(commandRows(view->plan()), commandRows(expected.value()));
        QCOMPARE(wizard.context().intent, intent);
        saveScreenshotIfAsked(&wizard, QStringLiteral("new-pair-preview"));
        QVERIFY(view->applyButton()->isEnabled());
        QCOMPARE(nodes.primary.unexpected(), QList<QStringList>());
    }

    void layerWizardsAskOnlyTheirLayer() {
        ReplayedPair nodes(QStringLiteral("blank"));
        TestSession session(testbedPair(), nodes.primary, nodes.secondary);
        PairWizard wizard(WizardKind::Export, session);
        QVERIFY(wizard.exportPage());
        QVERIFY(!wizard.elementsPage());
        QVERIFY(!wizard.arrayPage());
        QVERIFY(!wizard.volumePage());
        wizard.show();
        waitForProbe(wizard);
        wizard.next();
        QCOMPARE(wizard.currentPage(), wizard.exportPage());
        wizard.exportPage()->initiators()->setPlainText(
            QStringLiteral("iqn.2024-01.test.host:libiscsi"));
        wizard.next();
        // Blank nodes have no volume to export: the planner's refusal is shown in words.
        QVERIFY(!wizard.runView());
        const QString refusals = wizard.previewPage()->refusalText();
        QVERIFY2(refusals.contains(QStringLiteral("nr1 will not make this plan")),
                 qPrintable(refusals));
        QVERIFY2(refusals.contains(QStringLiteral("NR1-PRIMARY-VOL")), qPrintable(refusals));
    }

    void exportChoicesReachThePlan() {
        // The created pair exports its LUN already; asking for fileio and CHAP changes it.
        ReplayedPair nodes(QStringLiteral("created"));
        TestSession session(testbedPair(), nodes.primary, nodes.secondary);
        PairWizard wizard(WizardKind::Export, session);
        wizard.show();
        waitForProbe(wizard);
        wizard.next();
        ExportPage* page = wizard.exportPage();
        page->initiators()->setPlainText(QStringLiteral("iqn.2024-01.test.host:libiscsi"));
        page->chap()->setChecked(true);
        page->chapUser()->setText(QStringLiteral("frontend"));
        page->chapSecret()->setText(QStringLiteral("short"));
        QVERIFY(!page->isComplete());
        QVERIFY2(page->problemText().contains(QStringLiteral("CHAP secret")),
                 qPrintable(page->problemText()));
        page->chapSecret()->setText(QStringLiteral("twelve-chars-secret"));
        QVERIFY2(page->isComplete(), qPrintable(page->problemText()));
        page->portalPort()->setValue(3261);
        wizard.next();
        const NodeState primary = probedNode(QStringLiteral("created"), QStringLiteral("primary"));
        PairIntent intent = testbedIntent(&primary);
        intent.frontEndExport.chap =
            ChapSettings{QStringLiteral("frontend"), QStringLiteral("twelve-chars-secret"), {}, {}};
        intent.frontEndExport.portals.front().port = 3261;
        const PlanResult expected =
            planExport(probedPair(QStringLiteral("created"), intent), intent);
        QVERIFY2(expected.ok(), qPrintable(expected.reasons().join(u'\n')));
        QVERIFY2(wizard.runView(), qPrintable(wizard.previewPage()->refusalText()));
        compareRows(commandRows(wizard.runView()->plan()), commandRows(expected.value()));
        QVERIFY(!wizard.runView()->plan().isEmpty());
        // The secret is in the plan's argv but never on screen.
        const QString preview = commandRows(wizard.runView()->plan()).join(u'\n');
        QVERIFY2(preview.contains(QStringLiteral("3261")), qPrintable(preview));
        QVERIFY(!preview.contains(QStringLiteral("twelve-chars-secret")));
    }

    void aCreatedPairNeedsOnlyItsIdentityRecords() {
        ReplayedPair nodes(QStringLiteral("created"));
        TestSession session(testbedPair(), nodes.primary, nodes.secondary);
        PairWizard wizard(WizardKind::NewPair, session);
        wizard.show();
        waitForProbe(wizard);
        wizard.next();
        // Both elements exist: nothing to tick, they are kept.
        QVERIFY(!wizard.elementsPage()->diskList(NodeRole::Primary));
        QVERIFY(!wizard.elementsPage()->diskList(NodeRole::Secondary));
        QVERIFY(wizard.elementsPage()->isComplete());
        // A size they do not have is the planner's refusal, said on the page.
        wizard.elementsPage()->sizeChoice()->sizeEdit()->setText(QStringLiteral("512M"));
        QVERIFY(!wizard.elementsPage()->isComplete());
        QVERIFY2(wizard.elementsPage()->problemText().contains(
                     QStringLiteral("exists with 1 GiB, not the 512 MiB asked")),
                 qPrintable(wizard.elementsPage()->problemText()));
        wizard.elementsPage()->sizeChoice()->maximumChoice()->click();
        QVERIFY2(wizard.elementsPage()->isComplete(),
                 qPrintable(wizard.elementsPage()->problemText()));
        wizard.next();
        QVERIFY2(wizard.arrayPage()->summaryText().contains(QStringLiteral("exists")),
                 qPrintable(wizard.arrayPage()->summaryText()));
        wizard.next();
        wizard.next();
        wizard.exportPage()->initiators()->setPlainText(
            QStringLiteral("iqn.2024-01.test.host:libiscsi"));
        wizard.next();
        QVERIFY2(wizard.runView(), qPrintable(wizard.previewPage()->refusalText()));
        // The capture predates LUN identity records and boot safety (the last-resort mask, the
        // boot gate): those steps are all that is left, and each node's flush of what they
        // wrote.
        QStringList sentences;
        int flushes = 0;
        for (const Action& action : wizard.runView()->plan().actions) {
            if (action.argv == QStringList{QStringLiteral("sync")})
                ++flushes;
            else
                sentences << action.sentence;
        }
        QCOMPARE(flushes, 2);
        QCOMPARE(sentences.size(), 5);
        for (int node = 0; node < 2; ++node)
            QVERIFY2(sentences.takeLast().startsWith(QStringLiteral("Install nr1's boot gate")),
                     qPrintable(sentences.join(u'\n')));
        QVERIFY2(
            sentences.takeLast().startsWith(QStringLiteral("Never start /dev/md0 with one leg")),
            qPrintable(sentences.join(u'\n')));
        for (const QString& sentence : sentences)
            QVERIFY2(sentence.startsWith(QStringLiteral("Record the LUN's identity (unit serial "
                                                        "c4ce9b4d-4c45-40ff-905c-88aa8895787d")),
                     qPrintable(sentence));
    }

    void aNodeThatDoesNotAnswerIsSaidAndBlocksTheWay() {
        ReplayRunner primary(QStringLiteral("root@127.0.0.1:2222"));
        ReplayRunner secondary(QStringLiteral("root@127.0.0.1:2223"));
        answerProbes(primary, QStringLiteral("blank"), QStringLiteral("primary"));
        CommandResult unreachable;
        unreachable.status = CommandStatus::ConnectionFailed;
        unreachable.error = QStringLiteral("connection refused");
        secondary.expect(nodeProbeCommand().argv, unreachable);
        answerProbes(secondary, QStringLiteral("blank"), QStringLiteral("secondary"), 1);
        TestSession session(testbedPair(), primary, secondary);
        PairWizard wizard(WizardKind::NewPair, session);
        wizard.show();
        QTRY_VERIFY(wizard.probePage()->nodesText().contains(QStringLiteral("connection refused")));
        QVERIFY(!wizard.probePage()->isComplete());
        QVERIFY(!nextEnabled(wizard));
        QVERIFY2(wizard.probePage()->nodesText().contains(
                     QStringLiteral("Primary (root@127.0.0.1:2222): answered")),
                 qPrintable(wizard.probePage()->nodesText()));
        // Read again: the Secondary is back.
        wizard.probePage()->probe();
        waitForProbe(wizard);
        QVERIFY(nextEnabled(wizard));
    }

    void theWizardStaysOpenWhileItsPlanRuns() {
        ReplayedPair nodes(QStringLiteral("created"));
        expectLock(nodes.primary, testbedPair().name); // the fresh read is one of the three
        expectLock(nodes.secondary, testbedPair().name);
        TestSession session(testbedPair(), nodes.primary, nodes.secondary);
        PairWizard wizard(WizardKind::Export, session);
        wizard.show();
        waitForProbe(wizard);
        wizard.next();
        wizard.exportPage()->initiators()->setPlainText(
            QStringLiteral("iqn.2024-01.test.host:other"));
        wizard.next();
        PlanRunView* view = wizard.runView();
        QVERIFY2(view && !view->plan().isEmpty(), qPrintable(wizard.previewPage()->refusalText()));
        QAbstractButton* close = wizard.button(QWizard::FinishButton);
        QVERIFY(close->isEnabled());
        view->applyButton()->click(); // the replayed node refuses the first step, later
        QVERIFY(view->busy());
        QVERIFY(!close->isEnabled());
        wizard.done(QDialog::Accepted); // Enter, or a click that came through anyway
        wizard.reject();                // Escape, the window's close button
        QVERIFY(wizard.isVisible());
        QTRY_COMPARE(view->state(), Executor::State::Failed);
        QVERIFY(close->isEnabled());
        QVERIFY(!wizard.button(QWizard::BackButton)->isEnabled()); // the plan ran: no going back
    }

    void aNodeThatHangsIsSaidWhileTheWindowWaits() {
        ReplayRunner primary(QStringLiteral("root@127.0.0.1:2222"));
        answerProbes(primary, QStringLiteral("blank"), QStringLiteral("primary"), 1);
        SilentRunner secondary;
        TestSession session(testbedPair(), primary, secondary);
        PairWizard wizard(WizardKind::NewPair, session);
        wizard.show();
        // The node that answered is said as such, the silent one by name.
        QTRY_VERIFY_WITH_TIMEOUT(wizard.probePage()->nodesText().contains(QStringLiteral(
                                     "Secondary (root@silent:22): no answer after 10 s")),
                                 15000);
        QVERIFY2(wizard.probePage()->nodesText().contains(
                     QStringLiteral("Primary (root@127.0.0.1:2222): answered as")),
                 qPrintable(wizard.probePage()->nodesText()));
        QVERIFY(!wizard.probePage()->isComplete());
        QVERIFY(!nextEnabled(wizard));
        QCOMPARE(secondary.requested.size(), 1);
    }

    void elementsWithoutAKnownInitiatorAskForIt() {
        ReplayedPair nodes(QStringLiteral("blank"));
        InventoryPair pair = testbedPair();
        pair.primary.initiatorName.clear();
        TestSession session(pair, nodes.primary, nodes.secondary);
        PairWizard wizard(WizardKind::Elements, session);
        wizard.show();
        waitForProbe(wizard);
        wizard.next();
        ElementsPage* page = wizard.elementsPage();
        // The probe read the Primary's /etc/iscsi/initiatorname.iscsi: no question then.
        const QString probed = wizard.context().state->primary.initiatorName.name;
        if (!probed.isEmpty()) {
            QVERIFY(page->initiatorEdit()->isHidden());
            QCOMPARE(wizard.context().intent.primaryInitiator, probed);
        } else {
            QVERIFY(!page->initiatorEdit()->isHidden());
        }
    }
};

QTEST_MAIN(TestPairWizard)
#include "tst_pair_wizard.moc"
