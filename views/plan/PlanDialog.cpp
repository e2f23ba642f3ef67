#include "PlanDialog.h"

#include "PlanRunView.h"
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

} // namespace

void openPlanDialog(QWidget* parent, PairSession& session, const QString& title, QString kind,
                    std::function<void()> runEnded, std::function<void(QDialog*)> opened) {
    QPointer<QWidget> window(parent);
    QPointer<PairSession> owner(&session);
    session.read(parent, [=](const PairProbe& probe) {
        if (!window || !owner)
            return;
        if (!probe.ok()) {
            showProblem(window, title,
                        QObject::tr("nr1 cannot plan without both nodes:\n%1")
                            .arg(owner->readErrors(probe).join(QLatin1Char('\n'))));
            return;
        }
        const PairIntent intent = owner->intent(probe);
        const PairState state = probe.pairState(intent.layout);
        const PlanRecipe recipe{kind, intent, {}, {}};
        const PlanResult result = makePlan(recipe, state);
        if (!result.ok()) {
            showProblem(window, title,
                        QObject::tr("nr1 will not make this plan:\n• %1")
                            .arg(result.why(QStringLiteral("\n• "))));
            return;
        }
        auto* dialog = new PlanRunDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(title);
        auto* view = new PlanRunView(result.value(), state, recipe, *owner, dialog);
        dialog->setView(view);
        QObject::connect(view, &PlanRunView::runEnded, dialog, [runEnded] { runEnded(); });
        auto* layout = new QVBoxLayout(dialog);
        layout->addWidget(view);
        dialog->resize(900, 640);
        if (opened)
            opened(dialog);
        dialog->show();
    });
}

} // namespace nr1
