#include "base/Sizes.h"

#include "base/Numbers.h"

namespace nr1 {

Result<SizeRequest> parseSizeRequest(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("max"), Qt::CaseInsensitive) == 0)
        return SizeRequest::maximum();
    QString number = trimmed;
    // "256MiB" and "256MB" mean what "256M" means to LVM.
    if (number.endsWith(QLatin1String("iB"), Qt::CaseInsensitive))
        number.chop(2);
    else if (number.size() > 1 && number.endsWith(QLatin1Char('B'), Qt::CaseInsensitive) &&
             number.at(number.size() - 2).isLetter())
        number.chop(1);
    const bool hasUnit = !number.isEmpty() && number.back().isLetter();
    const bool knownUnit = !hasUnit || QStringLiteral("kKmMgGtTpP").contains(number.back());
    std::optional<qint64> bytes;
    if (knownUnit && !number.startsWith(QLatin1Char('<')) && !number.startsWith(QLatin1Char('>')))
        bytes = toBytes(number);
    if (!bytes || *bytes <= 0)
        return failure(QStringLiteral("size '%1': expected a positive number with an optional unit "
                                      "K, M, G, T or P (powers of 1024), or 'max'")
                           .arg(text));
    return SizeRequest::ofBytes(*bytes);
}

QString humanSize(qint64 bytes) {
    static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 5) {
        value /= 1024;
        ++unit;
    }
    const QString number = unit == 0 || value == double(qint64(value))
                               ? QString::number(qint64(value))
                               : QString::number(value, 'f', 2);
    return number + QLatin1Char(' ') + QLatin1String(units[unit]);
}

QString exactSizeText(qint64 bytes) {
    static const struct {
        qint64 unit;
        char suffix;
    } units[] = {{qint64(1) << 50, 'P'},
                 {qint64(1) << 40, 'T'},
                 {qint64(1) << 30, 'G'},
                 {qint64(1) << 20, 'M'},
                 {qint64(1) << 10, 'K'}};
    for (const auto& [unit, suffix] : units)
        if (bytes != 0 && bytes % unit == 0)
            return QString::number(bytes / unit) + QLatin1Char(suffix);
    return QString::number(bytes);
}

QString lvmSizeArgument(qint64 bytes) {
    static const struct {
        qint64 unit;
        char suffix;
    } units[] = {{qint64(1) << 40, 't'},
                 {qint64(1) << 30, 'g'},
                 {qint64(1) << 20, 'm'},
                 {qint64(1) << 10, 'k'}};
    for (const auto& [unit, suffix] : units)
        if (bytes % unit == 0)
            return QString::number(bytes / unit) + QLatin1Char(suffix);
    return QString::number(bytes) + QLatin1Char('b');
}

qint64 roundUp(qint64 bytes, qint64 unit) {
    return unit <= 0 ? bytes : (bytes + unit - 1) / unit * unit;
}

qint64 roundDown(qint64 bytes, qint64 unit) {
    return unit <= 0 ? bytes : bytes / unit * unit;
}

} // namespace nr1
