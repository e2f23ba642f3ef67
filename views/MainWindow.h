#pragma once
// Contract: nr1's main window: menus, status bar and the central views. Remembers its geometry.
// For now its central view is the output inspector; the inventory tree and the monitoring pane
// join it as they are built.

#include <QMainWindow>

namespace nr1 {

class OutputInspector;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    OutputInspector* inspector() const { return m_inspector; }

    /// Loads a file into the inspector; returns false (and says why in the status bar) if it
    /// cannot be read.
    bool openFile(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void chooseFile();
    void showAbout();

    OutputInspector* m_inspector;
};

} // namespace nr1
