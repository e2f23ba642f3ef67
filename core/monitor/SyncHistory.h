#pragma once
// Contract: a short, bounded history per array (keyed "node/mdX") of what the monitor saw at
// each refresh: the time, the sync's percent and its speed (md's and measured). Each array keeps
// at most `capacity` samples, the oldest dropped first, so memory stays bounded however long the
// console runs; arrays that are gone are forgotten.

#include "monitor/PairSnapshot.h"

#include <QMap>
#include <deque>

namespace nr1 {

struct SyncSample {
    qint64 msSinceStart = 0; ///< monitor clock
    bool syncing = false;
    double percent = 0;
    qint64 speedKiBps = 0; ///< md's sync_speed, else the measured speed; 0 when idle
    bool operator==(const SyncSample&) const = default;
};

class SyncHistory {
public:
    explicit SyncHistory(int capacity = 600)
        : m_capacity(capacity) {}

    /// Adds one sample per array of `snapshot` (stale arrays are skipped) and forgets arrays
    /// that are no longer in it.
    void record(const PairSnapshot& snapshot, qint64 msSinceStart);
    const std::deque<SyncSample>& samples(const QString& arrayKey) const;
    int capacity() const { return m_capacity; }

private:
    int m_capacity;
    QMap<QString, std::deque<SyncSample>> m_samples;
};

} // namespace nr1
