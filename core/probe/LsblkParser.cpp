#include "probe/LsblkParser.h"

#include "probe/JsonFields.h"

namespace nr1 {

namespace {

const QString kSource = QStringLiteral("lsblk --json");

void appendUnique(QStringList& list, const QString& item) {
    if (!item.isEmpty() && !list.contains(item))
        list.append(item);
}

BlockDevice& deviceNamed(std::vector<BlockDevice>& devices, const QString& name) {
    for (BlockDevice& device : devices)
        if (device.name == name)
            return device;
    devices.push_back(BlockDevice{});
    devices.back().name = name;
    return devices.back();
}

QString readDevice(const JsonFields& row, std::vector<BlockDevice>& devices,
                   const QString& parent) {
    QString name = row.string(QStringLiteral("kname"));
    if (name.isEmpty())
        name = row.requiredString(QStringLiteral("name"));
    BlockDevice& device = deviceNamed(devices, name);
    device.path = row.string(QStringLiteral("path"));
    device.type = row.string(QStringLiteral("type"));
    device.sizeBytes = row.bytes(QStringLiteral("size"));
    device.readOnly = row.boolean(QStringLiteral("ro"), false);
    device.removable = row.boolean(QStringLiteral("rm"), false);
    device.wwn = row.string(QStringLiteral("wwn")).trimmed();
    device.serial = row.string(QStringLiteral("serial")).trimmed();
    device.vendor = row.string(QStringLiteral("vendor")).trimmed();
    device.model = row.string(QStringLiteral("model")).trimmed();
    device.transport = row.string(QStringLiteral("tran"));
    device.fsType = row.string(QStringLiteral("fstype"));
    device.fsUuid = row.string(QStringLiteral("uuid"));
    device.fsLabel = row.string(QStringLiteral("label"));
    // A partition's PTTYPE is its disk's table (udev imports the parent's ID_PART_TABLE_TYPE),
    // not a table on the partition: keeping it would mark every partition as in use.
    if (device.type != QLatin1String("part"))
        device.partitionTable = row.string(QStringLiteral("pttype"));
    const QStringList mounts = row.has(QStringLiteral("mountpoints"))
                                   ? row.strings(QStringLiteral("mountpoints"))
                                   : row.strings(QStringLiteral("mountpoint"));
    for (const QString& mount : mounts)
        appendUnique(device.mountpoints, mount);
    appendUnique(device.parents, parent);
    // PKNAME names the parent even in --list output, which has no tree.
    appendUnique(device.parents, row.string(QStringLiteral("pkname")));
    // Children are read after this device's fields are set: `device` may move as the vector
    // grows, so every later access goes through the name.
    for (const JsonFields& child : row.objects(QStringLiteral("children"))) {
        const QString childName = readDevice(child, devices, name);
        appendUnique(deviceNamed(devices, name).holders, childName);
    }
    return name;
}

} // namespace

ParseResult<std::vector<BlockDevice>> parseLsblk(QStringView text) {
    return runParser<std::vector<BlockDevice>>([&] {
        const JsonFields root(kSource, QString(), parseJsonObject(kSource, text));
        if (!root.has(QStringLiteral("blockdevices")))
            root.fail(QStringLiteral("blockdevices"), QStringLiteral("the list of devices"));
        std::vector<BlockDevice> devices;
        for (const JsonFields& row : root.objects(QStringLiteral("blockdevices")))
            readDevice(row, devices, QString());
        // --list output names parents only through PKNAME: derive the holders from it.
        for (const BlockDevice& device : std::vector<BlockDevice>(devices))
            for (const QString& parent : device.parents)
                for (BlockDevice& candidate : devices)
                    if (candidate.name == parent)
                        appendUnique(candidate.holders, device.name);
        return ParseResult<std::vector<BlockDevice>>(std::move(devices));
    });
}

} // namespace nr1
