#pragma once
// Contract: a short, bounded history per array (keyed "node/mdX") of what the monitor saw at
// each refresh: the time, the sync's action, progress and speed (md's or measured). Each array
// keeps at most `capacity` samples, the oldest dropped first, so memory stays bounded however long
// the console runs; arrays that are gone are forgotten.

#include "monitor/PairSnapshot.h"

#include <QMap>
#include <deque>

namespace nr1 {

struct SyncSample {
    qint64 msSinceStart = 0; ///< monitor clock
    bool syncing = false;
    QString action;
    double percent = 0;
    qint64 doneSectors = 0;
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
    /// Fills each running sync's measured speed from its progress since the oldest sample of
    /// the same sync within `windowMs` (md advances sync_completed in bursts, so one refresh
    /// apart says little), when that spans at least 2 s; and the time left from it when md
    /// gave no speed.
    void measure(PairSnapshot& snapshot, qint64 msSinceStart, qint64 windowMs = 10000) const;
    int capacity() const { return m_capacity; }

private:
    int m_capacity;
    QMap<QString, std::deque<SyncSample>> m_samples;
};

} // namespace nr1
