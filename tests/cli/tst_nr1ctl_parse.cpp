// Runs the real nr1ctl binary: `nr1ctl parse` on every mdstat capture, the exact JSON shape the
// issue specifies, exit codes, stdin, warnings on stderr.

#include "Fixtures.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run nr1ctl(const QStringList& arguments, const QByteArray& input = {}) {
    QProcess process;
    process.start(QStringLiteral(NR1CTL_PATH), arguments);
    if (!process.waitForStarted())
        qFatal("cannot start nr1ctl");
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        qFatal("nr1ctl did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QSet<QString> keysOf(const QJsonObject& object) {
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QSet<QString> setOf(std::initializer_list<const char*> names) {
    QSet<QString> set;
    for (const char* name : names)
        set.insert(QLatin1String(name));
    return set;
}

QString fixturePath(const QString& name) {
    return QStringLiteral(NR1_FIXTURES_DIR "/") + name;
}

} // namespace

class TestNr1ctlParse : public QObject {
    Q_OBJECT
private slots:
    void everyCompleteMdstatCaptureParses_data() {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(NR1_FIXTURES_DIR));
        const QStringList patterns = {QStringLiteral("testbed/mdstat_*.txt"),
                                      QStringLiteral("public/proc_mdstat_*.txt"),
                                      QStringLiteral("generated/mdstat_w_*.txt")};
        // Not complete mdstat files: a log of several samples, and a paste its author cut short.
        const QStringList notMdstat = {QStringLiteral("testbed/mdstat_resyncing_samples.txt"),
                                       QStringLiteral("public/proc_mdstat_raid5_recovery.txt")};
        int rows = 0;
        for (const QString& pattern : patterns) {
            const QString folder = pattern.section(QLatin1Char('/'), 0, 0);
            const QStringList files =
                QDir(dir.filePath(folder))
                    .entryList({pattern.section(QLatin1Char('/'), 1)}, QDir::Files);
            for (const QString& file : files) {
                const QString name = folder + QLatin1Char('/') + file;
                if (!notMdstat.contains(name)) {
                    QTest::newRow(qPrintable(name)) << name;
                    ++rows;
                }
            }
        }
        QVERIFY(rows >= 20);
    }

    void everyCompleteMdstatCaptureParses() {
        QFETCH(QString, file);
        const Run run =
            nr1ctl({QStringLiteral("parse"), QStringLiteral("mdstat"), fixturePath(file)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = document.object();
        QCOMPARE(keysOf(root), setOf({"personalities", "arrays", "unused"}));
        QVERIFY(!root.value(QStringLiteral("arrays")).toArray().isEmpty());
        for (const QJsonValue& value : root.value(QStringLiteral("arrays")).toArray()) {
            const QJsonObject array = value.toObject();
            QCOMPARE(keysOf(array), setOf({"name", "state", "readOnly", "level", "blocksKiB",
                                           "superblock", "raidDisks", "workingDisks", "pattern",
                                           "members", "sync", "syncWaiting", "bitmap"}));
            QVERIFY(QStringList({QStringLiteral("active"), QStringLiteral("inactive")})
                        .contains(array.value(QStringLiteral("state")).toString()));
            QVERIFY(
                QStringList({QStringLiteral("no"), QStringLiteral("ro"), QStringLiteral("auto")})
                    .contains(array.value(QStringLiteral("readOnly")).toString()));
            for (const QJsonValue& member : array.value(QStringLiteral("members")).toArray())
                QCOMPARE(keysOf(member.toObject()),
                         setOf({"device", "slot", "writeMostly", "faulty", "spare", "replacement",
                                "journal"}));
            if (array.value(QStringLiteral("sync")).isObject())
                QCOMPARE(keysOf(array.value(QStringLiteral("sync")).toObject()),
                         setOf({"action", "percent", "doneKiB", "totalKiB", "finishMinutes",
                                "speedKiBps"}));
            if (array.value(QStringLiteral("bitmap")).isObject())
                QCOMPARE(keysOf(array.value(QStringLiteral("bitmap")).toObject()),
                         setOf({"pagesUsed", "pagesTotal", "sizeKiB", "chunkKiB", "file"}));
        }
    }

    void degradedCaptureValues() {
        const Run run = nr1ctl({QStringLiteral("parse"), QStringLiteral("mdstat"),
                                fixturePath(QStringLiteral("testbed/mdstat_degraded.txt"))});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(root.value(QStringLiteral("personalities")).toArray(),
                 QJsonArray({QStringLiteral("raid1")}));
        QCOMPARE(root.value(QStringLiteral("unused")).toArray(), QJsonArray());
        const QJsonObject md0 = root.value(QStringLiteral("arrays")).toArray().at(0).toObject();
        QCOMPARE(md0.value(QStringLiteral("name")).toString(), QStringLiteral("md0"));
        QCOMPARE(md0.value(QStringLiteral("level")).toString(), QStringLiteral("raid1"));
        QCOMPARE(md0.value(QStringLiteral("blocksKiB")).toInteger(), 1570816);
        QCOMPARE(md0.value(QStringLiteral("superblock")).toString(), QStringLiteral("1.2"));
        QCOMPARE(md0.value(QStringLiteral("raidDisks")).toInt(), 2);
        QCOMPARE(md0.value(QStringLiteral("workingDisks")).toInt(), 1);
        QCOMPARE(md0.value(QStringLiteral("pattern")).toString(), QStringLiteral("U_"));
        QVERIFY(md0.value(QStringLiteral("sync")).isNull());
        QVERIFY(md0.value(QStringLiteral("syncWaiting")).isNull());
        const QJsonArray members = md0.value(QStringLiteral("members")).toArray();
        QCOMPARE(members.size(), 2);
        const QJsonObject sda = members.at(0).toObject();
        QCOMPARE(sda.value(QStringLiteral("device")).toString(), QStringLiteral("sda"));
        QCOMPARE(sda.value(QStringLiteral("slot")).toInt(), 1);
        QVERIFY(sda.value(QStringLiteral("writeMostly")).toBool());
        QVERIFY(sda.value(QStringLiteral("faulty")).toBool());
        QVERIFY(!sda.value(QStringLiteral("spare")).toBool());
        const QJsonObject dm0 = members.at(1).toObject();
        QCOMPARE(dm0.value(QStringLiteral("device")).toString(), QStringLiteral("dm-0"));
        QVERIFY(!dm0.value(QStringLiteral("writeMostly")).toBool());
        QVERIFY(!dm0.value(QStringLiteral("faulty")).toBool());
        const QJsonObject bitmap = md0.value(QStringLiteral("bitmap")).toObject();
        QCOMPARE(bitmap.value(QStringLiteral("pagesUsed")).toInt(), 1);
        QCOMPARE(bitmap.value(QStringLiteral("pagesTotal")).toInt(), 1);
        QCOMPARE(bitmap.value(QStringLiteral("sizeKiB")).toInt(), 4);
        QCOMPARE(bitmap.value(QStringLiteral("chunkKiB")).toInt(), 65536);
        QVERIFY(bitmap.value(QStringLiteral("file")).isNull());
    }

    void resyncSampleFromStdin() {
        // The first sample of the resync log, as mdstat printed it at 16:00:34.
        const QString log = fixture(QStringLiteral("testbed/mdstat_resyncing_samples.txt"));
        const QString sample =
            log.section(QStringLiteral("--- 16:00:34\n"), 1).section(QStringLiteral("--- "), 0, 0);
        const Run run =
            nr1ctl({QStringLiteral("parse"), QStringLiteral("mdstat"), QStringLiteral("-")},
                   sample.toUtf8());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject md0 = QJsonDocument::fromJson(run.out)
                                    .object()
                                    .value(QStringLiteral("arrays"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
        const QJsonObject sync = md0.value(QStringLiteral("sync")).toObject();
        QCOMPARE(sync.value(QStringLiteral("action")).toString(), QStringLiteral("resync"));
        QCOMPARE(sync.value(QStringLiteral("percent")).toDouble(), 16.9);
        QCOMPARE(sync.value(QStringLiteral("doneKiB")).toInteger(), 177728);
        QCOMPARE(sync.value(QStringLiteral("totalKiB")).toInteger(), 1046528);
        QCOMPARE(sync.value(QStringLiteral("finishMinutes")).toDouble(), 0.5);
        QCOMPARE(sync.value(QStringLiteral("speedKiBps")).toInteger(), 25389);
    }

    void waitingAndReadOnlyStates() {
        const QByteArray text = "Personalities : [raid1] \n"
                                "md0 : active (auto-read-only) raid1 sdb[1] nvme0n1p2[0]\n"
                                "      976629760 blocks super 1.2 [2/2] [UU]\n"
                                "      \tresync=PENDING\n"
                                "      bitmap: 3/8 pages [12KB], 65536KB chunk\n"
                                "\n"
                                "unused devices: <none>\n";
        const Run run = nr1ctl({QStringLiteral("parse"), QStringLiteral("mdstat")}, text);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject md0 = QJsonDocument::fromJson(run.out)
                                    .object()
                                    .value(QStringLiteral("arrays"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(md0.value(QStringLiteral("readOnly")).toString(), QStringLiteral("auto"));
        QCOMPARE(md0.value(QStringLiteral("syncWaiting")).toString(), QStringLiteral("PENDING"));
        QVERIFY(md0.value(QStringLiteral("sync")).isNull());
    }

    void parseErrorExitsTwoWithLine() {
        const Run run =
            nr1ctl({QStringLiteral("parse"), QStringLiteral("mdstat"),
                    fixturePath(QStringLiteral("public/proc_mdstat_raid5_recovery.txt"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("/proc/mdstat line 7: expected 'unused devices:'"),
                 run.err.constData());
    }

    void warningsGoToStderr() {
        const QByteArray text = "Personalities : [raid1] \n"
                                "md0 : active raid1 sdb[1] sda[0]\n"
                                "      1046528 blocks super 1.2 [2/2] [UU]\n"
                                "      something new from a future kernel\n"
                                "      \n"
                                "unused devices: <none>\n";
        const Run run = nr1ctl({QStringLiteral("parse"), QStringLiteral("mdstat")}, text);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("warning: /proc/mdstat line 4"), run.err.constData());
        QVERIFY(QJsonDocument::fromJson(run.out).isObject());
    }

    void everyKindIsListedInHelp() {
        const Run run = nr1ctl({QStringLiteral("parse"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char* kind : {"mdstat", "mdadm-detail", "mdadm-export", "mdadm-examine", "lvm",
                                 "lsblk", "saveconfig", "iscsi-session"})
            QVERIFY2(run.out.contains(kind), kind);
    }

    void usageErrors() {
        QCOMPARE(nr1ctl({QStringLiteral("parse"), QStringLiteral("no-such-kind")}).exitCode, 64);
        QCOMPARE(nr1ctl({QStringLiteral("parse")}).exitCode, 64);
        QCOMPARE(nr1ctl({QStringLiteral("no-such-command")}).exitCode, 64);
        const Run missing = nr1ctl({QStringLiteral("parse"), QStringLiteral("mdstat"),
                                    QStringLiteral("/nonexistent/mdstat")});
        QCOMPARE(missing.exitCode, 66);
        QVERIFY(missing.err.contains("/nonexistent/mdstat"));
    }

    // /dev/zero never ends: nr1ctl stops at its cap and says so instead of running out of
    // memory; so does standard input.
    void endlessInputIsRefusedAtTheCap() {
        const Run zero = nr1ctl(
            {QStringLiteral("parse"), QStringLiteral("mdstat"), QStringLiteral("/dev/zero")});
        QCOMPARE(zero.exitCode, 66);
        QVERIFY2(zero.err.contains("/dev/zero is larger than 64 MiB"), zero.err.constData());
        const Run piped = nr1ctl({QStringLiteral("parse"), QStringLiteral("mdstat")},
                                 QByteArray(64 * 1024 * 1024 + 1, 'x'));
        QCOMPARE(piped.exitCode, 66);
        QVERIFY2(piped.err.contains("standard input is larger than 64 MiB"), piped.err.constData());
    }

    // A parse error quotes the node's text: its control bytes are shown, not sent to the
    // terminal.
    void controlBytesInParseErrorsAreEscaped() {
        const Run run = nr1ctl({QStringLiteral("parse"), QStringLiteral("lsblk")},
                               QByteArray("{\"blockdevices\": [{\"kname\": \"sda\", "
                                          "\"size\": \"\u001b]0;owned\u0007\"}]}"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("\\x1b]0;owned\\x07"), run.err.constData());
        for (const char c : run.err)
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20 || c == '\n', run.err.constData());
    }

    void otherKindsProduceJson_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("topKey");
        QTest::newRow("mdadm-detail") << "mdadm-detail"
                                      << "testbed/mdadm_detail_clean.txt"
                                      << "devices";
        QTest::newRow("mdadm-export") << "mdadm-export"
                                      << "public/mdadm_detail_export_libstorage_parse1_raid1.txt"
                                      << "members";
        QTest::newRow("mdadm-examine") << "mdadm-examine"
                                       << "public/mdadm_examine_1.2_raid1_writemostly_sda1.txt"
                                       << "superblocks";
        QTest::newRow("lvm") << "lvm"
                             << "testbed/lvs_json_primary_initial.txt"
                             << "lvs";
        QTest::newRow("lsblk") << "lsblk"
                               << "host/lsblk_json_host_loop_virtio.json"
                               << "devices";
        QTest::newRow("saveconfig") << "saveconfig"
                                    << "testbed/saveconfig_secondary.json"
                                    << "targets";
        QTest::newRow("iscsi-session") << "iscsi-session"
                                       << "testbed/iscsiadm_session_P3_full.txt"
                                       << "sessions";
    }

    void otherKindsProduceJson() {
        QFETCH(QString, kind);
        QFETCH(QString, file);
        QFETCH(QString, topKey);
        const Run run = nr1ctl({QStringLiteral("parse"), kind, fixturePath(file)});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        QVERIFY2(root.contains(topKey), run.out.constData());
    }

    void secretsAreNotPrinted() {
        const Run run = nr1ctl(
            {QStringLiteral("parse"), QStringLiteral("saveconfig"),
             fixturePath(QStringLiteral("public/targetcli_saveconfig_fileio_chap_forza.json"))});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("\"passwordSet\": true"));
        QVERIFY(!run.out.contains("chap_password"));
        QVERIFY(!run.out.contains("\"password\""));
    }
};

QTEST_GUILESS_MAIN(TestNr1ctlParse)
#include "tst_nr1ctl_parse.moc"
