#pragma once
// Contract: what tests of plan runs share: a command result that exited with a code (and
// output), the replay runner of a node, and waiting for an Executor to finish (Running when
// it did not within 5 s).

#include "apply/Executor.h"
#include "transport/ReplayRunner.h"

#include <QSignalSpy>

namespace nr1 {

inline CommandResult exited(int code, QByteArray out = {}, QByteArray err = {}) {
    CommandResult result;
    result.status = CommandStatus::Exited;
    result.exitCode = code;
    result.stdoutData = std::move(out);
    result.stderrData = std::move(err);
    return result;
}

inline ReplayRunner& runnerFor(NodeRole node, ReplayRunner& primary, ReplayRunner& secondary) {
    return node == NodeRole::Primary ? primary : secondary;
}

inline Executor::State waitFinished(Executor& executor) {
    QSignalSpy finished(&executor, &Executor::finished);
    if (!finished.wait(5000))
        return Executor::State::Running;
    return executor.state();
}

} // namespace nr1
