// The takeover planner and the rejoin of the lost node (the repair's former-Primary stage), from
// live probe captures of the testbed to the expected commands, written by hand from the
// takeover notes (reference/takeover-notes.md: free the element, inspect the leg, assemble
// degraded with --run and never --force, serve the recorded identity), and their refusals.

#include "PairFixtures.h"
#include "TestSession.h"
#include "apply/Journal.h"
#include "apply/JournalText.h"
#include "base/NodeScript.h"
#include "base/RemoteShell.h"
#include "monitor/StandingFences.h"
#include "plan/PlanRecipe.h"
#include "plan/Planners.h"
#include "session/Fencing.h"
#include "session/PairSession.h"
#include "transport/ReplayRunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace nr1;

namespace {

const QString kSerial = QStringLiteral("d85e44cd-bed0-5cf3-a5e8-f760a3cdc8bb");
const QString kElementIqn = QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:testbed-element");
const QString kLunIqn = QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:testbed-lun");
const QString kSecondaryElement = QStringLiteral("/dev/LIO-NR1-Elements/NR1-Remote-Element");

/// The served pair right after its Primary was lost: the Secondary as captured while it
/// served its element, the Primary not read (an empty state stands for it).
PairState primaryLost(const PairIntent& intent) {
    PairState state = probedPair(QStringLiteral("served-with-identity"), intent);
    state.primary = NodeState{};
    return state;
}

} // namespace

class TestTakeover : public QObject {
    Q_OBJECT
private slots:
    void theSecondaryServesAloneWithTheRecordedIdentity() {
        const PairIntent intent = testbedIntent();
        const PlanResult result = planTakeover(primaryLost(intent), intent);
        QVERIFY2(result.ok(), qPrintable(result.why(QStringLiteral("\n"))));
        const Plan& plan = result.value();
        QCOMPARE(plan.kind, QStringLiteral("takeover"));
        QCOMPARE(plan.confirmationWord, QStringLiteral("testbed"));
        const QString lunTpg = QStringLiteral("/iscsi/%1/tpg1").arg(kLunIqn);
        compareRows(
            commandRows(plan),
            {
                // The element is freed: its export to the lost Primary goes.
                QStringLiteral("secondary: targetcli /iscsi delete ") + kElementIqn,
                QStringLiteral("secondary: targetcli /backstores/block delete "
                               "nr1-testbed-element"),
                QStringLiteral("secondary: targetcli saveconfig"),
                scriptRow(NodeRole::Secondary, NodeScript::MdLegCheck,
                          {kSecondaryElement, QStringLiteral("/etc/mdadm/mdadm.conf")}),
                // One leg: --run, never --force.
                QStringLiteral("secondary: mdadm --assemble /dev/md0 --run ") + kSecondaryElement,
                scriptRow(NodeRole::Secondary, NodeScript::MdWriteMostly,
                          {QStringLiteral("md0"), kSecondaryElement, QString()}),
                QStringLiteral("secondary: vgchange -ay LIO-NR1-VOL"),
                scriptRow(NodeRole::Secondary, NodeScript::MdadmIgnoreDrop,
                          {kSecondaryElement, QStringLiteral("/etc/mdadm/mdadm.conf")}),
                QStringLiteral("secondary: targetcli /backstores/block create name=nr1-testbed "
                               "dev=/dev/LIO-NR1-VOL/NR1-PRIMARY-VOL wwn=") +
                    kSerial,
                QStringLiteral("secondary: targetcli /iscsi create ") + kLunIqn,
                QStringLiteral("secondary: targetcli %1/luns create /backstores/block/nr1-testbed "
                               "lun=0")
                    .arg(lunTpg),
                QStringLiteral("secondary: targetcli %1/acls create "
                               "iqn.2024-01.test.host:libiscsi")
                    .arg(lunTpg),
                QStringLiteral("secondary: targetcli saveconfig"),
                scriptRow(NodeRole::Secondary, NodeScript::MdadmArrayLineAdd,
                          {QStringLiteral("/dev/md0"), QStringLiteral("/etc/mdadm/mdadm.conf")}),
                QStringLiteral("secondary: systemctl mask mdadm-last-resort@md0.timer "
                               "mdadm-last-resort@md0.service"),
                // (the capture predates nr1's boot gate)
                bootGateRow(NodeRole::Secondary),
                scriptRow(
                    NodeRole::Secondary, NodeScript::LioRestoreDropin,
                    {QStringLiteral("/etc/systemd/system/rtslib-fb-targetctl.service.d/"
                                    "nr1-testbed.conf"),
                     QStringLiteral("dev-LIO\\x2dNR1\\x2dVOL-NR1\\x2dPRIMARY\\x2dVOL.device")}),
                QStringLiteral("secondary: sync"),
            });
        // Nothing runs on the lost node, and the run needs only the Secondary.
        for (const Action& action : plan.actions)
            QCOMPARE(action.node, NodeRole::Secondary);
        QCOMPARE(lostNodeOf(plan.kind), std::optional<NodeRole>(NodeRole::Primary));
        QVERIFY(!anyContains(commandRows(plan), QStringLiteral("--force")));
    }

    void refusesWhatWouldServeTheWrongData_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("primary answers") << "answers"
                                         << "The Primary was read: it is not lost";
        QTest::newRow("no identity") << "identity"
                                     << "records no identity of the LUN";
        QTest::newRow("vg clash") << "vg"
                                  << "already has a volume group LIO-NR1-VOL";
        QTest::newRow("no element") << "element"
                                    << "has no element";
        QTest::newRow("chap without secret") << "chap"
                                             << "asks initiators for CHAP (user host1)";
    }

    void refusesWhatWouldServeTheWrongData() {
        QFETCH(QString, change);
        QFETCH(QString, reason);
        const PairIntent intent = testbedIntent();
        PairState state = primaryLost(intent);
        if (change == QLatin1String("answers"))
            state.primary =
                probedNode(QStringLiteral("served-with-identity"), QStringLiteral("primary"));
        else if (change == QLatin1String("identity"))
            state.secondary.lunIdentities.clear();
        else if (change == QLatin1String("vg")) {
            VolumeGroup clash;
            clash.name = QStringLiteral("LIO-NR1-VOL");
            state.secondary.lvm.vgs.push_back(clash);
        } else if (change == QLatin1String("element"))
            state.secondary.lvm.lvs.clear();
        else if (change == QLatin1String("chap"))
            state.secondary.lunIdentities.front().chapUser = QStringLiteral("host1");
        const PlanResult result = planTakeover(state, intent);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.reasons(), reason), qPrintable(result.why()));
    }

    void theLostNodeRejoinsThroughRepair() {
        // After the takeover the inventory names the old Secondary the Primary; the lost node,
        // back, still holds its old role's ARRAY line, front-end export and node record (as
        // the served capture's Primary does): the repair removes them before its element goes
        // back into the array.
        const PairIntent intent = swappedIntent(testbedIntent());
        PairState state = probedPair(QStringLiteral("switched-over"), intent);
        state.secondary =
            probedNode(QStringLiteral("served-with-identity"), QStringLiteral("primary"));
        state.secondary.mdstat.arrays.clear();
        state.secondary.mdSysfs.clear();
        const PlanResult result = planRepair(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        const QStringList rows = commandRows(result.value());
        QCOMPARE(rows.at(0),
                 QStringLiteral("secondary: sed -i '\\|^ARRAY /dev/md0 |d' /etc/mdadm/mdadm.conf"));
        QCOMPARE(rows.at(1), QStringLiteral("secondary: targetcli /iscsi delete ") + kLunIqn);
        QVERIFY2(rows.contains(scriptRow(NodeRole::Secondary, NodeScript::IscsiForget,
                                         {kElementIqn, QStringLiteral("10.99.0.2:3260")})),
                 qPrintable(rows.join(u'\n')));
        const QString dropRow =
            scriptRow(NodeRole::Secondary, NodeScript::IscsiRecordDrop, {kElementIqn});
        QVERIFY(!rows.contains(dropRow));

        // The fence's power loss emptied that record (as in the record-unreadable capture):
        // iscsiadm no longer sees it, so the forget step cannot; the file is removed instead.
        state.secondary.iscsiNodes.clear();
        state.secondary.brokenIscsiRecords =
            probedNode(QStringLiteral("record-unreadable"), QStringLiteral("primary"))
                .brokenIscsiRecords;
        QVERIFY(!state.secondary.brokenIscsiRecordsOf(kElementIqn).isEmpty());
        const PlanResult emptied = planRepair(state, intent);
        QVERIFY2(emptied.ok(), qPrintable(emptied.why()));
        const QStringList after = commandRows(emptied.value());
        QVERIFY2(after.contains(dropRow), qPrintable(after.join(u'\n')));
        QVERIFY(!after.contains(scriptRow(NodeRole::Secondary, NodeScript::IscsiForget,
                                          {kElementIqn, QStringLiteral("10.99.0.2:3260")})));
    }

    void aTakeoverIsPlannedOnlyWhileThePrimaryIsNotReached() {
        QTemporaryDir folder;
        ReplayRunner primary;
        ReplayRunner secondary;
        PairSession session(testbedPair(), primary, secondary,
                            folder.filePath(QStringLiteral("journal.jsonl")));
        const PairLayout layout = testbedIntent().layout;
        PairProbe probe;
        probe.primary.error = QStringLiteral("not reachable: connection refused");
        probe.secondary.state =
            probedNode(QStringLiteral("served-with-identity"), QStringLiteral("secondary"));
        probe.secondary.reached = true;
        const auto state = session.planState(QStringLiteral("takeover"), probe, layout);
        QVERIFY2(state.ok(), qPrintable(state.why()));
        QVERIFY(state.value().primary == NodeState{});
        QCOMPARE(state.value().secondary, *probe.secondary.state);
        // Every other plan needs both nodes.
        QVERIFY(!session.planState(QStringLiteral("repair"), probe, layout).ok());
        // A Primary that ran the probe is up, whatever its answer: never taken over from.
        probe.primary.reached = true;
        probe.primary.error = QStringLiteral("the probe failed (exit 1)");
        const auto answered = session.planState(QStringLiteral("takeover"), probe, layout);
        QVERIFY(!answered.ok());
        QVERIFY2(answered.why().contains(QStringLiteral("answers over SSH")),
                 qPrintable(answered.why()));
    }

    void applyLocksAndReadsTheSecondaryAlone_data() {
        QTest::addColumn<bool>("primaryAnswers");
        QTest::newRow("primary down") << false;
        QTest::newRow("primary answers") << true;
    }

    void applyLocksAndReadsTheSecondaryAlone() {
        // The Secondary's lock is taken (the Primary is not asked), and given back on a refusal.
        QFETCH(bool, primaryAnswers);
        const PairIntent intent = testbedIntent();
        const PlanResult confirmed = planTakeover(primaryLost(intent), intent);
        QVERIFY(confirmed.ok());
        const QString capture = QStringLiteral("served-with-identity");
        const LostNodeStart start = startWithNodeLost(
            NodeRole::Primary,
            primaryAnswers ? probeCapture(capture, QStringLiteral("primary")) : QByteArray(),
            probeCapture(capture, QStringLiteral("secondary")), confirmed.value(),
            PlanRecipe{QStringLiteral("takeover"), intent, {}, {}});
        if (primaryAnswers) {
            QVERIFY(start.refusal);
            QVERIFY2(start.refusal->contains(QStringLiteral("answers over SSH")),
                     qPrintable(*start.refusal));
            QVERIFY(!start.lockHeld);
        } else {
            QVERIFY2(start.ready, qPrintable(start.refusal.value_or(QString())));
            QVERIFY(start.ready->primary == NodeState{});
            QVERIFY(start.lockHeld);
        }
    }

    void theFenceCommandRunsHereAndOnlyItsResultIsJournaled_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("limitSeconds");
        QTest::addColumn<QString>("failure");
        QTest::newRow("confirmed off") << "test BMC-SECRET = BMC-SECRET" << 10 << "";
        QTest::newRow("agent fails") << "echo 'BMC-SECRET: status ON' >&2; exit 3" << 10
                                     << "failed (exit 3): BMC-SECRET: status ON";
        QTest::newRow("hangs") << "sleep 30 # BMC-SECRET" << 1 << "did not end in time";
        QTest::newRow("none") << "" << 10 << "no fence_command";
    }

    void theFenceCommandRunsHereAndOnlyItsResultIsJournaled() {
        QFETCH(QString, command);
        QFETCH(int, limitSeconds);
        QFETCH(QString, failure);
        QTemporaryDir folder;
        const QString journal = folder.filePath(QStringLiteral("journal.jsonl"));
        ReplayRunner primary;
        ReplayRunner secondary;
        InventoryPair pair = testbedPair();
        pair.primary.fenceCommand = command;
        PairSession session(pair, primary, secondary, journal);
        Fencing fencing(session, NodeRole::Primary);
        QCOMPARE(fencing.hasFenceCommand(), !command.isEmpty());
        std::optional<Result<void>> result;
        fencing.fence([&result](const Result<void>& fenced) { result = fenced; },
                      std::chrono::seconds(limitSeconds));
        QVERIFY(!result); // never from inside the call
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        if (failure.isEmpty()) {
            QVERIFY2(result->ok(), qPrintable(result->why()));
        } else {
            QVERIFY(!result->ok());
            QVERIFY2(result->why().contains(failure), qPrintable(result->why()));
        }
        if (command.isEmpty())
            return;
        // The journal has the result; the command line itself (a BMC password) never.
        QFile file(journal);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains(failure.isEmpty() ? "\"fenced\":true" : "\"fenced\":false"));
        QVERIFY(!text.contains("test BMC-SECRET") && !text.contains("sleep 30"));
        // As `nr1ctl journal` and the journal view say it.
        const auto read = Journal::read(journal);
        QVERIFY(read.ok());
        QStringList summaries;
        for (const QJsonObject& entry : read.value().entries) {
            summaries << journalEntrySummary(entry);
            // The node as nr1 reaches it: roles swap with the takeover, the target stays.
            QCOMPARE(entry.value(QStringLiteral("target")).toString(), primary.describeTarget());
        }
        QCOMPARE(standingFences(read.value().entries).size(), size_t(failure.isEmpty() ? 1 : 0));
        QVERIFY2(summaries.contains(QStringLiteral("fence primary: its fence command started")),
                 qPrintable(summaries.join(u'\n')));
        if (failure.isEmpty())
            QVERIFY2(summaries.contains(QStringLiteral(
                         "fence primary: off, confirmed by its fence command (exit 0)")),
                     qPrintable(summaries.join(u'\n')));
        else
            QVERIFY2(anyContains(summaries, QStringLiteral("fence primary: FAILED (")),
                     qPrintable(summaries.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTakeover)
#include "tst_takeover.moc"
