// serve-alone: the Primary serves by itself once its Secondary is lost for good, from live
// captures of a Primary booted without its Secondary (boot-gate-held: md0 came up from its own
// leg and the gate held the volume; lio-restoring: md0 waits inactive for the lost leg).

#include "PairFixtures.h"
#include "TestSession.h"
#include "base/NodeScript.h"
#include "plan/PlanRecipe.h"
#include "plan/Planners.h"

#include <QtTest>

using namespace nr1;

namespace {

PairIntent capturedIntent() {
    PairIntent intent = testbedIntent();
    intent.elementSize = SizeRequest::ofBytes(qint64(512) << 20);
    return intent;
}

/// The capture with its Secondary lost (not read: an empty state stands for it).
PairState secondaryLost(const QString& capture, const PairIntent& intent) {
    PairState state = probedPair(capture, intent);
    state.secondary = NodeState{};
    return state;
}

const QString kLeg = QStringLiteral("/dev/LIO-NR1-Elements/NR1-Local-Element");

} // namespace

class TestServeAlone : public QObject {
    Q_OBJECT
private slots:
    void aHeldPrimaryServesAloneWithTheRecordedIdentity() {
        // boot-gate-held: md0 runs [U_] from the Primary's own leg, the volume inactive, LIO's
        // target without its LUN.
        const PairIntent intent = capturedIntent();
        const PlanResult result =
            planServeAlone(secondaryLost(QStringLiteral("boot-gate-held"), intent), intent);
        QVERIFY2(result.ok(), qPrintable(result.why(QStringLiteral("\n"))));
        const Plan& plan = result.value();
        const QStringList rows = commandRows(plan);
        QCOMPARE(plan.kind, QStringLiteral("serve-alone"));
        QCOMPARE(plan.confirmationWord, QStringLiteral("testbed"));
        // md0 runs already; the capture's gate is an older script: written again.
        compareRows(rows,
                    {QStringLiteral("primary: vgchange -ay LIO-NR1-VOL"),
                     QStringLiteral("primary: targetcli /backstores/block create name=nr1-testbed "
                                    "dev=/dev/LIO-NR1-VOL/NR1-PRIMARY-VOL "
                                    "wwn=d85e44cd-bed0-5cf3-a5e8-f760a3cdc8bb"),
                     QStringLiteral("primary: targetcli "
                                    "/iscsi/iqn.2003-01.org.linux-iscsi.nr1:testbed-lun/tpg1/luns "
                                    "create /backstores/block/nr1-testbed lun=0"),
                     QStringLiteral("primary: targetcli saveconfig"),
                     bootGateRow(NodeRole::Primary), QStringLiteral("primary: sync")});
        for (const Action& action : plan.actions)
            QCOMPARE(action.node, NodeRole::Primary);
        QCOMPARE(lostNodeOf(plan.kind), std::optional<NodeRole>(NodeRole::Secondary));
        QVERIFY(!anyContains(rows, QStringLiteral("--force")));
        QVERIFY(anyContains(plan.warnings, QStringLiteral("The Secondary is taken as lost")));
    }

    void anArrayWaitingForItsLostLegIsStartedAsItIs() {
        // lio-restoring: md0 inactive with the Primary's leg; LIO's restore still waits. The
        // plan waits for the restore, then starts md0 with --run after checking the leg.
        const PairIntent intent = capturedIntent();
        const PairState restoring = secondaryLost(QStringLiteral("lio-restoring"), intent);
        const PlanResult waiting = planServeAlone(restoring, intent);
        QVERIFY(!waiting.ok());
        QVERIFY2(waiting.why().contains(QStringLiteral("has not restored its saved configuration "
                                                       "yet")),
                 qPrintable(waiting.why()));
        PairState restored = restoring;
        restored.primary.unitActiveStates[QStringLiteral("rtslib-fb-targetctl.service")] =
            QStringLiteral("active");
        const PlanResult result = planServeAlone(restored, intent);
        QVERIFY2(result.ok(), qPrintable(result.why(QStringLiteral("\n"))));
        const QStringList rows = commandRows(result.value());
        QCOMPARE(rows.value(0), scriptRow(NodeRole::Primary, NodeScript::MdLegCheck,
                                          {kLeg, QStringLiteral("/etc/mdadm/mdadm.conf")}));
        QCOMPARE(rows.value(1), QStringLiteral("primary: mdadm --run /dev/md0"));
        QCOMPARE(rows.value(2), QStringLiteral("primary: vgchange -ay LIO-NR1-VOL"));
        QCOMPARE(result.value().actions.at(1).undo.value(0), words("mdadm --stop /dev/md0"));
        // No md0 at all (it was stopped): assembled from the leg, with --run.
        PairState stopped = restored;
        stopped.primary.mdstat.arrays.clear();
        stopped.primary.mdSysfs.clear();
        const PlanResult assembled = planServeAlone(stopped, intent);
        QVERIFY2(assembled.ok(), qPrintable(assembled.why()));
        QCOMPARE(commandRows(assembled.value()).value(1),
                 QStringLiteral("primary: mdadm --assemble /dev/md0 --run ") + kLeg);
    }

    void refusesWhenTheSecondaryAnswersOrNothingCanServe() {
        const PairIntent intent = capturedIntent();
        // A Secondary that was read is not lost: repair.
        const PlanResult read =
            planServeAlone(probedPair(QStringLiteral("boot-gate-held"), intent), intent);
        QVERIFY(!read.ok());
        QVERIFY2(read.why().contains(QStringLiteral("Repair the pair instead")),
                 qPrintable(read.why()));
        // No recorded identity: the LUN cannot be served as the same disk.
        PairState anonymous = secondaryLost(QStringLiteral("boot-gate-held"), intent);
        anonymous.primary.lunIdentities.clear();
        const PlanResult noIdentity = planServeAlone(anonymous, intent);
        QVERIFY(!noIdentity.ok());
        QVERIFY2(noIdentity.why().contains(QStringLiteral("records no identity")),
                 qPrintable(noIdentity.why()));
        // A Primary that serves whole already needs nothing.
        const PlanResult whole =
            planServeAlone(secondaryLost(QStringLiteral("boot-gated"), intent), intent);
        QVERIFY2(whole.ok(), qPrintable(whole.why()));
        QCOMPARE(commandRows(whole.value()), QStringList{});
    }

    void applyLocksAndReadsThePrimaryAlone_data() {
        QTest::addColumn<bool>("secondaryAnswers");
        QTest::newRow("secondary down") << false;
        QTest::newRow("secondary answers") << true;
    }

    void applyLocksAndReadsThePrimaryAlone() {
        // The Primary's lock is taken (the Secondary is not asked), and given back on a refusal.
        QFETCH(bool, secondaryAnswers);
        const QString capture = QStringLiteral("boot-gate-held");
        const PairIntent intent = capturedIntent();
        const PlanResult confirmed = planServeAlone(secondaryLost(capture, intent), intent);
        QVERIFY2(confirmed.ok(), qPrintable(confirmed.why()));
        const LostNodeStart start = startWithNodeLost(
            NodeRole::Secondary,
            secondaryAnswers ? probeCapture(capture, QStringLiteral("secondary")) : QByteArray(),
            probeCapture(capture, QStringLiteral("primary")), confirmed.value(),
            PlanRecipe{QStringLiteral("serve-alone"), intent, {}, {}});
        if (secondaryAnswers) {
            QVERIFY(start.refusal);
            QVERIFY2(start.refusal->contains(QStringLiteral("The Secondary")) &&
                         start.refusal->contains(QStringLiteral("answers over SSH")),
                     qPrintable(*start.refusal));
            QVERIFY(!start.lockHeld);
        } else {
            QVERIFY2(start.ready, qPrintable(start.refusal.value_or(QString())));
            QVERIFY(start.ready->secondary == NodeState{});
            QVERIFY(start.lockHeld);
        }
    }
};

QTEST_GUILESS_MAIN(TestServeAlone)
#include "tst_serve_alone.moc"
