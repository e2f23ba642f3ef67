#pragma once
// Contract: nr1's main window, which only arranges and wires. Left, the inventory dock; in the
// centre, as tabs, the monitoring pane (every pair of the open inventory, watched live), the
// journal of the pair shown there and the output inspector. The open inventory is one
// InventorySession: every pair's session (connections, journal, apply claim) and monitor.
// The Pair menu opens the wizards, the grow dialog, Repair or Rejoin, Switch Over and Take Over
// on the shown pair's session; after a run the monitor reads the pair again, after a role swap
// the console opens the inventory again. Opening another inventory replaces the
// session (refused while a plan runs; the plan windows are closed first); quitting is refused
// while a plan runs. Host keys and passphrases are asked in dialogs that never block the event
// loop; critical events also go to the desktop's notification area. The inventory editor
// (File → New Inventory…, Pair → Add/Edit/Remove Pair…) edits the file through
// InventoryDocument and opens it again after a save; without any inventory it works on
// defaultInventoryPath(). Remembers its geometry and the last inventory.

#include "WizardContext.h"

#include <QDialog>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <memory>

class QSystemTrayIcon;
class QTabWidget;

namespace nr1 {

class DialogDelegate;
class InventoryEditor;
class InventorySession;
class InventoryView;
class JournalView;
class MonitorPane;
class OutputInspector;
class GrowDialog;
class AdoptDialog;
class HealthDialog;
class PairEditDialog;
class PairSession;
class PairWizard;
struct MonitorEvent;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;
    OutputInspector* inspector() const { return m_inspector; }
    InventoryView* inventory() const { return m_inventory; }
    MonitorPane* monitorPane() const { return m_monitorPane; }
    JournalView* journal() const { return m_journal; }
    /// Shows the inventory in `path` and starts watching its pairs; false (and the reason in
    /// the dock) when it is not usable, leaving what was shown and watched before.
    bool openInventory(const QString& path);
    /// Opens a wizard on a pair's session (it deletes itself when closed); nullptr and the
    /// reason in the status bar when there is no such pair.
    PairWizard* openWizard(WizardKind kind, const QString& pair);
    /// Opens the grow-volume dialog for a pair of the open inventory (deleted when closed; a
    /// run makes the pair's monitor read it again); nullptr and the reason in the status bar
    /// when there is no such pair.
    GrowDialog* openGrowDialog(const QString& pair);
    /// Opens the plan dialog of `kind` (repair, switchover, takeover: makePlan) for a pair of
    /// the open inventory once its nodes answered (a child window of this one); the reason in
    /// the status bar when there is no such pair.
    void openPlan(const QString& kind, const QString& pair);
    /// Opens the Health view of a pair of the open inventory (deleted when closed; it closes
    /// with the pair's session): its Fix button opens the fix's plan (openPlan). nullptr and
    /// the reason in the status bar when there is no such pair.
    HealthDialog* openHealth(const QString& pair);
    /// Pair → Adopt Pair… (and after Add Existing Pair…): the adoption of the pair; once it
    /// recorded its entry, the inventory is read again and the pair's Health view opens.
    AdoptDialog* openAdopt(const QString& pair);

    /// The inventory the editor works on: the one opened last (even when it did not read),
    /// else the one of the previous session, else defaultInventoryPath().
    QString inventoryPath() const;
    /// Opens the pair editor on inventoryPath(): for a new pair when `pair` is empty, else for
    /// that pair. Accepting it saves the inventory and opens it again. nullptr (and why) when
    /// the inventory does not read or has no such pair. A missing inventory is created.
    PairEditDialog* openPairEditor(const QString& pair = QString());
    /// Asks whether to remove `pair` from the inventory (its nodes are not touched); Remove
    /// saves and opens it again. nullptr (and why) when there is no such pair.
    QDialog* confirmRemovePair(const QString& pair);
    /// Writes a new inventory without pairs to `path` (never over an existing file) and opens
    /// it; false and why in a message otherwise.
    bool createInventory(const QString& path);

    /// Loads a file into the inspector; returns false (and says why in the status bar) if it
    /// cannot be read.
    bool openFile(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    /// The session of a pair for a plan window, or nullptr with the reason in the status bar.
    PairSession* sessionForPlan(const QString& pair);
    /// Shows a plan window (wizard, grow or plan dialog) that deletes itself when closed.
    void showPlanWindow(QDialog* window);
    /// After a plan's run: the pair's monitor reads it again, the journal view too.
    void pairChangedByPlan(const QString& pair);
    /// After a role swap (m_rolesSwapped), once the last plan window closed.
    void reopenAfterRoleSwap();
    /// "“title” has not ended on pair P" while a plan window holds a pair's apply claim
    /// (running, or failed and waiting for resume or roll back); empty otherwise.
    QString planRunning() const;
    void chooseFile();
    /// The pair the Pair menu's inventory actions are about: the one selected in the dock,
    /// else the one shown in the monitor.
    QString pairForEditing() const;
    void showAbout();
    void notify(const MonitorEvent& event);

    QTabWidget* m_central;
    MonitorPane* m_monitorPane;
    OutputInspector* m_inspector;
    JournalView* m_journal;
    InventoryView* m_inventory;
    QString m_inventoryPath; ///< the inventory asked for last, for the editor
    std::unique_ptr<DialogDelegate> m_delegate;
    InventoryEditor* m_editor;
    std::unique_ptr<InventorySession> m_pairs;
    QList<QPointer<QDialog>> m_planWindows; ///< they work on m_pairs' sessions
    /// A plan swapped a pair's roles in the inventory file: read it again (new sessions, so
    /// runner(Primary) is the new Primary) once no plan window works on the old ones.
    bool m_rolesSwapped = false;
    bool m_adoptAdded = false; ///< the pair the editor adds next is adopted (Add Existing Pair…)
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace nr1
