#pragma once
// Contract: value types for the Linux-IO (LIO) target configuration as rtslib-fb saves it
// (saveconfig.json): backstores, iSCSI targets, TPGs, portals, LUNs, node ACLs, CHAP.
// Secrets are kept so configurations can be compared; presenters must not print them. nr1's
// probe never reads one in the clear: it gets each CHAP password as chapSecretDigest() of it
// (core/scripts/probe.sh computes the same); a saveconfig.json parsed as it is keeps them as
// they are, so chapSecretMatches() takes either.

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace nr1 {

struct ChapCredentials {
    QString userId;
    QString password; ///< as probed: "sha256:HEX" (chapSecretDigest), or the secret itself
    QString mutualUserId;
    QString mutualPassword;
    bool operator==(const ChapCredentials&) const = default;
    bool isSet() const { return !userId.isEmpty() || !mutualUserId.isEmpty(); }
};

/// "sha256:" and the hex SHA-256 of "nr1 CHAP secret:" + secret (UTF-8), as the probe reports
/// a CHAP password; empty for an empty secret (not set).
QString chapSecretDigest(const QString& secret);
/// True when `probed` (a password as the probe or a saveconfig.json gives it) is `secret`.
bool chapSecretMatches(const QString& probed, const QString& secret);

/// A backstore ("storage object"). `plugin` is "block" (iblock), "fileio", "ramdisk", "pscsi"
/// or "user".
struct StorageObject {
    QString name;
    QString plugin;
    QString dev;                     ///< block device or file path
    std::optional<qint64> sizeBytes; ///< fileio and ramdisk only
    QString wwn;                     ///< unit serial
    bool readOnly = false;
    std::optional<bool> writeBack;
    bool operator==(const StorageObject&) const = default;

    /// The path a LUN uses to name this object: "/backstores/block/NAME".
    QString configPath() const { return QStringLiteral("/backstores/%1/%2").arg(plugin, name); }
};

struct LioLun {
    int index = 0;
    QString storageObject; ///< "/backstores/block/NAME"
    QString alias;
    bool operator==(const LioLun&) const = default;
};

struct MappedLun {
    int index = 0; ///< the LUN number this initiator sees
    int tpgLun = 0;
    bool writeProtect = false;
    bool operator==(const MappedLun&) const = default;
};

struct NodeAcl {
    QString nodeWwn; ///< initiator IQN
    std::vector<MappedLun> mappedLuns;
    ChapCredentials chap;
    bool operator==(const NodeAcl&) const = default;
};

struct LioPortal {
    QString ipAddress;
    int port = 3260;
    bool iser = false;
    bool operator==(const LioPortal&) const = default;
};

struct Tpg {
    int tag = 1;
    bool enabled = false;
    std::vector<LioLun> luns;
    std::vector<NodeAcl> nodeAcls;
    std::vector<LioPortal> portals;
    bool authentication = false;   ///< attribute "authentication"
    bool generateNodeAcls = false; ///< demo mode: any initiator gets in
    QString authMethod;            ///< parameter "AuthMethod", e.g. "CHAP,None"
    ChapCredentials chap;          ///< TPG-wide credentials (used with generate_node_acls)
    bool operator==(const Tpg&) const = default;
};

struct LioTarget {
    QString fabric; ///< "iscsi"
    QString wwn;    ///< target IQN
    std::vector<Tpg> tpgs;
    bool operator==(const LioTarget&) const = default;
};

/// iSCSI discovery authentication (fabric_modules entry "iscsi").
struct DiscoveryAuth {
    bool enabled = false;
    ChapCredentials chap;
    bool operator==(const DiscoveryAuth&) const = default;
};

struct LioConfig {
    std::vector<StorageObject> storageObjects;
    std::vector<LioTarget> targets;
    std::optional<DiscoveryAuth> discoveryAuth;
    bool operator==(const LioConfig&) const = default;

    const StorageObject* findStorageObject(const QString& configPath) const;
    const LioTarget* findTarget(const QString& wwn) const;
};

} // namespace nr1
