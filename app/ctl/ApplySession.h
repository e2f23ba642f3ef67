#pragma once
// Contract: one `nr1ctl apply` run in the terminal. startApply() first goes through
// ApplyStart (the pair's lock on both nodes, both nodes read again, the plan made again and
// compared with the confirmed one: a difference is printed and nothing runs), then drives an
// Executor over the session's runners and journal: it prints each step as it starts, is
// skipped or ends (one JSON object per event with --json); on a failure it rolls back,
// re-probes and resumes, or leaves the pair (--on-failure, else asked on a terminal, else
// leave); after a successful run it records in the inventory what the plan changed there
// (PairSession::recordRun: the names of a plan that built the pair, the roles after a
// switchover), probes again and checks every action's postcondition;
// then it gives the lock back and quits the application with nr1ctl's exit status (75 when the
// pair is locked by another nr1). SIGINT/SIGTERM before the first step end it (nothing ran);
// during the run the first is journaled and the run stops after the running step (a second one
// quits at once, leaving the lock, which this machine's next nr1 takes over: its holder is
// gone). startRecovery() does the same for a run taken over from the journal (`apply --resume`
// / `--rollback`). confirm() asks for the typed confirmation.

#include "apply/RunRecovery.h"
#include "ctl/PairConnection.h"
#include "plan/Plan.h"
#include "session/ApplyStart.h"

#include <QObject>
#include <memory>

namespace nr1::ctl {

/// Starts applying `plan`, confirmed as `recipe` made it; the returned object runs it and must
/// outlive the event loop.
std::unique_ptr<QObject> startApply(PairConnection& connection, Plan plan, PlanRecipe recipe,
                                    bool json, QString onFailure);
/// Takes over `run` from the journal (`plan` made again from it by `recipe`): the lock, a
/// fresh read, then it finishes the run or (`rollback`) undoes it, and goes on as an apply.
std::unique_ptr<QObject> startRecovery(PairConnection& connection, Plan plan, PlanRecipe recipe,
                                       RecordedRun run, bool rollback, bool json,
                                       QString onFailure);

/// Asks for the word the plan needs typed ("apply", or the volume/array name); true when given.
/// Without a terminal only `yes` confirms.
bool confirm(const Plan& plan, bool yes);

} // namespace nr1::ctl
