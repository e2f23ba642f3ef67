#pragma once
// Contract: shows an inventory read-only as a tree: pairs, then each pair's Primary and
// Secondary with how nr1 reaches them (user@host:port), the replication address, the iSCSI
// initiator name and port, and the node's connection state as a coloured dot (not connected,
// connecting or waiting for an answer of the operator, connected, failing) with the state and
// its reason in the tooltip. Under each node, once the monitor read it: its md arrays (level,
// state, size, coloured by health), its logical volumes and its iSCSI exports. Loading a file
// that does not parse shows the error (file, line, field) and keeps what was shown before.
// Editing the inventory is the pair editor's job (PairEditDialog); the view only tells which
// pair is selected.

#include "inventory/Inventory.h"
#include "model/Lvm.h"
#include "model/Pair.h"
#include "monitor/PairSnapshot.h"
#include "transport/ConnectionState.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace nr1 {

class InventoryView : public QWidget {
    Q_OBJECT
public:
    /// The groups shown under a node once the monitor read it.
    enum class Group { Arrays, Volumes, Exports };

    explicit InventoryView(QWidget* parent = nullptr);

    /// Reads `path`; returns false and shows why when it cannot be read or parsed.
    bool load(const QString& path);
    void show(const Inventory& inventory, const QString& source);
    /// The file shown last (empty before the first successful load()).
    QString path() const { return m_path; }

    const QTreeWidget* tree() const { return m_tree; }
    QString statusText() const;
    /// The pair whose row (or a row below it) is selected; empty when none is.
    QString selectedPair() const;
    /// The tree item of a node; nullptr for an unknown pair.
    QTreeWidgetItem* nodeItem(const QString& pair, NodeRole role) const;
    /// The node's connection state in words ("connected", "failing: …").
    QString nodeStateText(const QString& pair, NodeRole role) const;
    /// The group under a node; nullptr until the monitor filled it.
    QTreeWidgetItem* groupItem(const QString& pair, NodeRole role, Group group) const;

public slots:
    /// A node's connection changed (InventorySession::connectionStateChanged).
    void setNodeState(const QString& pair, nr1::NodeRole role, nr1::ConnectionState state,
                      const QString& detail);
    /// Each node's arrays and exports from the pair's latest snapshot.
    void showSnapshot(const nr1::PairSnapshot& snapshot);
    /// A node's logical volumes from its latest full probe.
    void showVolumes(const QString& pair, nr1::NodeRole role,
                     const std::vector<nr1::LogicalVolume>& volumes);

signals:
    void selectedPairChanged(const QString& pair);

private:
    /// Replaces the rows of a group under a node (created on first use), each row
    /// {name, text, tooltip}; a group without rows says "none".
    void fillGroup(const QString& pair, NodeRole role, Group group, const QList<QStringList>& rows,
                   const QList<Health>& health = {});

    QTreeWidget* m_tree;
    QLabel* m_status;
    QString m_path;
    /// What a group shows, to leave the tree alone when nothing changed.
    QMap<QString, QList<QStringList>> m_shown;
};

} // namespace nr1
