// The "array" group: the Primary's md array is a RAID1 of both elements with an internal
// bitmap, the remote leg write-mostly, both legs in sync, no mismatch found by md's last check,
// and elements of one size.

#include "base/Sizes.h"
#include "health/CheckInput.h"
#include "plan/Plan.h"

#include <algorithm>

namespace nr1 {

namespace {

const QString kGroup = QStringLiteral("array");

/// The array on the Primary, or nullptr with the check concluded (not read, or not running:
/// failing for array-shape, which says so, and unknown for the others).
const MdstatArray* runningArray(HealthCheck& check, const CheckInput& input) {
    if (!nodesRead(check, input, {NodeRole::Primary}))
        return nullptr;
    const QString md = input.intent.mdDeviceName();
    const MdstatArray* array = input.primary->mdstat.find(md);
    if (!array || !array->active) {
        check.evidence << QStringLiteral("%1: %2").arg(
            nodeLabel(input, NodeRole::Primary),
            array ? QStringLiteral("%1 is inactive").arg(md)
                  : QStringLiteral("no %1 in /proc/mdstat").arg(md));
        if (check.name == QLatin1String("array-shape"))
            conclude(check, CheckResult::Failing,
                     QStringLiteral("%1 does not run on the Primary: nothing is served.").arg(md),
                     QStringLiteral("repair"));
        else
            conclude(check, CheckResult::Unknown,
                     QStringLiteral("%1 does not run on the Primary (see array-shape).").arg(md));
        return nullptr;
    }
    return array;
}

HealthCheck shape(const CheckInput& input) {
    const QString md = input.intent.mdDeviceName();
    HealthCheck check = newCheck(kGroup, QStringLiteral("array-shape"),
                                 QStringLiteral("%1 is a RAID1 of two legs with an internal "
                                                "bitmap")
                                     .arg(md));
    const MdstatArray* array = runningArray(check, input);
    if (!array)
        return check;
    const bool internalBitmap = array->bitmap && array->bitmap->file.isEmpty();
    check.evidence << QStringLiteral("%1: %2 %3, %4 raid devices, bitmap %5")
                          .arg(nodeLabel(input, NodeRole::Primary), md, array->level,
                               array->raidDisks ? QString::number(*array->raidDisks)
                                                : QStringLiteral("?"),
                               !array->bitmap   ? QStringLiteral("none")
                               : internalBitmap ? QStringLiteral("internal")
                                                : QStringLiteral("in %1").arg(array->bitmap->file));
    QStringList wrong;
    if (array->level != QLatin1String("raid1"))
        wrong << QStringLiteral("it is %1, not raid1").arg(array->level);
    if (array->raidDisks != 2)
        wrong << QStringLiteral("it has room for %1 legs, not 2")
                     .arg(array->raidDisks ? QString::number(*array->raidDisks)
                                           : QStringLiteral("?"));
    if (!internalBitmap)
        wrong << QStringLiteral("without an internal bitmap every return of the remote leg "
                                "resyncs it whole (mdadm --grow %1 --bitmap=internal)")
                     .arg(input.layout().mdDevice);
    if (wrong.isEmpty())
        conclude(check, CheckResult::Ok, QStringLiteral("A RAID1 of two with an internal bitmap."));
    else
        conclude(check, CheckResult::Failing, wrong.join(QStringLiteral("; ")) + QLatin1Char('.'));
    return check;
}

HealthCheck writeMostly(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("array-write-mostly"),
                                 QStringLiteral("Reads go to the local leg: the remote one is "
                                                "write-mostly"));
    const MdstatArray* array = runningArray(check, input);
    if (!array)
        return check;
    const QString remote = importedElementDevice(input.layout(), *input.primary);
    const QString local = localElementDevice(input.layout(), *input.primary);
    const auto member = [&](const QString& device) -> const MdstatMember* {
        const auto found =
            std::find_if(array->members.begin(), array->members.end(), [&](const MdstatMember& m) {
                return !device.isEmpty() && m.device == device;
            });
        return found == array->members.end() ? nullptr : &*found;
    };
    const MdstatMember* remoteLeg = member(remote);
    const MdstatMember* localLeg = member(local);
    for (const MdstatMember& m : array->members)
        check.evidence << QStringLiteral("%1: %2 leg %3%4")
                              .arg(nodeLabel(input, NodeRole::Primary),
                                   &m == remoteLeg  ? QStringLiteral("remote")
                                   : &m == localLeg ? QStringLiteral("local")
                                                    : QStringLiteral("other"),
                                   m.device, m.writeMostly ? QStringLiteral(" (W)") : QString());
    if (!remoteLeg)
        conclude(check, CheckResult::Unknown,
                 QStringLiteral("The remote leg is not in the array (see array-sync)."));
    else if (!remoteLeg->writeMostly)
        conclude(check, CheckResult::Warning,
                 QStringLiteral("The remote leg %1 is not write-mostly: md reads from it too, "
                                "over the replication link (echo writemostly > "
                                "/sys/block/%2/md/dev-%1/state).")
                     .arg(remote, input.intent.mdDeviceName()));
    else if (localLeg && localLeg->writeMostly)
        conclude(check, CheckResult::Warning,
                 QStringLiteral("The local leg %1 is write-mostly too: reads are not kept "
                                "local.")
                     .arg(local));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("%1 is write-mostly.").arg(remote));
    return check;
}

HealthCheck inSync(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("array-sync"),
                                 QStringLiteral("Both legs are in the array and in sync"));
    const MdstatArray* array = runningArray(check, input);
    if (!array)
        return check;
    check.evidence << QStringLiteral("%1: [%2/%3] [%4]")
                          .arg(nodeLabel(input, NodeRole::Primary),
                               array->raidDisks ? QString::number(*array->raidDisks)
                                                : QStringLiteral("?"),
                               array->workingDisks ? QString::number(*array->workingDisks)
                                                   : QStringLiteral("?"),
                               array->pattern);
    const bool whole = !array->pattern.isEmpty() && !array->pattern.contains(QLatin1Char('_'));
    if (array->sync) {
        const MdSyncProgress& sync = *array->sync;
        check.evidence << QStringLiteral("%1: %2 %3 % at %4 KiB/s, %5 min left")
                              .arg(nodeLabel(input, NodeRole::Primary),
                                   sync.kind == MdSyncKind::Recovery  ? QStringLiteral("recovery")
                                   : sync.kind == MdSyncKind::Check   ? QStringLiteral("check")
                                   : sync.kind == MdSyncKind::Reshape ? QStringLiteral("reshape")
                                                                      : QStringLiteral("resync"))
                              .arg(sync.percent, 0, 'f', 1)
                              .arg(sync.speedKiBps)
                              .arg(sync.finishMinutes, 0, 'f', 1);
    }
    if (!whole)
        conclude(check, CheckResult::Failing,
                 array->sync ? QStringLiteral("A leg is being rebuilt: until it is in sync the "
                                              "pair has one whole copy.")
                             : QStringLiteral("A leg is missing or failed: the pair has one "
                                              "copy."),
                 array->sync ? QString() : QStringLiteral("repair"));
    else if (array->sync && array->sync->kind != MdSyncKind::Check)
        conclude(check, CheckResult::Warning,
                 QStringLiteral("Both legs are in, and md is still syncing them: until it ends "
                                "the remote copy is not whole."));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("Both legs in sync."));
    return check;
}

HealthCheck mismatch(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("array-mismatch"),
                                 QStringLiteral("md's last check found the legs equal"));
    const MdstatArray* array = runningArray(check, input);
    if (!array)
        return check;
    const MdSysfs* sysfs = input.primary->findMdSysfs(input.intent.mdDeviceName());
    if (!sysfs || !sysfs->mismatchSectors) {
        conclude(check, CheckResult::Unknown, QStringLiteral("md did not report mismatch_cnt."));
        return check;
    }
    check.evidence << QStringLiteral("%1: mismatch_cnt %2")
                          .arg(nodeLabel(input, NodeRole::Primary))
                          .arg(*sysfs->mismatchSectors);
    if (*sysfs->mismatchSectors == 0)
        conclude(check, CheckResult::Ok,
                 QStringLiteral("No sector differs (as of md's last check or sync)."));
    else
        conclude(check, CheckResult::Warning,
                 QStringLiteral("md's last check or sync counted %1 sectors that differ between "
                                "the legs: find out why (a write the remote leg missed?) and "
                                "run md's repair (echo repair > /sys/block/%2/md/sync_action).")
                     .arg(*sysfs->mismatchSectors)
                     .arg(input.intent.mdDeviceName()));
    return check;
}

HealthCheck elementSizes(const CheckInput& input) {
    HealthCheck check = newCheck(kGroup, QStringLiteral("array-element-sizes"),
                                 QStringLiteral("Both elements have the same size"));
    if (!nodesRead(check, input, {NodeRole::Primary, NodeRole::Secondary}))
        return check;
    std::optional<qint64> sizes[2];
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const ElementRef& element = input.layout().element(role);
        const LogicalVolume* lv = input.node(role)->lvm.findLv(element.vg, element.lv);
        sizes[int(role)] = lv ? lv->sizeBytes : std::nullopt;
        check.evidence << QStringLiteral("%1: %2 %3")
                              .arg(nodeLabel(input, role), element.devicePath(),
                                   lv && lv->sizeBytes ? exactSizeText(*lv->sizeBytes)
                                                       : QStringLiteral("is not there"));
    }
    if (!sizes[0] || !sizes[1])
        conclude(check, CheckResult::Failing, QStringLiteral("An element is not there."));
    else if (*sizes[0] != *sizes[1])
        conclude(check, CheckResult::Warning,
                 QStringLiteral("The elements differ by %1: md uses the smaller; a grow makes "
                                "both the size of the larger.")
                     .arg(humanSize(qAbs(*sizes[0] - *sizes[1]))));
    else
        conclude(check, CheckResult::Ok, QStringLiteral("Both are %1.").arg(humanSize(*sizes[0])));
    return check;
}

} // namespace

void appendArrayChecks(HealthChecks& checks, const CheckInput& input) {
    checks.push_back(shape(input));
    checks.push_back(writeMostly(input));
    checks.push_back(inSync(input));
    checks.push_back(mismatch(input));
    checks.push_back(elementSizes(input));
}

} // namespace nr1
