#pragma once
// Contract: the Network RAID1 pair as a value: which node is which, which LV is which element,
// which iSCSI export of the Secondary the Primary imports, which md array mirrors the two, and
// what the Primary exports on top. Identity only; live facts live in the two NodeStates.

#include "model/Iscsi.h"
#include "model/NodeState.h"

#include <QString>

namespace nr1 {

enum class NodeRole { Primary, Secondary };

/// The other node of the pair.
inline NodeRole otherRole(NodeRole role) {
    return role == NodeRole::Primary ? NodeRole::Secondary : NodeRole::Primary;
}

/// An element: the LV on one node that is one leg of the mirror.
struct ElementRef {
    QString vg;
    QString lv;
    bool operator==(const ElementRef&) const = default;
    QString devicePath() const { return QStringLiteral("/dev/%1/%2").arg(vg, lv); }
};

/// How the Secondary's element reaches the Primary.
struct ReplicationLink {
    QString targetIqn;  ///< the Secondary's target exporting its element
    IscsiPortal portal; ///< on the Secondary's replication address
    int lun = 0;
    /// The stable path of the imported disk on the Primary.
    QString byPathLink() const;
    bool operator==(const ReplicationLink&) const = default;
};

/// The volume on the md array and its front-end export.
struct FrontEndExport {
    ElementRef volume; ///< VG/LV on the md device
    QString targetIqn;
    bool operator==(const FrontEndExport&) const = default;
};

struct PairLayout {
    QString name;
    ElementRef primaryElement;
    ElementRef secondaryElement;
    ReplicationLink replication;
    QString mdDevice; ///< "/dev/md/NAME" or "/dev/md0"
    std::optional<FrontEndExport> frontEnd;
    bool operator==(const PairLayout&) const = default;

    /// The element of the node in `role`.
    const ElementRef& element(NodeRole role) const {
        return role == NodeRole::Primary ? primaryElement : secondaryElement;
    }
};

/// The kernel name of the Primary's element on the Primary ("dm-0"); empty when not there.
QString localElementDevice(const PairLayout& layout, const NodeState& primary);
/// The kernel name of the Secondary's element as the Primary imports it ("sda"): the disk the
/// replication session attached at the link's LUN, else what the by-path link points to; empty
/// when not imported.
QString importedElementDevice(const PairLayout& layout, const NodeState& primary);

struct PairState {
    PairLayout layout;
    NodeState primary;
    NodeState secondary;
    bool operator==(const PairState&) const = default;

    const NodeState& node(NodeRole role) const {
        return role == NodeRole::Primary ? primary : secondary;
    }
};

} // namespace nr1
