// The pair's layout recorded in its inventory entry when a plan built the pair: read and
// written by the inventory (comments kept), the names every later plan starts from, and a pair
// without one keeping the defaults.

#include "PairFixtures.h"
#include "inventory/Inventory.h"
#include "inventory/PairForm.h"
#include "plan/Planners.h"
#include "session/PairSession.h"
#include "transport/ReplayRunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace nr1;

namespace {

const QString kInventory = QStringLiteral("# kept by hand\n"
                                          "version: 1\n"
                                          "pairs:\n"
                                          "  - name: testbed\n"
                                          "    primary:\n"
                                          "      host: 127.0.0.1\n"
                                          "      replication_address: 10.99.0.1\n"
                                          "      initiator_name: iqn.2024-01.test.testbed:primary\n"
                                          "    secondary:\n"
                                          "      host: 127.0.0.1\n"
                                          "      replication_address: 10.99.0.2\n"
                                          "# the end\n");

/// The testbed intent with the md array and the volume under other names than the defaults.
PairIntent renamedIntent() {
    PairIntent intent = testbedIntent();
    intent.layout.mdDevice = QStringLiteral("/dev/md5");
    intent.layout.frontEnd->volume = ElementRef{QStringLiteral("VOL-B"), QStringLiteral("LV-B")};
    intent.frontEndExport.backstoreName = QStringLiteral("store-b");
    return intent;
}

/// The created testbed pair as if it had been created with renamedIntent().
PairState renamedCreatedPair(const PairIntent& intent) {
    PairState state = probedPair(QStringLiteral("created"), intent);
    NodeState& primary = state.primary;
    for (MdstatArray& array : primary.mdstat.arrays)
        if (array.name == QLatin1String("md0"))
            array.name = QStringLiteral("md5");
    for (MdSysfs& sysfs : primary.mdSysfs)
        if (sysfs.array == QLatin1String("md0"))
            sysfs.array = QStringLiteral("md5");
    primary.mdadmConf.replace(QStringLiteral("/dev/md0"), QStringLiteral("/dev/md5"));
    for (PhysicalVolume& pv : primary.lvm.pvs)
        if (pv.name == QLatin1String("/dev/md0")) {
            pv.name = QStringLiteral("/dev/md5");
            pv.vgName = QStringLiteral("VOL-B");
        }
    for (VolumeGroup& vg : primary.lvm.vgs)
        if (vg.name == QLatin1String("LIO-NR1-VOL"))
            vg.name = QStringLiteral("VOL-B");
    for (LogicalVolume& lv : primary.lvm.lvs)
        if (lv.vgName == QLatin1String("LIO-NR1-VOL")) {
            lv.vgName = QStringLiteral("VOL-B");
            lv.name = QStringLiteral("LV-B");
            lv.path = QStringLiteral("/dev/VOL-B/LV-B");
        }
    for (StorageObject& object : primary.lio.storageObjects)
        if (object.name == QLatin1String("nr1-testbed")) {
            object.name = QStringLiteral("store-b");
            object.dev = QStringLiteral("/dev/VOL-B/LV-B");
        }
    for (LioTarget& target : primary.lio.targets)
        for (Tpg& tpg : target.tpgs)
            for (LioLun& lun : tpg.luns)
                if (lun.storageObject == QLatin1String("/backstores/block/nr1-testbed"))
                    lun.storageObject = QStringLiteral("/backstores/block/store-b");
    return state;
}

} // namespace

class TestRecordedLayout : public QObject {
    Q_OBJECT

private slots:
    void aPairWithoutLayoutKeepsTheDefaults() {
        const auto read = parseInventory(kInventory, QStringLiteral("/tmp"));
        QVERIFY2(read.ok(), qPrintable(read.why()));
        const InventoryPair& pair = read.value().pairs.front();
        QVERIFY(!pair.layout);
        const PairIntent intent = defaultIntent(pair);
        QCOMPARE(intent.layout.mdDevice, QStringLiteral("/dev/md0"));
        QCOMPARE(intent.layout.frontEnd->volume,
                 (ElementRef{QStringLiteral("LIO-NR1-VOL"), QStringLiteral("NR1-PRIMARY-VOL")}));
        QCOMPARE(intent.frontEndExport.backstoreName, QStringLiteral("nr1-testbed"));
    }

    void aRecordedLayoutReplacesEachDefaultItNames() {
        const QString text = kInventory + QStringLiteral("    layout:\n"
                                                         "      md: md7\n"
                                                         "      volume: VG1/LV1\n"
                                                         "      volume_backstore: fileio/st\n"
                                                         "      volume_serial: 1234-abcd\n");
        const auto read = parseInventory(text, QStringLiteral("/tmp"));
        QVERIFY2(read.ok(), qPrintable(read.why()));
        const PairIntent intent = defaultIntent(read.value().pairs.front());
        QCOMPARE(intent.layout.mdDevice, QStringLiteral("/dev/md7"));
        QCOMPARE(intent.layout.frontEnd->volume,
                 (ElementRef{QStringLiteral("VG1"), QStringLiteral("LV1")}));
        QCOMPARE(intent.frontEndExport.kind, BackstoreKind::FileIo);
        QCOMPARE(intent.frontEndExport.backstoreName, QStringLiteral("st"));
        QCOMPARE(intent.frontEndExport.unitSerial, QStringLiteral("1234-abcd"));
        QCOMPARE(recordedLayoutOf(intent).volumeSerial, QStringLiteral("1234-abcd"));
        // What it does not name stays as the defaults.
        QCOMPARE(intent.layout.primaryElement, testbedIntent().layout.primaryElement);
        QCOMPARE(intent.elementBackstoreName, QStringLiteral("nr1-testbed-element"));
    }

    void aPairGetsItsOwnSerialUntilOneIsRecorded() {
        // Not recorded: a UUID of the pair's names, the same every time (a preview and its
        // apply agree), another for another pair.
        const PairIntent first = defaultIntent(testbedPair());
        QCOMPARE(first.frontEndExport.unitSerial,
                 defaultIntent(testbedPair()).frontEndExport.unitSerial);
        QVERIFY(QUuid::fromString(first.frontEndExport.unitSerial).version() == QUuid::Sha1);
        InventoryPair other = testbedPair();
        other.name = QStringLiteral("other");
        QVERIFY(defaultIntent(other).frontEndExport.unitSerial != first.frontEndExport.unitSerial);
        other = testbedPair();
        other.secondary.host = QStringLiteral("10.0.0.9");
        QVERIFY(defaultIntent(other).frontEndExport.unitSerial != first.frontEndExport.unitSerial);
        // A Primary that runs the pair's LUN already: its serial is kept...
        NodeState primary = probedNode(QStringLiteral("created"), QStringLiteral("primary"));
        QCOMPARE(defaultIntent(testbedPair(), &primary).frontEndExport.unitSerial,
                 QStringLiteral("c4ce9b4d-4c45-40ff-905c-88aa8895787d"));
        // ...unless the inventory records one (the planner then refuses the difference).
        InventoryPair recorded = testbedPair();
        recorded.layout = RecordedLayout{};
        recorded.layout->volumeSerial = QStringLiteral("0123456789abcdef0123456789abcdef");
        QCOMPARE(defaultIntent(recorded, &primary).frontEndExport.unitSerial,
                 QStringLiteral("0123456789abcdef0123456789abcdef"));
        // An intent without a serial is not valid.
        PairIntent none = first;
        none.frontEndExport.unitSerial.clear();
        QVERIFY(validateExportIntent(none).join(u' ').contains(QStringLiteral("unit serial")));
    }

    void theEditorKeepsTheRecordedLayout() {
        const auto read = parseInventory(kInventory, QStringLiteral("/tmp"));
        QVERIFY2(read.ok(), qPrintable(read.why()));
        Inventory inventory = read.value();
        inventory.pairs.front().layout = recordedLayoutOf(renamedIntent());
        // The pair as the editor shows it, its host changed, read back by the pair form.
        PairFields typed = fieldsOf(inventory.pairs.front());
        typed.primary.host = QStringLiteral("10.0.0.9");
        const PairCheck check = checkPair(typed, inventory, QStringLiteral("/tmp"), 0);
        QVERIFY(check.ok());
        QCOMPARE(check.pair->layout, inventory.pairs.front().layout);
        QCOMPARE(defaultIntent(*check.pair).layout.mdDevice, QStringLiteral("/dev/md5"));
    }

    void badLayoutValuesAreRefused_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("field");
        QTest::newRow("newline") << QStringLiteral("md: \"md0\\n\"") << QStringLiteral("md");
        QTest::newRow("no LV") << QStringLiteral("volume: VG1") << QStringLiteral("volume");
        QTest::newRow("blank") << QStringLiteral("primary_element: \"A B/C\"")
                               << QStringLiteral("primary_element");
        QTest::newRow("plugin") << QStringLiteral("volume_backstore: ramdisk/x")
                                << QStringLiteral("volume_backstore");
        QTest::newRow("unknown") << QStringLiteral("vg: x") << QStringLiteral("vg");
        QTest::newRow("serial with a blank")
            << QStringLiteral("volume_serial: \"ab cd\"") << QStringLiteral("volume_serial");
        QTest::newRow("serial too long")
            << QStringLiteral("volume_serial: ") + QString(81, QLatin1Char('a'))
            << QStringLiteral("volume_serial");
    }

    void badLayoutValuesAreRefused() {
        QFETCH(QString, line);
        QFETCH(QString, field);
        const QString text = kInventory + QStringLiteral("    layout:\n      ") + line + u'\n';
        InventoryFieldProblem problem;
        const auto read = parseInventory(text, QStringLiteral("/tmp"), QStringLiteral("inventory"),
                                         InventoryPaths::AsWritten, &problem);
        QVERIFY(!read.ok());
        QCOMPARE(problem.field, QStringLiteral("pairs[0].layout.") + field);
    }

    void theLayoutRecordedAtCreateIsWhatLaterPlansUse() {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("inventory.yaml"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(kInventory.toUtf8());
        }
        const auto before = loadInventory(path);
        QVERIFY2(before.ok(), qPrintable(before.why()));
        ReplayRunner primary;
        ReplayRunner secondary;
        PairSession session(before.value().pairs.front(), primary, secondary,
                            folder.filePath(QStringLiteral("journal.jsonl")));
        session.setInventoryPath(path);

        // The create ran with other names than the defaults: they are recorded.
        const PairIntent created = renamedIntent();
        const Result<void> recorded = session.recordLayout(created);
        QVERIFY2(recorded.ok(), qPrintable(recorded.why()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.startsWith(QStringLiteral("# kept by hand\n")));
        QVERIFY(text.contains(QStringLiteral("      md: md5\n")));
        QVERIFY(text.endsWith(QStringLiteral("# the end\n")));

        // A later nr1ctl reads the inventory again: its intent has the create's names.
        const auto after = loadInventory(path);
        QVERIFY2(after.ok(), qPrintable(after.why()));
        PairIntent later = defaultIntent(after.value().pairs.front());
        QCOMPARE(later.layout, created.layout);
        QCOMPARE(later.elementBackstoreName, created.elementBackstoreName);
        QCOMPARE(later.frontEndExport.backstorePath(), created.frontEndExport.backstorePath());
        QCOMPARE(defaultIntent(session.pair()).layout, created.layout);
        // Recording the same names again changes nothing.
        QVERIFY(session.recordLayout(created).ok());

        const PairState state = renamedCreatedPair(later);
        const PlanResult teardown = planTeardown(state, later, TeardownLevel::Array);
        QVERIFY2(teardown.ok(), qPrintable(teardown.reasons().join(u'\n')));
        const QStringList rows = commandRows(teardown.value());
        for (const QString& expected :
             {QStringLiteral("primary: targetcli /backstores/block delete store-b"),
              QStringLiteral("primary: lvremove --yes VOL-B/LV-B"),
              QStringLiteral("primary: vgremove VOL-B"),
              QStringLiteral("primary: pvremove /dev/md5"),
              QStringLiteral("primary: mdadm --stop /dev/md5")})
            QVERIFY2(rows.contains(expected), qPrintable(expected + u'\n' + rows.join(u'\n')));
        later.frontEndExport.initiators = created.frontEndExport.initiators;
        const PlanResult grow = planGrow(state, later, SizeRequest::ofBytes(256 << 20));
        QVERIFY2(grow.ok(), qPrintable(grow.reasons().join(u'\n')));
        // md-grow-whole.sh $1 = md5, $2 = /dev/md5.
        QVERIFY(commandRows(grow.value())
                    .filter(QStringLiteral("--size=max' sh md5 /dev/md5"))
                    .size() == 1);

        // Without the recorded names a teardown aims at the defaults: the backstore there
        // serves another LV, so nothing is planned.
        const PairIntent defaults = testbedIntent();
        const PlanResult blind = planTeardown(state, defaults, TeardownLevel::Array);
        QVERIFY(!blind.ok());
    }

    void aSwitchoverSwapsTheRolesInTheInventoryOnce() {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("inventory.yaml"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(kInventory.toUtf8());
        }
        const auto before = loadInventory(path);
        QVERIFY2(before.ok(), qPrintable(before.why()));
        const InventoryPair old = before.value().pairs.front();
        ReplayRunner primary;
        ReplayRunner secondary;
        PairSession session(old, primary, secondary,
                            folder.filePath(QStringLiteral("journal.jsonl")));
        session.setInventoryPath(path);
        const PairIntent intent = defaultIntent(old);
        QVERIFY(session.recordRun(QStringLiteral("switchover"), intent).ok());
        const auto after = loadInventory(path);
        QVERIFY2(after.ok(), qPrintable(after.why()));
        const InventoryPair swapped = after.value().pairs.front();
        QCOMPARE(swapped.primary, old.secondary);
        QCOMPARE(swapped.secondary, old.primary);
        QVERIFY(swapped.layout);
        QCOMPARE(swapped.layout->primaryElement,
                 QStringLiteral("LIO-NR1-Elements/NR1-Remote-Element"));
        QCOMPARE(swapped.layout->secondaryElement,
                 QStringLiteral("LIO-NR1-Elements/NR1-Local-Element"));
        QCOMPARE(session.pair(), swapped);
        // The next nr1 plans with the new roles: the swapped intent.
        QCOMPARE(defaultIntent(swapped).layout, swappedIntent(intent).layout);
        // Recorded once: recording the same run again leaves the file as it is.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        file.close();
        QVERIFY(text.startsWith("# kept by hand\n") && text.endsWith("# the end\n"));
        QVERIFY(session.recordRun(QStringLiteral("switchover"), intent).ok());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), text);
    }
};

QTEST_GUILESS_MAIN(TestRecordedLayout)
#include "tst_recorded_layout.moc"
