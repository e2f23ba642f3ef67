#include "probe/MdadmDetailParser.h"

#include "base/Numbers.h"
#include "base/TextLines.h"
#include "probe/MdadmFields.h"

#include <QRegularExpression>

namespace nr1 {

namespace {

void readDeviceRow(TextLines& lines, int number, MdDetail& detail) {
    static const QRegularExpression row(
        QStringLiteral("^\\s*(\\d+|-)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+|-)\\s+(\\S.*?)\\s*$"));
    const QString& line = lines.at(number);
    const auto m = row.match(line);
    if (!m.hasMatch()) {
        lines.warn(number,
                   QStringLiteral("not a device row 'Number Major Minor RaidDevice State'"));
        return;
    }
    MdDetailDevice device;
    device.number = toInt(m.captured(1));
    const auto major = toInt(m.captured(2)), minor = toInt(m.captured(3));
    if (!major || !minor)
        lines.fail(number, QStringLiteral("major and minor numbers"), line);
    device.major = *major;
    device.minor = *minor;
    device.raidDevice = toInt(m.captured(4));
    QStringList words = m.captured(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!words.isEmpty() && words.last().startsWith(QLatin1Char('/')))
        device.path = words.takeLast();
    device.state = words;
    detail.devices.push_back(device);
}

void readField(TextLines& lines, int number, const MdadmField& field, MdDetail& detail) {
    const QString& label = field.label;
    const QString& value = field.value;
    static const QRegularExpression status(QStringLiteral("^(\\w+) Status$"));
    if (label == QLatin1String("Version"))
        detail.version = value;
    else if (label == QLatin1String("Creation Time"))
        detail.creationTime = value;
    else if (label == QLatin1String("Raid Level"))
        detail.level = value;
    else if (label == QLatin1String("Array Size"))
        detail.arraySizeKiB = requireLeadingNumber(lines, number, field);
    else if (label == QLatin1String("Used Dev Size")) {
        // Detail.c prints "unknown" when it cannot read the component size.
        if (value != QLatin1String("unknown"))
            detail.usedDevSizeKiB = requireLeadingNumber(lines, number, field);
    } else if (label == QLatin1String("Raid Devices"))
        detail.raidDevices = requireInt(lines, number, field);
    else if (label == QLatin1String("Total Devices"))
        detail.totalDevices = requireInt(lines, number, field);
    else if (label == QLatin1String("Persistence"))
        detail.persistence = value;
    else if (label == QLatin1String("Intent Bitmap"))
        detail.intentBitmap = value;
    else if (label == QLatin1String("Update Time"))
        detail.updateTime = value;
    else if (label == QLatin1String("State")) {
        // "clean, degraded, resyncing (DELAYED) ": the note in parentheses after the last
        // part is a word of its own, so that "resyncing" is still found.
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString word = part.trimmed();
            const qsizetype note = word.indexOf(QLatin1String(" ("));
            if (note > 0 && word.endsWith(QLatin1Char(')'))) {
                detail.state.append(word.left(note).trimmed());
                detail.state.append(word.mid(note + 1));
            } else if (!word.isEmpty()) {
                detail.state.append(word);
            }
        }
    } else if (label == QLatin1String("Active Devices"))
        detail.activeDevices = requireInt(lines, number, field);
    else if (label == QLatin1String("Working Devices"))
        detail.workingDevices = requireInt(lines, number, field);
    else if (label == QLatin1String("Failed Devices"))
        detail.failedDevices = requireInt(lines, number, field);
    else if (label == QLatin1String("Spare Devices"))
        detail.spareDevices = requireInt(lines, number, field);
    else if (label == QLatin1String("Layout"))
        detail.layout = value;
    else if (label == QLatin1String("Chunk Size"))
        detail.chunkSize = value;
    else if (label == QLatin1String("Consistency Policy"))
        detail.consistencyPolicy = value;
    else if (label == QLatin1String("Name"))
        detail.name = withoutParenthesisNote(value);
    else if (label == QLatin1String("UUID"))
        detail.uuid = value;
    else if (label == QLatin1String("Events"))
        detail.events = requireLeadingNumber(lines, number, field);
    else if (const auto m = status.match(label); m.hasMatch()) {
        detail.rebuildKind = m.captured(1);
        static const QRegularExpression percent(QStringLiteral("^(\\d+)% complete$"));
        const auto p = percent.match(value);
        if (!p.hasMatch())
            lines.fail(number, QStringLiteral("'N% complete'"), lines.at(number));
        detail.rebuildPercent = toInt(p.captured(1));
    } else {
        detail.other.emplace_back(label, value);
    }
}

} // namespace

ParseResult<MdDetail> parseMdadmDetail(QStringView text) {
    return runParser<MdDetail>([&] {
        TextLines lines(QStringLiteral("mdadm --detail"), text);
        MdDetail detail;
        int number = 1;
        while (number <= lines.count() && lines.at(number).trimmed().isEmpty())
            ++number;
        if (number > lines.count() || !lines.at(number).endsWith(QLatin1Char(':')) ||
            lines.at(number).front().isSpace())
            lines.fail(number > lines.count() ? 0 : number,
                       QStringLiteral("the array device line '/dev/mdX:'"),
                       number > lines.count() ? QString() : lines.at(number));
        detail.device = lines.at(number).chopped(1);
        bool inTable = false;
        for (++number; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty())
                continue;
            if (!inTable && line.trimmed().startsWith(QLatin1String("Number"))) {
                inTable = true;
                continue;
            }
            if (inTable) {
                readDeviceRow(lines, number, detail);
            } else if (const auto field = splitMdadmField(line)) {
                readField(lines, number, *field, detail);
            } else {
                lines.warn(number, QStringLiteral("not a 'Label : value' line"));
            }
        }
        if (detail.version.isEmpty() && detail.level.isEmpty() && detail.state.isEmpty())
            lines.fail(0, QStringLiteral(
                              "'Version', 'Raid Level' or 'State' fields after the device line"));
        return ParseResult<MdDetail>(std::move(detail), lines.takeWarnings());
    });
}

} // namespace nr1
