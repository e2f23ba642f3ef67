#pragma once
// Contract: one md array in the monitoring pane: where it runs, level and size, its state in
// words on the health's colour, a progress bar with percent, speed and time left while a
// resync/recovery/check/repair/reshape runs, the members (device, node, local or remote
// element, role slot, write-mostly/faulty/spare/rebuilding badges), the bitmap line and a
// chart of the sync speed. show() updates it in place.

#include "monitor/PairSnapshot.h"
#include "monitor/SyncHistory.h"

#include <QGroupBox>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace nr1 {

class SpeedChart;

class ArrayCard : public QGroupBox {
    Q_OBJECT
public:
    explicit ArrayCard(QWidget* parent = nullptr);
    void show(const ArrayView& array, const std::deque<SyncSample>& history);

    QString stateText() const;
    QString detailText() const;
    const QProgressBar* progress() const { return m_progress; }
    const QTableWidget* members() const { return m_members; }
    QString bitmapText() const;
    const SpeedChart* chart() const { return m_chart; }

private:
    QLabel* m_state;
    QLabel* m_detail;
    QProgressBar* m_progress;
    QTableWidget* m_members;
    QLabel* m_bitmap;
    SpeedChart* m_chart;
};

} // namespace nr1
