#include "base/TextLines.h"

namespace nr1 {

TextLines::TextLines(QString source, QStringView text)
    : m_source(std::move(source)) {
    m_lines = text.toString().split(QLatin1Char('\n'));
    // A trailing newline ends the last line; it does not start an empty one.
    if (!m_lines.isEmpty() && m_lines.last().isEmpty())
        m_lines.removeLast();
    for (QString& line : m_lines)
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
}

void TextLines::fail(int line, const QString& expected, QStringView found) const {
    throw ParseFailure{ParseError{m_source, line, expected, excerpt(found)}};
}

void TextLines::fail(int line, const QString& expected) const {
    throw ParseFailure{ParseError{m_source, line, expected, QString()}};
}

void TextLines::warn(int line, const QString& reason) {
    m_warnings.push_back(ParseWarning{m_source, line, at(line), reason});
}

} // namespace nr1
