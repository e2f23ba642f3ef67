#pragma once
// Contract: probes both nodes of a pair at once (one round trip each, nodeProbeCommand) and
// delivers one PairProbe to `onDone` on `context`'s thread when both answered (each node's
// answer also to `onNode` as it comes). A node that
// cannot be reached, whose probe fails or whose output does not parse is reported with the
// reason; a plan is only ever made from a PairProbe where both nodes are ok().

#include "exec/CommandRunner.h"
#include "model/Pair.h"
#include "probe/NodeProbe.h"
#include "probe/ParseResult.h"

#include <functional>

namespace nr1 {

struct NodeProbe {
    std::optional<NodeState> state;
    QString error; ///< why there is no state: unreachable, probe failed, output did not parse
    ParseWarnings warnings;
    QByteArray rawOutput; ///< the probe's stdout as received, for captures and bug reports
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

/// What probePair asked of each node, to cancel what has not answered yet.
struct PairProbeRequests {
    RequestId primary = 0;
    RequestId secondary = 0;
};

/// Called as each node answers, before onDone: a window can say which node is still silent.
using NodeProbed = std::function<void(NodeRole, const NodeProbe&)>;

PairProbeRequests probePair(CommandRunner& primary, CommandRunner& secondary, QObject* context,
                            std::function<void(const PairProbe&)> onDone, NodeProbed onNode = {});

} // namespace nr1
