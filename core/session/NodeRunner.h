#pragma once
// Contract: a runner for one node as the inventory (or the pair editor's form) describes it,
// for windows that must reach a node outside a PairSession (the pair editor's connection
// test): nr1's SSH runner, reached through the ConnectedRunner interface. Unknown host keys
// and passphrases go to `delegate`, which must outlive the runner.

#include "inventory/Inventory.h"
#include "transport/ConnectedRunner.h"
#include "transport/OperatorDelegate.h"

#include <memory>

namespace nr1 {

std::unique_ptr<ConnectedRunner>
connectNode(const InventoryNode& node, const QString& knownHostsFile, OperatorDelegate* delegate);

} // namespace nr1
