// Health checks (core/health) on live probe captures of the testbed
// (tests/fixtures/testbed-live/probe/: health-ok, health-broken-by-hand, health-broken-more and
// the older captures of broken states): each check passes on a pair as nr1 creates it and fails
// where a capture breaks it; the fix plans are asked on the same probe.

#include "PairFixtures.h"
#include "health/PairChecks.h"
#include "plan/PlanRecipe.h"

using namespace nr1;

namespace {

/// The intent a session makes for the testbed pair from this probe (the inventory's defaults
/// with the running LUN's serial).
PairIntent intentFor(const PairProbe& probe) {
    return testbedIntent(probe.primary.state ? &*probe.primary.state : nullptr);
}

/// name → result of every check that is not ok.
QMap<QString, CheckResult> notOk(const HealthChecks& checks) {
    QMap<QString, CheckResult> found;
    for (const HealthCheck& check : checks)
        if (check.result != CheckResult::Ok)
            found.insert(check.name, check.result);
    return found;
}

/// The check's evidence and verdict as one text, for "says" checks.
QString said(const HealthChecks& checks, const QString& name) {
    const HealthCheck* check = findCheck(checks, name);
    return check ? check->verdict + QLatin1Char('\n') + check->evidence.join(QLatin1Char('\n'))
                 : QString();
}

const QStringList kEveryCheck{
    QStringLiteral("nodes-reachable"),     QStringLiteral("nodes-tools"),
    QStringLiteral("nodes-clock"),         QStringLiteral("nodes-free-space"),
    QStringLiteral("replication-acl"),     QStringLiteral("replication-session"),
    QStringLiteral("replication-startup"), QStringLiteral("replication-disk"),
    QStringLiteral("array-shape"),         QStringLiteral("array-write-mostly"),
    QStringLiteral("array-sync"),          QStringLiteral("array-mismatch"),
    QStringLiteral("array-element-sizes"), QStringLiteral("boot-array-line"),
    QStringLiteral("boot-initramfs"),      QStringLiteral("boot-ignore-rule"),
    QStringLiteral("boot-last-resort"),    QStringLiteral("boot-gate"),
    QStringLiteral("boot-lio-order"),      QStringLiteral("boot-lio-saved"),
    QStringLiteral("boot-units"),          QStringLiteral("identity-lun")};

} // namespace

class TestHealth : public QObject {
    Q_OBJECT
private slots:
    void aPairAsNr1CreatesItPassesEveryCheck() {
        const PairProbe probe = capturedPairProbe(QStringLiteral("health-ok"));
        const PairIntent intent = intentFor(probe);
        const HealthChecks checks = checkPair(probe, intent);
        QStringList names;
        for (const HealthCheck& check : checks) {
            names << check.name;
            QVERIFY2(check.result == CheckResult::Ok,
                     qPrintable(check.name + QStringLiteral(": ") + check.verdict));
            QVERIFY(check.fixKind.isEmpty());
            QVERIFY(!check.evidence.isEmpty() || check.name == QLatin1String("identity-lun"));
        }
        QCOMPARE(names, kEveryCheck);
        QCOMPARE(worstResult(checks), CheckResult::Ok);
        QVERIFY(previewFixes(checks, probe, intent).empty());
        // The probe's new sections were read: the clocks and mdadm.conf's time.
        QVERIFY(probe.primary.clockSeconds && probe.secondary.clockSeconds);
        QVERIFY(
            probe.primary.state->bootFileTimes.contains(QStringLiteral("/etc/mdadm/mdadm.conf")));
    }

    void theThreeBreaksOfTheIssueFailExactlyTheirChecks() {
        const PairProbe probe = capturedPairProbe(QStringLiteral("health-broken-by-hand"));
        const PairIntent intent = intentFor(probe);
        const HealthChecks checks = checkPair(probe, intent);
        // The ACL's removal also ended the Primary's session at once (LIO does that): a fourth
        // check fails with it, and comes back by itself once the ACL is there again.
        const QMap<QString, CheckResult> expected{
            {QStringLiteral("replication-acl"), CheckResult::Failing},
            {QStringLiteral("replication-session"), CheckResult::Failing},
            {QStringLiteral("replication-startup"), CheckResult::Failing},
            {QStringLiteral("boot-array-line"), CheckResult::Failing}};
        QCOMPARE(notOk(checks), expected);
        for (const char* name : {"replication-acl", "replication-startup", "boot-array-line"})
            QCOMPARE(findCheck(checks, QString::fromLatin1(name))->fixKind,
                     QStringLiteral("repair"));
        QVERIFY(findCheck(checks, QStringLiteral("replication-session"))->fixKind.isEmpty());
        QVERIFY(said(checks, QStringLiteral("replication-startup"))
                    .contains(QStringLiteral("node.startup = manual")));
        QVERIFY(said(checks, QStringLiteral("replication-acl"))
                    .contains(QStringLiteral("No ACL names the Primary's initiator")));
        // The fix: the repair plan, 7 steps (as applied on the testbed), puts each one back.
        const std::vector<FixPreview> fixes = previewFixes(checks, probe, intent);
        QCOMPARE(fixes.size(), size_t(1));
        QCOMPARE(fixes.front().kind, QStringLiteral("repair"));
        QCOMPARE(fixes.front().steps, 7);
        const auto plan =
            makePlan(PlanRecipe{QStringLiteral("repair"), intent, {}, {}},
                     PairState{intent.layout, *probe.primary.state, *probe.secondary.state});
        QVERIFY(plan.ok());
        const QStringList rows = commandRows(plan.value());
        QVERIFY(anyContains(rows, QStringLiteral("acls create iqn.2024-01.test.testbed:primary")));
        QVERIFY(anyContains(rows, QStringLiteral("-n node.startup -v automatic")));
        QVERIFY(anyContains(rows, QStringLiteral("mdadm-array-line-add")) ||
                anyContains(rows, QStringLiteral("ARRAY")));
    }

    void fourteenMoreBreaksFailTheirChecks() {
        const PairProbe probe = capturedPairProbe(QStringLiteral("health-broken-more"));
        const PairIntent intent = intentFor(probe);
        const HealthChecks checks = checkPair(probe, intent);
        const QMap<QString, CheckResult> expected{
            {QStringLiteral("nodes-tools"), CheckResult::Failing},
            {QStringLiteral("nodes-clock"), CheckResult::Warning},
            {QStringLiteral("nodes-free-space"), CheckResult::Warning},
            {QStringLiteral("replication-acl"), CheckResult::Failing},
            {QStringLiteral("replication-startup"), CheckResult::Warning},
            {QStringLiteral("array-write-mostly"), CheckResult::Warning},
            {QStringLiteral("array-mismatch"), CheckResult::Warning},
            {QStringLiteral("array-element-sizes"), CheckResult::Warning},
            {QStringLiteral("boot-ignore-rule"), CheckResult::Failing},
            {QStringLiteral("boot-last-resort"), CheckResult::Failing},
            {QStringLiteral("boot-gate"), CheckResult::Failing},
            {QStringLiteral("boot-lio-order"), CheckResult::Failing},
            {QStringLiteral("boot-lio-saved"), CheckResult::Failing},
            {QStringLiteral("boot-units"), CheckResult::Failing},
            {QStringLiteral("identity-lun"), CheckResult::Failing}};
        QCOMPARE(notOk(checks), expected);
        QVERIFY(said(checks, QStringLiteral("nodes-tools"))
                    .contains(QStringLiteral("lacks targetcli")));
        QVERIFY(said(checks, QStringLiteral("nodes-clock")).contains(QStringLiteral("89 s apart")));
        QVERIFY(said(checks, QStringLiteral("replication-acl"))
                    .contains(QStringLiteral("iqn.2024-01.test.host:intruder")));
        QVERIFY(said(checks, QStringLiteral("replication-startup"))
                    .contains(QStringLiteral("replacement_timeout = 20")));
        QVERIFY(said(checks, QStringLiteral("array-mismatch")).contains(QStringLiteral("2048")));
        QVERIFY(
            said(checks, QStringLiteral("array-element-sizes")).contains(QStringLiteral("8 MiB")));
        QVERIFY(said(checks, QStringLiteral("boot-lio-saved"))
                    .contains(QStringLiteral("iqn.2024-01.test.host:unsaved")));
        QVERIFY(said(checks, QStringLiteral("boot-units"))
                    .contains(QStringLiteral("rtslib-fb-targetctl.service on the secondary")));
        QVERIFY(said(checks, QStringLiteral("identity-lun"))
                    .contains(QStringLiteral("iqn.2024-01.test.host:unsaved")));
        // Another initiator on the element is not for a plan: repair refuses, and says why.
        QVERIFY(findCheck(checks, QStringLiteral("replication-acl"))->fixKind.isEmpty());
        const std::vector<FixPreview> fixes = previewFixes(checks, probe, intent);
        QCOMPARE(fixes.size(), size_t(1));
        QVERIFY(
            anyContains(fixes.front().refusals, QStringLiteral("'targetcli' is not installed")));
        QVERIFY(anyContains(fixes.front().refusals, QStringLiteral("intruder")));
    }

    void olderCapturesOfBrokenStatesFailWhatTheyBreak_data() {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("says");
        QTest::newRow("power loss: NUL bytes for the ARRAY line") << "power-lost-after-create"
                                                                  << "boot-array-line"
                                                                  << "failing"
                                                                  << "84 NUL bytes";
        QTest::newRow("power loss: saved LIO empty") << "power-lost-after-create"
                                                     << "boot-lio-saved"
                                                     << "failing"
                                                     << "is empty";
        QTest::newRow("power loss: the LUN not served") << "power-lost-after-create"
                                                        << "identity-lun"
                                                        << "failing"
                                                        << "does not run";
        QTest::newRow("Secondary rebooting: session down") << "secondary-rebooted"
                                                           << "replication-session"
                                                           << "failing"
                                                           << "FREE";
        QTest::newRow("Secondary rebooting: leg failed") << "secondary-rebooted"
                                                         << "array-sync"
                                                         << "failing"
                                                         << "[U_]";
        QTest::newRow("unreadable record") << "record-unreadable"
                                           << "replication-startup"
                                           << "failing"
                                           << "unreadable node record";
        QTest::newRow("md0 inactive") << "record-unreadable"
                                      << "array-shape"
                                      << "failing"
                                      << "md0 is inactive";
        QTest::newRow("md0 inactive: the others unknown") << "record-unreadable"
                                                          << "array-sync"
                                                          << "unknown"
                                                          << "see array-shape";
        QTest::newRow("Primary booted alone: no disk imported") << "boot-gate-held"
                                                                << "replication-disk"
                                                                << "failing"
                                                                << "(no disk)";
        QTest::newRow("an older boot gate") << "boot-gate-held"
                                            << "boot-gate"
                                            << "failing"
                                            << "differs from nr1's";
        QTest::newRow("no gate, no masked timer") << "served-with-identity"
                                                  << "boot-last-resort"
                                                  << "failing"
                                                  << "not masked";
        QTest::newRow("no identity recorded") << "created"
                                              << "identity-lun"
                                              << "failing"
                                              << "records no identity";
    }
    void olderCapturesOfBrokenStatesFailWhatTheyBreak() {
        QFETCH(QString, state);
        QFETCH(QString, check);
        QFETCH(QString, result);
        QFETCH(QString, says);
        const PairProbe probe = capturedPairProbe(state);
        const HealthChecks checks = checkPair(probe, intentFor(probe));
        const HealthCheck* found = findCheck(checks, check);
        QVERIFY(found);
        QCOMPARE(checkResultName(found->result), result);
        QVERIFY2(said(checks, check).contains(says), qPrintable(said(checks, check)));
        // Captures from before the probe read clocks and file times: those checks are unknown.
        QCOMPARE(findCheck(checks, QStringLiteral("nodes-clock"))->result, CheckResult::Unknown);
    }

    void aFixThePlannerRefusesSaysWhy() {
        // LIO still restoring on the Primary: the repair would be refused now, and check says so.
        const PairProbe probe = capturedPairProbe(QStringLiteral("lio-restoring"));
        const PairIntent intent = intentFor(probe);
        const std::vector<FixPreview> fixes = previewFixes(checkPair(probe, intent), probe, intent);
        QCOMPARE(fixes.size(), size_t(1));
        QVERIFY(anyContains(fixes.front().refusals, QStringLiteral("has not restored")));
    }

    void aNodeNotReadFailsItsCheckAndLeavesTheOthersUnknown() {
        PairProbe probe = capturedPairProbe(QStringLiteral("health-ok"));
        probe.secondary = NodeProbe{};
        probe.secondary.error = QStringLiteral("root@127.0.0.1:2222: not reachable: refused");
        const PairIntent intent = intentFor(probe);
        const HealthChecks checks = checkPair(probe, intent);
        const HealthCheck* reachable = findCheck(checks, QStringLiteral("nodes-reachable"));
        QCOMPARE(reachable->result, CheckResult::Failing);
        QVERIFY(reachable->verdict.startsWith(QStringLiteral("The Secondary did not answer")));
        QVERIFY(reachable->evidence.join(QLatin1Char('\n')).contains(QStringLiteral("refused")));
        // What needs the Secondary is unknown; what the Primary alone tells is still checked.
        QCOMPARE(findCheck(checks, QStringLiteral("replication-acl"))->result,
                 CheckResult::Unknown);
        QVERIFY(findCheck(checks, QStringLiteral("boot-units"))
                    ->verdict.contains(QStringLiteral("Not read on the secondary")));
        QCOMPARE(findCheck(checks, QStringLiteral("replication-session"))->result, CheckResult::Ok);
        QCOMPARE(findCheck(checks, QStringLiteral("array-sync"))->result, CheckResult::Ok);
        QCOMPARE(worstResult(checks), CheckResult::Failing);
        QVERIFY(previewFixes(checks, probe, intent).empty());
    }

    void aBootImageOlderThanMdadmConfFails() {
        // The testbed's nodes boot without an initramfs (health-ok has mdadm.conf's time alone)
        // and have no update-initramfs, so this one state is the live capture with a boot
        // image's line added to its boot-files section: one 100 s older than mdadm.conf, as
        // stat prints it.
        QString primary = probeText(QStringLiteral("health-ok"), QStringLiteral("primary"));
        const QString conf = QStringLiteral("1796678492 /etc/mdadm/mdadm.conf\n");
        QVERIFY(primary.contains(conf));
        primary.replace(conf,
                        conf + QStringLiteral("1796678392 /boot/initrd.img-6.1.0-28-amd64\n"));
        PairProbe probe = capturedPairProbe(QStringLiteral("health-ok"));
        probe.primary = probeOf(primary);
        HealthChecks checks = checkPair(probe, intentFor(probe));
        const HealthCheck* initramfs = findCheck(checks, QStringLiteral("boot-initramfs"));
        QCOMPARE(initramfs->result, CheckResult::Failing);
        QVERIFY(initramfs->verdict.contains(QStringLiteral("on the primary")));
        QVERIFY(
            initramfs->evidence.join(QLatin1Char('\n')).contains(QStringLiteral("100 s before")));
        // The testbed's nodes have no update-initramfs: no plan can run it, the verdict says.
        QVERIFY(initramfs->fixKind.isEmpty());
        QVERIFY(previewFixes(checks, probe, intentFor(probe)).empty());
        // With it (the commands section naming it too), the repair plan updates the image.
        primary.replace(QStringLiteral("arping\n"), QStringLiteral("arping\nupdate-initramfs\n"));
        probe.primary = probeOf(primary);
        const PairIntent intent = intentFor(probe);
        checks = checkPair(probe, intent);
        QCOMPARE(findCheck(checks, QStringLiteral("boot-initramfs"))->fixKind,
                 QStringLiteral("repair"));
        const auto repair =
            makePlan(PlanRecipe{QStringLiteral("repair"), intent, {}, {}},
                     PairState{intent.layout, *probe.primary.state, *probe.secondary.state});
        QVERIFY(repair.ok());
        QCOMPARE(commandRows(repair.value()).filter(QStringLiteral("update-initramfs")),
                 QStringList{QStringLiteral("primary: update-initramfs -u")});
        QCOMPARE(previewFixes(checks, probe, intent).front().steps,
                 int(repair.value().actions.size()));
        // Newer than mdadm.conf: ok, and nothing planned.
        primary.replace(QStringLiteral("1796678392 /boot"), QStringLiteral("1796678592 /boot"));
        probe.primary = probeOf(primary);
        checks = checkPair(probe, intentFor(probe));
        QCOMPARE(findCheck(checks, QStringLiteral("boot-initramfs"))->result, CheckResult::Ok);
        const auto none =
            makePlan(PlanRecipe{QStringLiteral("repair"), intent, {}, {}},
                     PairState{intent.layout, *probe.primary.state, *probe.secondary.state});
        QVERIFY(none.ok() && none.value().isEmpty());
    }

    void jsonAndTextSayTheSame() {
        const PairProbe probe = capturedPairProbe(QStringLiteral("health-broken-by-hand"));
        const PairIntent intent = intentFor(probe);
        const HealthChecks checks = checkPair(probe, intent);
        const std::vector<FixPreview> fixes = previewFixes(checks, probe, intent);
        const QJsonObject json = healthJson(QStringLiteral("testbed"), checks, fixes);
        QCOMPARE(json.value(QStringLiteral("result")).toString(), QStringLiteral("failing"));
        const QJsonObject counts = json.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("failing")).toInt(), 4);
        QCOMPARE(counts.value(QStringLiteral("ok")).toInt(), int(kEveryCheck.size()) - 4);
        const QJsonArray list = json.value(QStringLiteral("checks")).toArray();
        QCOMPARE(list.size(), kEveryCheck.size());
        for (const QJsonValue& value : list) {
            const QJsonObject check = value.toObject();
            QVERIFY(checkResultFromName(check.value(QStringLiteral("result")).toString()));
            if (check.value(QStringLiteral("result")).toString() == QLatin1String("ok"))
                QVERIFY(check.value(QStringLiteral("fix")).isNull());
        }
        QCOMPARE(json.value(QStringLiteral("fixes"))
                     .toObject()
                     .value(QStringLiteral("repair"))
                     .toObject()
                     .value(QStringLiteral("steps"))
                     .toInt(),
                 7);
        const QString text = healthText(QStringLiteral("testbed"), checks, fixes, false);
        QVERIFY(text.contains(QStringLiteral("FAILING: 4 of 22 checks not ok.")));
        QVERIFY(text.contains(QStringLiteral("fix: nr1ctl apply repair --pair testbed")));
        QVERIFY(text.contains(QStringLiteral("The repair plan has 7 steps now")));
        // Evidence of the checks that are ok only when verbose.
        QVERIFY(!text.contains(QStringLiteral("masked\n")));
        QVERIFY(healthText(QStringLiteral("testbed"), checks, fixes, true)
                    .contains(QStringLiteral("mdadm-last-resort@md0.timer is masked")));
    }

    void resultsOrderFromBestToWorst() {
        HealthChecks checks(2);
        checks[0].result = CheckResult::Warning;
        checks[1].result = CheckResult::Unknown;
        QCOMPARE(worstResult(checks), CheckResult::Unknown);
        checks[0].result = CheckResult::Failing;
        QCOMPARE(worstResult(checks), CheckResult::Failing);
        QCOMPARE(worstResult({}), CheckResult::Ok);
        for (CheckResult result :
             {CheckResult::Ok, CheckResult::Warning, CheckResult::Unknown, CheckResult::Failing})
            QCOMPARE(checkResultFromName(checkResultName(result)), result);
        QVERIFY(!checkResultFromName(QStringLiteral("critical")));
    }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
