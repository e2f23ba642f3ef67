#pragma once
// Contract: the events an administrator is told about, derived by comparing two snapshots of
// a pair (a pure function): a node stops answering or is back, the replication session is lost
// or back, an array appears, goes, becomes degraded or whole again, a member turns faulty, is
// removed or added, a sync (resync, recovery, check, repair, reshape) starts, finishes or stops
// short, a sync is due but waits (DELAYED/PENDING), the LUN is served by another node, by
// none any more, or by both (critical, as both nodes running the array); the same for the
// floating front-end address; a node is fenced (warning), what a node's boot left undone changes
// (warning; ok once nothing is left). Arrays seen only as stale
// (their node does not answer) give no events; the node's own event says it. The first snapshot (no
// `before`) reports what is already wrong or running.

#include "monitor/PairSnapshot.h"

#include <QDateTime>
#include <vector>

namespace nr1 {

enum class MonitorEventKind {
    NodeUnreachable,
    NodeBack,
    SessionLost,
    SessionBack,
    ArrayAppeared,
    ArrayGone,
    Degraded,
    Whole,
    MemberFaulty,
    MemberRemoved,
    MemberAdded,
    SyncStarted,
    SyncFinished,
    SyncStopped,
    SyncWaiting,
    ServingChanged, ///< another set of nodes exports the LUN (none, the other, both)
    BothAssemble,   ///< both nodes run an array of the pair's elements
    AddressChanged, ///< another set of nodes holds the front-end address (none, the other, both)
    NodeFenced,     ///< the pair's journal says the node was fenced (a takeover, a serve-alone)
    BootNotes,      ///< what the node's boot left undone changed (PairStatus.h, bootNotes)
    CheckChanged,   ///< a health check's result changed (monitor/HealthEvents.h)
};

/// "node-unreachable", "sync-started", …: the names nr1ctl watch --json prints.
QString eventKindName(MonitorEventKind kind);

struct MonitorEvent {
    MonitorEventKind kind = MonitorEventKind::NodeUnreachable;
    QDateTime time; ///< when the monitor saw it (UTC)
    QString pair;
    QString node;   ///< "primary" / "secondary"
    QString array;  ///< "md0" when about an array
    QString member; ///< the member's device when about one
    QString action; ///< the sync's action when about a sync
    QString check;  ///< the health check's name when about one ("boot-array-line")
    Health severity = Health::Ok;
    QString text; ///< one sentence for people
    bool operator==(const MonitorEvent&) const = default;
};

std::vector<MonitorEvent> eventsBetween(const PairSnapshot* before, const PairSnapshot& after,
                                        const QDateTime& at);

} // namespace nr1
