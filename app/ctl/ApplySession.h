#pragma once
// Contract: one `nr1ctl apply` run in the terminal. startApply() drives an Executor over the
// pair's runners with the per-pair journal: it prints each step as it starts, is skipped or
// ends (one JSON object per event with --json); on a failure it rolls back, re-probes and
// resumes, or leaves the pair (--on-failure, else asked on a terminal, else leave); after a
// successful run it probes again and checks every action's postcondition; then it quits the
// application with nr1ctl's exit status. confirm() asks for the typed confirmation.

#include "ctl/PairConnection.h"
#include "plan/Plan.h"

#include <QObject>
#include <memory>

namespace nr1::ctl {

/// Starts applying `plan` (made from `state`); the returned object runs it and must outlive
/// the event loop.
std::unique_ptr<QObject> startApply(PairConnection& connection, Plan plan, PairIntent intent,
                                    bool json, QString onFailure, const PairState& state);

/// Asks for the word the plan needs typed ("apply", or the volume/array name); true when given.
/// Without a terminal only `yes` confirms.
bool confirm(const Plan& plan, bool yes);

} // namespace nr1::ctl
