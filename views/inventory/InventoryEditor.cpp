#include "InventoryEditor.h"

#include "PairEditDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace nr1 {

namespace {

/// A message that does not hold up the event loop (opened with open(), deleted when closed).
void showMessage(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                 const QString& text) {
    auto* box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

} // namespace

InventoryEditor::InventoryEditor(QWidget* window, OperatorDelegate* delegate)
    : QObject(window)
    , m_window(window)
    , m_delegate(delegate) {
}

std::optional<InventoryDocument> InventoryEditor::editable(const QString& path) {
    if (!QFileInfo::exists(path))
        return InventoryDocument::createEmpty(path); // written with the first pair
    const auto loaded = InventoryDocument::load(path);
    if (!loaded.ok()) {
        showMessage(m_window, QMessageBox::Warning, tr("Inventory cannot be edited"),
                    tr("The inventory does not read, so the editor leaves it alone (nothing was "
                       "changed):\n\n%1\n\nFix it by hand, then open it again (File → Open "
                       "Inventory…).")
                        .arg(loaded.error().toString()));
        return std::nullopt;
    }
    return loaded.value();
}

bool InventoryEditor::save(InventoryDocument& document, const InventoryEdit& edit,
                           const QString& done) {
    if (!edit.applied) {
        showMessage(m_window, QMessageBox::Warning, tr("Inventory not changed"), edit.message);
        return false;
    }
    if (const Result<void> saved = document.save(); !saved.ok()) {
        showMessage(m_window, QMessageBox::Critical, tr("Inventory not saved"), saved.why());
        return false;
    }
    if (!edit.layoutKept)
        showMessage(
            m_window, QMessageBox::Information, tr("Inventory written anew"),
            tr("%1\nThe previous version is kept as %2~.").arg(edit.message, document.path()));
    emit saved(document.path(),
               tr("%1 (saved to %2; the previous version is %2~)").arg(done, document.path()));
    return true;
}

PairEditDialog* InventoryEditor::editPair(const QString& path, const QString& pairName) {
    std::optional<InventoryDocument> document = editable(path);
    if (!document)
        return nullptr;
    std::optional<std::size_t> index;
    if (!pairName.isEmpty()) {
        index = document->pairIndex(pairName);
        if (!index) {
            emit said(tr("There is no pair %1 in %2.").arg(pairName, document->path()));
            return nullptr;
        }
    }
    auto* dialog = new PairEditDialog(*document, index, m_delegate, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, index, path, pairName, edited = *document]() mutable {
                const std::optional<InventoryPair> pair = dialog->pair();
                if (!pair)
                    return;
                const InventoryEdit edit =
                    index ? edited.replacePair(*index, *pair) : edited.addPair(*pair);
                if (save(edited, edit,
                         index ? tr("Pair %1 changed.").arg(pair->name)
                               : tr("Pair %1 added.").arg(pair->name))) {
                    if (!index)
                        emit pairAdded(path, pair->name);
                    return;
                }
                // Not saved: what was typed is not lost, the dialog opens again with it (on the
                // file as it is now).
                const PairFields typed = dialog->fields();
                if (PairEditDialog* again = editPair(path, pairName))
                    again->setFields(typed);
            });
    dialog->open();
    return dialog;
}

QDialog* InventoryEditor::confirmRemovePair(const QString& path, const QString& pairName) {
    std::optional<InventoryDocument> document = editable(path);
    if (!document)
        return nullptr;
    const std::optional<std::size_t> index = document->pairIndex(pairName);
    if (!index) {
        emit said(tr("There is no pair %1 in %2.").arg(pairName, document->path()));
        return nullptr;
    }
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove pair %1").arg(pairName),
        tr("Remove the pair %1 from the inventory %2?\n\nOnly the inventory changes: nothing is "
           "done on its nodes. Their arrays, volumes and exports stay as they are; nr1 just stops "
           "watching them. The previous inventory is kept as %2~.")
            .arg(pairName, document->path()),
        QMessageBox::Cancel, m_window);
    QPushButton* remove =
        box->addButton(tr("Remove %1").arg(pairName), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, remove, pairName, index, edited = *document](QAbstractButton* button) mutable {
                if (button != remove)
                    return;
                save(edited, edited.removePair(*index),
                     tr("Pair %1 removed from the inventory.").arg(pairName));
            });
    box->open();
    return box;
}

void InventoryEditor::chooseNewInventory(const QString& folder) {
    auto* chooser =
        new QFileDialog(m_window, tr("New inventory"), folder, tr("Inventory (*.yaml *.yml)"));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("yaml"));
    chooser->setOption(QFileDialog::DontConfirmOverwrite); // never written over: see below
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString& path) { createInventory(path); });
    chooser->open();
}

bool InventoryEditor::createInventory(const QString& path) {
    if (QFileInfo::exists(path)) {
        showMessage(m_window, QMessageBox::Warning, tr("Inventory not created"),
                    tr("%1 already exists; it is left as it is. Open it with File → Open "
                       "Inventory…, or choose another name.")
                        .arg(path));
        return false;
    }
    InventoryDocument document = InventoryDocument::createEmpty(path);
    if (const Result<void> saved = document.save(); !saved.ok()) {
        showMessage(m_window, QMessageBox::Critical, tr("Inventory not created"), saved.why());
        return false;
    }
    emit created(path);
    return true;
}

} // namespace nr1
