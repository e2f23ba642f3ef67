#include "ArrayCard.h"

#include "HealthStyle.h"
#include "SpeedChart.h"
#include "base/Sizes.h"
#include "monitor/MonitorText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace nr1 {

ArrayCard::ArrayCard(QWidget* parent)
    : QGroupBox(parent)
    , m_state(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_members(new QTableWidget(0, 5, this))
    , m_bitmap(new QLabel(this))
    , m_chart(new SpeedChart(this)) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_state);
    top->addWidget(m_detail, 1);
    layout->addLayout(top);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    layout->addWidget(m_progress);
    m_members->setHorizontalHeaderLabels(
        {tr("Device"), tr("Node"), tr("Element"), tr("Slot"), tr("Flags")});
    m_members->verticalHeader()->hide();
    m_members->horizontalHeader()->setStretchLastSection(true);
    m_members->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_members->setSelectionMode(QAbstractItemView::NoSelection);
    m_members->setFocusPolicy(Qt::NoFocus);
    m_members->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_members->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_members);
    m_bitmap->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_bitmap);
    layout->addWidget(m_chart);
}

void ArrayCard::show(const ArrayView& array, const std::deque<SyncSample>& history) {
    QString title = tr("%1 on the %2").arg(array.name, array.node);
    if (!array.level.isEmpty())
        title += QStringLiteral(" · ") + array.level;
    if (array.sizeKiB)
        title += QStringLiteral(" · ") + humanSize(*array.sizeKiB * 1024);
    if (!array.pattern.isEmpty())
        title += QStringLiteral(" · [%1]").arg(array.pattern);
    setTitle(title);
    m_state->setText(array.stale ? tr("%1 (last known)").arg(array.state) : array.state);
    m_state->setStyleSheet(healthChipStyle(array.health));
    m_state->setToolTip(array.stale ? tr("The node does not answer; this is what it showed last.")
                                    : tr("md array_state: %1").arg(array.arrayState));
    if (array.sync) {
        m_progress->setVisible(true);
        m_progress->setValue(int(array.sync->percent * 10));
        m_progress->setFormat(syncLine(*array.sync));
        QString detail;
        if (array.sync->measuredKiBps)
            detail = tr("measured %1 over the last seconds")
                         .arg(formatSpeed(*array.sync->measuredKiBps));
        m_detail->setText(detail);
    } else {
        m_progress->setVisible(false);
        m_detail->setText(
            array.waiting.isEmpty() ? QString() : tr("%1: due but not running").arg(array.waiting));
    }
    m_members->setRowCount(int(array.members.size()));
    for (int row = 0; row < int(array.members.size()); ++row) {
        const MemberView& member = array.members[size_t(row)];
        const QStringList badges = memberBadges(member);
        const QStringList cells{member.device, member.node,
                                member.role == MemberRole::Other ? tr("—")
                                                                 : memberRoleName(member.role),
                                member.slot ? QString::number(*member.slot) : tr("none"),
                                badges.isEmpty() ? (member.inSync ? tr("in sync") : QString())
                                                 : badges.join(QStringLiteral(", "))};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(
                tr("%1\nmd state: %2").arg(member.path, member.flags.join(QStringLiteral(","))));
            if (member.faulty)
                item->setForeground(healthTextColor(Health::Critical, palette()));
            m_members->setItem(row, column, item);
        }
    }
    m_members->resizeColumnsToContents();
    m_members->setFixedHeight(m_members->horizontalHeader()->height() +
                              m_members->rowHeight(0) * std::max(1, int(array.members.size())) +
                              2 * m_members->frameWidth());
    m_bitmap->setVisible(!array.bitmap.isEmpty());
    m_bitmap->setText(array.bitmap);
    m_chart->setSamples(history);
}

QString ArrayCard::stateText() const {
    return m_state->text();
}

QString ArrayCard::detailText() const {
    return m_detail->text();
}

QString ArrayCard::bitmapText() const {
    return m_bitmap->text();
}

} // namespace nr1
