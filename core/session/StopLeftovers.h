#pragma once
// Contract: before another nr1 takes over a journaled run (apply --resume/--rollback, the
// console's Interrupted Run), what the run may have left running on the nodes is stopped: the
// commands of RecordedRun::leftovers, by their tags (core/scripts/stop-step.sh: SIGTERM to them
// and their process groups, SIGKILL after 3 s, then it waits until none is left). `done` once
// every node answered: ok when nothing of them runs any more (also when nothing was left), else
// a failure naming the node and what it said — the run must then not be taken over. Nothing
// blocks; answers come on `context`'s thread, never from inside the call.

#include "apply/RunRecovery.h"
#include "base/Result.h"

#include <QObject>
#include <functional>

namespace nr1 {

class PairSession;

void stopLeftovers(PairSession& session, const RecordedRun& run, QObject* context,
                   std::function<void(const Result<void>&)> done);

} // namespace nr1
