#pragma once
// Contract: sizes as the administrator gives them ("512M", "2G", "1.5T", "1073741824", "max")
// and as nr1 hands them to LVM. Units are powers of 1024 (K, M, G, T, P; "MiB" and "MB" are
// read as M too, as LVM reads them). A malformed or non-positive size is a Result failure whose
// one reason says what was expected.

#include "base/Result.h"

#include <QString>
#include <optional>

namespace nr1 {

struct SizeRequest {
    bool max = false; ///< "as much as possible"
    qint64 bytes = 0; ///< when !max

    static SizeRequest maximum() { return SizeRequest{true, 0}; }
    static SizeRequest ofBytes(qint64 bytes) { return SizeRequest{false, bytes}; }
    bool operator==(const SizeRequest&) const = default;
};

/// The size, or why it is not one ("size '12Q': expected a positive number with …").
Result<SizeRequest> parseSizeRequest(const QString& text);

/// "1 GiB", "256 MiB", "1.5 GiB", "512 B": for sentences.
QString humanSize(qint64 bytes);
/// The text parseSizeRequest reads back as exactly this many bytes, in the largest unit that
/// divides them: "1G", "256M", "1536M", "1073741825".
QString exactSizeText(qint64 bytes);
/// The argument LVM's -L takes for exactly this many bytes: "1g", "256m", "1069547520b".
QString lvmSizeArgument(qint64 bytes);
/// Rounds up to a multiple of `unit` (LVM allocates whole extents).
qint64 roundUp(qint64 bytes, qint64 unit);
qint64 roundDown(qint64 bytes, qint64 unit);

} // namespace nr1
