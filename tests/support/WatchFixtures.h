#pragma once
// Test support for the monitor and its pane: the live watch captures of the testbed
// (tests/fixtures/testbed-live/watch/STATE/FILE), parsed, the testbed pair's layout, a node
// reading as the monitor hands it to buildPairSnapshot, and a node given the front-end LUN of
// another (a split brain).

#include "Fixtures.h"
#include "PairFixtures.h"
#include "monitor/PairSnapshot.h"
#include "plan/PairIntent.h"
#include "probe/ProbeScript.h"

namespace nr1 {

inline QString watchCapture(const QString& state, const QString& file) {
    return fixture(QStringLiteral("testbed-live/watch/%1/%2").arg(state, file));
}

inline NodeState parsedCapture(const QString& text, ProbeScope scope) {
    const auto result = parseNodeProbe(text, scope);
    if (!result.ok())
        qFatal("capture does not parse: %s", qPrintable(result.error().toString()));
    return result.value();
}

inline PairLayout testbedLayout() {
    return defaultIntent(testbedPair()).layout;
}

/// A node that answered with `state` (and `mdstat` verbatim).
inline NodeReading answering(const NodeState& state, const QString& mdstat = QString()) {
    NodeReading reading;
    reading.target = QStringLiteral("root@127.0.0.1:2222");
    reading.state = state;
    reading.reachable = true;
    reading.mdstatText = mdstat;
    return reading;
}

/// `node` exporting the testbed's front-end LUN as `server` does: its target and the backstores
/// its LUNs map (as an old Primary that restored its LUN at boot after a takeover would).
inline NodeState alsoServing(NodeState node, const NodeState& server) {
    for (const LioTarget& target : server.lio.targets) {
        if (target.wwn != testbedLayout().frontEnd->targetIqn)
            continue;
        node.lio.targets.push_back(target);
        for (const Tpg& tpg : target.tpgs)
            for (const LioLun& lun : tpg.luns)
                for (const StorageObject& object : server.lio.storageObjects)
                    if (object.configPath() == lun.storageObject)
                        node.lio.storageObjects.push_back(object);
    }
    return node;
}

} // namespace nr1
