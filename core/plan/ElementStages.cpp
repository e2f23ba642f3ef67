#include "base/NodeScript.h"
#include "plan/DiskChoices.h"
#include "plan/LioExport.h"
#include "plan/PlanBuilder.h"
#include "plan/Stages.h"

#include <algorithm>

namespace nr1 {

namespace {

constexpr qint64 kMiB = qint64(1) << 20;
constexpr qint64 kDefaultExtent = 4 * kMiB; // vgcreate's default extent size

QString optionFor(NodeRole role) {
    return role == NodeRole::Primary ? QStringLiteral("--primary-disks")
                                     : QStringLiteral("--secondary-disks");
}

std::optional<qint64> availableFor(PlanBuilder& b, NodeRole role) {
    return elementRoom(b.node(role), b.intent().layout.element(role), b.intent().disks(role));
}

/// The size both elements get, or nullopt after a refusal.
std::optional<qint64> elementBytes(PlanBuilder& b) {
    const SizeRequest& request = b.intent().elementSize;
    std::optional<qint64> size;
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const auto available = availableFor(b, role);
        if (!available)
            return std::nullopt; // the disk checks refused already
        const LogicalVolume* existing = b.lv(role, b.intent().layout.element(role));
        if (!request.max && existing && existing->sizeBytes &&
            *existing->sizeBytes != roundUp(request.bytes, kDefaultExtent)) {
            b.refuse(QStringLiteral("The %1's element %2 exists with %3, not the %4 asked.")
                         .arg(nodeRoleName(role), b.intent().layout.element(role).devicePath(),
                              humanSize(*existing->sizeBytes), humanSize(request.bytes)));
            return std::nullopt;
        }
        if (!request.max && !existing && *available < request.bytes) {
            b.refuse(QStringLiteral("The %1 has room for %2 in %3, less than the %4 asked.")
                         .arg(nodeRoleName(role), humanSize(*available),
                              b.intent().layout.element(role).vg, humanSize(request.bytes)));
            return std::nullopt;
        }
        size = size ? std::min(*size, *available) : *available;
    }
    if (!request.max)
        return roundUp(request.bytes, kDefaultExtent);
    if (!size || *size <= 0) {
        b.refuse(QStringLiteral("There is no free space for the elements."));
        return std::nullopt;
    }
    // Both existing: keep them. Otherwise the new one must not be smaller than the other.
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const LogicalVolume* existing = b.lv(role, b.intent().layout.element(role));
        if (existing && existing->sizeBytes && *existing->sizeBytes > *size) {
            b.refuse(
                QStringLiteral("The %1's element is %2 but the other node has room for "
                               "only %3: the remote element may not be smaller than the "
                               "local one.")
                    .arg(nodeRoleName(role), humanSize(*existing->sizeBytes), humanSize(*size)));
            return std::nullopt;
        }
    }
    return roundDown(*size, kDefaultExtent);
}

void planElementOn(PlanBuilder& b, NodeRole role, qint64 bytes) {
    const ElementRef element = b.intent().layout.element(role);
    b.willCreate(elementFact(role));
    if (const LogicalVolume* lv = b.lv(role, element)) {
        const BlockDevice* device = b.node(role).findBlockDeviceByPath(lv->path);
        if (device && !device->fsType.isEmpty() &&
            device->fsType != QLatin1String("linux_raid_member"))
            b.refuse(QStringLiteral("The %1's element %2 carries a %3 signature: it is not an "
                                    "element.")
                         .arg(nodeRoleName(role), element.devicePath(), device->fsType));
        return;
    }
    if (!b.vg(role, element.vg)) {
        const QStringList& disks = b.intent().disks(role); // not empty: planElementStage checked
        for (const QString& disk : disks) {
            b.add(role, {QStringLiteral("pvcreate"), disk},
                  QStringLiteral("Make %1 an LVM physical volume.").arg(disk))
                .doneWhen(QStringLiteral("%1 is a PV on the %2").arg(disk, nodeRoleName(role)),
                          [role, disk](const PairState& s) {
                              const BlockDevice* d = s.node(role).findBlockDeviceByPath(disk);
                              return d && s.node(role).lvm.findPv(d->path);
                          })
                .undoWith({{QStringLiteral("pvremove"), disk}});
        }
        b.add(role, QStringList{QStringLiteral("vgcreate"), element.vg} + disks,
              QStringLiteral("Create volume group %1 on %2.").arg(element.vg, disks.join(u", ")))
            .doneWhen(QStringLiteral("VG %1 exists on the %2").arg(element.vg, nodeRoleName(role)),
                      [role, vg = element.vg](const PairState& s) {
                          return s.node(role).lvm.findVg(vg) != nullptr;
                      })
            .undoWith({{QStringLiteral("vgremove"), element.vg}});
    }
    b.add(role,
          {QStringLiteral("lvcreate"), QStringLiteral("--yes"), QStringLiteral("--wipesignatures"),
           QStringLiteral("y"), QStringLiteral("--zero"), QStringLiteral("y"), QStringLiteral("-L"),
           lvmSizeArgument(bytes), QStringLiteral("-n"), element.lv, element.vg},
          QStringLiteral("Create the %1's element %2 (%3), wiping old signatures on it.")
              .arg(nodeRoleName(role), element.devicePath(), humanSize(bytes)))
        .doneWhen(
            QStringLiteral("LV %1 exists on the %2").arg(element.devicePath(), nodeRoleName(role)),
            [role, element](const PairState& s) {
                return s.node(role).lvm.findLv(element.vg, element.lv) != nullptr;
            })
        .undoWith({{QStringLiteral("lvremove"), QStringLiteral("--yes"),
                    element.vg + QLatin1Char('/') + element.lv}});
}

bool loggedInTo(const NodeState& node, const QString& iqn) {
    for (const IscsiSession& session : node.sessions)
        if (session.targetIqn == iqn && session.loggedIn())
            return true;
    return false;
}

} // namespace

void planElementStage(PlanBuilder& b) {
    b.requireCommands(NodeRole::Primary, {QStringLiteral("lvm")});
    b.requireCommands(NodeRole::Secondary, {QStringLiteral("lvm")});
    // A VG still to be made needs disks, and blank ones, whatever else is wrong: before any
    // size is weighed (without disks there is no room to speak of).
    for (const NodeRole role : {NodeRole::Secondary, NodeRole::Primary}) {
        const ElementRef& element = b.intent().layout.element(role);
        if (b.lv(role, element) || b.vg(role, element.vg))
            continue;
        const QStringList& disks = b.intent().disks(role);
        if (disks.isEmpty())
            b.refuse(QStringLiteral("Volume group %1 does not exist on the %2: name the disks to "
                                    "create it on (%3).")
                         .arg(element.vg, nodeRoleName(role), optionFor(role)));
        for (const QString& disk : disks)
            if (const QString problem = diskProblem(b.node(role), disk); !problem.isEmpty())
                b.refuse(QStringLiteral("On the %1, %2.").arg(nodeRoleName(role), problem));
    }
    if (b.refused())
        return;
    const auto bytes = elementBytes(b);
    if (!bytes)
        return;
    planElementOn(b, NodeRole::Secondary, *bytes);
    planElementOn(b, NodeRole::Primary, *bytes);
}

void stopArraysHoldingElement(PlanBuilder& b, NodeRole role) {
    const LogicalVolume* lv = b.lv(role, b.intent().layout.element(role));
    if (!lv)
        return;
    const BlockDevice* element = b.node(role).findBlockDeviceByPath(lv->path);
    for (const MdstatArray& stray : b.node(role).mdstat.arrays) {
        const bool holdsElement = element && std::any_of(stray.members.begin(), stray.members.end(),
                                                         [&](const MdstatMember& m) {
                                                             return m.device == element->name;
                                                         });
        if (!holdsElement)
            continue;
        const QString name = stray.name;
        b.add(role,
              {QStringLiteral("mdadm"), QStringLiteral("--stop"), QStringLiteral("/dev/") + name},
              QStringLiteral("Stop %1, which the %2 assembled from its element at boot, so it can "
                             "be used again.")
                  .arg(name, nodeRoleName(role)))
            .doneWhen(QStringLiteral("%1 is stopped on the %2").arg(name, nodeRoleName(role)),
                      [name, role](const PairState& s) { return !s.node(role).mdstat.find(name); })
            .noUndo(QStringLiteral("the array must not run there on its own"));
    }
}

void planReplicationExport(PlanBuilder& b) {
    const PairIntent& intent = b.intent();
    const QString device = intent.layout.secondaryElement.devicePath();
    if (!b.lv(NodeRole::Secondary, intent.layout.secondaryElement) &&
        !b.planned(PlannedFact::SecondaryElement))
        b.refuse(QStringLiteral("The Secondary's element %1 does not exist: create the elements "
                                "first.")
                     .arg(device));
    // The element carries the array's superblock: a Secondary that assembled it at boot (the
    // pitfall the ignore rule prevents) holds it, and LIO cannot serve it until it is stopped.
    stopArraysHoldingElement(b, NodeRole::Secondary);
    LioExport spec;
    spec.node = NodeRole::Secondary;
    spec.what = QStringLiteral("the element");
    spec.plugin = QStringLiteral("block");
    spec.backstoreName = intent.elementBackstoreName;
    spec.device = device;
    spec.targetIqn = intent.layout.replication.targetIqn;
    spec.lun = intent.layout.replication.lun;
    spec.portals = {intent.layout.replication.portal};
    spec.initiators = {intent.primaryInitiator};
    spec.onlyTheseInitiators = true;
    planLioExport(b, spec);
    b.willCreate(PlannedFact::ReplicationExport);
}

void planBrokenRecordsDropped(PlanBuilder& b, NodeRole role, const QString& iqn) {
    const QString who =
        role == NodeRole::Primary ? QStringLiteral("Primary") : QStringLiteral("Secondary");
    QStringList others = b.node(role).brokenIscsiRecords;
    const QStringList ours = b.node(role).brokenIscsiRecordsOf(iqn);
    for (const QString& path : ours)
        others.removeAll(path);
    if (!others.isEmpty())
        b.warn(QStringLiteral("The %1 has iSCSI node records iscsiadm cannot read (empty or "
                              "cut short), not of this pair: %2. The boot's login skips them; "
                              "remove them and discover those targets again.")
                   .arg(who, others.join(QStringLiteral(", "))));
    if (ours.isEmpty())
        return;
    b.add(role, nodeScriptArgv(NodeScript::IscsiRecordDrop, {iqn}),
          QStringLiteral("Remove the %1's node records of %2 that iscsiadm cannot read (%3: "
                         "empty or cut short, as a power loss leaves them): discovery cannot "
                         "write the record again while they are there, and the boot's login "
                         "skips them.")
              .arg(who, iqn, ours.join(QStringLiteral(", "))))
        .doneWhen(QStringLiteral("the %1 has no unreadable record of %2").arg(who.toLower(), iqn),
                  [role, iqn](const PairState& s) {
                      return s.node(role).brokenIscsiRecordsOf(iqn).isEmpty();
                  })
        .noUndo(QStringLiteral("they held nothing iscsiadm could read"));
}

void planReplicationImport(PlanBuilder& b) {
    const NodeRole pri = NodeRole::Primary;
    b.requireCommands(pri, {QStringLiteral("iscsiadm")});
    const PairIntent& intent = b.intent();
    const ReplicationLink link = intent.layout.replication;
    const QString portal = link.portal.hostPort();
    const QString iqn = link.targetIqn;
    if (b.node(pri).initiatorName.name != intent.primaryInitiator)
        b.refuse(QStringLiteral("The Primary's initiator name is %1, not %2 as the plan assumes "
                                "(inventory initiator_name).")
                     .arg(b.node(pri).initiatorName.name, intent.primaryInitiator));
    if (!b.planned(PlannedFact::ReplicationExport) && !b.lioTarget(NodeRole::Secondary, iqn))
        b.refuse(
            QStringLiteral("The Secondary does not export %1: export the element first.").arg(iqn));
    planBrokenRecordsDropped(b, pri, iqn);
    const auto findRecord = [iqn, link](const NodeState& node) {
        return node.findNodeRecord(iqn, link.portal);
    };
    const IscsiNodeRecord* record = findRecord(b.node(pri));
    const QStringList node = commands::iscsiNode(link);
    if (!record)
        b.add(pri,
              {QStringLiteral("iscsiadm"), QStringLiteral("-m"), QStringLiteral("discovery"),
               QStringLiteral("-t"), QStringLiteral("sendtargets"), QStringLiteral("-p"), portal},
              QStringLiteral("Discover the Secondary's targets on the replication link %1.")
                  .arg(portal))
            .doneWhen(QStringLiteral("the Primary has a node record for %1 at %2").arg(iqn, portal),
                      [findRecord](const PairState& s) { return findRecord(s.primary) != nullptr; })
            .undoWith({node + QStringList{QStringLiteral("-o"), QStringLiteral("delete")}});
    const int timeout = intent.replacementTimeout;
    if (!record || record->replacementTimeout != timeout)
        b.add(pri,
              node + QStringList{QStringLiteral("-o"), QStringLiteral("update"),
                                 QStringLiteral("-n"),
                                 QStringLiteral("node.session.timeo.replacement_timeout"),
                                 QStringLiteral("-v"), QString::number(timeout)},
              QStringLiteral("Let md see a lost remote leg after %1 s instead of waiting for it "
                             "(replacement timeout).")
                  .arg(timeout))
            .doneWhen(QStringLiteral("the node record's replacement timeout is %1 s").arg(timeout),
                      [findRecord, timeout](const PairState& s) {
                          const IscsiNodeRecord* r = findRecord(s.primary);
                          return r && r->replacementTimeout == timeout;
                      })
            .noUndo(QStringLiteral("a setting of the node record, which the discovery's undo "
                                   "deletes"));
    if (!record || record->startup != QLatin1String("automatic"))
        b.add(pri,
              node + QStringList{QStringLiteral("-o"), QStringLiteral("update"),
                                 QStringLiteral("-n"), QStringLiteral("node.startup"),
                                 QStringLiteral("-v"), QStringLiteral("automatic")},
              QStringLiteral("Log in to the element again at every boot (node.startup=automatic)."))
            .doneWhen(QStringLiteral("the node record starts automatically"),
                      [findRecord](const PairState& s) {
                          const IscsiNodeRecord* r = findRecord(s.primary);
                          return r && r->startup == QLatin1String("automatic");
                      })
            .noUndo(QStringLiteral("a setting of the node record, which the discovery's undo "
                                   "deletes"));
    const IscsiSession* session = b.replicationSession();
    if (session && session->recoveryTimeout && *session->recoveryTimeout != timeout)
        b.warn(QStringLiteral("The running session to %1 uses a replacement timeout of %2 s; %3 s "
                              "applies from its next login.")
                   .arg(iqn)
                   .arg(*session->recoveryTimeout)
                   .arg(timeout));
    if (session && !session->loggedIn())
        // iscsid is already logging in again (the Secondary or the link was away); a second
        // login would fail with "session exists".
        b.add(pri, nodeScriptArgv(NodeScript::WaitSessionLogin, {iqn}),
              QStringLiteral(
                  "Wait (up to 120 s) until iscsid has logged in to the Secondary's element "
                  "again (the session is %1).")
                  .arg(session->sessionState.isEmpty() ? QStringLiteral("down")
                                                       : session->sessionState))
            .withTimeout(std::chrono::seconds(180))
            .doneWhen(QStringLiteral("the Primary is logged in to %1").arg(iqn),
                      [iqn](const PairState& s) { return loggedInTo(s.primary, iqn); })
            .noUndo(QStringLiteral("only waits"));
    if (!session)
        b.add(pri, node + QStringList{QStringLiteral("--login")},
              QStringLiteral("Log in to the Secondary's element over the replication link."))
            .doneWhen(QStringLiteral("the Primary is logged in to %1").arg(iqn),
                      [iqn](const PairState& s) { return loggedInTo(s.primary, iqn); })
            .undoWith({node + QStringList{QStringLiteral("--logout")}});
    const QString disk = link.byPathLink();
    // Logged in but without the disk: the LUN came back after the login (a restarted export).
    if (session && session->loggedIn() && !b.node(pri).findBlockDeviceByPath(disk))
        b.add(pri, node + QStringList{QStringLiteral("-R")},
              QStringLiteral("Rescan the session to the Secondary for its LUN."))
            .noUndo(QStringLiteral("only reads"));
    if (!b.node(pri).findBlockDeviceByPath(disk))
        b.add(pri, nodeScriptArgv(NodeScript::WaitBlockDevice, {disk}),
              QStringLiteral("Wait (up to 30 s) for the imported element to appear as %1.")
                  .arg(disk))
            .doneWhen(QStringLiteral("%1 exists on the Primary").arg(disk),
                      [disk](const PairState& s) {
                          return s.primary.findBlockDeviceByPath(disk) != nullptr;
                      })
            .noUndo(QStringLiteral("only waits"));
    b.willCreate(PlannedFact::ReplicationImport);
}

} // namespace nr1
