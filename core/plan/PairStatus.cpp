#include "plan/PairStatus.h"

#include "base/JsonValues.h"
#include "base/Sizes.h"
#include "plan/BootGate.h"
#include "plan/Plan.h"

#include <QJsonArray>

namespace nr1 {

namespace {

QJsonObject elementJson(const NodeState& node, const ElementRef& ref) {
    const LogicalVolume* lv = node.lvm.findLv(ref.vg, ref.lv);
    const VolumeGroup* vg = node.lvm.findVg(ref.vg);
    QJsonObject object{{QStringLiteral("path"), ref.devicePath()},
                       {QStringLiteral("exists"), lv != nullptr}};
    if (lv && lv->sizeBytes)
        object.insert(QStringLiteral("sizeBytes"), *lv->sizeBytes);
    if (vg && vg->freeBytes)
        object.insert(QStringLiteral("vgFreeBytes"), *vg->freeBytes);
    return object;
}

QString memberRole(const PairState& state, const PairIntent& intent, const QString& device) {
    if (device == localElementDevice(intent.layout, state.primary))
        return QStringLiteral("local element");
    if (device == importedElementDevice(intent.layout, state.primary))
        return QStringLiteral("remote element");
    return QStringLiteral("unknown");
}

QJsonObject arrayJson(const PairState& state, const PairIntent& intent) {
    const QString md = intent.mdDeviceName();
    const MdstatArray* array = state.primary.mdstat.find(md);
    QJsonObject object{{QStringLiteral("name"), md}, {QStringLiteral("exists"), array != nullptr}};
    if (!array)
        return object;
    object.insert(QStringLiteral("active"), array->active);
    object.insert(QStringLiteral("pattern"), array->pattern);
    if (array->blocksKiB)
        object.insert(QStringLiteral("sizeBytes"), *array->blocksKiB * 1024);
    QJsonArray members;
    const MdSysfs* sysfs = state.primary.findMdSysfs(md);
    for (const MdstatMember& member : array->members) {
        QJsonObject m{{QStringLiteral("device"), member.device},
                      {QStringLiteral("role"), memberRole(state, intent, member.device)},
                      {QStringLiteral("writeMostly"), member.writeMostly},
                      {QStringLiteral("faulty"), member.faulty},
                      {QStringLiteral("spare"), member.spare}};
        if (sysfs)
            for (const MdSysfsMember& s : sysfs->members)
                if (s.device == member.device)
                    m.insert(QStringLiteral("state"), s.stateFlags.join(u','));
        members.append(m);
    }
    object.insert(QStringLiteral("members"), members);
    if (array->sync) {
        const MdSyncProgress& sync = *array->sync;
        object.insert(QStringLiteral("sync"),
                      QJsonObject{{QStringLiteral("doneKiB"), sync.doneKiB},
                                  {QStringLiteral("totalKiB"), sync.totalKiB},
                                  {QStringLiteral("speedKiBps"), sync.speedKiBps},
                                  {QStringLiteral("percent"),
                                   double(sync.doneKiB) * 100.0 /
                                       double(std::max<qint64>(1, sync.totalKiB))}});
    }
    if (sysfs && sysfs->mismatchSectors)
        object.insert(QStringLiteral("mismatchSectors"), *sysfs->mismatchSectors);
    return object;
}

} // namespace

bool bootGateHeld(const NodeState& node, const PairLayout& layout) {
    if (!layout.frontEnd ||
        node.unitActiveStates.value(bootGateUnit(layout.name)) != QLatin1String("failed"))
        return false;
    const LogicalVolume* lv =
        node.lvm.findLv(layout.frontEnd->volume.vg, layout.frontEnd->volume.lv);
    return !lv || !lv->isActive();
}

QStringList bootNotes(const NodeState& node, NodeRole role, const PairLayout& layout) {
    QStringList notes;
    if (node.lioRestorePending())
        notes << QStringLiteral("LIO is still restoring its saved configuration (boot): nr1 plans "
                                "nothing here until it has");
    if (bootGateHeld(node, layout) && role == NodeRole::Secondary)
        // The gate acts on the node whose mdadm.conf names the array: a Secondary that held
        // is the Primary a takeover left behind, booted again.
        notes << QStringLiteral("nr1's boot gate held the volume down at boot: this node was taken "
                                "over from and its copy is stale; `apply repair` rejoins it as "
                                "the Secondary");
    else if (bootGateHeld(node, layout))
        notes << QStringLiteral("nr1's boot gate held the volume down at boot (%1 did not run with "
                                "both legs): `apply repair` serves it once both legs are back")
                     .arg(layout.mdDevice);
    return notes;
}

QJsonObject pairStatusJson(const PairState& state, const PairIntent& intent) {
    const PairLayout& layout = intent.layout;
    const FrontEndExport frontEnd = layout.frontEnd.value_or(FrontEndExport{});
    QJsonObject session{{QStringLiteral("target"), layout.replication.targetIqn},
                        {QStringLiteral("loggedIn"), false},
                        {QStringLiteral("unreadableRecords"),
                         QJsonArray::fromStringList(
                             state.primary.brokenIscsiRecordsOf(layout.replication.targetIqn))}};
    for (const IscsiSession& s : state.primary.sessions)
        if (s.targetIqn == layout.replication.targetIqn) {
            session.insert(QStringLiteral("loggedIn"), s.loggedIn());
            session.insert(QStringLiteral("state"), s.sessionState);
            if (s.recoveryTimeout)
                session.insert(QStringLiteral("replacementTimeout"), *s.recoveryTimeout);
        }
    const LogicalVolume* volume = state.primary.lvm.findLv(frontEnd.volume.vg, frontEnd.volume.lv);
    QJsonObject volumeObject{{QStringLiteral("path"), frontEnd.volume.devicePath()},
                             {QStringLiteral("exists"), volume != nullptr}};
    if (volume && volume->sizeBytes)
        volumeObject.insert(QStringLiteral("sizeBytes"), *volume->sizeBytes);
    if (volume)
        volumeObject.insert(QStringLiteral("active"), volume->isActive());
    QJsonObject exportObject{{QStringLiteral("target"), frontEnd.targetIqn},
                             {QStringLiteral("exists"), false}};
    if (const LioTarget* target = state.primary.lio.findTarget(frontEnd.targetIqn)) {
        exportObject.insert(QStringLiteral("exists"), true);
        QJsonArray acls;
        QJsonArray portals;
        if (!target->tpgs.empty()) {
            for (const NodeAcl& acl : target->tpgs.front().nodeAcls)
                acls.append(acl.nodeWwn);
            for (const LioPortal& portal : target->tpgs.front().portals)
                portals.append(QStringLiteral("%1:%2").arg(portal.ipAddress).arg(portal.port));
        }
        exportObject.insert(QStringLiteral("initiators"), acls);
        exportObject.insert(QStringLiteral("portals"), portals);
        // A target without its LUN (LIO's restore at boot skipped it): initiators log in and
        // find no disk.
        exportObject.insert(QStringLiteral("lunServed"),
                            !target->tpgs.empty() && !target->tpgs.front().luns.empty());
        exportObject.insert(QStringLiteral("saved"),
                            state.primary.savedLio.findTarget(frontEnd.targetIqn) != nullptr);
        // The identity initiators see, and whether each node keeps it for the node that
        // serves next.
        if (const StorageObject* backstore =
                state.primary.lio.findStorageObject(intent.frontEndExport.backstorePath())) {
            exportObject.insert(QStringLiteral("unitSerial"), backstore->wwn);
            QJsonObject recorded;
            for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
                const LunIdentity* identity = state.node(role).findLunIdentity(layout.name);
                recorded.insert(nodeRoleName(role), identity &&
                                                        identity->unitSerial == backstore->wwn &&
                                                        identity->targetIqn == frontEnd.targetIqn);
            }
            exportObject.insert(QStringLiteral("identityRecorded"), recorded);
        }
    }
    QJsonObject primary{
        {QStringLiteral("hostname"), state.primary.hostname},
        {QStringLiteral("lioRestoring"), state.primary.lioRestorePending()},
        {QStringLiteral("bootGateHeld"), bootGateHeld(state.primary, layout)},
        {QStringLiteral("bootNotes"),
         QJsonArray::fromStringList(bootNotes(state.primary, NodeRole::Primary, layout))},
        {QStringLiteral("element"), elementJson(state.primary, layout.primaryElement)},
        {QStringLiteral("lioSavedUnreadable"), emptyAsNull(state.primary.savedLioUnreadable)}};
    QJsonObject secondary{
        {QStringLiteral("hostname"), state.secondary.hostname},
        {QStringLiteral("lioRestoring"), state.secondary.lioRestorePending()},
        {QStringLiteral("bootGateHeld"), bootGateHeld(state.secondary, layout)},
        {QStringLiteral("bootNotes"),
         QJsonArray::fromStringList(bootNotes(state.secondary, NodeRole::Secondary, layout))},
        {QStringLiteral("element"), elementJson(state.secondary, layout.secondaryElement)},
        {QStringLiteral("exported"),
         state.secondary.lio.findTarget(layout.replication.targetIqn) != nullptr},
        {QStringLiteral("lioSavedUnreadable"), emptyAsNull(state.secondary.savedLioUnreadable)}};
    QJsonObject status{
        {QStringLiteral("pair"), layout.name},
        {QStringLiteral("primary"), primary},
        {QStringLiteral("secondary"), secondary},
        {QStringLiteral("replicationSession"), session},
        {QStringLiteral("array"), arrayJson(state, intent)},
        {QStringLiteral("volume"), volumeObject},
        {QStringLiteral("export"), exportObject},
    };
    if (!intent.frontEndAddress.isEmpty()) {
        // Which node holds the floating address (its interface), by role: the Primary alone
        // when all is well.
        QJsonObject heldBy;
        for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
            if (const QString where = state.node(role).interfaceHolding(intent.frontEndAddress);
                !where.isEmpty())
                heldBy.insert(nodeRoleName(role), where);
        status.insert(QStringLiteral("frontEndAddress"),
                      QJsonObject{{QStringLiteral("address"), intent.frontEndAddress},
                                  {QStringLiteral("heldBy"), heldBy}});
    }
    return status;
}

QString pairStatusText(const PairState& state, const PairIntent& intent) {
    const QJsonObject status = pairStatusJson(state, intent);
    auto size = [](const QJsonObject& object, const char* key) {
        return object.contains(QLatin1String(key))
                   ? humanSize(qint64(object.value(QLatin1String(key)).toDouble()))
                   : QStringLiteral("?");
    };
    QString text = QStringLiteral("Pair %1\n").arg(intent.layout.name);
    for (const char* role : {"primary", "secondary"}) {
        const QJsonObject node = status.value(QLatin1String(role)).toObject();
        const QJsonObject element = node.value(QStringLiteral("element")).toObject();
        text +=
            QStringLiteral("  %1 (%2): element %3 %4")
                .arg(QLatin1String(role), node.value(QStringLiteral("hostname")).toString(),
                     element.value(QStringLiteral("path")).toString(),
                     element.value(QStringLiteral("exists")).toBool() ? size(element, "sizeBytes")
                                                                      : QStringLiteral("missing"));
        if (element.contains(QStringLiteral("vgFreeBytes")))
            text += QStringLiteral(", %1 free in its VG").arg(size(element, "vgFreeBytes"));
        text += QLatin1Char('\n');
        const QJsonValue unreadable = node.value(QStringLiteral("lioSavedUnreadable"));
        if (unreadable.isString())
            text += QStringLiteral("    LIO's saved configuration is UNREADABLE: %1 (LIO restores "
                                   "nothing from it at boot; `apply repair` saves it again)\n")
                        .arg(unreadable.toString());
        for (const QJsonValue note : node.value(QStringLiteral("bootNotes")).toArray())
            text += QStringLiteral("    ") + note.toString() + QLatin1Char('\n');
    }
    const QJsonObject session = status.value(QStringLiteral("replicationSession")).toObject();
    text += QStringLiteral("  replication: %1 %2\n")
                .arg(session.value(QStringLiteral("target")).toString(),
                     session.value(QStringLiteral("loggedIn")).toBool()
                         ? QStringLiteral("logged in")
                         : QStringLiteral("not logged in"));
    for (const QJsonValue path : session.value(QStringLiteral("unreadableRecords")).toArray())
        text += QStringLiteral("    node record %1 is UNREADABLE (empty or cut short: a power "
                               "loss); the boot's login skips it, `apply repair` writes it "
                               "again\n")
                    .arg(path.toString());
    const QJsonObject array = status.value(QStringLiteral("array")).toObject();
    if (!array.value(QStringLiteral("exists")).toBool()) {
        text += QStringLiteral("  array %1: missing\n")
                    .arg(array.value(QStringLiteral("name")).toString());
    } else {
        text +=
            QStringLiteral("  array %1: %2 [%3] %4\n")
                .arg(array.value(QStringLiteral("name")).toString(),
                     array.value(QStringLiteral("active")).toBool() ? QStringLiteral("active")
                                                                    : QStringLiteral("inactive"),
                     array.value(QStringLiteral("pattern")).toString(), size(array, "sizeBytes"));
        for (const QJsonValue value : array.value(QStringLiteral("members")).toArray()) {
            const QJsonObject m = value.toObject();
            QStringList flags;
            for (const char* flag : {"writeMostly", "faulty", "spare"})
                if (m.value(QLatin1String(flag)).toBool())
                    flags << QLatin1String(flag);
            text += QStringLiteral("    %1  %2  %3\n")
                        .arg(m.value(QStringLiteral("device")).toString(), -8)
                        .arg(m.value(QStringLiteral("role")).toString(), -15)
                        .arg(m.value(QStringLiteral("state")).toString(flags.join(u',')));
        }
        if (array.contains(QStringLiteral("sync"))) {
            const QJsonObject sync = array.value(QStringLiteral("sync")).toObject();
            text += QStringLiteral("    sync %1% at %2/s\n")
                        .arg(sync.value(QStringLiteral("percent")).toDouble(), 0, 'f', 1)
                        .arg(humanSize(qint64(sync.value(QStringLiteral("speedKiBps")).toDouble()) *
                                       1024));
        }
    }
    const QJsonObject volume = status.value(QStringLiteral("volume")).toObject();
    text += QStringLiteral("  volume %1: %2%3\n")
                .arg(volume.value(QStringLiteral("path")).toString(),
                     volume.value(QStringLiteral("exists")).toBool() ? size(volume, "sizeBytes")
                                                                     : QStringLiteral("missing"),
                     volume.value(QStringLiteral("active")).toBool(true)
                         ? QString()
                         : QStringLiteral(", NOT ACTIVE (`apply repair` activates it when md0 runs "
                                          "with both legs)"));
    const QJsonObject exported = status.value(QStringLiteral("export")).toObject();
    if (exported.value(QStringLiteral("exists")).toBool()) {
        QStringList initiators;
        for (const QJsonValue v : exported.value(QStringLiteral("initiators")).toArray())
            initiators << v.toString();
        QStringList portals;
        for (const QJsonValue v : exported.value(QStringLiteral("portals")).toArray())
            portals << v.toString();
        text += QStringLiteral("  export %1 on %2 to %3%4\n")
                    .arg(exported.value(QStringLiteral("target")).toString(), portals.join(u", "),
                         initiators.join(u", "),
                         exported.value(QStringLiteral("saved")).toBool()
                             ? QString()
                             : QStringLiteral(" (NOT SAVED: lost at reboot)"));
        if (!exported.value(QStringLiteral("lunServed")).toBool())
            text += QStringLiteral("    NO LUN: initiators find no disk there (`apply repair` "
                                   "serves it again)\n");
        if (exported.contains(QStringLiteral("unitSerial"))) {
            QStringList missing;
            const QJsonObject recorded =
                exported.value(QStringLiteral("identityRecorded")).toObject();
            for (auto it = recorded.begin(); it != recorded.end(); ++it)
                if (!it.value().toBool())
                    missing << it.key();
            text += QStringLiteral("    unit serial %1, %2\n")
                        .arg(exported.value(QStringLiteral("unitSerial")).toString(),
                             missing.isEmpty()
                                 ? QStringLiteral("identity recorded on both nodes")
                                 : QStringLiteral("identity NOT recorded on the %1 (plan export "
                                                  "records it)")
                                       .arg(missing.join(QStringLiteral(" and the "))));
        }
    } else {
        text += QStringLiteral("  export %1: missing\n")
                    .arg(exported.value(QStringLiteral("target")).toString());
    }
    if (status.contains(QStringLiteral("frontEndAddress"))) {
        const QJsonObject front = status.value(QStringLiteral("frontEndAddress")).toObject();
        const QJsonObject heldBy = front.value(QStringLiteral("heldBy")).toObject();
        const QString address = front.value(QStringLiteral("address")).toString();
        const QString primaryHas = heldBy.value(QStringLiteral("primary")).toString();
        const QString secondaryHas = heldBy.value(QStringLiteral("secondary")).toString();
        if (!secondaryHas.isEmpty())
            text += QStringLiteral("  front-end address %1: HELD BY THE SECONDARY (%2)%3: "
                                   "`apply repair` removes it there\n")
                        .arg(address, secondaryHas,
                             primaryHas.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" AND THE PRIMARY (%1)").arg(primaryHas));
        else if (!primaryHas.isEmpty())
            text += QStringLiteral("  front-end address %1 on the primary (%2)\n")
                        .arg(address, primaryHas);
        else
            text += QStringLiteral("  front-end address %1: NOT UP on either node (`apply "
                                   "repair` brings it up where the LUN is served)\n")
                        .arg(address);
    }
    return text;
}

} // namespace nr1
