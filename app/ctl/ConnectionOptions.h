#pragma once
// Contract: the connection options every nr1ctl command that talks to nodes shares
// (--inventory, --known-hosts, --accept-new-host-key, --identity, --user, --port), and how a
// NODE argument becomes an SshTarget: "PAIR/primary", "PAIR/secondary", "primary"/"secondary"
// when the inventory holds one pair, or else a host name or ~/.ssh/config alias. Options given
// on the command line override the inventory, which overrides ~/.ssh/config. A NODE that names
// no target (an unreadable inventory, no such pair) is a Result failure with the sentence why.

#include "base/Result.h"
#include "inventory/Inventory.h"
#include "ssh/SshTarget.h"

#include <QStringList>
#include <optional>

namespace nr1::ctl {

struct ConnectionOptions {
    QString inventoryPath; ///< empty: the default, if it exists
    bool inventoryGiven = false;
    QString knownHostsFile;
    bool acceptNewHostKey = false;
    QString identity;
    QString user;
    std::optional<int> port;

    /// Takes the options it knows out of `arguments`; returns an error text, or empty.
    QString take(QStringList& arguments);
    /// The target for NODE, or why there is none.
    Result<SshTarget> resolve(const QString& node) const;

    static QString defaultInventoryPath();
    static QString help();
};

} // namespace nr1::ctl
