#pragma once
// Contract: strict number reading for parsers: the whole text must be a number, or the result
// is empty. No locale, no silent truncation.

#include <QString>
#include <optional>

namespace nr1 {

std::optional<qint64> toInt64(QStringView text);
std::optional<int> toInt(QStringView text);

/// A size as LVM prints it: plain bytes ("268435456", "268435456B") or with a unit
/// ("1.00g", "<1.75g", "512.00m", "1.5T"); units are powers of 1024, as LVM's are.
/// A '<' or '>' prefix (LVM's rounding mark) is accepted. Bytes are rounded to the nearest.
std::optional<qint64> toBytes(QStringView text);

} // namespace nr1
