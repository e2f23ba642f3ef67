// Model values: equality of whole node states, lookups, and derived names checked against what
// the real tools printed on the testbed.

#include "Fixtures.h"
#include "model/NodeState.h"
#include "model/Pair.h"
#include "probe/LvmReportParser.h"
#include "probe/MdstatParser.h"

Q_DECLARE_METATYPE(nr1::BlockDevice)

using namespace nr1;

class TestModel : public QObject {
    Q_OBJECT
private slots:
    void nodeStatesCompareByEveryFact() {
        const auto clean = parseMdstat(fixture(QStringLiteral("testbed/mdstat_clean.txt")));
        const auto degraded = parseMdstat(fixture(QStringLiteral("testbed/mdstat_degraded.txt")));
        QVERIFY(clean.ok() && degraded.ok());
        NodeState a;
        a.hostname = QStringLiteral("primary");
        a.mdstat = clean.value();
        NodeState b = a;
        QVERIFY(a == b);
        b.mdstat = degraded.value();
        QVERIFY(a != b);
        b = a;
        b.mdstat.arrays[0].members[0].writeMostly = false; // one flag of one member
        QVERIFY(a != b);
        b = a;
        b.lvm.lvs.push_back(LogicalVolume{});
        QVERIFY(a != b);
        b = a;
        b.initiatorName.name = QStringLiteral("iqn.2024-01.test.testbed:other");
        QVERIFY(a != b);
    }

    void replicationLinkIsTheByPathNameUdevCreates() {
        // As listed by `ls -l /dev/disk/by-path/` on the Primary of the prototype testbed.
        ReplicationLink link;
        link.targetIqn = QStringLiteral("iqn.2024-01.test.testbed:secondary.elem0");
        link.portal = IscsiPortal{QStringLiteral("10.99.0.2"), 3260, 1};
        link.lun = 0;
        QCOMPARE(link.byPathLink(),
                 QStringLiteral(
                     "/dev/disk/by-path/"
                     "ip-10.99.0.2:3260-iscsi-iqn.2024-01.test.testbed:secondary.elem0-lun-0"));
    }

    void portalHostPort() {
        QCOMPARE((IscsiPortal{QStringLiteral("10.99.0.2"), 3260, 1}.hostPort()),
                 QStringLiteral("10.99.0.2:3260"));
        QCOMPARE((IscsiPortal{QStringLiteral("fe80::1"), 3261, std::nullopt}.hostPort()),
                 QStringLiteral("[fe80::1]:3261"));
    }

    void elementPathAndLvmLookups() {
        QCOMPARE((ElementRef{QStringLiteral("vg_loc"), QStringLiteral("elem0")}.devicePath()),
                 QStringLiteral("/dev/vg_loc/elem0"));
        const auto report =
            parseLvmReport(fixture(QStringLiteral("testbed/lvs_json_primary_final.txt")));
        QVERIFY(report.ok());
        const LogicalVolume* lun =
            report.value().findLv(QStringLiteral("vg_export"), QStringLiteral("lun0"));
        QVERIFY(lun);
        QCOMPARE(lun->fullName(), QStringLiteral("vg_export/lun0"));
        QVERIFY(lun->isActive()); // -wi-ao----
        QVERIFY(lun->isOpen());
        QVERIFY(!report.value().findLv(QStringLiteral("vg_loc"), QStringLiteral("lun0")));
        LogicalVolume inactive;
        inactive.attr = QStringLiteral("-wi-------");
        QVERIFY(!inactive.isActive());
        QVERIFY(!inactive.isOpen());
    }

    void blockDeviceInUse_data() {
        QTest::addColumn<BlockDevice>("device");
        QTest::addColumn<bool>("inUse");
        BlockDevice blank;
        blank.name = QStringLiteral("vdb");
        QTest::newRow("blank") << blank << false;
        BlockDevice withFs = blank;
        withFs.fsType = QStringLiteral("ext4");
        QTest::newRow("filesystem") << withFs << true;
        BlockDevice withTable = blank;
        withTable.partitionTable = QStringLiteral("gpt");
        QTest::newRow("partition table") << withTable << true;
        BlockDevice withHolder = blank;
        withHolder.holders = {QStringLiteral("dm-0")};
        QTest::newRow("holder") << withHolder << true;
        BlockDevice mounted = blank;
        mounted.mountpoints = {QStringLiteral("/srv")};
        QTest::newRow("mounted") << mounted << true;
        BlockDevice signed_ = blank;
        signed_.signatures.push_back(Signature{
            QStringLiteral("vdb"), 4096, QStringLiteral("linux_raid_member"), {}, {}, {}});
        QTest::newRow("md superblock") << signed_ << true;
    }

    void blockDeviceInUse() {
        QFETCH(BlockDevice, device);
        QFETCH(bool, inUse);
        QCOMPARE(device.inUse(), inUse);
    }

    void pairStateGivesEachNode() {
        PairState pair;
        pair.primary.hostname = QStringLiteral("primary");
        pair.secondary.hostname = QStringLiteral("secondary");
        QCOMPARE(pair.node(NodeRole::Primary).hostname, QStringLiteral("primary"));
        QCOMPARE(pair.node(NodeRole::Secondary).hostname, QStringLiteral("secondary"));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
