// The inventory YAML: what is read, and that every bad field is named with its line.

#include "Fixtures.h"
#include "inventory/Inventory.h"
#include "session/SshTargets.h"

#include <QDir>

using namespace nr1;

namespace {

const QString kTestbed =
    QStringLiteral("# nr1 inventory written by tests/testbed/testbed up\n"
                   "version: 1\n"
                   "pairs:\n"
                   "  - name: testbed\n"
                   "    primary:\n"
                   "      host: 127.0.0.1\n"
                   "      port: 2222\n"
                   "      user: root\n"
                   "      identity: keys/id_ed25519\n"
                   "      replication_address: 10.99.0.1\n"
                   "      initiator_name: iqn.2024-01.test.testbed:primary\n"
                   "      iscsi_port: 3261\n"
                   "    secondary:\n"
                   "      host: 127.0.0.1\n"
                   "      port: 2223\n"
                   "      user: root\n"
                   "      identity: /abs/id_ed25519\n"
                   "      replication_address: 10.99.0.2\n"
                   "      initiator_name: iqn.2024-01.test.testbed:secondary\n");

} // namespace

class TestInventory : public QObject {
    Q_OBJECT
private slots:
    void readsTheTestbedInventory() {
        const auto result = parseInventory(kTestbed, QStringLiteral("/etc/nr1"));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        const Inventory& inventory = result.value();
        QCOMPARE(inventory.version, 1);
        QCOMPARE(inventory.pairs.size(), std::size_t(1));
        const InventoryPair& pair = inventory.pairs[0];
        QCOMPARE(pair.name, QStringLiteral("testbed"));
        QCOMPARE(pair.primary.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(pair.primary.port, 2222);
        QCOMPARE(pair.primary.user, QStringLiteral("root"));
        QCOMPARE(pair.primary.identity,
                 QStringLiteral("/etc/nr1/keys/id_ed25519")); // relative to the file
        QCOMPARE(pair.primary.replicationAddress, QStringLiteral("10.99.0.1"));
        QCOMPARE(pair.primary.initiatorName, QStringLiteral("iqn.2024-01.test.testbed:primary"));
        QCOMPARE(pair.primary.iscsiPort, 3261);
        QCOMPARE(pair.secondary.port, 2223);
        QCOMPARE(pair.secondary.identity, QStringLiteral("/abs/id_ed25519"));
        QVERIFY(!pair.secondary.iscsiPort);
        QVERIFY(pair.frontEndAddress.isEmpty());
        const auto floating =
            parseInventory(kTestbed + QStringLiteral("    frontend_address: 10.0.2.100/24\n"),
                           QStringLiteral("/"));
        QVERIFY(floating.ok());
        QCOMPARE(floating.value().pairs[0].frontEndAddress, QStringLiteral("10.0.2.100/24"));
        const SshTarget target = sshTargetFor(inventory, pair.secondary);
        QCOMPARE(target.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(target.port, 2223);
        QCOMPARE(target.identityFiles, QStringList{QStringLiteral("/abs/id_ed25519")});
    }

    void emptyInventoryHasNoPairs() {
        const auto result = parseInventory(QStringLiteral("version: 1\n"), QStringLiteral("/"));
        QVERIFY(result.ok());
        QVERIFY(result.value().pairs.empty());
    }

    void badFieldsAreNamedWithTheirLine_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("port out of range")
            << QString(kTestbed).replace(QStringLiteral("port: 2222"),
                                         QStringLiteral("port: 70000"))
            << 7 << "pairs[0].primary.port";
        QTest::newRow("port not a number")
            << QString(kTestbed).replace(QStringLiteral("port: 2223"), QStringLiteral("port: ssh"))
            << 15 << "pairs[0].secondary.port";
        QTest::newRow("unknown field (typo)")
            << QString(kTestbed).replace(QStringLiteral("      user: root\n      identity: keys"),
                                         QStringLiteral("      usr: root\n      identity: keys"))
            << 8 << "pairs[0].primary.usr";
        QTest::newRow("bad initiator name")
            << QString(kTestbed).replace(QStringLiteral("iqn.2024-01.test.testbed:primary"),
                                         QStringLiteral("primary"))
            << 11 << "pairs[0].primary.initiator_name";
        QTest::newRow("host with a space")
            << QString(kTestbed).replace(QStringLiteral("host: 127.0.0.1\n      port: 2222"),
                                         QStringLiteral("host: a b\n      port: 2222"))
            << 6 << "pairs[0].primary.host";
        QTest::newRow("unknown version")
            << QString(kTestbed).replace(QStringLiteral("version: 1"), QStringLiteral("version: 2"))
            << 2 << "version";
        QTest::newRow("replication address not an IP address")
            << QString(kTestbed).replace(QStringLiteral("10.99.0.2"), QStringLiteral("10.99.0"))
            << 18 << "pairs[0].secondary.replication_address";
        QTest::newRow("YAML syntax")
            << QStringLiteral("pairs:\n  - name: [unclosed\n") << 3 << "valid YAML";
        QTest::newRow("pairs not a list") << QStringLiteral("pairs: 3\n") << 1 << "pairs";
        // Fields that become names on a node: the planners' checks, matching the whole text.
        QTest::newRow("initiator name with a command")
            << QString(kTestbed).replace(
                   QStringLiteral("iqn.2024-01.test.testbed:primary"),
                   QStringLiteral("\"iqn.2024-01.test.testbed:primary$(reboot);\""))
            << 11 << "pairs[0].primary.initiator_name";
        QTest::newRow("initiator name ending in a newline")
            << QString(kTestbed).replace(QStringLiteral("iqn.2024-01.test.testbed:primary"),
                                         QStringLiteral("\"iqn.2024-01.test.testbed:primary\\n\""))
            << 11 << "pairs[0].primary.initiator_name";
        QTest::newRow("initiator name in upper case (LIO lower-cases it)")
            << QString(kTestbed).replace(QStringLiteral("iqn.2024-01.test.testbed:primary"),
                                         QStringLiteral("iqn.2024-01.Test.testbed:primary"))
            << 11 << "must be lower case";
        QTest::newRow("pair name ending in a newline")
            << QString(kTestbed).replace(QStringLiteral("name: testbed"),
                                         QStringLiteral("name: \"testbed\\n\""))
            << 4 << "pairs[0].name";
        QTest::newRow("user ending in a newline")
            << QString(kTestbed).replace(
                   QStringLiteral("      user: root\n      identity: keys"),
                   QStringLiteral("      user: \"root\\n\"\n      identity: keys"))
            << 8 << "pairs[0].primary.user";
        QTest::newRow("user with a NUL")
            << QString(kTestbed).replace(
                   QStringLiteral("      user: root\n      identity: keys"),
                   QStringLiteral("      user: \"ro\\0ot\"\n      identity: keys"))
            << 8 << "pairs[0].primary.user";
        QTest::newRow("host ending in a carriage return")
            << QString(kTestbed).replace(QStringLiteral("host: 127.0.0.1\n      port: 2222"),
                                         QStringLiteral("host: \"127.0.0.1\\r\"\n      port: 2222"))
            << 6 << "pairs[0].primary.host";
        QTest::newRow("address zone with a command")
            << QString(kTestbed).replace(QStringLiteral("10.99.0.2"),
                                         QStringLiteral("\"fe80::1%$(reboot)\""))
            << 18 << "pairs[0].secondary.replication_address";
        QTest::newRow("port with a line end")
            << QString(kTestbed).replace(QStringLiteral("port: 2222"),
                                         QStringLiteral("port: \"2222\\n\""))
            << 7 << "pairs[0].primary.port";
        // yaml-cpp answers a repeated key with the first one: nr1 refuses the file instead.
        QTest::newRow("key given twice")
            << QString(kTestbed).replace(
                   QStringLiteral("      identity: keys/id_ed25519\n"),
                   QStringLiteral("      identity: keys/id_ed25519\n      host: 10.0.0.9\n"))
            << 10 << "'pairs[0].primary.host' once";
        QTest::newRow("top-level key given twice")
            << kTestbed + QStringLiteral("version: 1\n") << 20 << "'version' once";
        QTest::newRow("a second document")
            << kTestbed + QStringLiteral("---\npairs: []\n") << 20 << "one YAML document";
        QTest::newRow("a second document after an explicit first")
            << QStringLiteral("---\nversion: 1\n---\nversion: 1\n") << 3 << "one YAML document";
        QTest::newRow("an empty second document")
            << kTestbed + QStringLiteral("--- # nothing\n") << 20 << "one YAML document";
        QTest::newRow("larger than the cap")
            << kTestbed + QStringLiteral("# ") + QString(1024 * 1024, QLatin1Char('x')) +
                   QLatin1Char('\n')
            << 0 << "an inventory of at most 1 MiB";
        const QString front = kTestbed + QStringLiteral("    frontend_address: %1\n");
        QTest::newRow("front-end address without its prefix length")
            << front.arg(QStringLiteral("10.0.2.100")) << 20 << "pairs[0].frontend_address";
        QTest::newRow("front-end address with a prefix too long")
            << front.arg(QStringLiteral("10.0.2.100/33")) << 20 << "pairs[0].frontend_address";
        QTest::newRow("front-end address of IPv6")
            << front.arg(QStringLiteral("\"fd00::1/64\"")) << 20 << "like 192.0.2.10/24";
        QTest::newRow("front-end address with a command")
            << front.arg(QStringLiteral("\"10.0.2.100/24;reboot\"")) << 20
            << "pairs[0].frontend_address";
        QTest::newRow("front-end address a node's replication address")
            << front.arg(QStringLiteral("10.99.0.2/24")) << 20 << "not a node's replication";
        QTest::newRow("duplicate pair name")
            << kTestbed +
                   QStringLiteral(
                       "  - name: testbed\n    primary: {host: a}\n    secondary: {host: b}\n")
            << 20 << "a name no other pair has";
    }

    void badFieldsAreNamedWithTheirLine() {
        QFETCH(QString, yaml);
        QFETCH(int, line);
        QFETCH(QString, expected);
        const auto result =
            parseInventory(yaml, QStringLiteral("/"), QStringLiteral("inventory.yaml"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("inventory.yaml"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().toString().contains(expected),
                 qPrintable(result.error().toString()));
    }

    void missingHostIsAnError() {
        const auto result = parseInventory(
            QStringLiteral(
                "pairs:\n  - name: p\n    primary: {port: 22}\n    secondary: {host: b}\n"),
            QStringLiteral("/"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().toString().contains(QLatin1String("pairs[0].primary.host")),
                 qPrintable(result.error().toString()));
        QCOMPARE(result.error().line, 3); // where the node is
    }

    void pathsCanBeKeptAsWrittenAndProblemsNameTheirField() {
        const auto written = parseInventory(kTestbed, QStringLiteral("/etc/nr1"),
                                            QStringLiteral("x"), InventoryPaths::AsWritten);
        QVERIFY(written.ok());
        QCOMPARE(written.value().pairs[0].primary.identity, QStringLiteral("keys/id_ed25519"));
        QCOMPARE(
            resolveInventoryPath(QStringLiteral("keys/id_ed25519"), QStringLiteral("/etc/nr1")),
            QStringLiteral("/etc/nr1/keys/id_ed25519"));
        QCOMPARE(resolveInventoryPath(QStringLiteral("~/.ssh/id"), QStringLiteral("/etc/nr1")),
                 QDir::homePath() + QStringLiteral("/.ssh/id"));
        InventoryFieldProblem problem;
        const auto bad = parseInventory(
            QString(kTestbed).replace(QStringLiteral("port: 2223"), QStringLiteral("port: 0")),
            QStringLiteral("/"), QStringLiteral("x"), InventoryPaths::AsWritten, &problem);
        QVERIFY(!bad.ok());
        QCOMPARE(problem.field, QStringLiteral("pairs[0].secondary.port"));
        QCOMPARE(problem.expected, QStringLiteral("a port from 1 to 65535"));
        for (const char* address :
             {"10.99.0.1", "fd00::2", "::1", "fe80::1%eth0", "2001:db8:0:0:0:0:0:1"}) {
            QString yaml = kTestbed;
            yaml.replace(QStringLiteral("10.99.0.2"), QLatin1String(address));
            QVERIFY2(parseInventory(yaml, QStringLiteral("/")).ok(), address);
        }
        for (const char* address : {"256.1.1.1", "node-b", "1:2:3", "fd00::1::2", "10.99.0.1/24"}) {
            QString yaml = kTestbed;
            yaml.replace(QStringLiteral("10.99.0.2"), QLatin1String(address));
            QVERIFY2(!parseInventory(yaml, QStringLiteral("/")).ok(), address);
        }
    }

    // Found by fuzz_inventory: yaml-cpp's LoadAll never returns on a stray ','.
    void strayCommaEnds() {
        const auto result = parseInventory(QStringLiteral(","), QStringLiteral("/"));
        QVERIFY(!result.ok());
    }

    // Nested aliases ("billion laughs"): walking every use of an alias would take for ever.
    void nestedAliasesAreBounded() {
        QString yaml = QStringLiteral("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 12; ++level)
            yaml +=
                QStringLiteral("a%1: &a%1 [").arg(level) +
                QStringList(10, QStringLiteral("*a%1").arg(level - 1)).join(QStringLiteral(", ")) +
                QStringLiteral("]\n");
        const auto result = parseInventory(yaml, QStringLiteral("/"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().toString().contains(QLatin1String("aliases")),
                 qPrintable(result.error().toString()));
    }

    void oneExplicitDocumentIsFine() {
        QVERIFY(parseInventory(QStringLiteral("---\n") + kTestbed + QStringLiteral("...\n"),
                               QStringLiteral("/"))
                    .ok());
    }

    // /dev/zero never ends: the read stops at the cap with a sentence naming it.
    void endlessFileIsRefusedAtTheCap() {
        const auto result = loadInventory(QStringLiteral("/dev/zero"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().toString().contains(QLatin1String("larger than 1 MiB")),
                 qPrintable(result.error().toString()));
    }

    void missingFileIsAnError() {
        const auto result = loadInventory(QStringLiteral("/nonexistent/inventory.yaml"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("/nonexistent/inventory.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
