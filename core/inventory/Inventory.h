#pragma once
// Contract: the inventory of Network RAID1 pairs nr1 manages, as read from its YAML file
// (docs/inventory.md): each pair's two nodes with how to reach them over SSH, their replication
// addresses and iSCSI initiator names. Reading validates every field and reports the first
// problem with the file, line and field; it never returns a half-read inventory.

#include "probe/ParseResult.h"
#include "ssh/SshTarget.h"

#include <QString>
#include <optional>
#include <vector>

namespace nr1 {

struct InventoryNode {
    QString host;
    std::optional<int> port;
    QString user;
    QString identity;           ///< absolute path (relative ones are taken from the file's folder)
    QString replicationAddress; ///< the address on the replication link
    QString initiatorName;      ///< the node's iSCSI initiator name, when known
    std::optional<int> iscsiPort; ///< where the front-end iSCSI port is reachable, when not 3260
    bool operator==(const InventoryNode&) const = default;
};

struct InventoryPair {
    QString name;
    InventoryNode primary;
    InventoryNode secondary;
    bool operator==(const InventoryPair&) const = default;
};

struct Inventory {
    int version = 1;
    QString knownHostsFile; ///< absolute; empty: ~/.ssh/known_hosts
    std::vector<InventoryPair> pairs;
    bool operator==(const Inventory&) const = default;

    const InventoryPair* findPair(const QString& name) const;
};

/// Parses inventory YAML; `baseDirectory` resolves relative paths.
ParseResult<Inventory> parseInventory(const QString& yaml, const QString& baseDirectory,
                                      const QString& source = QStringLiteral("inventory"));
/// Reads and parses a file.
ParseResult<Inventory> loadInventory(const QString& path);

/// The SSH target for a node: the inventory's fields override ~/.ssh/config.
SshTarget sshTargetFor(const Inventory& inventory, const InventoryNode& node);

} // namespace nr1
