#pragma once
// Contract: the first page of every wizard: reads both nodes (asynchronously, one probe each)
// and says, per node, that it answered (host name, disks, what of the pair is there) or why
// not, with Retry. The page is complete only when both nodes answered; the state goes into the
// WizardContext together with the intent's defaults (and the Primary's probed initiator name).
// The window stays usable while a node takes its time.

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace nr1 {

struct WizardContext;

class ProbePage : public QWizardPage {
    Q_OBJECT
public:
    ProbePage(WizardContext& context, QWidget* parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    /// The per-node lines as shown ("Primary (root@…): answered …").
    QString nodesText() const;
    /// Reads both nodes again.
    void probe();

private:
    WizardContext& m_context;
    bool m_probing = false;
    int m_generation = 0;
    QLabel* m_nodes;
    QPlainTextEdit* m_status;
    QPushButton* m_retry;
};

} // namespace nr1
