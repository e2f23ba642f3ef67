// The monitoring pane offscreen, fed with snapshots built from the live testbed captures
// (tests/fixtures/testbed-live/watch/): what each widget says during a resync, when the remote
// leg is faulty, while a node does not answer, and in the event list.

#include "ArrayCard.h"
#include "HealthStyle.h"
#include "MonitorPane.h"
#include "PairPanel.h"
#include "SpeedChart.h"
#include "WatchFixtures.h"
#include "inventory/Inventory.h"
#include "monitor/MonitorEvents.h"
#include "plan/PairIntent.h"
#include "probe/ProbeScript.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace nr1;

namespace {

NodeState captured(const char* state, const char* file, ProbeScope scope) {
    return parsedCapture(watchCapture(QString::fromLatin1(state), QString::fromLatin1(file)),
                         scope);
}

QStringList row(const QTableWidget* table, int row) {
    QStringList cells;
    for (int column = 0; column < table->columnCount(); ++column)
        cells << table->item(row, column)->text();
    return cells;
}

} // namespace

class TestMonitorPane : public QObject {
    Q_OBJECT

private slots:
    void resyncIsShownWithProgressMembersAndExports() {
        const NodeState primary = captured("resync", "primary.probe.txt", ProbeScope::Full);
        const NodeState secondary = captured("resync", "secondary.probe.txt", ProbeScope::Full);
        const QString mdstat =
            probeSectionText(fixture(QStringLiteral("testbed-live/watch/resync/primary.probe.txt")),
                             QStringLiteral("mdstat"));
        const PairSnapshot snapshot = buildPairSnapshot(testbedLayout(), answering(primary, mdstat),
                                                        answering(secondary), nullptr);
        SyncHistory history;
        history.record(snapshot, 0);
        history.record(snapshot, 1000);
        MonitorPane pane;
        pane.resize(1000, 800);
        pane.showSnapshot(snapshot, history);
        pane.show();
        PairPanel* panel = pane.panel(QStringLiteral("testbed"));
        QVERIFY(panel);
        QCOMPARE(panel->healthText(), QStringLiteral("testbed: working"));
        QCOMPARE(panel->nodeText(NodeRole::Primary),
                 QStringLiteral("primary root@127.0.0.1:2222 (primary): answering"));
        QVERIFY(panel->sessionText().contains(QStringLiteral(": logged in")));
        QVERIFY(panel->sessionText().contains(QStringLiteral("imported as sda")));
        QCOMPARE(panel->cardCount(), 1);
        ArrayCard* card = panel->card(QStringLiteral("primary/md0"));
        QVERIFY(card);
        QCOMPARE(card->stateText(), QStringLiteral("resyncing"));
        QVERIFY(card->title().startsWith(QStringLiteral("md0 on the primary · raid1 · ")));
        QVERIFY(card->progress()->isVisible());
        const SyncView& sync = *snapshot.pairArray()->sync;
        QCOMPARE(card->progress()->value(), int(sync.percent * 10));
        QVERIFY(card->progress()->format().startsWith(QStringLiteral("resync ")));
        QVERIFY(card->progress()->format().contains(QStringLiteral(" left")));
        QCOMPARE(row(card->members(), 0),
                 (QStringList{QStringLiteral("dm-0"), QStringLiteral("primary"),
                              QStringLiteral("local element"), QStringLiteral("0"),
                              QStringLiteral("in sync")}));
        QCOMPARE(row(card->members(), 1),
                 (QStringList{QStringLiteral("sda"), QStringLiteral("secondary"),
                              QStringLiteral("remote element"), QStringLiteral("1"),
                              QStringLiteral("write-mostly")}));
        QCOMPARE(card->bitmapText(), QStringLiteral("bitmap: 1/1 pages [4KB], 65536KB chunk"));
        QCOMPARE(card->chart()->samples().size(), size_t(2));
        QCOMPARE(panel->exports()->topLevelItemCount(), 2);
        QCOMPARE(panel->rawMdstat(NodeRole::Primary), mdstat);
        QVERIFY(panel->rawMdstat(NodeRole::Primary).contains(QStringLiteral("resync =")));
        QCOMPARE(pane.pairTabs()->tabToolTip(0), QStringLiteral("testbed: working"));
        QCOMPARE(panel->servingText(), QStringLiteral("LUN served by the primary."));
    }

    void bothNodesServingIsSaidInRed() {
        const NodeState primary = captured("resync", "primary.probe.txt", ProbeScope::Full);
        // The Secondary exports the front-end LUN as well: a split brain.
        const NodeState secondary =
            alsoServing(captured("resync", "secondary.probe.txt", ProbeScope::Full), primary);
        const PairSnapshot snapshot =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(secondary), nullptr);
        SyncHistory history;
        MonitorPane pane;
        pane.resize(1000, 800);
        pane.showSnapshot(snapshot, history);
        pane.show();
        PairPanel* panel = pane.panel(QStringLiteral("testbed"));
        QVERIFY(panel);
        QCOMPARE(panel->servingText(), QStringLiteral("LUN served by BOTH nodes: split brain."));
        QCOMPARE(panel->inSyncText(), // resyncing since before the first look
                 QStringLiteral("Both legs not seen in sync since the monitor started."));

        QCOMPARE(panel->healthText(), QStringLiteral("testbed: critical"));
        QCOMPARE(pane.pairTabs()->tabToolTip(0), QStringLiteral("testbed: critical"));
    }

    void theFirstPairGetsTheRoomWhenThePaneWasShownEmpty() {
        // The console opens without an inventory; a pair added later must not be squeezed
        // under the event list the empty pane was laid out for.
        MonitorPane pane;
        pane.resize(1000, 800);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        const NodeState primary = captured("resync", "primary.probe.txt", ProbeScope::Full);
        const NodeState secondary = captured("resync", "secondary.probe.txt", ProbeScope::Full);
        const PairSnapshot snapshot =
            buildPairSnapshot(testbedLayout(), answering(primary), answering(secondary), nullptr);
        pane.showSnapshot(snapshot, SyncHistory());
        const QList<int> sizes = pane.findChild<QSplitter*>()->sizes();
        QVERIFY2(sizes.value(0) > 3 * sizes.value(1),
                 qPrintable(QStringLiteral("%1 / %2").arg(sizes.value(0)).arg(sizes.value(1))));
    }

    void faultyRemoteLegAndUnreachableNode() {
        const NodeState full = captured("resync", "primary.probe.txt", ProbeScope::Full);
        const NodeState degraded =
            overlayWatchedFacts(full, captured("degraded", "primary.watch.txt", ProbeScope::Watch));
        const PairSnapshot before = buildPairSnapshot(testbedLayout(), answering(degraded),
                                                      answering(NodeState{}), nullptr);
        NodeReading down;
        down.target = QStringLiteral("root@127.0.0.1:2223");
        down.error = QStringLiteral("not reachable: timed out after 10 s");
        const PairSnapshot snapshot =
            buildPairSnapshot(testbedLayout(), answering(degraded), down, &before);
        MonitorPane pane;
        SyncHistory history;
        pane.showSnapshot(snapshot, history);
        PairPanel* panel = pane.panel(QStringLiteral("testbed"));
        QCOMPARE(panel->healthText(), QStringLiteral("testbed: critical"));
        QCOMPARE(panel->nodeText(NodeRole::Secondary),
                 QStringLiteral("secondary root@127.0.0.1:2223: NOT ANSWERING — not reachable: "
                                "timed out after 10 s"));
        ArrayCard* card = panel->card(QStringLiteral("primary/md0"));
        QCOMPARE(card->stateText(), QStringLiteral("degraded"));
        QVERIFY(!card->progress()->isVisibleTo(card));
        QCOMPARE(row(card->members(), 1).at(4), QStringLiteral("write-mostly, faulty"));
        QVERIFY(panel->sessionText().contains(QStringLiteral("FREE, TRANSPORT WAIT")));
        QCOMPARE(panel->inSyncText(),
                 QStringLiteral("Both legs not seen in sync since the monitor started."));
        // The same node fenced by a takeover: said so, and a warning rather than an alarm.
        PairSnapshot fenced = snapshot;
        markFenced(fenced, {StandingFence{QStringLiteral("root@127.0.0.1:2223"),
                                          QStringLiteral("secondary"),
                                          QDateTime(QDate(2026, 12, 7), QTime(14, 3, 5), Qt::UTC),
                                          QStringLiteral("powered off by its fence command")}});
        pane.showSnapshot(fenced, history);
        QCOMPARE(panel->nodeText(NodeRole::Secondary),
                 QStringLiteral("secondary root@127.0.0.1:2223: fenced 2026-12-07 14:03:05 UTC "
                                "(powered off by its fence command); not answering — not "
                                "reachable: timed out after 10 s"));
        QCOMPARE(panel->nodeStyle(NodeRole::Secondary),
                 healthTextStyle(Health::Warning, panel->palette()));
        // The array gone (stopped): its card goes too.
        PairSnapshot stopped = snapshot;
        stopped.arrays.clear();
        pane.showSnapshot(stopped, history);
        QCOMPARE(panel->cardCount(), 0);
    }

    void eventsAreListedNewestFirstAndCriticalOnesCallForAttention() {
        MonitorPane pane;
        QSignalSpy attention(&pane, &MonitorPane::attention);
        MonitorEvent started;
        started.kind = MonitorEventKind::SyncStarted;
        started.pair = QStringLiteral("testbed");
        started.severity = Health::Working;
        started.text = QStringLiteral("md0 on the primary: recovery started");
        started.time = QDateTime::currentDateTimeUtc();
        MonitorEvent faulty = started;
        faulty.kind = MonitorEventKind::MemberFaulty;
        faulty.severity = Health::Critical;
        faulty.text = QStringLiteral("md0 on the primary: member sda (remote element) is faulty");
        pane.addEvent(started);
        pane.addEvent(faulty);
        QCOMPARE(pane.events()->topLevelItemCount(), 2);
        QCOMPARE(pane.events()->topLevelItem(0)->text(3), faulty.text);
        QCOMPARE(pane.events()->topLevelItem(0)->text(2), QStringLiteral("critical"));
        QCOMPARE(pane.events()->topLevelItem(1)->text(3), started.text);
        QCOMPARE(attention.count(), 1);
        for (int i = 0; i < 1100; ++i)
            pane.addEvent(started);
        QCOMPARE(pane.events()->topLevelItemCount(), 1000);
    }
};

QTEST_MAIN(TestMonitorPane)
#include "tst_monitor_pane.moc"
