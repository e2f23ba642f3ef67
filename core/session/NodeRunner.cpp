#include "session/NodeRunner.h"

#include "session/SshTargets.h"
#include "ssh/SshRunner.h"

namespace nr1 {

SshTarget sshTargetFor(const InventoryNode& node, const QString& knownHostsFile) {
    SshTarget target;
    target.host = node.host;
    target.port = node.port;
    target.user = node.user;
    if (!node.identity.isEmpty())
        target.identityFiles = {node.identity};
    target.knownHostsFile = knownHostsFile;
    return target;
}

std::unique_ptr<ConnectedRunner>
connectNode(const InventoryNode& node, const QString& knownHostsFile, OperatorDelegate* delegate) {
    return std::make_unique<SshRunner>(sshTargetFor(node, knownHostsFile), delegate);
}

} // namespace nr1
