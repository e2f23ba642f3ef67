#pragma once
// Contract: a plan shown and run, the last page of every wizard and of the grow dialog. Before
// anything runs it shows the plan's title, its warnings, and every action grouped by node with
// its sentence, exact command line (secrets redacted; a node script as `sh NAME.sh ARGS`, its
// whole `sh -c` text folded under it) and undo. Apply is enabled only when the
// plan's confirmation word (destructive plans) has been typed. Running goes through core's
// Executor (never blocking): each action's status (waiting, skipped, running, done, failed,
// undone), the running step's output, and at the end the follow-ups. After a failure or a stop
// it offers Resume (after a fresh read of both nodes) and Roll back, as the executor does.
// Everything goes through the pair's session: its runners, its journal (every step), and its
// apply claim, taken at Apply and given back when the run is done or rolled back (or the view
// goes): while another window of this process applies a plan to the pair, Apply says which and
// runs nothing. Apply first goes through ApplyStart: the pair's lock on both nodes (held until
// the run is done or rolled back, or the view goes), both nodes read again and the plan made
// again with the same recipe; when it differs from the one shown, nothing runs and the output
// pane shows the difference. The run's journal holds the recipe and the fresh probe, so that
// `nr1ctl apply --resume/--rollback` can take over a run the console did not end.
// A plan made while a node is lost (lostNodeOf: takeover, serve-alone) runs only once that
// node is off: Apply first fences it with the inventory's fence_command (Fencing; a failed
// fence runs nothing), or, without one, stays off until the administrator typed "off" to
// confirm it is powered off (journaled).

#include "apply/Executor.h"
#include "apply/RunRecovery.h"
#include "plan/Plan.h"
#include "session/ApplyStart.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace nr1 {

class Fencing;
class PairLock;
class PairSession;

class PlanRunView : public QWidget {
    Q_OBJECT
public:
    /// `madeFrom` is the state the plan was made from, read with its layout, and `recipe` what
    /// made it (makePlan); it makes it again at Apply (`replan` instead when given, for tests
    /// of made-up plans). The session must outlive the view.
    PlanRunView(Plan plan, PairState madeFrom, PlanRecipe recipe, PairSession& session,
                QWidget* parent = nullptr, Replan replan = {});
    ~PlanRunView() override;

    const Plan& plan() const { return m_plan; }
    /// The executor's state; Ready before Apply.
    Executor::State state() const;
    /// True from Apply until the run ended and the lock is back on the nodes (steps running or
    /// being undone, the checks before the first step, the probe before a resume): the window
    /// must not close under it.
    bool busy() const;
    /// For a window asked to close: true while busy(), and then the status line says why the
    /// window stays open; false when it may close.
    bool refuseToClose();
    QString statusText() const;
    /// "waiting", "skipped", "running", "done", "failed", "undoing", "undone" of action `index`.
    QString actionStatus(int index) const;
    QString output() const;
    const QTreeWidget* actions() const { return m_actions; }
    QLineEdit* confirmation() const { return m_confirmation; }
    /// Where "off" is typed before a plan whose lost node has no fence_command; nullptr for
    /// every other plan.
    QLineEdit* offConfirmation() const { return m_offConfirmation; }
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* rollbackButton() const { return m_rollback; }

    /// Shows `run` (from the pair's journal, the view's plan made again from it: remakePlan) as
    /// not ended, with what ran; Resume and Roll back then take it over (the lock, a fresh read,
    /// Executor::recover) and finish or undo it. Apply stays off.
    void takeOver(RecordedRun run);

signals:
    /// Apply (or Resume/Roll back of a run taken over) was pressed: steps are about to run.
    void runStarted();
    /// busy() changed (a run, resume, rollback or the probe before a resume started or ended).
    void busyChanged(bool busy);
    /// The run ended (done, failed, stopped, rolled back …): the caller may refresh its monitor.
    void runEnded(nr1::Executor::State state);

private:
    /// The confirmation word, and "off" where asked, typed.
    bool confirmed() const;
    void apply();
    /// After the claim: fences the lost node (or journals the typed confirmation) when the
    /// plan runs without one, then start().
    void fenceThenStart();
    QString lostNodeName() const;   ///< "Primary" / "Secondary"
    QString lostNodeTarget() const; ///< how nr1 reaches it, HTML-escaped
    /// The lock, the fresh read and the plan made again (ApplyStart), then run().
    void start();
    /// The fresh check passed: the executor runs the plan from `fresh`.
    void run(const PairState& fresh, const QJsonObject& origin);
    /// The executor of this view's plan, its signals shown in the view.
    void makeExecutor();
    /// Takes the run of takeOver() over and resumes or rolls it back.
    void recover(bool rollback);
    /// recover(): after the lock and the leftovers, reads both nodes and takes the run over.
    void readAndRecover(bool rollback);
    /// Gives the lock and the claim back.
    void giveBack();
    void resume();
    void setStatus(int index, const QString& status);
    void updateButtons();
    void ended(Executor::State state);

    Plan m_plan;
    PairState m_madeFrom;
    PlanRecipe m_recipe;
    Replan m_replan;
    PairSession& m_session;
    bool m_claimed = false; ///< this view holds the session's apply claim
    std::unique_ptr<PairLock> m_lock;
    ApplyStart* m_start = nullptr; ///< between Apply and the first step
    Fencing* m_fencing = nullptr;  ///< a takeover's; running while m_fenceRunning
    bool m_fenceRunning = false;
    QLineEdit* m_offConfirmation = nullptr;
    NodeRole m_lostNode = NodeRole::Primary; ///< the node fenced (with m_fencing)
    QLabel* m_fenceNote = nullptr;           ///< how the Primary is (or was) fenced
    bool m_releasing = false;                ///< the run ended; the lock is being given back
    std::unique_ptr<Executor> m_executor;
    bool m_probing = false;
    std::optional<RecordedRun> m_recovered; ///< a run taken over from the journal
    bool m_wasBusy = false;                 ///< busy() as last signalled
    QLabel* m_status;
    QLineEdit* m_confirmation;
    QTreeWidget* m_actions;
    std::vector<QTreeWidgetItem*> m_items;
    QPlainTextEdit* m_output;
    QLabel* m_followUps;
    QPushButton* m_apply;
    QPushButton* m_stop;
    QPushButton* m_resume;
    QPushButton* m_rollback;
};

} // namespace nr1
