#include "PairWizard.h"

#include "ArrayPage.h"
#include "ElementsPage.h"
#include "ExportPage.h"
#include "PlanRunView.h"
#include "PreviewPage.h"
#include "ProbePage.h"
#include "VolumePage.h"
#include "plan/Planners.h"
#include "session/PairSession.h"

namespace nr1 {

QString planKindForWizard(WizardKind kind) {
    switch (kind) {
    case WizardKind::NewPair:
        return QStringLiteral("create-pair");
    case WizardKind::Elements:
        return QStringLiteral("elements");
    case WizardKind::Array:
        return QStringLiteral("array");
    case WizardKind::Volume:
        return QStringLiteral("volume");
    case WizardKind::Export:
        return QStringLiteral("export");
    }
    return QStringLiteral("create-pair");
}

QString PairWizard::titleFor(WizardKind kind, const QString& pair) {
    switch (kind) {
    case WizardKind::NewPair:
        return tr("New Network RAID1 pair %1").arg(pair);
    case WizardKind::Elements:
        return tr("Elements of pair %1").arg(pair);
    case WizardKind::Array:
        return tr("Mirror of pair %1").arg(pair);
    case WizardKind::Volume:
        return tr("Volume of pair %1").arg(pair);
    case WizardKind::Export:
        return tr("LUN export of pair %1").arg(pair);
    }
    return pair;
}

PairWizard::PairWizard(WizardKind kind, PairSession& session, QWidget* parent)
    : QWizard(parent)
    , m_context{kind, session, std::nullopt, defaultIntent(session.pair())}
    , m_probe(new ProbePage(m_context, this))
    , m_preview(new PreviewPage(m_context, this)) {
    setWindowTitle(titleFor(kind, session.name()));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoCancelButtonOnLastPage, true); // Close says it there
    setButtonText(QWizard::FinishButton, tr("&Close"));
    addPage(m_probe);
    if (m_context.asks(WizardKind::Elements))
        addPage(m_elements = new ElementsPage(m_context, this));
    if (m_context.asks(WizardKind::Array))
        addPage(m_array = new ArrayPage(m_context, this));
    if (m_context.asks(WizardKind::Volume))
        addPage(m_volume = new VolumePage(m_context, this));
    if (m_context.asks(WizardKind::Export))
        addPage(m_export = new ExportPage(m_context, this));
    addPage(m_preview);
    connect(m_preview, &PreviewPage::runEnded, this, &PairWizard::runEnded);
    // Once a plan ran, going back would plan again from a state that is gone.
    connect(m_preview, &PreviewPage::runStarted, this,
            [this] { setOption(QWizard::DisabledBackButtonOnLastPage, true); });
    resize(980, 720);
}

PairWizard::~PairWizard() = default;

PlanRunView* PairWizard::runView() const {
    return m_preview->runView();
}

void PairWizard::reject() {
    if (!refuseWhileRunning())
        QWizard::reject();
}

void PairWizard::done(int result) {
    if (!refuseWhileRunning())
        QWizard::done(result);
}

bool PairWizard::refuseWhileRunning() {
    PlanRunView* view = runView();
    return view && view->refuseToClose();
}

} // namespace nr1
