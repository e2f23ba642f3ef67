#include "inventory/PairFields.h"

namespace nr1 {

NodeFields fieldsOf(const InventoryNode& node) {
    NodeFields fields;
    fields.host = node.host;
    fields.port = node.port ? QString::number(*node.port) : QString();
    fields.user = node.user;
    fields.identity = node.identity;
    fields.replicationAddress = node.replicationAddress;
    fields.initiatorName = node.initiatorName;
    fields.iscsiPort = node.iscsiPort ? QString::number(*node.iscsiPort) : QString();
    fields.fenceCommand = node.fenceCommand;
    return fields;
}

PairFields fieldsOf(const InventoryPair& pair) {
    return PairFields{pair.name, fieldsOf(pair.primary), fieldsOf(pair.secondary),
                      pair.frontEndAddress, pair.layout};
}

} // namespace nr1
