#include "ctl/PairConnection.h"

#include "ctl/ExitCodes.h"
#include "ctl/IntentOptions.h"
#include "ctl/Terminal.h"
#include "session/SshTargets.h"
#include "ssh/SshRunner.h"

#include <QCoreApplication>

namespace nr1::ctl {

std::optional<int> PairOptions::takeOrEnd(QStringList& arguments, const QString& command,
                                          const QString& helpText) {
    if (const QString error = take(arguments); !error.isEmpty()) {
        printError(command, error);
        return kExitUsage;
    }
    if (help) {
        print(helpText);
        return kExitOk;
    }
    return std::nullopt;
}

QString pairOptionsHelp() {
    return QStringLiteral("  --pair NAME             the pair (may be left out when the inventory "
                          "holds one)\n"
                          "  --json                  machine-readable output\n");
}

Result<InventoryPairFound> findInventoryPair(const PairOptions& options) {
    const QString path = options.connection.inventoryPath.isEmpty()
                             ? ConnectionOptions::defaultInventoryPath()
                             : options.connection.inventoryPath;
    const auto loaded = loadInventory(path);
    if (!loaded.ok())
        return failure(loaded.why());
    const Inventory& inventory = loaded.value();
    const InventoryPair* found = nullptr;
    if (!options.pairName.isEmpty())
        found = inventory.findPair(options.pairName);
    else if (inventory.pairs.size() == 1)
        found = &inventory.pairs.front();
    if (!found)
        return failure(
            options.pairName.isEmpty()
                ? QStringLiteral("the inventory %1 holds %2 pairs: name one with --pair")
                      .arg(path)
                      .arg(inventory.pairs.size())
                : QStringLiteral("no pair '%1' in the inventory %2").arg(options.pairName, path));
    return InventoryPairFound{inventory, *found, path};
}

Result<std::unique_ptr<PairConnection>> connect(const PairOptions& options) {
    Result<InventoryPairFound> found = findInventoryPair(options);
    if (!found.ok())
        return failure(found.reasons());
    auto connection = std::make_unique<PairConnection>();
    connection->inventory = std::move(found.value().inventory);
    const InventoryPair& pair = found.value().pair;
    auto targetFor = [&](const InventoryNode& node) {
        SshTarget target = sshTargetFor(connection->inventory, node);
        if (!options.connection.knownHostsFile.isEmpty())
            target.knownHostsFile = options.connection.knownHostsFile;
        if (!options.connection.identity.isEmpty())
            target.identityFiles = {options.connection.identity};
        if (!options.connection.user.isEmpty())
            target.user = options.connection.user;
        // Like --user and --identity, --port applies to both nodes of the pair.
        if (options.connection.port)
            target.port = options.connection.port;
        return target;
    };
    connection->trust = std::make_unique<TerminalTrust>(options.connection.acceptNewHostKey);
    auto primary = std::make_unique<SshRunner>(targetFor(pair.primary), connection->trust.get());
    auto secondary =
        std::make_unique<SshRunner>(targetFor(pair.secondary), connection->trust.get());
    connection->session =
        std::make_unique<PairSession>(pair, std::move(primary), std::move(secondary));
    connection->session->setInventoryPath(found.value().path);
    return connection;
}

QString buildIntent(const PairConnection& connection, const PairProbe& probe, QStringList arguments,
                    PairIntent& intent, QStringList* rest) {
    intent = connection.session->intent(probe);
    const QString error = takeIntentOptions(arguments, intent);
    if (rest)
        *rest = arguments;
    return error;
}

void probeThen(PairConnection& connection, const QString& command,
               std::function<void(const PairProbe&)> then, int exitWhenUnreachable) {
    PairSession& session = *connection.session;
    session.read(&session, [&session, command, then = std::move(then),
                            exitWhenUnreachable](const PairProbe& probe) {
        if (!probe.ok()) {
            for (const QString& error : session.readErrors(probe))
                printError(command, error);
            QCoreApplication::exit(exitWhenUnreachable);
            return;
        }
        then(probe);
    });
}

} // namespace nr1::ctl
