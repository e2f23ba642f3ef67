// Tests for the LVM2 report parser (pvs/vgs/lvs --reportformat json|json_std) and for the
// size reader toBytes(). Every expected value below was read from the fixture text (or the
// constructed input) by hand; none was produced by running the parser.

#include "Fixtures.h"
#include "ParseAssertions.h"
#include "base/Numbers.h"
#include "probe/LvmReportParser.h"

#include <optional>
#include <vector>

using namespace nr1;

using OptInt = std::optional<int>;
using OptInt64 = std::optional<qint64>;
using Lvs = std::vector<LogicalVolume>;

Q_DECLARE_METATYPE(OptInt64)
Q_DECLARE_METATYPE(Lvs)

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 TiB = 1024 * GiB;

QStringList list(std::initializer_list<const char*> items) {
    QStringList result;
    for (const char* item : items)
        result.append(QString::fromUtf8(item));
    return result;
}

/// An LV as the testbed's `lvs -o +devices` reports it: no uuid or paths were asked for.
LogicalVolume lv(const char* name, const char* vg, const char* attr, std::optional<qint64> size,
                 std::initializer_list<const char*> devices) {
    LogicalVolume result;
    result.name = QString::fromUtf8(name);
    result.vgName = QString::fromUtf8(vg);
    result.attr = QString::fromUtf8(attr);
    result.sizeBytes = size;
    result.devices = list(devices);
    return result;
}

QString describe(const LogicalVolume& volume) {
    return QStringLiteral("%1/%2 uuid '%3' attr '%4' path '%5' dm '%6' size %7 devices [%8]")
        .arg(volume.vgName, volume.name, volume.uuid, volume.attr, volume.path, volume.dmPath,
             volume.sizeBytes ? QString::number(*volume.sizeBytes) : QStringLiteral("none"),
             volume.devices.join(QLatin1Char(' ')));
}

QString errorText(const ParseResult<LvmReport>& result) {
    return result.ok() ? QStringLiteral("parsed fine") : result.error().toString();
}

/// Wraps report rows the way lvm2 2.03.16 prints them (two-space indent, one row a line).
QString report(const char* kind, std::initializer_list<const char*> rows) {
    QString text =
        QStringLiteral("  {\n      \"report\": [\n          {\n              \"%1\": [\n")
            .arg(QString::fromUtf8(kind));
    QStringList lines;
    for (const char* row : rows)
        lines.append(QStringLiteral("                  ") + QString::fromUtf8(row));
    text += lines.join(QStringLiteral(",\n"));
    text += QStringLiteral("\n              ]\n          }\n      ]\n  }\n");
    return text;
}

} // namespace

class TestLvm : public QObject {
    Q_OBJECT
private slots:
    // --- testbed captures --------------------------------------------------------------------

    void testbedLvs_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Lvs>("expected");

        // "1020.00m", "1.00g", "1.75g", "<1.75g" are LVM's rounded units (powers of 1024);
        // "<" marks a size rounded up, which is the best the report tells.
        // elem0 is striped/linear over two PVs: one row per segment, merged into one LV.
        QTest::newRow("primary initial")
            << "testbed/lvs_json_primary_initial.txt"
            << Lvs{lv("lun0", "vg_export", "-wi-ao----", 1020 * MiB, {"/dev/md0(0)"}),
                   lv("elem0", "vg_loc", "-wi-ao----", 1 * GiB, {"/dev/vdb(0)", "/dev/vdc(0)"})};
        QTest::newRow("primary final") << "testbed/lvs_json_primary_final.txt"
                                       << Lvs{lv("lun0", "vg_export", "-wi-ao----", 1792 * MiB, {}),
                                              lv("elem0", "vg_loc", "-wi-ao----", 1792 * MiB, {})};
        QTest::newRow("secondary initial")
            << "testbed/lvs_json_secondary_initial.txt"
            << Lvs{lv("elem0", "vg_sec", "-wi-ao----", 1 * GiB, {"/dev/vdb(0)", "/dev/vdc(0)"})};
        QTest::newRow("secondary final")
            << "testbed/lvs_json_secondary_final.txt"
            << Lvs{lv("elem0", "vg_sec", "-wi-ao----", 1792 * MiB, {})};
    }

    void testbedLvs() {
        QFETCH(QString, file);
        QFETCH(Lvs, expected);
        const auto result = parseLvmReport(fixture(file));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const LvmReport& r = result.value();
        QCOMPARE(r.lvs.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(describe(r.lvs[i]), describe(expected[i]));
        QVERIFY(r.lvs == expected);
        QVERIFY(r.pvs.empty());
        QVERIFY(r.vgs.empty());
        QVERIFY(r.log.empty());
    }

    void testbedLvQueries() {
        const auto result =
            parseLvmReport(fixture(QStringLiteral("testbed/lvs_json_primary_initial.txt")));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        const LogicalVolume* elem =
            result.value().findLv(QStringLiteral("vg_loc"), QStringLiteral("elem0"));
        QVERIFY(elem);
        QCOMPARE(elem->fullName(), QStringLiteral("vg_loc/elem0"));
        QVERIFY(elem->isActive());
        QVERIFY(elem->isOpen());
        QCOMPARE(elem->devices, list({"/dev/vdb(0)", "/dev/vdc(0)"}));
        QVERIFY(!result.value().findLv(QStringLiteral("vg_export"), QStringLiteral("elem0")));
        QVERIFY(result.value().findLv(QStringLiteral("vg_export"), QStringLiteral("lun0")));
    }

    // --- public capture with a "log" section -------------------------------------------------

    void vgsWithLog() {
        const auto result = parseLvmReport(
            fixture(QStringLiteral("public/lvm_vgs_reportformat_json_with_log_nonroot.txt")));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const LvmReport& r = result.value();
        QVERIFY(r.vgs.empty());
        QVERIFY(r.lvs.empty());
        QVERIFY(r.pvs.empty());
        QCOMPARE(r.log.size(), size_t(1));
        const LvmLogEntry& entry = r.log.front();
        QCOMPARE(entry.type, QStringLiteral("error"));
        QCOMPARE(entry.context, QStringLiteral("processing"));
        QCOMPARE(entry.objectType, QStringLiteral("vg"));
        QCOMPARE(entry.objectName, QString());
        QCOMPARE(entry.message,
                 QStringLiteral("/run/lock/lvm/P_global:aux: open failed: Permission denied"));
        QCOMPARE(entry.errorNumber, OptInt(-1));
        QCOMPARE(entry.returnCode, OptInt(0));
    }

    void logOnly() {
        const QString text = QStringLiteral(
            "{\"log\": [{\"log_seq_num\":\"1\", \"log_type\":\"status\", "
            "\"log_context\":\"processing\", \"log_object_type\":\"cmd\", "
            "\"log_object_name\":\"\", \"log_message\":\"success\", \"log_errno\":\"0\", "
            "\"log_ret_code\":\"1\"}]}");
        const auto result = parseLvmReport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QCOMPARE(result.value().log.size(), size_t(1));
        QCOMPARE(result.value().log[0].type, QStringLiteral("status"));
        QCOMPARE(result.value().log[0].objectType, QStringLiteral("cmd"));
        QCOMPARE(result.value().log[0].message, QStringLiteral("success"));
        QCOMPARE(result.value().log[0].errorNumber, OptInt(0));
        QCOMPARE(result.value().log[0].returnCode, OptInt(1));
    }

    // --- constructed reports -----------------------------------------------------------------

    void formatsSample() {
        // formats.md §4: `lvs --reportformat json --units b --nosuffix -o ...` (strings).
        const QString text = report(
            "lv", {"{\"lv_name\":\"lv-data\", \"vg_name\":\"vg_r1\", \"lv_size\":\"268435456\", "
                   "\"lv_uuid\":\"Qd3Yc1-8bJk-Xv2p-Lm4n-Ws9q-Tz7r-Ab5cDe\", "
                   "\"lv_attr\":\"-wi-ao----\", \"lv_path\":\"/dev/vg_r1/lv-data\", "
                   "\"lv_dm_path\":\"/dev/mapper/vg_r1-lv--data\"}"});
        const auto result = parseLvmReport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        QCOMPARE(result.value().lvs.size(), size_t(1));
        const LogicalVolume& v = result.value().lvs[0];
        QCOMPARE(v.name, QStringLiteral("lv-data"));
        QCOMPARE(v.vgName, QStringLiteral("vg_r1"));
        QCOMPARE(v.sizeBytes, OptInt64(268435456));
        QCOMPARE(v.uuid, QStringLiteral("Qd3Yc1-8bJk-Xv2p-Lm4n-Ws9q-Tz7r-Ab5cDe"));
        QCOMPARE(v.attr, QStringLiteral("-wi-ao----"));
        QCOMPARE(v.path, QStringLiteral("/dev/vg_r1/lv-data"));
        QCOMPARE(v.dmPath, QStringLiteral("/dev/mapper/vg_r1-lv--data"));
        QCOMPARE(v.devices, QStringList());
        QCOMPARE(v.fullName(), QStringLiteral("vg_r1/lv-data"));
        QVERIFY(v.isActive());
        QVERIFY(v.isOpen());
    }

    void inactiveLv() {
        const QString text =
            report("lv", {"{\"lv_name\":\"lv-old\", \"vg_name\":\"vg_r1\", \"lv_size\":\"\", "
                          "\"lv_attr\":\"-wi-------\"}"});
        const auto result = parseLvmReport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        const LogicalVolume& v = result.value().lvs.at(0);
        QCOMPARE(v.sizeBytes, std::optional<qint64>()); // "" is "no value"
        QVERIFY(!v.isActive());
        QVERIFY(!v.isOpen());
    }

    void jsonStdNumbers() {
        // lvm2 >= 2.03.17 `--reportformat json_std`: numbers are JSON numbers.
        const QString text = QStringLiteral(
            "{\n"
            "  \"report\": [\n"
            "    {\n"
            "      \"lv\": [\n"
            "        {\"lv_name\":\"lv-data\", \"vg_name\":\"vg_r1\", \"lv_size\":268435456, "
            "\"lv_attr\":\"-wi-a-----\", \"devices\":\"/dev/md0(0)\"}\n"
            "      ]\n"
            "    },\n"
            "    {\n"
            "      \"vg\": [\n"
            "        {\"vg_name\":\"vg_r1\", \"vg_size\":1069547520, \"vg_free\":801112064, "
            "\"vg_extent_size\":4194304, \"pv_count\":1, \"lv_count\":1, "
            "\"vg_attr\":\"wz--n-\"}\n"
            "      ]\n"
            "    },\n"
            "    {\n"
            "      \"pv\": [\n"
            "        {\"pv_name\":\"/dev/md0\", \"vg_name\":\"vg_r1\", \"pv_size\":1069547520, "
            "\"pv_free\":801112064, \"dev_size\":1071644672}\n"
            "      ]\n"
            "    }\n"
            "  ]\n"
            "}\n");
        const auto result = parseLvmReport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const LvmReport& r = result.value();
        QCOMPARE(r.lvs.size(), size_t(1));
        QCOMPARE(r.lvs[0].sizeBytes, OptInt64(268435456));
        QCOMPARE(r.lvs[0].devices, list({"/dev/md0(0)"}));
        QVERIFY(r.lvs[0].isActive());
        QVERIFY(!r.lvs[0].isOpen());
        QCOMPARE(r.vgs.size(), size_t(1));
        QCOMPARE(r.vgs[0].name, QStringLiteral("vg_r1"));
        QCOMPARE(r.vgs[0].sizeBytes, OptInt64(1069547520));
        QCOMPARE(r.vgs[0].freeBytes, OptInt64(801112064));
        QCOMPARE(r.vgs[0].extentSizeBytes, OptInt64(4 * MiB));
        QCOMPARE(r.vgs[0].pvCount, OptInt(1));
        QCOMPARE(r.vgs[0].lvCount, OptInt(1));
        QCOMPARE(r.vgs[0].attr, QStringLiteral("wz--n-"));
        QCOMPARE(r.pvs.size(), size_t(1));
        QCOMPARE(r.pvs[0].name, QStringLiteral("/dev/md0"));
        QCOMPARE(r.pvs[0].vgName, QStringLiteral("vg_r1"));
        QCOMPARE(r.pvs[0].sizeBytes, OptInt64(1069547520));
        QCOMPARE(r.pvs[0].freeBytes, OptInt64(801112064));
        QCOMPARE(r.pvs[0].deviceSizeBytes, OptInt64(1071644672));
    }

    void pvsReport() {
        const QString text =
            report("pv", {"{\"pv_name\":\"/dev/md0\", \"vg_name\":\"vg_export\", "
                          "\"pv_size\":\"1069547520\", \"pv_free\":\"0\", "
                          "\"pv_uuid\":\"a1B2c3-D4e5-F6g7-H8i9-J0k1-L2m3-N4o5P6\"}",
                          "{\"pv_name\":\"/dev/vdd\", \"vg_name\":\"\", \"pv_size\":\"1.00g\", "
                          "\"pv_free\":\"1.00g\", \"pv_uuid\":\"\"}",
                          // `pvs -o +devices` repeats a PV per segment: kept once.
                          "{\"pv_name\":\"/dev/md0\", \"vg_name\":\"vg_export\", "
                          "\"pv_size\":\"1069547520\", \"pv_free\":\"0\", "
                          "\"pv_uuid\":\"a1B2c3-D4e5-F6g7-H8i9-J0k1-L2m3-N4o5P6\"}"});
        const auto result = parseLvmReport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const LvmReport& r = result.value();
        QCOMPARE(r.pvs.size(), size_t(2));
        QCOMPARE(r.pvs[0].name, QStringLiteral("/dev/md0"));
        QCOMPARE(r.pvs[0].vgName, QStringLiteral("vg_export"));
        QCOMPARE(r.pvs[0].uuid, QStringLiteral("a1B2c3-D4e5-F6g7-H8i9-J0k1-L2m3-N4o5P6"));
        QCOMPARE(r.pvs[0].sizeBytes, OptInt64(1069547520));
        QCOMPARE(r.pvs[0].freeBytes, OptInt64(0));
        QCOMPARE(r.pvs[0].deviceSizeBytes, std::optional<qint64>());
        QCOMPARE(r.pvs[1].name, QStringLiteral("/dev/vdd"));
        QCOMPARE(r.pvs[1].vgName, QString()); // an orphan PV
        QCOMPARE(r.pvs[1].sizeBytes, OptInt64(1 * GiB));
        QCOMPARE(r.pvs[1].freeBytes, OptInt64(1 * GiB));
        QVERIFY(r.findPv(QStringLiteral("/dev/vdd")) == &r.pvs[1]);
        QVERIFY(!r.findPv(QStringLiteral("/dev/vde")));
        QVERIFY(r.lvs.empty());
        QVERIFY(r.vgs.empty());
    }

    void vgsReport() {
        const QString text =
            report("vg", {"{\"vg_name\":\"vg_loc\", \"pv_count\":\"2\", \"lv_count\":\"1\", "
                          "\"vg_attr\":\"wz--n-\", \"vg_size\":\"2139095040\", "
                          "\"vg_free\":\"260046848\", \"vg_extent_size\":\"4194304\", "
                          "\"vg_uuid\":\"Zx9Yw8-Vu7T-s6Rq-5Po4-N3mL-2kJi-1HgFeD\"}",
                          // without --units b: rounded units
                          "{\"vg_name\":\"vg_export\", \"pv_count\":\"1\", \"lv_count\":\"0\", "
                          "\"vg_attr\":\"wz--n-\", \"vg_size\":\"<1.75g\", "
                          "\"vg_free\":\"<1.75g\", \"vg_extent_size\":\"4.00m\"}"});
        const auto result = parseLvmReport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        const LvmReport& r = result.value();
        QCOMPARE(r.vgs.size(), size_t(2));
        const VolumeGroup* loc = r.findVg(QStringLiteral("vg_loc"));
        QVERIFY(loc);
        QCOMPARE(loc->uuid, QStringLiteral("Zx9Yw8-Vu7T-s6Rq-5Po4-N3mL-2kJi-1HgFeD"));
        QCOMPARE(loc->pvCount, OptInt(2));
        QCOMPARE(loc->lvCount, OptInt(1));
        QCOMPARE(loc->attr, QStringLiteral("wz--n-"));
        QCOMPARE(loc->sizeBytes, OptInt64(2139095040));
        QCOMPARE(loc->freeBytes, OptInt64(260046848));
        QCOMPARE(loc->extentSizeBytes, OptInt64(4194304));
        const VolumeGroup* exported = r.findVg(QStringLiteral("vg_export"));
        QVERIFY(exported);
        QCOMPARE(exported->pvCount, OptInt(1));
        QCOMPARE(exported->lvCount, OptInt(0));
        QCOMPARE(exported->sizeBytes, OptInt64(1792 * MiB));
        QCOMPARE(exported->extentSizeBytes, OptInt64(4 * MiB));
        QVERIFY(!r.findVg(QStringLiteral("vg_sec")));
    }

    void segmentRowsMerged() {
        // One segment over two stripes ("a,b"), then a second segment repeating one device.
        const QString text =
            report("lv", {"{\"lv_name\":\"data\", \"vg_name\":\"vg\", \"lv_size\":\"2.00g\", "
                          "\"devices\":\"/dev/vdb(0),/dev/vdc(0)\"}",
                          "{\"lv_name\":\"data\", \"vg_name\":\"vg2\", \"lv_size\":\"1.00g\", "
                          "\"devices\":\"/dev/vdd(0)\"}",
                          "{\"lv_name\":\"data\", \"vg_name\":\"vg\", \"lv_size\":\"2.00g\", "
                          "\"devices\":\"/dev/vdc(0),/dev/vde(256)\"}"});
        const auto result = parseLvmReport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        const LvmReport& r = result.value();
        // Same LV name in another VG is another LV.
        QCOMPARE(r.lvs.size(), size_t(2));
        QCOMPARE(r.lvs[0].fullName(), QStringLiteral("vg/data"));
        QCOMPARE(r.lvs[0].devices, list({"/dev/vdb(0)", "/dev/vdc(0)", "/dev/vde(256)"}));
        QCOMPARE(r.lvs[0].sizeBytes, OptInt64(2 * GiB));
        QCOMPARE(r.lvs[1].fullName(), QStringLiteral("vg2/data"));
        QCOMPARE(r.lvs[1].devices, list({"/dev/vdd(0)"}));
    }

    void emptyReport() {
        const auto result = parseLvmReport(QStringLiteral("{\"report\":[{\"lv\":[]}]}"));
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QVERIFY2(result.warnings().empty(), qPrintable(describe(result.warnings())));
        QVERIFY(result.value() == LvmReport{});
    }

    void unmodelledSectionsWarn() {
        const QString text =
            QStringLiteral("{\"report\":[{\"lv\":[{\"lv_name\":\"a\", \"vg_name\":\"vg\"}], "
                           "\"seg\":[{\"segtype\":\"linear\", \"seg_start\":\"0\"}]}], "
                           "\"extra\":{}}");
        const auto result = parseLvmReport(text);
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QCOMPARE(result.value().lvs.size(), size_t(1));
        QCOMPARE(result.value().lvs[0].sizeBytes, std::optional<qint64>());
        QCOMPARE(result.warnings().size(), size_t(2));
        QCOMPARE(result.warnings()[0].source, QStringLiteral("lvm report"));
        QCOMPARE(result.warnings()[0].text, QStringLiteral("report[0].seg"));
        QCOMPARE(result.warnings()[1].text, QStringLiteral("extra"));
    }

    // --- errors --------------------------------------------------------------------------------

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedMentions");
        QTest::addColumn<QString>("found");

        QTest::newRow("invalid JSON (missing comma)")
            << "  {\n"
               "      \"report\": [\n"
               "          {\n"
               "              \"lv\": [\n"
               "                  {\"lv_name\":\"a\" \"vg_name\":\"b\"}\n"
               "              ]\n"
               "          }\n"
               "      ]\n"
               "  }\n"
            << 5 << "valid JSON"
            << "                  {\"lv_name\":\"a\" \"vg_name\":\"b\"}";
        QTest::newRow("invalid JSON (stray text on line 2)") << "{\n  report: []\n}\n"
                                                             << 2 << "valid JSON"
                                                             << "  report: []";
        // Qt reports the syntax error at offset 0, which is line 1.
        QTest::newRow("empty input") << "" << 1 << "valid JSON"
                                     << "";
        QTest::newRow("not an object") << "[]" << 0 << "a JSON object"
                                       << "";
        QTest::newRow("size not a size")
            << "{\"report\":[{\"lv\":[{\"lv_name\":\"a\", \"vg_name\":\"b\", "
               "\"lv_size\":\"lots\"}]}]}"
            << 0 << "report[0].lv[0].lv_size"
            << "lots";
        QTest::newRow("negative size") << "{\"report\":[{\"vg\":[{\"vg_name\":\"b\", "
                                          "\"vg_size\":\"-4096\"}]}]}"
                                       << 0 << "report[0].vg[0].vg_size"
                                       << "-4096";
        QTest::newRow("report missing") << "{\"reports\":[]}" << 0 << "report"
                                        << "nothing";
        QTest::newRow("report not a list") << "{\"report\":{\"lv\":[]}}" << 0 << "report"
                                           << "an object";
        QTest::newRow("row without lv_name")
            << "{\"report\":[{\"lv\":[{\"vg_name\":\"b\", \"lv_size\":\"1.00g\"}]}]}" << 0
            << "report[0].lv[0].lv_name"
            << "nothing";
        QTest::newRow("empty vg_name on an lv")
            << "{\"report\":[{\"lv\":[{\"lv_name\":\"a\", \"vg_name\":\"\"}]}]}" << 0
            << "report[0].lv[0].vg_name"
            << "";
        QTest::newRow("row without pv_name")
            << "{\"report\":[{\"pv\":[{\"vg_name\":\"b\"}]}]}" << 0 << "report[0].pv[0].pv_name"
            << "nothing";
        QTest::newRow("lv_name a number") << "{\"report\":[{\"lv\":[{\"lv_name\":7, "
                                             "\"vg_name\":\"b\"}]}]}"
                                          << 0 << "report[0].lv[0].lv_name"
                                          << "7";
        QTest::newRow("pv_count not a number")
            << "{\"report\":[{\"vg\":[{\"vg_name\":\"b\", \"pv_count\":\"two\"}]}]}" << 0
            << "report[0].vg[0].pv_count"
            << "two";
        QTest::newRow("fractional json_std size")
            << "{\"report\":[{\"lv\":[{\"lv_name\":\"a\", \"vg_name\":\"b\", "
               "\"lv_size\":1.5}]}]}"
            << 0 << "report[0].lv[0].lv_size"
            << "1.5";
        QTest::newRow("row not an object")
            << "{\"report\":[{\"lv\":[\"a\"]}]}" << 0 << "report[0].lv[0]"
            << "a";
    }

    void errors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedMentions);
        QFETCH(QString, found);
        const auto result = parseLvmReport(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("lvm report"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedMentions),
                 qPrintable(result.error().toString()));
        QCOMPARE(result.error().found, found);
    }

    // --- toBytes -------------------------------------------------------------------------------

    void toBytes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<OptInt64>("bytes");
        const OptInt64 bad;

        QTest::newRow("bytes") << "268435456" << OptInt64(268435456);
        QTest::newRow("zero") << "0" << OptInt64(0);
        QTest::newRow("bytes B") << "268435456B" << OptInt64(268435456);
        QTest::newRow("bytes b") << "268435456b" << OptInt64(268435456);
        QTest::newRow("surrounding spaces") << " 4096 " << OptInt64(4096);
        QTest::newRow("1.00g") << "1.00g" << OptInt64(GiB);
        QTest::newRow("1.00G") << "1.00G" << OptInt64(GiB);
        QTest::newRow("<1.75g") << "<1.75g" << OptInt64(1792 * MiB);
        QTest::newRow(">1.75g") << ">1.75g" << OptInt64(1792 * MiB);
        QTest::newRow("1.75g") << "1.75g" << OptInt64(1879048192);
        QTest::newRow("512.00m") << "512.00m" << OptInt64(536870912);
        QTest::newRow("1020.00m") << "1020.00m" << OptInt64(1069547520);
        QTest::newRow("4.00k") << "4.00k" << OptInt64(4096);
        QTest::newRow("1.5t") << "1.5t" << OptInt64(1649267441664);
        QTest::newRow("1.5T") << "1.5T" << OptInt64(TiB + TiB / 2);
        QTest::newRow("2.00p") << "2.00p" << OptInt64(2251799813685248);
        QTest::newRow("1e") << "1e" << OptInt64(1152921504606846976);
        QTest::newRow("2s sectors") << "2s" << OptInt64(1024);
        QTest::newRow("2048S sectors") << "2048S" << OptInt64(MiB);
        QTest::newRow("no leading digit .5g") << ".5g" << OptInt64(512 * MiB);

        QTest::newRow("empty") << "" << bad;
        QTest::newRow("blank") << "   " << bad;
        QTest::newRow("only mark") << "<" << bad;
        QTest::newRow("unit only") << "g" << bad;
        QTest::newRow("word") << "lots" << bad;
        QTest::newRow("negative") << "-1" << bad;
        QTest::newRow("negative with unit") << "-1.00g" << bad;
        QTest::newRow("plus sign") << "+5" << bad;
        QTest::newRow("unknown unit") << "1.00x" << bad;
        QTest::newRow("comma decimal") << "1,5g" << bad;
        QTest::newRow("two dots") << "1.2.3g" << bad;
        QTest::newRow("hex") << "0x10" << bad;
        QTest::newRow("overflow") << "9e" << bad;
        QTest::newRow("overflow digits") << "99999999999999999999" << bad;
    }

    void toBytes() {
        QFETCH(QString, text);
        QTEST(nr1::toBytes(text), "bytes");
    }
};

QTEST_GUILESS_MAIN(TestLvm)
#include "tst_lvm.moc"
