#include "InventoryView.h"

#include "HealthStyle.h"
#include "base/Sizes.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

namespace {

constexpr int kRoleData = Qt::UserRole;      ///< on a node: its NodeRole
constexpr int kGroupData = Qt::UserRole + 1; ///< on a group: its Group + 1
constexpr int kStateData = Qt::UserRole + 2; ///< on a node: its state in words

QString reach(const InventoryNode& node) {
    QString text = node.host;
    if (!node.user.isEmpty())
        text = node.user + QLatin1Char('@') + text;
    if (node.port)
        text += QStringLiteral(":%1").arg(*node.port);
    return text;
}

QString roleName(NodeRole role) {
    return role == NodeRole::Primary ? InventoryView::tr("Primary")
                                     : InventoryView::tr("Secondary");
}

QString roleKey(NodeRole role) {
    return role == NodeRole::Primary ? QStringLiteral("primary") : QStringLiteral("secondary");
}

void setNodeLook(QTreeWidgetItem* item, Health health, const QString& words) {
    item->setIcon(0, healthDot(health));
    item->setData(0, kStateData, words);
    item->setToolTip(0, InventoryView::tr("%1: %2").arg(item->text(0), words));
}

void addNode(QTreeWidgetItem* pair, NodeRole role, const InventoryNode& node) {
    auto* item = new QTreeWidgetItem(pair, {roleName(role), reach(node)});
    item->setData(0, kRoleData, int(role));
    item->setToolTip(1, node.identity.isEmpty()
                            ? InventoryView::tr("Key: ssh-agent or ~/.ssh/config")
                            : InventoryView::tr("Key: %1").arg(node.identity));
    setNodeLook(item, Health::Unknown, InventoryView::tr("not connected yet"));
    if (!node.replicationAddress.isEmpty())
        new QTreeWidgetItem(item,
                            {InventoryView::tr("replication address"), node.replicationAddress});
    if (!node.initiatorName.isEmpty())
        new QTreeWidgetItem(item, {InventoryView::tr("initiator name"), node.initiatorName});
    if (node.iscsiPort)
        new QTreeWidgetItem(item,
                            {InventoryView::tr("iSCSI port"), QString::number(*node.iscsiPort)});
    // Only that there is one: fence commands often carry a BMC password.
    if (!node.fenceCommand.isEmpty())
        new QTreeWidgetItem(item, {InventoryView::tr("fence command"), InventoryView::tr("set")});
}

QString groupName(InventoryView::Group group) {
    switch (group) {
    case InventoryView::Group::Arrays:
        return InventoryView::tr("arrays");
    case InventoryView::Group::Volumes:
        return InventoryView::tr("volumes");
    case InventoryView::Group::Exports:
        break;
    }
    return InventoryView::tr("exports");
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
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this] { emit selectedPairChanged(selectedPair()); });
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
    m_path = path;
    return true;
}

void InventoryView::show(const Inventory& inventory, const QString& source) {
    m_tree->clear();
    m_shown.clear();
    for (const InventoryPair& pair : inventory.pairs) {
        auto* item = new QTreeWidgetItem(m_tree, {pair.name});
        addNode(item, NodeRole::Primary, pair.primary);
        addNode(item, NodeRole::Secondary, pair.secondary);
    }
    m_tree->expandAll();
    m_status->setText(tr("%n pair(s) from %1", nullptr, int(inventory.pairs.size())).arg(source));
}

QString InventoryView::selectedPair() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    while (item && item->parent())
        item = item->parent();
    return item ? item->text(0) : QString();
}

QTreeWidgetItem* InventoryView::nodeItem(const QString& pair, NodeRole role) const {
    for (int index = 0; index < m_tree->topLevelItemCount(); ++index) {
        QTreeWidgetItem* item = m_tree->topLevelItem(index);
        if (item->text(0) == pair && item->childCount() >= 2)
            return item->child(role == NodeRole::Primary ? 0 : 1);
    }
    return nullptr;
}

QString InventoryView::nodeStateText(const QString& pair, NodeRole role) const {
    const QTreeWidgetItem* item = nodeItem(pair, role);
    return item ? item->data(0, kStateData).toString() : QString();
}

QTreeWidgetItem* InventoryView::groupItem(const QString& pair, NodeRole role, Group group) const {
    QTreeWidgetItem* node = nodeItem(pair, role);
    for (int index = 0; node && index < node->childCount(); ++index)
        if (node->child(index)->data(0, kGroupData).toInt() == int(group) + 1)
            return node->child(index);
    return nullptr;
}

void InventoryView::setNodeState(const QString& pair, NodeRole role, ConnectionState state,
                                 const QString& detail) {
    QTreeWidgetItem* item = nodeItem(pair, role);
    if (!item)
        return;
    Health health = Health::Unknown;
    QString words;
    switch (state) {
    case ConnectionState::Disconnected:
        words = tr("not connected");
        break;
    case ConnectionState::Connecting:
        health = Health::Working;
        words = tr("connecting");
        break;
    case ConnectionState::AwaitingTrust:
        health = Health::Warning;
        words = tr("waiting for its host key to be accepted");
        break;
    case ConnectionState::Authenticating:
        health = Health::Working;
        words = tr("logging in");
        break;
    case ConnectionState::AwaitingSecret:
        health = Health::Warning;
        words = tr("waiting for a passphrase or password");
        break;
    case ConnectionState::Ready:
        health = Health::Ok;
        words = tr("connected");
        break;
    case ConnectionState::BackingOff:
        health = Health::Critical;
        words = detail.isEmpty() ? tr("failing") : tr("failing: %1").arg(detail);
        break;
    }
    if (!detail.isEmpty() && state != ConnectionState::BackingOff)
        words = tr("%1 (%2)").arg(words, detail);
    setNodeLook(item, health, words);
}

void InventoryView::showSnapshot(const PairSnapshot& snapshot) {
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const NodeView& node = role == NodeRole::Primary ? snapshot.primary : snapshot.secondary;
        if (!node.answered)
            continue; // nothing known yet: no "none"
        QList<QStringList> arrays;
        QList<Health> health;
        for (const ArrayView& array : snapshot.arrays) {
            if (array.node != roleKey(role))
                continue;
            QStringList facts;
            if (!array.level.isEmpty())
                facts << array.level.toUpper();
            facts << array.state;
            if (array.sizeKiB)
                facts << humanSize(*array.sizeKiB * 1024);
            QString text = facts.join(QStringLiteral(", "));
            if (array.stale)
                text = tr("%1 (last known)").arg(text);
            QString tip = array.isPairArray ? tr("The pair's mirror") : tr("An md array");
            if (!array.pattern.isEmpty())
                tip += QStringLiteral(" [%1]").arg(array.pattern);
            arrays << QStringList{array.name, text, tip};
            health << array.health;
        }
        fillGroup(snapshot.pair, role, Group::Arrays, arrays, health);
        QList<QStringList> exports;
        for (const ExportView& exported : snapshot.exports) {
            if (exported.node != roleKey(role))
                continue;
            QString tip = tr("Portals: %1").arg(exported.portals.join(QStringLiteral(", ")));
            if (!exported.initiators.isEmpty())
                tip += QLatin1Char('\n') +
                       tr("Initiators: %1").arg(exported.initiators.join(QStringLiteral(", ")));
            if (!exported.backstores.isEmpty())
                tip += QLatin1Char('\n') +
                       tr("Backstores: %1").arg(exported.backstores.join(QStringLiteral(", ")));
            exports << QStringList{exported.isReplication ? tr("element") : tr("LUN"),
                                   exported.enabled ? exported.targetIqn
                                                    : tr("%1 (disabled)").arg(exported.targetIqn),
                                   tip};
        }
        fillGroup(snapshot.pair, role, Group::Exports, exports);
    }
}

void InventoryView::showVolumes(const QString& pair, NodeRole role,
                                const std::vector<LogicalVolume>& volumes) {
    QList<QStringList> rows;
    for (const LogicalVolume& volume : volumes)
        rows << QStringList{volume.fullName(),
                            volume.sizeBytes ? humanSize(*volume.sizeBytes) : QString(),
                            tr("%1, attributes %2").arg(volume.path, volume.attr)};
    fillGroup(pair, role, Group::Volumes, rows);
}

void InventoryView::fillGroup(const QString& pair, NodeRole role, Group group,
                              const QList<QStringList>& rows, const QList<Health>& health) {
    QTreeWidgetItem* node = nodeItem(pair, role);
    if (!node)
        return;
    const QString key = QStringLiteral("%1/%2/%3").arg(pair, roleKey(role)).arg(int(group));
    QList<QStringList> shown = rows;
    for (Health level : health)
        shown << QStringList{healthName(level)};
    if (m_shown.contains(key) && m_shown.value(key) == shown)
        return;
    m_shown.insert(key, shown);
    QTreeWidgetItem* item = groupItem(pair, role, group);
    if (!item) {
        int at = node->childCount();
        for (int index = 0; index < node->childCount(); ++index)
            if (node->child(index)->data(0, kGroupData).toInt() > int(group) + 1) {
                at = index;
                break;
            }
        item = new QTreeWidgetItem({groupName(group)});
        item->setData(0, kGroupData, int(group) + 1);
        node->insertChild(at, item);
    }
    qDeleteAll(item->takeChildren());
    item->setText(1, rows.isEmpty() ? tr("none") : QString::number(rows.size()));
    for (qsizetype index = 0; index < rows.size(); ++index) {
        const QStringList& row = rows.at(index);
        auto* child = new QTreeWidgetItem(item, {row.value(0), row.value(1)});
        child->setToolTip(0, row.value(2));
        child->setToolTip(1, row.value(2));
        if (index < health.size()) {
            child->setIcon(0, healthDot(health.at(index)));
            child->setForeground(1, healthTextColor(health.at(index), palette()));
        }
    }
}

} // namespace nr1
