#pragma once
// Contract: the console's grow-volume dialog for one pair, in three pages. (1) It reads both
// nodes through the session's PairRead and says per node whether it answered; a node that does
// not answer within the patience (the read's, unless set) or whose probe fails is named with
// the reason, and Retry reads both again; the window stays responsive throughout. (2) A table
// of every layer's size now and after the chosen growth (both elements, the md array, the PV,
// the volume VG's free space, the volume, the LUN, and what each node can still give), from
// GrowthRoom; the growth is given in the size widget the wizards use (SizeChoice: a size typed
// as nr1ctl takes it, 256M or 1G, or "as much as possible"; nothing at first), and the "after"
// column and planGrow's refusals (in words) follow every change. (3) Preview shows planGrow's
// plan for exactly that growth in a PlanRunView (exact commands per node, Apply with progress,
// resume and roll back); when a run ends it says where to watch the new region's repair, next
// to the plan's follow-ups. It never builds a command itself, never blocks the event loop, and
// does not close while steps run. The intent is the session's (defaultIntent with the probed
// Primary).

#include "apply/Executor.h"
#include "plan/GrowthRoom.h"
#include "plan/PairIntent.h"
#include "plan/Plan.h"

#include <QDialog>
#include <chrono>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace nr1 {

class PairRead;
class PairSession;
class PlanRunView;
class SizeChoice;

class GrowDialog : public QDialog {
    Q_OBJECT
public:
    enum class Page { Nodes, Growth, Plan };
    /// The rows of the layer table, bottom of the stack first.
    enum Layer {
        PrimaryElement,
        SecondaryElement,
        Array,
        PhysicalVolume,
        VolumeGroupFree,
        Volume,
        Lun,
        PrimaryGive,
        SecondaryGive,
        LayerCount
    };
    enum Column { LayerName, Now, After };

    /// Starts reading both nodes as soon as the event loop runs. The session must outlive the
    /// dialog.
    explicit GrowDialog(PairSession& session, QWidget* parent = nullptr);
    ~GrowDialog() override;

    /// How long a node may take before the dialog says it does not answer (default: the
    /// read's). The probe itself goes on until its own timeout.
    void setAnswerPatience(std::chrono::milliseconds patience);

    Page page() const;
    /// Reads both nodes again (what Retry and Back after a run do).
    void readNodes();
    /// True while a node has not answered the current read.
    bool reading() const;
    /// What the nodes page says about each node.
    QString nodesText() const;
    QPushButton* retryButton() const { return m_retry; }

    /// The probed pair and the intent it is read with; empty until both nodes answered.
    const std::optional<PairState>& state() const { return m_state; }
    const PairIntent& intent() const { return m_intent; }
    const std::optional<GrowthRoom>& room() const { return m_room; }

    /// Shows the growth in the size widget (a size in its largest exact unit, or "as much as
    /// possible"), as if typed.
    void setGrowth(const SizeRequest& growth);
    /// The growth the size widget says; zero bytes when none is given or the text is not a size.
    SizeRequest growth() const;
    SizeChoice* growthChoice() const { return m_growth; }
    const QTableWidget* layers() const { return m_layers; }
    QString layerText(Layer layer, Column column) const;
    /// "Each node can still give: …".
    QString roomText() const;
    /// planGrow's refusals for the current growth (empty when it made a plan).
    const QStringList& refusals() const { return m_refusals; }
    /// What the growth page says under the table: the refusals, or what to give.
    QString problemText() const;
    /// planGrow's plan for the current growth; empty when it refused or none is given.
    const std::optional<Plan>& plan() const { return m_plan; }
    QPushButton* previewButton() const { return m_preview; }
    /// Goes to the plan page with plan(); false (and stays) when there is none.
    bool showPlan();
    /// The plan page's view; nullptr before showPlan().
    PlanRunView* runView() const { return m_runView; }
    QPushButton* backButton() const { return m_back; }
    /// What to look at after the run (the Monitor tab); empty before a run started.
    QString followUpText() const;

    void reject() override;

signals:
    /// A read of both nodes ended, usable or not.
    void nodesRead(bool usable);
    /// The plan's run ended: the caller refreshes what it shows of the pair.
    void runEnded(nr1::Executor::State state);

private:
    /// Both nodes answered the current read.
    void bothAnswered(bool usable);
    void showNodes();
    void showGrowthPage();
    void updateChoice();
    void setCell(Layer layer, Column column, const QString& text, bool estimated = false);
    void back();

    PairSession& m_session;
    PairIntent m_intent;
    PairRead* m_read;

    std::optional<PairState> m_state;
    std::optional<GrowthRoom> m_room;
    std::optional<Plan> m_plan;
    QStringList m_refusals;

    QStackedWidget* m_pages;
    QLabel* m_nodes;
    QPushButton* m_retry;
    QTableWidget* m_layers;
    QLabel* m_roomLabel;
    SizeChoice* m_growth;
    QLabel* m_problem;
    QWidget* m_planPage;
    PlanRunView* m_runView = nullptr;
    QLabel* m_followUp;
    QPushButton* m_back;
    QPushButton* m_preview;
    QPushButton* m_close;
};

} // namespace nr1
