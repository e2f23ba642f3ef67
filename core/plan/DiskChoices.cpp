#include "plan/DiskChoices.h"

namespace nr1 {

namespace {

constexpr qint64 kMiB = qint64(1) << 20;
constexpr qint64 kDefaultExtent = 4 * kMiB; // vgcreate's default extent size
constexpr qint64 kDefaultPeStart = kMiB;    // pvcreate's default data alignment

} // namespace

/// Why a disk may not become a PV, or "" when it may.
QString diskProblem(const NodeState& node, const QString& path) {
    const BlockDevice* device = node.findBlockDeviceByPath(path);
    if (!device)
        return QStringLiteral("%1 does not exist").arg(path);
    if (device->type != QLatin1String("disk") && device->type != QLatin1String("part"))
        return QStringLiteral("%1 is a %2, not a disk or partition").arg(path, device->type);
    if (device->transport == QLatin1String("iscsi"))
        return QStringLiteral("%1 is a disk imported over iSCSI (another node's storage)")
            .arg(path);
    if (device->readOnly)
        return QStringLiteral("%1 is read-only").arg(path);
    if (const PhysicalVolume* pv = node.lvm.findPv(device->path))
        return pv->vgName.isEmpty()
                   ? QStringLiteral("%1 is already an LVM physical volume").arg(path)
                   : QStringLiteral("%1 belongs to volume group %2").arg(path, pv->vgName);
    QStringList reasons;
    if (!device->fsType.isEmpty())
        reasons << QStringLiteral("a %1 signature").arg(device->fsType);
    for (const Signature& signature : device->signatures)
        if (signature.type != device->fsType)
            reasons << QStringLiteral("a %1 signature").arg(signature.type);
    if (!device->partitionTable.isEmpty())
        reasons << QStringLiteral("a %1 partition table").arg(device->partitionTable);
    if (!device->signaturesUnreadable.isEmpty())
        reasons << QStringLiteral("signatures nr1 could not read (%1)")
                       .arg(device->signaturesUnreadable);
    if (!device->holders.isEmpty())
        reasons << QStringLiteral("devices built on it (%1)").arg(device->holders.join(u", "));
    if (!device->mountpoints.isEmpty())
        reasons << QStringLiteral("mounts (%1)").arg(device->mountpoints.join(u", "));
    if (!reasons.isEmpty())
        return QStringLiteral("%1 is in use: it carries %2; nr1 only takes blank disks (wipe it "
                              "yourself if its data is not needed)")
            .arg(path, reasons.join(u", "));
    return QString();
}

std::vector<DiskChoice> diskChoices(const NodeState& node) {
    std::vector<DiskChoice> choices;
    for (const BlockDevice& device : node.blockDevices) {
        if (device.type != QLatin1String("disk") && device.type != QLatin1String("part"))
            continue;
        DiskChoice choice;
        choice.path = device.path;
        choice.sizeBytes = device.sizeBytes;
        // lsblk's vendor of a virtio disk is its PCI vendor id ("0x1af4"): not worth showing.
        QStringList description;
        const QString vendor =
            device.vendor.trimmed().startsWith(QLatin1String("0x")) ? QString() : device.vendor;
        const QString model = (vendor + QLatin1Char(' ') + device.model).simplified();
        if (!model.isEmpty())
            description << model;
        if (!device.transport.isEmpty())
            description << device.transport;
        if (!device.byPath.isEmpty())
            description << device.byPath.front().section(QLatin1Char('/'), -1);
        choice.description = description.join(QStringLiteral(", "));
        choice.problem = diskProblem(node, device.path);
        choices.push_back(choice);
    }
    return choices;
}

std::optional<qint64> elementRoom(const NodeState& node, const ElementRef& element,
                                  const QStringList& disks) {
    if (const LogicalVolume* lv = node.lvm.findLv(element.vg, element.lv))
        return lv->sizeBytes;
    if (const VolumeGroup* vg = node.lvm.findVg(element.vg))
        return vg->freeBytes;
    qint64 total = 0;
    for (const QString& disk : disks) {
        const BlockDevice* device = node.findBlockDeviceByPath(disk);
        if (!device || !device->sizeBytes)
            return std::nullopt;
        total += std::max<qint64>(0, (*device->sizeBytes - kDefaultPeStart) / kDefaultExtent *
                                         kDefaultExtent);
    }
    return total;
}

} // namespace nr1
