#include "base/ParseResult.h"

namespace nr1 {

QString visibleText(QStringView text) {
    QString visible;
    visible.reserve(text.size());
    for (const QChar c : text) {
        const char16_t code = c.unicode();
        if (code >= 0x20 && code != 0x7f && (code < 0x80 || code > 0x9f)) {
            visible += c;
            continue;
        }
        switch (code) {
        case u'\t':
            visible += QLatin1String("\\t");
            break;
        case u'\n':
            visible += QLatin1String("\\n");
            break;
        case u'\r':
            visible += QLatin1String("\\r");
            break;
        default:
            visible += QStringLiteral("\\x%1").arg(int(code), 2, 16, QLatin1Char('0'));
        }
    }
    return visible;
}

QString excerpt(QStringView text) {
    constexpr qsizetype maxLength = 120;
    QStringView line = text.isNull() ? QStringView(u"") : text;
    if (const qsizetype newline = line.indexOf(QLatin1Char('\n')); newline >= 0)
        line = line.left(newline);
    // Cut before escaping: a long input is not copied whole, and no escape is cut in half.
    const bool cut = line.size() > maxLength;
    QString flat = visibleText(line.left(maxLength));
    if (cut)
        flat += QStringLiteral("…");
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
    return visibleText(message);
}

QString ParseWarning::toString() const {
    return visibleText(
        QStringLiteral("%1 line %2: %3: '%4'").arg(source).arg(line).arg(reason, excerpt(text)));
}

} // namespace nr1
