#include "base/BoundedRead.h"

#include <QFile>
#include <algorithm>

namespace nr1 {

QString capInWords(qint64 bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

Result<QByteArray> readAtMost(QIODevice& device, qint64 limit, const QString& name,
                              const QString& what) {
    constexpr qint64 kChunk = 1024 * 1024;
    QByteArray bytes;
    // One byte past the cap tells "exactly the cap" from "more than the cap".
    while (bytes.size() <= limit) {
        const QByteArray chunk = device.read(std::min(kChunk, limit + 1 - bytes.size()));
        if (chunk.isEmpty()) {
            const auto* file = qobject_cast<QFileDevice*>(&device);
            if (file && file->error() != QFileDevice::NoError)
                return failure(QStringLiteral("cannot read %1: %2").arg(name, file->errorString()));
            break; // the end of the input
        }
        bytes += chunk;
    }
    if (bytes.size() > limit)
        return failure(QStringLiteral("%1 is larger than %2 (nr1 reads at most %2 of %3)")
                           .arg(name, capInWords(limit), what));
    return bytes;
}

Result<QByteArray> readFileAtMost(const QString& path, qint64 limit, const QString& what) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return readAtMost(file, limit, path, what);
}

} // namespace nr1
