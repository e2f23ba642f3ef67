#pragma once
// Contract: the console's editing of an inventory file. Add or edit a pair in PairEditDialog,
// remove one after a confirmation that names it (its nodes are never touched), create a new
// inventory without pairs (never over an existing file). Every change goes through
// InventoryDocument: the file's text is kept, the result is read back before it is written,
// atomically, with the previous version as FILE~. A file that does not read is never edited:
// its line and field are shown instead; a save that is refused opens the pair dialog again with
// what was typed. After a save `saved` asks the window to open the file
// again; short news for the status bar come as `said`. Every question and message is opened
// with open(): nothing blocks the event loop.

#include "inventory/InventoryDocument.h"

#include <QObject>
#include <optional>

class QDialog;
class QWidget;

namespace nr1 {

class PairEditDialog;
class OperatorDelegate;

class InventoryEditor : public QObject {
    Q_OBJECT
public:
    /// Dialogs open over `window`; `delegate` (the console's host-key and passphrase questions)
    /// serves the connection test and must outlive the editor.
    InventoryEditor(QWidget* window, OperatorDelegate* delegate);

    /// The pair editor on the inventory `path`: a new pair when `pair` is empty, else that pair.
    /// A missing inventory is created with the first pair. nullptr (and why) when the file does
    /// not read or has no such pair.
    PairEditDialog* editPair(const QString& path, const QString& pair = QString());
    /// Asks whether to remove `pair`; nullptr (and why) when the file does not read or has none.
    QDialog* confirmRemovePair(const QString& path, const QString& pair);
    /// A save-file chooser in `folder`, then createInventory().
    void chooseNewInventory(const QString& folder);
    /// Writes an inventory without pairs to `path` and emits created(); false and why in a
    /// message when the file exists or cannot be written.
    bool createInventory(const QString& path);

signals:
    void saved(const QString& path, const QString& what);
    void created(const QString& path);
    /// A pair was added to the inventory at `path` and saved (after saved()).
    void pairAdded(const QString& path, const QString& pair);
    void said(const QString& news);

private:
    /// `path` as a document; nullopt, with why in a message, when it does not read.
    std::optional<InventoryDocument> editable(const QString& path);
    /// Saves an edit (emits saved()); a refused edit or save is shown and changes nothing.
    bool save(InventoryDocument& document, const InventoryEdit& edit, const QString& done);

    QWidget* m_window;
    OperatorDelegate* m_delegate;
};

} // namespace nr1
