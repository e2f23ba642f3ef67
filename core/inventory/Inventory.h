#pragma once
// Contract: the inventory of Network RAID1 pairs nr1 manages, as read from its YAML file
// (docs/inventory.md): each pair's two nodes with how to reach them over SSH (session/SshTargets
// makes the target), their replication addresses and iSCSI initiator names, and the layout
// (names of md, VGs/LVs, targets, backstores) nr1 recorded when it built the pair. Reading
// validates every field and reports the first problem with the file, line and field; it never
// returns a half-read inventory. A key given twice in one mapping, a second YAML document and a
// file larger than kLargestInventory are errors too. Fields that become names on a node are
// checked with the planners' own checks (base/Names.h).

#include "base/ParseResult.h"

#include <QString>
#include <optional>
#include <vector>

namespace nr1 {

struct InventoryNode {
    QString host;
    std::optional<int> port;
    QString user;
    QString identity;           ///< absolute path (relative ones are taken from the file's folder)
    QString replicationAddress; ///< the address on the replication link
    QString initiatorName;      ///< the node's iSCSI initiator name, when known
    std::optional<int> iscsiPort; ///< where the front-end iSCSI port is reachable, when not 3260
    /// A command line run by /bin/sh on the admin machine that powers this node off (a fence
    /// agent: `fence_ipmilan … -o off`); exit 0 only when the node is confirmed off. A takeover
    /// runs the Primary's before it starts. Empty: the administrator confirms by hand.
    QString fenceCommand;
    bool operator==(const InventoryNode&) const = default;
};

/// The names of a pair's layers as nr1 recorded them when it created the pair (the `layout`
/// of a pair in the file): every later plan uses them instead of the defaults. An empty field
/// keeps its default.
struct RecordedLayout {
    QString md;               ///< "md0"
    QString primaryElement;   ///< "VG/LV"
    QString secondaryElement; ///< "VG/LV"
    QString elementTarget;    ///< the Secondary's element target IQN
    QString elementBackstore; ///< the Secondary's element backstore name
    QString volume;           ///< "VG/LV"
    QString volumeTarget;     ///< the front-end target IQN
    QString volumeBackstore;  ///< "block/NAME" or "fileio/NAME"
    QString volumeSerial;     ///< the front-end LUN's unit serial (VPD 0x80)
    /// Seconds before md sees a lost remote leg fail (the Primary's replacement_timeout).
    std::optional<int> replacementTimeout;
    bool operator==(const RecordedLayout&) const = default;
};

struct InventoryPair {
    QString name;
    InventoryNode primary;
    InventoryNode secondary;
    std::optional<RecordedLayout> layout; ///< nullopt: a pair nr1 did not create (defaults)
    /// The floating front-end address ("192.0.2.10/24", IPv4 with its prefix length) that
    /// moves with the LUN to whichever node serves it; empty: initiators use the node's own.
    QString frontEndAddress;
    bool operator==(const InventoryPair&) const = default;
};

struct Inventory {
    int version = 1;
    QString knownHostsFile; ///< absolute; empty: ~/.ssh/known_hosts
    std::vector<InventoryPair> pairs;
    bool operator==(const Inventory&) const = default;

    const InventoryPair* findPair(const QString& name) const;
};

/// What the reader makes of the paths of `identity` and `known_hosts`.
enum class InventoryPaths {
    Resolved,  ///< absolute: `~/` expanded, relative paths taken from the base directory
    AsWritten, ///< exactly as the file writes them (the editor writes them back)
};

/// The field a reading problem is about and what was expected of it, in words, for an editor
/// that shows the problem next to the field.
struct InventoryFieldProblem {
    QString field;    ///< "pairs[0].primary.port"; empty for the document as a whole (syntax)
    QString expected; ///< "a port from 1 to 65535"
};

/// 1 MiB: far more than any inventory of hand-written pairs.
constexpr qint64 kLargestInventory = 1024 * 1024;

/// Parses inventory YAML; `baseDirectory` resolves relative paths.
ParseResult<Inventory> parseInventory(const QString& yaml, const QString& baseDirectory,
                                      const QString& source = QStringLiteral("inventory"));
/// The same reader and checks; `paths` says whether paths are resolved, and `problem` (when
/// given) receives the field of the error.
ParseResult<Inventory> parseInventory(const QString& yaml, const QString& baseDirectory,
                                      const QString& source, InventoryPaths paths,
                                      InventoryFieldProblem* problem = nullptr);
/// Reads and parses a file.
ParseResult<Inventory> loadInventory(const QString& path);
/// The bytes of an inventory file, at most kLargestInventory; else the error, naming the cap.
ParseResult<QByteArray> readInventoryFile(const QString& path);

/// A path as the reader resolves it: `~/` is the home folder, a relative path is taken from
/// `baseDirectory`; empty stays empty.
QString resolveInventoryPath(const QString& written, const QString& baseDirectory);

/// The inventory nr1ctl and the console use unless told otherwise:
/// $XDG_CONFIG_HOME/nr1/inventory.yaml (usually ~/.config/nr1/inventory.yaml).
QString defaultInventoryPath();

/// A pair's name as one file-name component (for its journal, its lock on the nodes): letters,
/// digits, '-', '_' and '.' are kept, anything else becomes '_'.
QString pairFileName(const QString& pair);

} // namespace nr1
