#pragma once
// Contract: how the monitor's values read as text, shared by `nr1ctl watch` and the console's
// monitoring pane so both say the same: speeds ("3.0 MB/s"), times, durations ("4m10s"), a
// member's badges ("write-mostly, faulty"), a sync's progress line, one line per node and per
// array, which node serves and when both legs were last in sync.

#include "monitor/PairSnapshot.h"

namespace nr1 {

/// "850 KB/s", "3.0 MB/s", "1.2 GB/s" (decimal units, like md's K = 1024 bytes shown as KB).
QString formatSpeed(qint64 kibPerSecond);
/// "2026-12-07 14:03:05 UTC".
QString formatUtcTime(const QDateTime& time);
/// "45s", "4m10s", "2h05m", "3d04h".
QString formatDuration(qint64 seconds);
/// The member's flags worth a badge: "write-mostly", "faulty", "spare", "replacement",
/// "rebuilding" (has a role but is not in sync yet).
QStringList memberBadges(const MemberView& member);
/// "resync 34.5% at 3.0 MB/s, 4m10s left" (speed and time left only when known).
QString syncLine(const SyncView& sync);
/// "md0 (primary) in sync [UU]: dm-1 local element, sda remote element write-mostly".
QString arrayLine(const ArrayView& array);
/// One node: "primary root@host:22 (node1): answering" with what its boot left undone and a
/// fence not yet followed by a rejoin ("; fenced 2026-12-07 14:03:05 UTC (powered off by its
/// fence command), not rejoined yet"); "…: connecting…"; "…: NOT ANSWERING — why", or for a
/// fenced node "…: fenced … (…); not answering — why".
QString nodeLine(const NodeView& node);
/// Which node serves the LUN: "LUN served by the primary", "LUN served by no node",
/// "LUN served by BOTH nodes: split brain"; a second sentence when both run the array; and where
/// the front-end address is when the pair has one ("address 10.0.2.100/24 on the primary",
/// "… on BOTH nodes", "… on no node").
QString servingLine(const PairSnapshot& snapshot);
/// When both legs were last in sync, while they are not: "both legs last in sync at 2026-12-07
/// 14:03:05 UTC", "both legs not seen in sync since the monitor started"; empty while they are
/// in sync or before the pair's array was seen at all.
QString inSyncLine(const PairSnapshot& snapshot);

} // namespace nr1
