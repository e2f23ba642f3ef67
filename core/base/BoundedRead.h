#pragma once
// Contract: the one way nr1 reads a whole input into memory (a file given to `nr1ctl parse`,
// standard input, the inventory): at most a stated number of bytes. An input that holds more
// is a failure that names the input and the cap, so /dev/zero or a runaway file ends in a clear
// sentence instead of running out of memory. Nothing is read past the cap.

#include "base/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

namespace nr1 {

/// 64 MiB: as much as nr1 keeps of one stream of a node command (transport/Command.h).
constexpr qint64 kLargestParserInput = 64 * 1024 * 1024;

/// All of `device` (open for reading, blocking: a file, standard input, a buffer), or a failure
/// when it holds more than `limit` bytes: "NAME is larger than 64 MiB (nr1 reads at most 64 MiB of
/// WHAT)" or why it cannot be read.
Result<QByteArray> readAtMost(QIODevice& device, qint64 limit, const QString& name,
                              const QString& what);
/// The same for the file at `path`.
Result<QByteArray> readFileAtMost(const QString& path, qint64 limit, const QString& what);
/// "64 MiB", "1 MiB", "512 KiB", "100 bytes": a cap in words.
QString capInWords(qint64 bytes);

} // namespace nr1
