#include "PlanRunView.h"

#include "HealthStyle.h"
#include "base/NodeScript.h"
#include "plan/PlanRecipe.h"
#include "session/Fencing.h"
#include "session/PairLock.h"
#include "session/PairSession.h"
#include "session/StopLeftovers.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nr1 {

namespace {

// The sentence and command come last: they may be long and are shown whole (scrolling).
enum Column { Number, Status, What };

QString undoText(const Action& action) {
    if (action.irreversible)
        return QObject::tr("IRREVERSIBLE: %1").arg(action.noUndoReason);
    if (action.undo.isEmpty())
        return QObject::tr("nothing to undo: %1").arg(action.noUndoReason);
    QStringList lines;
    for (const QStringList& undo : action.undo)
        lines << action.foldedArgv(undo);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

PlanRunView::PlanRunView(Plan plan, PairState madeFrom, PlanRecipe recipe, PairSession& session,
                         QWidget* parent, Replan replan)
    : QWidget(parent)
    , m_plan(std::move(plan))
    , m_madeFrom(std::move(madeFrom))
    , m_recipe(std::move(recipe))
    , m_replan(std::move(replan))
    , m_session(session)
    , m_status(new QLabel(this))
    , m_confirmation(new QLineEdit(this))
    , m_actions(new QTreeWidget(this))
    , m_output(new QPlainTextEdit(this))
    , m_followUps(new QLabel(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_stop(new QPushButton(tr("&Stop after this step"), this))
    , m_resume(new QPushButton(tr("Re&sume"), this))
    , m_rollback(new QPushButton(tr("&Roll back"), this)) {
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(m_plan.title.toHtmlEscaped()), this);
    title->setWordWrap(true);
    layout->addWidget(title);
    for (const QString& warning : m_plan.warnings) {
        auto* label = new QLabel(tr("Warning: %1").arg(warning), this);
        label->setWordWrap(true);
        label->setStyleSheet(healthTextStyle(Health::Critical, palette()));
        layout->addWidget(label);
    }
    m_actions->setColumnCount(3);
    m_actions->setHeaderLabels({tr("#"), tr("Status"), tr("What, and the exact command")});
    m_actions->header()->setSectionResizeMode(Number, QHeaderView::ResizeToContents);
    m_actions->header()->setSectionResizeMode(Status, QHeaderView::ResizeToContents);
    m_actions->header()->setSectionResizeMode(What, QHeaderView::ResizeToContents);
    m_actions->header()->setStretchLastSection(false);
    // Commands are shown whole, never cut with "…": long ones scroll sideways.
    m_actions->setTextElideMode(Qt::ElideNone);
    m_actions->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QTreeWidgetItem* nodeItem = nullptr;
    std::optional<NodeRole> node;
    for (int index = 0; index < int(m_plan.actions.size()); ++index) {
        const Action& action = m_plan.actions[size_t(index)];
        if (node != action.node) {
            node = action.node;
            const CommandRunner& runner = m_session.runner(*node);
            // Spanned: the first column's text runs across the whole row.
            nodeItem = new QTreeWidgetItem(
                m_actions,
                {tr("On the %1 (%2)").arg(nodeRoleName(*node), runner.describeTarget())});
            nodeItem->setFirstColumnSpanned(true);
            QFont bold = font();
            bold.setBold(true);
            nodeItem->setFont(Number, bold);
            nodeItem->setExpanded(true);
        }
        auto* item = new QTreeWidgetItem(nodeItem);
        item->setText(Number, QString::number(index + 1));
        item->setText(Status, tr("waiting"));
        item->setText(What, action.sentence);
        auto* command = new QTreeWidgetItem(item);
        command->setText(What, QStringLiteral("$ ") + action.foldedLine());
        command->setFont(What, fixed);
        command->setToolTip(What, tr("%1\n\nundo:\n%2").arg(action.foldedLine(), undoText(action)));
        if (nodeScriptOf(action.argv)) { // the exact command, folded: a script's whole text
            auto* whole = new QTreeWidgetItem(command);
            whole->setText(What, QStringLiteral("$ ") + action.displayLine());
            whole->setFont(What, fixed);
            command->setToolTip(What, tr("A node script: expand for the exact command, its "
                                         "whole text.\n\n%1")
                                          .arg(command->toolTip(What)));
        }
        if (!action.stdinData.isEmpty()) { // the secrets it carries shown as <secret>
            auto* input = new QTreeWidgetItem(item);
            input->setText(What, tr("stdin, one line each: %1").arg(action.displayStdin()));
            input->setFont(What, fixed);
        }
        item->setToolTip(What, tr("undo:\n%1").arg(undoText(action)));
        item->setExpanded(true);
        m_items.push_back(item);
    }
    m_output->setReadOnly(true);
    m_output->setFont(fixed);
    m_output->setPlaceholderText(tr("The output of the running step shows here."));
    m_output->setMaximumBlockCount(5000);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_actions);
    splitter->addWidget(m_output);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    m_followUps->setWordWrap(true);
    m_followUps->hide();
    layout->addWidget(m_followUps);
    if (const std::optional<NodeRole> lost = lostNodeOf(m_plan.kind)) {
        m_lostNode = *lost;
        m_fencing = new Fencing(m_session, *lost, this);
        const QString target = lostNodeTarget();
        const QString name = lostNodeName();
        m_fenceNote = new QLabel(this);
        QLabel* fence = m_fenceNote;
        fence->setWordWrap(true);
        fence->setStyleSheet(healthTextStyle(Health::Critical, palette()));
        auto* row = new QHBoxLayout;
        row->addWidget(fence, 1);
        if (m_fencing->hasFenceCommand()) {
            fence->setText(tr("Before the first step nr1 fences the %1 (%2) with its "
                              "fence_command from the inventory: nothing runs unless the command "
                              "confirms that the node is off.")
                               .arg(name, target));
        } else {
            fence->setText(tr("The inventory gives the %1 (%2) no fence_command. Power it "
                              "off yourself and keep it off (a node that comes back on its "
                              "own may serve old data), then type <b>off</b> to confirm:")
                               .arg(name, target));
            m_offConfirmation = new QLineEdit(this);
            m_offConfirmation->setAccessibleName(
                tr("Confirm that the %1 is powered off").arg(name));
            row->addWidget(m_offConfirmation);
            connect(m_offConfirmation, &QLineEdit::textChanged, this, &PlanRunView::updateButtons);
        }
        layout->addLayout(row);
    }
    if (!m_plan.confirmationWord.isEmpty()) {
        auto* row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("Read the warnings above: this plan is not one to run by "
                                     "mistake. Type <b>%1</b> to confirm:")
                                      .arg(m_plan.confirmationWord.toHtmlEscaped()),
                                  this));
        row->addWidget(m_confirmation);
        layout->addLayout(row);
        connect(m_confirmation, &QLineEdit::textChanged, this, &PlanRunView::updateButtons);
    } else {
        m_confirmation->hide();
    }
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    for (QPushButton* button : {m_stop, m_rollback, m_resume, m_apply})
        buttons->addWidget(button);
    layout->addLayout(buttons);
    m_apply->setToolTip(tr("Run the commands above, in order, journaling every step"));
    m_rollback->setToolTip(tr("Undo what this run did, newest first"));
    m_resume->setToolTip(tr("Probe the pair again and go on with the step that did not finish"));
    connect(m_apply, &QPushButton::clicked, this, &PlanRunView::apply);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_executor)
            m_executor->stop();
        m_stop->setEnabled(false);
        m_status->setText(tr("Stopping after the running step…"));
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_executor)
            resume();
        else
            recover(false);
    });
    connect(m_rollback, &QPushButton::clicked, this, [this] {
        if (!m_executor) {
            recover(true);
            return;
        }
        m_executor->rollback();
        updateButtons();
    });
    m_status->setText(m_plan.isEmpty() ? tr("Nothing to do: the pair is already as asked.")
                                       : tr("%n step(s); nothing has run yet.", nullptr,
                                            int(m_plan.actions.size())));
    updateButtons();
}

PlanRunView::~PlanRunView() {
    if (m_claimed)
        m_session.releaseApply();
    // The lock's own destructor gives it back on the nodes.
}

bool PlanRunView::busy() const {
    const Executor::State now = state();
    return now == Executor::State::Running || now == Executor::State::RollingBack || m_probing ||
           m_fenceRunning || m_start != nullptr || m_releasing;
}

Executor::State PlanRunView::state() const {
    return m_executor ? m_executor->state() : Executor::State::Ready;
}

bool PlanRunView::refuseToClose() {
    if (!busy())
        return false;
    m_status->setText(tr("Steps are running: the window stays open until they end (or use Stop "
                         "after this step); closing now would leave the pair half made."));
    return true;
}

QString PlanRunView::statusText() const {
    return m_status->text();
}

QString PlanRunView::actionStatus(int index) const {
    return m_items.at(size_t(index))->text(Status);
}

QString PlanRunView::output() const {
    return m_output->toPlainText();
}

void PlanRunView::setStatus(int index, const QString& status) {
    QTreeWidgetItem* item = m_items.at(size_t(index));
    item->setText(Status, status);
    const Health health = status == QLatin1String("failed")    ? Health::Critical
                          : status == QLatin1String("done")    ? Health::Ok
                          : status == QLatin1String("running") ? Health::Working
                          : status == QLatin1String("undone")  ? Health::Warning
                                                               : Health::Unknown;
    item->setForeground(Status, healthTextColor(health, palette()));
    m_actions->scrollToItem(item);
}

bool PlanRunView::confirmed() const {
    return (m_plan.confirmationWord.isEmpty() ||
            m_confirmation->text() == m_plan.confirmationWord) &&
           (!m_offConfirmation || m_offConfirmation->text() == QLatin1String("off"));
}

void PlanRunView::apply() {
    if (!confirmed() || m_claimed)
        return;
    QString heldBy;
    if (!m_session.claimApply(m_plan.title, &heldBy)) {
        m_status->setText(tr("Not applied: “%1” is being applied to pair %2 in another window. "
                             "Apply this plan once it ended (read the pair again first).")
                              .arg(heldBy, m_session.name()));
        return;
    }
    m_claimed = true;
    fenceThenStart();
}

QString PlanRunView::lostNodeName() const {
    return m_lostNode == NodeRole::Primary ? tr("Primary") : tr("Secondary");
}

QString PlanRunView::lostNodeTarget() const {
    return (m_lostNode == NodeRole::Primary ? m_session.primary() : m_session.secondary())
        .describeTarget()
        .toHtmlEscaped();
}

void PlanRunView::fenceThenStart() {
    if (!m_fencing) {
        start();
        return;
    }
    if (!m_fencing->hasFenceCommand()) {
        m_fencing->recordConfirmation(QStringLiteral("typed in the console"));
        start();
        return;
    }
    m_fenceRunning = true;
    m_status->setText(tr("Fencing the %1 with its fence_command…").arg(lostNodeName()));
    updateButtons();
    m_fencing->fence([this](const Result<void>& fenced) {
        m_fenceRunning = false;
        if (!fenced.ok()) {
            giveBack();
            m_status->setText(tr("Not applied: %1. Nothing was changed.").arg(fenced.why()));
            m_output->setPlainText(m_status->text());
            updateButtons();
            return;
        }
        m_output->setPlainText(
            tr("The %1 is fenced: its fence command confirmed it off.").arg(lostNodeName()));
        m_fenceNote->setText(tr("The %1 (%2) was fenced before the first step: its "
                                "fence_command confirmed that the node is off (journaled).")
                                 .arg(lostNodeName(), lostNodeTarget()));
        start();
    });
}

void PlanRunView::start() {
    m_lock = std::make_unique<PairLock>(m_session, m_plan.title);
    m_start = new ApplyStart(m_session, *m_lock, m_plan, m_recipe, m_replan, this);
    connect(m_start, &ApplyStart::progress, m_status, &QLabel::setText);
    connect(m_start, &ApplyStart::ready, this, [this](const PairState& fresh) {
        const QJsonObject origin = m_start->origin();
        m_start->deleteLater();
        m_start = nullptr;
        run(fresh, origin);
    });
    connect(m_start, &ApplyStart::refused, this,
            [this](ApplyStart::Refusal, const QString& why, const QStringList& difference) {
                m_start->deleteLater();
                m_start = nullptr;
                giveBack();
                m_status->setText(tr("Not applied: %1").arg(why));
                m_output->setPlainText(difference.isEmpty()
                                           ? why
                                           : tr("The plan as it would be now, against the one "
                                                "shown (- shown, + now):\n%1")
                                                 .arg(difference.join(QLatin1Char('\n'))));
                updateButtons();
            });
    m_start->start();
    updateButtons();
}

void PlanRunView::giveBack() {
    const auto releaseClaim = [this] {
        if (m_claimed)
            m_session.releaseApply();
        m_claimed = false;
    };
    if (!m_lock || !m_lock->held()) {
        releaseClaim();
        return;
    }
    // The run is over only once the nodes have the lock back: a console that quit right after
    // the last step would otherwise leave the pair locked.
    m_releasing = true;
    updateButtons();
    m_lock->release([this, releaseClaim] {
        m_releasing = false;
        releaseClaim();
        updateButtons();
    });
}

void PlanRunView::run(const PairState& fresh, const QJsonObject& origin) {
    makeExecutor();
    m_executor->setOrigin(origin);
    m_executor->apply(fresh);
    emit runStarted();
    updateButtons();
}

void PlanRunView::makeExecutor() {
    m_executor = std::make_unique<Executor>(m_plan, m_session.primary(), m_session.secondary(),
                                            &m_session.journal());
    Executor* executor = m_executor.get();
    connect(executor, &Executor::actionStarted, this, [this](int index) {
        setStatus(index, tr("running"));
        m_output->clear();
        const Action& action = m_plan.actions[size_t(index)];
        m_output->appendPlainText(QStringLiteral("$ ") + action.foldedLine());
        m_status->setText(
            tr("Step %1 of %2: %3").arg(index + 1).arg(m_plan.actions.size()).arg(action.sentence));
    });
    connect(executor, &Executor::actionOutput, this, [this](int index, const QByteArray& line) {
        m_output->appendPlainText(
            m_plan.actions[size_t(index)].redactText(QString::fromUtf8(line)));
    });
    connect(executor, &Executor::actionSkipped, this, [this](int index, const QString& why) {
        setStatus(index, tr("skipped"));
        m_items.at(size_t(index))->setToolTip(Status, why);
    });
    connect(executor, &Executor::actionFinished, this,
            [this](int index, const CommandResult& result, bool succeeded) {
                setStatus(index, succeeded ? tr("done") : tr("failed"));
                const Action& action = m_plan.actions[size_t(index)];
                if (!succeeded) {
                    m_output->appendPlainText(action.redactText(
                        QString::fromUtf8(result.stdoutData + result.stderrData)));
                    m_output->appendPlainText(tr("→ %1").arg(result.summary()));
                }
            });
    connect(executor, &Executor::undoStarted, this, [this](int index, const QStringList& argv) {
        setStatus(index, tr("undoing"));
        m_output->appendPlainText(QStringLiteral("$ ") +
                                  m_plan.actions[size_t(index)].foldedArgv(argv));
    });
    connect(executor, &Executor::undoFinished, this,
            [this](int index, const CommandResult& result, bool succeeded) {
                setStatus(index, succeeded ? tr("undone") : tr("failed"));
                if (!succeeded)
                    m_output->appendPlainText(tr("→ undo failed: %1").arg(result.summary()));
            });
    connect(executor, &Executor::finished, this, &PlanRunView::ended);
}

void PlanRunView::takeOver(RecordedRun run) {
    if (m_executor || m_start)
        return;
    for (const int index : run.ran)
        setStatus(index, tr("done"));
    if (run.started)
        setStatus(*run.started, tr("no result"));
    m_output->setPlainText(run.describe().join(QLatin1Char('\n')));
    m_status->setText(tr("This run did not end. Resume finishes it, Roll back undoes what ran; "
                         "either takes the pair's lock and reads both nodes first."));
    m_recovered = std::move(run);
    updateButtons();
}

void PlanRunView::recover(bool rollback) {
    if (!m_recovered || m_executor || m_start || m_probing)
        return;
    QString heldBy;
    if (!m_session.claimApply(m_plan.title, &heldBy)) {
        m_status->setText(tr("Not now: “%1” is being applied to pair %2 in another window.")
                              .arg(heldBy, m_session.name()));
        return;
    }
    m_claimed = true;
    m_lock = std::make_unique<PairLock>(m_session, m_plan.title);
    connect(m_lock.get(), &PairLock::tookOver, m_output, &QPlainTextEdit::appendPlainText);
    m_probing = true;
    m_status->setText(tr("Taking the lock of pair %1 on both nodes…").arg(m_session.name()));
    updateButtons();
    m_lock->take([this, rollback](const Result<void>& taken) {
        if (!taken.ok()) {
            m_probing = false;
            giveBack();
            m_status->setText(tr("Not taken over: %1").arg(taken.why()));
            updateButtons();
            return;
        }
        m_status->setText(tr("Stopping what the run may have left running on the nodes…"));
        stopLeftovers(m_session, *m_recovered, this, [this, rollback](const Result<void>& stopped) {
            if (!stopped.ok()) {
                m_probing = false;
                giveBack();
                m_status->setText(tr("Not taken over: %1").arg(stopped.why()));
                updateButtons();
                return;
            }
            m_status->setText(tr("Reading both nodes…"));
            readAndRecover(rollback);
        });
    });
}

void PlanRunView::readAndRecover(bool rollback) {
    m_session.read(this, [this, rollback](const PairProbe& probe) {
        m_probing = false;
        if (!probe.ok()) {
            giveBack();
            m_status->setText(tr("Not taken over: %1")
                                  .arg(m_session.readErrors(probe).join(QStringLiteral("; "))));
            updateButtons();
            return;
        }
        const PairState fresh = probe.pairState(m_madeFrom.layout);
        makeExecutor();
        m_executor->recover(*m_recovered, fresh);
        if (rollback ? !m_executor->canRollback() : !m_executor->canResume()) {
            giveBack();
            m_status->setText(rollback ? tr("Nothing of this run can be rolled back.")
                                       : tr("This run cannot be resumed (its rollback was under "
                                            "way): roll it back."));
            updateButtons();
            return;
        }
        if (rollback)
            m_executor->rollback();
        else
            m_executor->resume(fresh);
        emit runStarted();
        updateButtons();
    });
}

void PlanRunView::resume() {
    if (!m_executor || !m_executor->canResume() || m_probing)
        return;
    m_probing = true;
    m_status->setText(tr("Probing the pair before resuming…"));
    updateButtons();
    m_session.read(this, [this](const PairProbe& probe) {
        m_probing = false;
        if (!probe.ok()) {
            m_status->setText(tr("Cannot resume: %1")
                                  .arg(m_session.readErrors(probe).join(QStringLiteral("; "))));
            updateButtons();
            return;
        }
        m_executor->resume(probe.pairState(m_madeFrom.layout));
        updateButtons();
    });
}

void PlanRunView::ended(Executor::State state) {
    if (state == Executor::State::Done || state == Executor::State::RolledBack)
        giveBack();
    switch (state) {
    case Executor::State::Done:
        m_status->setText(tr("Done: every step ran."));
        if (const Result<void> recorded = m_session.recordRun(m_plan.kind, m_recipe.intent);
            !recorded.ok())
            m_status->setText(tr("Done: every step ran. The inventory was not updated (%1): "
                                 "record the pair's names or roles there yourself.")
                                  .arg(recorded.why()));
        if (!m_plan.followUps.isEmpty()) {
            m_followUps->setText(tr("Afterwards: %1").arg(m_plan.followUps.join(QLatin1Char(' '))));
            m_followUps->show();
        }
        break;
    case Executor::State::Failed:
        m_status->setText(tr("Step %1 failed: %2. Roll back what ran, or fix the cause and "
                             "resume.")
                              .arg(m_executor->nextAction() + 1)
                              .arg(m_executor->failure()));
        break;
    case Executor::State::Stopped:
        m_status->setText(
            tr("Stopped before step %1. Resume or roll back.").arg(m_executor->nextAction() + 1));
        break;
    case Executor::State::RolledBack:
        m_status->setText(tr("Rolled back: what this run did is undone."));
        break;
    default:
        m_status->setText(tr("%1: %2").arg(Executor::stateName(state), m_executor->failure()));
        break;
    }
    updateButtons();
    emit runEnded(state);
}

void PlanRunView::updateButtons() {
    const bool started = m_executor != nullptr;
    const Executor::State state = this->state();
    const bool busy = state == Executor::State::Running || state == Executor::State::RollingBack;
    const bool waiting = started || m_start || m_fenceRunning;
    m_apply->setEnabled(!waiting && !m_plan.isEmpty() && confirmed());
    m_confirmation->setEnabled(!waiting);
    if (m_offConfirmation)
        m_offConfirmation->setEnabled(!waiting);
    m_stop->setEnabled(state == Executor::State::Running);
    // A run taken over from the journal: both are offered until the executor exists.
    const bool recoverable = !started && m_recovered && !m_probing;
    if (m_recovered)
        m_apply->setEnabled(false);
    m_resume->setEnabled((started && m_executor->canResume() && !m_probing) || recoverable);
    m_rollback->setEnabled((started && !busy && m_executor->canRollback() && !m_probing) ||
                           recoverable);
    if (this->busy() != m_wasBusy) {
        m_wasBusy = this->busy();
        emit busyChanged(m_wasBusy);
    }
}

} // namespace nr1
