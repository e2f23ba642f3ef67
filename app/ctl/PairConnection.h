#pragma once
// Contract: what every nr1ctl pair command shares: its common options (--pair, --json, --help
// and the connection options), the pair found in the inventory as a PairSession (an SSH runner
// per node, the journal), the intent built from the session's defaults and the command line,
// and one asynchronous read of both nodes that reports unreachable nodes and quits with 255.

#include "ctl/ConnectionOptions.h"
#include "ctl/IntentOptions.h"
#include "ctl/TerminalTrust.h"
#include "plan/PairIntent.h"
#include "probe/NodeProbe.h"
#include "session/PairSession.h"

#include <functional>
#include <memory>
#include <optional>

namespace nr1::ctl {

/// Both nodes of one inventory pair, reachable over SSH.
struct PairConnection {
    Inventory inventory;
    std::unique_ptr<TerminalTrust> trust; ///< before the session: its runners ask it
    std::unique_ptr<PairSession> session;
    const InventoryPair& pair() const { return session->pair(); }
};

/// Common options of the pair commands, taken out of the argument list.
struct PairOptions {
    ConnectionOptions connection;
    QString pairName;
    bool json = false;
    bool help = false;

    QString take(QStringList& arguments) {
        help = takeFlag(arguments, QStringLiteral("--help")) ||
               takeFlag(arguments, QStringLiteral("-h"));
        json = takeFlag(arguments, QStringLiteral("--json"));
        QString error;
        takeValue(arguments, QStringLiteral("--pair"), pairName, error);
        if (!error.isEmpty())
            return error;
        return connection.take(arguments);
    }
    /// take(), then the usual ends: a usage error (64) or --help (0) end the command with
    /// that exit status; nullopt: go on.
    std::optional<int> takeOrEnd(QStringList& arguments, const QString& command,
                                 const QString& helpText);
};

QString pairOptionsHelp();
/// A pair and the inventory it was found in.
struct InventoryPairFound {
    Inventory inventory;
    InventoryPair pair;
    QString path; ///< the inventory file
};

/// Reads the inventory and finds the pair the options name (--pair, or the only one); or why
/// not: the inventory cannot be read or names no such pair.
Result<InventoryPairFound> findInventoryPair(const PairOptions& options);
/// Both nodes of the pair the options name, or why there is no such pair.
Result<std::unique_ptr<PairConnection>> connect(const PairOptions& options);
/// The intent: inventory defaults, the probed initiator name when the inventory has none, then
/// the command line's intent options; unknown arguments are left in `rest`. Returns an error.
QString buildIntent(const PairConnection& connection, const PairProbe& probe, QStringList arguments,
                    PairIntent& intent, QStringList* rest = nullptr);
/// Probes both nodes; calls `then` with the probe, or prints why not and quits with
/// `exitWhenUnreachable` (255 before anything ran; 1 when a plan already ran).
void probeThen(PairConnection& connection, const QString& command,
               std::function<void(const PairProbe&)> then, int exitWhenUnreachable = 255);

} // namespace nr1::ctl
