#pragma once
// Contract: Result<T> is the one answer for "a value, or the reasons why not". It holds either a
// complete T or a non-empty list of reasons, each a full sentence for the administrator; never
// both, never neither. Result<void> is the same for "done, or why not". A failure is made with
// failure(…) and converts to any Result, so a function says `return failure(tr("…"));` whatever
// it returns. why() joins the reasons into one text. ParseResult<T> (base/ParseResult.h) is a
// Result<T> that also keeps where its input was refused.

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace nr1 {

/// The reasons a Result has no value; converts to any Result<T>. Make it with failure().
struct Failure {
    QStringList reasons;
};

/// One reason, a full sentence.
inline Failure failure(QString reason) {
    return Failure{QStringList{std::move(reason)}};
}
/// Several reasons, each a full sentence. Precondition: not empty.
inline Failure failure(QStringList reasons) {
    return Failure{std::move(reasons)};
}

namespace detail {

/// What every Result has whatever its value: the reasons there is none.
class Reasons {
public:
    /// Each reason a full sentence; empty exactly when the result is ok().
    const QStringList& reasons() const { return m_reasons; }
    /// The reasons as one text, joined by `separator`: "A. B."
    QString why(const QString& separator = QStringLiteral(" ")) const {
        return m_reasons.join(separator);
    }

protected:
    Reasons() = default;
    explicit Reasons(QStringList reasons)
        : m_reasons(std::move(reasons)) {
        if (m_reasons.isEmpty())
            m_reasons << QStringLiteral("It failed for a reason nobody gave.");
    }

private:
    QStringList m_reasons;
};

} // namespace detail

template <typename T> class Result : public detail::Reasons {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Failure failure)
        : Reasons(std::move(failure.reasons)) {}

    bool ok() const { return m_value.has_value(); }

    /// Precondition: ok().
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    /// The value, or nothing when there is none.
    const std::optional<T>& optional() const { return m_value; }

private:
    std::optional<T> m_value;
};

/// "Done, or why not."
template <> class Result<void> : public detail::Reasons {
public:
    /// Done.
    Result() = default;
    Result(Failure failure)
        : Reasons(std::move(failure.reasons)) {}

    bool ok() const { return reasons().isEmpty(); }
};

} // namespace nr1
