#include "monitor/MonitorJson.h"

#include "base/JsonValues.h"

#include <QJsonArray>

namespace nr1 {

namespace {

QJsonValue speedOrNull(const std::optional<qint64>& value) {
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const MemberView& member) {
    return QJsonObject{
        {QStringLiteral("device"), member.device},
        {QStringLiteral("path"), member.path},
        {QStringLiteral("role"), memberRoleName(member.role)},
        {QStringLiteral("node"), member.node},
        {QStringLiteral("slot"), orNull(member.slot)},
        {QStringLiteral("inSync"), member.inSync},
        {QStringLiteral("writeMostly"), member.writeMostly},
        {QStringLiteral("faulty"), member.faulty},
        {QStringLiteral("spare"), member.spare},
        {QStringLiteral("replacement"), member.replacement},
        {QStringLiteral("flags"), toJsonArray(member.flags)},
    };
}

QJsonObject toJson(const SyncView& sync) {
    return QJsonObject{
        {QStringLiteral("action"), sync.action},
        {QStringLiteral("percent"), sync.percent},
        {QStringLiteral("doneSectors"), double(sync.doneSectors)},
        {QStringLiteral("totalSectors"), double(sync.totalSectors)},
        {QStringLiteral("speedKiBps"), speedOrNull(sync.speedKiBps)},
        {QStringLiteral("measuredKiBps"), speedOrNull(sync.measuredKiBps)},
        {QStringLiteral("etaSeconds"), speedOrNull(sync.etaSeconds)},
    };
}

QJsonObject toJson(const ArrayView& array) {
    QJsonArray members;
    for (const MemberView& member : array.members)
        members.append(toJson(member));
    return QJsonObject{
        {QStringLiteral("node"), array.node},
        {QStringLiteral("name"), array.name},
        {QStringLiteral("isPairArray"), array.isPairArray},
        {QStringLiteral("level"), emptyAsNull(array.level)},
        {QStringLiteral("sizeKiB"), speedOrNull(array.sizeKiB)},
        {QStringLiteral("state"), array.state},
        {QStringLiteral("health"), healthName(array.health)},
        {QStringLiteral("arrayState"), emptyAsNull(array.arrayState)},
        {QStringLiteral("raidDisks"), orNull(array.raidDisks)},
        {QStringLiteral("workingDisks"), orNull(array.workingDisks)},
        {QStringLiteral("degradedDisks"), orNull(array.degradedDisks)},
        {QStringLiteral("pattern"), emptyAsNull(array.pattern)},
        {QStringLiteral("members"), members},
        {QStringLiteral("sync"),
         array.sync ? QJsonValue(toJson(*array.sync)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("waiting"), emptyAsNull(array.waiting)},
        {QStringLiteral("readOnly"), emptyAsNull(array.readOnly)},
        {QStringLiteral("bitmap"), emptyAsNull(array.bitmap)},
        {QStringLiteral("stale"), array.stale},
    };
}

QJsonObject toJson(const NodeView& node) {
    return QJsonObject{
        {QStringLiteral("role"), node.role},
        {QStringLiteral("target"), node.target},
        {QStringLiteral("reachable"), node.reachable},
        {QStringLiteral("answered"), node.answered},
        {QStringLiteral("error"), emptyAsNull(node.error)},
        {QStringLiteral("hostname"), emptyAsNull(node.hostname)},
        {QStringLiteral("bootNotes"), QJsonArray::fromStringList(node.bootNotes)},
        {QStringLiteral("fence"),
         node.fence
             ? QJsonValue(QJsonObject{{QStringLiteral("at"), node.fence->at.toString(Qt::ISODate)},
                                      {QStringLiteral("how"), node.fence->how},
                                      {QStringLiteral("role"), node.fence->role}})
             : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject toJson(const SessionView& session) {
    return QJsonObject{
        {QStringLiteral("present"), session.present},
        {QStringLiteral("targetIqn"), session.targetIqn},
        {QStringLiteral("portal"), session.portal},
        {QStringLiteral("state"), session.state},
        {QStringLiteral("connection"), emptyAsNull(session.connection)},
        {QStringLiteral("disk"), emptyAsNull(session.disk)},
        {QStringLiteral("loggedIn"), session.loggedIn},
    };
}

QJsonObject toJson(const ExportView& exported) {
    return QJsonObject{
        {QStringLiteral("node"), exported.node},
        {QStringLiteral("targetIqn"), exported.targetIqn},
        {QStringLiteral("enabled"), exported.enabled},
        {QStringLiteral("portals"), toJsonArray(exported.portals)},
        {QStringLiteral("initiators"), toJsonArray(exported.initiators)},
        {QStringLiteral("backstores"), toJsonArray(exported.backstores)},
        {QStringLiteral("isReplication"), exported.isReplication},
    };
}

} // namespace

QJsonObject toJson(const PairSnapshot& snapshot) {
    QJsonArray arrays;
    for (const ArrayView& array : snapshot.arrays)
        arrays.append(toJson(array));
    QJsonArray exports;
    for (const ExportView& exported : snapshot.exports)
        exports.append(toJson(exported));
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("snapshot")},
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("pair"), snapshot.pair},
        {QStringLiteral("health"), healthName(snapshot.overallHealth())},
        {QStringLiteral("primary"), toJson(snapshot.primary)},
        {QStringLiteral("secondary"), toJson(snapshot.secondary)},
        {QStringLiteral("arrays"), arrays},
        {QStringLiteral("replication"), toJson(snapshot.replication)},
        {QStringLiteral("exports"), exports},
        {QStringLiteral("serving"), QJsonArray::fromStringList(snapshot.serving)},
        {QStringLiteral("assembling"), QJsonArray::fromStringList(snapshot.assembling)},
        {QStringLiteral("frontEndAddress"), emptyAsNull(snapshot.frontEndAddress)},
        {QStringLiteral("addressHolders"), QJsonArray::fromStringList(snapshot.addressHolders)},
        {QStringLiteral("inSync"), snapshot.pairArrayInSync()},
        {QStringLiteral("inSyncUntil"),
         snapshot.inSyncUntil.isValid()
             ? QJsonValue(snapshot.inSyncUntil.toUTC().toString(Qt::ISODateWithMs))
             : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject toJson(const MonitorEvent& event) {
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("event")},
        {QStringLiteral("time"), event.time.toString(Qt::ISODateWithMs)},
        {QStringLiteral("event"), eventKindName(event.kind)},
        {QStringLiteral("pair"), event.pair},
        {QStringLiteral("node"), event.node},
        {QStringLiteral("array"), emptyAsNull(event.array)},
        {QStringLiteral("member"), emptyAsNull(event.member)},
        {QStringLiteral("action"), emptyAsNull(event.action)},
        {QStringLiteral("check"), emptyAsNull(event.check)},
        {QStringLiteral("severity"), healthName(event.severity)},
        {QStringLiteral("text"), event.text},
    };
}

} // namespace nr1
