// The "identity" group: the front-end LUN runs with the identity nr1 recorded for it, and both
// nodes (and the inventory) record the same one, so whichever node serves next serves the disk
// the initiators know.

#include "health/CheckInput.h"
#include "plan/PlanBuilder.h"

namespace nr1 {

namespace {

const QString kGroup = QStringLiteral("identity");

/// How `running` differs from `recorded`, one phrase each; empty when it does not.
QStringList identityDifferences(const LunIdentity& recorded, const LioConfig& lio) {
    QStringList differences;
    const LioTarget* target = lio.findTarget(recorded.targetIqn);
    const Tpg* tpg = firstTpg(target);
    if (!tpg)
        return {QStringLiteral("target %1 does not run").arg(recorded.targetIqn)};
    const QString backstore = QStringLiteral("/backstores/") + recorded.backstore;
    const StorageObject* object = lio.findStorageObject(backstore);
    if (!object)
        differences << QStringLiteral("backstore %1 does not run").arg(backstore);
    else if (object->wwn != recorded.unitSerial)
        differences
            << QStringLiteral("unit serial %1, recorded %2").arg(object->wwn, recorded.unitSerial);
    const LioLun* lun = lunFor(tpg, backstore);
    if (!lun)
        differences << QStringLiteral("no LUN of %1").arg(backstore);
    else if (lun->index != recorded.lun)
        differences << QStringLiteral("LUN %1, recorded %2").arg(lun->index).arg(recorded.lun);
    QStringList acls;
    QString chapUser;
    for (const NodeAcl& acl : tpg->nodeAcls) {
        acls << acl.nodeWwn;
        if (!acl.chap.userId.isEmpty())
            chapUser = acl.chap.userId;
    }
    QStringList wanted = recorded.initiators;
    acls.sort();
    wanted.sort();
    if (acls != wanted)
        differences << QStringLiteral("initiators %1, recorded %2")
                           .arg(acls.join(QStringLiteral(", ")), wanted.join(QStringLiteral(", ")));
    if (chapUser != recorded.chapUser)
        differences
            << QStringLiteral("CHAP user \"%1\", recorded \"%2\"").arg(chapUser, recorded.chapUser);
    return differences;
}

HealthCheck lunIdentity(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("identity-lun"),
                                 QStringLiteral("The LUN runs with the identity both nodes record "
                                                "(serial, IQN, LUN, initiators)"));
    if (!input.layout().frontEnd) {
        conclude(check, CheckResult::Ok, QStringLiteral("The pair exports no LUN."));
        return check;
    }
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    const QString pair = input.layout().name;
    const LunIdentity* onPrimary = input.primary->findLunIdentity(pair);
    const LunIdentity* onSecondary = input.secondary->findLunIdentity(pair);
    QStringList problems;
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const LunIdentity* recorded = role == NodeRole::Primary ? onPrimary : onSecondary;
        check.evidence << QStringLiteral("%1: %2").arg(
            nodeLabel(input, role), recorded ? QStringLiteral("records serial %1, %2 LUN %3")
                                                   .arg(recorded->unitSerial, recorded->targetIqn)
                                                   .arg(recorded->lun)
                                             : QStringLiteral("records no identity"));
        if (!recorded)
            problems << QStringLiteral("the %1 records no identity (a takeover or switchover "
                                       "cannot serve the same LUN)")
                            .arg(nodeRoleName(role));
    }
    if (onPrimary && onSecondary && !(*onPrimary == *onSecondary))
        problems << QStringLiteral("the nodes record different identities");
    const QString inventorySerial = input.intent.frontEndExport.unitSerial;
    if (onPrimary && !inventorySerial.isEmpty() && inventorySerial != onPrimary->unitSerial)
        problems << QStringLiteral("the inventory's serial is %1").arg(inventorySerial);
    if (onPrimary) {
        const QStringList differences = identityDifferences(*onPrimary, input.primary->lio);
        for (const QString& difference : differences)
            check.evidence << QStringLiteral("%1: runs with %2")
                                  .arg(nodeLabel(input, NodeRole::Primary), difference);
        if (!differences.isEmpty())
            problems << QStringLiteral("what runs differs from the record");
    }
    if (problems.isEmpty())
        conclude(
            check, CheckResult::Ok,
            QStringLiteral("Serial %1 runs as recorded on both nodes.").arg(onPrimary->unitSerial));
    else {
        // No plan rewrites a running LUN's identity: serving another disk under it is for the
        // administrator to decide (docs/health.md says how). A record that is only missing
        // (a pair built by hand, adopted) the repair writes from what runs.
        QString verdict = problems.join(QStringLiteral("; ")) + QLatin1Char('.');
        verdict[0] = verdict[0].toUpper();
        const bool recordable =
            input.primary && input.secondary &&
            identityToRecord(PairState{input.layout(), *input.primary, *input.secondary},
                             input.intent);
        conclude(check, CheckResult::Failing, verdict,
                 recordable ? QStringLiteral("repair") : QString());
    }
    return check;
}

} // namespace

void appendIdentityChecks(HealthChecks& checks, const CheckInput& input) {
    checks.push_back(lunIdentity(input));
}

} // namespace nr1
