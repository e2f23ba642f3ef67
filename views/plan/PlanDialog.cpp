#include "PlanDialog.h"

#include "PlanRunView.h"
#include "exec/Journal.h"
#include "monitor/InventoryMonitor.h"
#include "probe/PairProber.h"
#include "ssh/SshRunner.h"

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

void openPlanDialog(QWidget* parent, InventoryMonitor& monitors, const QString& pairName,
                    const QString& title, PlanMaker makePlan, std::function<void()> runEnded) {
    const InventoryPair* pair = monitors.pair(pairName);
    SshRunner* primary = monitors.runner(pairName, NodeRole::Primary);
    SshRunner* secondary = monitors.runner(pairName, NodeRole::Secondary);
    if (!pair || !primary || !secondary)
        return;
    QPointer<QWidget> window(parent);
    QPointer<InventoryMonitor> owner(&monitors);
    const InventoryPair pairCopy = *pair;
    probePair(*primary, *secondary, parent, [=](const PairProbe& probe) {
        if (!window || !owner)
            return;
        if (!probe.ok()) {
            showProblem(
                window, title,
                QObject::tr("nr1 cannot plan without both nodes:\n%1")
                    .arg(probe.errors(primary->describeTarget(), secondary->describeTarget())
                             .join(QLatin1Char('\n'))));
            return;
        }
        const PairIntent intent = defaultIntent(pairCopy, &*probe.primary.state);
        const PairState state = probe.pairState(intent.layout);
        const PlanResult result = makePlan(state, intent);
        if (!result.ok()) {
            showProblem(window, title,
                        QObject::tr("nr1 will not make this plan:\n• %1")
                            .arg(result.refusals.join(QStringLiteral("\n• "))));
            return;
        }
        auto* dialog = new PlanRunDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(title);
        auto* journal = new Journal(Journal::defaultPath(pairCopy.name));
        auto* view = new PlanRunView(
            *result.plan, state, *primary, *secondary,
            PlanRunView::reprobeOf(*primary, *secondary, dialog, intent.layout), journal, dialog);
        dialog->setView(view);
        QObject::connect(dialog, &QObject::destroyed, [journal] { delete journal; });
        QObject::connect(view, &PlanRunView::runEnded, dialog, [runEnded] { runEnded(); });
        auto* layout = new QVBoxLayout(dialog);
        layout->addWidget(view);
        dialog->resize(900, 640);
        dialog->show();
    });
}

} // namespace nr1
