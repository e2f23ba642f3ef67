#pragma once
// Contract: the console's central monitoring view: one tab per pair (a PairPanel, the tab
// marked with the pair's health) above the event list (newest first, at most 1000 kept, each
// with time, pair, severity and sentence). watch() connects a PairMonitor: its snapshots update
// the pair's panel, its events go to the list, and critical ones are also re-emitted as
// attention() (for a desktop notification). Nothing here talks to a node.

#include "monitor/MonitorEvents.h"
#include "monitor/PairSnapshot.h"
#include "monitor/SyncHistory.h"

#include <QMap>
#include <QWidget>

class QSplitter;
class QTabWidget;
class QTreeWidget;

namespace nr1 {

class PairMonitor;
class PairPanel;

class MonitorPane : public QWidget {
    Q_OBJECT
public:
    explicit MonitorPane(QWidget* parent = nullptr);

    void watch(PairMonitor* monitor);
    /// Removes every pair (a new inventory was opened).
    void clear();
    void showSnapshot(const PairSnapshot& snapshot, const SyncHistory& history);
    void addEvent(const MonitorEvent& event);

    PairPanel* panel(const QString& pair) const { return m_panels.value(pair); }
    /// The pair whose tab is shown; empty when there is none.
    QString currentPair() const;
    const QTreeWidget* events() const { return m_events; }
    const QTabWidget* pairTabs() const { return m_pairs; }

signals:
    void attention(const nr1::MonitorEvent& event);

private:
    PairPanel* panelFor(const QString& pair);

    QTabWidget* m_pairs;
    QSplitter* m_splitter;
    QTreeWidget* m_events;
    QMap<QString, PairPanel*> m_panels;
};

} // namespace nr1
