#pragma once
// Test support shared by the parser tests: a parse result described for failure messages, a
// VERIFY_OK that shows the error and warnings, and QTest printing of optional numbers.

#include "base/ParseResult.h"

#include <QStringList>
#include <QtTest>
#include <optional>

inline QString describe(const nr1::ParseWarnings& warnings) {
    QStringList lines;
    for (const nr1::ParseWarning& warning : warnings)
        lines.append(warning.toString());
    return lines.join(QLatin1Char('\n'));
}

/// The error (if any) and the warnings of a result.
template <typename T> QString describe(const nr1::ParseResult<T>& result) {
    QStringList text;
    if (!result.ok())
        text << result.error().toString();
    if (!result.warnings().empty())
        text << describe(result.warnings());
    return text.join(QLatin1Char('\n'));
}

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable(describe(result)))

namespace QTest {
template <> inline char* toString(const std::optional<int>& value) {
    return qstrdup(value ? QByteArray::number(*value).constData() : "nullopt");
}
template <> inline char* toString(const std::optional<qint64>& value) {
    return qstrdup(value ? QByteArray::number(*value).constData() : "nullopt");
}
} // namespace QTest
