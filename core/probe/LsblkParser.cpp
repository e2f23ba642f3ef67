#include "probe/LsblkParser.h"

#include "probe/JsonFields.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace nr1 {

namespace {

const QString kSource = QStringLiteral("lsblk --json");

/// The devices read so far, found by name in constant time, with the names already in each
/// device's lists: every step of the reading is O(1), so the parse is linear in the input
/// (it was quadratic through list searches: 200k devices took minutes).
class DeviceTable {
public:
    std::size_t indexOf(const QString& name) {
        if (const auto it = m_index.constFind(name); it != m_index.cend())
            return *it;
        m_devices.push_back(BlockDevice{});
        m_devices.back().name = name;
        m_parents.emplace_back();
        m_holders.emplace_back();
        m_index.insert(name, m_devices.size() - 1);
        return m_devices.size() - 1;
    }
    std::optional<std::size_t> find(const QString& name) const {
        if (const auto it = m_index.constFind(name); it != m_index.cend())
            return *it;
        return std::nullopt;
    }
    BlockDevice& at(std::size_t index) { return m_devices[index]; }
    std::size_t size() const { return m_devices.size(); }
    void addParent(std::size_t index, const QString& parent) {
        addUnique(m_devices[index].parents, m_parents[index], parent);
    }
    void addHolder(std::size_t index, const QString& holder) {
        addUnique(m_devices[index].holders, m_holders[index], holder);
    }
    std::vector<BlockDevice> take() { return std::move(m_devices); }

    static void addUnique(QStringList& list, QSet<QString>& seen, const QString& item) {
        if (item.isEmpty() || seen.contains(item))
            return;
        seen.insert(item);
        list.append(item);
    }

private:
    std::vector<BlockDevice> m_devices;
    QHash<QString, std::size_t> m_index;
    std::vector<QSet<QString>> m_parents; ///< the names in m_devices[i].parents
    std::vector<QSet<QString>> m_holders; ///< the names in m_devices[i].holders
};

QString readDevice(const JsonFields& row, DeviceTable& devices, const QString& parent) {
    QString name = row.string(QStringLiteral("kname"));
    if (name.isEmpty())
        name = row.requiredString(QStringLiteral("name"));
    const std::size_t index = devices.indexOf(name);
    {
        // A reference only for this block: the table grows while children are read.
        BlockDevice& device = devices.at(index);
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
        // A partition's PTTYPE is its disk's table (udev imports the parent's
        // ID_PART_TABLE_TYPE), not a table on the partition: keeping it would mark every
        // partition as in use.
        if (device.type != QLatin1String("part"))
            device.partitionTable = row.string(QStringLiteral("pttype"));
        const QStringList mounts = row.has(QStringLiteral("mountpoints"))
                                       ? row.strings(QStringLiteral("mountpoints"))
                                       : row.strings(QStringLiteral("mountpoint"));
        QSet<QString> seenMounts(device.mountpoints.cbegin(), device.mountpoints.cend());
        for (const QString& mount : mounts)
            DeviceTable::addUnique(device.mountpoints, seenMounts, mount);
    }
    devices.addParent(index, parent);
    // PKNAME names the parent even in --list output, which has no tree.
    devices.addParent(index, row.string(QStringLiteral("pkname")));
    for (const JsonFields& child : row.objects(QStringLiteral("children")))
        devices.addHolder(index, readDevice(child, devices, name));
    return name;
}

} // namespace

ParseResult<std::vector<BlockDevice>> parseLsblk(QStringView text) {
    return runParser<std::vector<BlockDevice>>([&] {
        const JsonFields root(kSource, QString(), parseJsonObject(kSource, text));
        if (!root.has(QStringLiteral("blockdevices")))
            root.fail(QStringLiteral("blockdevices"), QStringLiteral("the list of devices"));
        DeviceTable devices;
        for (const JsonFields& row : root.objects(QStringLiteral("blockdevices")))
            readDevice(row, devices, QString());
        // --list output names parents only through PKNAME: derive the holders from it.
        for (std::size_t index = 0; index < devices.size(); ++index) {
            const QString name = devices.at(index).name;
            const QStringList parents = devices.at(index).parents;
            for (const QString& parent : parents)
                if (const auto holder = devices.find(parent))
                    devices.addHolder(*holder, name);
        }
        return ParseResult<std::vector<BlockDevice>>(devices.take());
    });
}

} // namespace nr1
