#include "ctl/ConnectionOptions.h"

#include "base/Numbers.h"
#include "session/SshTargets.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace nr1::ctl {

QString ConnectionOptions::defaultInventoryPath() {
    return nr1::defaultInventoryPath();
}

QString ConnectionOptions::help() {
    return QStringLiteral(
               "Connection options:\n"
               "  --inventory FILE        pairs and nodes (default: %1)\n"
               "  --known-hosts FILE      OpenSSH known_hosts to check and extend (default: the\n"
               "                          inventory's, else ~/.ssh/known_hosts)\n"
               "  --accept-new-host-key   trust and remember a host key seen for the first time\n"
               "                          (without it nr1ctl asks on the terminal, or refuses "
               "when\n"
               "                          there is none); a changed key is always refused\n"
               "  --identity FILE         private key to log in with (also: ssh-agent, "
               "~/.ssh/config)\n"
               "  --user NAME             login user (commands run through 'sudo -n' unless root)\n"
               "  --port N                SSH port (for a pair command: both nodes' port)\n"
               "NODE is PAIR/primary or PAIR/secondary from the inventory, primary or secondary "
               "when it\n"
               "holds one pair, or else a host name or ~/.ssh/config alias.\n")
        .arg(defaultInventoryPath());
}

QString ConnectionOptions::take(QStringList& arguments) {
    QStringList rest;
    for (qsizetype index = 0; index < arguments.size(); ++index) {
        const QString& argument = arguments.at(index);
        if (argument == QLatin1String("--")) {
            rest += arguments.mid(index);
            break;
        }
        auto value = [&](QString& target) -> bool {
            if (index + 1 >= arguments.size())
                return false;
            target = arguments.at(++index);
            return true;
        };
        if (argument == QLatin1String("--inventory")) {
            if (!value(inventoryPath))
                return QStringLiteral("--inventory needs a FILE");
            inventoryGiven = true;
        } else if (argument == QLatin1String("--known-hosts")) {
            if (!value(knownHostsFile))
                return QStringLiteral("--known-hosts needs a FILE");
        } else if (argument == QLatin1String("--identity")) {
            if (!value(identity))
                return QStringLiteral("--identity needs a FILE");
        } else if (argument == QLatin1String("--user")) {
            if (!value(user))
                return QStringLiteral("--user needs a NAME");
        } else if (argument == QLatin1String("--port")) {
            QString text;
            const std::optional<int> number = value(text) ? toInt(text) : std::nullopt;
            if (!number || *number < 1 || *number > 65535)
                return QStringLiteral("--port needs a number from 1 to 65535");
            port = number;
        } else if (argument == QLatin1String("--accept-new-host-key")) {
            acceptNewHostKey = true;
        } else {
            rest << argument;
        }
    }
    arguments = rest;
    return {};
}

Result<SshTarget> ConnectionOptions::resolve(const QString& node) const {
    Inventory inventory;
    const QString path = inventoryPath.isEmpty() ? defaultInventoryPath() : inventoryPath;
    if (inventoryGiven || QFile::exists(path)) {
        const auto loaded = loadInventory(path);
        if (!loaded.ok())
            return failure(loaded.why());
        inventory = loaded.value();
    }
    SshTarget target;
    const QString pairName =
        node.contains(QLatin1Char('/')) ? node.section(QLatin1Char('/'), 0, 0) : QString();
    const QString role = node.section(QLatin1Char('/'), -1);
    const bool isRole = role == QLatin1String("primary") || role == QLatin1String("secondary");
    const InventoryPair* pair = nullptr;
    if (!pairName.isEmpty()) {
        pair = inventory.findPair(pairName);
        if (!pair || !isRole)
            return failure(QStringLiteral("no node '%1' in the inventory %2").arg(node, path));
    } else if (isRole && inventory.pairs.size() == 1) {
        pair = &inventory.pairs.front();
    } else if (isRole && inventory.pairs.size() > 1) {
        return failure(QStringLiteral("the inventory holds several pairs: name the node as PAIR/%1")
                           .arg(role));
    }
    if (pair)
        target = sshTargetFor(inventory,
                              role == QLatin1String("primary") ? pair->primary : pair->secondary);
    else
        target.host = node;
    if (!knownHostsFile.isEmpty())
        target.knownHostsFile = knownHostsFile;
    if (!identity.isEmpty())
        target.identityFiles = {identity};
    if (!user.isEmpty())
        target.user = user;
    if (port)
        target.port = port;
    return target;
}

} // namespace nr1::ctl
