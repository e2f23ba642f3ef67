#pragma once
// Contract: shows an inventory read-only as a tree: pairs, then each pair's Primary and
// Secondary with how nr1 reaches them (user@host:port), the replication address and the iSCSI
// initiator name. Loading a file that does not parse shows the error (file, line, field) and
// keeps what was shown before. Editing the inventory is the inventory editor's job.

#include "inventory/Inventory.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace nr1 {

class InventoryView : public QWidget {
    Q_OBJECT
public:
    explicit InventoryView(QWidget* parent = nullptr);

    /// Reads `path`; returns false and shows why when it cannot be read or parsed.
    bool load(const QString& path);
    void show(const Inventory& inventory, const QString& source);

    const QTreeWidget* tree() const { return m_tree; }
    QString statusText() const;

private:
    QTreeWidget* m_tree;
    QLabel* m_status;
};

} // namespace nr1
