#include "monitor/PairSnapshot.h"

#include "plan/PairStatus.h"
#include "probe/MdstatParser.h"

#include <algorithm>

namespace nr1 {

QString healthName(Health health) {
    switch (health) {
    case Health::Ok:
        return QStringLiteral("ok");
    case Health::Working:
        return QStringLiteral("working");
    case Health::Warning:
        return QStringLiteral("warning");
    case Health::Critical:
        return QStringLiteral("critical");
    case Health::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString memberRoleName(MemberRole role) {
    switch (role) {
    case MemberRole::LocalElement:
        return QStringLiteral("local element");
    case MemberRole::RemoteElement:
        return QStringLiteral("remote element");
    case MemberRole::Other:
        break;
    }
    return QStringLiteral("other");
}

const ArrayView* PairSnapshot::findArray(const QString& key) const {
    for (const ArrayView& array : arrays)
        if (array.key() == key)
            return &array;
    return nullptr;
}

const ArrayView* PairSnapshot::pairArray() const {
    for (const ArrayView& array : arrays)
        if (array.isPairArray)
            return &array;
    return nullptr;
}

bool PairSnapshot::splitBrain() const {
    return serving.size() > 1 || assembling.size() > 1 || addressHolders.size() > 1;
}

bool PairSnapshot::addressAstray() const {
    return !frontEndAddress.isEmpty() && serving.size() == 1 &&
           !addressHolders.contains(serving.front());
}

bool PairSnapshot::pairArrayInSync() const {
    const ArrayView* array = pairArray();
    return array && !array->stale && array->health == Health::Ok;
}

Health PairSnapshot::overallHealth() const {
    // Critical beats Unknown beats Warning beats Working beats Ok.
    auto rank = [](Health health) {
        switch (health) {
        case Health::Ok:
            return 0;
        case Health::Working:
            return 1;
        case Health::Warning:
            return 2;
        case Health::Unknown:
            return 3;
        case Health::Critical:
            return 4;
        }
        return 3;
    };
    Health worst = Health::Ok;
    auto consider = [&](Health health) {
        if (rank(health) > rank(worst))
            worst = health;
    };
    for (const ArrayView& array : arrays)
        consider(array.health);
    if (splitBrain())
        consider(Health::Critical);
    if (addressAstray())
        consider(Health::Warning);
    if (primary.awaitsRepair() || secondary.awaitsRepair())
        consider(Health::Warning);
    if (!primary.reachable || !secondary.reachable)
        consider(Health::Unknown);
    return worst;
}

namespace {

const QString kPrimary = QStringLiteral("primary");
const QString kSecondary = QStringLiteral("secondary");

QString mdName(const QString& mdDevice) {
    // "/dev/md0" → "md0"; "/dev/md/NAME" is matched through its md-name link, not here.
    return mdDevice.section(QLatin1Char('/'), -1);
}

QString syncActionWord(MdSyncAction action) {
    switch (action) {
    case MdSyncAction::Resync:
        return QStringLiteral("resync");
    case MdSyncAction::Recover:
        return QStringLiteral("recovery");
    case MdSyncAction::Check:
        return QStringLiteral("check");
    case MdSyncAction::Repair:
        return QStringLiteral("repair");
    case MdSyncAction::Reshape:
        return QStringLiteral("reshape");
    case MdSyncAction::Idle:
    case MdSyncAction::Frozen:
        break;
    }
    return QString();
}

QString runningWord(const QString& action) {
    if (action == QLatin1String("resync"))
        return QStringLiteral("resyncing");
    if (action == QLatin1String("recovery"))
        return QStringLiteral("recovering");
    if (action == QLatin1String("check"))
        return QStringLiteral("checking");
    if (action == QLatin1String("repair"))
        return QStringLiteral("repairing");
    return QStringLiteral("reshaping");
}

/// The running sync from sysfs (sectors, action) or, failing that, from mdstat.
std::optional<SyncView> syncOf(const MdstatArray& array, const MdSysfs* sysfs) {
    if (sysfs && sysfs->syncAction && sysfs->syncCompleted &&
        sysfs->syncCompleted->state == MdSyncCompleted::State::Running) {
        const QString action = syncActionWord(*sysfs->syncAction);
        if (!action.isEmpty()) {
            SyncView sync;
            sync.action = action;
            sync.doneSectors = sysfs->syncCompleted->doneSectors;
            sync.totalSectors = sysfs->syncCompleted->totalSectors;
            sync.percent = sync.totalSectors > 0
                               ? 100.0 * double(sync.doneSectors) / double(sync.totalSectors)
                               : 0;
            sync.speedKiBps = sysfs->syncSpeedKiBps;
            // md moves sync_completed on in bursts of seconds; mdstat's position is current.
            if (array.sync && array.sync->totalKiB * 2 == sync.totalSectors) {
                sync.doneSectors = array.sync->doneKiB * 2;
                sync.percent = 100.0 * double(sync.doneSectors) / double(sync.totalSectors);
            }
            return sync;
        }
    }
    if (!array.sync)
        return std::nullopt;
    SyncView sync;
    sync.action = mdSyncKindName(array.sync->kind);
    sync.doneSectors = array.sync->doneKiB * 2;
    sync.totalSectors = array.sync->totalKiB * 2;
    sync.percent = array.sync->percent;
    sync.speedKiBps = array.sync->speedKiBps;
    return sync;
}

struct Roles {
    QString localDevice;  ///< kernel name of the Primary's element
    QString remoteDevice; ///< kernel name of the imported Secondary element (on the Primary)
    QString secondaryElementDevice;
};

std::vector<MemberView> membersOf(const MdstatArray& array, const MdSysfs* sysfs,
                                  const QString& node, const PairLayout& layout,
                                  const Roles& roles) {
    std::vector<MemberView> members;
    auto describe = [&](MemberView& member) {
        member.path = QStringLiteral("/dev/") + member.device;
        if (node == kPrimary && !roles.localDevice.isEmpty() &&
            member.device == roles.localDevice) {
            member.role = MemberRole::LocalElement;
            member.path = layout.primaryElement.devicePath();
            member.node = kPrimary;
        } else if (node == kPrimary && !roles.remoteDevice.isEmpty() &&
                   member.device == roles.remoteDevice) {
            member.role = MemberRole::RemoteElement;
            member.path = layout.replication.byPathLink();
            member.node = kSecondary;
        } else if (node == kSecondary && !roles.secondaryElementDevice.isEmpty() &&
                   member.device == roles.secondaryElementDevice) {
            member.role = MemberRole::RemoteElement;
            member.path = layout.secondaryElement.devicePath();
            member.node = kSecondary;
        } else {
            member.node = node;
        }
    };
    for (const MdstatMember& listed : array.members) {
        MemberView member;
        member.device = listed.device;
        member.writeMostly = listed.writeMostly;
        member.faulty = listed.faulty;
        member.spare = listed.spare;
        member.replacement = listed.replacement;
        if (sysfs) {
            const auto found =
                std::find_if(sysfs->members.begin(), sysfs->members.end(),
                             [&](const MdSysfsMember& m) { return m.device == listed.device; });
            if (found != sysfs->members.end()) {
                member.flags = found->stateFlags;
                member.slot = found->slot;
                member.inSync = found->has(QStringLiteral("in_sync"));
                member.writeMostly =
                    member.writeMostly || found->has(QStringLiteral("write_mostly"));
                member.faulty = member.faulty || found->has(QStringLiteral("faulty"));
                // md lists a member being rebuilt into a role as "spare" with its slot set.
                member.spare = (member.spare || found->has(QStringLiteral("spare"))) &&
                               !found->slot.has_value();
                member.replacement =
                    member.replacement || found->has(QStringLiteral("replacement"));
            }
        } else if (!listed.faulty && !listed.spare) {
            member.slot = listed.slot;
        }
        describe(member);
        members.push_back(member);
    }
    // Faulty members before spares after the active ones, in role order: the order md shows.
    std::stable_sort(members.begin(), members.end(), [](const MemberView& a, const MemberView& b) {
        return a.slot.value_or(1 << 20) < b.slot.value_or(1 << 20);
    });
    return members;
}

QString bitmapLine(const MdBitmap& bitmap) {
    if (!bitmap.file.isEmpty())
        return QStringLiteral("bitmap: file %1, %2KB chunk")
            .arg(bitmap.file)
            .arg(bitmap.chunkBytes / 1024);
    return QStringLiteral("bitmap: %1/%2 pages [%3KB], %4KB chunk")
        .arg(bitmap.pagesUsed)
        .arg(bitmap.pagesTotal)
        .arg(bitmap.sizeKiB)
        .arg(bitmap.chunkBytes / 1024);
}

/// State words and health from md's own facts; never "in sync" while anything is off.
void judge(ArrayView& view, const MdstatArray& array, const MdSysfs* sysfs) {
    const bool faultyMember = std::any_of(view.members.begin(), view.members.end(),
                                          [](const MemberView& m) { return m.faulty; });
    const bool degraded = view.degradedDisks.value_or(0) > 0 || faultyMember;
    if (!array.active) {
        view.state = QStringLiteral("inactive");
        view.health = Health::Critical;
        return;
    }
    QStringList words;
    Health health = Health::Ok;
    if (degraded) {
        words << QStringLiteral("degraded");
        health = Health::Critical;
    }
    if (view.sync) {
        words << runningWord(view.sync->action);
        // A degraded array being rebuilt is still without redundancy, but on its way back.
        health = degraded ? Health::Warning : Health::Working;
    } else if (!view.waiting.isEmpty()) {
        words << (array.syncWait == MdSyncWait::Delayed
                      ? QStringLiteral("%1 delayed").arg(array.syncWaitAction)
                  : array.syncWait == MdSyncWait::Pending
                      ? QStringLiteral("%1 pending").arg(array.syncWaitAction)
                      : QStringLiteral("%1 waiting for the cluster").arg(array.syncWaitAction));
        if (health != Health::Critical)
            health = Health::Warning;
    } else if (sysfs && sysfs->syncAction == MdSyncAction::Frozen) {
        words << QStringLiteral("sync frozen");
        if (health != Health::Critical)
            health = Health::Warning;
    }
    if (!view.readOnly.isEmpty()) {
        words.prepend(view.readOnly);
        if (health == Health::Ok || health == Health::Working)
            health = Health::Warning;
    }
    if (words.isEmpty())
        words << QStringLiteral("in sync");
    view.state = words.join(QStringLiteral(", "));
    view.health = health;
}

ArrayView arrayViewOf(const MdstatArray& array, const NodeState& state, const QString& node,
                      const PairLayout& layout, const Roles& roles) {
    const MdSysfs* sysfs = state.findMdSysfs(array.name);
    ArrayView view;
    view.node = node;
    view.name = array.name;
    view.isPairArray = node == kPrimary && array.name == mdName(layout.mdDevice);
    view.level = array.level.isEmpty() && sysfs ? sysfs->level : array.level;
    view.sizeKiB = array.blocksKiB;
    view.arrayState = sysfs ? sysfs->arrayState : QString();
    view.raidDisks = array.raidDisks;
    view.workingDisks = array.workingDisks;
    if (sysfs && sysfs->degraded)
        view.degradedDisks = sysfs->degraded;
    else if (array.raidDisks && array.workingDisks)
        view.degradedDisks = *array.raidDisks - *array.workingDisks;
    view.pattern = array.pattern;
    view.members = membersOf(array, sysfs, node, layout, roles);
    view.sync = syncOf(array, sysfs);
    if (array.syncWait == MdSyncWait::Delayed)
        view.waiting = QStringLiteral("%1=DELAYED").arg(array.syncWaitAction);
    else if (array.syncWait == MdSyncWait::Pending)
        view.waiting = QStringLiteral("%1=PENDING").arg(array.syncWaitAction);
    else if (array.syncWait == MdSyncWait::Remote)
        view.waiting = QStringLiteral("%1=REMOTE").arg(array.syncWaitAction);
    view.readOnly = array.readOnly == MdReadOnly::ReadOnly       ? QStringLiteral("read-only")
                    : array.readOnly == MdReadOnly::AutoReadOnly ? QStringLiteral("auto-read-only")
                                                                 : QString();
    if (array.bitmap)
        view.bitmap = bitmapLine(*array.bitmap);
    judge(view, array, sysfs);
    return view;
}

/// Time left from md's own speed; the monitor adds the measured speed (SyncHistory::measure).
void addEta(ArrayView& view) {
    if (!view.sync)
        return;
    SyncView& sync = *view.sync;
    if (sync.speedKiBps && *sync.speedKiBps > 0)
        sync.etaSeconds = (sync.totalSectors - sync.doneSectors) / 2 / *sync.speedKiBps;
}

std::vector<ExportView> exportsOf(const NodeState& state, const QString& node,
                                  const PairLayout& layout) {
    std::vector<ExportView> exports;
    for (const LioTarget& target : state.lio.targets) {
        ExportView view;
        view.node = node;
        view.targetIqn = target.wwn;
        view.isReplication = node == kSecondary && target.wwn == layout.replication.targetIqn;
        for (const Tpg& tpg : target.tpgs) {
            view.enabled = view.enabled || tpg.enabled;
            for (const LioPortal& portal : tpg.portals)
                view.portals << QStringLiteral("%1:%2").arg(portal.ipAddress).arg(portal.port);
            for (const NodeAcl& acl : tpg.nodeAcls)
                view.initiators << acl.nodeWwn;
            for (const LioLun& lun : tpg.luns) {
                QString line = lun.storageObject.mid(QStringLiteral("/backstores/").size());
                for (const StorageObject& object : state.lio.storageObjects)
                    if (object.configPath() == lun.storageObject)
                        line += QStringLiteral(" → ") + object.dev;
                view.backstores << line;
            }
        }
        exports.push_back(view);
    }
    return exports;
}

NodeView nodeViewOf(const QString& role, const NodeReading& reading, const NodeView* before,
                    const PairLayout& layout) {
    NodeView view;
    view.role = role;
    view.target = reading.target;
    view.reachable = reading.reachable;
    view.error = reading.error;
    view.answered = reading.reachable || (before && before->answered);
    if (reading.state) {
        view.hostname = reading.state->hostname;
        view.bootNotes = bootNotes(
            *reading.state, role == kPrimary ? NodeRole::Primary : NodeRole::Secondary, layout);
    } else if (before) {
        view.hostname = before->hostname;
    }
    view.mdstat = reading.reachable || !before ? reading.mdstatText : before->mdstat;
    return view;
}

/// Which answering nodes export the pair's LUN and which run an array of its elements (from
/// the node's own reading, never a stale one).
void markServingNodes(PairSnapshot& snapshot, const PairLayout& layout) {
    const QString lunTarget = layout.frontEnd ? layout.frontEnd->targetIqn : QString();
    for (const NodeView* view : {&snapshot.primary, &snapshot.secondary}) {
        if (!view->reachable)
            continue;
        const QString& node = view->role;
        for (const ExportView& exported : snapshot.exports)
            if (exported.node == node && !lunTarget.isEmpty() && exported.targetIqn == lunTarget &&
                exported.enabled && !exported.backstores.isEmpty()) {
                snapshot.serving << node;
                break;
            }
        for (const ArrayView& array : snapshot.arrays) {
            if (array.node != node || array.stale || array.state == QLatin1String("inactive"))
                continue;
            const bool holdsAnElement =
                array.isPairArray ||
                std::any_of(array.members.begin(), array.members.end(),
                            [](const MemberView& m) { return m.role != MemberRole::Other; });
            if (holdsAnElement) {
                snapshot.assembling << node;
                break;
            }
        }
    }
}

} // namespace

void markFenced(PairSnapshot& snapshot, const std::vector<StandingFence>& fences) {
    for (NodeView* node : {&snapshot.primary, &snapshot.secondary}) {
        node->fence.reset();
        for (const StandingFence& fence : fences)
            if (fence.target == node->target)
                node->fence = fence;
    }
}

PairSnapshot buildPairSnapshot(const PairLayout& layout, const NodeReading& primary,
                               const NodeReading& secondary, const PairSnapshot* previous,
                               const QString& frontEndAddress, const QDateTime& at) {
    PairSnapshot snapshot;
    snapshot.pair = layout.name;
    snapshot.primary =
        nodeViewOf(kPrimary, primary, previous ? &previous->primary : nullptr, layout);
    snapshot.secondary =
        nodeViewOf(kSecondary, secondary, previous ? &previous->secondary : nullptr, layout);
    Roles roles;
    if (primary.state) {
        roles.localDevice = localElementDevice(layout, *primary.state);
        roles.remoteDevice = importedElementDevice(layout, *primary.state);
    }
    if (secondary.state)
        if (const BlockDevice* element =
                secondary.state->findBlockDeviceByPath(layout.secondaryElement.devicePath()))
            roles.secondaryElementDevice = element->name;
    for (const auto& [role, reading] :
         {std::pair{kPrimary, &primary}, std::pair{kSecondary, &secondary}}) {
        if (!reading->reachable || !reading->state) {
            // The node does not answer: what it last showed, marked as such.
            if (previous) {
                for (ArrayView array : previous->arrays)
                    if (array.node == role) {
                        array.stale = true;
                        array.health = Health::Unknown;
                        snapshot.arrays.push_back(array);
                    }
                for (const ExportView& exported : previous->exports)
                    if (exported.node == role)
                        snapshot.exports.push_back(exported);
            }
            continue;
        }
        for (const MdstatArray& array : reading->state->mdstat.arrays) {
            ArrayView view = arrayViewOf(array, *reading->state, role, layout, roles);
            addEta(view);
            snapshot.arrays.push_back(view);
        }
        for (const ExportView& view : exportsOf(*reading->state, role, layout))
            snapshot.exports.push_back(view);
    }
    markServingNodes(snapshot, layout);
    snapshot.frontEndAddress = frontEndAddress;
    if (!frontEndAddress.isEmpty())
        for (const auto& [role, reading] :
             {std::pair{kPrimary, &primary}, std::pair{kSecondary, &secondary}})
            if (reading->reachable && reading->state &&
                !reading->state->interfaceHolding(frontEndAddress).isEmpty())
                snapshot.addressHolders << role;
    // It was in sync until the first look that found it otherwise (degraded, syncing, or its
    // node no longer answering: the Primary lost in sync is the common case of a takeover).
    snapshot.everInSync = snapshot.pairArrayInSync() || (previous && previous->everInSync);
    if (!snapshot.pairArrayInSync() && previous)
        snapshot.inSyncUntil = previous->pairArrayInSync() ? at : previous->inSyncUntil;
    if (!primary.reachable && previous) {
        snapshot.replication = previous->replication; // last known
    } else if (primary.state) {
        SessionView& session = snapshot.replication;
        session.targetIqn = layout.replication.targetIqn;
        session.portal = layout.replication.portal.hostPort();
        session.state = QStringLiteral("absent");
        if (const IscsiSession* found = primary.state->findSession(layout.replication.targetIqn)) {
            session.present = true;
            session.state = found->sessionState;
            session.connection = found->connectionState;
            session.loggedIn = found->loggedIn();
            session.portal = found->currentPortal.hostPort();
            session.disk = importedElementDevice(layout, *primary.state);
        }
    }
    return snapshot;
}

} // namespace nr1
