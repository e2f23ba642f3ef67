#pragma once
// Contract: TextLines splits a tool's output into numbered lines (LF or CRLF) once, so that
// line-oriented parsers can walk it and name the line in every error or warning. It also owns
// the parser's source name and the warning list, and throws ParseFailure for errors.

#include "base/ParseResult.h"

#include <QString>
#include <QStringList>

namespace nr1 {

class TextLines {
public:
    TextLines(QString source, QStringView text);

    int count() const { return int(m_lines.size()); }
    /// Line by 1-based number.
    const QString& at(int number) const { return m_lines.at(number - 1); }
    const QString& source() const { return m_source; }

    /// Abandons the parse: throws ParseFailure naming this source and line.
    [[noreturn]] void fail(int line, const QString& expected, QStringView found) const;
    [[noreturn]] void fail(int line, const QString& expected) const;
    /// Records that a line was skipped.
    void warn(int line, const QString& reason);
    ParseWarnings takeWarnings() { return std::move(m_warnings); }

private:
    QString m_source;
    QStringList m_lines;
    ParseWarnings m_warnings;
};

} // namespace nr1
