#pragma once
// Test support for planner, executor and monitor tests: pair states (and the nodes' probes) from
// the live probe captures in
// tests/fixtures/testbed-live/probe/STATE/ (and a capture as it reads once nr1's boot gate is
// installed), the testbed's inventory pair, and a plan as "node: command line" rows (a node
// script's row too), and a search in a list of texts.

#include "Fixtures.h"
#include "base/NodeScript.h"
#include "base/RemoteShell.h"
#include "inventory/Inventory.h"
#include "plan/BootGate.h"
#include "plan/PairIntent.h"
#include "plan/Plan.h"
#include "probe/NodeProbe.h"
#include "probe/ProbeScript.h"

#include <QCryptographicHash>
#include <algorithm>

namespace nr1 {

/// "make a b" → {"make", "a", "b"}: argv in tests without a QStringLiteral per word.
inline QStringList words(const char* text) {
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

/// The live probe capture of a testbed node in `state` ("blank", "created", …), verbatim.
inline QString probeText(const QString& state, const QString& node) {
    return fixture(QStringLiteral("testbed-live/probe/%1/%2.probe.txt").arg(state, node));
}

/// What nr1 makes of a node's probe output, as a probe that exited 0 gave it (with the clock).
inline NodeProbe probeOf(const QString& output) {
    CommandResult result;
    result.status = CommandStatus::Exited;
    result.exitCode = 0;
    result.stdoutData = output.toUtf8();
    return nodeProbeFromResult(result);
}

/// Both nodes' probes from the live captures of `state`.
inline PairProbe capturedPairProbe(const QString& state) {
    return PairProbe{probeOf(probeText(state, QStringLiteral("primary"))),
                     probeOf(probeText(state, QStringLiteral("secondary")))};
}

inline NodeState probedNode(const QString& state, const QString& node) {
    const auto parsed = parseNodeProbe(probeText(state, node));
    if (!parsed.ok())
        qFatal("probe fixture %s/%s: %s", qPrintable(state), qPrintable(node),
               qPrintable(parsed.error().toString()));
    return parsed.value();
}

inline InventoryPair testbedPair() {
    InventoryPair pair;
    pair.name = QStringLiteral("testbed");
    pair.primary.host = QStringLiteral("127.0.0.1");
    pair.primary.replicationAddress = QStringLiteral("10.99.0.1");
    pair.primary.initiatorName = QStringLiteral("iqn.2024-01.test.testbed:primary");
    pair.secondary.host = QStringLiteral("127.0.0.1");
    pair.secondary.replicationAddress = QStringLiteral("10.99.0.2");
    pair.secondary.initiatorName = QStringLiteral("iqn.2024-01.test.testbed:secondary");
    return pair;
}

/// The intent the e2e test gives: both disks on each node, 1 GiB elements, one initiator; with
/// the probed Primary as a session makes it (its running LUN's serial kept).
inline PairIntent testbedIntent(const NodeState* probedPrimary = nullptr) {
    PairIntent intent = defaultIntent(testbedPair(), probedPrimary);
    intent.primaryDisks = {QStringLiteral("/dev/vdb"), QStringLiteral("/dev/vdc")};
    intent.secondaryDisks = intent.primaryDisks;
    intent.elementSize = SizeRequest::ofBytes(qint64(1) << 30);
    intent.frontEndExport.initiators = {QStringLiteral("iqn.2024-01.test.host:libiscsi")};
    return intent;
}

inline PairState probedPair(const QString& state, const PairIntent& intent) {
    return PairState{intent.layout, probedNode(state, QStringLiteral("primary")),
                     probedNode(state, QStringLiteral("secondary"))};
}

inline QStringList commandRows(const Plan& plan) {
    QStringList rows;
    for (const Action& action : plan.actions)
        rows << nodeRoleName(action.node) + QStringLiteral(": ") + action.displayLine();
    return rows;
}

/// `state` as the probe reads it once nr1's boot gate for `intent` is installed on both nodes
/// (its files' SHA-256, its unit enabled) and the volume group's autoactivation is off: for
/// captures taken before the gate (the live capture "boot-gated" has the real thing).
inline void withBootGate(PairState& state, const PairIntent& intent) {
    const auto sha256 = [](const QString& text) {
        return QString::fromLatin1(
            QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
    };
    for (NodeState* node : {&state.primary, &state.secondary}) {
        node->bootGateFiles.insert(bootGateScriptFile(), sha256(nodeScript(NodeScript::BootGate)));
        node->bootGateFiles.insert(bootGateUnitFile(intent.layout.name),
                                   sha256(bootGateUnitText(intent)));
        node->unitStates.insert(bootGateUnit(intent.layout.name), QStringLiteral("enabled"));
    }
    for (VolumeGroup& vg : state.primary.lvm.vgs)
        if (intent.layout.frontEnd && vg.name == intent.layout.frontEnd->volume.vg)
            vg.autoactivation = false;
}

/// "NODE: sh -c BODY sh ARGS…", a node script's row as commandRows() shows it.
inline QString scriptRow(NodeRole node, NodeScript script, const QStringList& arguments) {
    return nodeRoleName(node) + QStringLiteral(": ") +
           displayCommandLine(nodeScriptArgv(script, arguments));
}

/// The testbed pair's boot gate installed on `node` (boot-gate-install.sh with the gate's
/// script and the pair's unit), as commandRows() shows it.
inline QString bootGateRow(NodeRole node) {
    return scriptRow(node, NodeScript::BootGateInstall,
                     {QStringLiteral("install"), QStringLiteral("/etc/nr1/boot-gate.sh"),
                      nodeScript(NodeScript::BootGate),
                      QStringLiteral("/etc/systemd/system/nr1-boot-gate-testbed.service"),
                      bootGateUnitText(testbedIntent())});
}

/// The testbed pair's boot gate removed from `node` (a teardown), as commandRows() shows it.
inline QString gateRemoval(NodeRole node) {
    return scriptRow(node, NodeScript::BootGateInstall,
                     {QStringLiteral("remove"),
                      QStringLiteral("/etc/systemd/system/nr1-boot-gate-testbed.service")});
}

/// True when one of `texts` (reasons, rows, warnings) contains `part`.
inline bool anyContains(const QStringList& texts, const QString& part) {
    return std::any_of(texts.begin(), texts.end(),
                       [&part](const QString& text) { return text.contains(part); });
}

/// Compares row by row so a failure names the first differing row.
inline void compareRows(const QStringList& actual, const QStringList& expected) {
    for (qsizetype i = 0; i < std::min(actual.size(), expected.size()); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
    QCOMPARE(actual.size(), expected.size());
}

} // namespace nr1
