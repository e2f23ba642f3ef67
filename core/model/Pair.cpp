#include "model/Pair.h"

namespace nr1 {

QString ReplicationLink::byPathLink() const {
    return QStringLiteral("/dev/disk/by-path/ip-%1-iscsi-%2-lun-%3")
        .arg(portal.hostPort(), targetIqn)
        .arg(lun);
}

namespace {

QString deviceOfPath(const NodeState& state, const QString& path) {
    const BlockDevice* device = state.findBlockDeviceByPath(path);
    return device ? device->name : QString();
}

} // namespace

QString localElementDevice(const PairLayout& layout, const NodeState& primary) {
    return deviceOfPath(primary, layout.primaryElement.devicePath());
}

QString importedElementDevice(const PairLayout& layout, const NodeState& primary) {
    if (const IscsiSession* session = primary.findSession(layout.replication.targetIqn))
        for (const AttachedDisk& disk : session->disks)
            if (disk.lun == layout.replication.lun && !disk.disk.isEmpty())
                return disk.disk;
    return deviceOfPath(primary, layout.replication.byPathLink());
}

} // namespace nr1
