#include "base/JsonValues.h"

#include "json/ModelJson.h"

namespace nr1 {

QJsonObject toJson(const NodeState& node) {
    QJsonObject units;
    for (auto it = node.unitStates.begin(); it != node.unitStates.end(); ++it)
        units.insert(it.key(), emptyAsNull(it.value()));
    QJsonObject unitsActive;
    for (auto it = node.unitActiveStates.begin(); it != node.unitActiveStates.end(); ++it)
        unitsActive.insert(it.key(), it.value());
    QJsonObject gateFiles;
    for (auto it = node.bootGateFiles.begin(); it != node.bootGateFiles.end(); ++it)
        gateFiles.insert(it.key(), it.value());
    QJsonObject addresses;
    for (auto it = node.ipv4Addresses.begin(); it != node.ipv4Addresses.end(); ++it)
        addresses.insert(it.key(), it.value());
    QJsonObject bootFiles;
    for (auto it = node.bootFileTimes.begin(); it != node.bootFileTimes.end(); ++it)
        bootFiles.insert(it.key(), it.value());
    QJsonArray identities;
    for (const LunIdentity& identity : node.lunIdentities)
        identities.append(identity.toJson());
    return QJsonObject{
        {QStringLiteral("hostname"), node.hostname},
        {QStringLiteral("commands"), toJsonArray(node.commands)},
        {QStringLiteral("blockDevices"), toJsonArray(node.blockDevices)},
        {QStringLiteral("mdstat"), toJson(node.mdstat)},
        {QStringLiteral("mdSysfs"), toJsonArray(node.mdSysfs)},
        {QStringLiteral("lvm"), toJson(node.lvm)},
        {QStringLiteral("lio"), toJson(node.lio)},
        {QStringLiteral("lioSaved"), toJson(node.savedLio)},
        {QStringLiteral("lioSavedUnreadable"), emptyAsNull(node.savedLioUnreadable)},
        {QStringLiteral("sessions"), toJsonArray(node.sessions)},
        {QStringLiteral("iscsiNodes"), toJsonArray(node.iscsiNodes)},
        {QStringLiteral("brokenIscsiRecords"), QJsonArray::fromStringList(node.brokenIscsiRecords)},
        {QStringLiteral("initiatorName"), toJson(node.initiatorName)},
        {QStringLiteral("mdadmConf"), node.mdadmConf},
        {QStringLiteral("lioRestoreDropins"), node.lioRestoreDropins},
        {QStringLiteral("bootFileTimes"), bootFiles},
        {QStringLiteral("units"), units},
        {QStringLiteral("unitsActive"), unitsActive},
        {QStringLiteral("lunIdentities"), identities},
        {QStringLiteral("bootGateFiles"), gateFiles},
        {QStringLiteral("ipv4Addresses"), addresses}};
}

} // namespace nr1
