// Every output captured live from the project's QEMU testbed (tests/fixtures/testbed-live, made
// by tests/testbed/capture) parses with the parser of its command, with no error and no warning;
// an empty output is refused, except where it means "none" (wipefs, blkid, iscsiadm -m session).
// Spot checks of key states compare values read from the capture text.

#include "Fixtures.h"
#include "probe/MdSysfsParser.h"
#include "probe/MdadmDetailParser.h"
#include "probe/MdstatParser.h"

#include "json/ParserCatalog.h"
#include <QDirIterator>

using namespace nr1;

namespace {

/// The parser kind for a capture, from the command named in its file name.
QString kindOf(const QString& fileName) {
    static const std::pair<const char*, const char*> kinds[] = {
        {"_blkid_", "blkid"},
        {"_disk_links", "disk-links"},
        {"_initiatorname", "initiator-name"},
        {"_iscsiadm_session", "iscsi-session"},
        {"_lsblk", "lsblk"},
        {"_lvs", "lvm"},
        {"_pvs", "lvm"},
        {"_vgs", "lvm"},
        {"_md_sysfs_", "md-sysfs"},
        {"_mdadm_detail_export_", "mdadm-export"},
        {"_mdadm_detail_", "mdadm-detail"},
        {"_mdadm_examine_", "mdadm-examine"},
        {"_proc_mdstat", "mdstat"},
        {"_saveconfig", "saveconfig"},
        {"_wipefs_", "wipefs"},
        {".probe.txt", "node-probe"},
        {".watch.txt", "node-watch"},
        {"_iscsiadm_node", "iscsi-nodes"},
        {"_ip_addr", "ip-addresses"}};
    for (const auto& [marker, kind] : kinds)
        if (fileName.contains(QLatin1String(marker)))
            return QLatin1String(kind);
    return {};
}

} // namespace

class TestLiveCaptures : public QObject {
    Q_OBJECT
private slots:
    void everyCaptureParses_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QDirIterator it(QStringLiteral(NR1_FIXTURES_DIR "/testbed-live"), QDir::Files,
                        QDirIterator::Subdirectories);
        int rows = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String("README.md")))
                continue;
            const QString name = path.section(QLatin1String("testbed-live/"), 1);
            QTest::newRow(qPrintable(name))
                << QStringLiteral("testbed-live/") + name << kindOf(name);
            ++rows;
        }
        QVERIFY(rows >= 150);
    }

    void everyCaptureParses() {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QVERIFY2(!kind.isEmpty(), "no parser kind for this capture's command");
        const ParserKind* parser = findParserKind(kind);
        QVERIFY(parser);
        const QString text = fixture(file);
        const ParsedJson parsed = parser->parse(text);
        // For these commands no output means "nothing there" (no signature, no session).
        static const QStringList emptyMeansNone = {
            QStringLiteral("wipefs"), QStringLiteral("blkid"), QStringLiteral("iscsi-session"),
            QStringLiteral("disk-links")};
        if (text.trimmed().isEmpty() && !emptyMeansNone.contains(kind)) {
            QVERIFY2(!parsed.ok, "an empty output must be refused");
            return;
        }
        QVERIFY2(parsed.ok, qPrintable(parsed.error.toString()));
        QStringList warnings;
        for (const ParseWarning& warning : parsed.warnings)
            warnings << warning.toString();
        // Captures of a broken state whose parser must say so (and nothing else).
        static const QMap<QString, QString> warnsOf = {
            {QStringLiteral("testbed-live/probe/record-unreadable/primary.probe.txt"),
             QStringLiteral("a record of no target or no address (its file is empty or cut "
                            "short): left out")}};
        if (warnsOf.contains(file)) {
            QCOMPARE(warnings.size(), qsizetype(1));
            QVERIFY2(warnings.front().contains(warnsOf.value(file)), qPrintable(warnings.front()));
            return;
        }
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }

    void cleanMirrorOnThePrimary() {
        const auto mdstat = parseMdstat(
            fixture(QStringLiteral("testbed-live/raid1-clean/primary_proc_mdstat.txt")));
        QVERIFY(mdstat.ok());
        const MdstatArray& md0 = mdstat.value().arrays.at(0);
        QCOMPARE(md0.name, QStringLiteral("md0"));
        QCOMPARE(md0.pattern, QStringLiteral("UU"));
        QCOMPARE(md0.members.at(0).device, QStringLiteral("sda"));
        QVERIFY(md0.members.at(0).writeMostly);
        QVERIFY(!md0.members.at(1).writeMostly);
        QVERIFY(md0.bitmap.has_value());
        const auto detail = parseMdadmDetail(
            fixture(QStringLiteral("testbed-live/raid1-clean/primary_mdadm_detail_md0.txt")));
        QVERIFY(detail.ok());
        QCOMPARE(detail.value().consistencyPolicy, QStringLiteral("bitmap"));
        QCOMPARE(detail.value().state, QStringList{QStringLiteral("clean")});
    }

    void recoveryAfterReAdd() {
        const auto mdstat = parseMdstat(
            fixture(QStringLiteral("testbed-live/raid1-readd/primary_proc_mdstat.txt")));
        QVERIFY(mdstat.ok());
        const MdstatArray& md0 = mdstat.value().arrays.at(0);
        QCOMPARE(md0.pattern, QStringLiteral("U_"));
        QVERIFY(md0.sync.has_value());
        QCOMPARE(md0.sync->kind, MdSyncKind::Recovery);
        QCOMPARE(md0.sync->percent, 38.2);
        QCOMPARE(md0.sync->doneKiB, 401152);
        QCOMPARE(md0.sync->speedKiBps, 7936);
        const auto sysfs = parseMdSysfsDump(
            fixture(QStringLiteral("testbed-live/raid1-readd/primary_md_sysfs_md0.txt")));
        QVERIFY(sysfs.ok());
        QCOMPARE(sysfs.value().at(0).syncAction, MdSyncAction::Recover);
        QCOMPARE(sysfs.value().at(0).degraded, 1);
        bool found = false;
        for (const MdSysfsMember& member : sysfs.value().at(0).members)
            if (member.device == QLatin1String("sda")) {
                found = true;
                QVERIFY(member.has(QStringLiteral("write_mostly")));
                QVERIFY(member.has(QStringLiteral("spare")));
            }
        QVERIFY(found);
    }

    void secondaryRebootAssembledItsElement() {
        // The pitfall the console must detect: udev assembled the Secondary's element as md127.
        const auto mdstat = parseMdstat(
            fixture(QStringLiteral("testbed-live/secondary-rebooted/secondary_proc_mdstat.txt")));
        QVERIFY(mdstat.ok());
        QVERIFY(mdstat.value().personalities.isEmpty());
        const MdstatArray& md127 = mdstat.value().arrays.at(0);
        QCOMPARE(md127.name, QStringLiteral("md127"));
        QVERIFY(!md127.active);
        QCOMPARE(md127.members.at(0).device, QStringLiteral("dm-0"));
        QVERIFY(md127.members.at(0).spare);
    }
};

QTEST_GUILESS_MAIN(TestLiveCaptures)
#include "tst_live_captures.moc"
