#pragma once
// Contract: a pair as text, field by field, before the inventory reader has read it: what the
// pair editor shows and what InventoryText writes as YAML. Nothing here checks a value (see
// PairForm); fieldsOf gives a read pair back as the text the editor shows for it.

#include "inventory/Inventory.h"

#include <QString>

namespace nr1 {

/// One node of a pair as typed in the editor: every field as text, before it is read.
struct NodeFields {
    QString host;
    QString port;
    QString user;
    QString identity; ///< as written: relative to the inventory's folder, or ~/…, or absolute
    QString replicationAddress;
    QString initiatorName;
    QString iscsiPort;
    QString fenceCommand;
    bool operator==(const NodeFields&) const = default;
};

struct PairFields {
    QString name;
    NodeFields primary;
    NodeFields secondary;
    QString frontEndAddress;
    /// The layout nr1 recorded, written back as it was read (the editor does not show it).
    std::optional<RecordedLayout> layout;
    bool operator==(const PairFields&) const = default;
};

NodeFields fieldsOf(const InventoryNode& node);
PairFields fieldsOf(const InventoryPair& pair);

} // namespace nr1
