#include "base/Numbers.h"

#include <cmath>
#include <limits>

namespace nr1 {

std::optional<qint64> toInt64(QStringView text) {
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace() ||
        text.front() == QLatin1Char('+'))
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok, 10);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<int> toInt(QStringView text) {
    const auto wide = toInt64(text);
    if (!wide || *wide > std::numeric_limits<int>::max() || *wide < std::numeric_limits<int>::min())
        return std::nullopt;
    return int(*wide);
}

std::optional<qint64> toBytes(QStringView text) {
    QStringView rest = text.trimmed();
    if (rest.startsWith(QLatin1Char('<')) || rest.startsWith(QLatin1Char('>')))
        rest = rest.mid(1);
    if (rest.isEmpty())
        return std::nullopt;
    if (const auto plain = toInt64(rest))
        return *plain < 0 ? std::nullopt : plain;
    const QChar unit = rest.back().toLower();
    static const QString units = QStringLiteral("bskmgtpe");
    const qsizetype power = units.indexOf(unit);
    if (power < 0)
        return std::nullopt;
    const QStringView number = rest.chopped(1);
    if (number.isEmpty() || !(number.front().isDigit() || number.front() == QLatin1Char('.')))
        return std::nullopt;
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    double bytes = value;
    if (unit == QLatin1Char('s'))
        bytes *= 512; // LVM's sector unit
    else if (power >= 2)
        bytes *= std::pow(1024.0, double(power - 1));
    if (bytes >= 9.2e18)
        return std::nullopt;
    return qint64(std::llround(bytes));
}

} // namespace nr1
