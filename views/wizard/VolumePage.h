#pragma once
// Contract: the volume page: the physical volume on the mirror, the volume group and the
// logical volume that is exported, by the layout's names, and the volume's size ("as much as
// the mirror holds" or a size). Shows what exists (kept) and how much room there is: the volume
// group's free space, or the mirror's size when neither exists yet. On every change it asks the
// planner (layerRefusals of the volume, the mirror taken as there) and shows its refusals in
// its words, after the size widget's own sentence when the typed text is not a size; it is
// complete only without them. Writes volumeSize.

#include <QWizardPage>

class QLabel;

namespace nr1 {

class SizeChoice;
struct WizardContext;

class VolumePage : public QWizardPage {
    Q_OBJECT
public:
    VolumePage(WizardContext& context, QWidget* parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    QString summaryText() const;
    QString problemText() const;
    SizeChoice* sizeChoice() const { return m_size; }

private:
    void choicesChanged();

    WizardContext& m_context;
    QLabel* m_summary;
    SizeChoice* m_size;
    QLabel* m_problem;
};

} // namespace nr1
