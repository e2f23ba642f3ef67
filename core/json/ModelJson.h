#pragma once
// Contract: the JSON presentation of model values, as `nr1ctl parse` prints them and as
// documented in docs/parse-json.md. Unknown values are null, numbers are JSON numbers, and
// secrets (CHAP passwords) are never written: only whether one is set.

#include "model/BlockDevice.h"
#include "model/Iscsi.h"
#include "model/Lio.h"
#include "model/Lvm.h"
#include "model/Md.h"
#include "model/NodeState.h"

#include <QJsonArray>
#include <QJsonObject>
#include <vector>

namespace nr1 {

QJsonObject toJson(const Mdstat& mdstat);
QJsonObject toJson(const MdstatArray& array);
QJsonObject toJson(const MdSysfs& sysfs);
QJsonObject toJson(const MdDetail& detail);
QJsonObject toJson(const MdExport& exported);
QJsonObject toJson(const MdExamine& examine);
QJsonObject toJson(const LvmReport& report);
QJsonObject toJson(const BlockDevice& device);
QJsonObject toJson(const Signature& signature);
QJsonObject toJson(const DiskLink& link);
QJsonObject toJson(const LioConfig& config);
QJsonObject toJson(const IscsiSession& session);
QJsonObject toJson(const DiscoveryRecord& record);
QJsonObject toJson(const InitiatorName& name);
QJsonObject toJson(const IscsiNodeRecord& record);
QJsonObject toJson(const NodeState& node);

/// A list of values as a JSON array, each through its toJson.
template <typename T> QJsonArray toJsonArray(const std::vector<T>& items) {
    QJsonArray array;
    for (const T& item : items)
        array.append(toJson(item));
    return array;
}

} // namespace nr1
