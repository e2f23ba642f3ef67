#include "VolumePage.h"

#include "HealthStyle.h"
#include "SizeChoice.h"
#include "WizardContext.h"
#include "plan/Planners.h"

#include <QFormLayout>
#include <QLabel>

namespace nr1 {

VolumePage::VolumePage(WizardContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_summary(new QLabel(this))
    , m_size(new SizeChoice({.maximum = tr("As much as the mirror &holds"),
                             .sized = tr("&Size:"),
                             .what = tr("the volume size"),
                             .placeholder = tr("e.g. 800M, 1G")},
                            this))
    , m_problem(new QLabel(this)) {
    setTitle(tr("Volume"));
    setSubTitle(tr("On the mirror sit an LVM physical volume, a volume group and the logical "
                   "volume that is exported."));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(healthTextStyle(Health::Critical, palette()));
    auto* form = new QFormLayout(this);
    form->addRow(m_summary);
    form->addRow(m_size);
    form->addRow(m_problem);
    connect(m_size, &SizeChoice::changed, this, &VolumePage::choicesChanged);
}

QString VolumePage::summaryText() const {
    return m_summary->text();
}

QString VolumePage::problemText() const {
    return m_problem->text();
}

void VolumePage::initializePage() {
    const PairIntent& intent = m_context.intent;
    const ElementRef volume = intent.layout.frontEnd.value_or(FrontEndExport{}).volume;
    const NodeState& primary = m_context.state->primary;
    QString text;
    if (const LogicalVolume* lv = primary.lvm.findLv(volume.vg, volume.lv)) {
        text = tr("The volume %1 exists (%2): it is kept as it is.")
                   .arg(volume.devicePath(), humanSize(lv->sizeBytes.value_or(0)));
    } else if (const VolumeGroup* vg = primary.lvm.findVg(volume.vg)) {
        text = tr("Volume group %1 exists with %2 free: the volume %3 is made there.")
                   .arg(volume.vg, humanSize(vg->freeBytes.value_or(0)), volume.lv);
    } else {
        const BlockDevice* md = primary.findBlockDeviceByPath(intent.layout.mdDevice);
        text = tr("%1 becomes a physical volume of the new volume group %2, which holds the "
                  "volume %3.")
                   .arg(intent.layout.mdDevice, volume.vg, volume.lv);
        text += QLatin1Char(' ') +
                (md && md->sizeBytes
                     ? tr("The mirror holds %1 today.").arg(humanSize(*md->sizeBytes))
                     : tr("The mirror is a little smaller than the elements (md keeps its "
                          "superblock and bitmap there)."));
    }
    m_summary->setText(text);
    choicesChanged();
}

void VolumePage::choicesChanged() {
    if (!m_context.state)
        return;
    // The planner's rules and sentences (a size the volume group cannot hold, a volume group
    // of that name on other disks …); while the typed size is not a size, the page says so and
    // shows what stands in the way of any size.
    QStringList problems;
    PairIntent asked = m_context.intent;
    const auto size = m_size->value();
    if (!size.ok()) {
        problems << size.reasons();
        asked.volumeSize = SizeRequest::maximum();
    } else {
        m_context.intent.volumeSize = asked.volumeSize = size.value();
    }
    problems << layerRefusals(PairLayer::Volume, *m_context.state, asked);
    m_problem->setText(problems.join(QLatin1Char('\n')));
    emit completeChanged();
}

bool VolumePage::isComplete() const {
    return m_problem->text().isEmpty();
}

} // namespace nr1
