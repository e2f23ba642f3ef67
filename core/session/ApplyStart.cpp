#include "session/ApplyStart.h"

#include "apply/RunRecovery.h"
#include "session/PairLock.h"
#include "session/PairSession.h"

#include <vector>

namespace nr1 {

namespace {

/// An action as compared: its node, command, stdin (secrets redacted) and undo, one line each.
QStringList actionLines(const Action& action) {
    QStringList lines{
        QStringLiteral("[%1] %2").arg(nodeRoleName(action.node), action.displayLine())};
    if (!action.stdinData.isEmpty())
        lines << QStringLiteral("  stdin, one line each: %1").arg(action.displayStdin());
    for (const QStringList& undo : action.undo)
        lines << QStringLiteral("  undo: %1").arg(action.displayArgv(undo));
    return lines;
}

QStringList planLines(const Plan& plan) {
    QStringList lines;
    for (const Action& action : plan.actions)
        lines << actionLines(action);
    return lines;
}

} // namespace

QStringList planDifference(const Plan& confirmed, const Plan& now) {
    const QStringList a = planLines(confirmed);
    const QStringList b = planLines(now);
    if (a == b)
        return {};
    // Longest common subsequence over lines: plans are a few dozen actions.
    const auto n = size_t(a.size());
    const auto m = size_t(b.size());
    std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            common[i][j] = a[qsizetype(i)] == b[qsizetype(j)]
                               ? common[i + 1][j + 1] + 1
                               : std::max(common[i + 1][j], common[i][j + 1]);
    QStringList difference;
    size_t i = 0;
    size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[qsizetype(i)] == b[qsizetype(j)]) {
            ++i;
            ++j;
        } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
            difference << QStringLiteral("+ ") + b[qsizetype(j++)];
        } else {
            difference << QStringLiteral("- ") + a[qsizetype(i++)];
        }
    }
    return difference;
}

ApplyStart::ApplyStart(PairSession& session, PairLock& lock, Plan confirmed, PlanRecipe recipe,
                       Replan replan, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_lock(lock)
    , m_confirmed(std::move(confirmed))
    , m_recipe(std::move(recipe))
    , m_replan(std::move(replan)) {
    if (!m_replan)
        m_replan = [kind = m_recipe.kind, growth = m_recipe.growth,
                    level = m_recipe.level](const PairState& state, const PairIntent& intent) {
            return makePlan(PlanRecipe{kind, intent, growth, level}, state);
        };
}

QJsonObject ApplyStart::origin() const {
    return runOrigin(m_recipe, m_fresh);
}

void ApplyStart::start() {
    const std::optional<NodeRole> lost = lostNodeOf(m_recipe.kind);
    if (lost && !m_lock.held())
        m_lock.setNodes({otherRole(*lost)});
    emit progress(!lost ? tr("Taking the lock of pair %1 on both nodes…").arg(m_session.name())
                  : *lost == NodeRole::Primary
                      ? tr("Taking the lock of pair %1 on the Secondary…").arg(m_session.name())
                      : tr("Taking the lock of pair %1 on the Primary…").arg(m_session.name()));
    m_lock.take([this](const Result<void>& taken) {
        if (!taken.ok()) {
            emit refused(Refusal::Locked, taken.why(), {});
            return;
        }
        emit progress(tr("Reading the nodes again: the plan must still be the one confirmed…"));
        m_session.read(this, [this](const PairProbe& probe) {
            const Result<PairState> read =
                m_session.planState(m_recipe.kind, probe, m_recipe.intent.layout);
            if (!read.ok()) {
                const std::optional<NodeRole> lostNode = lostNodeOf(m_recipe.kind);
                const bool lostAnswers =
                    lostNode &&
                    (*lostNode == NodeRole::Primary ? probe.primary : probe.secondary).reached;
                refuse(lostAnswers ? Refusal::Changed : Refusal::Unreachable,
                       tr("nr1 applies only after reading the nodes again: %1")
                           .arg(read.why(QStringLiteral("; "))));
                return;
            }
            m_fresh = probe;
            const PairState fresh = read.value();
            const PlanResult again = m_replan(fresh, m_recipe.intent);
            if (!again.ok()) {
                refuse(Refusal::Changed,
                       tr("The pair changed since the plan was shown, and the planner now "
                          "refuses: %1")
                           .arg(again.why()));
                return;
            }
            const QStringList difference = planDifference(m_confirmed, again.value());
            if (!difference.isEmpty()) {
                refuse(Refusal::Changed,
                       tr("The pair changed since the plan was shown: the plan made now differs "
                          "from the one confirmed. Nothing was run; look at the new plan and "
                          "confirm it."),
                       difference);
                return;
            }
            emit ready(fresh);
        });
    });
}

void ApplyStart::refuse(Refusal refusal, const QString& why, const QStringList& difference) {
    m_lock.release([this, refusal, why, difference] { emit refused(refusal, why, difference); });
}

} // namespace nr1
