#pragma once
// Contract: the last page of every wizard: plans from the probed state and the pages' intent
// with the wizard's planner, and shows either why nr1 will not make the plan (every refusal in
// words, with Back to change the choices) or the plan in a PlanRunView — per node, the exact
// commands, their undo, the typed confirmation of a destructive plan — to apply with per-step
// progress, the running step's output, and rollback or resume after a failure. Back is refused
// once the plan has started; the view is made anew each time the page is entered.

#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace nr1 {

class PlanRunView;
struct WizardContext;

class PreviewPage : public QWizardPage {
    Q_OBJECT
public:
    PreviewPage(WizardContext& context, QWidget* parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    /// The plan view, or nullptr when the planner refused.
    PlanRunView* runView() const { return m_view; }
    /// The refusals as shown; empty when there is a plan.
    QString refusalText() const;

signals:
    /// Apply was pressed (the wizard disables Back: the state the plan came from is gone).
    void runStarted();
    /// The plan's run ended (the wizard refreshes the monitor).
    void runEnded();

private:
    WizardContext& m_context;
    QVBoxLayout* m_layout;
    QLabel* m_refusals;
    PlanRunView* m_view = nullptr;
};

} // namespace nr1
