#pragma once
// Contract: one pair in the monitoring pane: its overall health, each node's reachability (an
// unreachable node says so, with the reason, and its arrays are shown as last known), the
// replication session, who serves the LUN and holds the front-end address, when both legs were
// last in sync (while they are not), one ArrayCard per md array, the LIO exports built on it, and a
// raw view of each node's /proc/mdstat verbatim. show() updates the widgets in place from a
// snapshot.

#include "monitor/PairSnapshot.h"
#include "monitor/SyncHistory.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;
class QVBoxLayout;

namespace nr1 {

class ArrayCard;

class PairPanel : public QWidget {
    Q_OBJECT
public:
    explicit PairPanel(QWidget* parent = nullptr);
    void show(const PairSnapshot& snapshot, const SyncHistory& history);

    QString healthText() const;
    QString nodeText(NodeRole role) const;
    /// The style sheet of the node's line: its colour says how worrying it is.
    QString nodeStyle(NodeRole role) const;
    QString sessionText() const;
    QString servingText() const;
    QString inSyncText() const;
    /// The card of array "node/mdX", or nullptr.
    ArrayCard* card(const QString& arrayKey) const { return m_cards.value(arrayKey); }
    int cardCount() const { return int(m_cards.size()); }
    const QTreeWidget* exports() const { return m_exports; }
    QString rawMdstat(NodeRole role) const;
    QTabWidget* tabs() const { return m_tabs; }

private:
    QTabWidget* m_tabs;
    QLabel* m_health;
    QLabel* m_primary;
    QLabel* m_secondary;
    QLabel* m_session;
    QLabel* m_serving; ///< which node exports the LUN (both: split brain), where the address is
    QLabel* m_inSync;  ///< when both legs were last in sync, while they are not
    QVBoxLayout* m_cardLayout;
    QLabel* m_noArrays;
    QTreeWidget* m_exports;
    QPlainTextEdit* m_primaryMdstat;
    QPlainTextEdit* m_secondaryMdstat;
    QMap<QString, ArrayCard*> m_cards;
};

} // namespace nr1
