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
            sample.percent = array.sync->percent;
            sample.speedKiBps =
                array.sync->speedKiBps.value_or(array.sync->measuredKiBps.value_or(0));
        }
        std::deque<SyncSample>& samples = m_samples[array.key()];
        samples.push_back(sample);
        while (int(samples.size()) > m_capacity)
            samples.pop_front();
    }
}

const std::deque<SyncSample>& SyncHistory::samples(const QString& arrayKey) const {
    static const std::deque<SyncSample> none;
    const auto it = m_samples.find(arrayKey);
    return it == m_samples.end() ? none : *it;
}

} // namespace nr1
