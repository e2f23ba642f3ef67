// The switchover planner from live probe captures of the testbed to the expected commands,
// written by hand from the takeover notes (reference/takeover-notes.md: stop cleanly on one
// node, assemble both legs on the other, move write-mostly, serve the same LUN identity,
// move the boot configuration), and its refusals.

#include "PairFixtures.h"
#include "base/NodeScript.h"
#include "base/RemoteShell.h"
#include "plan/Planners.h"

#include <QtTest>

using namespace nr1;

namespace {

const QString kSerial = QStringLiteral("d85e44cd-bed0-5cf3-a5e8-f760a3cdc8bb");
const QString kElementIqn = QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:testbed-element");
const QString kLunIqn = QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:testbed-lun");
/// The Primary's element as the Secondary imports it after the switch.
const QString kPrimaryElementImported =
    QStringLiteral("/dev/disk/by-path/ip-10.99.0.1:3260-iscsi-%1-lun-0").arg(kElementIqn);
const QString kPrimaryElement = QStringLiteral("/dev/LIO-NR1-Elements/NR1-Local-Element");
const QString kSecondaryElement = QStringLiteral("/dev/LIO-NR1-Elements/NR1-Remote-Element");

QString dropinRow(NodeRole node, const QString& unit) {
    return scriptRow(
        node, NodeScript::LioRestoreDropin,
        {QStringLiteral("/etc/systemd/system/rtslib-fb-targetctl.service.d/nr1-testbed.conf"),
         unit});
}

/// The served pair (create-pair ran, the identity recorded on both nodes, md0 in sync).
PairState servedPair(const PairIntent& intent) {
    return probedPair(QStringLiteral("served-with-identity"), intent);
}

} // namespace

class TestSwitchover : public QObject {
    Q_OBJECT
private slots:
    void aServedPairMovesToTheSecondary() {
        const PairIntent intent = testbedIntent();
        const PlanResult result = planSwitchover(servedPair(intent), intent);
        QVERIFY2(result.ok(), qPrintable(result.why(QStringLiteral("\n"))));
        const Plan& plan = result.value();
        QCOMPARE(plan.kind, QStringLiteral("switchover"));
        QCOMPARE(plan.confirmationWord, QStringLiteral("testbed"));
        const QString oldNode =
            QStringLiteral("primary: iscsiadm -m node -T %1 -p 10.99.0.2:3260").arg(kElementIqn);
        const QString newNode =
            QStringLiteral("secondary: iscsiadm -m node -T %1 -p 10.99.0.1:3260").arg(kElementIqn);
        const QString elementTpg = QStringLiteral("/iscsi/%1/tpg1").arg(kElementIqn);
        const QString lunTpg = QStringLiteral("/iscsi/%1/tpg1").arg(kLunIqn);
        compareRows(
            commandRows(plan),
            {
                // The Primary stops serving, cleanly, and lets go of the replication link.
                scriptRow(NodeRole::Primary, NodeScript::MdWholeIdle, {QStringLiteral("md0")}),
                QStringLiteral("primary: targetcli /iscsi delete ") + kLunIqn,
                QStringLiteral("primary: targetcli /backstores/block delete nr1-testbed"),
                QStringLiteral("primary: targetcli saveconfig"),
                QStringLiteral("primary: vgchange -an LIO-NR1-VOL"),
                QStringLiteral("primary: mdadm --stop /dev/md0"),
                QStringLiteral("primary: sed -i '\\|^ARRAY /dev/md0 |d' /etc/mdadm/mdadm.conf"),
                oldNode + QStringLiteral(" --logout"),
                oldNode + QStringLiteral(" -o delete"),
                QStringLiteral("secondary: targetcli /iscsi delete ") + kElementIqn,
                QStringLiteral("secondary: targetcli /backstores/block delete "
                               "nr1-testbed-element"),
                QStringLiteral("secondary: targetcli saveconfig"),
                // The old Primary exports its element to the Secondary's initiator only, on
                // its own replication address.
                QStringLiteral("primary: targetcli /backstores/block create "
                               "name=nr1-testbed-element dev=") +
                    kPrimaryElement,
                QStringLiteral("primary: targetcli /iscsi create ") + kElementIqn,
                QStringLiteral("primary: targetcli %1/portals delete 0.0.0.0 3260").arg(elementTpg),
                QStringLiteral("primary: targetcli %1/portals create 10.99.0.1 3260")
                    .arg(elementTpg),
                QStringLiteral("primary: targetcli %1/luns create "
                               "/backstores/block/nr1-testbed-element lun=0")
                    .arg(elementTpg),
                QStringLiteral("primary: targetcli %1/acls create "
                               "iqn.2024-01.test.testbed:secondary")
                    .arg(elementTpg),
                QStringLiteral("primary: targetcli saveconfig"),
                // The Secondary imports it.
                QStringLiteral("secondary: iscsiadm -m discovery -t sendtargets -p "
                               "10.99.0.1:3260"),
                newNode +
                    QStringLiteral(" -o update -n node.session.timeo.replacement_timeout -v 15"),
                newNode + QStringLiteral(" -o update -n node.startup -v automatic"),
                newNode + QStringLiteral(" --login"),
                scriptRow(NodeRole::Secondary, NodeScript::WaitBlockDevice,
                          {kPrimaryElementImported}),
                // Both legs, no --run: a missing or stale leg stops here.
                QStringLiteral("secondary: mdadm --assemble /dev/md0 %1 %2")
                    .arg(kSecondaryElement, kPrimaryElementImported),
                scriptRow(NodeRole::Secondary, NodeScript::MdWriteMostly,
                          {QStringLiteral("md0"), kSecondaryElement, kPrimaryElementImported}),
                QStringLiteral("secondary: vgchange -ay LIO-NR1-VOL"),
                scriptRow(NodeRole::Secondary, NodeScript::MdadmIgnoreDrop,
                          {kSecondaryElement, QStringLiteral("/etc/mdadm/mdadm.conf")}),
                // The same LUN: serial, target, LUN 0, the recorded initiator; the default
                // portal as recorded. The identity records are already the same: kept.
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
                // Boot: the Secondary assembles md0, the old Primary ignores its element; LIO's
                // restore on each waits for what that node now serves.
                scriptRow(NodeRole::Secondary, NodeScript::MdadmArrayLineAdd,
                          {QStringLiteral("/dev/md0"), QStringLiteral("/etc/mdadm/mdadm.conf")}),
                QStringLiteral("secondary: systemctl mask mdadm-last-resort@md0.timer "
                               "mdadm-last-resort@md0.service"),
                // (the capture predates nr1's boot gate: it goes on both nodes)
                bootGateRow(NodeRole::Secondary),
                bootGateRow(NodeRole::Primary),
                scriptRow(NodeRole::Primary, NodeScript::MdadmIgnoreAdd,
                          {kPrimaryElement, QStringLiteral("/etc/mdadm/mdadm.conf")}),
                dropinRow(NodeRole::Secondary,
                          QStringLiteral("dev-LIO\\x2dNR1\\x2dVOL-NR1\\x2dPRIMARY\\x2dVOL.device")),
                dropinRow(NodeRole::Primary,
                          QStringLiteral("dev-LIO\\x2dNR1\\x2dElements-NR1\\x2dLocal\\x2dElement."
                                         "device")),
                // The last step on each node: what the plan wrote reaches the disk.
                QStringLiteral("primary: sync"),
                QStringLiteral("secondary: sync"),
            });
        // Nothing is done yet on the served pair, and a rollback never goes back past the
        // Primary's stop (the switchover is finished forward).
        const PairState state = servedPair(intent);
        for (const Action& action : plan.actions)
            QVERIFY2(!action.done.isSet() || !action.done.holds(state),
                     qPrintable(action.done.description));
        const auto stop =
            std::find_if(plan.actions.begin(), plan.actions.end(),
                         [](const Action& a) { return a.argv.contains(QStringLiteral("--stop")); });
        QVERIFY(stop != plan.actions.end() && stop->irreversible);
        // Each node's drop-in is rewritten for its new role; undone, it waits again for the
        // device it served before (not no drop-in at all: LIO's restore would race the device).
        const QString file =
            QStringLiteral("/etc/systemd/system/rtslib-fb-targetctl.service.d/nr1-testbed.conf");
        for (const auto& [node, before] :
             {std::pair{NodeRole::Secondary,
                        QStringLiteral("dev-LIO\\x2dNR1\\x2dElements-NR1\\x2dRemote\\x2dElement."
                                       "device")},
              std::pair{
                  NodeRole::Primary,
                  QStringLiteral("dev-LIO\\x2dNR1\\x2dVOL-NR1\\x2dPRIMARY\\x2dVOL.device")}}) {
            const auto dropin = std::find_if(
                plan.actions.begin(), plan.actions.end(), [node = node](const Action& a) {
                    return a.node == node && nodeScriptOf(a.argv) == NodeScript::LioRestoreDropin;
                });
            QVERIFY(dropin != plan.actions.end());
            QCOMPARE(dropin->undo, (QList<QStringList>{nodeScriptArgv(NodeScript::LioRestoreDropin,
                                                                      {file, before})}));
        }
    }

    void aSwitchedPairSwitchesBack() {
        // Captured after the switchover on the testbed, saved with the inventory's new roles
        // (primary.probe.txt is the node the inventory called the Secondary before): the
        // switch back is the same plan with the nodes' names and addresses exchanged.
        const PairIntent intent = swappedIntent(testbedIntent());
        const PairState state = probedPair(QStringLiteral("switched-over"), intent);
        QCOMPARE(state.primary.hostname, QStringLiteral("secondary"));
        const PlanResult back = planSwitchover(state, intent);
        QVERIFY2(back.ok(), qPrintable(back.why()));
        const PlanResult forth = planSwitchover(servedPair(testbedIntent()), testbedIntent());
        QCOMPARE(back.value().actions.size(), forth.value().actions.size());
        const QStringList rows = commandRows(back.value());
        QVERIFY(rows.contains(QStringLiteral("primary: mdadm --stop /dev/md0")));
        QVERIFY(rows.contains(QStringLiteral("secondary: mdadm --assemble /dev/md0 %1 "
                                             "/dev/disk/by-path/ip-10.99.0.2:3260-iscsi-%2-lun-0")
                                  .arg(kPrimaryElement, kElementIqn)));
        QVERIFY(rows.contains(QStringLiteral("primary: targetcli /iscsi/%1/tpg1/acls create "
                                             "iqn.2024-01.test.testbed:primary")
                                  .arg(kElementIqn)));
    }

    void aSwitchDoneOnTheNodesNeedsNothingMore() {
        // The nodes switched but the inventory still names the old roles (its write failed):
        // nothing is left to run but the boot safety the capture predates (the last-resort
        // mask, the boot gate), and recording the run swaps the roles.
        const PairIntent intent = testbedIntent();
        const PairState switched =
            probedPair(QStringLiteral("switched-over"), swappedIntent(intent));
        const PairState state{intent.layout, switched.secondary, switched.primary};
        const PlanResult result = planSwitchover(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        QCOMPARE(
            commandRows(result.value()),
            (QStringList{QStringLiteral("secondary: systemctl mask mdadm-last-resort@md0.timer "
                                        "mdadm-last-resort@md0.service"),
                         bootGateRow(NodeRole::Secondary), bootGateRow(NodeRole::Primary),
                         QStringLiteral("primary: sync"), QStringLiteral("secondary: sync")}));
        const PlanResult full = planSwitchover(servedPair(intent), intent);
        for (const Action& action : full.value().actions)
            QVERIFY2(!action.done.isSet() || action.done.holds(state) ||
                         action.argv.contains(QStringLiteral("mask")) ||
                         nodeScriptOf(action.argv) == NodeScript::BootGateInstall,
                     qPrintable(action.done.description));
    }

    void theRolesSwapBackAndForth() {
        const PairIntent intent = testbedIntent();
        const PairIntent after = swappedIntent(intent);
        QCOMPARE(after.layout.primaryElement, intent.layout.secondaryElement);
        QCOMPARE(after.layout.secondaryElement, intent.layout.primaryElement);
        QCOMPARE(after.layout.replication.portal.address, QStringLiteral("10.99.0.1"));
        QCOMPARE(after.primaryInitiator, QStringLiteral("iqn.2024-01.test.testbed:secondary"));
        QCOMPARE(after.layout.frontEnd, intent.layout.frontEnd);
        QCOMPARE(after.frontEndExport, intent.frontEndExport);
        QCOMPARE(swappedIntent(after), intent);
    }

    void refusesWhatWouldLoseWritesOrIdentity_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("resync") << "resync"
                                << "is busy";
        QTest::newRow("degraded") << "degraded"
                                  << "is not whole on the Primary";
        QTest::newRow("both run md0") << "both"
                                      << "Both nodes run md0";
        QTest::newRow("no identity") << "identity"
                                     << "Neither node records the LUN's identity";
        QTest::newRow("vg clash") << "vg"
                                  << "already has a volume group LIO-NR1-VOL";
        QTest::newRow("chap without secret") << "chap"
                                             << "asks initiators for CHAP (user host1)";
        QTest::newRow("no replication address") << "address"
                                                << "Once the roles swap, the Secondary's "
                                                   "replication address";
    }

    void refusesWhatWouldLoseWritesOrIdentity() {
        QFETCH(QString, change);
        QFETCH(QString, reason);
        PairIntent intent = testbedIntent();
        PairState state = servedPair(intent);
        MdstatArray& array = state.primary.mdstat.arrays.front();
        if (change == QLatin1String("resync")) {
            MdSyncProgress progress;
            progress.percent = 12.5;
            array.sync = progress;
        } else if (change == QLatin1String("degraded")) {
            array.members.back().faulty = true;
            state.primary.mdSysfs.front().degraded = 1;
        } else if (change == QLatin1String("both")) {
            state.secondary.mdstat.arrays.push_back(array);
        } else if (change == QLatin1String("identity")) {
            state.primary.lunIdentities.clear();
            state.secondary.lunIdentities.clear();
        } else if (change == QLatin1String("vg")) {
            VolumeGroup clash;
            clash.name = QStringLiteral("LIO-NR1-VOL");
            state.secondary.lvm.vgs.push_back(clash);
        } else if (change == QLatin1String("chap")) {
            for (NodeState* node : {&state.primary, &state.secondary})
                node->lunIdentities.front().chapUser = QStringLiteral("host1");
        } else if (change == QLatin1String("address")) {
            intent.primaryReplicationAddress.clear();
        }
        const PlanResult result = planSwitchover(state, intent);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.reasons(), reason), qPrintable(result.why()));
    }

    void aStopHalfWayIsFinishedOnTheSecondary() {
        // The Primary stopped serving and the run ended there: md0 runs nowhere. The plan does
        // what is left and assembles md0 on the Secondary (never on the old Primary).
        const PairIntent intent = testbedIntent();
        PairState state = servedPair(intent);
        state.primary.lio.targets.clear();
        state.primary.lio.storageObjects.clear();
        state.primary.mdstat.arrays.clear();
        state.primary.mdSysfs.clear();
        std::erase_if(state.primary.lvm.lvs, [](const LogicalVolume& lv) {
            return lv.vgName == QLatin1String("LIO-NR1-VOL");
        });
        const PlanResult result = planSwitchover(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        const QStringList rows = commandRows(result.value());
        QVERIFY(!rows.contains(QStringLiteral("primary: mdadm --stop /dev/md0")));
        QVERIFY(!anyContains(rows, QStringLiteral("MdWholeIdle")));
        QVERIFY(rows.contains(QStringLiteral("secondary: mdadm --assemble /dev/md0 %1 %2")
                                  .arg(kSecondaryElement, kPrimaryElementImported)));
        QVERIFY(anyContains(result.value().warnings, QStringLiteral("runs on neither node")));
    }
};

QTEST_GUILESS_MAIN(TestSwitchover)
#include "tst_switchover.moc"
