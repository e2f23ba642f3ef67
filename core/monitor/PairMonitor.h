#pragma once
// Contract: keeps one pair's PairSnapshot fresh over the pair's two command runners. Each node
// is refreshed on its own (a node that hangs never holds back the other's news), one request
// per refresh: the full probe at the start, after the node comes back, after any event and
// every fullInterval; the cheap Watch probe (mdstat, md sysfs, sessions, addresses) otherwise. The
// cadence is busyInterval while a sync runs or waits, a node does not answer, or something changed
// within settleWindow; idleInterval when all is still. One request per node at a time:
// refreshSoon() (after a change nr1 made) is debounced, so a burst makes one refresh, and drops
// the answers of requests still running (an epoch counter). After every answer the snapshot is
// rebuilt from both nodes' latest readings (a node yet to answer shows as connecting);
// snapshotChanged is emitted only when it differs from the last one; eventRaised once per event, in
// order. All signals come from the event loop of the monitor's thread; nothing here blocks.

#include "health/HealthCheck.h"
#include "model/Pair.h"
#include "monitor/MonitorEvents.h"
#include "monitor/PairSnapshot.h"
#include "monitor/StandingFences.h"
#include "monitor/SyncHistory.h"
#include "plan/PairIntent.h"
#include "transport/CommandRunner.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <array>
#include <chrono>
#include <functional>
#include <memory>

namespace nr1 {

struct MonitorTiming {
    std::chrono::milliseconds idleInterval{5000};
    std::chrono::milliseconds busyInterval{1000};
    std::chrono::milliseconds settleWindow{30000};
    std::chrono::milliseconds fullInterval{120000};
    std::chrono::milliseconds debounce{100};
};

/// What the monitor has cost so far, for the status bar and the benchmark.
struct MonitorCounters {
    quint64 refreshes = 0; ///< answers, both nodes
    quint64 requests = 0;  ///< round trips, both nodes
    quint64 fullProbes = 0;
    quint64 bytesReceived = 0; ///< stdout + stderr
    quint64 bytesSent = 0;     ///< the command lines
    quint64 dropped = 0;       ///< answers of superseded refreshes
};

class PairMonitor : public QObject {
    Q_OBJECT
public:
    /// The runners must outlive the monitor.
    PairMonitor(PairLayout layout, CommandRunner& primary, CommandRunner& secondary,
                MonitorTiming timing = {}, QObject* parent = nullptr);

    void start();
    void stop();
    /// A refresh within `debounce`, superseding one that runs (after a change nr1 made).
    void refreshSoon();
    /// The next refresh reads everything (LVM, LIO, …), not only what moves.
    void requestFullProbe();
    /// Replaces the probe commands (the benchmark points them at simulated nodes).
    void setProbeCommands(Command full, Command watch);
    /// The pair's floating front-end address ("10.0.2.100/24"), whose holders the snapshot
    /// shows; empty (the default) when it has none. Set before start().
    void setFrontEndAddress(const QString& address) { m_frontEndAddress = address; }
    /// Where the nodes fenced by a takeover or a serve-alone and not reached since come from
    /// (monitor/StandingFences.h), asked before every snapshot: the snapshot marks them. The
    /// session layer reads them from the pair's journal (session/JournalFences.h). None set
    /// (the default): no node is shown fenced.
    using FenceSource = std::function<std::vector<StandingFence>()>;
    void setFenceSource(FenceSource source) { m_fenceSource = std::move(source); }

    /// What the pair must be for its health checks (health/PairChecks.h): once set (before
    /// start()), the monitor checks the pair after every full probe of a node, while the
    /// pair's array runs on a node, and raises CheckChanged events (monitor/HealthEvents.h).
    /// The nodes' clocks are compared at one moment: each node's, read by its last full
    /// probe, carried forward by the monitor's own clock. Not set (the default): no checks.
    void setHealthIntent(PairIntent intent) { m_healthIntent = std::move(intent); }
    /// No health checks while `paused` (a plan of this process changes the pair: its passing
    /// states are no news); checked again at the next full probe once resumed.
    void setHealthPaused(bool paused);
    /// The last health checks (empty before the first, or without an intent).
    const HealthChecks& healthChecks() const { return m_healthChecks; }

    const PairLayout& layout() const { return m_layout; }
    bool hasSnapshot() const { return m_hasSnapshot; }
    const PairSnapshot& snapshot() const { return m_snapshot; }
    const SyncHistory& history() const { return m_history; }
    const MonitorCounters& counters() const { return m_counters; }
    /// The last full NodeState of a node (nullopt before its first answer), for plans.
    const std::optional<NodeState>& nodeState(NodeRole role) const;

signals:
    void snapshotChanged(const nr1::PairSnapshot& snapshot);
    void eventRaised(const nr1::MonitorEvent& event);
    /// After every answer of a node, changed or not.
    void refreshed();

private:
    struct NodeSlot {
        CommandRunner* runner = nullptr;
        std::optional<NodeState> full;    ///< the last full probe
        std::optional<NodeState> current; ///< full overlaid with the last watch
        NodeReading reading;
        bool needFull = true;
        bool inFlight = false;
        RequestId request = 0;
        quint64 epoch = 0;
        qint64 lastAnswerMs = -1;
        qint64 lastFullMs = -1;
        std::optional<qint64> clockAtFull; ///< the node's clock at its last full probe
        std::unique_ptr<QTimer> timer = std::make_unique<QTimer>();
    };

    void beginRefresh(int node);
    void answer(int node, quint64 epoch, bool full, const CommandResult& result);
    void updateSnapshot();
    /// The health checks again from both nodes' readings; their events.
    std::vector<MonitorEvent> checkHealth();
    void scheduleNext(int node);
    bool busy() const;

    PairLayout m_layout;
    QString m_frontEndAddress;
    FenceSource m_fenceSource;
    std::optional<PairIntent> m_healthIntent;
    HealthChecks m_healthChecks;
    QMap<QString, CheckResult> m_knownChecks;
    bool m_checkDue = false; ///< a full probe or a node's reachability changed since the last
    bool m_healthPaused = false;
    MonitorTiming m_timing;
    std::array<NodeSlot, 2> m_nodes;
    Command m_fullCommand;
    Command m_watchCommand;
    QElapsedTimer m_clock;
    bool m_running = false;
    qint64 m_lastChangeMs = -1;
    bool m_hasSnapshot = false;
    PairSnapshot m_snapshot;
    SyncHistory m_history;
    MonitorCounters m_counters;
};

} // namespace nr1
