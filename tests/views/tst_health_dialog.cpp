// The console's Health view offscreen, against nodes replayed from the live probe captures of
// the testbed: the checklist and its colours, the first check that is not ok selected with its
// evidence, the Fix button asking for that check's plan, a node that does not answer, and
// Check Again reading both nodes again.

#include "HealthDialog.h"
#include "PairFixtures.h"
#include "Screenshots.h"
#include "TestSession.h"
#include "WidgetFinders.h"
#include "transport/ReplayRunner.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace nr1;

namespace {

struct Replayed {
    ReplayRunner primary{QStringLiteral("root@primary:22")};
    ReplayRunner secondary{QStringLiteral("root@secondary:22")};
    TestSession session{testbedPair(), primary, secondary};
};

/// The dialog once it shows the checks of its first read.
std::unique_ptr<HealthDialog> checkedDialog(PairSession& session) {
    auto dialog = std::make_unique<HealthDialog>(session);
    QSignalSpy checked(dialog.get(), &HealthDialog::checked);
    if (!checked.wait(5000))
        qFatal("the Health view did not check");
    return dialog;
}

} // namespace

class TestHealthDialog : public QObject {
    Q_OBJECT
private slots:
    void showsTheChecksAndAsksForTheFixOfTheSelectedOne() {
        Replayed nodes;
        answerProbe(nodes.primary, QStringLiteral("health-broken-by-hand"),
                    QStringLiteral("primary"));
        answerProbe(nodes.secondary, QStringLiteral("health-broken-by-hand"),
                    QStringLiteral("secondary"));
        const auto dialog = checkedDialog(nodes.session);
        dialog->show();
        QCOMPARE(dialog->checks().size(), size_t(22));
        auto* list = dialog->findChild<QTreeWidget*>();
        QCOMPARE(list->topLevelItemCount(), 5); // nodes, replication, array, boot, identity
        QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("replication"));
        // The first check that is not ok is selected, with what was read.
        QCOMPARE(list->currentItem()->text(0), QStringLiteral("replication-acl"));
        QCOMPARE(list->currentItem()->text(1), QStringLiteral("failing"));
        const QString details = dialog->findChild<QTextBrowser*>()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("No ACL names the Primary's initiator")),
                 qPrintable(details));
        QVERIFY(details.contains(
            QStringLiteral("ACLs of iqn.2003-01.org.linux-iscsi.nr1:testbed-element: (none)")));
        QVERIFY2(details.contains(QStringLiteral("The repair plan has 7 steps now.")),
                 qPrintable(details));
        const QString summary = labelsText(*dialog);
        QVERIFY2(summary.contains(QStringLiteral("4 of 22 checks not ok")), qPrintable(summary));
        saveScreenshotIfAsked(dialog.get(), QStringLiteral("health-broken-by-hand"));
        // Fix asks for the repair plan.
        QPushButton* fix = buttonStartingWith(*dialog, QStringLiteral("Fix"));
        QVERIFY(fix && fix->isEnabled());
        QCOMPARE(fix->text().remove(QLatin1Char('&')), QStringLiteral("Fix with the repair plan…"));
        QSignalSpy asked(dialog.get(), &HealthDialog::fixRequested);
        fix->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), QStringLiteral("repair"));
        // A failing check no plan fixes: no Fix.
        QVERIFY(dialog->selectCheck(QStringLiteral("replication-session")));
        QVERIFY(!fix->isEnabled());
        QVERIFY(dialog->selectCheck(QStringLiteral("boot-array-line")));
        QVERIFY(fix->isEnabled());
    }

    void checkAgainReadsBothNodesAgainAndKeepsTheSelection() {
        Replayed nodes;
        for (const char* state : {"health-broken-by-hand", "health-ok"}) {
            answerProbe(nodes.primary, QString::fromLatin1(state), QStringLiteral("primary"));
            answerProbe(nodes.secondary, QString::fromLatin1(state), QStringLiteral("secondary"));
        }
        const auto dialog = checkedDialog(nodes.session);
        QVERIFY(dialog->selectCheck(QStringLiteral("boot-array-line")));
        QSignalSpy checked(dialog.get(), &HealthDialog::checked);
        buttonStartingWith(*dialog, QStringLiteral("Check Again"))->click();
        QVERIFY(checked.wait(5000));
        QCOMPARE(worstResult(dialog->checks()), CheckResult::Ok);
        auto* list = dialog->findChild<QTreeWidget*>();
        QCOMPARE(list->currentItem()->text(0), QStringLiteral("boot-array-line"));
        QCOMPARE(list->currentItem()->text(1), QStringLiteral("ok"));
        QVERIFY(!buttonStartingWith(*dialog, QStringLiteral("Fix"))->isEnabled());
        QVERIFY(nodes.primary.unused().isEmpty() && nodes.secondary.unused().isEmpty());
    }

    void aNodeThatDoesNotAnswerIsAFailingCheck() {
        Replayed nodes;
        answerProbe(nodes.primary, QStringLiteral("health-ok"), QStringLiteral("primary"));
        CommandResult refused;
        refused.status = CommandStatus::ConnectionFailed;
        refused.error = QStringLiteral("connection refused");
        nodes.secondary.expect(nodeProbeCommand().argv, refused);
        const auto dialog = checkedDialog(nodes.session);
        auto* list = dialog->findChild<QTreeWidget*>();
        QCOMPARE(list->currentItem()->text(0), QStringLiteral("nodes-reachable"));
        const QString details = dialog->findChild<QTextBrowser*>()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("root@secondary:22")) &&
                     details.contains(QStringLiteral("connection refused")),
                 qPrintable(details));
        QCOMPARE(findCheck(dialog->checks(), QStringLiteral("replication-acl"))->result,
                 CheckResult::Unknown);
    }
};

QTEST_MAIN(TestHealthDialog)
#include "tst_health_dialog.moc"
