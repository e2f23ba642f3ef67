#include "probe/MdadmFields.h"

#include "probe/Numbers.h"

#include <QRegularExpression>

namespace nr1 {

std::optional<MdadmField> splitMdadmField(const QString& line) {
    static const QRegularExpression field(QStringLiteral("^\\s*([A-Za-z][^:]*?) : ?(.*)$"));
    const auto m = field.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    return MdadmField{m.captured(1), m.captured(2).trimmed()};
}

std::optional<qint64> leadingNumber(const QString& value) {
    return toInt64(QStringView(value).left(
        value.indexOf(QLatin1Char(' ')) < 0 ? value.size() : value.indexOf(QLatin1Char(' '))));
}

QString withoutParenthesisNote(const QString& value) {
    const qsizetype note = value.indexOf(QLatin1String("  ("));
    return note < 0 ? value : value.left(note).trimmed();
}

} // namespace nr1
