#pragma once
// Contract: the one place that turns an inventory node into an SSH target: the inventory's
// fields (host, port, user, key file, known_hosts) override ~/.ssh/config, which overrides
// libssh's defaults.

#include "inventory/Inventory.h"
#include "ssh/SshTarget.h"

namespace nr1 {

SshTarget sshTargetFor(const InventoryNode& node, const QString& knownHostsFile);
inline SshTarget sshTargetFor(const Inventory& inventory, const InventoryNode& node) {
    return sshTargetFor(node, inventory.knownHostsFile);
}

} // namespace nr1
