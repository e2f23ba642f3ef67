#include "MonitorPane.h"

#include "HealthStyle.h"
#include "PairPanel.h"
#include "monitor/PairMonitor.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

namespace {

constexpr int kMaxEvents = 1000;

} // namespace

MonitorPane::MonitorPane(QWidget* parent)
    : QWidget(parent)
    , m_pairs(new QTabWidget(this))
    , m_events(new QTreeWidget(this)) {
    m_events->setColumnCount(4);
    m_events->setHeaderLabels({tr("Time"), tr("Pair"), tr("Severity"), tr("Event")});
    m_events->setRootIsDecorated(false);
    m_events->setAlternatingRowColors(true);
    m_events->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_events->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_events->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto* splitter = m_splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_pairs);
    auto* eventsBox = new QWidget(splitter);
    auto* eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 4, 0, 0);
    eventsLayout->addWidget(new QLabel(tr("<b>Events</b>"), eventsBox));
    eventsLayout->addWidget(m_events);
    splitter->addWidget(eventsBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

PairPanel* MonitorPane::panelFor(const QString& pair) {
    PairPanel*& panel = m_panels[pair];
    if (!panel) {
        panel = new PairPanel(m_pairs);
        m_pairs->addTab(panel, healthDot(Health::Unknown), pair);
        // Laid out while empty (no inventory yet), the events took the room: give it back.
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        if (m_pairs->count() == 1 && total > 0 && sizes.value(0) < total * 3 / 5)
            m_splitter->setSizes({total * 4 / 5, total - total * 4 / 5});
    }
    return panel;
}

void MonitorPane::watch(PairMonitor* monitor) {
    panelFor(monitor->layout().name);
    connect(monitor, &PairMonitor::snapshotChanged, this,
            [this, monitor](const PairSnapshot& snapshot) {
                showSnapshot(snapshot, monitor->history());
            });
    connect(monitor, &PairMonitor::eventRaised, this, &MonitorPane::addEvent);
}

QString MonitorPane::currentPair() const {
    for (auto it = m_panels.begin(); it != m_panels.end(); ++it)
        if (it.value() == m_pairs->currentWidget())
            return it.key();
    return QString();
}

void MonitorPane::clear() {
    m_pairs->clear();
    qDeleteAll(m_panels);
    m_panels.clear();
    m_events->clear();
}

void MonitorPane::showSnapshot(const PairSnapshot& snapshot, const SyncHistory& history) {
    PairPanel* panel = panelFor(snapshot.pair);
    panel->show(snapshot, history);
    const int index = m_pairs->indexOf(panel);
    const Health health = snapshot.overallHealth();
    m_pairs->setTabIcon(index, healthDot(health));
    m_pairs->setTabToolTip(index, tr("%1: %2").arg(snapshot.pair, healthName(health)));
}

void MonitorPane::addEvent(const MonitorEvent& event) {
    auto* item = new QTreeWidgetItem(
        {event.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), event.pair,
         healthName(event.severity), event.text});
    item->setIcon(2, healthDot(event.severity));
    item->setToolTip(3, eventKindName(event.kind));
    m_events->insertTopLevelItem(0, item);
    while (m_events->topLevelItemCount() > kMaxEvents)
        delete m_events->takeTopLevelItem(m_events->topLevelItemCount() - 1);
    if (event.severity == Health::Critical)
        emit attention(event);
}

} // namespace nr1
