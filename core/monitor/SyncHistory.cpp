#include "monitor/SyncHistory.h"

namespace nr1 {

void SyncHistory::record(const PairSnapshot& snapshot, qint64 msSinceStart) {
    for (auto it = m_samples.begin(); it != m_samples.end();) {
        if (snapshot.findArray(it.key()))
            ++it;
        else
            it = m_samples.erase(it);
    }
    for (const ArrayView& array : snapshot.arrays) {
        if (array.stale)
            continue;
        SyncSample sample;
        sample.msSinceStart = msSinceStart;
        if (array.sync) {
            sample.syncing = true;
            sample.action = array.sync->action;
            sample.percent = array.sync->percent;
            sample.doneSectors = array.sync->doneSectors;
            sample.speedKiBps =
                array.sync->speedKiBps.value_or(array.sync->measuredKiBps.value_or(0));
        }
        std::deque<SyncSample>& samples = m_samples[array.key()];
        samples.push_back(sample);
        while (int(samples.size()) > m_capacity)
            samples.pop_front();
    }
}

void SyncHistory::measure(PairSnapshot& snapshot, qint64 msSinceStart, qint64 windowMs) const {
    for (ArrayView& array : snapshot.arrays) {
        if (!array.sync || array.stale)
            continue;
        SyncView& sync = *array.sync;
        for (const SyncSample& sample : samples(array.key())) {
            if (msSinceStart - sample.msSinceStart > windowMs)
                continue;
            if (!sample.syncing || sample.action != sync.action ||
                sample.doneSectors > sync.doneSectors)
                continue;
            const qint64 spanMs = msSinceStart - sample.msSinceStart;
            if (spanMs >= 2000)
                sync.measuredKiBps = (sync.doneSectors - sample.doneSectors) / 2 * 1000 / spanMs;
            break; // the oldest usable sample in the window
        }
        if (!sync.etaSeconds && sync.measuredKiBps && *sync.measuredKiBps > 0)
            sync.etaSeconds = (sync.totalSectors - sync.doneSectors) / 2 / *sync.measuredKiBps;
    }
}

const std::deque<SyncSample>& SyncHistory::samples(const QString& arrayKey) const {
    static const std::deque<SyncSample> none;
    const auto it = m_samples.find(arrayKey);
    return it == m_samples.end() ? none : *it;
}

} // namespace nr1
