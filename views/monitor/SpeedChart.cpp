#include "SpeedChart.h"

#include "HealthStyle.h"
#include "monitor/MonitorText.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace nr1 {

SpeedChart::SpeedChart(QWidget* parent)
    : QWidget(parent) {
    setMinimumHeight(60);
    setToolTip(tr("Sync speed over the last minutes"));
}

void SpeedChart::setSamples(const std::deque<SyncSample>& samples) {
    m_samples = samples;
    update();
}

void SpeedChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(frame);
    const QRectF plot = frame.adjusted(4, 16, -4, -4);
    qint64 top = 0;
    for (const SyncSample& sample : m_samples)
        top = std::max(top, sample.speedKiBps);
    painter.setPen(palette().color(QPalette::Text));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    if (m_samples.size() < 2 || top == 0) {
        painter.drawText(frame.adjusted(6, 2, -6, -2), Qt::AlignLeft | Qt::AlignTop,
                         tr("sync speed: no sync seen yet"));
        return;
    }
    const qint64 first = m_samples.front().msSinceStart;
    const qint64 span = std::max<qint64>(1, m_samples.back().msSinceStart - first);
    painter.drawText(frame.adjusted(6, 2, -6, -2), Qt::AlignLeft | Qt::AlignTop,
                     tr("sync speed, peak %1").arg(formatSpeed(top)));
    painter.drawText(frame.adjusted(6, 2, -6, -2), Qt::AlignRight | Qt::AlignTop,
                     tr("last %1").arg(formatDuration(span / 1000)));
    QPainterPath line;
    for (size_t i = 0; i < m_samples.size(); ++i) {
        const SyncSample& sample = m_samples[i];
        const QPointF point(
            plot.left() + plot.width() * double(sample.msSinceStart - first) / double(span),
            plot.bottom() - plot.height() * double(sample.speedKiBps) / double(top));
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    painter.setPen(QPen(healthTextColor(Health::Working, palette()), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);
}

} // namespace nr1
