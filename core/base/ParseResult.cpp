#include "base/ParseResult.h"

namespace nr1 {

QString excerpt(QStringView text) {
    constexpr qsizetype maxLength = 120;
    QString flat = text.isNull() ? QStringLiteral("") : text.toString();
    flat.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    if (const qsizetype newline = flat.indexOf(QLatin1Char('\n')); newline >= 0)
        flat.truncate(newline);
    if (flat.size() > maxLength)
        flat = flat.left(maxLength) + QStringLiteral("…");
    return flat;
}

QString ParseError::toString() const {
    QString where = source;
    if (line > 0)
        where += QStringLiteral(" line %1").arg(line);
    QString message = QStringLiteral("%1: expected %2").arg(where, expected);
    if (!found.isNull())
        message += found.isEmpty() ? QStringLiteral(", found an empty line")
                                   : QStringLiteral(", found: '%1'").arg(found);
    return message;
}

QString ParseWarning::toString() const {
    return QStringLiteral("%1 line %2: %3: '%4'").arg(source).arg(line).arg(reason, excerpt(text));
}

} // namespace nr1
