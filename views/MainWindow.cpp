#include "MainWindow.h"

#include "InventoryView.h"
#include "OutputInspector.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace nr1 {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_inspector(new OutputInspector(this))
    , m_inventory(new InventoryView(this)) {
    setWindowTitle(tr("nr1 — Network RAID1 console"));
    setCentralWidget(m_inspector);
    auto* dock = new QDockWidget(tr("Inventory"), this);
    dock->setObjectName(QStringLiteral("inventoryDock"));
    dock->setWidget(m_inventory);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {380}, Qt::Horizontal); // room for user@host:port and an IQN
    createMenus();
    statusBar()->showMessage(tr("Inspect a node's output below, or open an inventory."));
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1100, 700);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Output…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Load a saved node output (mdstat, mdadm, lvs, saveconfig.json, …)"));
    file->addAction(tr("Open &Inventory…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open inventory"), QString(),
                                                          tr("Inventory (*.yaml *.yml)"));
        if (!path.isEmpty())
            openInventory(path);
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About nr1"), this, &MainWindow::showAbout);
}

bool MainWindow::openInventory(const QString& path) {
    const bool ok = m_inventory->load(path);
    statusBar()->showMessage(m_inventory->statusText());
    if (ok)
        QSettings().setValue(QStringLiteral("inventory/lastPath"), path);
    return ok;
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
    statusBar()->showMessage(tr("Loaded %1").arg(path));
    return true;
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About nr1"),
                       tr("<b>nr1 %1</b><p>Console for Linux-IO Network RAID1 node pairs.</p>")
                           .arg(QStringLiteral(NR1_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

} // namespace nr1
