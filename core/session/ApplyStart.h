#pragma once
// Contract: what happens between the operator's "apply" and the first step, the same in nr1ctl
// and the console. It takes the pair's lock on both nodes (PairLock; on the Secondary alone
// for a takeover, whose Primary must not answer: PairSession::planState), reads them again,
// makes the plan again with the confirmed intent from what they say now, and compares it with
// the plan the operator confirmed: every action's node, command line and undo, in order. Only
// when they are the same does `ready` come, with the fresh state to apply from (the lock stays
// held: the caller gives it back when the run is over). Otherwise the lock is given back and
// `refused` says why: the lock's holder, a node that does not answer, the planner's refusals
// now, or how the plans differ, line by line ("- " confirmed, "+ " now). A preview taken before
// the pair changed (an array that went degraded, a second administrator's run) is therefore
// never applied. origin() is then what the Executor journals with the plan (the recipe and the
// fresh probe: apply/RunRecovery), so that a crashed run can be made again exactly. Nothing
// blocks; the session and the lock must outlive it.

#include "plan/Plan.h"
#include "plan/PlanRecipe.h"
#include "probe/NodeProbe.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

namespace nr1 {

class PairLock;
class PairSession;

/// Makes a plan from a fresh state; by default makePlan(recipe, state).
using Replan = std::function<PlanResult(const PairState&, const PairIntent&)>;

/// How `now` differs from `confirmed`, as "- [node] command" / "+ [node] command" lines (undo
/// commands as "  undo: …"); empty when they are the same.
QStringList planDifference(const Plan& confirmed, const Plan& now);

class ApplyStart : public QObject {
    Q_OBJECT
public:
    enum class Refusal {
        Locked,      ///< another owner holds the lock (or it cannot be taken)
        Unreachable, ///< a node did not answer the fresh read
        Changed,     ///< the planner refuses now, or makes another plan
    };

    /// `recipe` is what made `confirmed`: the same planner is asked again with it (`replan`
    /// instead, when given: for views tested on made-up plans).
    ApplyStart(PairSession& session, PairLock& lock, Plan confirmed, PlanRecipe recipe,
               Replan replan = {}, QObject* parent = nullptr);
    void start();
    /// After `ready`: the recipe and the fresh probe the plan was made again from.
    QJsonObject origin() const;

signals:
    /// What it does now ("Taking the pair's lock…"), for a status line.
    void progress(const QString& what);
    void ready(const nr1::PairState& fresh);
    void refused(nr1::ApplyStart::Refusal refusal, const QString& why,
                 const QStringList& difference);

private:
    void refuse(Refusal refusal, const QString& why, const QStringList& difference = {});

    PairSession& m_session;
    PairLock& m_lock;
    Plan m_confirmed;
    PlanRecipe m_recipe;
    Replan m_replan;
    PairProbe m_fresh;
};

} // namespace nr1
