#pragma once
// Contract: a small chart of an array's sync speed over time, drawn from the monitor's bounded
// SyncHistory samples (the newest at the right edge, the time span along the bottom, the
// highest speed shown as the scale). Paints only; keeps a copy of the samples it was given.

#include "monitor/SyncHistory.h"

#include <QWidget>
#include <deque>

namespace nr1 {

class SpeedChart : public QWidget {
    Q_OBJECT
public:
    explicit SpeedChart(QWidget* parent = nullptr);
    void setSamples(const std::deque<SyncSample>& samples);
    const std::deque<SyncSample>& samples() const { return m_samples; }
    QSize sizeHint() const override { return {320, 70}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::deque<SyncSample> m_samples;
};

} // namespace nr1
