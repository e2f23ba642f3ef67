#include "InventoryView.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

namespace {

QString reach(const InventoryNode& node) {
    QString text = node.host;
    if (!node.user.isEmpty())
        text = node.user + QLatin1Char('@') + text;
    if (node.port)
        text += QStringLiteral(":%1").arg(*node.port);
    return text;
}

void addNode(QTreeWidgetItem* pair, const QString& role, const InventoryNode& node) {
    auto* item = new QTreeWidgetItem(pair, {role, reach(node)});
    item->setToolTip(1, node.identity.isEmpty() ? QObject::tr("Key: ssh-agent or ~/.ssh/config")
                                                : QObject::tr("Key: %1").arg(node.identity));
    if (!node.replicationAddress.isEmpty())
        new QTreeWidgetItem(item, {QObject::tr("replication address"), node.replicationAddress});
    if (!node.initiatorName.isEmpty())
        new QTreeWidgetItem(item, {QObject::tr("initiator name"), node.initiatorName});
    if (node.iscsiPort)
        new QTreeWidgetItem(item, {QObject::tr("iSCSI port"), QString::number(*node.iscsiPort)});
}

} // namespace

InventoryView::InventoryView(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(tr("No inventory loaded."), this)) {
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Pair / node"), tr("Reached as")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);
}

QString InventoryView::statusText() const {
    return m_status->text();
}

bool InventoryView::load(const QString& path) {
    const auto result = loadInventory(path);
    if (!result.ok()) {
        m_status->setText(tr("Cannot use the inventory: %1").arg(result.error().toString()));
        return false;
    }
    show(result.value(), path);
    return true;
}

void InventoryView::show(const Inventory& inventory, const QString& source) {
    m_tree->clear();
    for (const InventoryPair& pair : inventory.pairs) {
        auto* item = new QTreeWidgetItem(m_tree, {pair.name});
        addNode(item, tr("Primary"), pair.primary);
        addNode(item, tr("Secondary"), pair.secondary);
    }
    m_tree->expandAll();
    m_status->setText(tr("%n pair(s) from %1", nullptr, int(inventory.pairs.size())).arg(source));
}

} // namespace nr1
