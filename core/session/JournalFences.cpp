#include "session/JournalFences.h"

#include "apply/Journal.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <memory>

namespace nr1 {

PairMonitor::FenceSource journalFenceSource(const QString& journalPath,
                                            std::chrono::milliseconds interval) {
    struct Cache {
        QElapsedTimer sinceRead;
        qint64 readUpTo = 0; ///< the file's bytes folded into `fences` (whole lines)
        std::vector<StandingFence> fences;
    };
    auto cache = std::make_shared<Cache>();
    return [journalPath, interval, cache] {
        if (cache->sinceRead.isValid() && cache->sinceRead.elapsed() < interval.count())
            return cache->fences;
        QFile file(journalPath);
        const qint64 size = file.exists() ? file.size() : 0;
        if (size < cache->readUpTo)
            *cache = Cache{};
        if (size == cache->readUpTo)
            return cache->fences;
        cache->sinceRead.start();
        const qint64 start = std::max(cache->readUpTo, size - kFenceReadLimit);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(start)) {
            *cache = Cache{};
            cache->sinceRead.start();
            return cache->fences;
        }
        QByteArray added = file.read(size - start);
        const qsizetype lineEnd = added.lastIndexOf('\n');
        if (lineEnd < 0)
            return cache->fences; // a line still being written
        added.truncate(lineEnd + 1);
        // (a start past the first read's limit cuts a line: the reader skips it as damaged)
        QBuffer buffer(&added);
        buffer.open(QIODevice::ReadOnly);
        if (const Result<JournalContents> read = Journal::read(buffer); read.ok())
            cache->fences = standingFences(read.value().entries, std::move(cache->fences));
        cache->readUpTo = start + added.size();
        return cache->fences;
    };
}

} // namespace nr1
