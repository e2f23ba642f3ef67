#include "ElementsPage.h"

#include "HealthStyle.h"
#include "SizeChoice.h"
#include "WizardContext.h"
#include "plan/DiskChoices.h"
#include "plan/Planners.h"
#include "session/PairSession.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

namespace {

enum DiskColumn { DiskPath, DiskSize, DiskWhat, DiskWhyNot };

} // namespace

ElementsPage::ElementsPage(WizardContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_layout(new QVBoxLayout(this))
    , m_size(new SizeChoice({.maximum = tr("As &much as both nodes allow"),
                             .sized = tr("&Size:"),
                             .what = tr("the element size"),
                             .placeholder = tr("e.g. 1G, 512M, 1.5T")},
                            this))
    , m_initiator(new QLineEdit(this))
    , m_initiatorLabel(new QLabel(this))
    , m_room(new QLabel(this))
    , m_problem(new QLabel(this)) {
    setTitle(tr("Elements"));
    setSubTitle(tr("Each node gives one logical volume, its element; the two are mirrored. Both "
                   "get the same size."));
    m_room->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(healthTextStyle(Health::Critical, palette()));
    m_initiatorLabel->setWordWrap(true);
    m_initiator->setPlaceholderText(tr("iqn.1993-08.org.debian:01:…"));
    m_initiator->setToolTip(tr("The Primary's iSCSI initiator name "
                               "(/etc/iscsi/initiatorname.iscsi); the Secondary lets only it in"));
    auto* size = new QGroupBox(tr("Element size"), this);
    auto* sizeLayout = new QFormLayout(size);
    sizeLayout->addRow(m_size);
    sizeLayout->addRow(m_room);
    auto* access = new QGroupBox(tr("Replication access"), this);
    auto* accessLayout = new QVBoxLayout(access);
    accessLayout->addWidget(m_initiatorLabel);
    accessLayout->addWidget(m_initiator);
    m_layout->addWidget(size);
    m_layout->addWidget(access);
    m_layout->addWidget(m_problem);
    connect(m_size, &SizeChoice::changed, this, &ElementsPage::choicesChanged);
    connect(m_initiator, &QLineEdit::textChanged, this, &ElementsPage::choicesChanged);
}

QTreeWidget* ElementsPage::diskList(NodeRole role) const {
    return role == NodeRole::Primary ? m_primaryDisks : m_secondaryDisks;
}

QString ElementsPage::problemText() const {
    return m_problem->text();
}

QString ElementsPage::roomText() const {
    return m_room->text();
}

void ElementsPage::initializePage() {
    rebuild();
}

void ElementsPage::rebuild() {
    delete m_nodes;
    m_primaryDisks = m_secondaryDisks = nullptr;
    m_nodes = new QWidget(this);
    auto* nodesLayout = new QVBoxLayout(m_nodes);
    nodesLayout->setContentsMargins(0, 0, 0, 0);
    const PairState& state = *m_context.state;
    PairIntent& intent = m_context.intent;
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const NodeState& node = state.node(role);
        const ElementRef& element = intent.layout.element(role);
        const CommandRunner& runner = m_context.session.runner(role);
        auto* box = new QGroupBox(
            tr("%1 (%2)").arg(role == NodeRole::Primary ? tr("Primary") : tr("Secondary"),
                              runner.describeTarget()),
            m_nodes);
        auto* boxLayout = new QVBoxLayout(box);
        nodesLayout->addWidget(box);
        if (const LogicalVolume* lv = node.lvm.findLv(element.vg, element.lv)) {
            boxLayout->addWidget(
                new QLabel(tr("The element %1 exists (%2): it is kept as it is.")
                               .arg(element.devicePath(), humanSize(lv->sizeBytes.value_or(0))),
                           box));
            intent.disks(role).clear();
            continue;
        }
        if (const VolumeGroup* vg = node.lvm.findVg(element.vg)) {
            boxLayout->addWidget(
                new QLabel(tr("Volume group %1 exists with %2 free: the element %3 is made there.")
                               .arg(element.vg, humanSize(vg->freeBytes.value_or(0)), element.lv),
                           box));
            intent.disks(role).clear();
            continue;
        }
        boxLayout->addWidget(new QLabel(
            tr("Volume group %1 will be made on the disks you tick. nr1 takes only blank disks; "
               "the others say why.")
                .arg(element.vg),
            box));
        auto* list = new QTreeWidget(box);
        list->setColumnCount(4);
        list->setHeaderLabels({tr("Disk"), tr("Size"), tr("What it is"), tr("Why not offered")});
        list->setRootIsDecorated(false);
        list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        list->header()->setStretchLastSection(true);
        for (const DiskChoice& choice : diskChoices(node)) {
            auto* item = new QTreeWidgetItem(
                list, {choice.path, choice.sizeBytes ? humanSize(*choice.sizeBytes) : tr("unknown"),
                       choice.description, choice.problem});
            if (choice.offered()) {
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                item->setCheckState(DiskPath, intent.disks(role).contains(choice.path)
                                                  ? Qt::Checked
                                                  : Qt::Unchecked);
            } else {
                item->setFlags(Qt::ItemIsEnabled); // readable, not tickable
                item->setForeground(DiskPath, palette().brush(QPalette::Disabled, QPalette::Text));
                item->setToolTip(DiskWhyNot, choice.problem);
            }
        }
        if (list->topLevelItemCount() == 0)
            boxLayout->addWidget(new QLabel(tr("This node shows no disks at all."), box));
        boxLayout->addWidget(list);
        (role == NodeRole::Primary ? m_primaryDisks : m_secondaryDisks) = list;
        connect(list, &QTreeWidget::itemChanged, this, &ElementsPage::choicesChanged);
    }
    m_layout->insertWidget(0, m_nodes, 1);
    // The size choice stays as made: it outlives the rebuild.
    const bool knownInitiator = !intent.primaryInitiator.isEmpty() && !m_askInitiator;
    m_initiatorLabel->setText(
        knownInitiator
            ? tr("The Secondary's element is exported only to the Primary's initiator %1.")
                  .arg(intent.primaryInitiator)
            : tr("Neither the inventory nor the Primary name its iSCSI initiator; the Secondary "
                 "exports its element only to the name given here:"));
    m_askInitiator = !knownInitiator;
    m_initiator->setVisible(m_askInitiator);
    choicesChanged();
}

QStringList ElementsPage::checkedDisks(NodeRole role) const {
    QStringList disks;
    if (const QTreeWidget* list = diskList(role))
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->checkState(DiskPath) == Qt::Checked)
                disks << list->topLevelItem(i)->text(DiskPath);
    return disks;
}

std::optional<qint64> ElementsPage::room(NodeRole role) const {
    return elementRoom(m_context.state->node(role), m_context.intent.layout.element(role),
                       checkedDisks(role));
}

void ElementsPage::choicesChanged() {
    if (!m_context.state)
        return;
    PairIntent& intent = m_context.intent;
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
        if (diskList(role))
            intent.disks(role) = checkedDisks(role);
    if (m_askInitiator)
        intent.primaryInitiator = m_initiator->text().trimmed();
    auto roomText = [](const std::optional<qint64>& bytes) {
        return bytes ? humanSize(*bytes) : tr("unknown");
    };
    m_room->setText(
        tr("Room for the element: %1 on the Primary, %2 on the Secondary.")
            .arg(roomText(room(NodeRole::Primary)), roomText(room(NodeRole::Secondary))));
    // Every rule about disks, sizes and the initiator is the planner's: the page shows its
    // refusals. While the typed size is not a size, it says so and shows what stands in the
    // way of any size.
    QStringList problems;
    PairIntent asked = intent;
    const auto size = m_size->value();
    if (!size.ok()) {
        problems << size.reasons();
        asked.elementSize = SizeRequest::maximum();
    } else {
        intent.elementSize = asked.elementSize = size.value();
    }
    problems << layerRefusals(PairLayer::Elements, *m_context.state, asked);
    m_problem->setText(problems.join(QLatin1Char('\n')));
    emit completeChanged();
}

bool ElementsPage::isComplete() const {
    return m_context.state && m_problem->text().isEmpty();
}

} // namespace nr1
