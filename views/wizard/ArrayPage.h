#pragma once
// Contract: the mirror page: the md RAID1 the Primary builds of its element and the imported
// one (internal bitmap, the remote leg write-mostly), by the layout's name. Asks how long md
// waits for a lost remote leg before failing it (replacement timeout, 1–600 s) and whether
// writes to the remote leg may lag (write-behind, 1–16383). An array that exists is kept and
// said so. On every change it asks the planner (layerRefusals of the array, the elements taken
// as there) and shows its refusals in its words; the page is complete only without them.
// Writes replacementTimeout and writeBehind into the intent.

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace nr1 {

struct WizardContext;

class ArrayPage : public QWizardPage {
    Q_OBJECT
public:
    ArrayPage(WizardContext& context, QWidget* parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    QString summaryText() const;
    /// The planner's refusals as shown; empty when there is none.
    QString problemText() const;
    QSpinBox* replacementTimeout() const { return m_timeout; }
    QCheckBox* writeBehindChoice() const { return m_writeBehindOn; }
    QSpinBox* writeBehind() const { return m_writeBehind; }

private:
    void choicesChanged();

    WizardContext& m_context;
    QLabel* m_summary;
    QSpinBox* m_timeout;
    QCheckBox* m_writeBehindOn;
    QSpinBox* m_writeBehind;
    QLabel* m_problem;
};

} // namespace nr1
