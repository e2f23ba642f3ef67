// The floating front-end address (the inventory's frontend_address): every plan keeps it on the
// node that serves the LUN and off the other one, from live captures of the testbed pair
// before and after it moved onto 10.0.2.100/24.

#include "PairFixtures.h"
#include "base/NodeScript.h"
#include "plan/BootGate.h"
#include "plan/PairStatus.h"
#include "plan/Planners.h"
#include "probe/AddressParser.h"

#include <QtTest>

using namespace nr1;

namespace {

const QString kAddress = QStringLiteral("10.0.2.100/24");

/// The testbed pair's intent as the e2e test's create gave it, with the floating address.
PairIntent floatingIntent() {
    PairIntent intent = testbedIntent();
    intent.elementSize = SizeRequest::ofBytes(qint64(512) << 20);
    intent.frontEndAddress = kAddress;
    return intent;
}

QString addressRow(NodeRole node, const char* operation) {
    return scriptRow(node, NodeScript::FrontAddress, {QLatin1String(operation), kAddress});
}

} // namespace

class TestFrontAddress : public QObject {
    Q_OBJECT
private slots:
    void theProbeReadsTheNodesAddresses() {
        const NodeState primary =
            probedNode(QStringLiteral("front-address"), QStringLiteral("primary"));
        QCOMPARE(
            primary.ipv4Addresses,
            (QMap<QString, QString>{{QStringLiteral("127.0.0.1/8"), QStringLiteral("lo")},
                                    {QStringLiteral("10.0.2.15/24"), QStringLiteral("eth0")},
                                    {QStringLiteral("10.0.2.100/24"), QStringLiteral("eth0")},
                                    {QStringLiteral("10.99.0.1/24"), QStringLiteral("eth1")}}));
        QCOMPARE(primary.interfaceHolding(QStringLiteral("10.0.2.100")), QStringLiteral("eth0"));
        QCOMPARE(primary.interfaceHolding(QStringLiteral("10.0.2.100/16")), QStringLiteral("eth0"));
        QCOMPARE(primary.interfaceHolding(QStringLiteral("10.0.2.10")), QString());
        const NodeState secondary =
            probedNode(QStringLiteral("front-address"), QStringLiteral("secondary"));
        QCOMPARE(secondary.interfaceHolding(kAddress), QString());
        // A veth's "@peer" is not part of its name; a line of another form is skipped and said.
        const auto parsed = parseIpv4Addresses(
            QStringLiteral("4: eth2@if9    inet 192.0.2.7/28 brd 192.0.2.15 scope global eth2\\ "
                           "valid_lft forever\n5: br0    inet6 fe80::1/64 scope link\n"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), (QMap<QString, QString>{
                                     {QStringLiteral("192.0.2.7/28"), QStringLiteral("eth2")}}));
        QCOMPARE(parsed.warnings().size(), 1);
        // Captures from before the probe read addresses have none.
        QVERIFY(probedNode(QStringLiteral("served-with-identity"), QStringLiteral("primary"))
                    .ipv4Addresses.isEmpty());
    }

    void aRepairMovesAServedPairOntoTheAddress() {
        // boot-gated: the pair served without a floating address (its gate's unit names none).
        const PairIntent intent = floatingIntent();
        const PairState before = probedPair(QStringLiteral("boot-gated"), intent);
        QCOMPARE(before.primary.interfaceHolding(kAddress), QString());
        const PlanResult result = planRepair(before, intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        const QString gate = scriptRow(
            NodeRole::Primary, NodeScript::BootGateInstall,
            {QStringLiteral("install"), bootGateScriptFile(), nodeScript(NodeScript::BootGate),
             bootGateUnitFile(intent.layout.name), bootGateUnitText(intent)});
        QVERIFY(bootGateUnitText(intent).contains(
            QStringLiteral("ExecStart=/bin/sh /etc/nr1/boot-gate.sh /dev/md0 LIO-NR1-VOL 80 "
                           "10.0.2.100/24\n")));
        QString secondaryGate = gate;
        secondaryGate.replace(0, 7, QStringLiteral("secondary"));
        compareRows(commandRows(result.value()),
                    {addressRow(NodeRole::Primary, "up"), gate, secondaryGate,
                     QStringLiteral("primary: sync"), QStringLiteral("secondary: sync")});
        // front-address: the same pair after that repair ran on the testbed.
        const PairState served = probedPair(QStringLiteral("front-address"), intent);
        const Action& up = result.value().actions.front();
        QVERIFY(!up.done.holds(before));
        QVERIFY(up.done.holds(served));
        QCOMPARE(up.undo.value(0),
                 nodeScriptArgv(NodeScript::FrontAddress, {QStringLiteral("down"), kAddress}));
        // The gate's unit is rewritten: a rollback puts the old one back, not none.
        QCOMPARE(result.value().actions.at(1).undo,
                 QList<QStringList>{nodeScriptArgv(NodeScript::BootGateInstall,
                                                   {QStringLiteral("undo"), bootGateScriptFile(),
                                                    bootGateUnitFile(intent.layout.name)})});
        for (const PlanResult& again : {planRepair(served, intent), planCreatePair(served, intent),
                                        planExport(served, intent)}) {
            QVERIFY2(again.ok(), qPrintable(again.why()));
            QCOMPARE(commandRows(again.value()), QStringList{});
        }
        // `status` says where the address is.
        QVERIFY2(pairStatusText(served, intent)
                     .contains(QStringLiteral("front-end address 10.0.2.100/24 on the primary "
                                              "(eth0)")),
                 qPrintable(pairStatusText(served, intent)));
        QVERIFY(pairStatusText(before, intent)
                    .contains(QStringLiteral("front-end address 10.0.2.100/24: NOT UP")));
        QVERIFY(!pairStatusText(served, testbedIntent()).contains(QStringLiteral("front-end")));
    }

    void aSecondaryThatHoldsTheAddressGivesItUpFirst() {
        const PairIntent intent = floatingIntent();
        PairState state = probedPair(QStringLiteral("boot-gated"), intent);
        withBootGate(state, intent);
        state.secondary.ipv4Addresses.insert(kAddress, QStringLiteral("eth0"));
        QVERIFY(pairStatusText(state, intent)
                    .contains(QStringLiteral("front-end address 10.0.2.100/24: HELD BY THE "
                                             "SECONDARY (eth0): `apply repair` removes it")));
        const PlanResult result = planRepair(state, intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        compareRows(commandRows(result.value()),
                    {addressRow(NodeRole::Secondary, "down"), addressRow(NodeRole::Primary, "up"),
                     QStringLiteral("primary: sync"), QStringLiteral("secondary: sync")});
        // Held by both: the Secondary gives it up, the Primary keeps it.
        PairState both = probedPair(QStringLiteral("front-address"), intent);
        both.secondary.ipv4Addresses.insert(kAddress, QStringLiteral("eth0"));
        QVERIFY(pairStatusText(both, intent).contains(QStringLiteral("AND THE PRIMARY (eth0)")));
        const PlanResult off = planRepair(both, intent);
        QVERIFY2(off.ok(), qPrintable(off.why()));
        compareRows(commandRows(off.value()),
                    {addressRow(NodeRole::Secondary, "down"), QStringLiteral("secondary: sync")});
        QVERIFY(off.value().actions.front().done.holds(
            probedPair(QStringLiteral("front-address"), intent)));
    }

    void aPrimaryServedAgainGetsTheAddressAfterItsExport() {
        // The gate held the volume down (boot-gate-held): the repair activates it and serves
        // the LUN again, and the address comes with that export, after it.
        const PairIntent intent = floatingIntent();
        const PairState held = probedPair(QStringLiteral("boot-gate-held"), intent);
        const PlanResult result = planRepair(held, intent);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        const QStringList rows = commandRows(result.value());
        const qsizetype up = rows.indexOf(addressRow(NodeRole::Primary, "up"));
        const qsizetype save = rows.indexOf(QStringLiteral("primary: targetcli saveconfig"));
        QVERIFY2(up > save && save > 0, qPrintable(rows.join(u'\n')));
        QCOMPARE(rows.count(addressRow(NodeRole::Primary, "up")), 1);
        // A Primary whose LIO is still restoring plans nothing at all.
        QVERIFY(!planRepair(probedPair(QStringLiteral("lio-restoring"), intent), intent).ok());
    }

    void theAddressMovesWithASwitchoverAndATakeover() {
        const PairIntent intent = floatingIntent();
        const PairState served = probedPair(QStringLiteral("front-address"), intent);
        const PlanResult switched = planSwitchover(served, intent);
        QVERIFY2(switched.ok(), qPrintable(switched.why()));
        QStringList rows = commandRows(switched.value());
        const qsizetype down = rows.indexOf(addressRow(NodeRole::Primary, "down"));
        const qsizetype up = rows.indexOf(addressRow(NodeRole::Secondary, "up"));
        const qsizetype deleted =
            rows.indexOf(QStringLiteral("primary: targetcli /iscsi delete "
                                        "iqn.2003-01.org.linux-iscsi.nr1:testbed-lun"));
        // Off the old Primary once its export is gone, on the new one after its export.
        QVERIFY2(deleted >= 0 && down > deleted && up > down, qPrintable(rows.join(u'\n')));
        QVERIFY(rows.indexOf(QRegularExpression(QStringLiteral("^secondary: targetcli /iscsi/"
                                                               ".*/luns create"))) < up);
        // Takeover: the Primary is gone (not read); the Secondary brings the address up after
        // the LUN's export, and nothing is planned for the lost node.
        PairState lost = served;
        lost.primary = NodeState{};
        const PlanResult taken = planTakeover(lost, intent);
        QVERIFY2(taken.ok(), qPrintable(taken.why()));
        rows = commandRows(taken.value());
        QCOMPARE(rows.count(addressRow(NodeRole::Secondary, "up")), 1);
        for (const QString& row : rows)
            QVERIFY2(!row.startsWith(QStringLiteral("primary:")), qPrintable(row));
        // Both nodes' boot gates name the address since the repair (the same unit serves
        // either role), so whichever node serves brings it up at its next boot.
        for (const NodeState* node : {&served.primary, &served.secondary})
            QVERIFY(hasBootGate(*node, intent));
    }

    void aTeardownOfTheExportRemovesTheAddress() {
        const PairIntent intent = floatingIntent();
        const PairState served = probedPair(QStringLiteral("front-address"), intent);
        const PlanResult result = planTeardown(served, intent, TeardownLevel::Export);
        QVERIFY2(result.ok(), qPrintable(result.why()));
        const QStringList rows = commandRows(result.value());
        QCOMPARE(rows.count(addressRow(NodeRole::Primary, "down")), 1);
        QVERIFY(!anyContains(rows, QStringLiteral("secondary: sh front-address.sh")));
        // Without a frontend_address nr1 leaves every address alone.
        const PlanResult plain = planTeardown(served, testbedIntent(), TeardownLevel::Export);
        QVERIFY2(plain.ok(), qPrintable(plain.why()));
        QVERIFY(!anyContains(commandRows(plain.value()), QStringLiteral("front-address.sh")));
    }
};

QTEST_GUILESS_MAIN(TestFrontAddress)
#include "tst_front_address.moc"
