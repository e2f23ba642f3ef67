#pragma once
// Contract: nr1's main window: menus, status bar and the central views. Remembers its geometry.
// The inventory sits in a dock on the left; the central view is the output inspector for now
// (the monitoring pane takes its place when it is built).

#include <QMainWindow>

namespace nr1 {

class InventoryView;
class OutputInspector;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    OutputInspector* inspector() const { return m_inspector; }
    InventoryView* inventory() const { return m_inventory; }
    /// Shows the inventory in `path`; false (and the reason in the dock) when it is not usable.
    bool openInventory(const QString& path);

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
    InventoryView* m_inventory;
};

} // namespace nr1
