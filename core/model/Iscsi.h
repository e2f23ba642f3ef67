#pragma once
// Contract: value types for open-iscsi on a node: its initiator name, discovery records and
// sessions with the SCSI disks attached through them. Comparable with ==.

#include <QString>
#include <optional>
#include <vector>

namespace nr1 {

/// An iSCSI portal: address, port and target portal group tag.
struct IscsiPortal {
    QString address; ///< IPv4 or IPv6 without brackets, or a host name
    int port = 3260;
    std::optional<int> tpgt;
    bool operator==(const IscsiPortal&) const = default;
    /// "10.99.0.2:3260" ("[fe80::1]:3260" for IPv6): the form iscsiadm -p takes.
    QString hostPort() const;
};

/// One line of `iscsiadm -m discovery -t st`.
struct DiscoveryRecord {
    IscsiPortal portal;
    QString targetIqn;
    bool operator==(const DiscoveryRecord&) const = default;
};

struct AttachedDisk {
    int hostNumber = 0;
    int channel = 0;
    int id = 0;
    int lun = 0;
    QString disk;  ///< kernel name, e.g. "sda"; empty while not attached
    QString state; ///< "running", "transport-offline", …
    bool operator==(const AttachedDisk&) const = default;
};

struct IscsiSession {
    QString targetIqn;
    bool flash = false;
    IscsiPortal currentPortal;
    IscsiPortal persistentPortal;
    std::optional<int> sid;
    QString transport; ///< "tcp"
    QString ifaceName;
    QString initiatorName;
    QString ifaceAddress;
    QString connectionState; ///< "LOGGED IN", "TRANSPORT WAIT", …
    QString sessionState;    ///< "LOGGED_IN", "FAILED", "FREE"
    QString internalState;
    std::optional<int> recoveryTimeout; ///< = node.session.timeo.replacement_timeout
    std::optional<int> hostNumber;
    QString hostState;
    std::vector<AttachedDisk> disks;
    bool operator==(const IscsiSession&) const = default;

    bool loggedIn() const { return sessionState == QLatin1String("LOGGED_IN"); }
};

/// One node record of open-iscsi (`iscsiadm -m node -o show`): a target the node has
/// discovered, and how it logs in to it.
struct IscsiNodeRecord {
    QString targetIqn;
    IscsiPortal portal;
    QString startup;                       ///< node.startup: "automatic", "manual", "onboot"
    std::optional<int> replacementTimeout; ///< node.session.timeo.replacement_timeout (s)
    bool operator==(const IscsiNodeRecord&) const = default;
};

/// `/etc/iscsi/initiatorname.iscsi`.
struct InitiatorName {
    QString name;
    QString alias;
    bool operator==(const InitiatorName&) const = default;
};

} // namespace nr1
