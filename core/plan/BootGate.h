#pragma once
// Contract: nr1's boot gate of a pair (core/scripts/boot-gate.sh; docs/plans.md, "Boot
// safety"). The volume group on the pair's array has LVM autoactivation off; at boot the gate
// activates it on the node whose mdadm.conf names the array, once the array runs with every
// leg (LIO's restore waits for the volume's device), and otherwise leaves it down. The same
// files serve both nodes (the gate tells the Primary by its ARRAY line), so a role swap leaves
// them alone. Internal to core/plan.

#include "model/Pair.h"

#include <QString>

namespace nr1 {

class PlanBuilder;
struct NodeState;
struct PairIntent;

/// How long the gate waits at boot for the array to run with every leg (the peer's login):
/// within the 90 s LIO's restore waits for the volume's device (systemd's default device
/// timeout), so a volume the gate lets through is served by LIO's restore itself.
inline constexpr int kBootGateSeconds = 80;

/// The gate's script on a node, shared by the node's pairs.
QString bootGateScriptFile();
/// The pair's unit ("nr1-boot-gate-NAME.service") and its file in /etc/systemd/system.
QString bootGateUnit(const QString& pairName);
QString bootGateUnitFile(const QString& pairName);
/// The unit's text for the pair of `intent`.
QString bootGateUnitText(const PairIntent& intent);
/// True when `node` holds the gate exactly as this nr1 writes it for `intent`, enabled.
bool hasBootGate(const NodeState& node, const PairIntent& intent);

/// Installs (or brings up to date) the pair's gate on `node` when it is not as written.
void planBootGate(PlanBuilder& builder, NodeRole node);
/// Turns LVM autoactivation off for the volume group on the array, when the Primary sees it
/// with autoactivation on (a pair from before the gate; new ones are created with it off).
void planVolumeAutoactivationOff(PlanBuilder& builder);
/// Disables and removes the pair's unit on `node` (a teardown of its volume group), if there.
void planBootGateRemoval(PlanBuilder& builder, NodeRole node);

} // namespace nr1
