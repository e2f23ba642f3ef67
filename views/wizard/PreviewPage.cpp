#include "PreviewPage.h"

#include "PlanRunView.h"
#include "WizardContext.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

namespace nr1 {

PreviewPage::PreviewPage(WizardContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_layout(new QVBoxLayout(this))
    , m_refusals(new QLabel(this)) {
    setTitle(tr("Plan"));
    setSubTitle(tr("Exactly what runs on each node. Nothing has run yet; Apply runs it step by "
                   "step and journals every step."));
    m_refusals->setWordWrap(true);
    m_refusals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(m_refusals);
    m_layout->setContentsMargins(0, 0, 0, 0);
}

QString PreviewPage::refusalText() const {
    return m_refusals->isVisible() || !m_view ? m_refusals->text() : QString();
}

void PreviewPage::initializePage() {
    delete m_view;
    m_view = nullptr;
    const PlanResult result = makePlan(
        PlanRecipe{planKindForWizard(m_context.kind), m_context.intent, {}, {}}, *m_context.state);
    if (!result.ok()) {
        m_refusals->setText(tr("nr1 will not make this plan:\n• %1\n\nGo back to change the "
                               "choices, or fix the nodes and start again.")
                                .arg(result.why(QStringLiteral("\n• "))));
        m_refusals->show();
        emit completeChanged();
        return;
    }
    m_refusals->clear();
    m_refusals->hide();
    m_view =
        new PlanRunView(result.value(), *m_context.state,
                        PlanRecipe{planKindForWizard(m_context.kind), m_context.intent, {}, {}},
                        m_context.session, this);
    m_layout->addWidget(m_view, 1);
    connect(m_view, &PlanRunView::runStarted, this, &PreviewPage::runStarted);
    connect(m_view, &PlanRunView::runEnded, this, &PreviewPage::runEnded);
    // Close (Finish) only while nothing runs: a run, a resume, a rollback.
    connect(m_view, &PlanRunView::busyChanged, this, &PreviewPage::completeChanged);
    emit completeChanged();
}

void PreviewPage::cleanupPage() {
    delete m_view;
    m_view = nullptr;
}

bool PreviewPage::isComplete() const {
    return !m_view || !m_view->busy();
}

} // namespace nr1
