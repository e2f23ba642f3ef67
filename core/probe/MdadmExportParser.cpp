#include "probe/MdadmExportParser.h"

#include "base/Numbers.h"
#include "base/TextLines.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace nr1 {

ParseResult<MdExport> parseMdadmExport(QStringView text) {
    return runParser<MdExport>([&] {
        TextLines lines(QStringLiteral("mdadm --detail --export"), text);
        MdExport result;
        QHash<QString, std::size_t> memberIndex; // where each member is in result.members
        bool sawVariable = false;
        static const QRegularExpression deviceVariable(
            QStringLiteral("^MD_DEVICE_(.+)_(ROLE|DEV)$"));
        for (int number = 1; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty())
                continue;
            // Device names may contain any character; split at the first '=' only.
            const qsizetype equals = line.indexOf(QLatin1Char('='));
            const QString key = equals < 0 ? QString() : line.left(equals);
            const QString value = equals < 0 ? QString() : line.mid(equals + 1);
            if (!key.startsWith(QLatin1String("MD_"))) {
                lines.warn(number, QStringLiteral("not an MD_*=value line"));
                continue;
            }
            sawVariable = true;
            if (const auto d = deviceVariable.match(key); d.hasMatch()) {
                const QString name = d.captured(1);
                auto found = memberIndex.constFind(name);
                if (found == memberIndex.cend()) {
                    found = memberIndex.insert(name, result.members.size());
                    result.members.push_back(MdExportDevice{name, {}, {}});
                }
                MdExportDevice& member = result.members[*found];
                (d.captured(2) == QLatin1String("ROLE") ? member.role : member.dev) = value;
            } else if (key == QLatin1String("MD_LEVEL")) {
                result.level = value;
            } else if (key == QLatin1String("MD_DEVICES")) {
                result.devices = toInt(value);
                if (!result.devices)
                    lines.fail(number, QStringLiteral("MD_DEVICES as a number"), line);
            } else if (key == QLatin1String("MD_METADATA")) {
                result.metadata = value;
            } else if (key == QLatin1String("MD_UUID")) {
                result.uuid = value;
            } else if (key == QLatin1String("MD_DEVNAME")) {
                result.devname = value;
            } else if (key == QLatin1String("MD_NAME")) {
                result.name = value;
            } else {
                result.other.emplace_back(key, value);
            }
        }
        if (!sawVariable)
            lines.fail(0, QStringLiteral("MD_*=value lines"));
        for (const MdExportDevice& member : result.members)
            if (member.dev.isEmpty() || member.role.isEmpty())
                lines.fail(
                    0,
                    QStringLiteral("both MD_DEVICE_%1_ROLE and MD_DEVICE_%1_DEV").arg(member.name));
        return ParseResult<MdExport>(std::move(result), lines.takeWarnings());
    });
}

} // namespace nr1
