#include "base/JsonValues.h"
#include "probe/MdstatParser.h"

#include "json/ModelJson.h"

namespace nr1 {

namespace {

QJsonValue readOnlyName(MdReadOnly readOnly) {
    switch (readOnly) {
    case MdReadOnly::No:
        return QStringLiteral("no");
    case MdReadOnly::ReadOnly:
        return QStringLiteral("ro");
    case MdReadOnly::AutoReadOnly:
        return QStringLiteral("auto");
    }
    return {};
}

QJsonValue syncWaitName(MdSyncWait wait) {
    switch (wait) {
    case MdSyncWait::None:
        return QJsonValue::Null;
    case MdSyncWait::Delayed:
        return QStringLiteral("DELAYED");
    case MdSyncWait::Pending:
        return QStringLiteral("PENDING");
    case MdSyncWait::Remote:
        return QStringLiteral("REMOTE");
    }
    return QJsonValue::Null;
}

QJsonValue fieldsToJson(const std::vector<std::pair<QString, QString>>& fields) {
    QJsonObject object;
    for (const auto& [key, value] : fields)
        object.insert(key, value);
    return object;
}

} // namespace

QJsonObject toJson(const MdstatArray& array) {
    QJsonArray members;
    for (const MdstatMember& member : array.members)
        members.append(QJsonObject{{QStringLiteral("device"), member.device},
                                   {QStringLiteral("slot"), member.slot},
                                   {QStringLiteral("writeMostly"), member.writeMostly},
                                   {QStringLiteral("faulty"), member.faulty},
                                   {QStringLiteral("spare"), member.spare},
                                   {QStringLiteral("replacement"), member.replacement},
                                   {QStringLiteral("journal"), member.journal}});
    QJsonValue sync = QJsonValue::Null;
    if (array.sync)
        sync = QJsonObject{{QStringLiteral("action"), mdSyncKindName(array.sync->kind)},
                           {QStringLiteral("percent"), array.sync->percent},
                           {QStringLiteral("doneKiB"), array.sync->doneKiB},
                           {QStringLiteral("totalKiB"), array.sync->totalKiB},
                           {QStringLiteral("finishMinutes"), array.sync->finishMinutes},
                           {QStringLiteral("speedKiBps"), array.sync->speedKiBps}};
    QJsonValue bitmap = QJsonValue::Null;
    if (array.bitmap) {
        const qint64 chunk = array.bitmap->chunkBytes;
        bitmap =
            QJsonObject{{QStringLiteral("pagesUsed"), array.bitmap->pagesUsed},
                        {QStringLiteral("pagesTotal"), array.bitmap->pagesTotal},
                        {QStringLiteral("sizeKiB"), array.bitmap->sizeKiB},
                        {QStringLiteral("chunkKiB"),
                         chunk % 1024 == 0 ? QJsonValue(chunk / 1024) : QJsonValue(chunk / 1024.0)},
                        {QStringLiteral("file"), emptyAsNull(array.bitmap->file)}};
    }
    return QJsonObject{{QStringLiteral("name"), array.name},
                       {QStringLiteral("state"),
                        array.active ? QStringLiteral("active") : QStringLiteral("inactive")},
                       {QStringLiteral("readOnly"), readOnlyName(array.readOnly)},
                       {QStringLiteral("level"), emptyAsNull(array.level)},
                       {QStringLiteral("blocksKiB"), orNull(array.blocksKiB)},
                       {QStringLiteral("superblock"), emptyAsNull(array.superblock)},
                       {QStringLiteral("raidDisks"), orNull(array.raidDisks)},
                       {QStringLiteral("workingDisks"), orNull(array.workingDisks)},
                       {QStringLiteral("pattern"), emptyAsNull(array.pattern)},
                       {QStringLiteral("members"), members},
                       {QStringLiteral("sync"), sync},
                       {QStringLiteral("syncWaiting"), syncWaitName(array.syncWait)},
                       {QStringLiteral("bitmap"), bitmap}};
}

QJsonObject toJson(const Mdstat& mdstat) {
    return QJsonObject{{QStringLiteral("personalities"), toJsonArray(mdstat.personalities)},
                       {QStringLiteral("arrays"), toJsonArray(mdstat.arrays)},
                       {QStringLiteral("unused"), toJsonArray(mdstat.unusedDevices)}};
}

QJsonObject toJson(const MdSysfs& sysfs) {
    QJsonValue completed = QJsonValue::Null;
    if (sysfs.syncCompleted) {
        switch (sysfs.syncCompleted->state) {
        case MdSyncCompleted::State::None:
            completed = QStringLiteral("none");
            break;
        case MdSyncCompleted::State::Delayed:
            completed = QStringLiteral("delayed");
            break;
        case MdSyncCompleted::State::Running:
            completed =
                QJsonObject{{QStringLiteral("doneSectors"), sysfs.syncCompleted->doneSectors},
                            {QStringLiteral("totalSectors"), sysfs.syncCompleted->totalSectors}};
        }
    }
    QJsonArray members;
    for (const MdSysfsMember& member : sysfs.members)
        members.append(QJsonObject{{QStringLiteral("device"), member.device},
                                   {QStringLiteral("state"), toJsonArray(member.stateFlags)},
                                   {QStringLiteral("slot"), orNull(member.slot)}});
    return QJsonObject{{QStringLiteral("array"), sysfs.array},
                       {QStringLiteral("arrayState"), emptyAsNull(sysfs.arrayState)},
                       {QStringLiteral("level"), emptyAsNull(sysfs.level)},
                       {QStringLiteral("syncAction"),
                        sysfs.syncAction ? QJsonValue(mdSyncActionName(*sysfs.syncAction))
                                         : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("syncCompleted"), completed},
                       {QStringLiteral("syncSpeedKiBps"), orNull(sysfs.syncSpeedKiBps)},
                       {QStringLiteral("degraded"), orNull(sysfs.degraded)},
                       {QStringLiteral("componentSizeKiB"), orNull(sysfs.componentSizeKiB)},
                       {QStringLiteral("mismatchSectors"), orNull(sysfs.mismatchSectors)},
                       {QStringLiteral("raidDisks"), orNull(sysfs.raidDisks)},
                       {QStringLiteral("members"), members}};
}

QJsonObject toJson(const MdDetail& detail) {
    QJsonArray devices;
    for (const MdDetailDevice& device : detail.devices)
        devices.append(QJsonObject{{QStringLiteral("number"), orNull(device.number)},
                                   {QStringLiteral("major"), device.major},
                                   {QStringLiteral("minor"), device.minor},
                                   {QStringLiteral("raidDevice"), orNull(device.raidDevice)},
                                   {QStringLiteral("state"), toJsonArray(device.state)},
                                   {QStringLiteral("path"), emptyAsNull(device.path)}});
    QJsonValue rebuild = QJsonValue::Null;
    if (!detail.rebuildKind.isEmpty())
        rebuild = QJsonObject{{QStringLiteral("kind"), detail.rebuildKind},
                              {QStringLiteral("percent"), orNull(detail.rebuildPercent)}};
    return QJsonObject{{QStringLiteral("device"), detail.device},
                       {QStringLiteral("version"), emptyAsNull(detail.version)},
                       {QStringLiteral("creationTime"), emptyAsNull(detail.creationTime)},
                       {QStringLiteral("level"), emptyAsNull(detail.level)},
                       {QStringLiteral("arraySizeKiB"), orNull(detail.arraySizeKiB)},
                       {QStringLiteral("usedDevSizeKiB"), orNull(detail.usedDevSizeKiB)},
                       {QStringLiteral("raidDevices"), orNull(detail.raidDevices)},
                       {QStringLiteral("totalDevices"), orNull(detail.totalDevices)},
                       {QStringLiteral("persistence"), emptyAsNull(detail.persistence)},
                       {QStringLiteral("intentBitmap"), emptyAsNull(detail.intentBitmap)},
                       {QStringLiteral("updateTime"), emptyAsNull(detail.updateTime)},
                       {QStringLiteral("state"), toJsonArray(detail.state)},
                       {QStringLiteral("activeDevices"), orNull(detail.activeDevices)},
                       {QStringLiteral("workingDevices"), orNull(detail.workingDevices)},
                       {QStringLiteral("failedDevices"), orNull(detail.failedDevices)},
                       {QStringLiteral("spareDevices"), orNull(detail.spareDevices)},
                       {QStringLiteral("layout"), emptyAsNull(detail.layout)},
                       {QStringLiteral("chunkSize"), emptyAsNull(detail.chunkSize)},
                       {QStringLiteral("consistencyPolicy"), emptyAsNull(detail.consistencyPolicy)},
                       {QStringLiteral("rebuild"), rebuild},
                       {QStringLiteral("name"), emptyAsNull(detail.name)},
                       {QStringLiteral("uuid"), emptyAsNull(detail.uuid)},
                       {QStringLiteral("events"), orNull(detail.events)},
                       {QStringLiteral("devices"), devices},
                       {QStringLiteral("other"), fieldsToJson(detail.other)}};
}

QJsonObject toJson(const MdExport& exported) {
    QJsonArray members;
    for (const MdExportDevice& member : exported.members)
        members.append(QJsonObject{{QStringLiteral("name"), member.name},
                                   {QStringLiteral("dev"), member.dev},
                                   {QStringLiteral("role"), member.role}});
    return QJsonObject{{QStringLiteral("level"), emptyAsNull(exported.level)},
                       {QStringLiteral("devices"), orNull(exported.devices)},
                       {QStringLiteral("metadata"), emptyAsNull(exported.metadata)},
                       {QStringLiteral("uuid"), emptyAsNull(exported.uuid)},
                       {QStringLiteral("devname"), emptyAsNull(exported.devname)},
                       {QStringLiteral("name"), emptyAsNull(exported.name)},
                       {QStringLiteral("members"), members},
                       {QStringLiteral("other"), fieldsToJson(exported.other)}};
}

QJsonObject toJson(const MdExamine& examine) {
    return QJsonObject{{QStringLiteral("device"), examine.device},
                       {QStringLiteral("magic"), emptyAsNull(examine.magic)},
                       {QStringLiteral("version"), emptyAsNull(examine.version)},
                       {QStringLiteral("featureMap"), emptyAsNull(examine.featureMap)},
                       {QStringLiteral("arrayUuid"), emptyAsNull(examine.arrayUuid)},
                       {QStringLiteral("name"), emptyAsNull(examine.name)},
                       {QStringLiteral("creationTime"), emptyAsNull(examine.creationTime)},
                       {QStringLiteral("raidLevel"), emptyAsNull(examine.raidLevel)},
                       {QStringLiteral("raidDevices"), orNull(examine.raidDevices)},
                       {QStringLiteral("availDevSizeSectors"), orNull(examine.availDevSizeSectors)},
                       {QStringLiteral("arraySizeKiB"), orNull(examine.arraySizeKiB)},
                       {QStringLiteral("usedDevSizeSectors"), orNull(examine.usedDevSizeSectors)},
                       {QStringLiteral("dataOffsetSectors"), orNull(examine.dataOffsetSectors)},
                       {QStringLiteral("state"), emptyAsNull(examine.state)},
                       {QStringLiteral("deviceUuid"), emptyAsNull(examine.deviceUuid)},
                       {QStringLiteral("internalBitmap"), emptyAsNull(examine.internalBitmap)},
                       {QStringLiteral("flags"), toJsonArray(examine.flags)},
                       {QStringLiteral("updateTime"), emptyAsNull(examine.updateTime)},
                       {QStringLiteral("checksum"), emptyAsNull(examine.checksum)},
                       {QStringLiteral("events"), orNull(examine.events)},
                       {QStringLiteral("deviceRole"), emptyAsNull(examine.deviceRole)},
                       {QStringLiteral("activeRole"), orNull(examine.activeRole)},
                       {QStringLiteral("arrayState"), emptyAsNull(examine.arrayState)},
                       {QStringLiteral("other"), fieldsToJson(examine.other)}};
}

} // namespace nr1
