#pragma once
// Contract: what a node answered to the probe (ProbeScript's command), as a value: its state,
// or why there is none (not reachable, no answer in time, the probe failed, the output did not
// parse), with the parser's warnings and the raw output. A PairProbe holds both nodes' answers;
// a plan is only ever made from a PairProbe where both nodes are ok(). Pure: the I/O that reads
// the nodes is session/PairRead.

#include "base/ParseResult.h"
#include "model/Pair.h"
#include "probe/ProbeScript.h"
#include "transport/Command.h"

namespace nr1 {

struct NodeProbe {
    std::optional<NodeState> state;
    QString error; ///< why there is no state: unreachable, probe failed, output did not parse
    ParseWarnings warnings;
    QByteArray rawOutput; ///< the probe's stdout as received, for captures and bug reports
    /// True when the node ran the probe (whatever became of it): it is up and nr1 reaches it.
    /// False when the connection failed or broke (down, unreachable, login refused).
    bool reached = false;
    /// The node's clock when it ran the probe (seconds since 1970); nullopt when the probe did
    /// not say (older captures). A fact of the moment, not of the node's state: NodeState
    /// leaves it out so that an unchanged node compares equal.
    std::optional<qint64> clockSeconds;
    bool ok() const { return state.has_value(); }
};

struct PairProbe {
    NodeProbe primary;
    NodeProbe secondary;
    bool ok() const { return primary.ok() && secondary.ok(); }
    /// Precondition: ok().
    PairState pairState(const PairLayout& layout) const {
        return PairState{layout, *primary.state, *secondary.state};
    }
    /// One sentence per node that failed: "primary (root@host:22): …".
    QStringList errors(const QString& primaryTarget, const QString& secondaryTarget) const;
};

/// Turns the result of nodeProbeCommand(scope) into a NodeProbe.
NodeProbe nodeProbeFromResult(const CommandResult& result, ProbeScope scope = ProbeScope::Full);

} // namespace nr1
