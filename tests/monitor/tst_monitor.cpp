// The monitor engine on live captures from the testbed (tests/fixtures/testbed-live/watch/):
// snapshot values (states in words, member roles, sync progress, speed, ETA, session,
// exports), the events of a real failure/recovery sequence fed through PairMonitor, stale
// answers dropped, unreachable nodes, "only changes are emitted", the bounded history, and the
// words of states nr1 must never call clean (DELAYED, PENDING, auto-read-only).

#include "PairFixtures.h"
#include "WatchFixtures.h"
#include "apply/Journal.h"
#include "health/PairChecks.h"
#include "inventory/Inventory.h"
#include "monitor/HealthEvents.h"
#include "monitor/MonitorEvents.h"
#include "monitor/MonitorJson.h"
#include "monitor/MonitorText.h"
#include "monitor/PairMonitor.h"
#include "monitor/StandingFences.h"
#include "plan/PairIntent.h"
#include "plan/PairStatus.h"
#include "probe/MdstatParser.h"
#include "probe/NodeProbe.h"
#include "probe/ProbeScript.h"
#include "session/JournalFences.h"
#include "transport/CommandRunner.h"

#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace nr1;

namespace {

/// The full probe `base` with the sections a watch reads taken from `watch`: what a full probe
/// at the moment of the watch capture would have shown of them.
QString spliced(QString base, const QString& watch) {
    for (const QString& name : {QStringLiteral("hostname"), QStringLiteral("mdstat"),
                                QStringLiteral("md-sysfs"), QStringLiteral("iscsi-sessions")}) {
        const QRegularExpression section(QStringLiteral("@@nr1 begin %1\n.*\n@@nr1 end %1 -?\\d+\n")
                                             .arg(QRegularExpression::escape(name)),
                                         QRegularExpression::DotMatchesEverythingOption |
                                             QRegularExpression::InvertedGreedinessOption);
        const QRegularExpressionMatch fromWatch = section.match(watch);
        if (!fromWatch.hasMatch())
            qFatal("no section %s in the watch capture", qPrintable(name));
        base.replace(section, fromWatch.captured(0));
    }
    return base;
}

/// A node for PairMonitor: answers a full probe with `full` (its watched sections replaced by
/// the current watch output) and a watch with the current watch output, asynchronously. It can
/// hold answers back (to supersede them) or refuse to connect.
class ScriptedNode : public CommandRunner {
public:
    ScriptedNode(QString full, QString watch)
        : m_full(std::move(full))
        , m_watch(std::move(watch)) {}

    void setWatch(const QString& watch) { m_watch = watch; }
    void setFull(const QString& full) { m_full = full; }
    void setReachable(bool reachable) { m_reachable = reachable; }
    void setHolding(bool holding) { m_holding = holding; }
    /// Delivers held answers as they were when asked.
    void release() {
        auto held = std::move(m_held);
        for (auto& answer : held)
            answer();
    }
    int fullRequests = 0;
    int watchRequests = 0;

    RequestId run(const Command& command, QObject* context, ResultHandler onDone) override {
        const bool full = command == nodeProbeCommand(ProbeScope::Full);
        (full ? fullRequests : watchRequests)++;
        CommandResult result;
        if (m_reachable) {
            result.status = CommandStatus::Exited;
            result.exitCode = 0;
            result.stdoutData = (full ? spliced(m_full, m_watch) : m_watch).toUtf8();
        } else {
            result.status = CommandStatus::ConnectionFailed;
            result.error = QStringLiteral("cannot connect: Connection refused");
        }
        const RequestId id = m_next++;
        QPointer<QObject> guard(context);
        auto answer = [this, id, guard, result, onDone] {
            if (guard && !m_cancelled.contains(id))
                onDone(result);
        };
        if (m_holding)
            m_held.push_back(answer);
        else
            QTimer::singleShot(0, context, answer);
        return id;
    }
    RequestId stream(const Command& command, QObject* context, LineHandler,
                     ResultHandler onDone) override {
        return run(command, context, std::move(onDone));
    }
    void cancel(RequestId id) override { m_cancelled << id; }
    QString describeTarget() const override { return m_target; }
    void setTarget(const QString& target) { m_target = target; }

private:
    QString m_full;
    QString m_watch;
    QString m_target = QStringLiteral("root@scripted");
    bool m_reachable = true;
    bool m_holding = false;
    std::vector<std::function<void()>> m_held;
    QList<RequestId> m_cancelled;
    RequestId m_next = 1;
};

MonitorTiming quietTiming() {
    // Refreshes only when the test asks (refreshSoon), so each step is one answer per node.
    MonitorTiming timing;
    timing.idleInterval = std::chrono::hours(1);
    timing.busyInterval = std::chrono::hours(1);
    timing.debounce = std::chrono::milliseconds(0);
    return timing;
}

/// Both nodes scripted from the full probes of the resync capture, answering watches from the
/// captures of `watchState`, and a monitor on them that refreshes only when asked.
struct ScriptedPair {
    explicit ScriptedPair(const QString& watchState)
        : primary(watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
                  watchCapture(watchState, QStringLiteral("primary.watch.txt")))
        , secondary(watchCapture(QStringLiteral("resync"), QStringLiteral("secondary.probe.txt")),
                    watchCapture(watchState, QStringLiteral("secondary.watch.txt")))
        , monitor(testbedLayout(), primary, secondary, quietTiming()) {}
    ScriptedNode primary;
    ScriptedNode secondary;
    PairMonitor monitor;
};

/// Waits until both nodes answered once more.
void refreshBoth(PairMonitor& monitor) {
    QSignalSpy refreshed(&monitor, &PairMonitor::refreshed);
    monitor.refreshSoon();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 2, 5000);
}

QStringList kinds(const QList<QList<QVariant>>& spied) {
    QStringList names;
    for (const auto& arguments : spied) {
        const auto event = arguments.at(0).value<MonitorEvent>();
        names << eventKindName(event.kind) +
                     (event.action.isEmpty() ? QString() : QLatin1Char(':') + event.action);
    }
    return names;
}

/// The targets of `fences`, in their order.
QStringList fenceTargets(const std::vector<StandingFence>& fences) {
    QStringList names;
    for (const StandingFence& fence : fences)
        names << fence.target;
    return names;
}

} // namespace

Q_DECLARE_METATYPE(nr1::MonitorEvent)
Q_DECLARE_METATYPE(nr1::PairSnapshot)

class TestMonitor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        qRegisterMetaType<MonitorEvent>();
        qRegisterMetaType<PairSnapshot>();
    }

    void resyncCaptureReadsAsResyncing() {
        const NodeState primary = parsedCapture(
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
            ProbeScope::Full);
        const NodeState secondary = parsedCapture(
            watchCapture(QStringLiteral("resync"), QStringLiteral("secondary.probe.txt")),
            ProbeScope::Full);
        const PairSnapshot snapshot =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(secondary), nullptr);
        QCOMPARE(snapshot.arrays.size(), size_t(1));
        const ArrayView& md0 = snapshot.arrays.front();
        QVERIFY(md0.isPairArray);
        QCOMPARE(md0.node, QStringLiteral("primary"));
        QCOMPARE(md0.state, QStringLiteral("resyncing"));
        QCOMPARE(md0.health, Health::Working);
        QCOMPARE(md0.pattern, QStringLiteral("UU"));
        QCOMPARE(md0.sizeKiB, std::optional<qint64>(1046528));
        QCOMPARE(md0.bitmap, QStringLiteral("bitmap: 1/1 pages [4KB], 65536KB chunk"));
        QCOMPARE(md0.members.size(), size_t(2));
        const MemberView& local = md0.members[0];
        QCOMPARE(local.device, QStringLiteral("dm-0"));
        QCOMPARE(local.role, MemberRole::LocalElement);
        QCOMPARE(local.path, QStringLiteral("/dev/LIO-NR1-Elements/NR1-Local-Element"));
        QCOMPARE(local.slot, std::optional<int>(0));
        QVERIFY(!local.writeMostly);
        const MemberView& remote = md0.members[1];
        QCOMPARE(remote.device, QStringLiteral("sda"));
        QCOMPARE(remote.role, MemberRole::RemoteElement);
        QCOMPARE(remote.node, QStringLiteral("secondary"));
        QVERIFY(remote.writeMostly);
        QVERIFY(!remote.faulty);
        QCOMPARE(memberBadges(remote), QStringList{QStringLiteral("write-mostly")});
        QVERIFY(md0.sync.has_value());
        QCOMPARE(md0.sync->action, QStringLiteral("resync"));
        QCOMPARE(md0.sync->totalSectors, qint64(2093056));
        QVERIFY(md0.sync->percent > 20 && md0.sync->percent < 40);
        QVERIFY(md0.sync->speedKiBps.value_or(0) > 2000);
        // ETA from md's speed: what is left over the speed.
        QCOMPARE(*md0.sync->etaSeconds,
                 (md0.sync->totalSectors - md0.sync->doneSectors) / 2 / *md0.sync->speedKiBps);
        QVERIFY(snapshot.replication.loggedIn);
        QCOMPARE(snapshot.replication.disk, QStringLiteral("sda"));
        QCOMPARE(snapshot.replication.portal, QStringLiteral("10.99.0.2:3260"));
        QCOMPARE(snapshot.exports.size(), size_t(2));
        int replicationExports = 0;
        for (const ExportView& exported : snapshot.exports)
            replicationExports += exported.isReplication ? 1 : 0;
        QCOMPARE(replicationExports, 1);
        QCOMPARE(snapshot.overallHealth(), Health::Working);
        QVERIFY(
            arrayLine(md0).startsWith(QStringLiteral("md0 (primary) resyncing [UU] — resync ")));
    }

    void recoveryCaptureIsDegradedAndRecovering() {
        const NodeState primary = parsedCapture(
            watchCapture(QStringLiteral("recovery"), QStringLiteral("primary.probe.txt")),
            ProbeScope::Full);
        const PairSnapshot snapshot =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(NodeState{}), nullptr);
        const ArrayView* md0 = snapshot.pairArray();
        QVERIFY(md0);
        QCOMPARE(md0->state, QStringLiteral("degraded, recovering"));
        QCOMPARE(md0->health, Health::Warning);
        QCOMPARE(md0->degradedDisks, std::optional<int>(1));
        QCOMPARE(md0->sync->action, QStringLiteral("recovery"));
        const MemberView& remote = md0->members[1];
        QCOMPARE(remote.role, MemberRole::RemoteElement);
        QVERIFY(!remote.spare); // md says "spare" for a member rebuilt into slot 1
        QCOMPARE(remote.slot, std::optional<int>(1));
        QCOMPARE(memberBadges(remote),
                 (QStringList{QStringLiteral("write-mostly"), QStringLiteral("rebuilding")}));
    }

    void degradedWatchOverFullProbe() {
        const NodeState full = parsedCapture(
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
            ProbeScope::Full);
        const NodeState watched = parsedCapture(
            watchCapture(QStringLiteral("degraded"), QStringLiteral("primary.watch.txt")),
            ProbeScope::Watch);
        QVERIFY(watched.lvm.lvs.empty()); // a watch reads only what moves
        const NodeState state = overlayWatchedFacts(full, watched);
        QCOMPARE(state.lvm, full.lvm);
        QCOMPARE(state.mdstat, watched.mdstat);
        const PairSnapshot snapshot =
            buildPairSnapshot(testbedLayout(), answering(state), answering(NodeState{}), nullptr);
        const ArrayView* md0 = snapshot.pairArray();
        QCOMPARE(md0->state, QStringLiteral("degraded"));
        QCOMPARE(md0->health, Health::Critical);
        QCOMPARE(md0->pattern, QStringLiteral("U_"));
        QVERIFY(md0->members[1].faulty);
        QCOMPARE(md0->members[1].role, MemberRole::RemoteElement);
        QVERIFY(!md0->sync);
        QVERIFY(!snapshot.replication.loggedIn); // the session failed with the Secondary
        QCOMPARE(snapshot.overallHealth(), Health::Critical);
    }

    void measuredSpeedOverAWindow() {
        const NodeState full = parsedCapture(
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
            ProbeScope::Full);
        auto at = [&](qint64 extraSectors) {
            NodeState state = full;
            state.mdSysfs.front().syncCompleted->doneSectors += extraSectors;
            state.mdstat.arrays.front().sync->doneKiB += extraSectors / 2;
            return buildPairSnapshot(testbedLayout(), answering(state), answering(NodeState{}),
                                     nullptr);
        };
        SyncHistory history;
        // md advances in bursts: nothing for a second, then 8 MiB at once.
        history.record(at(0), 0);
        history.record(at(0), 1000);
        PairSnapshot now = at(8192 * 2);
        history.measure(now, 1500);
        QVERIFY(!now.pairArray()->sync->measuredKiBps); // 1.5 s is too short to say
        now = at(8192 * 2);
        history.measure(now, 4000);
        QCOMPARE(now.pairArray()->sync->measuredKiBps, std::optional<qint64>(2048)); // 8 MiB/4 s
        // Samples older than the window do not count.
        history.record(at(8192 * 2), 4000);
        now = at(8192 * 2 + 4096 * 2);
        history.measure(now, 12000, 10000);
        QCOMPARE(now.pairArray()->sync->measuredKiBps, std::optional<qint64>(512)); // 4 MiB/8 s
        // Without md's own speed the time left comes from the measured one.
        NodeState noSpeed = full;
        noSpeed.mdSysfs.front().syncSpeedKiBps.reset();
        noSpeed.mdstat.arrays.front().sync.reset();
        PairSnapshot measured =
            buildPairSnapshot(testbedLayout(), answering(noSpeed), answering(NodeState{}), nullptr);
        QVERIFY(!measured.pairArray()->sync->etaSeconds);
        SyncHistory fromStart;
        NodeState earlier = noSpeed;
        earlier.mdSysfs.front().syncCompleted->doneSectors -= 4096 * 2;
        fromStart.record(
            buildPairSnapshot(testbedLayout(), answering(earlier), answering(NodeState{}), nullptr),
            0);
        fromStart.measure(measured, 2000);
        const SyncView& sync = *measured.pairArray()->sync;
        QCOMPARE(sync.measuredKiBps, std::optional<qint64>(2048));
        QCOMPARE(*sync.etaSeconds, (sync.totalSectors - sync.doneSectors) / 2 / 2048);
    }

    void waitingAndReadOnlyAreNeverClean() {
        for (const auto& [file, name, words] :
             {std::tuple{"public/proc_mdstat_blog_pending_autoro_check.txt", "md126",
                         "auto-read-only, resync pending"},
              std::tuple{"public/proc_mdstat_check_raid_pr77_check_and_delayed.txt", "md1",
                         "resync delayed"},
              std::tuple{"public/proc_mdstat_check_raid_pr77_check_and_delayed.txt", "md0",
                         "checking"}}) {
            NodeState state;
            state.mdstat = parseMdstat(fixture(QString::fromLatin1(file))).value();
            const PairSnapshot snapshot = buildPairSnapshot(testbedLayout(), answering(state),
                                                            answering(NodeState{}), nullptr);
            const ArrayView* array =
                snapshot.findArray(QStringLiteral("primary/") + QString::fromLatin1(name));
            QVERIFY2(array, name);
            QCOMPARE(array->state, QString::fromLatin1(words));
            QCOMPARE(array->health, QString::fromLatin1(words) == QLatin1String("checking")
                                        ? Health::Working
                                        : Health::Warning);
        }
    }

    void whoServesTheLun() {
        // The pair as create-pair left it: the Primary exports the LUN and runs the array.
        const NodeState primary =
            probedNode(QStringLiteral("served-with-identity"), QStringLiteral("primary"));
        const NodeState secondary =
            probedNode(QStringLiteral("served-with-identity"), QStringLiteral("secondary"));
        const PairSnapshot served =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(secondary), nullptr);
        QCOMPARE(served.serving, QStringList{QStringLiteral("primary")});
        QCOMPARE(served.assembling, QStringList{QStringLiteral("primary")});
        QCOMPARE(servingLine(served), QStringLiteral("LUN served by the primary"));
        QCOMPARE(served.overallHealth(), Health::Ok);
        QVERIFY(eventsBetween(nullptr, served, QDateTime::currentDateTimeUtc()).empty());

        // The Secondary exports the same LUN too (say, an old Primary came back after a
        // takeover and restored it at boot): critical, once.
        const NodeState secondaryServing = alsoServing(secondary, primary);
        const PairSnapshot both = buildPairSnapshot(testbedLayout(), answering(primary),
                                                    answering(secondaryServing), &served);
        QCOMPARE(both.serving,
                 (QStringList{QStringLiteral("primary"), QStringLiteral("secondary")}));
        QCOMPARE(both.overallHealth(), Health::Critical);
        QCOMPARE(servingLine(both), QStringLiteral("LUN served by BOTH nodes: split brain"));
        auto events = eventsBetween(&served, both, QDateTime::currentDateTimeUtc());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().kind, MonitorEventKind::ServingChanged);
        QCOMPARE(events.front().severity, Health::Critical);
        QVERIFY(events.front().text.contains(QStringLiteral("split brain")));
        QVERIFY(eventsBetween(&both, both, QDateTime::currentDateTimeUtc()).empty());

        // The Primary stops answering: its own event, not "no node serves".
        NodeReading gone;
        gone.target = QStringLiteral("root@node");
        gone.error = QStringLiteral("not reachable: timed out");
        const PairSnapshot lost =
            buildPairSnapshot(testbedLayout(), gone, answering(secondary), &served);
        QVERIFY(lost.serving.isEmpty());
        events = eventsBetween(&served, lost, QDateTime::currentDateTimeUtc());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().kind, MonitorEventKind::NodeUnreachable);
        // Then the Secondary serves (a takeover): said, as good news.
        const PairSnapshot takenOver =
            buildPairSnapshot(testbedLayout(), gone, answering(secondaryServing), &lost);
        QCOMPARE(takenOver.serving, QStringList{QStringLiteral("secondary")});
        events = eventsBetween(&lost, takenOver, QDateTime::currentDateTimeUtc());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().kind, MonitorEventKind::ServingChanged);
        QCOMPARE(events.front().severity, Health::Ok);
        QCOMPARE(events.front().text, QStringLiteral("The secondary exports the LUN"));
        // The Primary answers and no longer exports: nobody serves, critical.
        NodeState stopped = primary;
        stopped.lio.targets.clear();
        const PairSnapshot none =
            buildPairSnapshot(testbedLayout(), answering(stopped), answering(secondary), &served);
        events = eventsBetween(&served, none, QDateTime::currentDateTimeUtc());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().severity, Health::Critical);
        QVERIFY2(events.front().text.contains(QStringLiteral("No node exports the LUN")),
                 qPrintable(events.front().text));
    }

    void bothNodesRunningTheArrayIsCritical() {
        const NodeState primary =
            probedNode(QStringLiteral("served-with-identity"), QStringLiteral("primary"));
        const NodeState secondary =
            probedNode(QStringLiteral("served-with-identity"), QStringLiteral("secondary"));
        const BlockDevice* element =
            secondary.findBlockDeviceByPath(testbedLayout().secondaryElement.devicePath());
        QVERIFY(element);
        // mdstat on the Secondary as udev leaves its element without the ignore rule: an
        // inactive md127 (seen on the testbed), then the same array started.
        auto withArray = [&](const QString& mdstat) {
            NodeState state = secondary;
            state.mdstat = parseMdstat(mdstat).value();
            return state;
        };
        const NodeState inactive = withArray(
            QStringLiteral("Personalities : [raid1] \nmd127 : inactive %1[0](S)\n      1046528 "
                           "blocks super 1.2\n       \nunused devices: <none>\n")
                .arg(element->name));
        const NodeState active = withArray(
            QStringLiteral("Personalities : [raid1] \nmd127 : active raid1 %1[0]\n      1046528 "
                           "blocks super 1.2 [2/1] [U_]\n       \nunused devices: <none>\n")
                .arg(element->name));
        const PairSnapshot stopped =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(inactive), nullptr);
        QVERIFY(stopped.findArray(QStringLiteral("secondary/md127")));
        QCOMPARE(stopped.assembling, QStringList{QStringLiteral("primary")});
        const PairSnapshot running =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(active), &stopped);
        QCOMPARE(running.assembling,
                 (QStringList{QStringLiteral("primary"), QStringLiteral("secondary")}));
        QCOMPARE(running.overallHealth(), Health::Critical);
        const auto events = eventsBetween(&stopped, running, QDateTime::currentDateTimeUtc());
        QCOMPARE(std::count_if(events.begin(), events.end(),
                               [](const MonitorEvent& event) {
                                   return event.kind == MonitorEventKind::BothAssemble &&
                                          event.severity == Health::Critical;
                               }),
                 1);
        QVERIFY(servingLine(running).endsWith(QStringLiteral("BOTH nodes run the array")));
        QVERIFY(eventsBetween(&running, running, QDateTime::currentDateTimeUtc()).empty());
    }

    void whoHoldsTheFrontEndAddress() {
        // Captured after the migration repair put 10.0.2.100/24 on the serving Primary.
        const QString address = QStringLiteral("10.0.2.100/24");
        const NodeState primary =
            probedNode(QStringLiteral("front-address"), QStringLiteral("primary"));
        const NodeState secondary =
            probedNode(QStringLiteral("front-address"), QStringLiteral("secondary"));
        const PairSnapshot held = buildPairSnapshot(testbedLayout(), answering(primary),
                                                    answering(secondary), nullptr, address);
        QCOMPARE(held.addressHolders, QStringList{QStringLiteral("primary")});
        QVERIFY(!held.splitBrain() && !held.addressAstray());
        QCOMPARE(servingLine(held),
                 QStringLiteral("LUN served by the primary; address 10.0.2.100/24 on the primary"));
        QVERIFY(eventsBetween(nullptr, held, QDateTime::currentDateTimeUtc()).empty());
        // Without a configured address nothing is said about one.
        QVERIFY(
            buildPairSnapshot(testbedLayout(), answering(primary), answering(secondary), nullptr)
                .addressHolders.isEmpty());

        // A fence that did not take: the old node brought the address up again.
        NodeState secondaryHolding = secondary;
        secondaryHolding.ipv4Addresses.insert(address, QStringLiteral("eth0"));
        const PairSnapshot both = buildPairSnapshot(testbedLayout(), answering(primary),
                                                    answering(secondaryHolding), &held, address);
        QVERIFY(both.splitBrain());
        QCOMPARE(both.overallHealth(), Health::Critical);
        QVERIFY(servingLine(both).endsWith(QStringLiteral("address 10.0.2.100/24 on BOTH nodes")));
        auto events = eventsBetween(&held, both, QDateTime::currentDateTimeUtc());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().kind, MonitorEventKind::AddressChanged);
        QCOMPARE(eventKindName(events.front().kind), QStringLiteral("address-changed"));
        QCOMPARE(events.front().severity, Health::Critical);
        QVERIFY2(events.front().text.startsWith(
                     QStringLiteral("Both nodes hold the front-end address 10.0.2.100/24")),
                 qPrintable(events.front().text));
        QVERIFY(eventsBetween(&both, both, QDateTime::currentDateTimeUtc()).empty());

        // The serving Primary lost it and only the Secondary holds it: astray, a warning.
        NodeState primaryWithout = primary;
        primaryWithout.ipv4Addresses.remove(address);
        const PairSnapshot astray = buildPairSnapshot(testbedLayout(), answering(primaryWithout),
                                                      answering(secondaryHolding), &both, address);
        QVERIFY(astray.addressAstray() && !astray.splitBrain());
        QCOMPARE(astray.overallHealth(), Health::Warning);
        events = eventsBetween(&held, astray, QDateTime::currentDateTimeUtc());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().severity, Health::Ok);
        QCOMPARE(events.front().text,
                 QStringLiteral("The secondary holds the front-end address 10.0.2.100/24 now (it "
                                "was the primary)"));

        // Nobody holds it: initiators cannot reach the LUN.
        const PairSnapshot none = buildPairSnapshot(testbedLayout(), answering(primaryWithout),
                                                    answering(secondary), &held, address);
        events = eventsBetween(&held, none, QDateTime::currentDateTimeUtc());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().severity, Health::Critical);
        QVERIFY(events.front().text.contains(QStringLiteral("initiators cannot reach the LUN")));

        // The holder stopped answering: its own event, not a move of the address.
        NodeReading gone;
        gone.target = QStringLiteral("root@node");
        gone.error = QStringLiteral("not reachable: timed out");
        const PairSnapshot lost =
            buildPairSnapshot(testbedLayout(), gone, answering(secondary), &held, address);
        QVERIFY(lost.addressHolders.isEmpty());
        for (const MonitorEvent& event :
             eventsBetween(&held, lost, QDateTime::currentDateTimeUtc()))
            QVERIFY(event.kind != MonitorEventKind::AddressChanged);
    }

    void lastTimeBothLegsWereInSync() {
        const NodeState clean = parsedCapture(
            watchCapture(QStringLiteral("clean"), QStringLiteral("primary.watch.txt")),
            ProbeScope::Watch);
        NodeState whole = parsedCapture(
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
            ProbeScope::Full);
        whole = overlayWatchedFacts(whole, clean);
        NodeState degraded = overlayWatchedFacts(
            whole, parsedCapture(watchCapture(QStringLiteral("degraded"),
                                              QStringLiteral("primary.watch.txt")),
                                 ProbeScope::Watch));
        const QDateTime t0 =
            QDateTime::fromString(QStringLiteral("2026-12-07T14:00:00Z"), Qt::ISODate);
        const NodeReading secondary = answering(NodeState{});
        const PairSnapshot first =
            buildPairSnapshot(testbedLayout(), answering(degraded), secondary, nullptr, {}, t0);
        // Degraded from the first look: when it was last in sync is not known.
        QVERIFY(!first.pairArrayInSync() && !first.everInSync && !first.inSyncUntil.isValid());
        QCOMPARE(inSyncLine(first),
                 QStringLiteral("both legs not seen in sync since the monitor started"));
        const PairSnapshot synced = buildPairSnapshot(testbedLayout(), answering(whole), secondary,
                                                      &first, {}, t0.addSecs(60));
        QVERIFY(synced.pairArrayInSync() && synced.everInSync);
        QCOMPARE(inSyncLine(synced), QString());
        const PairSnapshot lostLeg = buildPairSnapshot(testbedLayout(), answering(degraded),
                                                       secondary, &synced, {}, t0.addSecs(120));
        QCOMPARE(lostLeg.inSyncUntil, t0.addSecs(120));
        QCOMPARE(inSyncLine(lostLeg),
                 QStringLiteral("both legs last in sync at 2026-12-07 14:02:00 UTC"));
        // Later looks keep the time, and a change of it is a change to show.
        const PairSnapshot later = buildPairSnapshot(testbedLayout(), answering(degraded),
                                                     secondary, &lostLeg, {}, t0.addSecs(300));
        QCOMPARE(later.inSyncUntil, t0.addSecs(120));
        QVERIFY(later == lostLeg);
        QVERIFY(!(lostLeg == synced));
        // The Primary lost while in sync (a takeover to come): in sync until it went away.
        NodeReading gone;
        gone.target = QStringLiteral("root@node");
        gone.error = QStringLiteral("not reachable: timed out");
        const PairSnapshot primaryLost =
            buildPairSnapshot(testbedLayout(), gone, secondary, &synced, {}, t0.addSecs(90));
        QCOMPARE(primaryLost.inSyncUntil, t0.addSecs(90));
        const QJsonObject json = toJson(primaryLost);
        QCOMPARE(json.value(QStringLiteral("inSync")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("inSyncUntil")).toString(),
                 QStringLiteral("2026-12-07T14:01:30.000Z"));
    }

    void whatABootLeftUndoneIsSaidPerNode() {
        // LIO's restore waiting for the volume's device at the Primary's boot (captured live).
        const NodeState restoring =
            probedNode(QStringLiteral("lio-restoring"), QStringLiteral("primary"));
        PairSnapshot snapshot = buildPairSnapshot(testbedLayout(), answering(restoring),
                                                  answering(NodeState{}), nullptr);
        QCOMPARE(snapshot.primary.bootNotes.size(), qsizetype(1));
        QVERIFY(snapshot.primary.bootNotes.front().startsWith(
            QStringLiteral("LIO is still restoring its saved configuration")));
        QVERIFY(snapshot.secondary.bootNotes.isEmpty());
        QCOMPARE(toJson(snapshot)
                     .value(QStringLiteral("primary"))
                     .toObject()
                     .value(QStringLiteral("bootNotes"))
                     .toArray()
                     .size(),
                 1);

        // The gate held the volume down (boot-gate-held; that capture predates the probe's
        // is-active, and the unit was seen `failed` when it was taken: README).
        NodeState held = probedNode(QStringLiteral("boot-gate-held"), QStringLiteral("primary"));
        const QString unit = QStringLiteral("nr1-boot-gate-testbed.service");
        QVERIFY(!bootGateHeld(held, testbedLayout()));
        held.unitActiveStates.insert(unit, QStringLiteral("failed"));
        QVERIFY(bootGateHeld(held, testbedLayout()));
        snapshot =
            buildPairSnapshot(testbedLayout(), answering(held), answering(NodeState{}), nullptr);
        QCOMPARE(snapshot.primary.bootNotes,
                 QStringList{QStringLiteral(
                     "nr1's boot gate held the volume down at boot (/dev/md0 did not run with both "
                     "legs): `apply repair` serves it once both legs are back")});
        QVERIFY(snapshot.overallHealth() != Health::Ok);
        // The same on the Secondary: the Primary a takeover left behind, booted again.
        snapshot =
            buildPairSnapshot(testbedLayout(), answering(NodeState{}), answering(held), nullptr);
        QCOMPARE(snapshot.secondary.bootNotes,
                 QStringList{QStringLiteral(
                     "nr1's boot gate held the volume down at boot: this node was taken over from "
                     "and its copy is stale; `apply repair` rejoins it as the Secondary")});
        // A gate that failed at boot, its volume activated since by a repair: nothing undone.
        NodeState repaired = probedNode(QStringLiteral("boot-gated"), QStringLiteral("primary"));
        repaired.unitActiveStates.insert(unit, QStringLiteral("failed"));
        QVERIFY(!bootGateHeld(repaired, testbedLayout()));
    }

    void aFencedNodeIsShownUntilItIsReachedAgain() {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("testbed.jsonl"));
        Journal journal(path);
        const auto entry = [](const char* event, const char* role, const char* target) {
            QJsonObject object{{QStringLiteral("event"), QLatin1String(event)},
                               {QStringLiteral("node"), QLatin1String(role)}};
            if (*target)
                object.insert(QStringLiteral("target"), QLatin1String(target));
            return object;
        };
        const auto with = [](QJsonObject object, const char* key, const QJsonValue& value) {
            object.insert(QLatin1String(key), value);
            return object;
        };
        const auto standing = [&path] {
            const auto read = Journal::read(path);
            return read.ok() ? standingFences(read.value().entries) : std::vector<StandingFence>{};
        };
        const QJsonObject fenceA = entry("fence", "primary", "root@a:22");
        QVERIFY(journal.append(with(fenceA, "started", QStringLiteral("2026-12-07T14:03:00Z"))));
        QVERIFY(journal.append(with(with(fenceA, "fenced", true), "exit", 0)));
        // A fence journaled before nr1 recorded targets, a run on the other node, a fence that
        // failed: none of them makes or ends a fence.
        QVERIFY(journal.append(with(with(entry("fence", "secondary", ""), "fenced", true),
                                    "confirmedBy", QStringLiteral("typed in the console"))));
        QVERIFY(journal.append(
            with(entry("run", "primary", "root@b:22"), "status", QStringLiteral("exited"))));
        QVERIFY(journal.append(
            with(with(entry("fence", "secondary", "root@b:22"), "fenced", false), "exit", 3)));
        std::vector<StandingFence> fences = standing();
        QCOMPARE(fenceTargets(fences), QStringList{QStringLiteral("root@a:22")});
        QCOMPARE(fences.front().role, QStringLiteral("primary"));
        QCOMPARE(fences.front().how, QStringLiteral("powered off by its fence command"));
        QVERIFY(fences.front().at.isValid());
        // A plan that could not reach the fenced node does not end its fence.
        QVERIFY(journal.append(with(entry("run", "secondary", "root@a:22"), "status",
                                    QStringLiteral("connection failed"))));
        QVERIFY(journal.append(with(with(entry("fence", "secondary", "root@b:22"), "fenced", true),
                                    "confirmedBy", QStringLiteral("--confirm-secondary-off"))));
        fences = standing();
        QCOMPARE(fenceTargets(fences),
                 (QStringList{QStringLiteral("root@a:22"), QStringLiteral("root@b:22")}));
        QCOMPARE(fences.back().how, QStringLiteral("confirmed powered off by the administrator "
                                                   "(--confirm-secondary-off)"));
        // A step that ran on it (the rejoin's first) does.
        QVERIFY(journal.append(
            with(entry("run", "secondary", "root@a:22"), "status", QStringLiteral("exited"))));
        QCOMPARE(fenceTargets(standing()), QStringList{QStringLiteral("root@b:22")});

        // The monitor reads the journal: the fenced Secondary is marked, with an event, and the
        // mark goes once a command ran on it.
        ScriptedNode primary(
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
            watchCapture(QStringLiteral("clean"), QStringLiteral("primary.watch.txt")));
        ScriptedNode secondary(
            watchCapture(QStringLiteral("resync"), QStringLiteral("secondary.probe.txt")),
            watchCapture(QStringLiteral("clean"), QStringLiteral("secondary.watch.txt")));
        primary.setTarget(QStringLiteral("root@a:22"));
        secondary.setTarget(QStringLiteral("root@b:22"));
        secondary.setReachable(false);
        PairMonitor monitor(testbedLayout(), primary, secondary, quietTiming());
        monitor.setFenceSource(journalFenceSource(path, std::chrono::milliseconds(0)));
        QSignalSpy events(&monitor, &PairMonitor::eventRaised);
        QSignalSpy refreshed(&monitor, &PairMonitor::refreshed);
        monitor.start();
        QTRY_COMPARE(refreshed.count(), 2);
        QVERIFY(!monitor.snapshot().primary.fence);
        QVERIFY(monitor.snapshot().secondary.fence);
        QVERIFY(kinds(events).contains(QStringLiteral("node-fenced")));
        const auto fencedEvent = [&events] {
            for (const auto& arguments : events)
                if (const auto event = arguments.at(0).value<MonitorEvent>();
                    event.kind == MonitorEventKind::NodeFenced)
                    return event;
            return MonitorEvent{};
        }();
        QCOMPARE(fencedEvent.severity, Health::Warning);
        QVERIFY2(
            fencedEvent.text.contains(QStringLiteral("The secondary (root@b:22) was fenced at ")),
            qPrintable(fencedEvent.text));
        QCOMPARE(monitor.snapshot().overallHealth(), Health::Unknown); // a node does not answer
        QVERIFY(nodeLine(monitor.snapshot().secondary)
                    .startsWith(QStringLiteral("secondary root@b:22: fenced ")));
        QCOMPARE(toJson(monitor.snapshot())
                     .value(QStringLiteral("secondary"))
                     .toObject()
                     .value(QStringLiteral("fence"))
                     .toObject()
                     .value(QStringLiteral("role")),
                 QJsonValue(QStringLiteral("secondary")));
        // Reached again by a plan (the rejoin): no longer fenced.
        secondary.setReachable(true);
        QVERIFY(journal.append(
            with(entry("run", "secondary", "root@b:22"), "status", QStringLiteral("exited"))));
        events.clear();
        refreshBoth(monitor);
        QVERIFY(!monitor.snapshot().secondary.fence);
        QVERIFY(!kinds(events).contains(QStringLiteral("node-fenced")));
        QVERIFY(toJson(monitor.snapshot())
                    .value(QStringLiteral("secondary"))
                    .toObject()
                    .value(QStringLiteral("fence"))
                    .isNull());
    }

    void theJournalIsReadAsItGrows() {
        // The source reads only what was appended since, in whole lines; a file that shrank
        // (replaced) is read again from its start.
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("testbed.jsonl"));
        const auto appendRaw = [&path](const QByteArray& bytes) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            QCOMPARE(file.write(bytes), qint64(bytes.size()));
        };
        const QByteArray fenceA =
            R"({"event":"fence","node":"primary","target":"root@a:22","fenced":true,"exit":0})"
            "\n";
        const QByteArray fenceB =
            R"({"event":"fence","node":"secondary","target":"root@b:22","fenced":true,"exit":0})"
            "\n";
        const QByteArray ranOnA =
            R"({"event":"run","node":"secondary","target":"root@a:22","status":"exited"})"
            "\n";
        const PairMonitor::FenceSource source =
            journalFenceSource(path, std::chrono::milliseconds(0));
        QVERIFY(source().empty()); // no journal yet
        appendRaw(fenceA);
        QCOMPARE(fenceTargets(source()), QStringList{QStringLiteral("root@a:22")});
        // A line still being written waits for its end.
        appendRaw(fenceB.left(30));
        QCOMPARE(fenceTargets(source()), QStringList{QStringLiteral("root@a:22")});
        appendRaw(fenceB.mid(30));
        QCOMPARE(fenceTargets(source()),
                 (QStringList{QStringLiteral("root@a:22"), QStringLiteral("root@b:22")}));
        appendRaw(ranOnA);
        QCOMPARE(fenceTargets(source()), QStringList{QStringLiteral("root@b:22")});
        // Replaced by a shorter journal: read again from its start.
        QVERIFY(QFile::remove(path));
        appendRaw(fenceA);
        QCOMPARE(fenceTargets(source()), QStringList{QStringLiteral("root@a:22")});
    }

    void bootNotesRaiseEventsWhenTheyChange() {
        const NodeState held = [] {
            NodeState state =
                probedNode(QStringLiteral("boot-gate-held"), QStringLiteral("primary"));
            state.unitActiveStates.insert(QStringLiteral("nr1-boot-gate-testbed.service"),
                                          QStringLiteral("failed"));
            return state;
        }();
        const PairSnapshot plain = buildPairSnapshot(testbedLayout(), answering(NodeState{}),
                                                     answering(NodeState{}), nullptr);
        const PairSnapshot stale =
            buildPairSnapshot(testbedLayout(), answering(NodeState{}), answering(held), &plain);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const auto bootEvents = [&at](const PairSnapshot* before, const PairSnapshot& after) {
            std::vector<MonitorEvent> found;
            for (const MonitorEvent& event : eventsBetween(before, after, at))
                if (event.kind == MonitorEventKind::BootNotes)
                    found.push_back(event);
            return found;
        };
        QVERIFY(bootEvents(nullptr, plain).empty());
        std::vector<MonitorEvent> found = bootEvents(&plain, stale);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front().node, QStringLiteral("secondary"));
        QCOMPARE(found.front().severity, Health::Warning);
        QVERIFY2(found.front().text.startsWith(
                     QStringLiteral("The secondary's boot left work undone: nr1's boot gate held")),
                 qPrintable(found.front().text));
        QCOMPARE(bootEvents(nullptr, stale).size(), size_t(1)); // the first look says it too
        QVERIFY(bootEvents(&stale, stale).empty());
        found = bootEvents(&stale, plain);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front().severity, Health::Ok);
        QCOMPARE(eventKindName(found.front().kind), QStringLiteral("boot-notes"));
    }

    void healthChecksThatChangeAreEvents() {
        const auto checksOf = [](const QString& state) {
            const PairProbe probe = capturedPairProbe(state);
            return checkPair(probe, testbedIntent(&*probe.primary.state));
        };
        const QDateTime at = QDateTime::currentDateTimeUtc();
        QMap<QString, CheckResult> known;
        // The first checks: only what is not ok is told.
        std::vector<MonitorEvent> events =
            healthEvents(known, checksOf(QStringLiteral("health-broken-by-hand")),
                         QStringLiteral("testbed"), at);
        QStringList told;
        for (const MonitorEvent& event : events) {
            QCOMPARE(event.kind, MonitorEventKind::CheckChanged);
            QCOMPARE(event.severity, Health::Critical);
            told << event.check;
        }
        QCOMPARE(told, (QStringList{QStringLiteral("replication-acl"),
                                    QStringLiteral("replication-session"),
                                    QStringLiteral("replication-startup"),
                                    QStringLiteral("boot-array-line")}));
        QVERIFY(events.front().text.startsWith(
            QStringLiteral("Health check replication-acl is failing: No ACL names")));
        QCOMPARE(known.size(), 21); // all but nodes-reachable
        // The same again: no news.
        QVERIFY(healthEvents(known, checksOf(QStringLiteral("health-broken-by-hand")),
                             QStringLiteral("testbed"), at)
                    .empty());
        // A node that does not answer makes checks unknown: no news, nothing forgotten.
        HealthChecks unread = checksOf(QStringLiteral("health-broken-by-hand"));
        for (HealthCheck& check : unread)
            if (check.name.startsWith(QLatin1String("replication")))
                check.result = CheckResult::Unknown;
        QVERIFY(healthEvents(known, unread, QStringLiteral("testbed"), at).empty());
        QCOMPARE(known.value(QStringLiteral("replication-acl")), CheckResult::Failing);
        // nodes-reachable failing is node-unreachable's news, not a check's.
        HealthChecks lost = checksOf(QStringLiteral("health-broken-by-hand"));
        for (HealthCheck& check : lost)
            if (check.name == QLatin1String("nodes-reachable"))
                check.result = CheckResult::Failing;
        QVERIFY(healthEvents(known, lost, QStringLiteral("testbed"), at).empty());
        // Repaired: each is ok again, once.
        events = healthEvents(known, checksOf(QStringLiteral("health-ok")),
                              QStringLiteral("testbed"), at);
        QCOMPARE(events.size(), size_t(4));
        for (const MonitorEvent& event : events)
            QCOMPARE(event.severity, Health::Ok);
        QVERIFY(events.front().text.startsWith(
            QStringLiteral("Health check replication-acl is ok again")));
        const QJsonObject json = toJson(events.front());
        QCOMPARE(json.value(QStringLiteral("event")).toString(), QStringLiteral("check-changed"));
        QCOMPARE(json.value(QStringLiteral("check")).toString(), QStringLiteral("replication-acl"));
    }

    void theMonitorChecksAfterFullProbesAndNotWhilePaused() {
        const auto text = probeText;
        const QString broken = QStringLiteral("health-broken-by-hand");
        ScriptedNode primary(text(broken, QStringLiteral("primary")),
                             text(broken, QStringLiteral("primary")));
        ScriptedNode secondary(text(broken, QStringLiteral("secondary")),
                               text(broken, QStringLiteral("secondary")));
        const NodeProbe brokenPrimary = probeOf(probeText(broken, QStringLiteral("primary")));
        const PairIntent intent = testbedIntent(&*brokenPrimary.state);
        PairMonitor monitor(intent.layout, primary, secondary, quietTiming());
        monitor.setHealthIntent(intent);
        QSignalSpy events(&monitor, &PairMonitor::eventRaised);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(primary.fullRequests + secondary.fullRequests, 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.healthChecks().empty(), 5000);
        QCOMPARE(kinds(events).count(QStringLiteral("check-changed")), 4);
        QCOMPARE(findCheck(monitor.healthChecks(), QStringLiteral("nodes-clock"))->result,
                 CheckResult::Ok); // both clocks carried to one moment
        // Paused (a plan of this process runs): the repaired pair is no news yet.
        monitor.setHealthPaused(true);
        for (ScriptedNode* node : {&primary, &secondary}) {
            const QString name =
                node == &primary ? QStringLiteral("primary") : QStringLiteral("secondary");
            node->setFull(text(QStringLiteral("health-ok"), name));
            node->setWatch(text(QStringLiteral("health-ok"), name));
        }
        events.clear();
        monitor.requestFullProbe();
        refreshBoth(monitor);
        QCOMPARE(kinds(events).count(QStringLiteral("check-changed")), 0);
        // Resumed: the next full probe checks, and tells each check ok again.
        monitor.setHealthPaused(false);
        refreshBoth(monitor);
        QCOMPARE(kinds(events).count(QStringLiteral("check-changed")), 4);
        QCOMPARE(worstResult(monitor.healthChecks()), CheckResult::Ok);
    }

    void aPairNotBuiltYetIsNotChecked() {
        ScriptedNode primary(probeText(QStringLiteral("blank"), QStringLiteral("primary")),
                             probeText(QStringLiteral("blank"), QStringLiteral("primary")));
        ScriptedNode secondary(probeText(QStringLiteral("blank"), QStringLiteral("secondary")),
                               probeText(QStringLiteral("blank"), QStringLiteral("secondary")));
        PairMonitor monitor(testbedLayout(), primary, secondary, quietTiming());
        monitor.setHealthIntent(testbedIntent());
        QSignalSpy events(&monitor, &PairMonitor::eventRaised);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(primary.fullRequests + secondary.fullRequests, 2, 5000);
        refreshBoth(monitor);
        QVERIFY(monitor.healthChecks().empty());
        QCOMPARE(kinds(events).count(QStringLiteral("check-changed")), 0);
    }

    void watchReadsTheAddresses() {
        // The watch script's sections, cut from a live full probe of the same commands.
        const QString probe =
            fixture(QStringLiteral("testbed-live/probe/front-address/primary.probe.txt"));
        QString watch;
        for (const QString& name :
             {QStringLiteral("hostname"), QStringLiteral("mdstat"), QStringLiteral("md-sysfs"),
              QStringLiteral("iscsi-sessions"), QStringLiteral("addresses")}) {
            const qsizetype begin = probe.indexOf(QStringLiteral("@@nr1 begin %1\n").arg(name));
            const QString end = QStringLiteral("@@nr1 end %1 ").arg(name);
            const qsizetype stop = probe.indexOf(end, begin);
            QVERIFY(begin >= 0 && stop > begin);
            watch += probe.mid(begin, probe.indexOf(QLatin1Char('\n'), stop) + 1 - begin);
        }
        const NodeState watched = parsedCapture(watch, ProbeScope::Watch);
        QCOMPARE(watched.interfaceHolding(QStringLiteral("10.0.2.100/24")), QStringLiteral("eth0"));
        // Laid over a full probe taken before the address came up, the watch's addresses win.
        NodeState before = parsedCapture(
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
            ProbeScope::Full);
        QCOMPARE(overlayWatchedFacts(before, watched).ipv4Addresses, watched.ipv4Addresses);
        QVERIFY(nodeProbeCommand(ProbeScope::Watch)
                    .argv.last()
                    .contains(QStringLiteral("ip -o -4 addr show")));
        // A node without `ip` (exit 127) still answers, with no addresses.
        const QString noIp = watch.left(watch.indexOf(QStringLiteral("@@nr1 begin addresses"))) +
                             QStringLiteral("@@nr1 begin addresses\nsh: 1: ip: not found\n\n"
                                            "@@nr1 end addresses 127\n");
        const auto parsed = parseNodeProbe(noIp, ProbeScope::Watch);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QVERIFY(parsed.value().ipv4Addresses.isEmpty());
        QVERIFY(!parsed.value().mdstat.arrays.empty());
    }

    void unreachableNodeShowsLastKnownAsStale() {
        const NodeState primary = parsedCapture(
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
            ProbeScope::Full);
        const PairSnapshot before =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(NodeState{}), nullptr);
        NodeReading gone;
        gone.target = QStringLiteral("root@node");
        gone.error = QStringLiteral("not reachable: timed out");
        const PairSnapshot after =
            buildPairSnapshot(testbedLayout(), gone, answering(NodeState{}), &before);
        QVERIFY(!after.primary.reachable);
        const ArrayView* md0 = after.pairArray();
        QVERIFY(md0 && md0->stale);
        QCOMPARE(md0->health, Health::Unknown);
        QCOMPARE(after.replication, before.replication); // last known
        QCOMPARE(after.exports, before.exports);
        // A probe that connected but did not finish says so, not "unreachable".
        CommandResult timedOut;
        timedOut.status = CommandStatus::TimedOut;
        QVERIFY(nodeProbeFromResult(timedOut, ProbeScope::Watch)
                    .error.startsWith(QStringLiteral("no answer in time: ")));
        CommandResult refused;
        refused.status = CommandStatus::ConnectionFailed;
        QVERIFY(nodeProbeFromResult(refused, ProbeScope::Watch)
                    .error.startsWith(QStringLiteral("not reachable: ")));
        const auto events = eventsBetween(&before, after, QDateTime::currentDateTimeUtc());
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front().kind, MonitorEventKind::NodeUnreachable);
        QVERIFY(events.front().text.contains(QStringLiteral("timed out")));
        QCOMPARE(after.overallHealth(), Health::Unknown);
    }

    // The real sequence of the testbed (resync, Secondary killed during writes, rebooted, the
    // leg re-added, recovery, clean) through the engine: the events an administrator expects.
    void failureAndRecoverySequenceRaisesEvents() {
        ScriptedPair pair(QStringLiteral("resync"));
        ScriptedNode& primary = pair.primary;
        PairMonitor& monitor = pair.monitor;
        QSignalSpy events(&monitor, &PairMonitor::eventRaised);
        QSignalSpy changes(&monitor, &PairMonitor::snapshotChanged);
        QSignalSpy refreshed(&monitor, &PairMonitor::refreshed);
        monitor.start();
        QTRY_COMPARE(refreshed.count(), 2);
        QCOMPARE(kinds(events), QStringList{QStringLiteral("sync-started:resync")});
        QCOMPARE(primary.fullRequests, 1);

        auto showWatch = [&](const QString& watch, QStringList expected) {
            events.clear();
            primary.setWatch(watch);
            refreshBoth(monitor);
            QCOMPARE(kinds(events), expected);
        };
        auto step = [&](const char* state, QStringList expected) {
            showWatch(watchCapture(QString::fromLatin1(state), QStringLiteral("primary.watch.txt")),
                      std::move(expected));
        };
        // The resync moving on: progress, no event.
        const QString resync =
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.watch.txt"));
        showWatch(QString(resync).replace(QStringLiteral("27.1% (284416/1046528)"),
                                          QStringLiteral("61.3% (641536/1046528)")),
                  {});
        QCOMPARE(monitor.snapshot().pairArray()->sync->doneSectors, qint64(641536) * 2);
        step("clean", {QStringLiteral("sync-finished:resync")});
        step("degraded", {QStringLiteral("session-lost"), QStringLiteral("degraded"),
                          QStringLiteral("member-faulty")});
        step("faulty-after-reboot", {QStringLiteral("session-back")});
        // Between `mdadm --remove` and `--add`: the faulty capture without the remote member
        // (derived here; md lists no sda and has no dev-sda folder any more).
        QString removed = watchCapture(QStringLiteral("faulty-after-reboot"),
                                       QStringLiteral("primary.watch.txt"));
        removed.replace(QStringLiteral("md0 : active raid1 sda[1](W)(F) dm-0[0]"),
                        QStringLiteral("md0 : active raid1 dm-0[0]"));
        removed.remove(QRegularExpression(QStringLiteral("/sys/block/md0/md/dev-sda/[^\n]*\n")));
        showWatch(removed, {QStringLiteral("member-removed")});
        QCOMPARE(monitor.snapshot().pairArray()->members.size(), size_t(1));
        QCOMPARE(monitor.snapshot().pairArray()->state, QStringLiteral("degraded"));
        step("recovery", {QStringLiteral("member-added"), QStringLiteral("sync-started:recovery")});
        step("clean", {QStringLiteral("whole"), QStringLiteral("sync-finished:recovery")});
        // After events the next refresh reads everything again; otherwise only the watch.
        QVERIFY(primary.fullRequests >= 6);
        const int watches = primary.watchRequests;
        const int fulls = primary.fullRequests;
        refreshBoth(monitor); // the full read after the last event
        refreshBoth(monitor);
        QCOMPARE(primary.fullRequests, fulls + 1);
        QCOMPARE(primary.watchRequests, watches + 1);
        const MonitorEvent last = events.last().at(0).value<MonitorEvent>();
        QCOMPARE(last.array, QStringLiteral("md0"));
        QCOMPARE(last.node, QStringLiteral("primary"));
        QCOMPARE(last.pair, QStringLiteral("testbed"));
        QCOMPARE(toJson(last).value(QStringLiteral("event")).toString(),
                 QStringLiteral("sync-finished"));
        QVERIFY(monitor.history().samples(QStringLiteral("primary/md0")).size() >= 7);
    }

    void unchangedStateIsNotEmittedAgain() {
        ScriptedPair pair(QStringLiteral("clean"));
        PairMonitor& monitor = pair.monitor;
        QSignalSpy changes(&monitor, &PairMonitor::snapshotChanged);
        QSignalSpy refreshed(&monitor, &PairMonitor::refreshed);
        monitor.start();
        QTRY_COMPARE(refreshed.count(), 2);
        QCOMPARE(changes.count(), 2); // one per node's first answer
        refreshBoth(monitor);
        refreshBoth(monitor);
        QCOMPARE(changes.count(), 2);
        QCOMPARE(monitor.snapshot().pairArray()->state, QStringLiteral("in sync"));
        QCOMPARE(monitor.snapshot().pairArray()->health, Health::Ok);
    }

    void oneNodesNewsDoesNotWaitForTheOther() {
        ScriptedPair pair(QStringLiteral("clean"));
        ScriptedNode& secondary = pair.secondary;
        PairMonitor& monitor = pair.monitor;
        secondary.setHolding(true); // its first answer takes long
        QSignalSpy events(&monitor, &PairMonitor::eventRaised);
        QSignalSpy changes(&monitor, &PairMonitor::snapshotChanged);
        monitor.start();
        QTRY_COMPARE(changes.count(), 1);
        const PairSnapshot& first = monitor.snapshot();
        QVERIFY(first.primary.reachable);
        QCOMPARE(first.pairArray()->state, QStringLiteral("in sync"));
        QVERIFY(!first.secondary.answered && first.secondary.error.isEmpty()); // connecting
        QVERIFY(events.isEmpty()); // connecting is not "unreachable"
        secondary.release();
        QTRY_COMPARE(changes.count(), 2);
        QVERIFY(monitor.snapshot().secondary.reachable);
        QVERIFY(events.isEmpty()); // nor is its first answer "back"
    }

    void supersededAnswerIsDropped() {
        ScriptedPair pair(QStringLiteral("clean"));
        ScriptedNode& primary = pair.primary;
        PairMonitor& monitor = pair.monitor;
        QSignalSpy refreshed(&monitor, &PairMonitor::refreshed);
        monitor.start();
        QTRY_COMPARE(refreshed.count(), 2);
        // A refresh asked while one is on its way: the older answer says "degraded", the newer
        // one "clean"; the older must not show, even when it arrives last.
        primary.setHolding(true);
        primary.setWatch(
            watchCapture(QStringLiteral("degraded"), QStringLiteral("primary.watch.txt")));
        monitor.refreshSoon();
        QTRY_COMPARE(refreshed.count(), 3); // the Secondary answered, the Primary holds
        primary.setHolding(false);
        primary.setWatch(
            watchCapture(QStringLiteral("clean"), QStringLiteral("primary.watch.txt")));
        monitor.refreshSoon();
        QTRY_COMPARE(refreshed.count(), 5);
        primary.release(); // the superseded "degraded" answer comes late
        QTest::qWait(20);
        QCOMPARE(refreshed.count(), 5);
        QCOMPARE(monitor.counters().dropped, quint64(1));
        QCOMPARE(monitor.snapshot().pairArray()->state, QStringLiteral("in sync"));
    }

    void unreachableThenBack() {
        ScriptedPair pair(QStringLiteral("clean"));
        ScriptedNode& secondary = pair.secondary;
        PairMonitor& monitor = pair.monitor;
        QSignalSpy events(&monitor, &PairMonitor::eventRaised);
        QSignalSpy refreshed(&monitor, &PairMonitor::refreshed);
        monitor.start();
        QTRY_COMPARE(refreshed.count(), 2);
        secondary.setReachable(false);
        refreshBoth(monitor);
        QCOMPARE(kinds(events), QStringList{QStringLiteral("node-unreachable")});
        QVERIFY(!monitor.snapshot().secondary.reachable);
        QVERIFY(monitor.snapshot().secondary.error.contains(QStringLiteral("Connection refused")));
        const int fullBefore = secondary.fullRequests;
        secondary.setReachable(true);
        events.clear();
        refreshBoth(monitor);
        QCOMPARE(kinds(events), QStringList{QStringLiteral("node-back")});
        QCOMPARE(secondary.fullRequests, fullBefore + 1); // it may have rebooted: read it all
    }

    void historyIsBounded() {
        const NodeState primary = parsedCapture(
            watchCapture(QStringLiteral("resync"), QStringLiteral("primary.probe.txt")),
            ProbeScope::Full);
        PairSnapshot snapshot =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(NodeState{}), nullptr);
        SyncHistory history(5);
        for (int i = 0; i < 12; ++i)
            history.record(snapshot, i * 1000);
        const auto& samples = history.samples(QStringLiteral("primary/md0"));
        QCOMPARE(samples.size(), size_t(5));
        QCOMPARE(samples.front().msSinceStart, qint64(7000));
        QVERIFY(samples.back().syncing);
        QVERIFY(samples.back().speedKiBps > 0);
        snapshot.arrays.clear();
        history.record(snapshot, 13000);
        QVERIFY(history.samples(QStringLiteral("primary/md0")).empty());
    }

    void textForPeople() {
        QCOMPARE(formatSpeed(3053), QStringLiteral("3.1 MB/s"));
        QCOMPARE(formatSpeed(500), QStringLiteral("512 KB/s"));
        QCOMPARE(formatSpeed(2000000), QStringLiteral("2.0 GB/s"));
        QCOMPARE(formatDuration(45), QStringLiteral("45s"));
        QCOMPARE(formatDuration(250), QStringLiteral("4m10s"));
        QCOMPARE(formatDuration(7500), QStringLiteral("2h05m"));
        QCOMPARE(formatDuration(3 * 86400 + 4 * 3600), QStringLiteral("3d04h"));
        SyncView sync;
        sync.action = QStringLiteral("recovery");
        sync.percent = 34.54;
        sync.speedKiBps = 3053;
        sync.etaSeconds = 250;
        QCOMPARE(syncLine(sync), QStringLiteral("recovery 34.5% at 3.1 MB/s, 4m10s left"));
    }
};

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
