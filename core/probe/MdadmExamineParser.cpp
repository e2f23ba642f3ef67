#include "probe/MdadmExamineParser.h"

#include "base/Numbers.h"
#include "base/TextLines.h"
#include "probe/MdadmFields.h"

#include <QRegularExpression>

namespace nr1 {

namespace {

void readField(TextLines& lines, int number, const MdadmField& field, MdExamine& examine) {
    const QString& label = field.label;
    const QString& value = field.value;
    if (label == QLatin1String("Magic"))
        examine.magic = value;
    else if (label == QLatin1String("Version"))
        examine.version = value;
    else if (label == QLatin1String("Feature Map"))
        examine.featureMap = value;
    else if (label == QLatin1String("Array UUID") || label == QLatin1String("UUID"))
        examine.arrayUuid = value;
    else if (label == QLatin1String("Name"))
        examine.name = withoutParenthesisNote(value);
    else if (label == QLatin1String("Creation Time"))
        examine.creationTime = value;
    else if (label == QLatin1String("Raid Level"))
        examine.raidLevel = value;
    else if (label == QLatin1String("Raid Devices"))
        examine.raidDevices = requireInt(lines, number, field);
    else if (label == QLatin1String("Avail Dev Size"))
        examine.availDevSizeSectors = requireLeadingNumber(lines, number, field);
    else if (label == QLatin1String("Array Size"))
        examine.arraySizeKiB = requireLeadingNumber(lines, number, field);
    else if (label == QLatin1String("Used Dev Size"))
        examine.usedDevSizeSectors = requireLeadingNumber(lines, number, field);
    else if (label == QLatin1String("Data Offset"))
        examine.dataOffsetSectors = requireLeadingNumber(lines, number, field);
    else if (label == QLatin1String("State"))
        examine.state = value;
    else if (label == QLatin1String("Device UUID"))
        examine.deviceUuid = value;
    else if (label == QLatin1String("Internal Bitmap"))
        examine.internalBitmap = value;
    else if (label == QLatin1String("Flags"))
        examine.flags = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    else if (label == QLatin1String("Update Time"))
        examine.updateTime = value;
    else if (label == QLatin1String("Checksum"))
        examine.checksum = value;
    else if (label == QLatin1String("Events"))
        examine.events = requireLeadingNumber(lines, number, field);
    else if (label == QLatin1String("Device Role")) {
        examine.deviceRole = value;
        static const QRegularExpression active(QStringLiteral("^Active device (\\d+)$"));
        if (const auto m = active.match(value); m.hasMatch())
            examine.activeRole = toInt(m.captured(1));
    } else if (label == QLatin1String("Array State")) {
        examine.arrayState = value.section(QLatin1Char(' '), 0, 0);
    } else {
        examine.other.emplace_back(label, value);
    }
}

} // namespace

ParseResult<std::vector<MdExamine>> parseMdadmExamine(QStringView text) {
    return runParser<std::vector<MdExamine>>([&] {
        TextLines lines(QStringLiteral("mdadm --examine"), text);
        std::vector<MdExamine> result;
        static const QRegularExpression deviceLine(QStringLiteral("^(/\\S*):$"));
        for (int number = 1; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty())
                continue;
            if (const auto m = deviceLine.match(line); m.hasMatch()) {
                result.push_back(MdExamine{});
                result.back().device = m.captured(1);
                continue;
            }
            if (result.empty())
                lines.fail(number, QStringLiteral("a device line '/dev/X:'"), line);
            if (const auto field = splitMdadmField(line))
                readField(lines, number, *field, result.back());
            else
                lines.warn(number, QStringLiteral("not a 'Label : value' line"));
        }
        if (result.empty())
            lines.fail(0, QStringLiteral("a device line '/dev/X:'"));
        for (const MdExamine& examine : result)
            if (examine.magic.isEmpty() || examine.version.isEmpty())
                lines.fail(
                    0, QStringLiteral("'Magic' and 'Version' fields for %1").arg(examine.device));
        return ParseResult<std::vector<MdExamine>>(std::move(result), lines.takeWarnings());
    });
}

} // namespace nr1
