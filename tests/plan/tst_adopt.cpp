// Adoption (core/adopt): a pair built by hand on the testbed (tests/testbed/build-pair-by-hand
// --md md7 --fileio --chap …), discovered from live probe captures of its nodes
// (tests/fixtures/testbed-live/probe/adopt-*): whole, with its remote leg failed or removed,
// without its export, after nr1's repair and with three things broken by hand; pairs nr1
// created (their recorded names come back); and nodes that hold no pair or two candidates.
// Then what the adopted entry gives the planners and the health checks on the same probes.

#include "PairFixtures.h"
#include "adopt/PairDiscovery.h"
#include "health/PairChecks.h"
#include "inventory/InventoryText.h"
#include "plan/PlanBuilder.h"
#include "plan/Planners.h"

using namespace nr1;

namespace {

/// The inventory entry an administrator writes for the hand-built pair: how to reach each node,
/// no layout, no replication addresses, no initiator names. (Named as the testbed's pair: the
/// repaired captures hold nr1's boot gate and identity record of that name.)
InventoryPair handWrittenEntry() {
    InventoryPair pair;
    pair.name = QStringLiteral("testbed");
    pair.primary.host = QStringLiteral("192.0.2.1");
    pair.primary.port = 2201;
    pair.secondary.host = QStringLiteral("192.0.2.2");
    pair.secondary.port = 2202;
    return pair;
}

PairDiscovery discovered(const QString& state, bool listedTheOtherWayRound = false) {
    const NodeState primary = probedNode(state, QStringLiteral("primary"));
    const NodeState secondary = probedNode(state, QStringLiteral("secondary"));
    return listedTheOtherWayRound ? discoverPair(handWrittenEntry(), secondary, primary)
                                  : discoverPair(handWrittenEntry(), primary, secondary);
}

/// The running front-end backstore's serial in a capture: what the discovery must record.
QString runningSerial(const QString& state) {
    const NodeState primary = probedNode(state, QStringLiteral("primary"));
    const StorageObject* object =
        primary.lio.findStorageObject(QStringLiteral("/backstores/fileio/lun0"));
    return object ? object->wwn : QString();
}

/// The names tests/testbed/build-pair-by-hand gives its pair.
RecordedLayout handBuiltLayout(const QString& serial) {
    RecordedLayout layout;
    layout.md = QStringLiteral("md7");
    layout.primaryElement = QStringLiteral("vg_loc/elem0");
    layout.secondaryElement = QStringLiteral("vg_sec/elem0");
    layout.elementTarget = QStringLiteral("iqn.2024-01.test.testbed:secondary.elem0");
    layout.elementBackstore = QStringLiteral("elem0");
    layout.volume = QStringLiteral("vg_export/lun0");
    layout.volumeTarget = QStringLiteral("iqn.2024-01.test.testbed:primary.lun0");
    layout.volumeBackstore = QStringLiteral("fileio/lun0");
    layout.volumeSerial = serial;
    layout.replacementTimeout = 10;
    return layout;
}

/// The adopted entry's probe, intent and checks, as `nr1ctl adopt` and `check` make them.
struct Adopted {
    InventoryPair pair;
    PairProbe probe;
    PairIntent intent;
    HealthChecks checks;
};

Adopted adopt(const QString& state) {
    Adopted adopted;
    const PairDiscovery discovery = discovered(state);
    adopted.pair = adoptedPair(handWrittenEntry(), discovery);
    adopted.probe = capturedPairProbe(state);
    adopted.intent =
        defaultIntent(adopted.pair, &*adopted.probe.primary.state, &*adopted.probe.secondary.state);
    adopted.checks = checkPair(adopted.probe, adopted.intent);
    return adopted;
}

/// The names of the checks that are not ok, comma-separated (a failure shows them).
QString notOk(const HealthChecks& checks) {
    QStringList names;
    for (const HealthCheck& check : checks)
        if (check.result != CheckResult::Ok)
            names << check.name;
    return names.join(QStringLiteral(", "));
}

} // namespace

class TestAdopt : public QObject {
    Q_OBJECT
private slots:
    void aPairBuiltByHandIsFoundWithItsOwnNames() {
        const PairDiscovery d = discovered(QStringLiteral("adopt-by-hand"));
        QVERIFY2(d.adoptable(), qPrintable(d.problems.join(u'\n')));
        QVERIFY2(d.missing.isEmpty(), qPrintable(d.missing.join(u'\n')));
        QVERIFY(!d.rolesSwapped);
        const QString serial = runningSerial(QStringLiteral("adopt-by-hand"));
        QVERIFY(!serial.isEmpty());
        QCOMPARE(d.layout, handBuiltLayout(serial));
        QCOMPARE(d.primaryReplicationAddress, QStringLiteral("10.99.0.1"));
        QCOMPARE(d.secondaryReplicationAddress, QStringLiteral("10.99.0.2"));
        QCOMPARE(d.primaryInitiator, QStringLiteral("iqn.2024-01.test.testbed:primary"));
        QCOMPARE(d.secondaryInitiator, QStringLiteral("iqn.2024-01.test.testbed:secondary"));
        QVERIFY(anyContains(d.found, QStringLiteral("CHAP (user nr1host)")));
        QVERIFY(anyContains(d.found, QStringLiteral("backstore /backstores/fileio/lun0")));
        const QString text = discoveryText(d);
        QVERIFY(text.startsWith(QStringLiteral("Found:\n")));
        QVERIFY(!text.contains(QStringLiteral("Problems")));
        const QJsonObject json = discoveryJson(d);
        QCOMPARE(json.value(QStringLiteral("adoptable")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("layout")).toObject().value(QStringLiteral("md")),
                 QJsonValue(QStringLiteral("md7")));
        QCOMPARE(json.value(QStringLiteral("layout"))
                     .toObject()
                     .value(QStringLiteral("replacement_timeout"))
                     .toInt(),
                 10);
    }

    void nodesListedTheOtherWayRoundChangePlaces() {
        const PairDiscovery d = discovered(QStringLiteral("adopt-by-hand"), true);
        QVERIFY(d.adoptable());
        QVERIFY(d.rolesSwapped);
        QCOMPARE(d.layout, handBuiltLayout(runningSerial(QStringLiteral("adopt-by-hand"))));
        InventoryPair listed = handWrittenEntry();
        std::swap(listed.primary, listed.secondary);
        const InventoryPair adopted = adoptedPair(listed, d);
        // The node that runs md7 (reached at 192.0.2.1:2201) is the Primary now.
        QCOMPARE(adopted.primary.host, QStringLiteral("192.0.2.1"));
        QCOMPARE(adopted.primary.port, std::optional<int>(2201));
        QCOMPARE(adopted.primary.replicationAddress, QStringLiteral("10.99.0.1"));
        QCOMPARE(adopted.secondary.host, QStringLiteral("192.0.2.2"));
        QCOMPARE(adopted.secondary.initiatorName,
                 QStringLiteral("iqn.2024-01.test.testbed:secondary"));
        QVERIFY(anyContains(d.found, QStringLiteral("the other way round")));
    }

    void theAdoptedEntryIsWrittenAndReadBack() {
        const InventoryPair adopted =
            adoptedPair(handWrittenEntry(), discovered(QStringLiteral("adopt-by-hand")));
        const QString text = QStringLiteral("version: 1\n") + pairsListText({fieldsOf(adopted)});
        QVERIFY(text.contains(QStringLiteral("replacement_timeout: 10")));
        const auto read = parseInventory(text, QStringLiteral("/tmp"));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        QCOMPARE(read.value().pairs.size(), std::size_t(1));
        QCOMPARE(read.value().pairs.front(), adopted);
        // …and every later plan starts from those names.
        const PairIntent intent = defaultIntent(adopted);
        QCOMPARE(intent.layout.mdDevice, QStringLiteral("/dev/md7"));
        QCOMPARE(intent.layout.replication.portal.address, QStringLiteral("10.99.0.2"));
        QCOMPARE(intent.primaryReplicationAddress, QStringLiteral("10.99.0.1"));
        QCOMPARE(intent.replacementTimeout, 10);
        QCOMPARE(intent.frontEndExport.kind, BackstoreKind::FileIo);
        QCOMPARE(intent.frontEndExport.backstorePath(), QStringLiteral("/backstores/fileio/lun0"));
        QVERIFY(validateIntent(intent).isEmpty());
    }

    void aReplacementTimeoutOutOfRangeIsRefusedByTheReader() {
        const QString text = QStringLiteral(
            "version: 1\npairs:\n  - name: p\n    primary:\n      host: a\n    secondary:\n"
            "      host: b\n    layout:\n      md: md7\n      replacement_timeout: 0\n");
        const auto read = parseInventory(text, QStringLiteral("/tmp"));
        QVERIFY(!read.ok());
        QVERIFY(read.error().toString().contains(QStringLiteral("replacement_timeout")));
    }

    void aPairNr1CreatedGivesBackTheNamesItRecorded() {
        for (const char* state : {"health-ok", "served-with-identity", "boot-gated"}) {
            const NodeState primary =
                probedNode(QString::fromLatin1(state), QStringLiteral("primary"));
            const NodeState secondary =
                probedNode(QString::fromLatin1(state), QStringLiteral("secondary"));
            const PairDiscovery d = discoverPair(testbedPair(), primary, secondary);
            QVERIFY2(d.adoptable(), qPrintable(d.problems.join(u'\n')));
            RecordedLayout expected = recordedLayoutOf(testbedIntent(&primary));
            QCOMPARE(d.layout, expected);
            QVERIFY2(d.missing.isEmpty(), qPrintable(d.missing.join(u'\n')));
            QCOMPARE(adoptedPair(testbedPair(), d).primary, testbedPair().primary);
        }
    }

    void aSwitchedOverPairIsFoundWithTheRolesItRunsIn() {
        // switched-over/primary.probe.txt is the node that serves now. Listed with the roles
        // of before the switchover, the discovery swaps them back.
        const NodeState serving =
            probedNode(QStringLiteral("switched-over"), QStringLiteral("primary"));
        const NodeState other =
            probedNode(QStringLiteral("switched-over"), QStringLiteral("secondary"));
        const PairDiscovery d = discoverPair(testbedPair(), other, serving);
        QVERIFY2(d.adoptable(), qPrintable(d.problems.join(u'\n')));
        QVERIFY(d.rolesSwapped);
        QCOMPARE(d.layout.md, QStringLiteral("md0"));
        QCOMPARE(d.layout.primaryElement, QStringLiteral("LIO-NR1-Elements/NR1-Remote-Element"));
        QCOMPARE(d.layout.secondaryElement, QStringLiteral("LIO-NR1-Elements/NR1-Local-Element"));
        QCOMPARE(d.secondaryReplicationAddress, QStringLiteral("10.99.0.1"));
        QCOMPARE(d.primaryReplicationAddress, QStringLiteral("10.99.0.2"));
    }

    void aDegradedPairIsAdoptedWithWhatItLacks() {
        const RecordedLayout whole =
            handBuiltLayout(runningSerial(QStringLiteral("adopt-degraded")));
        // The remote leg failed (the link cut under a write): still in md7 as faulty.
        const PairDiscovery failed = discovered(QStringLiteral("adopt-degraded"));
        QVERIFY2(failed.adoptable(), qPrintable(failed.problems.join(u'\n')));
        QCOMPARE(failed.layout, whole);
        QVERIFY(anyContains(failed.missing, QStringLiteral("no longer uses the remote leg")));
        QVERIFY(anyContains(failed.missing, QStringLiteral("not logged in")));
        // Removed from md7 (mdadm --remove failed): the link comes from the Primary's iSCSI
        // record of the target the Secondary exports.
        const PairDiscovery removed = discovered(QStringLiteral("adopt-leg-removed"));
        QVERIFY2(removed.adoptable(), qPrintable(removed.problems.join(u'\n')));
        QCOMPARE(removed.layout, whole);
        QVERIFY(anyContains(removed.missing, QStringLiteral("runs without its remote leg")));
        // What repairs it: the repair plan of the adopted entry puts the leg back into md7.
        const Adopted adopted = adopt(QStringLiteral("adopt-leg-removed"));
        QVERIFY(notOk(adopted.checks).contains(QStringLiteral("array-sync")));
        const PlanResult repair =
            planRepair(adopted.probe.pairState(adopted.intent.layout), adopted.intent);
        QVERIFY2(repair.ok(), qPrintable(repair.reasons().join(u'\n')));
        bool readds = false;
        for (const Action& action : repair.value().actions)
            readds = readds || (action.node == NodeRole::Primary &&
                                action.sentence.contains(QStringLiteral("into /dev/md7")));
        QVERIFY(readds);
    }

    void aPairWithoutItsExportIsAdoptedAndTheExportListedAsMissing() {
        const PairDiscovery d = discovered(QStringLiteral("adopt-unexported"));
        QVERIFY2(d.adoptable(), qPrintable(d.problems.join(u'\n')));
        QCOMPARE(d.layout.volume, QStringLiteral("vg_export/lun0"));
        QVERIFY(d.layout.volumeTarget.isEmpty());
        QVERIFY(d.layout.volumeBackstore.isEmpty());
        QVERIFY(anyContains(d.missing, QStringLiteral("not exported")));
        // Two LVs on the array and neither exported: nr1 cannot tell which is the volume.
        NodeState primary =
            probedNode(QStringLiteral("adopt-unexported"), QStringLiteral("primary"));
        LogicalVolume second =
            *primary.lvm.findLv(QStringLiteral("vg_export"), QStringLiteral("lun0"));
        second.name = QStringLiteral("scratch");
        second.path = QStringLiteral("/dev/vg_export/scratch");
        second.dmPath = QStringLiteral("/dev/mapper/vg_export-scratch");
        primary.lvm.lvs.push_back(second);
        const PairDiscovery two = discoverPair(
            handWrittenEntry(), primary,
            probedNode(QStringLiteral("adopt-unexported"), QStringLiteral("secondary")));
        QVERIFY(!two.adoptable());
        QVERIFY(anyContains(two.problems, QStringLiteral("vg_export/scratch")));
    }

    void nodesWithoutAPairOrWithTwoAreNotAdopted() {
        const PairDiscovery blank = discovered(QStringLiteral("blank"));
        QVERIFY(!blank.adoptable());
        QVERIFY(anyContains(blank.problems, QStringLiteral("Neither node runs")));
        QVERIFY(
            discoveryText(blank).contains(QStringLiteral("Problems (the pair is not adopted)")));
        // md0 inactive on the Primary (its remote leg never came at boot): nothing runs.
        QVERIFY(!discovered(QStringLiteral("lio-restoring")).adoptable());
        // Both nodes run such an array: which one serves is for the administrator to settle.
        const NodeState primary =
            probedNode(QStringLiteral("adopt-by-hand"), QStringLiteral("primary"));
        const PairDiscovery both = discoverPair(handWrittenEntry(), primary, primary);
        QVERIFY(!both.adoptable());
        QVERIFY(anyContains(both.problems, QStringLiteral("Both nodes run")));
        // A Primary whose remote leg comes from an address the other node does not hold.
        NodeState blankNode = probedNode(QStringLiteral("blank"), QStringLiteral("secondary"));
        blankNode.ipv4Addresses.insert(QStringLiteral("10.99.0.9/24"), QStringLiteral("eth1"));
        const PairDiscovery stranger = discoverPair(handWrittenEntry(), primary, blankNode);
        QVERIFY(!stranger.adoptable());
        QVERIFY(anyContains(stranger.problems, QStringLiteral("no address of")));
    }

    void theHealthChecksOfTheAdoptedPairOfferTheRepair() {
        const Adopted adopted = adopt(QStringLiteral("adopt-by-hand"));
        // What a hand build lacks of nr1's design; each fixed by the repair plan.
        QCOMPARE(notOk(adopted.checks),
                 QStringLiteral("replication-startup, boot-array-line, boot-ignore-rule, "
                                "boot-last-resort, boot-gate, boot-lio-order, identity-lun"));
        for (const HealthCheck& check : adopted.checks)
            if (check.result != CheckResult::Ok)
                QCOMPARE(check.fixKind, QStringLiteral("repair"));
        const PlanResult repair =
            planRepair(adopted.probe.pairState(adopted.intent.layout), adopted.intent);
        QVERIFY2(repair.ok(), qPrintable(repair.reasons().join(u'\n')));
        // The LUN's identity is recorded from what runs, on both nodes, CHAP user included.
        int identities = 0;
        for (const Action& action : repair.value().actions)
            if (action.sentence.startsWith(QStringLiteral("Record the LUN's identity"))) {
                ++identities;
                QVERIFY(
                    action.argv.join(u' ').contains(QStringLiteral("\"chap_user\":\"nr1host\"")));
                QVERIFY(action.argv.join(u' ').contains(QStringLiteral("fileio/lun0")));
            }
        QCOMPARE(identities, 2);
        // After nr1's repair (captured), every check passes.
        QCOMPARE(notOk(adopt(QStringLiteral("adopt-repaired")).checks), QString());
    }

    void theThreeBreaksByHandFailAndTheRepairFixesThem() {
        const Adopted adopted = adopt(QStringLiteral("adopt-broken-by-hand"));
        // Deleting the ACL ends the session too (LIO drops it at once).
        QCOMPARE(notOk(adopted.checks),
                 QStringLiteral("replication-acl, replication-session, replication-startup, "
                                "boot-array-line"));
        const PlanResult repair =
            planRepair(adopted.probe.pairState(adopted.intent.layout), adopted.intent);
        QVERIFY2(repair.ok(), qPrintable(repair.reasons().join(u'\n')));
        QString all;
        for (const Action& action : repair.value().actions)
            all += action.argv.join(u' ') + QLatin1Char('\n');
        QVERIFY(all.contains(QStringLiteral("acls create iqn.2024-01.test.testbed:primary")));
        QVERIFY(all.contains(QStringLiteral("node.startup -v automatic")));
        QVERIFY(all.contains(QStringLiteral("/dev/md7")));
    }

    // Every plan aims at the recorded names: the teardown and the takeover of the adopted,
    // repaired pair (the grow and the repair run in the e2e test).
    void theTeardownRemovesThePairUnderItsOwnNames() {
        const Adopted adopted = adopt(QStringLiteral("adopt-repaired"));
        const PlanResult result = planTeardown(adopted.probe.pairState(adopted.intent.layout),
                                               adopted.intent, TeardownLevel::Elements);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        QCOMPARE(result.value().confirmationWord, QStringLiteral("md7"));
        const QStringList rows = commandRows(result.value());
        for (const char* row :
             {"primary: targetcli /iscsi delete iqn.2024-01.test.testbed:primary.lun0",
              "primary: targetcli /backstores/fileio delete lun0",
              "primary: rm -f /etc/nr1/testbed.identity",
              "secondary: rm -f /etc/nr1/testbed.identity",
              "primary: lvremove --yes vg_export/lun0", "primary: vgremove vg_export",
              "primary: pvremove /dev/md7", "primary: mdadm --stop /dev/md7",
              "primary: lvremove --yes vg_loc/elem0",
              "secondary: targetcli /iscsi delete iqn.2024-01.test.testbed:secondary.elem0",
              "secondary: targetcli /backstores/block delete elem0",
              "secondary: lvremove --yes vg_sec/elem0"})
            QVERIFY2(rows.contains(QString::fromLatin1(row)), row);
        // The identity's removal is undone by writing the record back.
        for (const Action& action : result.value().actions)
            if (action.argv.join(u' ') == QStringLiteral("rm -f /etc/nr1/testbed.identity"))
                QVERIFY(!action.undo.empty());
    }

    void theTakeoverServesTheLunAsRecordedUnderItsOwnNames() {
        Adopted adopted = adopt(QStringLiteral("adopt-repaired"));
        PairState state = adopted.probe.pairState(adopted.intent.layout);
        state.primary = NodeState{}; // lost
        // The LUN asks for CHAP: without the secret the takeover says what it needs.
        const PlanResult refused = planTakeover(state, adopted.intent);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.why().contains(QStringLiteral("CHAP (user nr1host)")),
                 qPrintable(refused.why()));
        adopted.intent.frontEndExport.chap =
            ChapSettings{QStringLiteral("nr1host"), QStringLiteral("adopt-secret-12"), {}, {}};
        const PlanResult result = planTakeover(state, adopted.intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        const QStringList rows = commandRows(result.value());
        for (const char* row :
             {"secondary: targetcli /iscsi delete iqn.2024-01.test.testbed:secondary.elem0",
              "secondary: targetcli /backstores/block delete elem0",
              "secondary: targetcli /iscsi create iqn.2024-01.test.testbed:primary.lun0"})
            QVERIFY2(rows.contains(QString::fromLatin1(row)), row);
        const QString all = rows.join(u'\n');
        QVERIFY2(
            all.contains(QStringLiteral("/dev/md7")) &&
                all.contains(QStringLiteral("vg_sec/elem0")) &&
                all.contains(QStringLiteral("/backstores/fileio create name=lun0 "
                                            "file_or_dev=/dev/vg_export/lun0")) &&
                all.contains(QStringLiteral("wwn=") + adopted.intent.frontEndExport.unitSerial),
            qPrintable(all));
    }

    void aRecordThatDiffersFromWhatRunsIsNotOverwritten() {
        const Adopted adopted = adopt(QStringLiteral("adopt-repaired"));
        PairState state = adopted.probe.pairState(adopted.intent.layout);
        QVERIFY(!identityToRecord(state, adopted.intent)); // both record it already
        // The Secondary lost its record, the Primary's names another serial: nothing is
        // recorded (which disk is the LUN is for the administrator to settle).
        state.secondary.lunIdentities.clear();
        QVERIFY(identityToRecord(state, adopted.intent));
        state.primary.lunIdentities.front().unitSerial = QStringLiteral("another-serial");
        QVERIFY(!identityToRecord(state, adopted.intent));
    }
};

QTEST_GUILESS_MAIN(TestAdopt)
#include "tst_adopt.moc"
