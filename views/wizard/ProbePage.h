#pragma once
// Contract: the first page of every wizard: reads both nodes through the session's PairRead
// and says, per node, that it answered (host name, disks, what of the pair is there) or why
// not, with Read again. The page is complete only when both nodes answered; the state goes
// into the WizardContext together with the intent's defaults (and the Primary's probed
// initiator name). The window stays usable while a node takes its time; after the read's
// patience (10 s) the page names the node that is silent, counting.

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace nr1 {

class PairRead;
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
    /// Per node: what it answered, or that it is being read, or for how long it has been silent.
    void showNodes();
    void finished(bool usable);

    WizardContext& m_context;
    PairRead* m_read;
    bool m_defaultsApplied = false; ///< the intent's defaults are set once, at the first answer
    QLabel* m_nodes;
    QPlainTextEdit* m_status;
    QPushButton* m_retry;
};

} // namespace nr1
