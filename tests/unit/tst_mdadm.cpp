// Tests for the mdadm report parsers: --detail, --detail --export and --examine.
// Every expected value below was read from the fixture text (or the constructed input) by
// hand; none was produced by running the parser.

#include "Fixtures.h"
#include "ParseAssertions.h"
#include "probe/MdadmDetailParser.h"
#include "probe/MdadmExamineParser.h"
#include "probe/MdadmExportParser.h"

#include <optional>
#include <utility>
#include <vector>

using namespace nr1;

using Rows = std::vector<MdDetailDevice>;
using Members = std::vector<MdExportDevice>;
using Pairs = std::vector<std::pair<QString, QString>>;
using OptInt = std::optional<int>;
using OptInt64 = std::optional<qint64>;

Q_DECLARE_METATYPE(Rows)
Q_DECLARE_METATYPE(Members)
Q_DECLARE_METATYPE(OptInt)
Q_DECLARE_METATYPE(OptInt64)

namespace {

const std::optional<int> none;
const std::optional<qint64> none64;

QStringList list(std::initializer_list<const char*> items) {
    QStringList result;
    for (const char* item : items)
        result.append(QString::fromUtf8(item));
    return result;
}

Pairs pairs(std::initializer_list<std::pair<const char*, const char*>> items) {
    Pairs result;
    for (const auto& [key, value] : items)
        result.emplace_back(QString::fromUtf8(key), QString::fromUtf8(value));
    return result;
}

MdDetailDevice row(std::optional<int> number, int major, int minor, std::optional<int> raidDevice,
                   std::initializer_list<const char*> state, const char* path) {
    return MdDetailDevice{number, major, minor, raidDevice, list(state), QString::fromUtf8(path)};
}

MdExportDevice member(const char* name, const char* dev, const char* role) {
    return MdExportDevice{QString::fromUtf8(name), QString::fromUtf8(dev), QString::fromUtf8(role)};
}

struct MemberText {
    const char* name;
    const char* dev;
    const char* role;
};

Members members(std::initializer_list<MemberText> items) {
    Members result;
    for (const MemberText& item : items)
        result.push_back(member(item.name, item.dev, item.role));
    return result;
}

QString describe(const MdDetailDevice& device) {
    auto optional = [](std::optional<int> value) {
        return value ? QString::number(*value) : QStringLiteral("-");
    };
    return QStringLiteral("%1 %2:%3 role %4 [%5] '%6'")
        .arg(optional(device.number))
        .arg(device.major)
        .arg(device.minor)
        .arg(optional(device.raidDevice), device.state.join(QLatin1Char(' ')), device.path);
}

template <typename T> QString errorText(const ParseResult<T>& result) {
    return result.ok() ? QStringLiteral("parsed fine") : result.error().toString();
}

void compareRows(const Rows& actual, const Rows& expected) {
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(describe(actual[i]), describe(expected[i]));
    QVERIFY(actual == expected);
}

// The Number column of a state-less table (inactive array) and a resyncing array, as
// Detail.c prints them: rows "       -   %5d    %5d        -     " + "   %s".
const char* const kInactive = "/dev/md127:\n"
                              "           Version : 1.2\n"
                              "        Raid Level : raid1\n"
                              "     Total Devices : 2\n"
                              "       Persistence : Superblock is persistent\n"
                              "\n"
                              "             State : inactive\n"
                              "    Active Devices : 0\n"
                              "   Working Devices : 2\n"
                              "    Failed Devices : 0\n"
                              "     Spare Devices : 2\n"
                              "\n"
                              "              Name : secondary:0  (local to host secondary)\n"
                              "              UUID : 1d821c84:75395ed4:f1d8ed00:4f909af4\n"
                              "            Events : 37\n"
                              "\n"
                              "    Number   Major   Minor   RaidDevice\n"
                              "\n"
                              "       -       8       16        -        /dev/sdb\n"
                              "       -     253        0        -        /dev/dm-0\n";

const char* const kResyncing = "/dev/md0:\n"
                               "           Version : 1.2\n"
                               "     Creation Time : Tue Nov 24 16:00:26 2026\n"
                               "        Raid Level : raid1\n"
                               "        Array Size : 1046528 (1022.00 MiB 1071.64 MB)\n"
                               "     Used Dev Size : 1046528 (1022.00 MiB 1071.64 MB)\n"
                               "      Raid Devices : 2\n"
                               "     Total Devices : 2\n"
                               "       Persistence : Superblock is persistent\n"
                               "\n"
                               "     Intent Bitmap : Internal\n"
                               "\n"
                               "       Update Time : Tue Nov 24 16:00:40 2026\n"
                               "             State : clean, resyncing \n"
                               "    Active Devices : 2\n"
                               "   Working Devices : 2\n"
                               "    Failed Devices : 0\n"
                               "     Spare Devices : 0\n"
                               "\n"
                               "Consistency Policy : bitmap\n"
                               "\n"
                               "     Resync Status : 35% complete\n"
                               "\n"
                               "              Name : primary:0  (local to host primary)\n"
                               "              UUID : 1d821c84:75395ed4:f1d8ed00:4f909af4\n"
                               "            Events : 5\n"
                               "\n"
                               "    Number   Major   Minor   RaidDevice State\n"
                               "       0     253        0        0      active sync   /dev/dm-0\n"
                               "       1       8        0        1      active sync writemostly"
                               "   /dev/sda\n";

const char* const kExamineTwo =
    "/dev/dm-0:\n"
    "          Magic : a92b4efc\n"
    "        Version : 1.2\n"
    "    Feature Map : 0x1\n"
    "     Array UUID : 1d821c84:75395ed4:f1d8ed00:4f909af4\n"
    "           Name : primary:0  (local to host primary)\n"
    "  Creation Time : Tue Nov 24 16:00:26 2026\n"
    "     Raid Level : raid1\n"
    "   Raid Devices : 2\n"
    "\n"
    " Avail Dev Size : 2093056 sectors (1022.00 MiB 1071.64 MB)\n"
    "     Array Size : 1046528 KiB (1022.00 MiB 1071.64 MB)\n"
    "  Used Dev Size : 2093056 sectors (1022.00 MiB 1071.64 MB)\n"
    "    Data Offset : 2048 sectors\n"
    "   Super Offset : 8 sectors\n"
    "          State : clean\n"
    "    Device UUID : 0a1b2c3d:4e5f6071:8293a4b5:c6d7e8f9\n"
    "\n"
    "Internal Bitmap : 8 sectors from superblock\n"
    "    Update Time : Tue Nov 24 16:03:53 2026\n"
    "       Checksum : 12345678 - correct\n"
    "         Events : 37\n"
    "\n"
    "\n"
    "   Device Role : Active device 0\n"
    "   Array State : A. ('A' == active, '.' == missing, 'R' == replacing)\n"
    "/dev/sda:\n"
    "          Magic : a92b4efc\n"
    "        Version : 1.2\n"
    "    Feature Map : 0x1\n"
    "     Array UUID : 1d821c84:75395ed4:f1d8ed00:4f909af4\n"
    "           Name : primary:0  (local to host primary)\n"
    "  Creation Time : Tue Nov 24 16:00:26 2026\n"
    "     Raid Level : raid1\n"
    "   Raid Devices : 2\n"
    "\n"
    " Avail Dev Size : 2093056 sectors (1022.00 MiB 1071.64 MB)\n"
    "     Array Size : 1046528 KiB (1022.00 MiB 1071.64 MB)\n"
    "    Data Offset : 2048 sectors\n"
    "          State : clean\n"
    "    Device UUID : 99887766:55443322:11009988:77665544\n"
    "\n"
    "Internal Bitmap : 8 sectors from superblock\n"
    "          Flags : write-mostly failfast\n"
    "    Update Time : Tue Nov 24 16:03:40 2026\n"
    "       Checksum : 87654321 - correct\n"
    "         Events : 35\n"
    "\n"
    "\n"
    "   Device Role : spare\n"
    "   Array State : AA ('A' == active, '.' == missing, 'R' == replacing)\n";

} // namespace

class TestMdadm : public QObject {
    Q_OBJECT
private slots:
    // --- mdadm --detail -------------------------------------------------------------------

    void detailFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("level");
        QTest::addColumn<OptInt64>("arraySizeKiB");
        QTest::addColumn<OptInt64>("usedDevSizeKiB");
        QTest::addColumn<OptInt>("raidDevices");
        QTest::addColumn<OptInt>("totalDevices");
        QTest::addColumn<OptInt>("activeDevices");
        QTest::addColumn<OptInt>("workingDevices");
        QTest::addColumn<OptInt>("failedDevices");
        QTest::addColumn<OptInt>("spareDevices");
        QTest::addColumn<QStringList>("state");
        QTest::addColumn<QString>("intentBitmap");
        QTest::addColumn<QString>("consistencyPolicy");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("chunkSize");
        QTest::addColumn<QString>("rebuildKind");
        QTest::addColumn<OptInt>("rebuildPercent");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("uuid");
        QTest::addColumn<OptInt64>("events");
        QTest::addColumn<QString>("creationTime");
        QTest::addColumn<QString>("updateTime");
        QTest::addColumn<Rows>("rows");

        const QString testbedUuid = QStringLiteral("1d821c84:75395ed4:f1d8ed00:4f909af4");
        const QString created = QStringLiteral("Tue Nov 24 16:00:26 2026");
        const Rows testbedRows{
            row(0, 253, 0, 0, {"active", "sync"}, "/dev/dm-0"),
            row(1, 8, 0, 1, {"active", "sync", "writemostly"}, "/dev/sda"),
        };
        const QStringList clean = list({"clean"});

        QTest::newRow("testbed clean")
            << "testbed/mdadm_detail_clean.txt"
            << "/dev/md0"
            << "raid1" << OptInt64(1046528) << OptInt64(1046528) << OptInt(2) << OptInt(2)
            << OptInt(2) << OptInt(2) << OptInt(0) << OptInt(0) << clean << "Internal"
            << "bitmap"
            << ""
            << ""
            << "" << none << "primary:0" << testbedUuid << OptInt64(30) << created
            << "Tue Nov 24 16:01:16 2026" << testbedRows;
        QTest::newRow("testbed after grow")
            << "testbed/mdadm_detail_after_grow.txt"
            << "/dev/md0"
            << "raid1" << OptInt64(1570816) << OptInt64(1570816) << OptInt(2) << OptInt(2)
            << OptInt(2) << OptInt(2) << OptInt(0) << OptInt(0) << clean << "Internal"
            << "bitmap"
            << ""
            << ""
            << "" << none << "primary:0" << testbedUuid << OptInt64(33) << created
            << "Tue Nov 24 16:02:19 2026" << testbedRows;
        QTest::newRow("testbed degraded")
            << "testbed/mdadm_detail_degraded.txt"
            << "/dev/md0"
            << "raid1" << OptInt64(1570816) << OptInt64(1570816) << OptInt(2) << OptInt(2)
            << OptInt(1) << OptInt(1) << OptInt(1) << OptInt(0) << list({"clean", "degraded"})
            << "Internal"
            << "bitmap"
            << ""
            << ""
            << "" << none << "primary:0" << testbedUuid << OptInt64(37) << created
            << "Tue Nov 24 16:03:53 2026"
            << Rows{
                   row(0, 253, 0, 0, {"active", "sync"}, "/dev/dm-0"),
                   row(none, 0, 0, 1, {"removed"}, ""),
                   row(1, 8, 0, none, {"faulty", "writemostly"}, "/dev/sda"),
               };
        QTest::newRow("testbed final")
            << "testbed/mdadm_detail_final.txt"
            << "/dev/md0"
            << "raid1" << OptInt64(1832960) << OptInt64(1832960) << OptInt(2) << OptInt(2)
            << OptInt(2) << OptInt(2) << OptInt(0) << OptInt(0) << clean << "Internal"
            << "bitmap"
            << ""
            << ""
            << "" << none << "primary:0" << testbedUuid << OptInt64(110) << created
            << "Tue Nov 24 16:13:13 2026" << testbedRows;

        QTest::newRow("raid0 over md")
            << "public/mdadm_detail_1.2_raid0_over_md.txt"
            << "/dev/md2"
            << "raid0" << OptInt64(1527808) << none64 << OptInt(2) << OptInt(2) << OptInt(2)
            << OptInt(2) << OptInt(0) << OptInt(0) << clean << ""
            << "none"
            << ""
            << "512K"
            << "" << none << "otuslinux:2"
            << "fb5ed678:65ed719f:609b30f3:2bbbb9ba" << OptInt64(0) << "Fri May  4 11:54:56 2018"
            << "Fri May  4 11:54:56 2018"
            << Rows{
                   row(0, 9, 0, 0, {"active", "sync"}, "/dev/md0"),
                   row(1, 9, 1, 1, {"active", "sync"}, "/dev/md1"),
               };

        const QString raid10Uuid = QStringLiteral("d8ffe578:b2aea5e7:80f3fd28:967057d4");
        const Rows raid10Tail{
            row(2, 8, 48, 2, {"active", "sync", "set-A"}, "/dev/sdd"),
            row(3, 8, 64, 3, {"active", "sync", "set-B"}, "/dev/sde"),
            row(4, 8, 80, 4, {"active", "sync", "set-A"}, "/dev/sdf"),
            row(5, 8, 96, 5, {"active", "sync", "set-B"}, "/dev/sdg"),
            row(6, 8, 112, 6, {"active", "sync", "set-A"}, "/dev/sdh"),
            row(7, 8, 128, 7, {"active", "sync", "set-B"}, "/dev/sdi"),
            row(8, 8, 144, 8, {"active", "sync", "set-A"}, "/dev/sdj"),
            row(9, 8, 160, 9, {"active", "sync", "set-B"}, "/dev/sdk"),
        };
        Rows raid10Faulty{
            row(0, 8, 16, 0, {"active", "sync", "set-A"}, "/dev/sdb"),
            row(none, 0, 0, 1, {"removed"}, ""),
        };
        raid10Faulty.insert(raid10Faulty.end(), raid10Tail.begin(), raid10Tail.end());
        raid10Faulty.push_back(row(1, 8, 32, none, {"faulty"}, "/dev/sdc"));
        QTest::newRow("raid10 degraded faulty")
            << "public/mdadm_detail_1.2_raid10_degraded_faulty.txt"
            << "/dev/md0"
            << "raid10" << OptInt64(1274880) << OptInt64(254976) << OptInt(10) << OptInt(10)
            << OptInt(9) << OptInt(9) << OptInt(1) << OptInt(0) << list({"clean", "degraded"}) << ""
            << "resync"
            << "near=2"
            << "512K"
            << "" << none << "otuslinux:0" << raid10Uuid << OptInt64(19)
            << "Tue May  1 09:41:27 2018"
            << "Tue May  1 10:09:03 2018" << raid10Faulty;

        Rows raid10Recovering{
            row(0, 8, 16, 0, {"active", "sync", "set-A"}, "/dev/sdb"),
            row(10, 8, 32, 1, {"spare", "rebuilding"}, "/dev/sdc"),
        };
        raid10Recovering.insert(raid10Recovering.end(), raid10Tail.begin(), raid10Tail.end());
        QTest::newRow("raid10 recovering")
            << "public/mdadm_detail_1.2_raid10_recovering.txt"
            << "/dev/md0"
            << "raid10" << OptInt64(1274880) << OptInt64(254976) << OptInt(10) << OptInt(10)
            << OptInt(9) << OptInt(10) << OptInt(0) << OptInt(1)
            << list({"clean", "degraded", "recovering"}) << ""
            << "resync"
            << "near=2"
            << "512K"
            << "Rebuild" << OptInt(17) << "otuslinux:0" << raid10Uuid << OptInt64(24)
            << "Tue May  1 09:41:27 2018"
            << "Tue May  1 10:16:18 2018" << raid10Recovering;

        const QString raid5Uuid = QStringLiteral("3dc613d5:9c8f7ad0:26ae4b4f:48533886");
        QTest::newRow("raid5 degraded faulty")
            << "public/mdadm_detail_1.2_raid5_degraded_faulty.txt"
            << "/dev/md3"
            << "raid5" << OptInt64(40882176) << OptInt64(20441088) << OptInt(3) << OptInt(3)
            << OptInt(2) << OptInt(2) << OptInt(1) << OptInt(0) << list({"clean", "degraded"}) << ""
            << "resync"
            << "left-symmetric"
            << "512K"
            << "" << none << "lesson-02:3" << raid5Uuid << OptInt64(10)
            << "Mon Aug 19 09:07:52 2019"
            << "Mon Aug 19 10:10:19 2019"
            << Rows{
                   row(0, 8, 3, 0, {"active", "sync"}, "/dev/sda3"),
                   row(1, 8, 19, 1, {"active", "sync"}, "/dev/sdb3"),
                   row(none, 0, 0, 2, {"removed"}, ""),
                   row(2, 8, 35, none, {"faulty"}, "/dev/sdc3"),
               };
        QTest::newRow("raid5 recovering")
            << "public/mdadm_detail_1.2_raid5_recovering_spare_rebuilding.txt"
            << "/dev/md3"
            << "raid5" << OptInt64(40882176) << OptInt64(20441088) << OptInt(3) << OptInt(3)
            << OptInt(2) << OptInt(3) << OptInt(0) << OptInt(1)
            << list({"clean", "degraded", "recovering"}) << ""
            << "resync"
            << "left-symmetric"
            << "512K"
            << "Rebuild" << OptInt(3) << "lesson-02:3" << raid5Uuid << OptInt64(27)
            << "Mon Aug 19 09:07:52 2019"
            << "Mon Aug 19 10:13:49 2019"
            << Rows{
                   row(0, 8, 3, 0, {"active", "sync"}, "/dev/sda3"),
                   row(1, 8, 19, 1, {"active", "sync"}, "/dev/sdb3"),
                   row(3, 8, 35, 2, {"spare", "rebuilding"}, "/dev/sdc3"),
               };

        QTest::newRow("raid1 writemostly (mailing list)")
            << "public/mdadm_detail_raid1_writemostly_md0.txt"
            << "/dev/md0"
            << "raid1" << OptInt64(33520640) << OptInt64(33520640) << OptInt(3) << OptInt(3)
            << OptInt(3) << OptInt(3) << OptInt(0) << OptInt(0) << clean << "Internal"
            << "bitmap"
            << ""
            << ""
            << "" << none << "any:home"
            << "f6189e48:e5dadfbd:8a7a9239:c6074410" << OptInt64(864895)
            << "Fri Nov 15 07:07:21 2019"
            << "Sun Mar 17 11:19:35 2024"
            << Rows{
                   row(3, 259, 3, 0, {"active", "sync"}, "/dev/nvme0n1p3"),
                   row(4, 8, 17, 1, {"active", "sync", "writemostly"}, "/dev/sdb1"),
                   row(5, 8, 1, 2, {"active", "sync", "writemostly"}, "/dev/sda1"),
               };
    }

    void detailFixtures() {
        QFETCH(QString, file);
        const auto result = parseMdadmDetail(fixture(file));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const MdDetail& d = result.value();

        QTEST(d.device, "device");
        QCOMPARE(d.version, QStringLiteral("1.2"));
        QTEST(d.level, "level");
        QTEST(d.arraySizeKiB, "arraySizeKiB");
        QTEST(d.usedDevSizeKiB, "usedDevSizeKiB");
        QTEST(d.raidDevices, "raidDevices");
        QTEST(d.totalDevices, "totalDevices");
        QCOMPARE(d.persistence, QStringLiteral("Superblock is persistent"));
        QTEST(d.activeDevices, "activeDevices");
        QTEST(d.workingDevices, "workingDevices");
        QTEST(d.failedDevices, "failedDevices");
        QTEST(d.spareDevices, "spareDevices");
        QTEST(d.state, "state");
        QTEST(d.intentBitmap, "intentBitmap");
        QTEST(d.consistencyPolicy, "consistencyPolicy");
        QTEST(d.layout, "layout");
        QTEST(d.chunkSize, "chunkSize");
        QTEST(d.rebuildKind, "rebuildKind");
        QTEST(d.rebuildPercent, "rebuildPercent");
        QTEST(d.name, "name");
        QTEST(d.uuid, "uuid");
        QTEST(d.events, "events");
        QTEST(d.creationTime, "creationTime");
        QTEST(d.updateTime, "updateTime");
        QFETCH(Rows, rows);
        compareRows(d.devices, rows);
        // Every label in these captures is one the parser models.
        QVERIFY(d.other.empty());
    }

    void detailQueries() {
        const auto result =
            parseMdadmDetail(fixture(QStringLiteral("testbed/mdadm_detail_degraded.txt")));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        const MdDetail& d = result.value();
        QVERIFY(d.hasState(QStringLiteral("degraded")));
        QVERIFY(!d.hasState(QStringLiteral("recovering")));
        QCOMPARE(d.devices.size(), size_t(3));
        QVERIFY(d.devices[2].has(QStringLiteral("faulty")));
        QVERIFY(d.devices[2].has(QStringLiteral("writemostly")));
        QVERIFY(!d.devices[0].has(QStringLiteral("writemostly")));
    }

    void detailCrlf() {
        QString text = fixture(QStringLiteral("testbed/mdadm_detail_clean.txt"));
        const auto lf = parseMdadmDetail(text);
        text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
        const auto crlf = parseMdadmDetail(text);
        QVERIFY2(crlf.ok(), qPrintable(errorText(crlf)));
        QVERIFY(lf.ok());
        QCOMPARE(crlf.value().state, QStringList{QStringLiteral("clean")});
        QVERIFY(crlf.value() == lf.value());
    }

    void detailInactive() {
        const auto result = parseMdadmDetail(QString::fromLatin1(kInactive));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const MdDetail& d = result.value();
        QCOMPARE(d.device, QStringLiteral("/dev/md127"));
        QCOMPARE(d.level, QStringLiteral("raid1"));
        QCOMPARE(d.state, QStringList{QStringLiteral("inactive")});
        QCOMPARE(d.raidDevices, none);
        QCOMPARE(d.totalDevices, OptInt(2));
        QCOMPARE(d.arraySizeKiB, none64);
        QCOMPARE(d.workingDevices, OptInt(2));
        QCOMPARE(d.spareDevices, OptInt(2));
        QCOMPARE(d.name, QStringLiteral("secondary:0"));
        QCOMPARE(d.events, OptInt64(37));
        compareRows(d.devices, Rows{
                                   row(none, 8, 16, none, {}, "/dev/sdb"),
                                   row(none, 253, 0, none, {}, "/dev/dm-0"),
                               });
    }

    void detailResyncing() {
        const auto result = parseMdadmDetail(QString::fromLatin1(kResyncing));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const MdDetail& d = result.value();
        QCOMPARE(d.state, (list({"clean", "resyncing"})));
        QCOMPARE(d.rebuildKind, QStringLiteral("Resync"));
        QCOMPARE(d.rebuildPercent, OptInt(35));
        QCOMPARE(d.events, OptInt64(5));
        QCOMPARE(d.devices.size(), size_t(2));
        QCOMPARE(d.devices[1].path, QStringLiteral("/dev/sda"));
    }

    void detailStateWords_data() {
        QTest::addColumn<QString>("stateLine");
        QTest::addColumn<QStringList>("words");
        // Detail.c prints "%s%s%s%s%s%s%s \n": arrayst, ", degraded"/", FAILED", the sync
        // action, ", Not Started", then " (DELAYED)", " (PENDING)" or " (REMOTE)".
        QTest::newRow("clean") << "             State : clean " << list({"clean"});
        QTest::newRow("delayed") << "             State : clean, degraded, resyncing (DELAYED) "
                                 << list({"clean", "degraded", "resyncing", "(DELAYED)"});
        QTest::newRow("pending") << "             State : active, resyncing (PENDING) "
                                 << list({"active", "resyncing", "(PENDING)"});
        QTest::newRow("not started") << "             State : active, FAILED, Not Started "
                                     << list({"active", "FAILED", "Not Started"});
        QTest::newRow("checking") << "             State : clean, checking "
                                  << list({"clean", "checking"});
        QTest::newRow("reshaping")
            << "             State : clean, reshaping " << list({"clean", "reshaping"});
    }

    void detailStateWords() {
        QFETCH(QString, stateLine);
        QFETCH(QStringList, words);
        const QString text = QStringLiteral("/dev/md0:\n"
                                            "           Version : 1.2\n") +
                             stateLine + QLatin1Char('\n');
        const auto result = parseMdadmDetail(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QCOMPARE(result.value().state, words);
        QVERIFY(result.value().hasState(words.first()));
    }

    void detailDelayedHasResyncing() {
        const QString text =
            QStringLiteral("/dev/md0:\n"
                           "             State : clean, degraded, resyncing (DELAYED) \n");
        const auto result = parseMdadmDetail(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY(result.value().hasState(QStringLiteral("resyncing")));
        QVERIFY(result.value().hasState(QStringLiteral("degraded")));
        QVERIFY(result.value().devices.empty());
    }

    void detailOtherFields() {
        // A 0.90 array ("Preferred Minor") and a container member ("Container"), plus a
        // reshape's "Delta Devices": none of them is modelled.
        const QString text = QStringLiteral("/dev/md1:\n"
                                            "         Container : /dev/md/imsm0, member 0\n"
                                            "        Raid Level : raid5\n"
                                            "   Preferred Minor : 1\n"
                                            "             State : clean, reshaping \n"
                                            "    Reshape Status : 12% complete\n"
                                            "     Delta Devices : 1, (3->4)\n"
                                            "     Used Dev Size : unknown\n");
        const auto result = parseMdadmDetail(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const MdDetail& d = result.value();
        QCOMPARE(d.version, QString());
        QCOMPARE(d.level, QStringLiteral("raid5"));
        QCOMPARE(d.rebuildKind, QStringLiteral("Reshape"));
        QCOMPARE(d.rebuildPercent, OptInt(12));
        // mdadm prints "Used Dev Size : unknown" when it cannot read the component size.
        QCOMPARE(d.usedDevSizeKiB, none64);
        const Pairs expected = pairs({
            {"Container", "/dev/md/imsm0, member 0"},
            {"Preferred Minor", "1"},
            {"Delta Devices", "1, (3->4)"},
        });
        QVERIFY(d.other == expected);
    }

    void detailGarbageWarns() {
        const QString text = QStringLiteral("/dev/md0:\n"                                     // 1
                                            "           Version : 1.2\n"                      // 2
                                            "this is not a field\n"                           // 3
                                            "             State : clean \n"                   // 4
                                            "\n"                                              // 5
                                            "    Number   Major   Minor   RaidDevice State\n" // 6
                                            "       0     253        0        0      active sync"
                                            "   /dev/dm-0\n" // 7
                                            "       x y z\n" // 8
                                            "       1       8        0        1      spare"
                                            "   /dev/sda\n"); // 9
        const auto result = parseMdadmDetail(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QCOMPARE(result.warnings().size(), size_t(2));
        QCOMPARE(result.warnings()[0].line, 3);
        QCOMPARE(result.warnings()[0].text, QStringLiteral("this is not a field"));
        QCOMPARE(result.warnings()[0].source, QStringLiteral("mdadm --detail"));
        QCOMPARE(result.warnings()[1].line, 8);
        QCOMPARE(result.warnings()[1].text, QStringLiteral("       x y z"));
        const MdDetail& d = result.value();
        compareRows(d.devices, Rows{
                                   row(0, 253, 0, 0, {"active", "sync"}, "/dev/dm-0"),
                                   row(1, 8, 0, 1, {"spare"}, "/dev/sda"),
                               });
    }

    void detailErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedMentions");

        QTest::newRow("empty") << "" << 0 << "/dev/mdX:";
        QTest::newRow("blank lines only") << "\n   \n\n" << 0 << "/dev/mdX:";
        QTest::newRow("no device line") << "           Version : 1.2\n"
                                           "             State : clean \n"
                                        << 1 << "/dev/mdX:";
        QTest::newRow("error message instead")
            << "\nmdadm: cannot open /dev/md9: No such file or directory\n"
            << 2 << "/dev/mdX:";
        QTest::newRow("raid devices not a number") << "/dev/md0:\n"
                                                      "           Version : 1.2\n"
                                                      "      Raid Devices : two\n"
                                                   << 3 << "Raid Devices";
        QTest::newRow("events not a number") << "/dev/md0:\n"
                                                "           Version : 1.2\n"
                                                "\n"
                                                "            Events : many\n"
                                             << 4 << "Events";
        QTest::newRow("rebuild status without percent") << "/dev/md0:\n"
                                                           "           Version : 1.2\n"
                                                           "    Rebuild Status : soon\n"
                                                        << 3 << "% complete";
        QTest::newRow("bad major") << "/dev/md0:\n"
                                      "           Version : 1.2\n"
                                      "    Number   Major   Minor   RaidDevice State\n"
                                      "       0  99999999999        0        0      active sync"
                                      "   /dev/dm-0\n"
                                   << 4 << "major";
        QTest::newRow("device line only") << "/dev/md0:\n" << 0 << "Version";
    }

    void detailErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedMentions);
        const auto result = parseMdadmDetail(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("mdadm --detail"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedMentions),
                 qPrintable(result.error().toString()));
    }

    // --- mdadm --detail --export -----------------------------------------------------------

    void exportFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("level");
        QTest::addColumn<OptInt>("devices");
        QTest::addColumn<QString>("metadata");
        QTest::addColumn<QString>("uuid");
        QTest::addColumn<QString>("devname");
        QTest::addColumn<QString>("name");
        QTest::addColumn<Members>("members");

        QTest::newRow("libstorage raid1")
            << "public/mdadm_detail_export_libstorage_parse1_raid1.txt"
            << "raid1" << OptInt(2) << "1.0"
            << "35dd06d4:b4e9e248:9262c3ad:02b61654"
            << ""
            << "linux:0" << members({{"sda1", "/dev/sda1", "0"}, {"sdb1", "/dev/sdb1", "1"}});
        // Verbatim: this mdadm named the device variables "ev_<dev>", not "dev_<dev>".
        QTest::newRow("libstorage raid10 spare")
            << "public/mdadm_detail_export_libstorage_parse2_raid10_spare.txt"
            << "raid10" << OptInt(4) << "1.2"
            << "bc9eb9bb:cba04711:7e4155f7:808630e7"
            << "test"
            << "kassandra:test"
            << members({{"ev_sdd2", "/dev/sdd2", "3"},
                        {"ev_sdc2", "/dev/sdc2", "2"},
                        {"ev_sdd3", "/dev/sdd3", "1"},
                        {"ev_sdc3", "/dev/sdc3", "spare"},
                        {"ev_sdc1", "/dev/sdc1", "0"}});
    }

    void exportFixtures() {
        QFETCH(QString, file);
        QFETCH(Members, members);
        const auto result = parseMdadmExport(fixture(file));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const MdExport& e = result.value();
        QTEST(e.level, "level");
        QTEST(e.devices, "devices");
        QTEST(e.metadata, "metadata");
        QTEST(e.uuid, "uuid");
        QTEST(e.devname, "devname");
        QTEST(e.name, "name");
        QCOMPARE(e.members.size(), members.size());
        for (size_t i = 0; i < members.size(); ++i) {
            QCOMPARE(e.members[i].name, members[i].name);
            QCOMPARE(e.members[i].dev, members[i].dev);
            QCOMPARE(e.members[i].role, members[i].role);
        }
        QVERIFY(e.other.empty());
    }

    void exportConstructed() {
        // formats.md §3 naming (sysfs "dev-sdb" with non-alphanumerics turned into '_'),
        // DEV before ROLE for one device, a journal, and variables nr1 does not model.
        const QString text = QStringLiteral("MD_LEVEL=raid1\n"
                                            "MD_DEVICES=2\n"
                                            "MD_METADATA=1.2\n"
                                            "MD_UUID=1d821c84:75395ed4:f1d8ed00:4f909af4\n"
                                            "MD_DEVNAME=nr1\n"
                                            "MD_RESHAPE_ACTIVE=False\n"
                                            "MD_NAME=primary:nr1\n"
                                            "MD_DEVICE_dev_dm_0_ROLE=0\n"
                                            "MD_DEVICE_dev_dm_0_DEV=/dev/dm-0\n"
                                            "MD_DEVICE_dev_sdb_DEV=/dev/sdb\n"
                                            "MD_DEVICE_dev_sdb_ROLE=1\n"
                                            "MD_DEVICE_dev_nvme0n1p2_ROLE=journal\n"
                                            "MD_DEVICE_dev_nvme0n1p2_DEV=/dev/nvme0n1p2\n"
                                            "MD_CLUSTER_NAME=a=b\n");
        const auto result = parseMdadmExport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const MdExport& e = result.value();
        QCOMPARE(e.level, QStringLiteral("raid1"));
        QCOMPARE(e.devices, OptInt(2));
        QCOMPARE(e.metadata, QStringLiteral("1.2"));
        QCOMPARE(e.uuid, QStringLiteral("1d821c84:75395ed4:f1d8ed00:4f909af4"));
        QCOMPARE(e.devname, QStringLiteral("nr1"));
        QCOMPARE(e.name, QStringLiteral("primary:nr1"));
        QCOMPARE(e.members.size(), size_t(3));
        QVERIFY(e.members[0] == member("dev_dm_0", "/dev/dm-0", "0"));
        QVERIFY(e.members[1] == member("dev_sdb", "/dev/sdb", "1"));
        QVERIFY(e.members[2] == member("dev_nvme0n1p2", "/dev/nvme0n1p2", "journal"));
        // Split at the first '=' only.
        const Pairs expected = pairs({{"MD_RESHAPE_ACTIVE", "False"}, {"MD_CLUSTER_NAME", "a=b"}});
        QVERIFY(e.other == expected);
    }

    void exportWarning() {
        const QString text = QStringLiteral("MD_LEVEL=raid1\n"
                                            "\n"
                                            "mdadm: some message\n"
                                            "MD_DEVICES=2\n");
        const auto result = parseMdadmExport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QCOMPARE(result.warnings().size(), size_t(1));
        QCOMPARE(result.warnings()[0].line, 3);
        QCOMPARE(result.warnings()[0].text, QStringLiteral("mdadm: some message"));
        QCOMPARE(result.value().level, QStringLiteral("raid1"));
        QCOMPARE(result.value().devices, OptInt(2));
        QVERIFY(result.value().members.empty());
    }

    void exportErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedMentions");
        QTest::newRow("empty") << "" << 0 << "MD_";
        QTest::newRow("no MD_ lines") << "LEVEL=raid1\nfoo\n" << 0 << "MD_";
        QTest::newRow("devices not a number") << "MD_LEVEL=raid1\nMD_DEVICES=x\n"
                                              << 2 << "MD_DEVICES";
        QTest::newRow("role without dev") << "MD_LEVEL=raid1\n"
                                             "MD_DEVICES=2\n"
                                             "MD_DEVICE_dev_sda_ROLE=0\n"
                                             "MD_DEVICE_dev_sda_DEV=/dev/sda\n"
                                             "MD_DEVICE_dev_sdb_ROLE=1\n"
                                          << 0 << "MD_DEVICE_dev_sdb_DEV";
        QTest::newRow("dev without role") << "MD_DEVICE_dev_sdb_DEV=/dev/sdb\n"
                                          << 0 << "MD_DEVICE_dev_sdb_ROLE";
    }

    void exportErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedMentions);
        const auto result = parseMdadmExport(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("mdadm --detail --export"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedMentions),
                 qPrintable(result.error().toString()));
    }

    // --- mdadm --examine -------------------------------------------------------------------

    void examineFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("deviceUuid");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("updateTime");
        QTest::addColumn<QString>("checksum");
        QTest::addColumn<QString>("deviceRole");
        QTest::addColumn<OptInt>("activeRole");

        QTest::newRow("nvme0n1p3 (no flags)")
            << "public/mdadm_examine_1.2_raid1_bitmap_nvme0n1p3.txt"
            << "/dev/nvme0n1p3"
            << "dae5b41c:8eaceaae:d65a1486:819723c1" << list({}) << "Sun Mar 17 11:16:38 2024"
            << "781a567b - correct"
            << "Active device 0" << OptInt(0);
        QTest::newRow("sda1 write-mostly") << "public/mdadm_examine_1.2_raid1_writemostly_sda1.txt"
                                           << "/dev/sda1"
                                           << "9023e389:b12c69be:abd226c2:fceba209"
                                           << list({"write-mostly"}) << "Sun Mar 17 11:15:22 2024"
                                           << "7958e05b - correct"
                                           << "Active device 2" << OptInt(2);
        QTest::newRow("sdb1 write-mostly") << "public/mdadm_examine_1.2_raid1_writemostly_sdb1.txt"
                                           << "/dev/sdb1"
                                           << "a5a29aca:ebfaa7b1:c484660d:bb455305"
                                           << list({"write-mostly"}) << "Sun Mar 17 11:15:34 2024"
                                           << "f43f398c - correct"
                                           << "Active device 1" << OptInt(1);
    }

    void examineFixtures() {
        QFETCH(QString, file);
        const auto result = parseMdadmExamine(fixture(file));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        QCOMPARE(result.value().size(), size_t(1));
        const MdExamine& x = result.value().front();
        QTEST(x.device, "device");
        QCOMPARE(x.magic, QStringLiteral("a92b4efc"));
        QCOMPARE(x.version, QStringLiteral("1.2"));
        QCOMPARE(x.featureMap, QStringLiteral("0x1"));
        QCOMPARE(x.arrayUuid, QStringLiteral("f6189e48:e5dadfbd:8a7a9239:c6074410"));
        QCOMPARE(x.name, QStringLiteral("any:home"));
        QCOMPARE(x.creationTime, QStringLiteral("Fri Nov 15 07:07:21 2019"));
        QCOMPARE(x.raidLevel, QStringLiteral("raid1"));
        QCOMPARE(x.raidDevices, OptInt(3));
        QCOMPARE(x.availDevSizeSectors, OptInt64(67041280));
        QCOMPARE(x.arraySizeKiB, OptInt64(33520640));
        QCOMPARE(x.usedDevSizeSectors, none64); // not printed: equal to the available size
        QCOMPARE(x.dataOffsetSectors, OptInt64(67584));
        QCOMPARE(x.state, QStringLiteral("clean"));
        QTEST(x.deviceUuid, "deviceUuid");
        QCOMPARE(x.internalBitmap, QStringLiteral("8 sectors from superblock"));
        QTEST(x.flags, "flags");
        QTEST(x.updateTime, "updateTime");
        QTEST(x.checksum, "checksum");
        QCOMPARE(x.events, OptInt64(864895));
        QTEST(x.deviceRole, "deviceRole");
        QTEST(x.activeRole, "activeRole");
        QCOMPARE(x.arrayState, QStringLiteral("AAA"));
        const Pairs other = pairs({
            {"Super Offset", "8 sectors"},
            {"Unused Space", "before=67504 sectors, after=0 sectors"},
            {"Bad Block Log", "512 entries available at offset 16 sectors"},
        });
        QVERIFY(x.other == other);
    }

    void examineTwoDevices() {
        const auto result = parseMdadmExamine(QString::fromLatin1(kExamineTwo));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        QCOMPARE(result.value().size(), size_t(2));
        const MdExamine& a = result.value()[0];
        const MdExamine& b = result.value()[1];
        QCOMPARE(a.device, QStringLiteral("/dev/dm-0"));
        QCOMPARE(a.name, QStringLiteral("primary:0"));
        QCOMPARE(a.raidDevices, OptInt(2));
        QCOMPARE(a.availDevSizeSectors, OptInt64(2093056));
        QCOMPARE(a.arraySizeKiB, OptInt64(1046528));
        QCOMPARE(a.usedDevSizeSectors, OptInt64(2093056));
        QCOMPARE(a.dataOffsetSectors, OptInt64(2048));
        QCOMPARE(a.deviceUuid, QStringLiteral("0a1b2c3d:4e5f6071:8293a4b5:c6d7e8f9"));
        QCOMPARE(a.flags, list({}));
        QCOMPARE(a.events, OptInt64(37));
        QCOMPARE(a.deviceRole, QStringLiteral("Active device 0"));
        QCOMPARE(a.activeRole, OptInt(0));
        QCOMPARE(a.arrayState, QStringLiteral("A."));
        QVERIFY(a.other == pairs({{"Super Offset", "8 sectors"}}));

        QCOMPARE(b.device, QStringLiteral("/dev/sda"));
        QCOMPARE(b.magic, QStringLiteral("a92b4efc"));
        QCOMPARE(b.version, QStringLiteral("1.2"));
        QCOMPARE(b.usedDevSizeSectors, none64);
        QCOMPARE(b.deviceUuid, QStringLiteral("99887766:55443322:11009988:77665544"));
        QCOMPARE(b.flags, (list({"write-mostly", "failfast"})));
        QCOMPARE(b.checksum, QStringLiteral("87654321 - correct"));
        QCOMPARE(b.events, OptInt64(35));
        QCOMPARE(b.deviceRole, QStringLiteral("spare"));
        QCOMPARE(b.activeRole, none);
        QCOMPARE(b.arrayState, QStringLiteral("AA"));
        QVERIFY(b.other.empty());
    }

    void examineBriefIsRefused() {
        // mdadm_examine_brief_libstorage_parse1.txt is `mdadm --examine --brief` output
        // ("ARRAY /dev/md/0  metadata=1.0 UUID=… name=linux:0"). This parser reads only the
        // full form, so the brief line is not a "/dev/X:" device line: an error on line 1.
        const auto result = parseMdadmExamine(
            fixture(QStringLiteral("public/mdadm_examine_brief_libstorage_parse1.txt")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("mdadm --examine"));
        QCOMPARE(result.error().line, 1);
        QVERIFY(result.error().expected.contains(QStringLiteral("/dev/X:")));
        QVERIFY(result.error().found.startsWith(QStringLiteral("ARRAY /dev/md/0")));
    }

    void examineWarning() {
        // The 0.90 superblock's device table is not "Label : value": skipped with a warning.
        const QString text =
            QStringLiteral("/dev/sdb1:\n"
                           "          Magic : a92b4efc\n"
                           "        Version : 0.90.00\n"
                           "           UUID : 6f1e7a2b:00112233:44556677:8899aabb\n"
                           "     Raid Level : raid1\n"
                           "         Events : 42\n"
                           "\n"
                           "      Number   Major   Minor   RaidDevice State\n"
                           "this     1       8       17        1      active sync"
                           "   /dev/sdb1\n");
        const auto result = parseMdadmExamine(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QCOMPARE(result.value().size(), size_t(1));
        QCOMPARE(result.value()[0].arrayUuid,
                 QStringLiteral("6f1e7a2b:00112233:44556677:8899aabb"));
        QCOMPARE(result.value()[0].version, QStringLiteral("0.90.00"));
        QCOMPARE(result.value()[0].events, OptInt64(42));
        QCOMPARE(result.warnings().size(), size_t(2));
        QCOMPARE(result.warnings()[0].line, 8);
        QCOMPARE(result.warnings()[1].line, 9);
    }

    void examineErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedMentions");
        QTest::newRow("empty") << "" << 0 << "/dev/X:";
        QTest::newRow("text before the first device") << "\n"
                                                         "          Magic : a92b4efc\n"
                                                         "/dev/sda:\n"
                                                      << 2 << "/dev/X:";
        QTest::newRow("no superblock message") << "mdadm: No md superblock detected on /dev/sdc.\n"
                                               << 1 << "/dev/X:";
        QTest::newRow("block without magic") << "/dev/sda:\n"
                                                "          Magic : a92b4efc\n"
                                                "        Version : 1.2\n"
                                                "/dev/sdb:\n"
                                                "        Version : 1.2\n"
                                             << 0 << "/dev/sdb";
        QTest::newRow("block without version") << "/dev/sda:\n"
                                                  "          Magic : a92b4efc\n"
                                               << 0 << "Version";
        QTest::newRow("events not a number") << "/dev/sda:\n"
                                                "          Magic : a92b4efc\n"
                                                "         Events : lots\n"
                                             << 3 << "Events";
        QTest::newRow("raid devices not a number") << "/dev/sda:\n"
                                                      "   Raid Devices : x\n"
                                                   << 2 << "Raid Devices";
    }

    void examineErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedMentions);
        const auto result = parseMdadmExamine(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("mdadm --examine"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedMentions),
                 qPrintable(result.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestMdadm)
#include "tst_mdadm.moc"
