#include "PairPanel.h"

#include "ArrayCard.h"
#include "HealthStyle.h"
#include "monitor/MonitorText.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

namespace {

QPlainTextEdit* rawView(QWidget* parent) {
    auto* view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

} // namespace

PairPanel::PairPanel(QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_health(new QLabel(this))
    , m_primary(new QLabel(this))
    , m_secondary(new QLabel(this))
    , m_session(new QLabel(this))
    , m_serving(new QLabel(this))
    , m_inSync(new QLabel(this))
    , m_cardLayout(new QVBoxLayout)
    , m_noArrays(new QLabel(tr("No md array on either node."), this))
    , m_exports(new QTreeWidget(this))
    , m_primaryMdstat(rawView(this))
    , m_secondaryMdstat(rawView(this)) {
    auto* overview = new QWidget;
    auto* layout = new QVBoxLayout(overview);
    auto* header = new QHBoxLayout;
    header->addWidget(m_health);
    auto* nodes = new QVBoxLayout;
    nodes->addWidget(m_primary);
    nodes->addWidget(m_secondary);
    header->addLayout(nodes, 1);
    layout->addLayout(header);
    for (QLabel* label : {m_primary, m_secondary, m_session, m_serving, m_inSync}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
    }
    layout->addWidget(m_session);
    layout->addWidget(m_serving);
    layout->addWidget(m_inSync);
    layout->addWidget(m_noArrays);
    layout->addLayout(m_cardLayout);
    m_exports->setColumnCount(2);
    m_exports->setHeaderLabels({tr("Export"), tr("Details")});
    m_exports->setRootIsDecorated(true);
    m_exports->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_exports->setMinimumHeight(110);
    layout->addWidget(new QLabel(tr("<b>Exports</b>"), overview));
    layout->addWidget(m_exports);
    layout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidget(overview);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, tr("Overview"));
    m_tabs->addTab(m_primaryMdstat, tr("mdstat: Primary"));
    m_tabs->addTab(m_secondaryMdstat, tr("mdstat: Secondary"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_tabs);
}

void PairPanel::show(const PairSnapshot& snapshot, const SyncHistory& history) {
    const Health health = snapshot.overallHealth();
    m_health->setText(tr("%1: %2").arg(snapshot.pair, healthName(health)));
    m_health->setStyleSheet(healthChipStyle(health));
    m_primary->setText(nodeLine(snapshot.primary));
    m_secondary->setText(nodeLine(snapshot.secondary));
    for (const auto& [label, node] :
         {std::pair{m_primary, &snapshot.primary}, std::pair{m_secondary, &snapshot.secondary}})
        // A fenced node is expected to be down: a warning until it rejoins, not an alarm.
        label->setStyleSheet(!node->reachable && !node->fence
                                 ? healthTextStyle(Health::Critical, palette())
                             : node->awaitsRepair() ? healthTextStyle(Health::Warning, palette())
                                                    : QString());
    const SessionView& session = snapshot.replication;
    if (!snapshot.primary.answered)
        m_session->setText(tr("Replication session: not known yet"));
    else if (!session.present)
        m_session->setText(
            tr("Replication session to %1 (%2): none").arg(session.portal, session.targetIqn));
    else
        m_session->setText(
            tr("Replication session to %1 (%2): %3%4")
                .arg(session.portal, session.targetIqn,
                     session.loggedIn ? tr("logged in")
                                      : tr("%1, %2").arg(session.state, session.connection),
                     session.disk.isEmpty() ? QString()
                                            : tr(", imported as %1").arg(session.disk)));
    m_session->setStyleSheet(snapshot.primary.answered && !session.loggedIn
                                 ? healthTextStyle(Health::Critical, palette())
                                 : QString());
    m_serving->setVisible(snapshot.primary.answered || snapshot.secondary.answered);
    m_serving->setText(servingLine(snapshot) + QLatin1Char('.'));
    m_serving->setStyleSheet(snapshot.splitBrain() ? healthTextStyle(Health::Critical, palette())
                             : snapshot.addressAstray()
                                 ? healthTextStyle(Health::Warning, palette())
                                 : QString());
    const QString inSync = inSyncLine(snapshot);
    m_inSync->setVisible(!inSync.isEmpty());
    m_inSync->setText(inSync.isEmpty() ? QString()
                                       : inSync.at(0).toUpper() + inSync.mid(1) + QLatin1Char('.'));

    // Cards: kept per array key, created and removed as arrays come and go.
    QStringList keys;
    for (const ArrayView& array : snapshot.arrays)
        keys << array.key();
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (keys.contains(it.key())) {
            ++it;
        } else {
            delete it.value();
            it = m_cards.erase(it);
        }
    }
    for (const ArrayView& array : snapshot.arrays) {
        ArrayCard*& card = m_cards[array.key()];
        if (!card) {
            card = new ArrayCard(this);
            m_cardLayout->addWidget(card);
        }
        card->show(array, history.samples(array.key()));
    }
    m_noArrays->setVisible(snapshot.arrays.empty() && snapshot.primary.answered);

    m_exports->clear();
    for (const ExportView& exported : snapshot.exports) {
        auto* item = new QTreeWidgetItem(
            m_exports,
            {exported.targetIqn,
             tr("%1 · %2%3")
                 .arg(exported.node,
                      exported.isReplication ? tr("the Secondary's element") : tr("front-end LUN"),
                      exported.enabled ? QString() : tr(" · disabled"))});
        for (const QString& backstore : exported.backstores)
            new QTreeWidgetItem(item, {tr("LUN"), backstore});
        for (const QString& portal : exported.portals)
            new QTreeWidgetItem(item, {tr("portal"), portal});
        for (const QString& initiator : exported.initiators)
            new QTreeWidgetItem(item, {tr("initiator"), initiator});
        item->setExpanded(true);
    }
    if (m_primaryMdstat->toPlainText() != snapshot.primary.mdstat)
        m_primaryMdstat->setPlainText(snapshot.primary.mdstat);
    if (m_secondaryMdstat->toPlainText() != snapshot.secondary.mdstat)
        m_secondaryMdstat->setPlainText(snapshot.secondary.mdstat);
}

QString PairPanel::healthText() const {
    return m_health->text();
}

QString PairPanel::nodeText(NodeRole role) const {
    return (role == NodeRole::Primary ? m_primary : m_secondary)->text();
}

QString PairPanel::nodeStyle(NodeRole role) const {
    return (role == NodeRole::Primary ? m_primary : m_secondary)->styleSheet();
}

QString PairPanel::servingText() const {
    return m_serving->text();
}

QString PairPanel::inSyncText() const {
    return m_inSync->isHidden() ? QString() : m_inSync->text();
}

QString PairPanel::sessionText() const {
    return m_session->text();
}

QString PairPanel::rawMdstat(NodeRole role) const {
    return (role == NodeRole::Primary ? m_primaryMdstat : m_secondaryMdstat)->toPlainText();
}

} // namespace nr1
