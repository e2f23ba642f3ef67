// The "replication" group: the Secondary exports its element to the Primary alone, and the
// Primary is logged in to it, logs in again at boot with the pair's timeout, and mirrors the
// disk the session attached.

#include "health/CheckInput.h"
#include "plan/PlanBuilder.h"

namespace nr1 {

namespace {

const QString kGroup = QStringLiteral("replication");

HealthCheck acl(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("replication-acl"),
                                 QStringLiteral("The Secondary lets only the Primary's initiator "
                                                "in to its element"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    const QString iqn = input.layout().replication.targetIqn;
    const QString primaryName = input.primary->initiatorName.name;
    check.evidence << QStringLiteral("%1: initiator name %2")
                          .arg(nodeLabel(input, NodeRole::Primary),
                               primaryName.isEmpty() ? QStringLiteral("(none)") : primaryName);
    const Tpg* tpg = firstTpg(input.secondary->lio.findTarget(iqn));
    if (!tpg) {
        check.evidence << QStringLiteral("%1: no target %2 runs")
                              .arg(nodeLabel(input, NodeRole::Secondary), iqn);
        conclude(check, CheckResult::Failing,
                 QStringLiteral("The Secondary does not export its element."),
                 QStringLiteral("repair"));
        return check;
    }
    QStringList names;
    for (const NodeAcl& acl : tpg->nodeAcls)
        names << acl.nodeWwn;
    check.evidence << QStringLiteral("%1: ACLs of %2: %3")
                          .arg(nodeLabel(input, NodeRole::Secondary), iqn,
                               names.isEmpty() ? QStringLiteral("(none)")
                                               : names.join(QStringLiteral(", ")));
    if (tpg->generateNodeAcls) {
        check.evidence << QStringLiteral("%1: generate_node_acls is on")
                              .arg(nodeLabel(input, NodeRole::Secondary));
        conclude(check, CheckResult::Failing,
                 QStringLiteral("The element's target lets any initiator in (demo mode): any "
                                "host on the replication network can write to the mirror's "
                                "leg. Turn generate_node_acls off."));
        return check;
    }
    if (primaryName.isEmpty()) {
        conclude(check, CheckResult::Unknown,
                 QStringLiteral("The Primary has no initiator name to compare with."));
        return check;
    }
    QStringList others = names;
    others.removeAll(primaryName);
    if (!names.contains(primaryName))
        conclude(check, CheckResult::Failing,
                 QStringLiteral("No ACL names the Primary's initiator: its next login (after a "
                                "reboot or a lost link) is refused and md loses its remote leg."),
                 QStringLiteral("repair"));
    else if (!others.isEmpty())
        conclude(check, CheckResult::Failing,
                 QStringLiteral("Other initiators may write to the element too: %1. Remove "
                                "their ACLs (targetcli /iscsi/%2/tpg%3/acls delete IQN; then "
                                "targetcli saveconfig); nr1's plans refuse to until then.")
                     .arg(others.join(QStringLiteral(", ")), iqn)
                     .arg(tpg->tag));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("Only the Primary is let in."));
    return check;
}

HealthCheck session(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("replication-session"),
                                 QStringLiteral("The Primary is logged in to the element"));
    if (!nodesRead(check, input, {NodeRole::Primary}))
        return check;
    const QString iqn = input.layout().replication.targetIqn;
    const IscsiSession* session = input.primary->findSession(iqn);
    if (!session) {
        check.evidence
            << QStringLiteral("%1: no session to %2").arg(nodeLabel(input, NodeRole::Primary), iqn);
        conclude(check, CheckResult::Failing,
                 QStringLiteral("The Primary has no session to the Secondary's element: md "
                                "runs on its own leg."),
                 QStringLiteral("repair"));
        return check;
    }
    check.evidence << QStringLiteral("%1: session %2 to %3: %4 (connection %5)")
                          .arg(nodeLabel(input, NodeRole::Primary),
                               session->sid ? QString::number(*session->sid) : QStringLiteral("?"),
                               session->currentPortal.hostPort(), session->sessionState,
                               session->connectionState);
    if (session->loggedIn())
        conclude(check, CheckResult::Ok, QStringLiteral("Logged in."));
    else
        conclude(check, CheckResult::Failing,
                 QStringLiteral("The session is not logged in (%1): iscsid is trying again; "
                                "the remote leg fails after the replacement timeout.")
                     .arg(session->sessionState));
    return check;
}

HealthCheck record(const CheckInput& input) {
    HealthCheck check =
        newCheck(kGroup, QStringLiteral("replication-startup"),
                 QStringLiteral("The Primary logs in at boot (node.startup automatic), replacement "
                                "timeout %1 s")
                     .arg(input.intent.replacementTimeout));
    if (!nodesRead(check, input, {NodeRole::Primary}))
        return check;
    const ReplicationLink& link = input.layout().replication;
    const QStringList broken = input.primary->brokenIscsiRecordsOf(link.targetIqn);
    for (const QString& file : broken)
        check.evidence << QStringLiteral("%1: unreadable node record %2")
                              .arg(nodeLabel(input, NodeRole::Primary), file);
    const IscsiNodeRecord* found = input.primary->findNodeRecord(link.targetIqn, link.portal);
    if (!found) {
        check.evidence << QStringLiteral("%1: no node record of %2 at %3")
                              .arg(nodeLabel(input, NodeRole::Primary), link.targetIqn,
                                   link.portal.hostPort());
        conclude(check, CheckResult::Failing,
                 broken.isEmpty()
                     ? QStringLiteral("The Primary has no node record of the element: it does "
                                      "not log in at boot.")
                     : QStringLiteral("The Primary's node record of the element is unreadable "
                                      "(a power loss emptied it): it does not log in at boot."),
                 QStringLiteral("repair"));
        return check;
    }
    check.evidence << QStringLiteral("%1: node.startup = %2, replacement_timeout = %3")
                          .arg(nodeLabel(input, NodeRole::Primary), found->startup,
                               found->replacementTimeout
                                   ? QString::number(*found->replacementTimeout)
                                   : QStringLiteral("?"));
    if (found->startup != QLatin1String("automatic"))
        conclude(check, CheckResult::Failing,
                 QStringLiteral("node.startup is %1: after a reboot the Primary does not log in "
                                "and %2 waits for its remote leg.")
                     .arg(found->startup, input.intent.mdDeviceName()),
                 QStringLiteral("repair"));
    else if (found->replacementTimeout != input.intent.replacementTimeout)
        conclude(check, CheckResult::Warning,
                 QStringLiteral("The replacement timeout is not the pair's %1 s: md waits that "
                                "long for a lost remote leg before it fails it (writes hang "
                                "meanwhile).")
                     .arg(input.intent.replacementTimeout),
                 QStringLiteral("repair"));
    else if (!broken.isEmpty())
        conclude(check, CheckResult::Warning,
                 QStringLiteral("Beside the good record lies an unreadable one (a power loss)."),
                 QStringLiteral("repair"));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("It logs in at boot."));
    return check;
}

HealthCheck disk(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("replication-disk"),
                                 QStringLiteral("The array's remote leg is the disk the session "
                                                "attached (the element's by-path link)"));
    if (!nodesRead(check, input, {NodeRole::Primary}))
        return check;
    const QString imported = importedElementDevice(input.layout(), *input.primary);
    const QString md = input.intent.mdDeviceName();
    const MdstatArray* array = input.primary->mdstat.find(md);
    check.evidence << QStringLiteral("%1: %2 → %3")
                          .arg(nodeLabel(input, NodeRole::Primary),
                               input.layout().replication.byPathLink(),
                               imported.isEmpty() ? QStringLiteral("(no disk)") : imported);
    if (!array || !array->active) {
        conclude(check, CheckResult::Unknown,
                 QStringLiteral("%1 does not run on the Primary (see array-shape).").arg(md));
        return check;
    }
    QStringList members;
    bool found = false;
    for (const MdstatMember& member : array->members) {
        members << member.device;
        found = found || member.device == imported;
    }
    check.evidence << QStringLiteral("%1: %2 has %3")
                          .arg(nodeLabel(input, NodeRole::Primary), md,
                               members.join(QStringLiteral(", ")));
    if (imported.isEmpty())
        conclude(check, CheckResult::Failing,
                 QStringLiteral("The element is not imported: no disk to mirror to."),
                 QStringLiteral("repair"));
    else if (!found)
        conclude(check, CheckResult::Failing,
                 QStringLiteral("%1 has no leg on %2, the imported element.").arg(md, imported),
                 QStringLiteral("repair"));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("%1 mirrors to %2.").arg(md, imported));
    return check;
}

} // namespace

void appendReplicationChecks(HealthChecks& checks, const CheckInput& input) {
    checks.push_back(acl(input));
    checks.push_back(session(input));
    checks.push_back(record(input));
    checks.push_back(disk(input));
}

} // namespace nr1
