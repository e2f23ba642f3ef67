// Benchmark: the monitor engine (PairMonitor) keeping PAIRS simulated pairs fresh at a 1 s
// cadence, every node one persistent SshRunner to one local test sshd. A simulated node is a
// directory with an mdstat file and a fake md sysfs tree (modelled on the testbed's capture of
// a resync); the monitor's probe commands are nr1's own Watch and Full scripts with /proc/mdstat
// and the md sysfs loop pointed at that directory (paths still printed as /sys/block/md0/md/…)
// and the iSCSI, LVM, LIO, … sections stubbed with "nothing there" answers (a monitor has one
// pair of commands for both its nodes, so each node's runner fills its own directory in).
// Prints the console's CPU, the bytes and round trips per node per refresh, how long a change
// written on a node takes to reach snapshotChanged, the longest stall of the main (GUI) event
// loop and the peak RSS; then the same machine doing a plain `ssh host cat mdstat` per refresh.
// Usage: bench_monitor [PAIRS] [SECONDS]   (defaults 100 and 20)
// BENCH_MONITOR_DUMP=DIR writes one simulated node's Watch and Full answers there, for
// `nr1ctl parse node-watch|node-probe FILE`.

#include "TestSshd.h"
#include "TestSshdTarget.h"
#include "model/Pair.h"
#include "monitor/PairMonitor.h"
#include "probe/ProbeScript.h"
#include "ssh/SshRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <arpa/inet.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <linux/tcp.h>
#include <map>
#include <memory>
#include <netinet/in.h>
#include <optional>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace nr1;
using namespace std::chrono_literals;

namespace {

// ---- The simulated node's files ------------------------------------------------------------

constexpr qint64 kComponentKiB = 1046528;
constexpr qint64 kTotalSectors = 2 * kComponentKiB;
constexpr int kLowPercent = 10;
constexpr int kHighPercent = 20;

/// md0's sysfs attributes (relative to /sys/block/md0/md) as the testbed's Primary showed them
/// while resyncing (tests/fixtures/testbed-live/watch/resync/primary.watch.txt);
/// sync_completed is written per state.
const char* const kSysfsAttributes = R"(sync_min:0
consistency_policy:bitmap
sync_max:max
sync_speed_min:1000 (system)
dev-sda/ppl_size:0
dev-sda/offset:4096
dev-sda/size:1046528
dev-sda/recovery_start:none
dev-sda/state:in_sync,write_mostly
dev-sda/slot:1
dev-sda/ppl_sector:0
dev-sda/errors:0
dev-sda/new_offset:4096
array_size:default
suspend_hi:0
chunk_size:0
max_read_errors:20
component_size:1046528
sync_speed_max:3000 (system)
sync_force_parallel:0
layout:0
safe_mode_delay:0.204
reshape_position:none
sync_action:resync
resync_start:0
serialize_policy:0
degraded:0
bitmap/location:+8
bitmap/space:0
bitmap/can_clear:true
bitmap/metadata:internal
bitmap/max_backlog_used:0
bitmap/time_base:5
bitmap/chunksize:67108864
bitmap/backlog:0
uuid:2a86c5fb-8d92-ed9e-a96b-742170b89830
mismatch_cnt:0
last_sync_action:resync
sync_speed:3141
raid_disks:2
array_state:clean
reshape_direction:forwards
level:raid1
suspend_lo:0
fail_last_dev:0
dev-dm-0/ppl_size:0
dev-dm-0/offset:4096
dev-dm-0/size:1046528
dev-dm-0/recovery_start:none
dev-dm-0/state:in_sync
dev-dm-0/slot:0
dev-dm-0/ppl_sector:0
dev-dm-0/errors:0
dev-dm-0/new_offset:4096
metadata_version:1.2
)";

QByteArray mdstatText(int percent) {
    const qint64 doneKiB = kComponentKiB * percent / 100;
    const int bars = percent / 5;
    const QString bar =
        QString(bars, QLatin1Char('=')) + QLatin1Char('>') + QString(20 - bars, QLatin1Char('.'));
    const double finishMin = double(kComponentKiB - doneKiB) / 3053.0 / 60.0;
    return QStringLiteral("Personalities : [raid1] \n"
                          "md0 : active raid1 sda[1](W) dm-0[0]\n"
                          "      %1 blocks super 1.2 [2/2] [UU]\n"
                          "      [%2]  resync = %3% (%4/%1) finish=%5min speed=3053K/sec\n"
                          "      bitmap: 1/1 pages [4KB], 65536KB chunk\n"
                          "\n"
                          "unused devices: <none>\n")
        .arg(kComponentKiB)
        .arg(bar)
        .arg(double(percent), 0, 'f', 1)
        .arg(doneKiB)
        .arg(finishMin, 0, 'f', 1)
        .toUtf8();
}

QByteArray syncCompletedText(int percent) {
    return QByteArray::number(kTotalSectors * percent / 100) + " / " +
           QByteArray::number(kTotalSectors) + '\n';
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

/// Replaces `path` in one step (rename), so a probe never reads a half-written file. The new
/// file is written next to the node's tree, not inside it, so the sysfs grep never sees it.
bool replaceFile(const QString& nodeDir, const QString& path, const QByteArray& data) {
    const QString temporary = nodeDir + QStringLiteral("/.new");
    return writeFile(temporary, data) && ::rename(QFile::encodeName(temporary).constData(),
                                                  QFile::encodeName(path).constData()) == 0;
}

QString sysfsDir(const QString& nodeDir) {
    return nodeDir + QStringLiteral("/sys/md0/md");
}

bool setNodeProgress(const QString& nodeDir, int percent) {
    return replaceFile(nodeDir, nodeDir + QStringLiteral("/mdstat"), mdstatText(percent)) &&
           replaceFile(nodeDir, sysfsDir(nodeDir) + QStringLiteral("/sync_completed"),
                       syncCompletedText(percent));
}

bool createNode(const QString& nodeDir) {
    const QString md = sysfsDir(nodeDir);
    for (const QString& line :
         QString::fromUtf8(kSysfsAttributes).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString path = md + QLatin1Char('/') + line.left(colon);
        if (!QDir().mkpath(QFileInfo(path).path()) ||
            !writeFile(path, line.mid(colon + 1).toUtf8() + '\n'))
            return false;
    }
    return setNodeProgress(nodeDir, kLowPercent);
}

// ---- The simulated node's probe commands ---------------------------------------------------

/// Stands for the node's directory in the probe scripts; SimulatedNode fills it in.
const QString kNodeDir = QStringLiteral("@NODE_DIR@");

/// The section lines of nr1's probe scripts replaced for a simulated node: its files instead of
/// /proc and /sys, and "nothing there" in the forms parseNodeProbe accepts for the rest (no
/// tool in `commands`, so LVM 5, LIO 127, iscsiadm 21 mean "none").
const std::map<QString, QString>& sectionStubs() {
    static const std::map<QString, QString> stubs = {
        {QStringLiteral("hostname"), QStringLiteral("sec hostname hostname")},
        {QStringLiteral("mdstat"), QStringLiteral("sec mdstat cat @NODE_DIR@/mdstat")},
        {QStringLiteral("md-sysfs"),
         QStringLiteral("sec md-sysfs sh -c 'cd @NODE_DIR@/sys && for d in md*/md; do [ -d "
                        "\"$d\" ] && grep -r -H -s . \"$d\"; done | sed \"s|^|/sys/block/|\"; "
                        "true'")},
        {QStringLiteral("iscsi-sessions"), QStringLiteral("sec iscsi-sessions sh -c 'exit 21'")},
        {QStringLiteral("commands"), QStringLiteral("sec commands true")},
        {QStringLiteral("pvs"), QStringLiteral("sec pvs sh -c 'exit 5'")},
        {QStringLiteral("vgs"), QStringLiteral("sec vgs sh -c 'exit 5'")},
        {QStringLiteral("lvs"), QStringLiteral("sec lvs sh -c 'exit 5'")},
        {QStringLiteral("lsblk"), QStringLiteral("sec lsblk echo '{\"blockdevices\": []}'")},
        {QStringLiteral("disk-links"), QStringLiteral("sec disk-links true")},
        {QStringLiteral("lio-live"), QStringLiteral("sec lio-live sh -c 'exit 127'")},
        {QStringLiteral("lio-saved"), QStringLiteral("sec lio-saved sh -c 'exit 1'")},
        {QStringLiteral("iscsi-nodes"), QStringLiteral("sec iscsi-nodes sh -c 'exit 21'")},
        {QStringLiteral("initiator-name"), QStringLiteral("sec initiator-name sh -c 'exit 1'")},
        {QStringLiteral("mdadm-conf"), QStringLiteral("sec mdadm-conf sh -c 'exit 1'")},
        {QStringLiteral("lio-restore-dropins"), QStringLiteral("sec lio-restore-dropins true")},
        {QStringLiteral("units"), QStringLiteral("sec units true")},
    };
    return stubs;
}

/// nr1's probe command for `scope` with every section line replaced by its stub; the per-disk
/// wipefs loop goes (the node has no disks). Empty with `error` set when the script has a
/// section this benchmark does not know (the benchmark needs updating).
std::optional<Command> simulatedProbeCommand(ProbeScope scope, QString* error) {
    Command command = nodeProbeCommand(scope);
    if (command.argv.size() != 3) {
        *error = QStringLiteral("nodeProbeCommand() is no longer {sh, -c, SCRIPT}");
        return std::nullopt;
    }
    QStringList lines;
    for (const QString& line : command.argv[2].split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("for ")) && line.contains(QLatin1String("wipefs")))
            continue;
        if (!line.startsWith(QLatin1String("sec "))) {
            lines << line;
            continue;
        }
        const QString name = line.section(QLatin1Char(' '), 1, 1);
        const auto stub = sectionStubs().find(name);
        if (stub == sectionStubs().end()) {
            *error = QStringLiteral("the probe script has a section '%1' the benchmark does not "
                                    "simulate: %2")
                         .arg(name, line);
            return std::nullopt;
        }
        lines << stub->second;
    }
    command.argv[2] = lines.join(QLatin1Char('\n'));
    return command;
}

Command forNode(Command command, const QString& nodeDir) {
    for (QString& argument : command.argv)
        argument.replace(kNodeDir, nodeDir);
    return command;
}

/// One simulated node: its own SshRunner (one connection, one thread) to the test sshd; fills
/// the node's directory into the monitor's probe commands, which are one pair per monitor.
class SimulatedNode : public CommandRunner {
public:
    SimulatedNode(const SshTarget& target, OperatorDelegate* trust, QString name, QString dir)
        : m_ssh(target, trust)
        , m_name(std::move(name))
        , m_dir(std::move(dir)) {}

    RequestId run(const Command& command, QObject* context, ResultHandler onDone) override {
        const Command real = forNode(command, m_dir);
        for (const QString& argument : real.argv)
            bytesSent += quint64(argument.toUtf8().size()) + 1;
        const qint64 sentNs = s_clock.nsecsElapsed();
        return m_ssh.run(real, context, [this, onDone, sentNs](const CommandResult& result) {
            if (s_recording)
                s_roundTripsMs.push_back(double(s_clock.nsecsElapsed() - sentNs) / 1e6);
            note(result);
            onDone(result);
        });
    }
    RequestId stream(const Command& command, QObject* context, LineHandler onLine,
                     ResultHandler onDone) override {
        return m_ssh.stream(forNode(command, m_dir), context, std::move(onLine),
                            [this, onDone](const CommandResult& result) {
                                note(result);
                                onDone(result);
                            });
    }
    void cancel(RequestId id) override { m_ssh.cancel(id); }
    QString describeTarget() const override {
        return m_ssh.describeTarget() + QStringLiteral(" (") + m_name + QLatin1Char(')');
    }

    quint64 bytesSent = 0;
    int failures = 0; ///< answers that are not an exit status (connection failed, timed out, …)
    QString lastFailure;

    /// Round trips (run() to the answer on this thread) of all nodes while recording.
    static void record(bool on) {
        if (!s_clock.isValid())
            s_clock.start();
        s_recording = on;
        if (on)
            s_roundTripsMs.clear();
    }
    static const std::vector<double>& roundTripsMs() { return s_roundTripsMs; }
    /// The failed answers since the last call, by kind, with an example each; then forgets them.
    static QString takeFailures() {
        QStringList kinds;
        for (const auto& [name, failures] : s_failures)
            kinds << QStringLiteral("%1 x %2, e.g. \"%3\"")
                         .arg(failures.count)
                         .arg(name, failures.example.left(110));
        s_failures.clear();
        return kinds.join(QStringLiteral("\n      "));
    }

private:
    void note(const CommandResult& result) {
        if (result.status != CommandStatus::Exited) {
            ++failures;
            lastFailure = result.summary();
            Failures& kind = s_failures[commandStatusName(result.status)];
            ++kind.count;
            kind.example = result.summary();
        }
    }

    struct Failures {
        int count = 0;
        QString example;
    };
    static inline std::map<QString, Failures> s_failures;

    static inline QElapsedTimer s_clock;
    static inline bool s_recording = false;
    static inline std::vector<double> s_roundTripsMs;

    SshRunner m_ssh;
    QString m_name;
    QString m_dir;
};

// ---- Measuring -----------------------------------------------------------------------------

double seconds(const timeval& t) {
    return double(t.tv_sec) + double(t.tv_usec) / 1e6;
}

double cpuSeconds(int who) {
    rusage usage{};
    getrusage(who, &usage);
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct ProcStat {
    pid_t ppid = 0;
    double cpu = 0; ///< utime + stime + cutime + cstime, seconds
    QByteArray comm;
};

std::map<pid_t, ProcStat> readProcesses() {
    std::map<pid_t, ProcStat> processes;
    const double tick = double(sysconf(_SC_CLK_TCK));
    DIR* proc = opendir("/proc");
    if (!proc)
        return processes;
    while (dirent* entry = readdir(proc)) {
        char* end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (pid <= 0 || *end)
            continue;
        QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = file.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < 0)
            continue;
        // After "pid (comm) ": state ppid … utime(14) stime cutime cstime, counted from 1.
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 15)
            continue;
        ProcStat stat;
        stat.comm = line.mid(open + 1, close - open - 1);
        stat.ppid = pid_t(fields[1].toLong());
        for (int index : {11, 12, 13, 14})
            stat.cpu += double(fields[index].toLongLong()) / tick;
        processes[pid_t(pid)] = stat;
    }
    closedir(proc);
    return processes;
}

/// The CPU seconds of `root` and all its descendants, the reaped ones included (their time is in
/// their parents' cutime/cstime): sshd's side of every session and what the sessions ran.
double processTreeCpuSeconds(pid_t root) {
    const std::map<pid_t, ProcStat> processes = readProcesses();
    double total = 0;
    std::vector<pid_t> pending{root};
    while (!pending.empty()) {
        const pid_t pid = pending.back();
        pending.pop_back();
        if (const auto it = processes.find(pid); it != processes.end())
            total += it->second.cpu;
        for (const auto& [child, stat] : processes)
            if (stat.ppid == pid)
                pending.push_back(child);
    }
    return total;
}

/// Whether sshd `root` has no session processes left.
bool sshdIdle(pid_t root) {
    for (const auto& [pid, stat] : readProcesses())
        if (stat.ppid == root)
            return false;
    return true;
}

/// The machine's busy and total CPU time so far (/proc/stat), in jiffies.
std::pair<quint64, quint64> machineCpu() {
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return {0, 0};
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    quint64 total = 0;
    quint64 idle = 0;
    for (qsizetype i = 1; i < fields.size(); ++i) {
        total += fields[i].toULongLong();
        if (i == 4 || i == 5) // idle, iowait
            idle += fields[i].toULongLong();
    }
    return {total - idle, total};
}

pid_t sshdPid(const TestSshd& sshd) {
    QFile file(sshd.path(QStringLiteral("sshd.pid")));
    if (file.open(QIODevice::ReadOnly))
        if (const long pid = file.readAll().trimmed().toLong(); pid > 0)
            return pid_t(pid);
    for (const auto& [pid, stat] : readProcesses())
        if (stat.ppid == getpid() && stat.comm == "sshd")
            return pid;
    return 0;
}

/// What the kernel counted on this process's TCP connections to `port` (the SSH sessions):
/// payload bytes each way and segments (packets, ACKs included) each way.
struct WireTotals {
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 segmentsIn = 0;
    quint64 segmentsOut = 0;
    int connections = 0;
};

WireTotals wireTotals(int port) {
    WireTotals totals;
    DIR* fds = opendir("/proc/self/fd");
    if (!fds)
        return totals;
    while (dirent* entry = readdir(fds)) {
        char* end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (fd < 0 || *end || end == entry->d_name)
            continue;
        sockaddr_in peer{};
        socklen_t length = sizeof peer;
        if (getpeername(int(fd), reinterpret_cast<sockaddr*>(&peer), &length) != 0 ||
            peer.sin_family != AF_INET || ntohs(peer.sin_port) != port)
            continue;
        tcp_info info{};
        socklen_t infoLength = sizeof info;
        if (getsockopt(int(fd), IPPROTO_TCP, TCP_INFO, &info, &infoLength) != 0)
            continue;
        totals.bytesIn += info.tcpi_bytes_received;
        totals.bytesOut += info.tcpi_bytes_acked;
        totals.segmentsIn += info.tcpi_segs_in;
        totals.segmentsOut += info.tcpi_segs_out;
        ++totals.connections;
    }
    closedir(fds);
    return totals;
}

QByteArray procSelfStatus(const char* field) {
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    for (const QByteArray& line : file.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed();
    return QByteArray();
}

/// How long this thread has waited for a CPU while runnable (the run queue), in ms.
double runQueueWaitMs() {
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().trimmed().split(' ');
    return fields.size() >= 2 ? double(fields[1].toLongLong()) / 1e6 : 0;
}

void runFor(std::chrono::milliseconds duration) {
    QEventLoop loop;
    QTimer::singleShot(duration, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Runs the event loop until `done` or `timeout`; returns whether `done`.
bool runUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() >= timeout.count())
            return false;
        runFor(50ms);
    }
    return true;
}

/// The longest gap between ticks of a 10 ms timer on this (the GUI) thread while it runs.
class StallMeter {
public:
    StallMeter() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 gap = m_clock.nsecsElapsed();
            m_clock.restart();
            m_longestNs = std::max(m_longestNs, gap);
            m_gapsOver50ms += gap > 50'000'000 ? 1 : 0;
        });
    }
    void start() {
        m_longestNs = 0;
        m_gapsOver50ms = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longestMs() const { return double(m_longestNs) / 1e6; }
    int gapsOver50ms() const { return m_gapsOver50ms; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longestNs = 0;
    int m_gapsOver50ms = 0;
};

MonitorCounters sum(const std::vector<std::unique_ptr<PairMonitor>>& monitors) {
    MonitorCounters total;
    for (const auto& monitor : monitors) {
        const MonitorCounters& c = monitor->counters();
        total.refreshes += c.refreshes;
        total.requests += c.requests;
        total.fullProbes += c.fullProbes;
        total.bytesReceived += c.bytesReceived;
        total.bytesSent += c.bytesSent;
        total.dropped += c.dropped;
    }
    return total;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p * double(values.size() - 1);
    const auto low = size_t(std::floor(rank));
    const auto high = size_t(std::ceil(rank));
    return values[low] + (values[high] - values[low]) * (rank - double(low));
}

struct Unloaded {
    double roundTripMs = 0;  ///< median
    double nodeCpuMs = 0;    ///< per call: sshd and what it ran
    double consoleCpuMs = 0; ///< per call: this process, all threads
    bool ok = true;
};

/// `count` runs of `command` on `node`, one after another, before the monitors start.
Unloaded measureUnloaded(SimulatedNode& node, const Command& command, int count, pid_t sshd) {
    QObject context;
    Unloaded cost;
    std::vector<double> times;
    const double cpuBefore = sshd ? processTreeCpuSeconds(sshd) : 0;
    const double consoleBefore = cpuSeconds(RUSAGE_SELF);
    for (int i = 0; i < count; ++i) {
        QElapsedTimer clock;
        clock.start();
        QEventLoop loop;
        node.run(command, &context, [&](const CommandResult& result) {
            cost.ok = cost.ok && result.status == CommandStatus::Exited;
            loop.quit();
        });
        loop.exec();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    cost.consoleCpuMs = 1000.0 * (cpuSeconds(RUSAGE_SELF) - consoleBefore) / count;
    cost.roundTripMs = percentile(times, 0.5);
    cost.nodeCpuMs = sshd ? 1000.0 * (processTreeCpuSeconds(sshd) - cpuBefore) / count : 0;
    return cost;
}

/// Runs the simulated node's probe locally (sh, not ssh) and parses it: the benchmark measures
/// nothing if its nodes' answers do not parse. Writes the answer to BENCH_MONITOR_DUMP if set.
bool checkParses(const Command& command, const QString& nodeDir, ProbeScope scope,
                 const char* name) {
    const Command real = forNode(command, nodeDir);
    QProcess shell;
    shell.start(real.argv[0], real.argv.mid(1));
    shell.waitForFinished(30000);
    const QByteArray output = shell.readAllStandardOutput();
    if (const QByteArray dump = qgetenv("BENCH_MONITOR_DUMP"); !dump.isEmpty())
        writeFile(QString::fromLocal8Bit(dump) + QLatin1Char('/') + QLatin1String(name) +
                      QStringLiteral(".txt"),
                  output);
    const ParseResult<NodeState> parsed = parseNodeProbe(QString::fromUtf8(output), scope);
    QString problem;
    if (shell.exitCode() != 0)
        problem = QStringLiteral("exit %1: %2")
                      .arg(shell.exitCode())
                      .arg(QString::fromLocal8Bit(shell.readAllStandardError()));
    else if (!parsed.ok())
        problem = parsed.error().source + QStringLiteral(": expected ") + parsed.error().expected +
                  QStringLiteral(", found ") + parsed.error().found;
    else if (parsed.value().mdstat.arrays.size() != 1 || parsed.value().mdSysfs.size() != 1)
        problem = QStringLiteral("md0 is not seen in both mdstat and sysfs");
    if (problem.isEmpty())
        return true;
    std::fprintf(stderr, "bench_monitor: the simulated node's %s answer does not parse: %s\n%s\n",
                 name, qPrintable(problem), output.constData());
    return false;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const int pairs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
    const int windowSeconds = argc > 2 ? std::max(4, std::atoi(argv[2])) : 20;
    const int nodeCount = 2 * pairs;
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);

    TestSshd sshd;
    if (!sshd.start()) {
        std::fprintf(stderr, "bench_monitor: cannot start the test sshd: %s\n",
                     qPrintable(sshd.error()));
        return 1;
    }
    const pid_t sshdProcess = sshdPid(sshd);

    QString error;
    const std::optional<Command> fullCommand = simulatedProbeCommand(ProbeScope::Full, &error);
    const std::optional<Command> watchCommand = simulatedProbeCommand(ProbeScope::Watch, &error);
    if (!fullCommand || !watchCommand) {
        std::fprintf(stderr, "bench_monitor: %s\n", qPrintable(error));
        return 1;
    }

    QTemporaryDir root(QDir::tempPath() + QStringLiteral("/bench_monitor-XXXXXX"));
    if (!root.isValid()) {
        std::fprintf(stderr, "bench_monitor: no temporary directory\n");
        return 1;
    }
    std::vector<QString> nodeDirs;
    for (int node = 0; node < nodeCount; ++node) {
        nodeDirs.push_back(root.filePath(
            QStringLiteral("sim%1-%2")
                .arg(node / 2)
                .arg(node % 2 ? QStringLiteral("secondary") : QStringLiteral("primary"))));
        if (!createNode(nodeDirs.back())) {
            std::fprintf(stderr, "bench_monitor: cannot write %s\n", qPrintable(nodeDirs.back()));
            return 1;
        }
    }
    if (!checkParses(*watchCommand, nodeDirs[0], ProbeScope::Watch, "watch") ||
        !checkParses(*fullCommand, nodeDirs[0], ProbeScope::Full, "full"))
        return 1;

    QElapsedTimer clock;
    clock.start();
    SimulatedNode::record(false);
    FixedTrustDelegate trust(TrustDecision::AcceptAndRemember);
    const SshTarget target = testSshdTarget(sshd);
    std::vector<std::unique_ptr<SimulatedNode>> nodes;
    for (int node = 0; node < nodeCount; ++node)
        nodes.push_back(std::make_unique<SimulatedNode>(
            target, &trust, QFileInfo(nodeDirs[size_t(node)]).fileName(), nodeDirs[size_t(node)]));

    // What one refresh costs on an idle machine, and how much of it is the login shell sshd
    // starts every command with (with its rc files).
    const Command noop = Command::of({QStringLiteral("true")});
    const Unloaded connect = measureUnloaded(*nodes[0], noop, 1, 0);
    const Unloaded noopCost = measureUnloaded(*nodes[0], noop, 10, sshdProcess);
    const Unloaded watchCost = measureUnloaded(*nodes[0], *watchCommand, 10, sshdProcess);
    if (!connect.ok || !noopCost.ok || !watchCost.ok) {
        std::fprintf(stderr, "bench_monitor: cannot run commands over SSH: %s\n",
                     qPrintable(nodes[0]->lastFailure));
        return 1;
    }
    // The console's side of an answer that takes 1 s to come (nothing to read meanwhile).
    const Unloaded waitCost = measureUnloaded(
        *nodes[0], Command::of({QStringLiteral("sleep"), QStringLiteral("1")}), 3, sshdProcess);
    nodes[0]->failures = 0;
    SimulatedNode::takeFailures();

    MonitorTiming timing;
    timing.idleInterval = 1000ms;
    timing.busyInterval = 1000ms;

    // The change-to-signal delay: a node's write waits for its pair's snapshotChanged that
    // shows the new progress.
    struct Pending {
        int percent = 0;
        qint64 writtenNs = 0;
    };
    std::vector<int> progress(size_t(nodeCount), kLowPercent);
    std::vector<std::optional<Pending>> pending(static_cast<size_t>(nodeCount));
    std::vector<double> delaysMs;
    quint64 signalCount = 0;

    std::vector<std::unique_ptr<PairMonitor>> monitors;
    for (int pair = 0; pair < pairs; ++pair) {
        PairLayout layout;
        layout.name = QStringLiteral("sim%1").arg(pair);
        layout.mdDevice = QStringLiteral("/dev/md0");
        auto monitor = std::make_unique<PairMonitor>(layout, *nodes[size_t(2 * pair)],
                                                     *nodes[size_t(2 * pair + 1)], timing);
        monitor->setProbeCommands(*fullCommand, *watchCommand);
        QObject::connect(
            monitor.get(), &PairMonitor::snapshotChanged, [&, pair](const PairSnapshot& snapshot) {
                ++signalCount;
                for (int role : {0, 1}) {
                    std::optional<Pending>& change = pending[size_t(2 * pair + role)];
                    if (!change)
                        continue;
                    const ArrayView* array = snapshot.findArray(
                        role ? QStringLiteral("secondary/md0") : QStringLiteral("primary/md0"));
                    if (array && !array->stale && array->sync &&
                        std::abs(array->sync->percent - change->percent) < 1.0) {
                        delaysMs.push_back(double(clock.nsecsElapsed() - change->writtenNs) / 1e6);
                        change.reset();
                    }
                }
            });
        monitors.push_back(std::move(monitor));
    }

    // Start: every monitor at once, as the console does; every node connects now.
    StallMeter stall;
    stall.start();
    const qint64 startMs = clock.elapsed();
    for (auto& monitor : monitors)
        monitor->start();
    const bool allAnswered = runUntil(
        [&] {
            return std::all_of(monitors.begin(), monitors.end(),
                               [](const auto& monitor) { return monitor->hasSnapshot(); });
        },
        120s);
    const double startupSeconds = double(clock.elapsed() - startMs) / 1000.0;
    stall.stop();
    const double startupStallMs = stall.longestMs();
    const int snapshots = int(std::count_if(monitors.begin(), monitors.end(),
                                            [](const auto& m) { return m->hasSnapshot(); }));
    const int answering = int(std::count_if(monitors.begin(), monitors.end(), [](const auto& m) {
        return m->hasSnapshot() && m->snapshot().primary.reachable &&
               m->snapshot().secondary.reachable;
    }));

    runFor(3s); // warm-up
    int startupFailures = 0;
    int nodesWithStartupFailures = 0;
    for (const auto& node : nodes) {
        startupFailures += node->failures;
        nodesWithStartupFailures += node->failures ? 1 : 0;
    }
    const QString startupFailureKinds = SimulatedNode::takeFailures();

    // The measured window.
    std::vector<quint64> pairRefreshesBefore;
    for (const auto& monitor : monitors)
        pairRefreshesBefore.push_back(monitor->counters().refreshes);
    const MonitorCounters before = sum(monitors);
    int failuresBefore = 0;
    quint64 sentBefore = 0;
    for (const auto& node : nodes) {
        failuresBefore += node->failures;
        sentBefore += node->bytesSent;
    }
    const WireTotals wireBefore = wireTotals(sshd.port());
    const double sshdCpuBefore = sshdProcess ? processTreeCpuSeconds(sshdProcess) : 0;
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    const double runQueueBefore = runQueueWaitMs();
    const quint64 signalsBefore = signalCount;
    QElapsedTimer window;
    window.start();

    int changes = 0;
    QTimer changer;
    changer.setInterval(2000);
    QObject::connect(&changer, &QTimer::timeout, [&] {
        int node = int(QRandomGenerator::global()->bounded(nodeCount));
        for (int tries = 0; pending[size_t(node)] && tries < nodeCount; ++tries)
            node = (node + 1) % nodeCount;
        if (pending[size_t(node)])
            return;
        const int percent = progress[size_t(node)] == kLowPercent ? kHighPercent : kLowPercent;
        if (!setNodeProgress(nodeDirs[size_t(node)], percent))
            return;
        progress[size_t(node)] = percent;
        pending[size_t(node)] = Pending{percent, clock.nsecsElapsed()};
        ++changes;
    });
    stall.start();
    changer.start();
    SimulatedNode::record(true);
    runFor(std::chrono::seconds(windowSeconds));
    SimulatedNode::record(false);
    changer.stop();
    stall.stop();

    const double wall = double(window.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    const double runQueueMs = runQueueWaitMs() - runQueueBefore;
    const QString windowFailureKinds = SimulatedNode::takeFailures();
    const double sshdCpu = sshdProcess ? processTreeCpuSeconds(sshdProcess) - sshdCpuBefore : 0;
    const WireTotals wireAfter = wireTotals(sshd.port());
    const MonitorCounters after = sum(monitors);
    const quint64 windowSignals = signalCount - signalsBefore;
    int windowFailures = -failuresBefore;
    quint64 sent = 0;
    for (const auto& node : nodes) {
        windowFailures += node->failures;
        sent += node->bytesSent;
    }
    sent -= sentBefore;
    double slowestPairRate = 1e9;
    for (size_t pair = 0; pair < monitors.size(); ++pair)
        slowestPairRate = std::min(
            slowestPairRate,
            double(monitors[pair]->counters().refreshes - pairRefreshesBefore[pair]) / 2.0 / wall);
    int unreachable = 0;
    for (const auto& monitor : monitors)
        unreachable += (monitor->snapshot().primary.reachable ? 0 : 1) +
                       (monitor->snapshot().secondary.reachable ? 0 : 1);

    // Changes written near the end still get their signal, outside the measured window.
    runUntil(
        [&] {
            return std::none_of(pending.begin(), pending.end(),
                                [](const auto& change) { return change.has_value(); });
        },
        5s);
    const auto unseen = std::count_if(pending.begin(), pending.end(),
                                      [](const auto& change) { return change.has_value(); });
    for (auto& monitor : monitors)
        monitor->stop();
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    const QByteArray threads = procSelfStatus("Threads:");
    const QByteArray rss = procSelfStatus("VmRSS:");

    // Close every connection and let the nodes' shells finish (an overloaded run leaves many),
    // so the plain ssh sample has the machine to itself.
    monitors.clear();
    nodes.clear();
    // The shells of commands that timed out are no sshd children any more: wait for the machine.
    auto lastCpu = machineCpu();
    const bool quiet = runUntil(
        [&] {
            if (sshdProcess && !sshdIdle(sshdProcess))
                return false;
            runFor(500ms);
            const auto now = machineCpu();
            const double busy = double(now.first - lastCpu.first) /
                                double(std::max<quint64>(1, now.second - lastCpu.second));
            lastCpu = now;
            return busy < 0.3;
        },
        120s);

    // The same refreshes as a plain OpenSSH client would make them: a new connection, `cat
    // mdstat` (only mdstat, none of the sysfs a watch reads), for a small sample, 4 at a time.
    const int plainCalls = 20;
    const int plainParallel = 4;
    const double childCpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    const double plainSshdBefore = sshdProcess ? processTreeCpuSeconds(sshdProcess) : 0;
    std::vector<double> plainMs;
    quint64 plainBytes = 0;
    int plainFailed = 0;
    QString plainError;
    QElapsedTimer plainClock;
    plainClock.start();
    {
        int started = 0;
        std::vector<std::unique_ptr<QProcess>> running;
        std::function<void()> startOne = [&] {
            const int index = started++;
            auto ssh = std::make_unique<QProcess>();
            QProcess* process = ssh.get();
            auto callClock = std::make_shared<QElapsedTimer>();
            callClock->start();
            QObject::connect(process, &QProcess::finished,
                             [&, process, callClock](int code, QProcess::ExitStatus) {
                                 plainMs.push_back(double(callClock->nsecsElapsed()) / 1e6);
                                 plainBytes += quint64(process->readAllStandardOutput().size());
                                 if (code != 0) {
                                     ++plainFailed;
                                     plainError =
                                         QString::fromLocal8Bit(process->readAllStandardError());
                                 }
                                 if (started < plainCalls)
                                     startOne();
                             });
            process->start(QStringLiteral("ssh"),
                           {QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                            QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=no"),
                            QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=/dev/null"),
                            QStringLiteral("-o"), QStringLiteral("LogLevel=ERROR"),
                            QStringLiteral("-i"), sshd.clientKey(), QStringLiteral("-p"),
                            QString::number(sshd.port()),
                            QStringLiteral("%1@127.0.0.1").arg(sshd.user()), QStringLiteral("cat"),
                            nodeDirs[size_t(index % nodeCount)] + QStringLiteral("/mdstat")});
            running.push_back(std::move(ssh));
        };
        for (int i = 0; i < plainParallel; ++i)
            startOne();
        runUntil([&] { return int(plainMs.size()) >= plainCalls; }, 120s);
    }
    const double plainWall = double(plainClock.nsecsElapsed()) / 1e9;
    const double plainCalled = std::max<double>(1, double(plainMs.size()));
    const double plainClientCpu = (cpuSeconds(RUSAGE_CHILDREN) - childCpuBefore) / plainCalled;
    const double plainSshdCpu =
        sshdProcess ? (processTreeCpuSeconds(sshdProcess) - plainSshdBefore) / plainCalled : 0;

    // ---- The figures ----
    const quint64 refreshes = after.refreshes - before.refreshes;
    const double perRefresh = std::max<double>(1, double(refreshes));
    const double nodeRate = double(refreshes) / double(nodeCount) / wall;
    const double meanIntervalMs = nodeRate > 0 ? 1000.0 / nodeRate : 0.0;
    const double unloadedIntervalMs = 1000.0 + watchCost.roundTripMs;
    const double consoleCores = cpu / wall;
    const double consoleMsPerRefresh = 1000.0 * cpu / perRefresh;
    const double nodeCores = sshdCpu / wall;
    // The simulated nodes' CPU at the unloaded pace, and how many pairs this machine can
    // simulate at it while leaving a third of its cores to the console.
    const double nodeDemandCores = double(nodeCount) * watchCost.nodeCpuMs / unloadedIntervalMs;
    const int pairsThisMachineCanSimulate =
        int(0.67 * double(cores) * unloadedIntervalMs /
            (2.0 * std::max(1.0, watchCost.nodeCpuMs + watchCost.consoleCpuMs)));
    const std::vector<double>& roundTrips = SimulatedNode::roundTripsMs();
    const bool overloaded = nodeDemandCores > 0.67 * double(cores);
    const bool keepsUp = allAnswered && meanIntervalMs <= 1.25 * unloadedIntervalMs &&
                         1000.0 / std::max(1e-9, slowestPairRate) <= 1.5 * unloadedIntervalMs &&
                         windowFailures == 0 && unreachable == 0 && unseen == 0;

    std::printf("bench_monitor: %d simulated pairs = %d nodes (each its own SSH connection and "
                "thread) against one local sshd\n",
                pairs, nodeCount);
    std::printf("  on this %ld-core machine; cadence 1 s (idle = busy = 1000 ms, the next refresh "
                "1 s after the answer);\n  measured for %.1f s after start-up and a 3 s warm-up\n",
                cores, wall);

    std::printf("\n one refresh on the idle machine (one node, before the monitors start)\n");
    std::printf("  watch probe (10 runs): round trip            %8.1f ms  node CPU %.1f ms, "
                "console CPU %.2f ms\n",
                watchCost.roundTripMs, watchCost.nodeCpuMs, watchCost.consoleCpuMs);
    std::printf("  no-op `true` (10 runs): round trip           %8.1f ms  node CPU %.1f ms, "
                "console CPU %.2f ms\n",
                noopCost.roundTripMs, noopCost.nodeCpuMs, noopCost.consoleCpuMs);
    std::printf("  `sleep 1` (3 runs): round trip               %8.1f ms  node CPU %.1f ms, "
                "console CPU %.2f ms\n",
                waitCost.roundTripMs, waitCost.nodeCpuMs, waitCost.consoleCpuMs);
    std::printf("     node CPU of the no-op = the login shell sshd starts every command with, rc "
                "files\n     included (this machine's account; paid by nr1 and plain ssh "
                "alike). Console CPU of\n     `sleep 1` = what waiting for a slow answer costs "
                "the console.\n");
    std::printf("  pairs this machine can simulate at 1 s       %8d   (2 x (node + console CPU "
                "per refresh) per %.0f ms\n                                                "
                "         on 2/3 of %ld cores)\n",
                pairsThisMachineCanSimulate, unloadedIntervalMs, cores);

    std::printf("\n start-up (all monitors started at once, every node connects)\n");
    std::printf("  every pair's first snapshot after            %8.1f s%s\n", startupSeconds,
                allAnswered ? ""
                            : qPrintable(QStringLiteral("  (ONLY %1 of %2 pairs; gave up at 120 s)")
                                             .arg(snapshots)
                                             .arg(pairs)));
    std::printf("  pairs with both nodes reachable by then      %8d   of %d (a timeout also makes "
                "a snapshot)\n",
                answering, pairs);
    std::printf("  longest main-thread stall while connecting   %8.1f ms\n", startupStallMs);
    std::printf("  failed answers (start-up and warm-up)        %8d   from %d nodes%s%s\n",
                startupFailures, nodesWithStartupFailures,
                startupFailureKinds.isEmpty() ? "" : ":\n      ", qPrintable(startupFailureKinds));

    std::printf("\n steady state (the measured window)\n");
    std::printf("  console CPU (user+sys, all threads)          %8.1f %% of one core = %.1f %% "
                "of the machine\n",
                100.0 * consoleCores, 100.0 * consoleCores / double(cores));
    std::printf("  console CPU per node refresh                 %8.2f ms\n", consoleMsPerRefresh);
    std::printf("  simulated nodes' CPU (sshd + probe scripts)  %8.1f %% of one core (%.1f ms per "
                "refresh), same machine\n",
                100.0 * nodeCores, 1000.0 * sshdCpu / perRefresh);
    std::printf("  refreshes per node per second                %8.2f   (slowest pair %.2f)\n",
                nodeRate, slowestPairRate);
    std::printf("  mean time between a node's refreshes         %8.0f ms  (unloaded: 1000 + "
                "%.0f round trip = %.0f ms)\n",
                meanIntervalMs, watchCost.roundTripMs, unloadedIntervalMs);
    std::printf("  round trip of a refresh                      %8.0f ms median, %.0f p90, %.0f "
                "max  (%zu answers)\n",
                percentile(roundTrips, 0.5), percentile(roundTrips, 0.9),
                percentile(roundTrips, 1.0), roundTrips.size());
    std::printf("  commands (round trips) per node per refresh  %8.2f   (%llu full probes, %llu "
                "superseded answers dropped)\n",
                double(after.requests - before.requests) / perRefresh,
                static_cast<unsigned long long>(after.fullProbes - before.fullProbes),
                static_cast<unsigned long long>(after.dropped - before.dropped));
    std::printf("  answer bytes per node per refresh            %8.0f B   (stdout+stderr, the "
                "monitor's counter)\n",
                double(after.bytesReceived - before.bytesReceived) / perRefresh);
    std::printf("  command bytes per node per refresh           %8.0f B   (the argv sent: the "
                "whole probe script)\n",
                double(sent) / perRefresh);
    std::printf("  on the wire per node per refresh (TCP)       %8.0f B in, %.0f B out, %.1f "
                "segments in+out (%d connections)\n",
                double(wireAfter.bytesIn - wireBefore.bytesIn) / perRefresh,
                double(wireAfter.bytesOut - wireBefore.bytesOut) / perRefresh,
                double(wireAfter.segmentsIn - wireBefore.segmentsIn + wireAfter.segmentsOut -
                       wireBefore.segmentsOut) /
                    perRefresh,
                wireAfter.connections);
    std::printf("  failed answers                               %8d   (nodes not reachable at "
                "the end: %d)%s%s\n",
                windowFailures, unreachable, windowFailureKinds.isEmpty() ? "" : ":\n      ",
                qPrintable(windowFailureKinds));
    std::printf("  snapshotChanged signals per second           %8.1f\n",
                double(windowSignals) / wall);
    std::printf("  change on a node -> snapshotChanged          %8.0f ms median, %.0f min, %.0f "
                "max  (%zu of %d changes; %lld not seen within 5 s)\n",
                percentile(delaysMs, 0.5), percentile(delaysMs, 0.0), percentile(delaysMs, 1.0),
                delaysMs.size(), changes, static_cast<long long>(unseen));
    std::printf("     (a write waits for the node's next refresh: up to one interval, then "
                "the round trip)\n");
    std::printf("  longest main-thread (GUI) stall              %8.1f ms  (a 10 ms timer; %d "
                "gaps over 50 ms)\n",
                stall.longestMs(), stall.gapsOver50ms());
    std::printf("  main thread runnable but waiting for a CPU   %8.0f ms  (%.1f %% of the window: "
                "the machine's load)\n",
                runQueueMs, 100.0 * runQueueMs / (1000.0 * wall));
    std::printf("  peak RSS; RSS and threads at the end         %8.1f MiB; %s, %s threads\n",
                double(self.ru_maxrss) / 1024.0, rss.constData(), threads.constData());
    std::printf("  keeps up with the 1 s cadence                %8s\n", keepsUp ? "yes" : "NO");
    if (overloaded)
        std::printf(
            "  OVERLOADED: the simulated nodes alone need %d x %.1f ms CPU per %.0f ms = %.1f\n"
            "  cores at the unloaded pace; this machine has %ld and can simulate about %d pairs.\n"
            "  The steady-state figures above measure a saturated machine (long round trips,\n"
            "  timeouts, run-queue waits), not the console's own cost; see the unloaded figures.\n",
            nodeCount, watchCost.nodeCpuMs, unloadedIntervalMs, nodeDemandCores, cores,
            pairsThisMachineCanSimulate);

    std::printf("\n plain `ssh host cat mdstat` per refresh (OpenSSH client, a new connection "
                "each), %d calls, %d at a time%s\n",
                int(plainMs.size()), plainParallel,
                quiet ? ""
                      : "\n  (the machine was still over 30 % busy 120 s after the monitors "
                        "stopped)");
    if (plainFailed)
        std::printf("  (%d calls FAILED: %s)\n", plainFailed, qPrintable(plainError.trimmed()));
    std::printf("  wall per call                                %8.0f ms median, %.0f max  "
                "(%.1f calls/s)\n",
                percentile(plainMs, 0.5), percentile(plainMs, 1.0), plainCalled / plainWall);
    std::printf("  client CPU per call (the ssh processes)      %8.1f ms\n",
                1000.0 * plainClientCpu);
    std::printf("  node-side CPU per call (sshd + shell + cat)  %8.1f ms\n", 1000.0 * plainSshdCpu);
    std::printf("  output bytes per call                        %8.0f B   (mdstat only; a watch "
                "also reads the md sysfs)\n",
                double(plainBytes) / plainCalled);

    std::printf("\n side by side: %d nodes refreshed every second, console CPU\n", nodeCount);
    std::printf("  nr1, measured in the window:   %7.2f ms per refresh -> %6.2f cores\n",
                consoleMsPerRefresh, double(nodeCount) * consoleMsPerRefresh / 1000.0);
    std::printf("  nr1, unloaded watch probe:     %7.2f ms per refresh -> %6.2f cores\n",
                watchCost.consoleCpuMs, double(nodeCount) * watchCost.consoleCpuMs / 1000.0);
    std::printf("  plain ssh client:              %7.2f ms per call    -> %6.2f cores  "
                "(%.0fx nr1 unloaded)\n",
                1000.0 * plainClientCpu, double(nodeCount) * plainClientCpu,
                watchCost.consoleCpuMs > 0 ? 1000.0 * plainClientCpu / watchCost.consoleCpuMs
                                           : 0.0);
    std::printf("  per node: nr1 %.1f ms CPU per refresh (unloaded); plain ssh %.1f ms per call "
                "(a new sshd\n  session each); of both, the login shell's start-up here: %.1f "
                "ms\n",
                watchCost.nodeCpuMs, 1000.0 * plainSshdCpu, noopCost.nodeCpuMs);
    std::printf("  round trip: nr1 %.0f ms (unloaded watch probe); plain ssh %.0f ms (median, "
                "4 at a time)\n",
                watchCost.roundTripMs, percentile(plainMs, 0.5));
    std::printf(
        "  note: here the console and all %d simulated nodes share %ld cores; on real nodes the\n"
        "  node-side CPU is spent on each node, not on the console's machine. The simulated full\n"
        "  probe stubs LVM/LIO/iSCSI/lsblk (run at start-up, after an event and every 120 s);\n"
        "  the watch runs the same commands as on a real node, on files instead of /proc, /sys.\n",
        nodeCount, cores);
    return 0;
}
