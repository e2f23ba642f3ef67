// The console driven on the real testbed pair, the way an administrator clicks through it:
// from an empty inventory, the pair is added in the pair editor (its connection test asks the
// trust dialog about both host keys, accepted, and offers the nodes' initiator names), the
// New-pair wizard is walked page by page (disks ticked, 512 MiB elements, the host's initiator
// let in) and its plan applied; later the grow dialog grows the pair by 256 MiB and the Health
// view checks it (no check failing), and after a
// teardown the layer wizards build it again one by one; then its Primary is killed, Take Over…
// serves the LUN from the other node and, once the lost node booted, Repair or Rejoin… brings
// it back as the Secondary.
// Run by tests/e2e/console-wizard, which checks the results from the host with libiscsi and
// qemu-io. Each test function is one phase; the script calls them by name. Environment:
// NR1_E2E_INVENTORY (the testbed's inventory), NR1_E2E_NEW_INVENTORY (where the console writes
// its own, from nothing), NR1_E2E_INITIATOR (the host's IQN) and, when
// set, NR1_TEST_SCREENSHOTS (a folder for the docs' screenshots of the pages).

#include "ArrayPage.h"
#include "ElementsPage.h"
#include "ExportPage.h"
#include "GrowDialog.h"
#include "HealthDialog.h"
#include "HostKeyDialog.h"
#include "MainWindow.h"
#include "MonitorPane.h"
#include "PairEditDialog.h"
#include "PairPanel.h"
#include "PairWizard.h"
#include "PlanRunView.h"
#include "PreviewPage.h"
#include "ProbePage.h"
#include "Screenshots.h"
#include "SizeChoice.h"
#include "VolumePage.h"
#include "inventory/Inventory.h"

#include <QAbstractButton>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace nr1;

namespace {

QString environment(const char* name) {
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        qFatal("%s must be set (tests/e2e/console-wizard sets it)", name);
    return value;
}

/// Answers every host-key question of the window with "accept and remember", as the
/// administrator does for a pair they just set up (the testbed's keys are fresh each boot).
class TrustingOperator : public QObject {
public:
    explicit TrustingOperator(QWidget* window)
        : m_window(window) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            for (HostKeyDialog* dialog : m_window->findChildren<HostKeyDialog*>())
                if (dialog->isVisible()) {
                    ++accepted;
                    dialog->choose(TrustDecision::AcceptAndRemember);
                }
        });
        m_timer.start(100);
    }
    int accepted = 0;

private:
    QWidget* m_window;
    QTimer m_timer;
};

void tickDisks(QTreeWidget* list, const QStringList& disks) {
    QVERIFY(list);
    for (const QString& disk : disks) {
        const auto items = list->findItems(disk, Qt::MatchExactly, 0);
        QVERIFY2(items.size() == 1, qPrintable(disk));
        QVERIFY2(items.front()->flags() & Qt::ItemIsUserCheckable,
                 qPrintable(disk + QStringLiteral(": ") + items.front()->text(3)));
        items.front()->setCheckState(0, Qt::Checked);
    }
}

/// Applies the plan shown and waits for its end; prints every step's status.
void applyAndWait(PlanRunView* view, int minutes) {
    QVERIFY(view);
    if (!view->plan().confirmationWord.isEmpty())
        view->confirmation()->setText(view->plan().confirmationWord);
    QVERIFY(view->applyButton()->isEnabled());
    view->applyButton()->click();
    // Busy from the click: the lock, the fresh read and the check, then the steps.
    QTRY_VERIFY_WITH_TIMEOUT(!view->busy(), minutes * 60000);
    for (int i = 0; i < int(view->plan().actions.size()); ++i)
        qInfo("step %2d %-8s %s", i + 1, qPrintable(view->actionStatus(i)),
              qPrintable(view->plan().actions[size_t(i)].sentence));
    QVERIFY2(view->state() == Executor::State::Done,
             qPrintable(view->statusText() + QLatin1Char('\n') + view->output()));
}

/// Opens the plan window of `kind` for the testbed pair from the Pair menu's entry and returns
/// its view once the nodes answered; fails with the refusal shown instead.
PlanRunView* openPlanWindow(MainWindow& window, const QString& kind) {
    window.openPlan(kind, QStringLiteral("testbed"));
    PlanRunView* view = nullptr;
    QString refusal;
    (void)QTest::qWaitFor(
        [&] {
            view = window.findChild<PlanRunView*>();
            for (QMessageBox* box : window.findChildren<QMessageBox*>())
                if (box->isVisible())
                    refusal = box->text();
            return view || !refusal.isEmpty();
        },
        180000);
    if (!view)
        qWarning("no %s plan: %s", qPrintable(kind),
                 refusal.isEmpty() ? "the nodes did not answer in 3 minutes" : qPrintable(refusal));
    return view;
}

} // namespace

class TestConsoleE2e : public QObject {
    Q_OBJECT

private slots:
    void createPairThroughTheWizard() {
        // Where the testbed's nodes are; the console learns it only from what is typed below.
        const auto testbed = loadInventory(environment("NR1_E2E_INVENTORY"));
        if (!testbed.ok())
            QFAIL(qPrintable(testbed.error().toString()));
        const InventoryPair* nodes = testbed.value().findPair(QStringLiteral("testbed"));
        QVERIFY(nodes);
        // From an empty inventory: File → New Inventory…, then Pair → Add Pair….
        MainWindow window;
        TrustingOperator operatorAnswers(&window);
        window.show();
        const QString path = environment("NR1_E2E_NEW_INVENTORY");
        QVERIFY(window.createInventory(path));
        PairEditDialog* add = window.openPairEditor();
        QVERIFY(add);
        const auto type = [add](const QString& field, const QString& value) {
            QLineEdit* editor = add->fieldEditor(field);
            QVERIFY2(editor, qPrintable(field));
            editor->setText(value);
        };
        type(QStringLiteral("name"), QStringLiteral("testbed"));
        for (const auto& [prefix, node] :
             {std::pair{QStringLiteral("primary."), &nodes->primary},
              std::pair{QStringLiteral("secondary."), &nodes->secondary}}) {
            type(prefix + QStringLiteral("host"), node->host);
            type(prefix + QStringLiteral("port"), QString::number(node->port.value_or(22)));
            type(prefix + QStringLiteral("user"), node->user);
            type(prefix + QStringLiteral("identity"), node->identity);
            type(prefix + QStringLiteral("replication_address"), node->replicationAddress);
            if (node->iscsiPort)
                type(prefix + QStringLiteral("iscsi_port"), QString::number(*node->iscsiPort));
        }
        // Test connection: both host keys asked (and accepted) in the trust dialog, both nodes
        // answer, and their initiator names are offered for the empty fields.
        QSignalSpy tested(add, &PairEditDialog::connectionTested);
        add->testConnection();
        QVERIFY(tested.wait(120000));
        QVERIFY(operatorAnswers.accepted >= 2);
        for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
            QVERIFY2(add->connectionText(role).startsWith(QStringLiteral("connected")),
                     qPrintable(add->connectionText(role)));
            QVERIFY(!add->offeredInitiatorName(role).isEmpty());
            type(QStringLiteral("%1.initiator_name").arg(nodeRoleName(role)),
                 add->offeredInitiatorName(role));
        }
        qInfo("%s / %s", qPrintable(add->connectionText(NodeRole::Primary)),
              qPrintable(add->connectionText(NodeRole::Secondary)));
        saveScreenshotIfAsked(add, QStringLiteral("add-pair"));
        QVERIFY2(add->okButton()->isEnabled(), qPrintable(add->problemsText()));
        add->okButton()->click();
        // Saved and opened again: the monitor watches the new pair.
        QTRY_VERIFY(window.monitorPane()->currentPair() == QStringLiteral("testbed"));
        const auto written = loadInventory(path);
        if (!written.ok())
            QFAIL(qPrintable(written.error().toString()));
        QCOMPARE(written.value().pairs.size(), size_t(1));
        PairWizard* wizard = window.openWizard(WizardKind::NewPair, QStringLiteral("testbed"));
        QVERIFY(wizard);
        // Under TCG a full probe of a node takes a few seconds, longer with the monitor's.
        QTRY_VERIFY_WITH_TIMEOUT(wizard->probePage()->isComplete(), 180000);
        qInfo("%s", qPrintable(wizard->probePage()->nodesText()));
        saveScreenshotIfAsked(wizard, QStringLiteral("wizard-nodes"));
        wizard->next();
        ElementsPage* elements = wizard->elementsPage();
        QCOMPARE(wizard->currentPage(), elements);
        const QStringList disks = {QStringLiteral("/dev/vdb"), QStringLiteral("/dev/vdc")};
        tickDisks(elements->diskList(NodeRole::Primary), disks);
        tickDisks(elements->diskList(NodeRole::Secondary), disks);
        elements->sizeChoice()->sizeEdit()->setText(QStringLiteral("512M"));
        QVERIFY2(elements->isComplete(), qPrintable(elements->problemText()));
        saveScreenshotIfAsked(wizard, QStringLiteral("wizard-elements"));
        wizard->next();
        QCOMPARE(wizard->currentPage(), wizard->arrayPage()); // the mirror: its defaults
        wizard->next();
        QCOMPARE(wizard->currentPage(), wizard->volumePage()); // all of the mirror
        QVERIFY2(wizard->volumePage()->isComplete(),
                 qPrintable(wizard->volumePage()->problemText()));
        wizard->next();
        ExportPage* exportPage = wizard->exportPage();
        QCOMPARE(wizard->currentPage(), exportPage);
        exportPage->initiators()->setPlainText(environment("NR1_E2E_INITIATOR"));
        QVERIFY2(exportPage->isComplete(), qPrintable(exportPage->problemText()));
        saveScreenshotIfAsked(wizard, QStringLiteral("wizard-export"));
        wizard->next();
        PlanRunView* view = wizard->runView();
        QVERIFY2(view, qPrintable(wizard->previewPage()->refusalText()));
        QVERIFY(!view->plan().isEmpty());
        saveScreenshotIfAsked(wizard, QStringLiteral("wizard-preview"));
        applyAndWait(view, 20);
        saveScreenshotIfAsked(wizard, QStringLiteral("wizard-applied"));
        qInfo("%s", qPrintable(view->statusText()));
        wizard->close();
        if (!qEnvironmentVariableIsEmpty("NR1_TEST_SCREENSHOTS")) {
            QTest::qWait(8000); // a few monitor refreshes: the resync with its speed history
            saveScreenshotIfAsked(&window, QStringLiteral("console-after-create"));
        }
    }

    void growThroughTheDialog() {
        MainWindow window;
        TrustingOperator operatorAnswers(&window);
        QVERIFY(window.openInventory(environment("NR1_E2E_INVENTORY")));
        window.show();
        GrowDialog* dialog = window.openGrowDialog(QStringLiteral("testbed"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->page() == GrowDialog::Page::Growth, 180000);
        const qint64 elementBefore = dialog->room()->now().primaryElement.value_or(0);
        QVERIFY(elementBefore > 0);
        dialog->setGrowth(SizeRequest::ofBytes(qint64(256) << 20));
        QVERIFY2(dialog->refusals().isEmpty(), qPrintable(dialog->refusals().join(u'\n')));
        qInfo("elements %s → %s",
              qPrintable(dialog->layerText(GrowDialog::PrimaryElement, GrowDialog::Now)),
              qPrintable(dialog->layerText(GrowDialog::PrimaryElement, GrowDialog::After)));
        QCOMPARE(dialog->room()->after(dialog->growth()).primaryElement.value_or(0),
                 elementBefore + (qint64(256) << 20));
        // The script compares the projection with what the host reads after the grow.
        qInfo("projected LUN bytes: %lld", dialog->room()->after(dialog->growth()).lun.value_or(0));
        saveScreenshotIfAsked(dialog, QStringLiteral("grow-layers"));
        QVERIFY(dialog->showPlan());
        saveScreenshotIfAsked(dialog, QStringLiteral("grow-preview"));
        applyAndWait(dialog->runView(), 30);
        qInfo("%s", qPrintable(dialog->followUpText()));
        saveScreenshotIfAsked(dialog, QStringLiteral("grow-applied"));
        // Pair → Health Checks… on the grown pair: no check fails (a warning is allowed: md
        // may still be syncing the new region). The script has nr1ctl check them all ok later.
        HealthDialog* health = window.openHealth(QStringLiteral("testbed"));
        QVERIFY(health);
        QSignalSpy checked(health, &HealthDialog::checked);
        QVERIFY(checked.wait(120000));
        for (const HealthCheck& check : health->checks())
            if (check.result != CheckResult::Ok)
                qInfo("health: %s %s: %s", qPrintable(checkResultName(check.result)),
                      qPrintable(check.name), qPrintable(check.verdict));
        QVERIFY(worstResult(health->checks()) == CheckResult::Ok ||
                worstResult(health->checks()) == CheckResult::Warning);
        QVERIFY(health->selectCheck(QStringLiteral("boot-gate")));
        saveScreenshotIfAsked(health, QStringLiteral("health-view"));
    }

    void layerWizardsOneByOne() {
        // After a teardown to the elements: the pair again, one layer wizard after the other.
        MainWindow window;
        TrustingOperator operatorAnswers(&window);
        QVERIFY(window.openInventory(environment("NR1_E2E_INVENTORY")));
        window.show();
        const struct {
            WizardKind kind;
            const char* name;
        } layers[] = {{WizardKind::Elements, "elements"},
                      {WizardKind::Array, "mirror"},
                      {WizardKind::Volume, "volume"},
                      {WizardKind::Export, "export"}};
        for (const auto& layer : layers) {
            PairWizard* wizard = window.openWizard(layer.kind, QStringLiteral("testbed"));
            QVERIFY(wizard);
            QTRY_VERIFY_WITH_TIMEOUT(wizard->probePage()->isComplete(), 180000);
            wizard->next();
            if (ElementsPage* elements = wizard->elementsPage()) {
                const QStringList disks = {QStringLiteral("/dev/vdb"), QStringLiteral("/dev/vdc")};
                for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
                    if (elements->diskList(role))
                        tickDisks(elements->diskList(role), disks);
                elements->sizeChoice()->sizeEdit()->setText(QStringLiteral("512M"));
                QVERIFY2(elements->isComplete(), qPrintable(elements->problemText()));
            }
            if (ExportPage* exportPage = wizard->exportPage()) {
                exportPage->initiators()->setPlainText(environment("NR1_E2E_INITIATOR"));
                QVERIFY2(exportPage->isComplete(), qPrintable(exportPage->problemText()));
            }
            wizard->next();
            QCOMPARE(wizard->currentPage(), wizard->previewPage());
            PlanRunView* view = wizard->runView();
            QVERIFY2(view, qPrintable(wizard->previewPage()->refusalText()));
            QVERIFY2(!view->plan().isEmpty(), layer.name);
            qInfo("%s: %s", layer.name, qPrintable(view->plan().title));
            saveScreenshotIfAsked(
                wizard, QStringLiteral("layer-%1-preview").arg(QLatin1String(layer.name)));
            applyAndWait(view, 15);
            wizard->close();
        }
    }

    void takeOverThroughTheConsole() {
        // The testbed's primary was killed: Pair → Take Over… plans on the Secondary alone and
        // fences the Primary with the inventory's fence_command before the first step.
        MainWindow window;
        TrustingOperator operatorAnswers(&window);
        QVERIFY(window.openInventory(environment("NR1_E2E_INVENTORY")));
        window.show();
        PlanRunView* view = openPlanWindow(window, QStringLiteral("takeover"));
        QVERIFY(view);
        QCOMPARE(view->plan().kind, QStringLiteral("takeover"));
        QVERIFY(!view->offConfirmation()); // the testbed's inventory can fence
        qInfo("%s", qPrintable(view->plan().title));
        saveScreenshotIfAsked(view->window(), QStringLiteral("takeover-preview"));
        applyAndWait(view, 10); // Done: only after the fence command confirmed the node off
        saveScreenshotIfAsked(view->window(), QStringLiteral("takeover-applied"));
        // The roles swapped in the inventory; the console opens it again once the window closed.
        view->window()->close();
        QTRY_VERIFY_WITH_TIMEOUT(window.monitorPane()->currentPair() == QStringLiteral("testbed"),
                                 30000);
        const auto swapped = loadInventory(environment("NR1_E2E_INVENTORY"));
        if (!swapped.ok())
            QFAIL(qPrintable(swapped.error().toString()));
        const InventoryNode& primary = swapped.value().findPair(QStringLiteral("testbed"))->primary;
        qInfo("the inventory's Primary now: %s port %d", qPrintable(primary.host),
              primary.port.value_or(22));
        // The monitor reads the fence from the pair's journal: the lost node (the inventory's
        // Secondary now) is shown fenced, not merely not answering.
        const auto lostNodeLine = [&window] {
            const PairPanel* panel = window.monitorPane()->panel(QStringLiteral("testbed"));
            return panel ? panel->nodeText(NodeRole::Secondary) : QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(lostNodeLine().contains(QStringLiteral(" fenced ")), 30000);
        qInfo("%s", qPrintable(lostNodeLine()));
        if (!qEnvironmentVariableIsEmpty("NR1_TEST_SCREENSHOTS")) {
            QTest::qWait(8000); // a few monitor refreshes: who serves, the lost node
            saveScreenshotIfAsked(&window, QStringLiteral("console-after-takeover"));
        }
    }

    void rejoinThroughTheConsole() {
        // The lost node booted (and started nothing): Pair → Repair or Rejoin… stops what it
        // kept of serving and adds its element back to the running array.
        MainWindow window;
        TrustingOperator operatorAnswers(&window);
        QVERIFY(window.openInventory(environment("NR1_E2E_INVENTORY")));
        window.show();
        PlanRunView* view = openPlanWindow(window, QStringLiteral("repair"));
        QVERIFY(view);
        qInfo("%s", qPrintable(view->plan().title));
        QVERIFY(!view->plan().isEmpty());
        saveScreenshotIfAsked(view->window(), QStringLiteral("rejoin-preview"));
        applyAndWait(view, 10);
    }
};

QTEST_MAIN(TestConsoleE2e)
#include "tst_console_e2e.moc"
