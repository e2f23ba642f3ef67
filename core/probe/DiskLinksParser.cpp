#include "probe/DiskLinksParser.h"

#include "base/TextLines.h"

#include <QHash>

namespace nr1 {

ParseResult<std::vector<DiskLink>> parseDiskLinks(QStringView text) {
    return runParser<std::vector<DiskLink>>([&] {
        TextLines lines(QStringLiteral("/dev/disk links"), text);
        std::vector<DiskLink> links;
        for (int number = 1; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty())
                continue;
            const QStringList parts = line.split(QLatin1Char('\t'));
            if (parts.size() != 2 || !parts[0].startsWith(QLatin1String("/dev/disk/")) ||
                parts[1].isEmpty() || parts[1].endsWith(QLatin1Char('/'))) {
                lines.warn(number, QStringLiteral("not a '/dev/disk/…<TAB>target' line"));
                continue;
            }
            links.push_back(DiskLink{parts[0], parts[1].section(QLatin1Char('/'), -1)});
        }
        return ParseResult<std::vector<DiskLink>>(std::move(links), lines.takeWarnings());
    });
}

void attachDiskLinks(std::vector<BlockDevice>& devices, const std::vector<DiskLink>& links) {
    // Devices by name (one per kernel name): linear in devices + links.
    QHash<QString, BlockDevice*> byName;
    for (BlockDevice& device : devices)
        byName.insert(device.name, &device);
    for (const DiskLink& link : links) {
        BlockDevice* device = byName.value(link.target);
        if (!device)
            continue;
        if (link.link.startsWith(QLatin1String("/dev/disk/by-path/")))
            device->byPath.append(link.link);
        else if (link.link.startsWith(QLatin1String("/dev/disk/by-id/")))
            device->byId.append(link.link);
    }
}

} // namespace nr1
