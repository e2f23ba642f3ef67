#pragma once
// Test support: a PairSession on runners the test keeps, with its journal in a temporary
// folder (never the tester's ~/.local/state), and the recordings of what an apply asks of a
// node before its first step (the pair's lock, the fresh probe) and at its end (the lock given
// back).

#include "Fixtures.h"
#include "probe/ProbeScript.h"
#include "session/ApplyStart.h"
#include "session/PairLock.h"
#include "session/PairSession.h"
#include "transport/ReplayRunner.h"

#include <QTemporaryDir>

namespace nr1 {

struct TestSession {
    QTemporaryDir folder;
    PairSession session;

    TestSession(const InventoryPair& pair, CommandRunner& primary, CommandRunner& secondary)
        : session(pair, primary, secondary, folder.filePath(QStringLiteral("journal.jsonl"))) {}
    operator PairSession&() { return session; }
};

/// The live probe capture of a testbed node in `state` ("blank", "created", …).
inline QByteArray probeCapture(const QString& state, const QString& node) {
    return fixture(QStringLiteral("testbed-live/probe/%1/%2.probe.txt").arg(state, node)).toUtf8();
}

/// The pair's lock taken on `runner`'s node and given back.
inline void expectLock(ReplayRunner& runner, const QString& pair) {
    CommandResult ok;
    ok.status = CommandStatus::Exited;
    ok.exitCode = 0;
    runner.expect(PairLock::takeCommand(pair).argv, ok);
    runner.expect(PairLock::releaseCommand(pair).argv, ok);
}

/// What an apply asks of `runner`'s node: its lock taken, the probe (answered with `probe`),
/// and the lock given back at the end.
inline void expectApplyStart(ReplayRunner& runner, const QString& pair, const QByteArray& probe) {
    expectLock(runner, pair);
    runner.expectOutput(nodeProbeCommand().argv, probe);
}

/// True for the commands of the pair's lock (to leave them out of a list of plan steps).
inline bool isLockCommand(const QStringList& argv, const QString& pair) {
    return argv == PairLock::takeCommand(pair).argv || argv == PairLock::releaseCommand(pair).argv;
}

/// The recipe of a made-up plan (its planner is samePlan()).
inline PlanRecipe testRecipe() {
    return PlanRecipe{QStringLiteral("test"), testbedIntent(), {}, {}};
}

/// A replan that makes `plan` again whatever the nodes say (for views tested on made-up plans).
inline Replan samePlan(const Plan& plan) {
    return [plan](const PairState&, const PairIntent&) {
        return PlanResult(plan);
    };
}

} // namespace nr1
