#pragma once
// Contract: what a Network RAID1 pair built by hand is, read from one probe of each of its two
// nodes, so nr1 can record its names and manage it like a pair it created (adoption). The
// Primary is the node that runs a RAID1 array of a local LV and a disk imported over iSCSI from
// the other node; from there: the other node's target and LV behind the imported disk, the
// volume group and volume on the array, and the LIO target that exports the volume (backstore,
// unit serial, initiators, CHAP user). Each finding is a sentence; what is not there is listed
// as missing (nr1's defaults then name it, and a repair or a build plan makes it); what nr1
// cannot manage or cannot decide (two candidate arrays, a link on another port or LUN, an
// element exported through fileio, an array neither node runs) is a problem, and a pair with a
// problem is not adopted. adoptedPair() is the inventory entry with the findings recorded: the
// nodes in their roles, replication addresses, initiator names and the layout. Pure: no I/O.

#include "inventory/Inventory.h"
#include "model/NodeState.h"

#include <QJsonObject>
#include <QStringList>

namespace nr1 {

struct PairDiscovery {
    /// The node the inventory lists as the Secondary runs the array: the entry's nodes change
    /// places.
    bool rolesSwapped = false;
    RecordedLayout layout;             ///< every name found; a field not found stays empty
    QString primaryReplicationAddress; ///< the Primary's address on the replication link
    QString secondaryReplicationAddress;
    QString primaryInitiator; ///< the nodes' iSCSI initiator names, as probed
    QString secondaryInitiator;
    QStringList found;    ///< what was found, one sentence each
    QStringList missing;  ///< what the pair lacks, and which plan makes it
    QStringList problems; ///< why the pair cannot be adopted; empty when it can

    bool adoptable() const { return problems.isEmpty(); }
};

/// Discovers the pair of `entry` from its nodes' states: `listedPrimary` is the node the entry
/// lists as the Primary, `listedSecondary` the other.
PairDiscovery discoverPair(const InventoryPair& entry, const NodeState& listedPrimary,
                           const NodeState& listedSecondary);

/// `entry` with what `discovery` found: the nodes swapped when the roles are, each node's
/// replication address and initiator name as found (kept when not found), and the layout
/// (replacing any recorded one).
InventoryPair adoptedPair(const InventoryPair& entry, const PairDiscovery& discovery);

/// The discovery as text for a terminal: found, missing, problems, under headings.
QString discoveryText(const PairDiscovery& discovery);
/// The discovery as JSON: adoptable, rolesSwapped, layout (the inventory's keys; a name not
/// found is null), the nodes' replicationAddress and initiatorName, found, missing, problems.
QJsonObject discoveryJson(const PairDiscovery& discovery);

} // namespace nr1
