#include "session/JournalFences.h"

#include "apply/Journal.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <memory>

namespace nr1 {

PairMonitor::FenceSource journalFenceSource(const QString& journalPath,
                                            std::chrono::milliseconds interval) {
    struct Cache {
        QElapsedTimer sinceRead;
        std::pair<qint64, QDateTime> stamp{-2, {}}; ///< size and time of the file when read
        std::vector<StandingFence> fences;
    };
    auto cache = std::make_shared<Cache>();
    return [journalPath, interval, cache] {
        if (cache->sinceRead.isValid() && cache->sinceRead.elapsed() < interval.count())
            return cache->fences;
        const QFileInfo file(journalPath);
        const std::pair<qint64, QDateTime> stamp{file.exists() ? file.size() : -1,
                                                 file.lastModified()};
        if (stamp == cache->stamp)
            return cache->fences;
        cache->stamp = stamp;
        cache->sinceRead.start();
        const Result<JournalContents> read = Journal::read(journalPath);
        cache->fences =
            read.ok() ? standingFences(read.value().entries) : std::vector<StandingFence>{};
        return cache->fences;
    };
}

} // namespace nr1
