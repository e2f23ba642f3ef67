#include "plan/Ownership.h"

namespace nr1 {

namespace {

/// The device node of a kernel name as the node lists it ("/dev/mapper/VG-LV" for dm-0).
QString devicePathOf(const NodeState& node, const QString& kernelName) {
    const BlockDevice* device = node.findBlockDevice(kernelName);
    return device && !device->path.isEmpty() ? device->path : QStringLiteral("/dev/") + kernelName;
}

/// True when `a` and `b` name the same device on `node` (equal, or resolving to one device).
bool sameDevice(const NodeState& node, const QString& a, const QString& b) {
    if (a == b)
        return true;
    const BlockDevice* da = node.findBlockDeviceByPath(a);
    return da && da == node.findBlockDeviceByPath(b);
}

QString roleWord(NodeRole role) {
    return role == NodeRole::Primary ? QStringLiteral("Primary") : QStringLiteral("Secondary");
}

} // namespace

QString foreignArray(const PairState& state, const PairIntent& intent) {
    const PairLayout& layout = intent.layout;
    const QString md = intent.mdDeviceName();
    const MdstatArray* array = state.primary.mdstat.find(md);
    if (!array)
        return {};
    const QString local = localElementDevice(layout, state.primary);
    const QString imported = importedElementDevice(layout, state.primary);
    QStringList foreign;
    bool anyOurs = false;
    for (const MdstatMember& member : array->members) {
        if (!member.device.isEmpty() && (member.device == local || member.device == imported)) {
            anyOurs = true;
            continue;
        }
        // The remote leg that failed and whose disk went away with its session.
        if (member.faulty && !state.primary.findBlockDevice(member.device))
            continue;
        foreign << devicePathOf(state.primary, member.device);
    }
    if (foreign.isEmpty() && anyOurs)
        return {};
    const QString elements =
        QStringLiteral("%1 and %2")
            .arg(layout.primaryElement.devicePath(), layout.replication.byPathLink());
    if (foreign.isEmpty())
        return QStringLiteral("%1 on the Primary has none of the pair's elements (%2) as a member: "
                              "it is not the pair's array, nr1 does not touch it.")
            .arg(md, elements);
    return QStringLiteral("%1 on the Primary has %2 %3, which %4 not the pair's elements (%5): it "
                          "is not the pair's array, nr1 does not touch it.")
        .arg(md, foreign.size() == 1 ? QStringLiteral("the member") : QStringLiteral("members"),
             foreign.join(QStringLiteral(", ")),
             foreign.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"), elements);
}

QString foreignVolumeGroup(const PairState& state, const PairIntent& intent) {
    const QString mdPath = intent.layout.mdDevice;
    const QString vg = intent.layout.frontEnd.value_or(FrontEndExport{}).volume.vg;
    const LvmReport& lvm = state.primary.lvm;
    if (const PhysicalVolume* pv = lvm.findPv(mdPath);
        pv && !pv->vgName.isEmpty() && pv->vgName != vg)
        return QStringLiteral("%1 on the Primary is a PV of volume group %2, not of the pair's %3: "
                              "nr1 does not touch it.")
            .arg(mdPath, pv->vgName, vg);
    if (!lvm.findVg(vg))
        return {};
    QStringList others;
    bool onMd = false;
    for (const PhysicalVolume& pv : lvm.pvs) {
        if (pv.vgName != vg)
            continue;
        if (sameDevice(state.primary, pv.name, mdPath))
            onMd = true;
        else
            others << pv.name;
    }
    if (onMd && others.isEmpty())
        return {};
    if (others.isEmpty())
        return QStringLiteral("Volume group %1 on the Primary is not on %2: it is not the pair's "
                              "volume group, nr1 does not touch it.")
            .arg(vg, mdPath);
    return QStringLiteral("Volume group %1 on the Primary sits on %2, not only on %3: it is not "
                          "the pair's volume group, nr1 does not touch it.")
        .arg(vg, others.join(QStringLiteral(", ")), mdPath);
}

QString foreignBackstore(const PairState& state, NodeRole role, const QString& backstorePath,
                         const QString& device) {
    const NodeState& node = state.node(role);
    const StorageObject* object = node.lio.findStorageObject(backstorePath);
    if (!object || sameDevice(node, object->dev, device))
        return {};
    return QStringLiteral("On the %1, backstore %2 serves %3, not the pair's %4: nr1 does not "
                          "touch it.")
        .arg(roleWord(role), backstorePath,
             object->dev.isEmpty() ? QStringLiteral("nothing") : object->dev, device);
}

QString foreignTarget(const PairState& state, NodeRole role, const QString& iqn,
                      const QString& backstorePath) {
    const LioTarget* target = state.node(role).lio.findTarget(iqn);
    if (!target)
        return {};
    QStringList others;
    for (const Tpg& tpg : target->tpgs)
        for (const LioLun& lun : tpg.luns)
            if (lun.storageObject != backstorePath && !others.contains(lun.storageObject))
                others << lun.storageObject;
    if (others.isEmpty())
        return {};
    return QStringLiteral("On the %1, target %2 exports %3, not only the pair's %4: nr1 does not "
                          "touch it.")
        .arg(roleWord(role), iqn, others.join(QStringLiteral(", ")), backstorePath);
}

} // namespace nr1
