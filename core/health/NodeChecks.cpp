// The "nodes" group: both nodes answer, have the tools nr1 needs, agree on the time, and have
// room to grow their elements.

#include "base/Sizes.h"
#include "health/CheckInput.h"
#include "health/PairChecks.h"
#include "plan/Plan.h"

namespace nr1 {

namespace {

const QString kGroup = QStringLiteral("nodes");

HealthCheck reachable(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("nodes-reachable"),
                                 QStringLiteral("Both nodes answer nr1's probe"));
    QStringList lost;
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const QString why = role == NodeRole::Primary ? input.primaryWhy : input.secondaryWhy;
        if (input.node(role)) {
            check.evidence << QStringLiteral("%1: answered").arg(nodeLabel(input, role));
        } else {
            check.evidence << QStringLiteral("%1: %2").arg(nodeRoleName(role), why);
            lost << nodeRoleName(role);
        }
    }
    if (lost.isEmpty())
        conclude(check, CheckResult::Ok, QStringLiteral("Both nodes answered."));
    else if (lost.size() > 1)
        conclude(check, CheckResult::Failing, QStringLiteral("Neither node answered."));
    else if (!input.primary)
        conclude(check, CheckResult::Failing,
                 QStringLiteral("The Primary did not answer: if it is down, nothing serves the "
                                "LUN (a takeover serves it from the Secondary once the Primary "
                                "is fenced)."));
    else
        conclude(check, CheckResult::Failing,
                 QStringLiteral("The Secondary did not answer: the pair runs on one copy (a "
                                "repair once it is back; serve-alone if it is lost for good and "
                                "the Primary held its volume down)."));
    return check;
}

HealthCheck tools(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("nodes-tools"),
                                 QStringLiteral("The tools nr1 runs are on both nodes"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    // Either node may serve after a switchover or takeover, so both need every tool.
    QStringList needed{QStringLiteral("mdadm"),     QStringLiteral("lvm"),
                       QStringLiteral("targetcli"), QStringLiteral("iscsiadm"),
                       QStringLiteral("wipefs"),    QStringLiteral("blkid"),
                       QStringLiteral("blockdev"),  QStringLiteral("udevadm"),
                       QStringLiteral("systemctl"), QStringLiteral("python3")};
    if (!input.intent.frontEndAddress.isEmpty())
        needed << QStringLiteral("ip") << QStringLiteral("arping");
    QStringList missing;
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        QStringList lacks;
        for (const QString& tool : needed)
            if (!input.node(role)->hasCommand(tool))
                lacks << tool;
        if (lacks.isEmpty())
            check.evidence << QStringLiteral("%1: has %2")
                                  .arg(nodeLabel(input, role), needed.join(QStringLiteral(", ")));
        else
            check.evidence << QStringLiteral("%1: lacks %2")
                                  .arg(nodeLabel(input, role), lacks.join(QStringLiteral(", ")));
        if (!lacks.isEmpty())
            missing << nodeRoleName(role);
    }
    if (missing.isEmpty())
        conclude(check, CheckResult::Ok, QStringLiteral("Every tool is there."));
    else
        conclude(check, CheckResult::Failing,
                 QStringLiteral("Tools nr1 runs are missing %1: install them (Debian: mdadm, "
                                "lvm2, targetcli-fb, open-iscsi, util-linux, udev, python3).")
                     .arg(onNodes(missing)));
    return check;
}

HealthCheck clock(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("nodes-clock"),
                                 QStringLiteral("The nodes' clocks are within %1 s of each other")
                                     .arg(kClockToleranceSeconds));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    if (!input.primaryClock || !input.secondaryClock) {
        conclude(check, CheckResult::Unknown, QStringLiteral("A node did not tell its clock."));
        return check;
    }
    const qint64 apart = *input.primaryClock - *input.secondaryClock;
    check.evidence << QStringLiteral("%1: %2").arg(nodeLabel(input, NodeRole::Primary),
                                                   QString::number(*input.primaryClock))
                   << QStringLiteral("%1: %2").arg(nodeLabel(input, NodeRole::Secondary),
                                                   QString::number(*input.secondaryClock));
    if (qAbs(apart) <= kClockToleranceSeconds)
        conclude(check, CheckResult::Ok,
                 QStringLiteral("The clocks are %1 s apart (read at about the same moment).")
                     .arg(qAbs(apart)));
    else
        conclude(check, CheckResult::Warning,
                 QStringLiteral("The clocks are %1 s apart: logs, journals and md's timestamps "
                                "of the two nodes cannot be compared. Run an NTP client "
                                "(systemd-timesyncd, chrony) on both.")
                     .arg(qAbs(apart)));
    return check;
}

HealthCheck freeSpace(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("nodes-free-space"),
                                 QStringLiteral("Both element volume groups have room to grow"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    QStringList full;
    QStringList missing;
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const QString vg = input.layout().element(role).vg;
        const VolumeGroup* group = input.node(role)->lvm.findVg(vg);
        if (!group || !group->freeBytes || !group->sizeBytes) {
            check.evidence
                << QStringLiteral("%1: no volume group %2").arg(nodeLabel(input, role), vg);
            missing << nodeRoleName(role);
            continue;
        }
        check.evidence << QStringLiteral("%1: %2 has %3 free of %4")
                              .arg(nodeLabel(input, role), vg, humanSize(*group->freeBytes),
                                   humanSize(*group->sizeBytes));
        if (*group->freeBytes < group->extentSizeBytes.value_or(1))
            full << nodeRoleName(role);
    }
    if (!missing.isEmpty())
        conclude(check, CheckResult::Failing,
                 QStringLiteral("No element volume group %1: the pair is not built there.")
                     .arg(onNodes(missing)));
    else if (!full.isEmpty())
        conclude(check, CheckResult::Warning,
                 QStringLiteral("The element volume group is full %1: growing the pair needs a "
                                "disk added to it first (vgextend).")
                     .arg(onNodes(full)));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("Both can grow their element."));
    return check;
}

} // namespace

void appendNodeChecks(HealthChecks& checks, const CheckInput& input) {
    checks.push_back(reachable(input));
    checks.push_back(tools(input));
    checks.push_back(clock(input));
    checks.push_back(freeSpace(input));
}

} // namespace nr1
