#include "GrowDialog.h"

#include "HealthStyle.h"
#include "PlanRunView.h"
#include "SizeChoice.h"
#include "plan/Planners.h"
#include "session/PairRead.h"
#include "session/PairSession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <array>

namespace nr1 {

namespace {

constexpr qint64 MiB = qint64(1) << 20;
constexpr qint64 GiB = qint64(1) << 30;

/// humanSize, but whole MiB where it would round ("1278 MiB", not "1.25 GiB"): the layers
/// differ by a few MiB and the table must show it.
QString layerSize(qint64 bytes) {
    const QString human = humanSize(bytes);
    if (human.contains(QLatin1Char('.')) && bytes % MiB == 0 && bytes < 64 * GiB)
        return QObject::tr("%1 MiB").arg(bytes / MiB);
    return human;
}

using LayerRows = std::array<std::optional<qint64>, GrowDialog::LayerCount>;

/// The sizes in the order of the table's rows (GrowDialog::Layer).
LayerRows rowsOf(const LayerSizes& sizes) {
    return {sizes.primaryElement,  sizes.secondaryElement, sizes.array, sizes.physicalVolume,
            sizes.volumeGroupFree, sizes.volume,           sizes.lun,   sizes.primaryGive,
            sizes.secondaryGive};
}

QString sizeText(const std::optional<qint64>& bytes) {
    return bytes ? layerSize(*bytes) : QObject::tr("—");
}

} // namespace

GrowDialog::GrowDialog(PairSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_intent(defaultIntent(session.pair()))
    , m_read(session.newRead(this))
    , m_pages(new QStackedWidget(this))
    , m_nodes(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_layers(new QTableWidget(LayerCount, 3, this))
    , m_roomLabel(new QLabel(this))
    , m_growth(new SizeChoice({.maximum = tr("As &much as possible"),
                               .sized = tr("&Grow by:"),
                               .what = tr("a growth"),
                               .placeholder = tr("e.g. 256M, 1G, 1.5G")},
                              this))
    , m_problem(new QLabel(this))
    , m_planPage(new QWidget(this))
    , m_followUp(new QLabel(this))
    , m_back(new QPushButton(tr("< &Back"), this))
    , m_preview(new QPushButton(tr("&Preview…"), this))
    , m_close(new QPushButton(tr("&Close"), this)) {
    setWindowTitle(tr("Grow the volume of pair %1").arg(session.name()));

    // Page 1: both nodes.
    auto* nodesPage = new QWidget(this);
    auto* nodesLayout = new QVBoxLayout(nodesPage);
    m_nodes->setWordWrap(true);
    m_nodes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nodes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    nodesLayout->addWidget(m_nodes, 1);
    nodesLayout->addWidget(m_retry, 0, Qt::AlignLeft);
    m_retry->setToolTip(tr("Read both nodes again"));
    m_retry->setEnabled(false);
    connect(m_retry, &QPushButton::clicked, this, &GrowDialog::readNodes);

    // Page 2: the layers now and after, and the growth.
    auto* growthPage = new QWidget(this);
    auto* growthLayout = new QVBoxLayout(growthPage);
    m_layers->setHorizontalHeaderLabels({tr("Layer"), tr("Now"), tr("After")});
    m_layers->horizontalHeaderItem(After)->setToolTip(
        tr("Both elements and what the nodes still give are exact; md, the PV, the volume and "
           "the LUN (≈) keep today's overheads (md's superblock and bitmap, LVM's metadata)."));
    m_layers->verticalHeader()->hide();
    m_layers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_layers->setSelectionMode(QAbstractItemView::NoSelection);
    m_layers->horizontalHeader()->setSectionResizeMode(LayerName, QHeaderView::Stretch);
    m_layers->horizontalHeader()->setSectionResizeMode(Now, QHeaderView::ResizeToContents);
    m_layers->horizontalHeader()->setSectionResizeMode(After, QHeaderView::ResizeToContents);
    for (int row = 0; row < LayerCount; ++row)
        for (int column = 0; column < 3; ++column)
            m_layers->setItem(row, column, new QTableWidgetItem);
    growthLayout->addWidget(m_layers, 1);
    m_roomLabel->setWordWrap(true);
    growthLayout->addWidget(m_roomLabel);
    m_growth->sizeEdit()->setToolTip(tr("Both elements grow by this, rounded up to whole LVM "
                                        "extents; units are powers of 1024 (K, M, G, T)"));
    m_growth->maximumChoice()->setToolTip(
        tr("Grow both elements as far as the node with less free space allows"));
    m_growth->clear(); // nothing given yet: the administrator says how much
    growthLayout->addWidget(m_growth);
    m_problem->setWordWrap(true);
    growthLayout->addWidget(m_problem);
    connect(m_growth, &SizeChoice::changed, this, &GrowDialog::updateChoice);

    // Page 3: the plan (its PlanRunView is made by showPlan()) and what to watch afterwards.
    auto* planLayout = new QVBoxLayout(m_planPage);
    planLayout->setContentsMargins(0, 0, 0, 0);
    m_followUp->setWordWrap(true);
    m_followUp->hide();
    planLayout->addWidget(m_followUp);

    m_pages->addWidget(nodesPage);
    m_pages->addWidget(growthPage);
    m_pages->addWidget(m_planPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_preview);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    m_back->setToolTip(tr("Back to the growth (after a run: read both nodes again first)"));
    m_preview->setToolTip(tr("Show the plan: every command on each node, before anything runs"));
    m_preview->setDefault(true);
    connect(m_back, &QPushButton::clicked, this, &GrowDialog::back);
    connect(m_preview, &QPushButton::clicked, this, &GrowDialog::showPlan);
    connect(m_close, &QPushButton::clicked, this, &GrowDialog::reject);

    connect(m_read, &PairRead::nodeAnswered, this, &GrowDialog::showNodes);
    connect(m_read, &PairRead::ticked, this, &GrowDialog::showNodes);
    connect(m_read, &PairRead::becameOverdue, this, [this] {
        m_retry->setEnabled(true);
        showNodes();
    });
    connect(m_read, &PairRead::finished, this, &GrowDialog::bothAnswered);
    m_nodes->setText(tr("Reading both nodes…"));
    m_back->hide();
    m_preview->hide();
    resize(900, 640);
    QTimer::singleShot(0, this, &GrowDialog::readNodes);
}

GrowDialog::~GrowDialog() = default;

GrowDialog::Page GrowDialog::page() const {
    return Page(m_pages->currentIndex());
}

void GrowDialog::setAnswerPatience(std::chrono::milliseconds patience) {
    m_read->setPatience(patience);
}

bool GrowDialog::reading() const {
    return m_read->reading();
}

void GrowDialog::readNodes() {
    if (m_runView && m_runView->busy())
        return;
    m_state.reset();
    m_room.reset();
    m_plan.reset();
    m_refusals.clear();
    delete m_runView;
    m_runView = nullptr;
    m_followUp->clear();
    m_followUp->hide();
    m_retry->setEnabled(false);
    m_pages->setCurrentIndex(int(Page::Nodes));
    m_back->hide();
    m_preview->hide();
    m_read->start(); // an unanswered earlier read is abandoned: its answer would come too late
    showNodes();
}

void GrowDialog::bothAnswered(bool usable) {
    m_retry->setEnabled(true);
    if (usable) {
        const PairProbe& probe = m_read->probe();
        m_intent = m_session.intent(probe);
        m_state = probe.pairState(m_intent.layout);
        m_room = GrowthRoom::of(*m_state, m_intent);
        showGrowthPage();
    }
    showNodes();
    emit nodesRead(usable);
}

QString GrowDialog::nodesText() const {
    return m_nodes->text();
}

void GrowDialog::showNodes() {
    QString heading;
    if (m_read->reading())
        heading = tr("Reading both nodes…");
    else if (m_state)
        heading = tr("Both nodes answered.");
    else
        heading = tr("nr1 grows the pair only from what both nodes say: fix what is said below "
                     "and retry.");
    m_nodes->setText(heading + QLatin1Char('\n') + m_read->nodeLine(NodeRole::Primary) +
                     QLatin1Char('\n') + m_read->nodeLine(NodeRole::Secondary));
}

void GrowDialog::showGrowthPage() {
    const PairLayout& layout = m_intent.layout;
    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    const QString names[LayerCount] = {
        tr("Primary element %1").arg(layout.primaryElement.devicePath()),
        tr("Secondary element %1").arg(layout.secondaryElement.devicePath()),
        tr("md array %1 (RAID1)").arg(layout.mdDevice),
        tr("LVM physical volume on %1").arg(layout.mdDevice),
        tr("Free in volume group %1").arg(frontEnd.volume.vg),
        tr("Volume %1").arg(frontEnd.volume.devicePath()),
        tr("LUN (backstore %1)").arg(m_intent.frontEndExport.backstorePath()),
        tr("The Primary can still give (free in %1)").arg(layout.primaryElement.vg),
        tr("The Secondary can still give (free in %1)").arg(layout.secondaryElement.vg),
    };
    const LayerSizes& now = m_room->now();
    const LayerRows nowSizes = rowsOf(now);
    for (int row = 0; row < LayerCount; ++row) {
        setCell(Layer(row), LayerName, names[row]);
        setCell(Layer(row), Now, sizeText(nowSizes[size_t(row)]));
        m_layers->item(row, Now)->setToolTip(nowSizes[size_t(row)]
                                                 ? tr("%1 bytes").arg(*nowSizes[size_t(row)])
                                                 : tr("not there on the node"));
    }
    m_roomLabel->setText(
        tr("Each node can still give: the Primary %1 (free in %2), the Secondary %3 (free in "
           "%4). Together they allow growing by up to %5 (whole extents of %6).")
            .arg(sizeText(now.primaryGive), layout.primaryElement.vg, sizeText(now.secondaryGive),
                 layout.secondaryElement.vg, layerSize(m_room->maxGrowthBytes()),
                 humanSize(m_room->extentBytes())));
    m_pages->setCurrentIndex(int(Page::Growth));
    m_back->hide();
    m_preview->show();
    updateChoice();
}

void GrowDialog::setCell(Layer layer, Column column, const QString& text, bool estimated) {
    QTableWidgetItem* item = m_layers->item(layer, column);
    item->setText(estimated ? QStringLiteral("≈ ") + text : text);
    if (column != LayerName)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

QString GrowDialog::layerText(Layer layer, Column column) const {
    return m_layers->item(layer, column)->text();
}

QString GrowDialog::roomText() const {
    return m_roomLabel->text();
}

void GrowDialog::setGrowth(const SizeRequest& growth) {
    m_growth->setValue(growth); // `changed`: updateChoice()
}

SizeRequest GrowDialog::growth() const {
    const auto choice = m_growth->value();
    return choice.ok() ? choice.value() : SizeRequest::ofBytes(0);
}

void GrowDialog::updateChoice() {
    if (!m_state || !m_room)
        return;
    const auto choice = m_growth->value();
    const bool given = choice.ok();
    const SizeRequest growth = this->growth();
    m_plan.reset();
    if (given) {
        const PlanResult result = planGrow(*m_state, m_intent, growth);
        m_plan = result.optional();
        m_refusals = result.reasons();
    } else {
        // What stands in the way of any growth, before one is given.
        m_refusals = planGrow(*m_state, m_intent, SizeRequest::maximum()).reasons();
    }
    const bool projected = given && m_room->fits(growth);
    const LayerRows afterSizes = rowsOf(m_room->after(growth));
    const LayerRows nowSizes = rowsOf(m_room->now());
    for (int row = 0; row < LayerCount; ++row) {
        const bool estimated = row == Array || row == PhysicalVolume || row == Volume || row == Lun;
        const bool known = projected && afterSizes[size_t(row)].has_value();
        setCell(Layer(row), After, known ? layerSize(*afterSizes[size_t(row)]) : QString(),
                known && estimated);
        m_layers->item(row, After)
            ->setToolTip(known ? tr("%1 bytes").arg(*afterSizes[size_t(row)]) : QString());
        QFont font = m_layers->font();
        font.setBold(known && afterSizes[size_t(row)] != nowSizes[size_t(row)]);
        m_layers->item(row, After)->setFont(font);
    }
    if (!m_refusals.isEmpty()) {
        m_problem->setText(tr("nr1 will not grow the pair now:\n• %1")
                               .arg(m_refusals.join(QStringLiteral("\n• "))));
        m_problem->setStyleSheet(healthTextStyle(Health::Critical, palette()));
    } else {
        m_problem->setStyleSheet(QString());
        if (!given) // the size widget's sentence: nothing typed, or not a size
            m_problem->setText(choice.why());
        else
            m_problem->setText(tr("Both elements grow to %1 in a plan of %n step(s); Preview "
                                  "shows every command before anything runs.",
                                  nullptr, int(m_plan->actions.size()))
                                   .arg(layerSize(m_room->targetFor(growth))));
    }
    m_preview->setEnabled(m_plan.has_value());
}

QString GrowDialog::problemText() const {
    return m_problem->text();
}

bool GrowDialog::showPlan() {
    if (!m_plan || !m_state || page() != Page::Growth)
        return false;
    delete m_runView;
    m_runView = new PlanRunView(*m_plan, *m_state,
                                PlanRecipe{QStringLiteral("grow"), m_intent, growth(), {}},
                                m_session, m_planPage);
    static_cast<QVBoxLayout*>(m_planPage->layout())->insertWidget(0, m_runView, 1);
    m_followUp->clear();
    m_followUp->hide();
    const QString md = m_intent.layout.mdDevice;
    connect(m_runView, &PlanRunView::runStarted, this, [this, md] {
        m_back->setEnabled(false);
        m_followUp->setText(tr("While the plan repairs the new region of %1, the Monitor tab "
                               "shows the pass on the array's card (progress and speed) and "
                               "its start and end in the event list.")
                                .arg(md));
        m_followUp->show();
    });
    connect(m_runView, &PlanRunView::runEnded, this, [this, md](Executor::State state) {
        // Back reads the nodes again and drops this plan: only once nothing is left to resume
        // or roll back.
        const bool finished =
            state == Executor::State::Done || state == Executor::State::RolledBack;
        m_back->setEnabled(finished);
        if (state == Executor::State::Done)
            m_followUp->setText(tr("Grown. The Monitor tab shows %1 at its new size and, in "
                                   "the event list, the repair of the new region. Initiators "
                                   "see the larger LUN only after a rescan (as said above).")
                                    .arg(md));
        else if (finished)
            m_followUp->setText(tr("Rolled back: %1 and its layers are as they were.").arg(md));
        else
            m_followUp->setText(tr("The grow did not finish (see above): resume it or roll it "
                                   "back; the Monitor tab shows %1 as it is now.")
                                    .arg(md));
        emit runEnded(state);
    });
    m_pages->setCurrentIndex(int(Page::Plan));
    m_back->show();
    m_back->setEnabled(true);
    m_preview->hide();
    return true;
}

QString GrowDialog::followUpText() const {
    return m_followUp->text();
}

void GrowDialog::back() {
    if (!m_runView || m_runView->busy())
        return;
    // After a run the probed sizes are stale: read both nodes again (Back is enabled after a
    // run only when nothing is left to resume or roll back).
    if (m_runView->state() != Executor::State::Ready) {
        readNodes();
        return;
    }
    m_pages->setCurrentIndex(int(Page::Growth));
    m_back->hide();
    m_preview->show();
}

void GrowDialog::reject() {
    if (m_runView && m_runView->refuseToClose())
        return;
    QDialog::reject();
}

} // namespace nr1
