// Tests for the open-iscsi parsers: `iscsiadm -m session` (-P 3, -P 1 and the plain list),
// `iscsiadm -m discovery -t st`, /etc/iscsi/initiatorname.iscsi and portal strings. Expected
// values were read from the fixtures (testbed captures of open-iscsi 2.1.8, public captures) or
// from the constructed input next to each test.

#include "Fixtures.h"
#include "ParseAssertions.h"
#include "probe/IscsiParsers.h"

using namespace nr1;

namespace {

IscsiPortal portal(const QString& address, int port, std::optional<int> tpgt) {
    IscsiPortal value;
    value.address = address;
    value.port = port;
    value.tpgt = tpgt;
    return value;
}

/// A session as the plain `iscsiadm -m session` line gives it.
IscsiSession listed(int sid, const IscsiPortal& at, const QString& iqn, bool flash = false) {
    IscsiSession session;
    session.transport = QStringLiteral("tcp");
    session.sid = sid;
    session.currentPortal = at;
    session.persistentPortal = at;
    session.targetIqn = iqn;
    session.flash = flash;
    return session;
}

void comparePortal(const IscsiPortal& actual, const IscsiPortal& expected) {
    QCOMPARE(actual.address, expected.address);
    QCOMPARE(actual.port, expected.port);
    QCOMPARE(actual.tpgt.has_value(), expected.tpgt.has_value());
    if (expected.tpgt)
        QCOMPARE(*actual.tpgt, *expected.tpgt);
}

void compareSession(const IscsiSession& actual, const IscsiSession& expected) {
    QCOMPARE(actual.targetIqn, expected.targetIqn);
    QCOMPARE(actual.flash, expected.flash);
    comparePortal(actual.currentPortal, expected.currentPortal);
    if (QTest::currentTestFailed())
        return;
    comparePortal(actual.persistentPortal, expected.persistentPortal);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(actual.sid.value_or(-1), expected.sid.value_or(-1));
    QCOMPARE(actual.transport, expected.transport);
    QCOMPARE(actual.ifaceName, expected.ifaceName);
    QCOMPARE(actual.initiatorName, expected.initiatorName);
    QCOMPARE(actual.ifaceAddress, expected.ifaceAddress);
    QCOMPARE(actual.connectionState, expected.connectionState);
    QCOMPARE(actual.sessionState, expected.sessionState);
    QCOMPARE(actual.internalState, expected.internalState);
    QCOMPARE(actual.recoveryTimeout.value_or(-1), expected.recoveryTimeout.value_or(-1));
    QCOMPARE(actual.hostNumber.value_or(-1), expected.hostNumber.value_or(-1));
    QCOMPARE(actual.hostState, expected.hostState);
    QCOMPARE(actual.disks.size(), expected.disks.size());
    for (std::size_t i = 0; i < expected.disks.size(); ++i) {
        QCOMPARE(actual.disks[i].hostNumber, expected.disks[i].hostNumber);
        QCOMPARE(actual.disks[i].channel, expected.disks[i].channel);
        QCOMPARE(actual.disks[i].id, expected.disks[i].id);
        QCOMPARE(actual.disks[i].lun, expected.disks[i].lun);
        QCOMPARE(actual.disks[i].disk, expected.disks[i].disk);
        QCOMPARE(actual.disks[i].state, expected.disks[i].state);
    }
    // and nothing the field list above forgot
    QVERIFY(actual == expected);
}

void compareSessions(const std::vector<IscsiSession>& actual,
                     const std::vector<IscsiSession>& expected) {
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        compareSession(actual[i], expected[i]);
        if (QTest::currentTestFailed())
            return;
    }
}

const QString kSecondaryIqn = QStringLiteral("iqn.2024-01.test.testbed:secondary.elem0");

} // namespace

#define CHECK(call)                                                                                \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

Q_DECLARE_METATYPE(std::vector<nr1::IscsiSession>)
Q_DECLARE_METATYPE(std::vector<nr1::DiscoveryRecord>)

class TestIscsi : public QObject {
    Q_OBJECT
private slots:
    // ---- iscsiadm -m session -P 3 ----------------------------------------------------------

    void testbedSessionP3_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("after the build") << "testbed/iscsiadm_session_P3_full.txt";
        QTest::newRow("final") << "testbed/iscsiadm_session_P3_final.txt";
    }

    void testbedSessionP3() {
        QFETCH(QString, file);
        const auto result = parseIscsiSessions(fixture(file));
        VERIFY_OK(result);
        // every line of the capture is either used or known to carry nothing nr1 models
        QVERIFY(result.warnings().empty());

        IscsiSession expected;
        expected.targetIqn = kSecondaryIqn;
        expected.flash = false; // "(non-flash)"
        expected.currentPortal = portal(QStringLiteral("10.99.0.2"), 3260, 1);
        expected.persistentPortal = portal(QStringLiteral("10.99.0.2"), 3260, 1);
        expected.sid = 1;
        expected.transport = QStringLiteral("tcp");
        expected.ifaceName = QStringLiteral("default");
        expected.initiatorName = QStringLiteral("iqn.2024-01.test.testbed:primary");
        expected.ifaceAddress = QStringLiteral("10.99.0.1");
        expected.connectionState = QStringLiteral("LOGGED IN");
        expected.sessionState = QStringLiteral("LOGGED_IN");
        expected.internalState = QStringLiteral("NO CHANGE");
        expected.recoveryTimeout = 10;
        expected.hostNumber = 2;
        expected.hostState = QStringLiteral("running");
        // "scsi2 Channel 00 Id 0 Lun: 0" / "Attached scsi disk sda\t\tState: running"
        expected.disks.push_back(
            AttachedDisk{2, 0, 0, 0, QStringLiteral("sda"), QStringLiteral("running")});
        CHECK(compareSessions(result.value(), {expected}));

        const IscsiSession& session = result.value().front();
        QVERIFY(session.loggedIn());
        QCOMPARE(session.currentPortal.hostPort(), QStringLiteral("10.99.0.2:3260"));
    }

    void rocksSessionP3TransportWait() {
        // open-iscsi 2.0-873, tabs expanded to spaces; the second session is in TRANSPORT WAIT.
        const auto result = parseIscsiSessions(
            fixture(QStringLiteral("public/iscsiadm_session_P3_rocks_transport_wait.txt")));
        VERIFY_OK(result);
        QVERIFY(result.warnings().empty());

        IscsiSession first;
        first.targetIqn = QStringLiteral("iqn.2001-04.com.zfs-0-0-compute-0-2-0-vol");
        first.currentPortal = portal(QStringLiteral("10.2.20.254"), 3260, 1);
        first.persistentPortal = first.currentPortal;
        first.sid = 49;
        first.transport = QStringLiteral("tcp");
        first.ifaceName = QStringLiteral("default");
        first.initiatorName = QStringLiteral("iqn.1994-05.com.redhat:6453f1cc15cf");
        first.ifaceAddress = QStringLiteral("10.2.20.252");
        first.connectionState = QStringLiteral("LOGGED IN");
        first.sessionState = QStringLiteral("LOGGED_IN");
        first.internalState = QStringLiteral("NO CHANGE");
        first.recoveryTimeout = 120;
        first.hostNumber = 54;
        first.hostState = QStringLiteral("running");
        // LUN 0 has no "Attached scsi disk" line; LUN 1 is sdb
        first.disks = {AttachedDisk{54, 0, 0, 0, QString(), QString()},
                       AttachedDisk{54, 0, 0, 1, QStringLiteral("sdb"), QStringLiteral("running")}};

        IscsiSession second;
        second.targetIqn = QStringLiteral("iqn.2001-04.com.nas-0-1-vol2");
        second.currentPortal = portal(QStringLiteral("10.2.20.247"), 3260, 1);
        second.persistentPortal = second.currentPortal;
        second.sid = 69;
        second.transport = QStringLiteral("tcp");
        second.ifaceName = QStringLiteral("default");
        second.initiatorName = QStringLiteral("iqn.1994-05.com.redhat:6453f1cc15cf");
        second.ifaceAddress = QString(); // "<empty>"
        second.connectionState = QStringLiteral("TRANSPORT WAIT");
        second.sessionState = QStringLiteral("FREE");
        second.internalState = QStringLiteral("REOPEN");
        second.recoveryTimeout = 120;
        second.hostNumber = 74;
        second.hostState = QStringLiteral("running");
        second.disks = {
            AttachedDisk{74, 0, 0, 0, QString(), QString()},
            AttachedDisk{74, 0, 0, 1, QStringLiteral("sdc"), QStringLiteral("transport-offline")}};

        CHECK(compareSessions(result.value(), {first, second}));
        QVERIFY(result.value()[0].loggedIn());
        QVERIFY(!result.value()[1].loggedIn());
    }

    void yastSessionP1Ipv6_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("iqn");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("persistent");
        QTest::addColumn<QString>("currentHostPort");

        QTest::newRow("IPv4, portals differ") << 0 << "iqn.2013-10.de.suse:test_file1"
                                              << "10.13.67.182"
                                              << "10.120.66.182"
                                              << "10.13.67.182:3260";
        QTest::newRow("IPv6 in brackets, portals differ")
            << 1 << "iqn.2013-10.de.suse:test_file2"
            << "2620:113:80c0:890:e051:56:73c7:9171"
            << "2620:113:80c0:8080:e051:f9ea:73c7:9171"
            << "[2620:113:80c0:890:e051:56:73c7:9171]:3260";
    }

    void yastSessionP1Ipv6() {
        QFETCH(int, index);
        QFETCH(QString, iqn);
        QFETCH(QString, current);
        QFETCH(QString, persistent);
        QFETCH(QString, currentHostPort);

        const auto result = parseIscsiSessions(
            fixture(QStringLiteral("public/iscsiadm_session_P1_yast_transport_wait_ipv6.txt")));
        VERIFY_OK(result);
        QVERIFY(result.warnings().empty());
        QCOMPARE(result.value().size(), std::size_t(2));

        IscsiSession expected;
        expected.targetIqn = iqn;
        expected.currentPortal = portal(current, 3260, 1);
        expected.persistentPortal = portal(persistent, 3260, 1);
        expected.sid = 1; // both sessions say "SID: 1" in this capture
        expected.transport = QStringLiteral("tcp");
        expected.ifaceName = QStringLiteral("default");
        expected.initiatorName = QStringLiteral("iqn.1996-04.de.suse:01:19eacab02a1d");
        expected.connectionState = QStringLiteral("TRANSPORT WAIT");
        expected.sessionState = QStringLiteral("FREE");
        expected.internalState = QStringLiteral("REOPEN");
        // -P 1 has no timeouts, host or disks
        const IscsiSession& session = result.value().at(std::size_t(index));
        CHECK(compareSession(session, expected));
        QCOMPARE(session.currentPortal.hostPort(), currentHostPort);
        QVERIFY(!session.loggedIn());
    }

    void nodeListIsNotASessionList() {
        // `iscsiadm -m node -P 1` is another command: its "Portal:" lines are not "Current
        // Portal:", so the session parser refuses the input at the first of them instead of
        // inventing sessions.
        const auto result =
            parseIscsiSessions(fixture(QStringLiteral("public/iscsiadm_node_P1_yast_ipv6.txt")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("iscsiadm -m session"));
        QCOMPARE(result.error().line, 2);
        QVERIFY2(result.error().expected.contains(QStringLiteral("Current Portal:")),
                 qPrintable(result.error().toString()));
        QCOMPARE(result.error().found,
                 QStringLiteral("\\tPortal: [fe80::a00:27ff:fe1b:a7fe]:3260,1"));
    }

    void sessionDetailWarnings() {
        // An unknown detail line is skipped with a warning naming it; the session is intact.
        QString text = fixture(QStringLiteral("testbed/iscsiadm_session_P3_full.txt"));
        QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.at(13), QStringLiteral("\t\tIface Netdev: default"));
        lines.insert(14, QStringLiteral("\t\tIface Frobnication: on"));
        lines.insert(15, QStringLiteral("\t\tSomething without a colon"));
        const auto result = parseIscsiSessions(lines.join(QLatin1Char('\n')));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(1));
        QCOMPARE(result.value().front().sid.value_or(-1), 1);
        QCOMPARE(result.value().front().disks.size(), std::size_t(1));
        QCOMPARE(result.warnings().size(), std::size_t(2));
        QCOMPARE(result.warnings()[0].line, 15);
        QCOMPARE(result.warnings()[0].text, QStringLiteral("\t\tIface Frobnication: on"));
        QCOMPARE(result.warnings()[0].source, QStringLiteral("iscsiadm -m session"));
        QCOMPARE(result.warnings()[1].line, 16);
    }

    void sessionDetailFlashAndCrlf() {
        const auto result =
            parseIscsiSessions(QStringLiteral("Target: iqn.2024-01.test.testbed:flash0 (flash)\r\n"
                                              "\tCurrent Portal: 10.99.0.3:3260,2\r\n"
                                              "\tPersistent Portal: 10.99.0.3:3260,2\r\n"
                                              "\t\tSID: 12\r\n"
                                              "\t\tiSCSI Session State: LOGGED_IN\r\n"));
        VERIFY_OK(result);
        QVERIFY(result.warnings().empty());
        QCOMPARE(result.value().size(), std::size_t(1));
        const IscsiSession& session = result.value().front();
        QVERIFY(session.flash);
        QCOMPARE(session.targetIqn, QStringLiteral("iqn.2024-01.test.testbed:flash0"));
        CHECK(comparePortal(session.currentPortal, portal(QStringLiteral("10.99.0.3"), 3260, 2)));
        QCOMPARE(session.sid.value_or(-1), 12);
        QCOMPARE(session.sessionState, QStringLiteral("LOGGED_IN"));
        QVERIFY(session.loggedIn());
    }

    void sessionDetailTwoPortalsOneTarget() {
        // A target logged in through two portals: one "Target:" line, two sessions.
        const auto result =
            parseIscsiSessions(QStringLiteral("Target: iqn.2024-01.test.t:a\n"
                                              "\tCurrent Portal: 10.0.0.1:3260,1\n"
                                              "\tPersistent Portal: 10.0.0.1:3260,1\n"
                                              "\t\tSID: 1\n"
                                              "\tCurrent Portal: 10.0.1.1:3260,2\n"
                                              "\tPersistent Portal: 10.0.1.1:3260,2\n"
                                              "\t\tSID: 2\n"));
        VERIFY_OK(result);
        QCOMPARE(result.value().size(), std::size_t(2));
        QCOMPARE(result.value()[0].targetIqn, QStringLiteral("iqn.2024-01.test.t:a"));
        QCOMPARE(result.value()[1].targetIqn, QStringLiteral("iqn.2024-01.test.t:a"));
        QCOMPARE(result.value()[0].sid.value_or(-1), 1);
        QCOMPARE(result.value()[1].sid.value_or(-1), 2);
        QCOMPARE(result.value()[1].currentPortal.address, QStringLiteral("10.0.1.1"));
        QCOMPARE(result.value()[1].currentPortal.tpgt.value_or(-1), 2);
    }

    // ---- plain iscsiadm -m session ---------------------------------------------------------

    void sessionList_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::vector<IscsiSession>>("expected");

        const IscsiPortal testbed = portal(QStringLiteral("10.99.0.2"), 3260, 1);
        QTest::newRow("testbed session")
            << QStringLiteral("tcp: [1] 10.99.0.2:3260,1 iqn.2024-01.test.testbed:secondary.elem0 "
                              "(non-flash)\n")
            << std::vector<IscsiSession>{listed(1, testbed, kSecondaryIqn)};
        QTest::newRow("two sessions")
            << QStringLiteral("tcp: [1] 10.99.0.2:3260,1 iqn.2024-01.test.testbed:secondary.elem0 "
                              "(non-flash)\n"
                              "tcp: [2] 10.99.0.2:3260,1 iqn.2024-01.test.testbed:secondary.elem1 "
                              "(non-flash)\n")
            << std::vector<IscsiSession>{
                   listed(1, testbed, kSecondaryIqn),
                   listed(2, testbed, QStringLiteral("iqn.2024-01.test.testbed:secondary.elem1"))};
        QTest::newRow("IPv6 portal")
            << QStringLiteral("tcp: [3] [fe80::5054:ff:fe12:3456]:3260,1 "
                              "iqn.2024-01.test.testbed:secondary.elem0 (non-flash)\n")
            << std::vector<IscsiSession>{listed(
                   3, portal(QStringLiteral("fe80::5054:ff:fe12:3456"), 3260, 1), kSecondaryIqn)};
        QTest::newRow("flash, no trailing newline")
            << QStringLiteral("tcp: [7] 10.99.0.2:3261,2 iqn.2024-01.test.testbed:f (flash)")
            << std::vector<IscsiSession>{listed(7, portal(QStringLiteral("10.99.0.2"), 3261, 2),
                                                QStringLiteral("iqn.2024-01.test.testbed:f"),
                                                true)};
        QTest::newRow("old open-iscsi without (non-flash)")
            << QStringLiteral(
                   "tcp: [1] 10.99.0.2:3260,1 iqn.2024-01.test.testbed:secondary.elem0\n")
            << std::vector<IscsiSession>{listed(1, testbed, kSecondaryIqn)};
        QTest::newRow("no sessions: empty stdout") << QString() << std::vector<IscsiSession>{};
        QTest::newRow("blank lines only") << QStringLiteral("\n\n") << std::vector<IscsiSession>{};
    }

    void sessionList() {
        QFETCH(QString, text);
        QFETCH(std::vector<IscsiSession>, expected);
        const auto result = parseIscsiSessions(text);
        VERIFY_OK(result);
        QVERIFY(result.warnings().empty());
        CHECK(compareSessions(result.value(), expected));
        for (const IscsiSession& session : result.value()) {
            QVERIFY(session.disks.empty());
            QVERIFY(!session.recoveryTimeout.has_value());
        }
    }

    void sessionHeaderOnly() {
        // -P 3 prints the two version lines even when there is no session.
        const auto result = parseIscsiSessions(
            QStringLiteral("iSCSI Transport Class version 2.0-870\nversion 2.1.8\n"));
        VERIFY_OK(result);
        QVERIFY(result.value().empty());
    }

    // ---- errors ----------------------------------------------------------------------------

    void sessionErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedContains");

        const QString header =
            QStringLiteral("iSCSI Transport Class version 2.0-870\nversion 2.1.8\n");
        const QString target =
            QStringLiteral("Target: iqn.2024-01.test.testbed:secondary.elem0 (non-flash)\n");
        QTest::newRow("Current Portal before any Target")
            << header + QStringLiteral("\tCurrent Portal: 10.99.0.2:3260,1\n") << 3
            << "'Target:' before 'Current Portal:'";
        QTest::newRow("bad current portal (port 99999)")
            << header + target + QStringLiteral("\tCurrent Portal: 10.99.0.2:99999,1\n") << 4
            << "a portal";
        QTest::newRow("bad persistent portal (no port)")
            << header + target +
                   QStringLiteral("\tCurrent Portal: 10.99.0.2:3260,1\n"
                                  "\tPersistent Portal: 10.99.0.2\n")
            << 5 << "a portal";
        QTest::newRow("SID: x") << target + QStringLiteral("\tCurrent Portal: 10.99.0.2:3260,1\n"
                                                           "\tPersistent Portal: 10.99.0.2:3260,1\n"
                                                           "\t\tIface Name: default\n"
                                                           "\t\tSID: x\n")
                                << 5 << "a session id number";
        QTest::newRow("Recovery Timeout: ten")
            << target + QStringLiteral("\tCurrent Portal: 10.99.0.2:3260,1\n"
                                       "\t\tRecovery Timeout: ten\n")
            << 3 << "a timeout in seconds";
        QTest::newRow("detail before any session")
            << target + QStringLiteral("\t\tSID: 1\n") << 2 << "before session details";
        QTest::newRow("host before any session")
            << header + QStringLiteral("\t\tHost Number: 2\tState: running\n") << 3
            << "before session details";
        QTest::newRow("disk before its LUN line")
            << target + QStringLiteral("\tCurrent Portal: 10.99.0.2:3260,1\n"
                                       "\t\tHost Number: 2\tState: running\n"
                                       "\t\t\tAttached scsi disk sda\t\tState: running\n")
            << 4 << "'scsiN Channel C Id I Lun: L' before the disk";
        QTest::newRow("target but no session lines")
            << header + target << 0 << "'Target:' and 'Current Portal:' lines";
        QTest::newRow("list: bad SID")
            << QStringLiteral("tcp: [x] 10.99.0.2:3260,1 iqn.2024-01.test.testbed:a (non-flash)\n")
            << 1 << "session line";
        QTest::newRow("list: garbage on line 2")
            << QStringLiteral("tcp: [1] 10.99.0.2:3260,1 iqn.2024-01.test.testbed:a (non-flash)\n"
                              "iscsiadm: No active sessions.\n")
            << 2 << "session line";
        QTest::newRow("list: port 0")
            << QStringLiteral("tcp: [1] 10.99.0.2:0,1 iqn.2024-01.test.testbed:a (non-flash)\n")
            << 1 << "a portal";
        QTest::newRow("list: unbracketed IPv6")
            << QStringLiteral("tcp: [1] fe80::1:3260,1 iqn.2024-01.test.testbed:a (non-flash)\n")
            << 1 << "a portal";
    }

    void sessionErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedContains);
        const auto result = parseIscsiSessions(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("iscsiadm -m session"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedContains),
                 qPrintable(result.error().toString()));
    }

    void sessionErrorQuotesTheLine() {
        const auto result = parseIscsiSessions(QStringLiteral(
            "Target: iqn.2024-01.test.t:a\n\tCurrent Portal: 10.99.0.2:3260,1\n\t\tSID: x\n"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().line, 3);
        QCOMPARE(result.error().found, QStringLiteral("SID: x"));
    }

    // ---- parseIscsiPortal ------------------------------------------------------------------

    void portals_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("tpgt"); // -1: none

        QTest::newRow("IPv4 with tpgt") << "10.99.0.2:3260,1" << true << "10.99.0.2" << 3260 << 1;
        QTest::newRow("IPv4 without tpgt") << "10.99.0.2:3260" << true << "10.99.0.2" << 3260 << -1;
        QTest::newRow("IPv6") << "[fe80::1]:3260,1" << true << "fe80::1" << 3260 << 1;
        QTest::newRow("IPv6 full") << "[2620:113:80c0:8080:e051:f9ea:73c7:9171]:3260,1" << true
                                   << "2620:113:80c0:8080:e051:f9ea:73c7:9171" << 3260 << 1;
        QTest::newRow("IPv6 with zone")
            << "[fe80::1%eth1]:3260,1" << true << "fe80::1%eth1" << 3260 << 1;
        QTest::newRow("IPv6 without tpgt") << "[::1]:3260" << true << "::1" << 3260 << -1;
        QTest::newRow("host name")
            << "node2.example:3261,2" << true << "node2.example" << 3261 << 2;
        QTest::newRow("port 1") << "10.99.0.2:1,1" << true << "10.99.0.2" << 1 << 1;
        QTest::newRow("port 65535") << "10.99.0.2:65535,1" << true << "10.99.0.2" << 65535 << 1;
        QTest::newRow("tpgt 0") << "10.99.0.2:3260,0" << true << "10.99.0.2" << 3260 << 0;

        QTest::newRow("port 0") << "10.99.0.2:0,1" << false << "" << 0 << -1;
        QTest::newRow("port 70000") << "10.99.0.2:70000,1" << false << "" << 0 << -1;
        QTest::newRow("port overflow") << "10.99.0.2:99999999999,1" << false << "" << 0 << -1;
        QTest::newRow("port missing") << "10.99.0.2" << false << "" << 0 << -1;
        QTest::newRow("port missing, tpgt") << "10.99.0.2,1" << false << "" << 0 << -1;
        QTest::newRow("port empty") << "10.99.0.2:,1" << false << "" << 0 << -1;
        QTest::newRow("port negative") << "10.99.0.2:-1" << false << "" << 0 << -1;
        QTest::newRow("address missing") << ":3260,1" << false << "" << 0 << -1;
        QTest::newRow("IPv6 without brackets") << "fe80::1:3260,1" << false << "" << 0 << -1;
        QTest::newRow("IPv6 brackets, no port") << "[fe80::1]" << false << "" << 0 << -1;
        QTest::newRow("empty brackets") << "[]:3260" << false << "" << 0 << -1;
        QTest::newRow("tpgt x") << "10.99.0.2:3260,x" << false << "" << 0 << -1;
        QTest::newRow("tpgt empty") << "10.99.0.2:3260," << false << "" << 0 << -1;
        QTest::newRow("leading space") << " 10.99.0.2:3260,1" << false << "" << 0 << -1;
        QTest::newRow("trailing text") << "10.99.0.2:3260,1 iqn.x" << false << "" << 0 << -1;
        QTest::newRow("iscsiadm login form") << "10.99.0.2,3260" << false << "" << 0 << -1;
        QTest::newRow("empty") << "" << false << "" << 0 << -1;
    }

    void portals() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(int, tpgt);

        const auto parsed = parseIscsiPortal(text);
        QCOMPARE(parsed.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(parsed->address, address);
        QCOMPARE(parsed->port, port);
        QCOMPARE(parsed->tpgt.value_or(-1), tpgt);
    }

    void hostPort_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hostPort");
        QTest::newRow("IPv4") << "10.99.0.2:3260,1"
                              << "10.99.0.2:3260";
        QTest::newRow("IPv6") << "[fe80::1]:3260,1"
                              << "[fe80::1]:3260";
        QTest::newRow("host name") << "node2.example:3261"
                                   << "node2.example:3261";
    }

    void hostPort() {
        QFETCH(QString, text);
        QFETCH(QString, hostPort);
        const auto parsed = parseIscsiPortal(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->hostPort(), hostPort);
        // what hostPort() prints parses back to the same address and port
        const auto again = parseIscsiPortal(parsed->hostPort());
        QVERIFY(again.has_value());
        QCOMPARE(again->address, parsed->address);
        QCOMPARE(again->port, parsed->port);
    }

    // ---- iscsiadm -m discovery -t st -------------------------------------------------------

    void discovery_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::vector<DiscoveryRecord>>("expected");

        QTest::newRow("testbed capture")
            << fixture(QStringLiteral("testbed/iscsi_discovery_primary.txt"))
            << std::vector<DiscoveryRecord>{
                   {portal(QStringLiteral("10.99.0.2"), 3260, 1), kSecondaryIqn}};
        QTest::newRow("several targets and portals")
            << QStringLiteral("10.99.0.2:3260,1 iqn.2024-01.test.testbed:secondary.elem0\n"
                              "10.99.0.2:3260,1 iqn.2024-01.test.testbed:secondary.elem1\n"
                              "192.168.18.1:3260,2 iqn.2019-05.com:server\n"
                              "[fe80::1]:3260,1 iqn.2024-01.test.testbed:secondary.elem0\n")
            << std::vector<DiscoveryRecord>{
                   {portal(QStringLiteral("10.99.0.2"), 3260, 1), kSecondaryIqn},
                   {portal(QStringLiteral("10.99.0.2"), 3260, 1),
                    QStringLiteral("iqn.2024-01.test.testbed:secondary.elem1")},
                   {portal(QStringLiteral("192.168.18.1"), 3260, 2),
                    QStringLiteral("iqn.2019-05.com:server")},
                   {portal(QStringLiteral("fe80::1"), 3260, 1), kSecondaryIqn}};
        QTest::newRow("CRLF and blank lines")
            << QStringLiteral(
                   "\r\n10.99.0.2:3260,1 iqn.2024-01.test.testbed:secondary.elem0\r\n\r\n")
            << std::vector<DiscoveryRecord>{
                   {portal(QStringLiteral("10.99.0.2"), 3260, 1), kSecondaryIqn}};
        QTest::newRow("nothing found") << QString() << std::vector<DiscoveryRecord>{};
    }

    void discovery() {
        QFETCH(QString, text);
        QFETCH(std::vector<DiscoveryRecord>, expected);
        const auto result = parseIscsiDiscovery(text);
        VERIFY_OK(result);
        QVERIFY(result.warnings().empty());
        QCOMPARE(result.value().size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CHECK(comparePortal(result.value()[i].portal, expected[i].portal));
            QCOMPARE(result.value()[i].targetIqn, expected[i].targetIqn);
        }
    }

    void discoveryErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedContains");

        QTest::newRow("portal only")
            << QStringLiteral("10.99.0.2:3260,1 iqn.2024-01.test.testbed:a\n10.99.0.2:3260,1\n")
            << 2 << "'ADDRESS:PORT,TPGT IQN'";
        QTest::newRow("three fields")
            << QStringLiteral("10.99.0.2:3260,1 iqn.2024-01.test.testbed:a extra\n") << 1
            << "'ADDRESS:PORT,TPGT IQN'";
        QTest::newRow("portal without port")
            << QStringLiteral("10.99.0.2 iqn.2024-01.test.testbed:a\n") << 1 << "a portal";
        QTest::newRow("error text on stdout")
            << QStringLiteral(
                   "\n\niscsiadm: cannot make connection to 10.99.0.2: No route to host\n")
            << 3 << "'ADDRESS:PORT,TPGT IQN'";
    }

    void discoveryErrors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedContains);
        const auto result = parseIscsiDiscovery(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("iscsiadm -m discovery"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedContains),
                 qPrintable(result.error().toString()));
    }

    // ---- /etc/iscsi/initiatorname.iscsi ----------------------------------------------------

    void initiatorName_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("alias");
        QTest::addColumn<QList<int>>("warningLines");

        QTest::newRow("testbed capture")
            << fixture(QStringLiteral("testbed/initiatorname_primary.txt"))
            << "iqn.2024-01.test.testbed:primary"
            << "" << QList<int>{};
        QTest::newRow("Debian file with comments")
            << QStringLiteral(
                   "## DO NOT EDIT OR REMOVE THIS FILE!\n"
                   "## If you remove this file, the iSCSI daemon will not start.\n"
                   "## If you change the InitiatorName, existing access control lists\n"
                   "## may reject this initiator.  The InitiatorName must be unique\n"
                   "## for each iSCSI initiator.  Do NOT duplicate iSCSI InitiatorNames.\n"
                   "InitiatorName=iqn.1993-08.org.debian:01:5c2e3b4a1f0d\n")
            << "iqn.1993-08.org.debian:01:5c2e3b4a1f0d"
            << "" << QList<int>{};
        QTest::newRow("with alias, indented, CRLF")
            << QStringLiteral("# comment\r\n  InitiatorName=iqn.2024-01.test.testbed:secondary \r\n"
                              "InitiatorAlias=secondary node\r\n")
            << "iqn.2024-01.test.testbed:secondary"
            << "secondary node" << QList<int>{};
        QTest::newRow("alias first")
            << QStringLiteral("InitiatorAlias=p\nInitiatorName=iqn.2024-01.test.testbed:primary\n")
            << "iqn.2024-01.test.testbed:primary"
            << "p" << QList<int>{};
        QTest::newRow("unknown line warned")
            << QStringLiteral("InitiatorName=iqn.2024-01.test.testbed:primary\n"
                              "\n"
                              "InitiatorNameX=foo\n"
                              "initiatorname=lowercase\n")
            << "iqn.2024-01.test.testbed:primary"
            << "" << QList<int>{3, 4};
        // iscsid reads the first InitiatorName= line; a second one is reported, not used.
        QTest::newRow("second name warned, first kept")
            << QStringLiteral("InitiatorName=iqn.2024-01.test.testbed:primary\n"
                              "InitiatorName=iqn.2024-01.test.testbed:other\n")
            << "iqn.2024-01.test.testbed:primary"
            << "" << QList<int>{2};
    }

    void initiatorName() {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, alias);
        QFETCH(QList<int>, warningLines);
        const auto result = parseInitiatorName(text);
        VERIFY_OK(result);
        QCOMPARE(result.value().name, name);
        QCOMPARE(result.value().alias, alias);
        QList<int> lines;
        for (const ParseWarning& warning : result.warnings()) {
            lines.append(warning.line);
            QCOMPARE(warning.source, QStringLiteral("/etc/iscsi/initiatorname.iscsi"));
        }
        QCOMPARE(lines, warningLines);
    }

    void initiatorNameErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty file") << QString();
        QTest::newRow("comments only") << QStringLiteral("## DO NOT EDIT OR REMOVE THIS FILE!\n");
        QTest::newRow("alias only") << QStringLiteral("InitiatorAlias=primary\n");
        QTest::newRow("empty name") << QStringLiteral("InitiatorName=\n");
        QTest::newRow("blank name") << QStringLiteral("InitiatorName=   \n");
        QTest::newRow("commented out name")
            << QStringLiteral("#InitiatorName=iqn.2024-01.test.testbed:primary\n");
    }

    void initiatorNameErrors() {
        QFETCH(QString, text);
        const auto result = parseInitiatorName(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("/etc/iscsi/initiatorname.iscsi"));
        QCOMPARE(result.error().line, 0);
        QVERIFY2(result.error().expected.contains(QStringLiteral("InitiatorName=")),
                 qPrintable(result.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestIscsi)
#include "tst_iscsi.moc"
