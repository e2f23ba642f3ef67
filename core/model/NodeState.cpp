#include "model/NodeState.h"

namespace nr1 {

const BlockDevice* NodeState::findBlockDevice(const QString& kernelName) const {
    for (const BlockDevice& device : blockDevices)
        if (device.name == kernelName)
            return &device;
    return nullptr;
}

const MdSysfs* NodeState::findMdSysfs(const QString& name) const {
    for (const MdSysfs& sysfs : mdSysfs)
        if (sysfs.array == name)
            return &sysfs;
    return nullptr;
}

const IscsiNodeRecord* NodeState::findNodeRecord(const QString& targetIqn,
                                                 const IscsiPortal& portal) const {
    for (const IscsiNodeRecord& record : iscsiNodes)
        if (record.targetIqn == targetIqn && record.portal.address == portal.address &&
            record.portal.port == portal.port)
            return &record;
    return nullptr;
}

const IscsiSession* NodeState::findSession(const QString& targetIqn) const {
    for (const IscsiSession& session : sessions)
        if (session.targetIqn == targetIqn)
            return &session;
    return nullptr;
}

const BlockDevice* NodeState::findBlockDeviceByPath(const QString& path) const {
    QString wanted = path;
    // /dev/VG/LV is a udev link to the dm device lsblk names /dev/mapper/VG-LV.
    for (const LogicalVolume& lv : lvm.lvs)
        if (lv.path == path && !lv.dmPath.isEmpty())
            wanted = lv.dmPath;
    for (const BlockDevice& device : blockDevices)
        if (device.path == wanted || device.byPath.contains(wanted) || device.byId.contains(wanted))
            return &device;
    return nullptr;
}

const LunIdentity* NodeState::findLunIdentity(const QString& pair) const {
    for (const LunIdentity& identity : lunIdentities)
        if (identity.pair == pair)
            return &identity;
    return nullptr;
}

QString NodeState::interfaceHolding(const QString& address) const {
    const QString bare = address.section(QLatin1Char('/'), 0, 0);
    for (auto it = ipv4Addresses.begin(); it != ipv4Addresses.end(); ++it)
        if (it.key().section(QLatin1Char('/'), 0, 0) == bare)
            return it.value();
    return QString();
}

QStringList NodeState::brokenIscsiRecordsOf(const QString& targetIqn) const {
    const QString folder = QStringLiteral("/etc/iscsi/nodes/%1/").arg(targetIqn);
    QStringList paths;
    for (const QString& path : brokenIscsiRecords)
        if (path.startsWith(folder))
            paths << path;
    return paths;
}

bool NodeState::lioRestorePending() const {
    return unitActiveStates.value(QStringLiteral("rtslib-fb-targetctl.service")) ==
           QLatin1String("activating");
}

} // namespace nr1
