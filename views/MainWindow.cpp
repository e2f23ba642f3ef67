#include "MainWindow.h"

#include "AdoptDialog.h"
#include "GrowDialog.h"
#include "HealthDialog.h"
#include "HostKeyDialog.h"
#include "InventoryEditor.h"
#include "InventoryView.h"
#include "JournalView.h"
#include "MonitorPane.h"
#include "OutputInspector.h"
#include "PairEditDialog.h"
#include "PairWizard.h"
#include "PlanDialog.h"
#include "PlanRunView.h"
#include "plan/Planners.h"
#include "session/InventorySession.h"
#include "session/PairSession.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolBar>

namespace nr1 {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_central(new QTabWidget(this))
    , m_monitorPane(new MonitorPane(this))
    , m_inspector(new OutputInspector(this))
    , m_journal(new JournalView(this))
    , m_inventory(new InventoryView(this))
    , m_delegate(std::make_unique<DialogDelegate>(this))
    , m_editor(new InventoryEditor(this, m_delegate.get())) {
    setWindowTitle(tr("nr1 — Network RAID1 console"));
    connect(m_editor, &InventoryEditor::saved, this,
            [this](const QString& path, const QString& what) {
                if (openInventory(path))
                    statusBar()->showMessage(what, 15000);
            });
    connect(m_editor, &InventoryEditor::created, this, &MainWindow::openInventory);
    // "Add Existing Pair…": the pair just added is adopted next.
    connect(m_editor, &InventoryEditor::pairAdded, this,
            [this](const QString&, const QString& name) {
                if (std::exchange(m_adoptAdded, false))
                    openAdopt(name);
            });
    connect(m_editor, &InventoryEditor::said, this,
            [this](const QString& news) { statusBar()->showMessage(news, 10000); });
    m_central->addTab(m_monitorPane, tr("&Monitor"));
    m_central->addTab(m_journal, tr("&Journal"));
    m_central->addTab(m_inspector, tr("&Inspect output"));
    m_central->setDocumentMode(true);
    setCentralWidget(m_central);
    auto* dock = new QDockWidget(tr("Inventory"), this);
    dock->setObjectName(QStringLiteral("inventoryDock"));
    dock->setWidget(m_inventory);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {380}, Qt::Horizontal); // room for user@host:port and an IQN
    createMenus();
    connect(m_monitorPane, &MonitorPane::attention, this, &MainWindow::notify);
    // The journal follows the pair shown in the monitor, read when its tab is opened.
    connect(m_central, &QTabWidget::currentChanged, this, [this] {
        if (m_central->currentWidget() == m_journal)
            m_journal->showPair(m_monitorPane->currentPair());
    });
    statusBar()->showMessage(tr("Open an inventory to watch its pairs."));
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1200, 820);
}

MainWindow::~MainWindow() {
    // The plan windows (children, deleted only after the members) use the pairs' sessions.
    for (const QPointer<QDialog>& window : std::exchange(m_planWindows, {}))
        delete window.data();
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newInventory = file->addAction(tr("&New Inventory…"), this, [this] {
        m_editor->chooseNewInventory(QFileInfo(inventoryPath()).absolutePath());
    });
    newInventory->setToolTip(tr("Create an inventory without pairs and open it"));
    newInventory->setStatusTip(newInventory->toolTip());
    QAction* openInventoryAction = file->addAction(tr("Open &Inventory…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open inventory"), QString(),
                                                          tr("Inventory (*.yaml *.yml)"));
        if (!path.isEmpty())
            openInventory(path);
    });
    openInventoryAction->setShortcut(QKeySequence::Open);
    QAction* open = file->addAction(tr("Open &Output…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    open->setToolTip(tr("Load a saved node output (mdstat, mdadm, lvs, saveconfig.json, …)"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* monitor = view->addAction(tr("&Monitor"), this,
                                       [this] { m_central->setCurrentWidget(m_monitorPane); });
    monitor->setShortcut(QKeySequence(tr("Ctrl+1")));
    QAction* journal =
        view->addAction(tr("&Journal"), this, [this] { m_central->setCurrentWidget(m_journal); });
    journal->setShortcut(QKeySequence(tr("Ctrl+2")));
    journal->setToolTip(tr("What nr1 applied to the pair shown in the monitor, step by step"));
    QAction* inspect = view->addAction(tr("&Inspect output"), this,
                                       [this] { m_central->setCurrentWidget(m_inspector); });
    inspect->setShortcut(QKeySequence(tr("Ctrl+3")));
    QAction* refresh = view->addAction(tr("&Refresh now"), this, [this] {
        if (m_pairs)
            for (PairMonitor* pairMonitor : m_pairs->monitors())
                pairMonitor->refreshSoon();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    QMenu* pair = menuBar()->addMenu(tr("&Pair"));
    QToolBar* tools = addToolBar(tr("Pair"));
    tools->setObjectName(QStringLiteral("pairToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    struct WizardEntry {
        WizardKind kind;
        QString text;
        QString tip;
        QKeySequence shortcut;
    };
    const WizardEntry wizards[] = {
        {WizardKind::NewPair, tr("&New Network RAID1 Pair…"),
         tr("From blank disks on both nodes to a mirrored, exported LUN: elements, mirror, "
            "volume and export in one plan"),
         QKeySequence(tr("Ctrl+Shift+N"))},
        {WizardKind::Elements,
         tr("&Elements…"),
         tr("Make each node's element (and its volume group on blank disks)"),
         {}},
        {WizardKind::Array,
         tr("&Mirror…"),
         tr("Import the Secondary's element and build the md RAID1"),
         {}},
        {WizardKind::Volume,
         tr("&Volume…"),
         tr("The PV, volume group and volume on the mirror"),
         {}},
        {WizardKind::Export,
         tr("LUN E&xport…"),
         tr("Export the volume as an iSCSI LUN to the initiators you list"),
         {}},
    };
    for (const WizardEntry& entry : wizards) {
        QAction* action = pair->addAction(entry.text, this, [this, kind = entry.kind] {
            openWizard(kind, m_monitorPane->currentPair());
        });
        action->setToolTip(entry.tip);
        action->setStatusTip(entry.tip);
        if (!entry.shortcut.isEmpty())
            action->setShortcut(entry.shortcut);
        if (entry.kind == WizardKind::NewPair) {
            action->setIcon(QIcon(QStringLiteral(":/nr1/icons/pair-new.svg")));
            tools->addAction(action);
            pair->addSeparator();
        }
    }
    pair->addSeparator();
    QAction* repair = pair->addAction(tr("&Repair or Rejoin…"), this, [this] {
        openPlan(QStringLiteral("repair"), m_monitorPane->currentPair());
    });
    QAction* switchOver = pair->addAction(tr("&Switch Over…"), this, [this] {
        openPlan(QStringLiteral("switchover"), m_monitorPane->currentPair());
    });
    switchOver->setToolTip(tr("Planned maintenance with both nodes up: the Secondary serves the "
                              "LUN with the same identity, the Primary becomes its Secondary"));
    switchOver->setStatusTip(switchOver->toolTip());
    QAction* takeOver = pair->addAction(tr("&Take Over…"), this, [this] {
        openPlan(QStringLiteral("takeover"), m_monitorPane->currentPair());
    });
    takeOver->setToolTip(tr("The Primary is lost: fence it (or confirm it is off), then the "
                            "Secondary serves the LUN with the same identity"));
    takeOver->setStatusTip(takeOver->toolTip());
    QAction* serveAlone = pair->addAction(tr("Serve &Alone…"), this, [this] {
        openPlan(QStringLiteral("serve-alone"), m_monitorPane->currentPair());
    });
    serveAlone->setToolTip(tr("The Secondary is lost for good and the Primary holds its volume "
                              "down (its boot gate held it): fence the Secondary (or confirm it "
                              "is off), then the Primary serves alone"));
    serveAlone->setStatusTip(serveAlone->toolTip());
    pair->addAction(tr("&Interrupted Run…"), this,
                    [this] {
                        const QString name = m_monitorPane->currentPair();
                        PairSession* session = sessionForPlan(name);
                        if (!session)
                            return;
                        openInterruptedRun(
                            this, *session, [this, name] { pairChangedByPlan(name); },
                            [this](QDialog* dialog) { showPlanWindow(dialog); });
                    })
        ->setToolTip(tr("Finish or undo the pair's last run when nr1 did not end it (a crash, "
                        "a kill) or it was left failed: from the journal"));
    repair->setToolTip(tr("Put back what the pair lost (the remote leg after an outage, the "
                          "Secondary's export, the login; a node that was taken over from "
                          "rejoins as the Secondary): plan, preview, apply"));
    QAction* health = pair->addAction(tr("&Health Checks…"), this,
                                      [this] { openHealth(m_monitorPane->currentPair()); });
    health->setToolTip(tr("Check what the pair needs to survive its next reboot or failover "
                          "(replication, array, boot configuration, LUN identity, nodes), with "
                          "the plan that fixes what fails"));
    health->setStatusTip(health->toolTip());
    QAction* grow = pair->addAction(tr("&Grow Volume…"), this,
                                    [this] { openGrowDialog(m_monitorPane->currentPair()); });
    grow->setToolTip(tr("Grow both elements, the mirror, the volume and the LUN: every layer's "
                        "size now and after, the plan, apply"));
    grow->setStatusTip(grow->toolTip());
    grow->setIcon(QIcon(QStringLiteral(":/nr1/icons/grow.svg")));
    repair->setIcon(QIcon(QStringLiteral(":/nr1/icons/repair.svg")));
    repair->setStatusTip(repair->toolTip());
    refresh->setIcon(QIcon(QStringLiteral(":/nr1/icons/refresh.svg")));
    refresh->setToolTip(tr("Read every pair's nodes now"));
    journal->setIcon(QIcon(QStringLiteral(":/nr1/icons/journal.svg")));
    tools->addAction(grow);
    tools->addAction(repair);
    tools->addSeparator();
    tools->addAction(refresh);
    tools->addAction(journal);
    pair->addSeparator();
    QAction* addPair = pair->addAction(tr("&Add Pair…"), this, [this] {
        m_adoptAdded = false;
        openPairEditor();
    });
    addPair->setToolTip(tr("Add a pair to the inventory: its two nodes and how nr1 reaches them "
                           "(the nodes themselves are not changed)"));
    QAction* addExisting = pair->addAction(tr("Add &Existing Pair…"), this, [this] {
        if (PairEditDialog* editor = openPairEditor()) {
            m_adoptAdded = true;
            connect(editor, &QDialog::rejected, this, [this] { m_adoptAdded = false; });
        }
    });
    addExisting->setToolTip(tr("Add a pair built by hand: its two nodes, then nr1 discovers its "
                               "names from them and records them (the nodes are not changed)"));
    QAction* adoptPair = pair->addAction(tr("Ado&pt Pair…"), this, [this] {
        const QString name = pairForEditing();
        if (name.isEmpty())
            statusBar()->showMessage(tr("Select a pair in the inventory first."), 10000);
        else
            openAdopt(name);
    });
    adoptPair->setToolTip(tr("Discover the selected pair's names from its nodes and record them "
                             "in the inventory (a pair built by hand; the nodes are not changed)"));
    QAction* editPair = pair->addAction(tr("Edi&t Pair…"), this, [this] {
        const QString name = pairForEditing();
        if (name.isEmpty())
            statusBar()->showMessage(tr("Select a pair in the inventory first."), 10000);
        else
            openPairEditor(name);
    });
    editPair->setToolTip(tr("Change how nr1 reaches the selected pair's nodes"));
    QAction* removePair = pair->addAction(tr("Remo&ve Pair…"), this, [this] {
        const QString name = pairForEditing();
        if (name.isEmpty())
            statusBar()->showMessage(tr("Select a pair in the inventory first."), 10000);
        else
            confirmRemovePair(name);
    });
    removePair->setToolTip(tr("Remove the selected pair from the inventory (its nodes are not "
                              "touched)"));
    for (QAction* action : {addPair, addExisting, adoptPair, editPair, removePair})
        action->setStatusTip(action->toolTip());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About nr1"), this, &MainWindow::showAbout);
}

bool MainWindow::openInventory(const QString& path) {
    // The plan windows use the connections about to be replaced: never under a plan that has
    // not ended (running, or failed and holding the pair's lock for a resume or roll back).
    if (const QString running = planRunning(); !running.isEmpty()) {
        statusBar()->showMessage(
            tr("%1: let it end, roll it back or close its window, then open the inventory.")
                .arg(running));
        return false;
    }
    m_inventoryPath = path;
    const bool ok = m_inventory->load(path);
    statusBar()->showMessage(m_inventory->statusText());
    if (!ok)
        return false;
    const auto loaded = loadInventory(path);
    if (!loaded.ok())
        return false; // changed between the two reads; the dock says what it showed
    QSettings().setValue(QStringLiteral("inventory/lastPath"), path);
    // Before the sessions they work on.
    for (const QPointer<QDialog>& window : std::exchange(m_planWindows, {}))
        delete window.data();
    m_pairs.reset();
    m_monitorPane->clear();
    m_pairs = std::make_unique<InventorySession>(loaded.value(), m_delegate.get());
    // An apply that builds a pair records its layout in this file.
    for (const InventoryPair& pair : loaded.value().pairs)
        if (PairSession* session = m_pairs->session(pair.name))
            session->setInventoryPath(path);
    for (PairMonitor* pairMonitor : m_pairs->monitors()) {
        m_monitorPane->watch(pairMonitor);
        // The dock shows what the monitor found on each node.
        connect(pairMonitor, &PairMonitor::refreshed, m_inventory, [this, pairMonitor] {
            if (pairMonitor->hasSnapshot())
                m_inventory->showSnapshot(pairMonitor->snapshot());
            for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
                if (const auto& state = pairMonitor->nodeState(role))
                    m_inventory->showVolumes(pairMonitor->layout().name, role, state->lvm.lvs);
        });
    }
    connect(
        m_pairs.get(), &InventorySession::connectionStateChanged, this,
        [this](const QString& pair, NodeRole role, ConnectionState state, const QString& detail) {
            m_inventory->setNodeState(pair, role, state, detail);
            if (state == ConnectionState::Ready || detail.isEmpty())
                return;
            statusBar()->showMessage(
                tr("%1 %2: %3")
                    .arg(pair, role == NodeRole::Primary ? tr("primary") : tr("secondary"), detail),
                10000);
        });
    m_pairs->start();
    m_central->setCurrentWidget(m_monitorPane);
    return true;
}

PairSession* MainWindow::sessionForPlan(const QString& pairName) {
    PairSession* session = m_pairs ? m_pairs->session(pairName) : nullptr;
    if (!session)
        statusBar()->showMessage(pairName.isEmpty()
                                     ? tr("Open an inventory with a pair first (Pair → Add Pair…).")
                                     : tr("There is no pair %1 in the inventory.").arg(pairName),
                                 10000);
    return session;
}

void MainWindow::openPlan(const QString& kind, const QString& name) {
    PairSession* session = sessionForPlan(name);
    if (!session)
        return;
    const QString title = kind == QLatin1String("repair") ? tr("Repair pair %1").arg(name)
                          : kind == QLatin1String("switchover")
                              ? tr("Switch pair %1 over").arg(name)
                          : kind == QLatin1String("takeover") ? tr("Take pair %1 over").arg(name)
                          : kind == QLatin1String("serve-alone")
                              ? tr("Serve pair %1 from the Primary alone").arg(name)
                              : tr("%1 of pair %2").arg(kind, name);
    openPlanDialog(
        this, *session, title, kind, [this, name] { pairChangedByPlan(name); },
        [this](QDialog* dialog) { showPlanWindow(dialog); });
}

HealthDialog* MainWindow::openHealth(const QString& name) {
    PairSession* session = sessionForPlan(name);
    if (!session)
        return nullptr;
    auto* dialog = new HealthDialog(*session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HealthDialog::fixRequested, this,
            [this, name](const QString& kind) { openPlan(kind, name); });
    dialog->show();
    return dialog;
}

AdoptDialog* MainWindow::openAdopt(const QString& name) {
    PairSession* session = sessionForPlan(name);
    if (!session)
        return nullptr;
    auto* dialog = new AdoptDialog(*session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AdoptDialog::adopted, this, [this, dialog](const QString& pair) {
        // The entry changed (names, maybe the roles): the inventory is read again, which ends
        // this dialog's session, then the health checks show what the pair lacks.
        dialog->close();
        QMetaObject::invokeMethod(
            this,
            [this, pair] {
                if (openInventory(m_inventoryPath)) {
                    statusBar()->showMessage(tr("Pair %1 adopted.").arg(pair), 15000);
                    openHealth(pair);
                }
            },
            Qt::QueuedConnection);
    });
    dialog->show();
    return dialog;
}

void MainWindow::showPlanWindow(QDialog* window) {
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_planWindows.removeAll(nullptr); // windows closed meanwhile
    m_planWindows << window;
    connect(window, &QObject::destroyed, this, [this] {
        // Queued: the windows are still being torn down here.
        QMetaObject::invokeMethod(
            this, [this] { reopenAfterRoleSwap(); }, Qt::QueuedConnection);
    });
    window->show();
}

void MainWindow::reopenAfterRoleSwap() {
    m_planWindows.removeAll(nullptr);
    if (!m_rolesSwapped || !m_planWindows.isEmpty())
        return;
    m_rolesSwapped = false;
    openInventory(m_inventoryPath);
}

void MainWindow::pairChangedByPlan(const QString& pairName) {
    const PairSession* session = m_pairs ? m_pairs->session(pairName) : nullptr;
    const InventoryPair* loaded = m_pairs ? m_pairs->inventory().findPair(pairName) : nullptr;
    if (session && loaded && session->pair().primary != loaded->primary) {
        m_rolesSwapped = true;
        statusBar()->showMessage(tr("The roles of pair %1 swapped in the inventory: it is read "
                                    "again when the plan window closes.")
                                     .arg(pairName));
    }
    if (PairMonitor* monitor = m_pairs ? m_pairs->monitor(pairName) : nullptr) {
        monitor->requestFullProbe();
        monitor->refreshSoon();
    }
    if (m_central->currentWidget() == m_journal)
        m_journal->reload();
}

QString MainWindow::planRunning() const {
    const PairSession* session = m_pairs ? m_pairs->applyingSession() : nullptr;
    if (!session)
        return {};
    return tr("“%2” has not ended on pair %1").arg(session->name(), session->applying());
}

PairWizard* MainWindow::openWizard(WizardKind kind, const QString& pairName) {
    PairSession* session = sessionForPlan(pairName);
    if (!session)
        return nullptr;
    auto* wizard = new PairWizard(kind, *session, this);
    connect(wizard, &PairWizard::runEnded, this, [this, pairName] { pairChangedByPlan(pairName); });
    showPlanWindow(wizard);
    return wizard;
}

GrowDialog* MainWindow::openGrowDialog(const QString& pairName) {
    PairSession* session = sessionForPlan(pairName);
    if (!session)
        return nullptr;
    auto* dialog = new GrowDialog(*session, this);
    connect(dialog, &GrowDialog::runEnded, this, [this, pairName] { pairChangedByPlan(pairName); });
    showPlanWindow(dialog);
    return dialog;
}

QString MainWindow::inventoryPath() const {
    if (!m_inventoryPath.isEmpty())
        return m_inventoryPath;
    const QString last = QSettings().value(QStringLiteral("inventory/lastPath")).toString();
    return last.isEmpty() ? defaultInventoryPath() : last;
}

QString MainWindow::pairForEditing() const {
    const QString selected = m_inventory->selectedPair();
    return selected.isEmpty() ? m_monitorPane->currentPair() : selected;
}

PairEditDialog* MainWindow::openPairEditor(const QString& pairName) {
    return m_editor->editPair(inventoryPath(), pairName);
}

QDialog* MainWindow::confirmRemovePair(const QString& pairName) {
    return m_editor->confirmRemovePair(inventoryPath(), pairName);
}

bool MainWindow::createInventory(const QString& path) {
    return m_editor->createInventory(path);
}

void MainWindow::notify(const MonitorEvent& event) {
    statusBar()->showMessage(event.text, 30000);
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(windowTitle());
        m_tray->show();
    }
    m_tray->showMessage(tr("nr1: %1").arg(event.pair), event.text, QSystemTrayIcon::Critical);
}

void MainWindow::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open node output"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_inspector->setText(QString::fromUtf8(file.readAll()));
    m_central->setCurrentWidget(m_inspector);
    statusBar()->showMessage(tr("Loaded %1").arg(path));
    return true;
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About nr1"),
                       tr("<b>nr1 %1</b><p>Console for Linux-IO Network RAID1 node pairs.</p>")
                           .arg(QStringLiteral(NR1_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Quitting would cut the connections under the running step, or leave the pair's lock on
    // the nodes for a failed run that waits for a decision.
    if (const QString running = planRunning(); !running.isEmpty()) {
        statusBar()->showMessage(
            tr("%1: let it end (or stop it after its step), roll it back or close its window, "
               "then quit.")
                .arg(running),
            15000);
        event->ignore();
        return;
    }
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

} // namespace nr1
