#include "probe/MdSysfsParser.h"

#include "base/Numbers.h"
#include "base/TextLines.h"

#include <QRegularExpression>

namespace nr1 {

namespace {

MdSysfs& arrayNamed(std::vector<MdSysfs>& arrays, const QString& name) {
    for (MdSysfs& array : arrays)
        if (array.array == name)
            return array;
    arrays.push_back(MdSysfs{});
    arrays.back().array = name;
    return arrays.back();
}

MdSysfsMember& memberNamed(MdSysfs& array, const QString& device) {
    for (MdSysfsMember& member : array.members)
        if (member.device == device)
            return member;
    array.members.push_back(MdSysfsMember{});
    array.members.back().device = device;
    return array.members.back();
}

template <typename T>
T require(TextLines& lines, int number, std::optional<T> value, const QString& expected) {
    if (!value)
        lines.fail(number, expected, lines.at(number));
    return *value;
}

void readArrayAttribute(TextLines& lines, int number, MdSysfs& array, const QString& attribute,
                        const QString& value) {
    if (attribute == QLatin1String("array_state")) {
        array.arrayState = value;
    } else if (attribute == QLatin1String("level")) {
        array.level = value;
    } else if (attribute == QLatin1String("sync_action")) {
        array.syncAction =
            require(lines, number, parseSyncAction(value),
                    QStringLiteral("sync_action idle|frozen|resync|recover|check|repair|reshape"));
    } else if (attribute == QLatin1String("sync_completed")) {
        array.syncCompleted =
            require(lines, number, parseSyncCompleted(value),
                    QStringLiteral("sync_completed 'done / total', none or delayed"));
    } else if (attribute == QLatin1String("sync_speed")) {
        array.syncSpeedKiBps = require(lines, number, parseSyncSpeed(value),
                                       QStringLiteral("sync_speed in K/s or none"));
    } else if (attribute == QLatin1String("degraded")) {
        array.degraded =
            require(lines, number, toInt(value), QStringLiteral("degraded as a number"));
    } else if (attribute == QLatin1String("component_size")) {
        array.componentSizeKiB =
            require(lines, number, toInt64(value), QStringLiteral("component_size in KiB"));
    } else if (attribute == QLatin1String("mismatch_cnt")) {
        array.mismatchSectors =
            require(lines, number, toInt64(value), QStringLiteral("mismatch_cnt as a number"));
    } else if (attribute == QLatin1String("raid_disks")) {
        // During a reshape that changes the disk count the kernel prints "new (old)".
        static const QRegularExpression reshaping(QStringLiteral("^(\\d+) \\(\\d+\\)$"));
        const auto m = reshaping.match(value);
        array.raidDisks = require(lines, number, toInt(m.hasMatch() ? m.captured(1) : value),
                                  QStringLiteral("raid_disks as N or 'N (old N)'"));
    }
}

void readMemberAttribute(TextLines& lines, int number, MdSysfsMember& member,
                         const QString& attribute, const QString& value) {
    if (attribute == QLatin1String("state")) {
        member.stateFlags = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    } else if (attribute == QLatin1String("slot")) {
        // A journal device has no role: the kernel prints "journal" (its state says so too).
        if (value == QLatin1String("none") || value == QLatin1String("journal"))
            member.slot.reset();
        else
            member.slot =
                require(lines, number, toInt(value), QStringLiteral("slot as a number or none"));
    }
}

} // namespace

std::optional<MdSyncAction> parseSyncAction(QStringView value) {
    return mdSyncActionFromName(value);
}

std::optional<MdSyncCompleted> parseSyncCompleted(QStringView value) {
    MdSyncCompleted completed;
    if (value == QLatin1String("none"))
        return completed;
    if (value == QLatin1String("delayed")) {
        completed.state = MdSyncCompleted::State::Delayed;
        return completed;
    }
    const qsizetype slash = value.indexOf(QLatin1String(" / "));
    if (slash < 0)
        return std::nullopt;
    const auto done = toInt64(value.left(slash));
    const auto total = toInt64(value.mid(slash + 3));
    if (!done || !total || *done < 0 || *total < 0)
        return std::nullopt;
    completed.state = MdSyncCompleted::State::Running;
    completed.doneSectors = *done;
    completed.totalSectors = *total;
    return completed;
}

std::optional<std::optional<qint64>> parseSyncSpeed(QStringView value) {
    if (value == QLatin1String("none"))
        return std::optional<qint64>();
    if (const auto speed = toInt64(value); speed && *speed >= 0)
        return std::optional<qint64>(*speed);
    return std::nullopt;
}

ParseResult<std::vector<MdSysfs>> parseMdSysfsDump(QStringView text) {
    return runParser<std::vector<MdSysfs>>([&] {
        TextLines lines(QStringLiteral("md sysfs"), text);
        std::vector<MdSysfs> arrays;
        static const QRegularExpression form(QStringLiteral(
            "^/sys/(?:block|devices/virtual/block)/(md[^/]+)/md/(?:([^/:]+)/)?([^/:]+):(.*)$"));
        for (int number = 1; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty())
                continue;
            const auto m = form.match(line);
            if (!m.hasMatch()) {
                lines.warn(number, QStringLiteral("not a /sys/block/mdX/md/ATTRIBUTE:VALUE line"));
                continue;
            }
            MdSysfs& array = arrayNamed(arrays, m.captured(1));
            const QString value = m.captured(4).trimmed();
            const QString directory = m.captured(2);
            if (directory.startsWith(QLatin1String("dev-")))
                readMemberAttribute(lines, number, memberNamed(array, m.captured(2).mid(4)),
                                    m.captured(3), value);
            else if (directory.isEmpty())
                readArrayAttribute(lines, number, array, m.captured(3), value);
            // Attributes in other directories (bitmap/, rdN links) are not modelled.
        }
        if (arrays.empty())
            lines.fail(0, QStringLiteral("at least one /sys/block/mdX/md/ATTRIBUTE:VALUE line"));
        return ParseResult<std::vector<MdSysfs>>(std::move(arrays), lines.takeWarnings());
    });
}

} // namespace nr1
