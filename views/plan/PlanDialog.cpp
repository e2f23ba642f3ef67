#include "PlanDialog.h"

#include "PlanRunView.h"
#include "apply/Journal.h"
#include "apply/RunRecovery.h"
#include "session/PairSession.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>
#include <QVBoxLayout>

namespace nr1 {

namespace {

void showProblem(QWidget* parent, const QString& title, const QString& text) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Close, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

/// The window around the plan: it does not close while steps run (Escape, the close button).
class PlanRunDialog : public QDialog {
public:
    using QDialog::QDialog;
    void setView(PlanRunView* view) { m_view = view; }
    void done(int result) override {
        if (m_view && m_view->refuseToClose())
            return;
        QDialog::done(result);
    }

private:
    PlanRunView* m_view = nullptr;
};

/// The window around a PlanRunView of `plan`; shown, and handed to `opened`.
PlanRunView* showRunDialog(QWidget* parent, const QString& title, const Plan& plan,
                           const PairState& madeFrom, const PlanRecipe& recipe,
                           PairSession& session, std::function<void()> runEnded,
                           std::function<void(QDialog*)> opened) {
    auto* dialog = new PlanRunDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto* view = new PlanRunView(plan, madeFrom, recipe, session, dialog);
    dialog->setView(view);
    QObject::connect(view, &PlanRunView::runEnded, dialog, [runEnded] { runEnded(); });
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(view);
    dialog->resize(900, 640);
    if (opened)
        opened(dialog);
    dialog->show();
    return view;
}

} // namespace

void openPlanDialog(QWidget* parent, PairSession& session, const QString& title, QString kind,
                    std::function<void()> runEnded, std::function<void(QDialog*)> opened) {
    QPointer<QWidget> window(parent);
    QPointer<PairSession> owner(&session);
    session.read(parent, [=](const PairProbe& probe) {
        if (!window || !owner)
            return;
        const PairIntent intent = owner->intent(probe);
        const Result<PairState> read = owner->planState(kind, probe, intent.layout);
        if (!read.ok()) {
            showProblem(window, title,
                        QObject::tr("nr1 cannot make this plan from what the nodes answered:\n%1")
                            .arg(read.why(QStringLiteral("\n"))));
            return;
        }
        const PairState& state = read.value();
        const PlanRecipe recipe{kind, intent, {}, {}};
        const PlanResult result = makePlan(recipe, state);
        if (!result.ok()) {
            showProblem(window, title,
                        QObject::tr("nr1 will not make this plan:\n• %1")
                            .arg(result.why(QStringLiteral("\n• "))));
            return;
        }
        showRunDialog(window, title, result.value(), state, recipe, *owner, runEnded, opened);
    });
}

void openInterruptedRun(QWidget* parent, PairSession& session, std::function<void()> runEnded,
                        std::function<void(QDialog*)> opened) {
    const QString title = QObject::tr("Interrupted run of pair %1").arg(session.name());
    const auto contents = Journal::read(session.journal().path());
    if (!contents.ok()) {
        showProblem(parent, title, contents.why());
        return;
    }
    const auto run = lastRun(contents.value());
    if (!run.ok() || !run.value().unfinished()) {
        auto* box = new QMessageBox(
            QMessageBox::Information, title,
            run.ok() ? QObject::tr("The last run of pair %1 (%2) ended: %3. There is nothing to "
                                   "resume or roll back.")
                           .arg(session.name(), run.value().title(), run.value().endState)
                     : QObject::tr("The journal of pair %1 holds no run.").arg(session.name()),
            QMessageBox::Close, parent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    const auto plan = remakePlan(run.value());
    if (!plan.ok()) {
        showProblem(parent, title,
                    QObject::tr("%1\n\n%2\n\nRead the pair and plan again: a new plan skips what "
                                "is done.")
                        .arg(run.value().describe().join(QLatin1Char('\n')), plan.why()));
        return;
    }
    const PlanRecipe recipe =
        PlanRecipe::fromJson(run.value().origin.value(QStringLiteral("recipe")).toObject()).value();
    PlanRunView* view =
        showRunDialog(parent, title, plan.value(), PairState{recipe.intent.layout, {}, {}}, recipe,
                      session, std::move(runEnded), std::move(opened));
    view->takeOver(run.value());
}

} // namespace nr1
