#pragma once
// Contract: the monitor's fences read from a pair's journal file (apply/Journal.h): the nodes a
// takeover or a serve-alone fenced and no command reached since (monitor/StandingFences.h). The
// journal is only ever appended to, so the source reads only what was added since its last read
// (whole lines: a line still being written waits for the next), at most every `interval`; the
// monitor asks on its own thread at every snapshot, and a long-lived pair's journal is large.
// The first read starts at most kFenceReadLimit bytes before the end (a fence older than that
// much journal has long been followed by a rejoin). A file that shrank was replaced: it is read
// again from its start. A journal that cannot be read gives no fence, so the nodes are shown as
// they answer.

#include "monitor/PairMonitor.h"

#include <chrono>

namespace nr1 {

inline constexpr qint64 kFenceReadLimit = qint64(64) << 20;

PairMonitor::FenceSource
journalFenceSource(const QString& journalPath,
                   std::chrono::milliseconds interval = std::chrono::seconds(5));

} // namespace nr1
