#include "MainWindow.h"

#include "OutputInspector.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace nr1 {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_inspector(new OutputInspector(this)) {
    setWindowTitle(tr("nr1 — Network RAID1 console"));
    setCentralWidget(m_inspector);
    createMenus();
    statusBar()->showMessage(tr("No pair inventory yet: inspect a node's output below."));
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1100, 700);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Output…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Load a saved node output (mdstat, mdadm, lvs, saveconfig.json, …)"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About nr1"), this, &MainWindow::showAbout);
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
