#include "base/JsonValues.h"

#include "json/ModelJson.h"

namespace nr1 {

QJsonObject toJson(const LvmReport& report) {
    QJsonArray pvs, vgs, lvs, log;
    for (const PhysicalVolume& pv : report.pvs)
        pvs.append(QJsonObject{{QStringLiteral("name"), pv.name},
                               {QStringLiteral("uuid"), emptyAsNull(pv.uuid)},
                               {QStringLiteral("vg"), emptyAsNull(pv.vgName)},
                               {QStringLiteral("sizeBytes"), orNull(pv.sizeBytes)},
                               {QStringLiteral("freeBytes"), orNull(pv.freeBytes)},
                               {QStringLiteral("deviceSizeBytes"), orNull(pv.deviceSizeBytes)}});
    for (const VolumeGroup& vg : report.vgs)
        vgs.append(QJsonObject{{QStringLiteral("name"), vg.name},
                               {QStringLiteral("uuid"), emptyAsNull(vg.uuid)},
                               {QStringLiteral("sizeBytes"), orNull(vg.sizeBytes)},
                               {QStringLiteral("freeBytes"), orNull(vg.freeBytes)},
                               {QStringLiteral("extentSizeBytes"), orNull(vg.extentSizeBytes)},
                               {QStringLiteral("pvCount"), orNull(vg.pvCount)},
                               {QStringLiteral("lvCount"), orNull(vg.lvCount)},
                               {QStringLiteral("attr"), emptyAsNull(vg.attr)},
                               {QStringLiteral("autoactivation"), orNull(vg.autoactivation)}});
    for (const LogicalVolume& lv : report.lvs)
        lvs.append(QJsonObject{{QStringLiteral("name"), lv.name},
                               {QStringLiteral("vg"), lv.vgName},
                               {QStringLiteral("uuid"), emptyAsNull(lv.uuid)},
                               {QStringLiteral("attr"), emptyAsNull(lv.attr)},
                               {QStringLiteral("path"), emptyAsNull(lv.path)},
                               {QStringLiteral("dmPath"), emptyAsNull(lv.dmPath)},
                               {QStringLiteral("sizeBytes"), orNull(lv.sizeBytes)},
                               {QStringLiteral("devices"), toJsonArray(lv.devices)}});
    for (const LvmLogEntry& entry : report.log)
        log.append(QJsonObject{{QStringLiteral("type"), entry.type},
                               {QStringLiteral("context"), emptyAsNull(entry.context)},
                               {QStringLiteral("objectType"), emptyAsNull(entry.objectType)},
                               {QStringLiteral("objectName"), emptyAsNull(entry.objectName)},
                               {QStringLiteral("message"), entry.message},
                               {QStringLiteral("errno"), orNull(entry.errorNumber)},
                               {QStringLiteral("returnCode"), orNull(entry.returnCode)}});
    return QJsonObject{{QStringLiteral("pvs"), pvs},
                       {QStringLiteral("vgs"), vgs},
                       {QStringLiteral("lvs"), lvs},
                       {QStringLiteral("log"), log}};
}

QJsonObject toJson(const Signature& signature) {
    return QJsonObject{{QStringLiteral("device"), emptyAsNull(signature.device)},
                       {QStringLiteral("offset"), orNull(signature.offset)},
                       {QStringLiteral("type"), signature.type},
                       {QStringLiteral("uuid"), emptyAsNull(signature.uuid)},
                       {QStringLiteral("label"), emptyAsNull(signature.label)},
                       {QStringLiteral("usage"), emptyAsNull(signature.usage)}};
}

QJsonObject toJson(const BlockDevice& device) {
    return QJsonObject{
        {QStringLiteral("name"), device.name},
        {QStringLiteral("path"), emptyAsNull(device.path)},
        {QStringLiteral("type"), emptyAsNull(device.type)},
        {QStringLiteral("sizeBytes"), orNull(device.sizeBytes)},
        {QStringLiteral("readOnly"), device.readOnly},
        {QStringLiteral("removable"), device.removable},
        {QStringLiteral("wwn"), emptyAsNull(device.wwn)},
        {QStringLiteral("serial"), emptyAsNull(device.serial)},
        {QStringLiteral("vendor"), emptyAsNull(device.vendor)},
        {QStringLiteral("model"), emptyAsNull(device.model)},
        {QStringLiteral("transport"), emptyAsNull(device.transport)},
        {QStringLiteral("fsType"), emptyAsNull(device.fsType)},
        {QStringLiteral("fsUuid"), emptyAsNull(device.fsUuid)},
        {QStringLiteral("fsLabel"), emptyAsNull(device.fsLabel)},
        {QStringLiteral("partitionTable"), emptyAsNull(device.partitionTable)},
        {QStringLiteral("mountpoints"), toJsonArray(device.mountpoints)},
        {QStringLiteral("parents"), toJsonArray(device.parents)},
        {QStringLiteral("holders"), toJsonArray(device.holders)},
        {QStringLiteral("byPath"), toJsonArray(device.byPath)},
        {QStringLiteral("byId"), toJsonArray(device.byId)},
        {QStringLiteral("signatures"), toJsonArray(device.signatures)},
        {QStringLiteral("signaturesUnreadable"), emptyAsNull(device.signaturesUnreadable)},
        {QStringLiteral("inUse"), device.inUse()}};
}

QJsonObject toJson(const DiskLink& link) {
    return QJsonObject{{QStringLiteral("link"), link.link},
                       {QStringLiteral("device"), link.target}};
}

} // namespace nr1
