#include "ArrayPage.h"

#include "HealthStyle.h"
#include "WizardContext.h"
#include "plan/Planners.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace nr1 {

ArrayPage::ArrayPage(WizardContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_summary(new QLabel(this))
    , m_timeout(new QSpinBox(this))
    , m_writeBehindOn(new QCheckBox(tr("Let writes to the remote leg &lag behind by up to"), this))
    , m_writeBehind(new QSpinBox(this))
    , m_problem(new QLabel(this)) {
    setTitle(tr("Mirror"));
    setSubTitle(tr("The Primary mirrors its element with the Secondary's in an md RAID1 with an "
                   "internal bitmap; the remote leg is write-mostly, so reads stay local."));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long the Primary's iSCSI layer waits for a lost Secondary "
                             "before md fails the remote leg (replacement_timeout); writes hang "
                             "that long"));
    m_writeBehind->setRange(1, 16383);
    m_writeBehind->setSuffix(tr(" writes"));
    m_writeBehind->setValue(256);
    m_writeBehindOn->setToolTip(tr("md --write-behind: faster writes, but the remote copy can "
                                   "be that many writes behind when the Primary fails"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(healthTextStyle(Health::Critical, palette()));
    auto* form = new QFormLayout(this);
    form->addRow(m_summary);
    form->addRow(tr("&Replacement timeout:"), m_timeout);
    form->addRow(m_writeBehindOn, m_writeBehind);
    form->addRow(m_problem);
    connect(m_timeout, &QSpinBox::valueChanged, this, &ArrayPage::choicesChanged);
    connect(m_writeBehind, &QSpinBox::valueChanged, this, &ArrayPage::choicesChanged);
    connect(m_writeBehindOn, &QCheckBox::toggled, this, &ArrayPage::choicesChanged);
}

QString ArrayPage::summaryText() const {
    return m_summary->text();
}

QString ArrayPage::problemText() const {
    return m_problem->text();
}

bool ArrayPage::isComplete() const {
    return m_problem->text().isEmpty();
}

void ArrayPage::initializePage() {
    const PairIntent& intent = m_context.intent;
    const PairLayout& layout = intent.layout;
    const MdstatArray* existing = m_context.state->primary.mdstat.find(intent.mdDeviceName());
    m_summary->setText(
        existing ? tr("%1 exists on the Primary (%2): it is kept; what is missing around it is "
                      "put back.")
                       .arg(layout.mdDevice,
                            existing->level.isEmpty() ? tr("inactive") : existing->level)
                 : tr("%1 will mirror the Primary's element %2 with the Secondary's %3, imported "
                      "from %4 (target %5).")
                       .arg(layout.mdDevice, layout.primaryElement.devicePath(),
                            layout.secondaryElement.devicePath(),
                            layout.replication.portal.hostPort(), layout.replication.targetIqn));
    m_timeout->setValue(intent.replacementTimeout);
    m_writeBehindOn->setChecked(intent.writeBehind.has_value());
    if (intent.writeBehind)
        m_writeBehind->setValue(*intent.writeBehind);
    choicesChanged();
}

void ArrayPage::choicesChanged() {
    m_writeBehind->setEnabled(m_writeBehindOn->isChecked());
    m_context.intent.replacementTimeout = m_timeout->value();
    m_context.intent.writeBehind =
        m_writeBehindOn->isChecked() ? std::optional<int>(m_writeBehind->value()) : std::nullopt;
    if (!m_context.state)
        return;
    // The planner's rules and sentences (an array of that name that is not ours, elements that
    // carry a signature …); the elements below are taken as there (the preview says when not).
    m_problem->setText(layerRefusals(PairLayer::Array, *m_context.state, m_context.intent)
                           .join(QLatin1Char('\n')));
    emit completeChanged();
}

} // namespace nr1
