#pragma once
// Contract: the first page of every wizard: reads both nodes (asynchronously, one probe each)
// and says, per node, that it answered (host name, disks, what of the pair is there) or why
// not, with Retry. The page is complete only when both nodes answered; the state goes into the
// WizardContext together with the intent's defaults (and the Primary's probed initiator name).
// The window stays usable while a node takes its time; after 10 s the page names the node that
// is silent, counting.

#include "probe/PairProber.h"

#include <QElapsedTimer>
#include <QWizardPage>
#include <array>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

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
    /// Per node: what it answered, or that it is being read, or for how long it has been silent.
    void showNodes();

    WizardContext& m_context;
    bool m_probing = false;
    bool m_defaultsApplied = false; ///< the intent's defaults are set once, at the first answer
    int m_generation = 0;
    QLabel* m_nodes;
    QPlainTextEdit* m_status;
    QPushButton* m_retry;
    QTimer* m_ticker; ///< updates the waiting time while reading
    QElapsedTimer m_readTime;
    std::array<std::optional<NodeProbe>, 2> m_answers; ///< the current read's, Primary first
};

} // namespace nr1
