#include "base/JsonValues.h"

#include "json/ModelJson.h"

namespace nr1 {

namespace {

/// CHAP as JSON: user names, and only whether a password is set.
QJsonObject chapToJson(const ChapCredentials& chap) {
    return QJsonObject{{QStringLiteral("userid"), emptyAsNull(chap.userId)},
                       {QStringLiteral("passwordSet"), !chap.password.isEmpty()},
                       {QStringLiteral("mutualUserid"), emptyAsNull(chap.mutualUserId)},
                       {QStringLiteral("mutualPasswordSet"), !chap.mutualPassword.isEmpty()}};
}

QJsonValue chapOrNull(const ChapCredentials& chap) {
    return chap.isSet() || !chap.password.isEmpty() ? QJsonValue(chapToJson(chap))
                                                    : QJsonValue::Null;
}

QJsonObject tpgToJson(const Tpg& tpg) {
    QJsonArray luns, acls, portals;
    for (const LioLun& lun : tpg.luns)
        luns.append(QJsonObject{{QStringLiteral("index"), lun.index},
                                {QStringLiteral("storageObject"), lun.storageObject}});
    for (const NodeAcl& acl : tpg.nodeAcls) {
        QJsonArray mapped;
        for (const MappedLun& lun : acl.mappedLuns)
            mapped.append(QJsonObject{{QStringLiteral("index"), lun.index},
                                      {QStringLiteral("tpgLun"), lun.tpgLun},
                                      {QStringLiteral("writeProtect"), lun.writeProtect}});
        acls.append(QJsonObject{{QStringLiteral("initiator"), acl.nodeWwn},
                                {QStringLiteral("mappedLuns"), mapped},
                                {QStringLiteral("chap"), chapOrNull(acl.chap)}});
    }
    for (const LioPortal& portal : tpg.portals)
        portals.append(QJsonObject{{QStringLiteral("ip"), portal.ipAddress},
                                   {QStringLiteral("port"), portal.port},
                                   {QStringLiteral("iser"), portal.iser}});
    return QJsonObject{{QStringLiteral("tag"), tpg.tag},
                       {QStringLiteral("enabled"), tpg.enabled},
                       {QStringLiteral("authentication"), tpg.authentication},
                       {QStringLiteral("generateNodeAcls"), tpg.generateNodeAcls},
                       {QStringLiteral("authMethod"), emptyAsNull(tpg.authMethod)},
                       {QStringLiteral("chap"), chapOrNull(tpg.chap)},
                       {QStringLiteral("luns"), luns},
                       {QStringLiteral("acls"), acls},
                       {QStringLiteral("portals"), portals}};
}

} // namespace

QJsonObject toJson(const LioConfig& config) {
    QJsonArray objects, targets;
    for (const StorageObject& object : config.storageObjects)
        objects.append(
            QJsonObject{{QStringLiteral("name"), object.name},
                        {QStringLiteral("plugin"), object.plugin},
                        {QStringLiteral("path"), object.configPath()},
                        {QStringLiteral("dev"), emptyAsNull(object.dev)},
                        {QStringLiteral("sizeBytes"), orNull(object.sizeBytes)},
                        {QStringLiteral("wwn"), emptyAsNull(object.wwn)},
                        {QStringLiteral("readOnly"), object.readOnly},
                        {QStringLiteral("writeBack"),
                         object.writeBack ? QJsonValue(*object.writeBack) : QJsonValue::Null}});
    for (const LioTarget& target : config.targets) {
        QJsonArray tpgs;
        for (const Tpg& tpg : target.tpgs)
            tpgs.append(tpgToJson(tpg));
        targets.append(QJsonObject{{QStringLiteral("fabric"), target.fabric},
                                   {QStringLiteral("wwn"), target.wwn},
                                   {QStringLiteral("tpgs"), tpgs}});
    }
    QJsonValue discovery = QJsonValue::Null;
    if (config.discoveryAuth)
        discovery = QJsonObject{{QStringLiteral("enabled"), config.discoveryAuth->enabled},
                                {QStringLiteral("chap"), chapOrNull(config.discoveryAuth->chap)}};
    return QJsonObject{{QStringLiteral("storageObjects"), objects},
                       {QStringLiteral("targets"), targets},
                       {QStringLiteral("discoveryAuth"), discovery}};
}

QJsonObject toJson(const IscsiSession& session) {
    auto portal = [](const IscsiPortal& p) {
        return QJsonObject{{QStringLiteral("address"), emptyAsNull(p.address)},
                           {QStringLiteral("port"), p.port},
                           {QStringLiteral("tpgt"), orNull(p.tpgt)}};
    };
    QJsonArray disks;
    for (const AttachedDisk& disk : session.disks)
        disks.append(QJsonObject{{QStringLiteral("host"), disk.hostNumber},
                                 {QStringLiteral("channel"), disk.channel},
                                 {QStringLiteral("id"), disk.id},
                                 {QStringLiteral("lun"), disk.lun},
                                 {QStringLiteral("disk"), emptyAsNull(disk.disk)},
                                 {QStringLiteral("state"), emptyAsNull(disk.state)}});
    return QJsonObject{{QStringLiteral("target"), session.targetIqn},
                       {QStringLiteral("flash"), session.flash},
                       {QStringLiteral("currentPortal"), portal(session.currentPortal)},
                       {QStringLiteral("persistentPortal"), portal(session.persistentPortal)},
                       {QStringLiteral("sid"), orNull(session.sid)},
                       {QStringLiteral("transport"), emptyAsNull(session.transport)},
                       {QStringLiteral("iface"), emptyAsNull(session.ifaceName)},
                       {QStringLiteral("initiatorName"), emptyAsNull(session.initiatorName)},
                       {QStringLiteral("ifaceAddress"), emptyAsNull(session.ifaceAddress)},
                       {QStringLiteral("connectionState"), emptyAsNull(session.connectionState)},
                       {QStringLiteral("sessionState"), emptyAsNull(session.sessionState)},
                       {QStringLiteral("internalState"), emptyAsNull(session.internalState)},
                       {QStringLiteral("recoveryTimeout"), orNull(session.recoveryTimeout)},
                       {QStringLiteral("hostNumber"), orNull(session.hostNumber)},
                       {QStringLiteral("hostState"), emptyAsNull(session.hostState)},
                       {QStringLiteral("disks"), disks}};
}

QJsonObject toJson(const DiscoveryRecord& record) {
    return QJsonObject{{QStringLiteral("address"), record.portal.address},
                       {QStringLiteral("port"), record.portal.port},
                       {QStringLiteral("tpgt"), orNull(record.portal.tpgt)},
                       {QStringLiteral("target"), record.targetIqn}};
}

QJsonObject toJson(const IscsiNodeRecord& record) {
    return QJsonObject{{QStringLiteral("target"), record.targetIqn},
                       {QStringLiteral("address"), record.portal.address},
                       {QStringLiteral("port"), record.portal.port},
                       {QStringLiteral("tpgt"), orNull(record.portal.tpgt)},
                       {QStringLiteral("startup"), emptyAsNull(record.startup)},
                       {QStringLiteral("replacementTimeout"), orNull(record.replacementTimeout)}};
}

QJsonObject toJson(const InitiatorName& name) {
    return QJsonObject{{QStringLiteral("name"), name.name},
                       {QStringLiteral("alias"), emptyAsNull(name.alias)}};
}

} // namespace nr1
