#pragma once
// Contract: `nr1ctl watch`: the monitor engine of core (PairMonitor) on one pair, in a
// terminal. On a terminal the pair's lines (nodes, replication session, one line per array)
// are redrawn in place and events are printed above them as they come; otherwise one line per
// changed array or node and one per event, with the time; with --json one JSON object per
// snapshot change and per event. Runs until interrupted or for --for SECONDS.

#include <QStringList>

namespace nr1::ctl {

int runWatchCommand(const QStringList& arguments);
QString watchCommandHelp();

} // namespace nr1::ctl
