#pragma once
// Contract: the monitor's fences read from a pair's journal file (apply/Journal.h): the nodes a
// takeover or a serve-alone fenced and no command reached since (monitor/StandingFences.h). The
// source reads the file again only when its size or time changed, and at most every `interval`
// (the journal can be large: it is read on the monitor's thread); an unreadable journal gives
// no fence, so the nodes are shown as they answer.

#include "monitor/PairMonitor.h"

#include <chrono>

namespace nr1 {

PairMonitor::FenceSource
journalFenceSource(const QString& journalPath,
                   std::chrono::milliseconds interval = std::chrono::seconds(5));

} // namespace nr1
