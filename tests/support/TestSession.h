#pragma once
// Test support: a PairSession on runners the test keeps, with its journal in a temporary
// folder (never the tester's ~/.local/state), and the recordings of what an apply asks of a
// node before its first step (the pair's lock, the fresh probe) and at its end (the lock given
// back); the start of an apply made without a lost node; a node answering a probe capture.

#include "Fixtures.h"
#include "PairFixtures.h"
#include "probe/ProbeScript.h"
#include "session/ApplyStart.h"
#include "session/PairLock.h"
#include "session/PairSession.h"
#include "transport/ReplayRunner.h"

#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QTest>

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
    return probeText(state, node).toUtf8();
}

/// `runner`'s node answers the probe once with the live capture of `state`.
inline void answerProbe(ReplayRunner& runner, const QString& state, const QString& node) {
    runner.expectOutput(nodeProbeCommand().argv, probeCapture(state, node));
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

/// How the apply of a plan made without a lost node (takeover, serve-alone) started: the fresh
/// state it goes on from, or why it was refused; and whether it held the pair's lock then.
struct LostNodeStart {
    std::optional<PairState> ready;
    std::optional<QString> refusal;
    bool lockHeld = false;
};

/// Starts the apply of `plan` on the testbed pair with node `lost` answering the probe with
/// `lostProbe`, or refusing the connection when that is empty. The lost node's runner knows no
/// lock command: had the apply asked it for the lock, it would be refused. The other node
/// answers as at an apply's start (its lock, then `keptProbe`).
inline LostNodeStart startWithNodeLost(NodeRole lost, const QByteArray& lostProbe,
                                       const QByteArray& keptProbe, const Plan& plan,
                                       const PlanRecipe& recipe) {
    ReplayRunner primary;
    ReplayRunner secondary;
    ReplayRunner& lostRunner = lost == NodeRole::Primary ? primary : secondary;
    if (!lostProbe.isEmpty()) {
        lostRunner.expectOutput(nodeProbeCommand().argv, lostProbe);
    } else {
        CommandResult refused;
        refused.status = CommandStatus::ConnectionFailed;
        refused.error = QStringLiteral("connection refused");
        lostRunner.expect(nodeProbeCommand().argv, refused);
    }
    expectApplyStart(lost == NodeRole::Primary ? secondary : primary, QStringLiteral("testbed"),
                     keptProbe);
    TestSession session(testbedPair(), primary, secondary);
    PairLock lock(session, plan.title);
    ApplyStart start(session, lock, plan, recipe);
    LostNodeStart outcome;
    QObject context;
    QObject::connect(&start, &ApplyStart::ready, &context,
                     [&outcome](const PairState& fresh) { outcome.ready = fresh; });
    QObject::connect(&start, &ApplyStart::refused, &context,
                     [&outcome](ApplyStart::Refusal, const QString& why, const QStringList&) {
                         outcome.refusal = why;
                     });
    start.start();
    QDeadlineTimer deadline(10000);
    while (!outcome.ready && !outcome.refusal && !deadline.hasExpired())
        QTest::qWait(10);
    if (!outcome.ready && !outcome.refusal)
        outcome.refusal = QStringLiteral("(the apply's start neither ended nor refused in 10 s)");
    outcome.lockHeld = lock.held();
    return outcome;
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
