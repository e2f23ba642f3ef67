// The grow-volume dialog offscreen, page by page, against nodes replayed from the live probe
// captures: what it says while reading both nodes (and when one never answers or fails), the
// table of every layer now and after a growth or "as much as possible", planGrow's refusals in
// words, the plan it previews (planGrow's own for the same input) and a run of that plan.

#include "GrowDialog.h"
#include "PairFixtures.h"
#include "PlanRunView.h"
#include "Screenshots.h"
#include "SilentRunner.h"
#include "SizeChoice.h"
#include "TestSession.h"
#include "plan/Planners.h"
#include "transport/ReplayRunner.h"

#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QtTest>

using namespace nr1;

namespace {

constexpr qint64 MiB = qint64(1) << 20;

/// The dialog on two replayed nodes in `state`, once it shows the growth page.
struct Replayed {
    ReplayRunner primary{QStringLiteral("root@primary:22")};
    ReplayRunner secondary{QStringLiteral("root@secondary:22")};
    TestSession session{testbedPair(), primary, secondary};
    std::unique_ptr<GrowDialog> dialog;

    explicit Replayed(const QString& state) {
        answerProbe(primary, state, QStringLiteral("primary"));
        answerProbe(secondary, state, QStringLiteral("secondary"));
        dialog = std::make_unique<GrowDialog>(session);
    }
};

QString json(const Plan& plan) {
    return QString::fromUtf8(QJsonDocument(plan.toJson()).toJson());
}

} // namespace

class TestGrowDialog : public QObject {
    Q_OBJECT

private slots:
    void readsBothNodesThenShowsEveryLayer() {
        Replayed replayed(QStringLiteral("created"));
        GrowDialog& dialog = *replayed.dialog;
        QCOMPARE(dialog.page(), GrowDialog::Page::Nodes);
        QSignalSpy read(&dialog, &GrowDialog::nodesRead);
        QVERIFY(read.wait(5000));
        QCOMPARE(read.first().first().toBool(), true);
        QCOMPARE(dialog.page(), GrowDialog::Page::Growth);
        QVERIFY2(dialog.nodesText().contains(QStringLiteral("Primary (root@primary:22): answered")),
                 qPrintable(dialog.nodesText()));
        const QStringList now = {
            QStringLiteral("1 GiB"),    QStringLiteral("1 GiB"),    QStringLiteral("1022 MiB"),
            QStringLiteral("1020 MiB"), QStringLiteral("0 B"),      QStringLiteral("1020 MiB"),
            QStringLiteral("1020 MiB"), QStringLiteral("1016 MiB"), QStringLiteral("1016 MiB")};
        for (int row = 0; row < GrowDialog::LayerCount; ++row) {
            QCOMPARE(dialog.layerText(GrowDialog::Layer(row), GrowDialog::Now), now.at(row));
            QCOMPARE(dialog.layerText(GrowDialog::Layer(row), GrowDialog::After), QString());
        }
        QCOMPARE(dialog.layerText(GrowDialog::PrimaryElement, GrowDialog::LayerName),
                 QStringLiteral("Primary element /dev/LIO-NR1-Elements/NR1-Local-Element"));
        QCOMPARE(dialog.layerText(GrowDialog::Lun, GrowDialog::LayerName),
                 QStringLiteral("LUN (backstore /backstores/block/nr1-testbed)"));
        QVERIFY2(dialog.roomText().contains(QStringLiteral("the Primary 1016 MiB")) &&
                     dialog.roomText().contains(QStringLiteral("growing by up to 1016 MiB")),
                 qPrintable(dialog.roomText()));
        // No growth given yet: nothing to preview, and it says what to do.
        QVERIFY(!dialog.plan());
        QVERIFY(!dialog.previewButton()->isEnabled());
        QCOMPARE(dialog.problemText(), QStringLiteral("Give a growth, or choose “As much as "
                                                      "possible”."));
        QVERIFY(dialog.growthChoice()->sizedChoice()->isChecked());
        QVERIFY(dialog.growthChoice()->sizeEdit()->isEnabled());
        QVERIFY(!dialog.showPlan());
        QVERIFY(replayed.primary.unexpected().isEmpty() &&
                replayed.secondary.unexpected().isEmpty());
    }

    void aGrowthProjectsEveryLayerAndMakesPlanGrowsPlan() {
        Replayed replayed(QStringLiteral("created"));
        GrowDialog& dialog = *replayed.dialog;
        QTRY_COMPARE(dialog.page(), GrowDialog::Page::Growth);
        // Typed as an administrator would: 256 MiB, the way nr1ctl takes sizes.
        QTest::keyClicks(dialog.growthChoice()->sizeEdit(), QStringLiteral("256M"));
        QCOMPARE(dialog.growth(), SizeRequest::ofBytes(256 * MiB));
        saveScreenshotIfAsked(&dialog, QStringLiteral("grow-256M"));
        const QStringList after = {
            QStringLiteral("1280 MiB"),   QStringLiteral("1280 MiB"), QStringLiteral("≈ 1278 MiB"),
            QStringLiteral("≈ 1276 MiB"), QStringLiteral("0 B"),      QStringLiteral("≈ 1276 MiB"),
            QStringLiteral("≈ 1276 MiB"), QStringLiteral("760 MiB"),  QStringLiteral("760 MiB")};
        for (int row = 0; row < GrowDialog::LayerCount; ++row)
            QCOMPARE(dialog.layerText(GrowDialog::Layer(row), GrowDialog::After), after.at(row));
        QVERIFY(dialog.refusals().isEmpty());
        QVERIFY2(dialog.problemText().startsWith(
                     QStringLiteral("Both elements grow to 1280 MiB in a plan of 10 step(s)")),
                 qPrintable(dialog.problemText()));
        QVERIFY(dialog.previewButton()->isEnabled());
        // The plan is planGrow's for the same state, intent and growth.
        const PlanResult expected =
            planGrow(*dialog.state(), dialog.intent(), SizeRequest::ofBytes(256 * MiB));
        QVERIFY(expected.ok() && dialog.plan());
        QCOMPARE(json(*dialog.plan()), json(expected.value()));
        QCOMPARE(dialog.intent(), defaultIntent(testbedPair(), &dialog.state()->primary));
        // The preview page shows that plan, Back returns to the growth before anything ran.
        dialog.previewButton()->click();
        QCOMPARE(dialog.page(), GrowDialog::Page::Plan);
        QVERIFY(dialog.runView());
        QCOMPARE(json(dialog.runView()->plan()), json(expected.value()));
        QVERIFY(dialog.backButton()->isEnabled());
        dialog.backButton()->click();
        QCOMPARE(dialog.page(), GrowDialog::Page::Growth);
        QCOMPARE(dialog.growth(), SizeRequest::ofBytes(256 * MiB));
    }

    void asMuchAsPossibleTakesWhatBothNodesGive() {
        Replayed replayed(QStringLiteral("created"));
        GrowDialog& dialog = *replayed.dialog;
        QTRY_COMPARE(dialog.page(), GrowDialog::Page::Growth);
        dialog.growthChoice()->maximumChoice()->click();
        QVERIFY(!dialog.growthChoice()->sizeEdit()->isEnabled());
        QCOMPARE(dialog.growth(), SizeRequest::maximum());
        QCOMPARE(dialog.layerText(GrowDialog::PrimaryElement, GrowDialog::After),
                 QStringLiteral("2040 MiB"));
        QCOMPARE(dialog.layerText(GrowDialog::Array, GrowDialog::After),
                 QStringLiteral("≈ 2038 MiB"));
        QCOMPARE(dialog.layerText(GrowDialog::Volume, GrowDialog::After),
                 QStringLiteral("≈ 2036 MiB"));
        QCOMPARE(dialog.layerText(GrowDialog::Lun, GrowDialog::After),
                 QStringLiteral("≈ 2036 MiB"));
        QCOMPARE(dialog.layerText(GrowDialog::SecondaryGive, GrowDialog::After),
                 QStringLiteral("0 B"));
        const PlanResult expected =
            planGrow(*dialog.state(), dialog.intent(), SizeRequest::maximum());
        QVERIFY(dialog.plan());
        QCOMPARE(json(*dialog.plan()), json(expected.value()));
        QCOMPARE(
            commandRows(*dialog.plan()).first(),
            QStringLiteral("secondary: lvextend -L 2040m LIO-NR1-Elements/NR1-Remote-Element"));
        // setGrowth (the programmatic way) drives the same inputs.
        dialog.setGrowth(SizeRequest::ofBytes(qint64(1) << 30));
        QVERIFY(!dialog.growthChoice()->maximumChoice()->isChecked());
        QVERIFY(dialog.growthChoice()->sizeEdit()->isEnabled());
        QCOMPARE(dialog.growthChoice()->sizeEdit()->text(), QStringLiteral("1G"));
        QCOMPARE(dialog.growth(), SizeRequest::ofBytes(qint64(1) << 30));
    }

    void tooMuchIsRefusedInWords() {
        Replayed replayed(QStringLiteral("created"));
        GrowDialog& dialog = *replayed.dialog;
        QTRY_COMPARE(dialog.page(), GrowDialog::Page::Growth);
        dialog.setGrowth(SizeRequest::ofBytes(qint64(1) << 30));
        QVERIFY(!dialog.plan());
        QVERIFY(!dialog.previewButton()->isEnabled());
        QVERIFY2(dialog.problemText().contains(QStringLiteral("has 1016 MiB free")),
                 qPrintable(dialog.problemText()));
        QCOMPARE(dialog.layerText(GrowDialog::PrimaryElement, GrowDialog::After), QString());
    }

    void aDegradedArrayIsRefusedBeforeAnyGrowthIsGiven() {
        // After the Secondary rebooted md failed the remote leg and the login is coming back.
        Replayed replayed(QStringLiteral("secondary-rebooted"));
        GrowDialog& dialog = *replayed.dialog;
        QTRY_COMPARE(dialog.page(), GrowDialog::Page::Growth);
        QVERIFY(!dialog.refusals().isEmpty());
        QVERIFY2(dialog.problemText().startsWith(QStringLiteral("nr1 will not grow the pair now:")),
                 qPrintable(dialog.problemText()));
        QVERIFY2(dialog.problemText().contains(QStringLiteral("md0 is degraded")),
                 qPrintable(dialog.problemText()));
        dialog.setGrowth(SizeRequest::ofBytes(256 * MiB));
        QVERIFY(!dialog.plan());
        QVERIFY(!dialog.previewButton()->isEnabled());
        QCOMPARE(
            dialog.refusals(),
            planGrow(*dialog.state(), dialog.intent(), SizeRequest::ofBytes(256 * MiB)).reasons());
    }

    void aNodeThatNeverAnswersIsNamed() {
        ReplayRunner primary(QStringLiteral("root@primary:22"));
        answerProbe(primary, QStringLiteral("created"), QStringLiteral("primary"));
        SilentRunner secondary;
        TestSession session(testbedPair(), primary, secondary);
        GrowDialog dialog(session);
        dialog.setAnswerPatience(std::chrono::milliseconds(100));
        dialog.show();
        QVERIFY(!dialog.retryButton()->isEnabled());
        QTRY_VERIFY2(dialog.nodesText().contains(QStringLiteral("no answer after")),
                     qPrintable(dialog.nodesText()));
        const QString text = dialog.nodesText();
        QVERIFY2(text.contains(QStringLiteral("Secondary (root@silent:22): no answer after")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Primary (root@primary:22): answered")),
                 qPrintable(text));
        QVERIFY(dialog.reading());
        QCOMPARE(dialog.page(), GrowDialog::Page::Nodes);
        QVERIFY(dialog.retryButton()->isEnabled());
        // Retry abandons the unanswered read and asks both nodes again.
        answerProbe(primary, QStringLiteral("created"), QStringLiteral("primary"));
        dialog.retryButton()->click();
        QCOMPARE(secondary.cancelled, QList<RequestId>{1});
        QCOMPARE(secondary.requested.size(), 2);
        QVERIFY(dialog.nodesText().contains(QStringLiteral("Secondary (root@silent:22): reading")));
        QTRY_VERIFY(primary.unused().isEmpty());
        QVERIFY(!dialog.state());
    }

    void aNodeThatFailsIsNamedWithTheReason() {
        ReplayRunner primary(QStringLiteral("root@primary:22"));
        answerProbe(primary, QStringLiteral("created"), QStringLiteral("primary"));
        ReplayRunner secondary(QStringLiteral("root@secondary:22"));
        CommandResult failed;
        failed.status = CommandStatus::ConnectionFailed;
        failed.error = QStringLiteral("connection refused");
        secondary.expect(nodeProbeCommand().argv, failed);
        TestSession session(testbedPair(), primary, secondary);
        GrowDialog dialog(session);
        QSignalSpy read(&dialog, &GrowDialog::nodesRead);
        QVERIFY(read.wait(5000));
        QCOMPARE(read.first().first().toBool(), false);
        QCOMPARE(dialog.page(), GrowDialog::Page::Nodes);
        QVERIFY2(dialog.nodesText().contains(QStringLiteral(
                     "Secondary (root@secondary:22): did not answer usefully — not reachable")),
                 qPrintable(dialog.nodesText()));
        QVERIFY(dialog.nodesText().contains(QStringLiteral("connection refused")));
        QVERIFY(dialog.retryButton()->isEnabled());
        QVERIFY(!dialog.state());
    }

    void applyRunsThePlanInOrderThenSaysWhatToWatch() {
        Replayed replayed(QStringLiteral("created"));
        GrowDialog& dialog = *replayed.dialog;
        QTRY_COMPARE(dialog.page(), GrowDialog::Page::Growth);
        dialog.setGrowth(SizeRequest::ofBytes(256 * MiB));
        QVERIFY(dialog.plan());
        const Plan plan = *dialog.plan();
        for (const Action& action : plan.actions)
            (action.node == NodeRole::Primary ? replayed.primary : replayed.secondary)
                .expectOutput(action.argv, QByteArray());
        // At Apply: the lock and a fresh read, which still makes this plan.
        expectApplyStart(replayed.primary, testbedPair().name,
                         probeCapture(QStringLiteral("created"), QStringLiteral("primary")));
        expectApplyStart(replayed.secondary, testbedPair().name,
                         probeCapture(QStringLiteral("created"), QStringLiteral("secondary")));
        QVERIFY(dialog.showPlan());
        QVERIFY(dialog.followUpText().isEmpty());
        QSignalSpy ended(&dialog, &GrowDialog::runEnded);
        // While it runs (seen when it starts: a replayed run may end within one event loop turn).
        std::optional<bool> backWhileRunning;
        QString followUpWhileRunning;
        connect(dialog.runView(), &PlanRunView::runStarted, this, [&] {
            backWhileRunning = dialog.backButton()->isEnabled();
            followUpWhileRunning = dialog.followUpText();
        });
        dialog.runView()->applyButton()->click();
        QVERIFY(ended.wait(10000));
        QVERIFY(backWhileRunning.has_value());
        QVERIFY(!*backWhileRunning);
        QVERIFY2(followUpWhileRunning.contains(QStringLiteral("Monitor tab")),
                 qPrintable(followUpWhileRunning));
        QCOMPARE(ended.first().first().value<Executor::State>(), Executor::State::Done);
        QVERIFY2(dialog.followUpText().startsWith(QStringLiteral("Grown.")),
                 qPrintable(dialog.followUpText()));
        QVERIFY(dialog.followUpText().contains(QStringLiteral("rescan")));
        // Every command ran, in the plan's order, on its node.
        for (const NodeRole node : {NodeRole::Primary, NodeRole::Secondary}) {
            QStringList ran;
            const ReplayRunner& runner =
                node == NodeRole::Primary ? replayed.primary : replayed.secondary;
            for (const Command& command : runner.executed())
                if (command.argv != nodeProbeCommand().argv &&
                    !isLockCommand(command.argv, testbedPair().name))
                    ran << command.argv.join(QLatin1Char(' '));
            QStringList planned;
            for (const Action& action : plan.actions)
                if (action.node == node)
                    planned << action.argv.join(QLatin1Char(' '));
            QCOMPARE(ran, planned);
        }
        QVERIFY(replayed.primary.unexpected().isEmpty() &&
                replayed.secondary.unexpected().isEmpty());
        QVERIFY(replayed.primary.unused().isEmpty() && replayed.secondary.unused().isEmpty());
    }
};

QTEST_MAIN(TestGrowDialog)
#include "tst_grow_dialog.moc"
