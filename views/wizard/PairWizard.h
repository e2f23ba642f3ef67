#pragma once
// Contract: the console's wizards (QWizard): a new Network RAID1 pair from blank disks to an
// exported LUN, or one layer of it — elements, the md mirror, the volume, the LUN export. All
// start by reading both nodes and end on the plan preview; the pages between ask only what the
// layer needs, offer only valid choices from the probed state and check them by asking the
// planner (layerRefusals of their layer), showing its refusals in its words. The wizard never
// builds a command nor has a rule of its own: the planner makes the plan, the Executor runs it
// (through PlanRunView). It cannot be closed while a plan runs. Nothing blocks the event loop.

#include "WizardContext.h"

#include <QWizard>

namespace nr1 {

class ArrayPage;
class ElementsPage;
class ExportPage;
class PlanRunView;
class PreviewPage;
class ProbePage;
class VolumePage;

class PairWizard : public QWizard {
    Q_OBJECT
public:
    /// The session must outlive the wizard.
    PairWizard(WizardKind kind, PairSession& session, QWidget* parent = nullptr);
    ~PairWizard() override;

    static QString titleFor(WizardKind kind, const QString& pair);

    const WizardContext& context() const { return m_context; }
    ProbePage* probePage() const { return m_probe; }
    /// The layer pages; nullptr when this wizard does not ask about that layer.
    ElementsPage* elementsPage() const { return m_elements; }
    ArrayPage* arrayPage() const { return m_array; }
    VolumePage* volumePage() const { return m_volume; }
    ExportPage* exportPage() const { return m_export; }
    PreviewPage* previewPage() const { return m_preview; }
    PlanRunView* runView() const;

    void reject() override;
    void done(int result) override;

signals:
    /// A plan's run ended: the caller refreshes what it shows of the pair.
    void runEnded();

private:
    /// True (the plan view says why) while a plan runs: the wizard stays open.
    bool refuseWhileRunning();

    WizardContext m_context;
    ProbePage* m_probe;
    ElementsPage* m_elements = nullptr;
    ArrayPage* m_array = nullptr;
    VolumePage* m_volume = nullptr;
    ExportPage* m_export = nullptr;
    PreviewPage* m_preview;
};

} // namespace nr1
