#pragma once
// Contract: every parser in core/probe returns a ParseResult<T>: either a complete value T or a
// ParseError saying which source, which line and what was expected. A parser never returns a
// half-filled value. Lines it did not recognise but could skip safely are listed as warnings,
// so nothing the tool printed is dropped silently. A ParseResult<T> is a Result<T>
// (base/Result.h) whose one reason is error().toString(), so a caller that needs no line or
// field treats it as any other result.

#include "base/Result.h"

#include <QString>
#include <utility>
#include <vector>

namespace nr1 {

/// Why a parser refused its input. `line` is 1-based; 0 means the input as a whole.
struct ParseError {
    QString source;   ///< what was parsed, e.g. "/proc/mdstat"
    int line = 0;     ///< 1-based line number, 0 for the whole input
    QString expected; ///< what the parser was looking for
    QString found;    ///< the offending text, shortened

    /// "/proc/mdstat line 3: expected <n> blocks line, found: 'foo'" (control characters
    /// escaped by visibleText: every part may hold node text)
    QString toString() const;
    bool operator==(const ParseError&) const = default;
};

/// A line the parser did not recognise and skipped.
struct ParseWarning {
    QString source;
    int line = 0;
    QString text;   ///< the line as it was
    QString reason; ///< why it was not used

    QString toString() const;
    bool operator==(const ParseWarning&) const = default;
};

using ParseWarnings = std::vector<ParseWarning>;

template <typename T> class ParseResult : public Result<T> {
public:
    ParseResult(T value, ParseWarnings warnings = {})
        : Result<T>(std::move(value))
        , m_warnings(std::move(warnings)) {}
    ParseResult(ParseError error)
        : Result<T>(failure(error.toString()))
        , m_error(std::move(error)) {}

    /// Precondition: !ok().
    const ParseError& error() const { return m_error; }
    const ParseWarnings& warnings() const { return m_warnings; }

private:
    ParseError m_error;
    ParseWarnings m_warnings;
};

/// Thrown inside a parser to abandon the input; the parser's entry point turns it into a
/// ParseResult. Never escapes a public parser function.
struct ParseFailure {
    ParseError error;
};

/// Runs `body` and converts a ParseFailure into an error result. Keeps every parser's
/// entry point to one line.
template <typename T, typename Body> ParseResult<T> runParser(Body&& body) {
    try {
        return body();
    } catch (const ParseFailure& failure) {
        return ParseResult<T>(failure.error);
    }
}

/// Shortens text for an error message (one line, at most 120 characters, made visible).
QString excerpt(QStringView text);

/// Text from a node or a file made safe to print in a message: control characters (C0, DEL,
/// C1) become visible escapes ("\t", "\n", "\r", "\x1b", "\x85"), so node output quoted
/// in an error cannot drive the terminal. Everything else, '\\' included, is kept, so escaping
/// twice changes nothing. The one function for this: every message quoting node text uses it.
QString visibleText(QStringView text);

} // namespace nr1
