#include "probe/MdadmFields.h"

#include "base/Numbers.h"

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

qint64 requireLeadingNumber(const TextLines& lines, int number, const MdadmField& field) {
    const auto value = leadingNumber(field.value);
    if (!value)
        lines.fail(number, QStringLiteral("a number for '%1'").arg(field.label), lines.at(number));
    return *value;
}

int requireInt(const TextLines& lines, int number, const MdadmField& field) {
    const auto value = toInt(field.value);
    if (!value)
        lines.fail(number, QStringLiteral("a number for '%1'").arg(field.label), lines.at(number));
    return *value;
}

} // namespace nr1
