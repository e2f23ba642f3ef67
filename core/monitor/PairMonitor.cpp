#include "monitor/PairMonitor.h"

#include "health/PairChecks.h"
#include "monitor/HealthEvents.h"
#include "probe/NodeProbe.h"
#include "probe/ProbeScript.h"

namespace nr1 {

namespace {
constexpr int kPrimary = 0;
constexpr int kSecondary = 1;
} // namespace

PairMonitor::PairMonitor(PairLayout layout, CommandRunner& primary, CommandRunner& secondary,
                         MonitorTiming timing, QObject* parent)
    : QObject(parent)
    , m_layout(std::move(layout))
    , m_timing(timing)
    , m_fullCommand(nodeProbeCommand(ProbeScope::Full))
    , m_watchCommand(nodeProbeCommand(ProbeScope::Watch)) {
    m_nodes[kPrimary].runner = &primary;
    m_nodes[kSecondary].runner = &secondary;
    for (int index : {kPrimary, kSecondary}) {
        NodeSlot& node = m_nodes[index];
        node.reading.target = node.runner->describeTarget();
        node.timer->setSingleShot(true);
        connect(node.timer.get(), &QTimer::timeout, this, [this, index] { beginRefresh(index); });
    }
    m_clock.start();
}

void PairMonitor::setProbeCommands(Command full, Command watch) {
    m_fullCommand = std::move(full);
    m_watchCommand = std::move(watch);
}

const std::optional<NodeState>& PairMonitor::nodeState(NodeRole role) const {
    return m_nodes[role == NodeRole::Primary ? kPrimary : kSecondary].full;
}

void PairMonitor::start() {
    if (m_running)
        return;
    m_running = true;
    for (NodeSlot& node : m_nodes)
        node.timer->start(0);
}

void PairMonitor::stop() {
    m_running = false;
    for (NodeSlot& node : m_nodes) {
        node.timer->stop();
        ++node.epoch; // answers still on their way are dropped
        if (node.inFlight)
            node.runner->cancel(node.request);
        node.inFlight = false;
    }
}

void PairMonitor::refreshSoon() {
    if (!m_running)
        return;
    m_lastChangeMs = m_clock.elapsed();
    for (NodeSlot& node : m_nodes)
        node.timer->start(m_timing.debounce);
}

void PairMonitor::requestFullProbe() {
    for (NodeSlot& node : m_nodes)
        node.needFull = true;
}

void PairMonitor::beginRefresh(int index) {
    if (!m_running)
        return;
    NodeSlot& node = m_nodes[index];
    if (node.inFlight) {
        // Superseded: its answer would describe an older moment than the one asked for.
        ++m_counters.dropped;
        node.runner->cancel(node.request);
    }
    const quint64 epoch = ++node.epoch;
    const qint64 now = m_clock.elapsed();
    const bool full = node.needFull || !node.full || node.lastFullMs < 0 ||
                      now - node.lastFullMs >= m_timing.fullInterval.count();
    const Command& command = full ? m_fullCommand : m_watchCommand;
    ++m_counters.requests;
    m_counters.fullProbes += full ? 1 : 0;
    for (const QString& argument : command.argv)
        m_counters.bytesSent += quint64(argument.toUtf8().size()) + 1;
    node.inFlight = true;
    node.request =
        node.runner->run(command, this, [this, index, epoch, full](const CommandResult& result) {
            answer(index, epoch, full, result);
        });
}

void PairMonitor::answer(int index, quint64 epoch, bool full, const CommandResult& result) {
    NodeSlot& node = m_nodes[index];
    if (epoch != node.epoch)
        return; // superseded
    node.inFlight = false;
    node.request = 0;
    const qint64 now = m_clock.elapsed();
    node.lastAnswerMs = now;
    ++m_counters.refreshes;
    m_counters.bytesReceived += quint64(result.stdoutData.size() + result.stderrData.size());
    const NodeProbe probe =
        nodeProbeFromResult(result, full ? ProbeScope::Full : ProbeScope::Watch);
    if ((full && probe.ok()) || node.reading.reachable != probe.ok())
        m_checkDue = true;
    if (full && probe.ok())
        node.clockAtFull = probe.clockSeconds;
    node.reading.reachable = probe.ok();
    node.reading.error = probe.error;
    if (probe.ok()) {
        if (full) {
            node.full = probe.state;
            node.current = probe.state;
            node.needFull = false;
            node.lastFullMs = now;
        } else {
            node.current = overlayWatchedFacts(node.full.value_or(NodeState{}), *probe.state);
        }
        node.reading.mdstatText =
            probeSectionText(QString::fromUtf8(result.stdoutData), QStringLiteral("mdstat"));
    } else {
        // When it is back, everything is read again: it may have rebooted.
        node.needFull = true;
    }
    node.reading.state = probe.ok() ? node.current : std::nullopt;
    updateSnapshot();
    emit refreshed();
    scheduleNext(index);
}

void PairMonitor::updateSnapshot() {
    const qint64 now = m_clock.elapsed();
    PairSnapshot snapshot =
        buildPairSnapshot(m_layout, m_nodes[kPrimary].reading, m_nodes[kSecondary].reading,
                          m_hasSnapshot ? &m_snapshot : nullptr, m_frontEndAddress);
    if (m_fenceSource)
        markFenced(snapshot, m_fenceSource());
    // A node that has not answered yet shows as connecting (no error, no event), so one
    // node's news never waits for the other's first answer.
    m_history.measure(snapshot, now);
    std::vector<MonitorEvent> events = eventsBetween(m_hasSnapshot ? &m_snapshot : nullptr,
                                                     snapshot, QDateTime::currentDateTimeUtc());
    // The checks' news follow the snapshot's; they do not count as a change to watch closely.
    const std::vector<MonitorEvent> checkEvents = checkHealth();
    const bool changed = !m_hasSnapshot || !(snapshot == m_snapshot);
    m_snapshot = std::move(snapshot);
    m_hasSnapshot = true;
    m_history.record(m_snapshot, now);
    if (!events.empty()) {
        // Something moved: read the layers above md too, and watch closely for a while.
        requestFullProbe();
        m_lastChangeMs = now;
    }
    if (changed)
        emit snapshotChanged(m_snapshot);
    for (const MonitorEvent& event : events)
        emit eventRaised(event);
    for (const MonitorEvent& event : checkEvents)
        emit eventRaised(event);
}

void PairMonitor::setHealthPaused(bool paused) {
    m_healthPaused = paused;
    if (!paused)
        requestFullProbe();
}

std::vector<MonitorEvent> PairMonitor::checkHealth() {
    if (!m_healthIntent || !m_checkDue || m_healthPaused)
        return {};
    const qint64 now = m_clock.elapsed();
    PairProbe probe;
    for (int index : {kPrimary, kSecondary}) {
        const NodeSlot& node = m_nodes[index];
        if (node.lastAnswerMs < 0)
            return {}; // both nodes' first answers first
        NodeProbe& read = index == kPrimary ? probe.primary : probe.secondary;
        if (node.reading.reachable && node.full && node.current) {
            read.state = node.current;
            // Both clocks at this moment: each as read, carried forward by the monitor's clock.
            if (node.clockAtFull)
                read.clockSeconds = *node.clockAtFull + (now - node.lastFullMs) / 1000;
        } else {
            read.error =
                node.reading.error.isEmpty() ? QStringLiteral("not read yet") : node.reading.error;
        }
    }
    m_checkDue = false;
    // A pair not built yet (no array of it on either node) is not checked: it is not failing.
    const QString md = m_healthIntent->mdDeviceName();
    const bool built = (probe.primary.state && probe.primary.state->mdstat.find(md)) ||
                       (probe.secondary.state && probe.secondary.state->mdstat.find(md));
    if (!built) {
        m_healthChecks.clear();
        return {};
    }
    m_healthChecks = checkPair(probe, *m_healthIntent);
    return healthEvents(m_knownChecks, m_healthChecks, m_layout.name,
                        QDateTime::currentDateTimeUtc());
}

bool PairMonitor::busy() const {
    if (!m_snapshot.primary.reachable || !m_snapshot.secondary.reachable)
        return true;
    for (const ArrayView& array : m_snapshot.arrays)
        if (array.sync || !array.waiting.isEmpty())
            return true;
    return m_lastChangeMs >= 0 &&
           m_clock.elapsed() - m_lastChangeMs < m_timing.settleWindow.count();
}

void PairMonitor::scheduleNext(int index) {
    QTimer& timer = *m_nodes[index].timer;
    if (!m_running || timer.isActive()) // a refreshSoon() already set the next one
        return;
    timer.start(busy() ? m_timing.busyInterval : m_timing.idleInterval);
}

} // namespace nr1
