// Runs the real nr1ctl binary: `nr1ctl exec` against a real sshd, through an inventory, with the
// trust flow as an administrator meets it (no terminal here, so nr1ctl must refuse unknown keys
// unless --accept-new-host-key).

#include "TestSshd.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestNr1ctlExec : public QObject {
    Q_OBJECT
private:
    TestSshd m_sshd;
    QTemporaryDir m_home;
    QString m_inventory;

    Run nr1ctl(const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path()); // no ~/.ssh of the tester's
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           m_home.filePath(QStringLiteral(".config")));
        environment.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(environment);
        process.setStandardInputFile(QProcess::nullDevice()); // not a terminal
        process.start(QStringLiteral(NR1CTL_PATH), arguments);
        if (!process.waitForFinished(60000))
            qFatal("nr1ctl did not finish");
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

private slots:
    void initTestCase() {
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
        m_inventory = m_home.filePath(QStringLiteral("inventory.yaml"));
        QFile file(m_inventory);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("version: 1\n"
                                  "known_hosts: known_hosts\n"
                                  "pairs:\n"
                                  "  - name: lab\n"
                                  "    primary:\n"
                                  "      host: 127.0.0.1\n"
                                  "      port: %1\n"
                                  "      user: %2\n"
                                  "      identity: %3\n"
                                  "    secondary:\n"
                                  "      host: 127.0.0.1\n"
                                  "      port: %1\n"
                                  "      user: %2\n"
                                  "      identity: %3\n")
                       .arg(m_sshd.port())
                       .arg(m_sshd.user(), m_sshd.clientKey())
                       .toUtf8());
    }

    void unknownKeyWithoutTerminalIsRefused() {
        const Run run =
            nr1ctl({QStringLiteral("exec"), QStringLiteral("--inventory"), m_inventory,
                    QStringLiteral("lab/primary"), QStringLiteral("--"), QStringLiteral("true")});
        QCOMPARE(run.exitCode, 255);
        QVERIFY2(run.err.contains(m_sshd.hostKeyFingerprint().toUtf8()), run.err.constData());
        QVERIFY2(run.err.contains("--accept-new-host-key"), run.err.constData());
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("known_hosts"))));
    }

    void acceptNewKeyThenRunCommands() {
        const Run first =
            nr1ctl({QStringLiteral("exec"), QStringLiteral("--inventory"), m_inventory,
                    QStringLiteral("--accept-new-host-key"), QStringLiteral("lab/primary"),
                    QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("echo out; echo err >&2; exit 7")});
        QCOMPARE(first.exitCode, 7);
        QCOMPARE(first.out, QByteArray("out\n"));
        QVERIFY2(first.err.contains("err\n"), first.err.constData());
        QVERIFY(
            QFile::exists(m_home.filePath(QStringLiteral("known_hosts")))); // the inventory's file
        // Remembered: no flag needed any more; arguments reach the node as they were typed.
        const Run second =
            nr1ctl({QStringLiteral("exec"), QStringLiteral("--inventory"), m_inventory,
                    QStringLiteral("lab/secondary"), QStringLiteral("--"), QStringLiteral("printf"),
                    QStringLiteral("[%s]"), QStringLiteral("a b"), QStringLiteral("$HOME"),
                    QStringLiteral("--help")});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out, QByteArray("[a b][$HOME][--help]"));
    }

    // The pair commands probe "nodes" that are this machine over the test sshd: whatever it
    // has, the probe must be read (missing tools and files mean "nothing there").
    void statusProbesBothNodes() {
        const Run run = nr1ctl({QStringLiteral("status"), QStringLiteral("--json"),
                                QStringLiteral("--inventory"), m_inventory});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject status = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(status.value(QStringLiteral("pair")).toString(), QStringLiteral("lab"));
        QVERIFY(!status.value(QStringLiteral("primary"))
                     .toObject()
                     .value(QStringLiteral("hostname"))
                     .toString()
                     .isEmpty());
        QCOMPARE(status.value(QStringLiteral("array"))
                     .toObject()
                     .value(QStringLiteral("exists"))
                     .toBool(),
                 false);
    }

    // check: the health checks of that "pair" (no array, no LIO of it): failing, exit 2 as a
    // Nagios plugin's CRITICAL, the nodes themselves answering; JSON for monitoring systems.
    void checkJudgesThePairWithAPluginsExitStatus() {
        const Run run = nr1ctl({QStringLiteral("check"), QStringLiteral("--json"),
                                QStringLiteral("--inventory"), m_inventory});
        QCOMPARE(run.exitCode, 2);
        const QJsonObject health = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(health.value(QStringLiteral("pair")).toString(), QStringLiteral("lab"));
        QCOMPARE(health.value(QStringLiteral("result")).toString(), QStringLiteral("failing"));
        const QJsonArray checks = health.value(QStringLiteral("checks")).toArray();
        QCOMPARE(checks.size(), 22);
        QCOMPARE(checks.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("nodes-reachable"));
        QCOMPARE(checks.first().toObject().value(QStringLiteral("result")).toString(),
                 QStringLiteral("ok"));
        const Run text =
            nr1ctl({QStringLiteral("check"), QStringLiteral("--inventory"), m_inventory});
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.out.startsWith("Pair lab\n") && text.out.contains("\nFAILING: "),
                 text.out.constData());
        QCOMPARE(nr1ctl({QStringLiteral("check"), QStringLiteral("--bogus"),
                         QStringLiteral("--inventory"), m_inventory})
                     .exitCode,
                 64);
    }

    // adopt: this machine runs no Network RAID1 pair, so there is nothing to adopt: exit 3
    // with the problem in words, and the inventory untouched; --json without --yes or
    // --dry-run would have to ask: a usage error.
    void adoptRefusesNodesWithoutAPair() {
        QFile file(m_inventory);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        const Run run = nr1ctl({QStringLiteral("adopt"), QStringLiteral("--yes"),
                                QStringLiteral("--inventory"), m_inventory});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.out.contains("Problems (the pair is not adopted):") &&
                     run.out.contains("Neither node runs a RAID1 array") &&
                     run.out.contains("Nothing was recorded."),
                 run.out.constData());
        const Run json =
            nr1ctl({QStringLiteral("adopt"), QStringLiteral("--json"), QStringLiteral("--dry-run"),
                    QStringLiteral("--inventory"), m_inventory});
        QCOMPARE(json.exitCode, 3);
        const QJsonObject found = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(found.value(QStringLiteral("pair")).toString(), QStringLiteral("lab"));
        QCOMPARE(found.value(QStringLiteral("adoptable")).toBool(true), false);
        QCOMPARE(found.value(QStringLiteral("problems")).toArray().size(), 1);
        QCOMPARE(nr1ctl({QStringLiteral("adopt"), QStringLiteral("--json"),
                         QStringLiteral("--inventory"), m_inventory})
                     .exitCode,
                 64);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    // watch: the monitor engine over the same two "nodes": snapshots as JSON lines until both
    // nodes have answered (--once; --for only as a bound).
    void watchPrintsSnapshotsAsJsonLines() {
        const Run run = nr1ctl({QStringLiteral("watch"), QStringLiteral("--json"),
                                QStringLiteral("--once"), QStringLiteral("--for"),
                                QStringLiteral("40"), QStringLiteral("--inventory"), m_inventory});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY2(!lines.isEmpty(), run.out.constData());
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("snapshot"));
        QCOMPARE(first.value(QStringLiteral("pair")).toString(), QStringLiteral("lab"));
        // The first snapshot comes with the first node's answer; by the last both answered.
        QJsonObject last;
        for (const QByteArray& line : lines)
            if (const QJsonObject object = QJsonDocument::fromJson(line).object();
                object.value(QStringLiteral("type")) == QStringLiteral("snapshot"))
                last = object;
        for (const char* node : {"primary", "secondary"})
            QVERIFY2(last.value(QLatin1String(node))
                         .toObject()
                         .value(QStringLiteral("reachable"))
                         .toBool(),
                     run.out.constData());
        // Nothing moves on this machine: no event about the pair's nodes.
        for (const QByteArray& line : lines)
            QVERIFY2(!line.contains("node-unreachable"), line.constData());
        const Run bad = nr1ctl({QStringLiteral("watch"), QStringLiteral("--interval"),
                                QStringLiteral("0"), QStringLiteral("--inventory"), m_inventory});
        QCOMPARE(bad.exitCode, 64);
        QVERIFY2(bad.err.contains("--interval wants a number of seconds above 0, not '0'"),
                 bad.err.constData());
    }

    // --port is honoured by the pair commands too: the inventory's port is wrong (nothing
    // listens on port 1), the command line's is the sshd's.
    void pairCommandsHonourPort() {
        const QString inventory = m_home.filePath(QStringLiteral("wrong-port.yaml"));
        QFile file(inventory);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QString text;
        {
            QFile original(m_inventory);
            QVERIFY(original.open(QIODevice::ReadOnly));
            text = QString::fromUtf8(original.readAll());
        }
        text.replace(QStringLiteral("port: %1").arg(m_sshd.port()), QStringLiteral("port: 1"));
        file.write(text.toUtf8());
        file.close();
        const Run wrong = nr1ctl({QStringLiteral("status"), QStringLiteral("--json"),
                                  QStringLiteral("--accept-new-host-key"),
                                  QStringLiteral("--inventory"), inventory});
        QCOMPARE(wrong.exitCode, 255);
        const Run run =
            nr1ctl({QStringLiteral("status"), QStringLiteral("--json"),
                    QStringLiteral("--accept-new-host-key"), QStringLiteral("--port"),
                    QString::number(m_sshd.port()), QStringLiteral("--inventory"), inventory});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("pair")).toString(),
                 QStringLiteral("lab"));
        const Run bad = nr1ctl({QStringLiteral("status"), QStringLiteral("--port"),
                                QStringLiteral("22\n"), QStringLiteral("--inventory"), inventory});
        QCOMPARE(bad.exitCode, 64);
        QVERIFY2(bad.err.contains("--port needs a number from 1 to 65535"), bad.err.constData());
    }

    void planRefusesWhatCannotBeDone() {
        // The inventory names no replication address and the machine has no blank disks named so.
        const Run run = nr1ctl(
            {QStringLiteral("plan"), QStringLiteral("create-pair"), QStringLiteral("--inventory"),
             m_inventory, QStringLiteral("--initiator"), QStringLiteral("iqn.2024-01.test:x")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(
            run.err.contains(
                "refused: The Secondary's replication address '' is not an IPv4 or IPv6 address."),
            run.err.constData());
    }

    void pairCommandUsageErrors() {
        QCOMPARE(nr1ctl({QStringLiteral("plan")}).exitCode, 64);
        QCOMPARE(nr1ctl({QStringLiteral("plan"), QStringLiteral("bogus")}).exitCode, 64);
        const Run grow = nr1ctl({QStringLiteral("plan"), QStringLiteral("grow"),
                                 QStringLiteral("--inventory"), m_inventory});
        QCOMPARE(grow.exitCode, 64);
        QVERIFY(grow.err.contains("grow needs --by SIZE or --by max"));
        const Run size =
            nr1ctl({QStringLiteral("plan"), QStringLiteral("grow"), QStringLiteral("--by"),
                    QStringLiteral("12Q"), QStringLiteral("--inventory"), m_inventory});
        QCOMPARE(size.exitCode, 64);
        QVERIFY(size.err.contains("size '12Q'"));
        const Run apply =
            nr1ctl({QStringLiteral("apply"), QStringLiteral("teardown"), QStringLiteral("--level"),
                    QStringLiteral("all"), QStringLiteral("--inventory"), m_inventory});
        QCOMPARE(apply.exitCode, 64);
        QVERIFY(apply.err.contains("--level is export, volume, array or elements"));
    }

    void resumeAndRollbackNeedAnUnfinishedRunTheyCanMakeAgain() {
        const auto apply = [this](QStringList more) {
            return nr1ctl(
                QStringList{QStringLiteral("apply"), QStringLiteral("--inventory"), m_inventory} +
                more);
        };
        QCOMPARE(apply({QStringLiteral("--resume"), QStringLiteral("--rollback")}).exitCode, 64);
        const Run withKind = apply({QStringLiteral("--resume"), QStringLiteral("create-pair")});
        QCOMPARE(withKind.exitCode, 64);
        QVERIFY2(withKind.err.contains("take no KIND"), withKind.err.constData());
        const QString journal =
            m_home.filePath(QStringLiteral(".local/state/nr1/journal/lab.jsonl"));
        QFile::remove(journal);
        const Run none = apply({QStringLiteral("--resume"), QStringLiteral("--yes")});
        QCOMPARE(none.exitCode, 66);
        QVERIFY2(none.err.contains("holds no run"), none.err.constData());

        const auto writeJournal = [&journal](const QByteArray& lines) {
            QDir().mkpath(QFileInfo(journal).path());
            QFile file(journal);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(lines);
        };
        const QByteArray plan =
            R"({"event":"plan","run":"r1","plan":{"title":"Make x","actions":[{"argv":["true"],"successExitCodes":[0],"undo":[]}]}})"
            "\n"
            R"({"event":"start","run":"r1","index":1})"
            "\n";
        writeJournal(plan + R"({"event":"run","run":"r1","index":1,"status":"exited","exit":0})"
                            "\n"
                            R"({"event":"end","run":"r1","state":"done"})"
                            "\n");
        const Run finished = apply({QStringLiteral("--rollback"), QStringLiteral("--yes")});
        QCOMPARE(finished.exitCode, 0);
        QVERIFY2(finished.out.contains("Nothing to roll back: the last run ended (done)"),
                 finished.out.constData());
        // Killed in its step, and journaled without the origin to make the plan again from.
        writeJournal(plan);
        const Run killed = apply({QStringLiteral("--resume"), QStringLiteral("--yes")});
        QCOMPARE(killed.exitCode, 3);
        QVERIFY2(killed.out.contains("Action 1 was started and nr1 recorded no result"),
                 killed.out.constData());
        QVERIFY2(killed.err.contains("recorded no origin"), killed.err.constData());
    }

    void timeoutExits124() {
        // A sleep length nothing else here uses: the "node" is this machine, pgrep sees it.
        const QString marker =
            QStringLiteral("10.%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
        const Run run =
            nr1ctl({QStringLiteral("exec"), QStringLiteral("--inventory"), m_inventory,
                    QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("lab/primary"),
                    QStringLiteral("--"), QStringLiteral("sleep"), marker});
        QCOMPARE(run.exitCode, 124);
        QVERIFY2(run.err.contains("stopped on the node"), run.err.constData());
        // The sleep ended with the timeout, not 10 s later.
        QProcess pgrep;
        pgrep.start(QStringLiteral("pgrep"),
                    {QStringLiteral("-f"), QStringLiteral("sleep ") + marker});
        QVERIFY(pgrep.waitForFinished(10000));
        QCOMPARE(pgrep.exitCode(), 1); // 1: no process matched
    }

    void hostOutsideTheInventoryWithOptions() {
        const Run run =
            nr1ctl({QStringLiteral("exec"), QStringLiteral("--known-hosts"),
                    m_home.filePath(QStringLiteral("kh2")), QStringLiteral("--accept-new-host-key"),
                    QStringLiteral("--identity"), m_sshd.clientKey(), QStringLiteral("--user"),
                    m_sshd.user(), QStringLiteral("--port"), QString::number(m_sshd.port()),
                    QStringLiteral("127.0.0.1"), QStringLiteral("--"), QStringLiteral("echo"),
                    QStringLiteral("direct")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("direct\n"));
    }

    void usageErrors() {
        QCOMPARE(nr1ctl({QStringLiteral("exec"), QStringLiteral("--inventory"), m_inventory,
                         QStringLiteral("lab/primary")})
                     .exitCode,
                 64);
        const Run unknownNode = nr1ctl({QStringLiteral("exec"), QStringLiteral("--inventory"),
                                        m_inventory, QStringLiteral("nopair/primary"),
                                        QStringLiteral("--"), QStringLiteral("true")});
        QCOMPARE(unknownNode.exitCode, 64);
        QVERIFY(unknownNode.err.contains("no node 'nopair/primary'"));
        const Run badInventory =
            nr1ctl({QStringLiteral("exec"), QStringLiteral("--inventory"),
                    QStringLiteral("/nonexistent.yaml"), QStringLiteral("primary"),
                    QStringLiteral("--"), QStringLiteral("true")});
        QCOMPARE(badInventory.exitCode, 64);
        QVERIFY(badInventory.err.contains("/nonexistent.yaml"));
        QCOMPARE(nr1ctl({QStringLiteral("exec"), QStringLiteral("--port"), QStringLiteral("0"),
                         QStringLiteral("x"), QStringLiteral("--"), QStringLiteral("true")})
                     .exitCode,
                 64);
    }
};

QTEST_GUILESS_MAIN(TestNr1ctlExec)
#include "tst_nr1ctl_exec.moc"
