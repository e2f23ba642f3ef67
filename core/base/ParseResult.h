#pragma once
// Contract: every parser in core/probe returns a ParseResult<T>: either a complete value T or a
// ParseError saying which source, which line and what was expected. A parser never returns a
// half-filled value. Lines it did not recognise but could skip safely are listed as warnings,
// so nothing the tool printed is dropped silently.

#include <QString>
#include <utility>
#include <variant>
#include <vector>

namespace nr1 {

/// Why a parser refused its input. `line` is 1-based; 0 means the input as a whole.
struct ParseError {
    QString source;   ///< what was parsed, e.g. "/proc/mdstat"
    int line = 0;     ///< 1-based line number, 0 for the whole input
    QString expected; ///< what the parser was looking for
    QString found;    ///< the offending text, shortened

    /// "/proc/mdstat line 3: expected <n> blocks line, found: 'foo'"
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

template <typename T> class ParseResult {
public:
    ParseResult(T value, ParseWarnings warnings = {})
        : m_data(std::move(value))
        , m_warnings(std::move(warnings)) {}
    ParseResult(ParseError error)
        : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    /// Precondition: ok().
    const T& value() const { return std::get<T>(m_data); }
    /// Precondition: !ok().
    const ParseError& error() const { return std::get<ParseError>(m_data); }
    const ParseWarnings& warnings() const { return m_warnings; }

private:
    std::variant<T, ParseError> m_data;
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

/// Shortens text for an error message (one line, at most 120 characters).
QString excerpt(QStringView text);

} // namespace nr1
