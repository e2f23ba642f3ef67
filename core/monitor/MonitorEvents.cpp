#include "monitor/MonitorEvents.h"

#include "monitor/MonitorText.h"

namespace nr1 {

QString eventKindName(MonitorEventKind kind) {
    switch (kind) {
    case MonitorEventKind::NodeUnreachable:
        return QStringLiteral("node-unreachable");
    case MonitorEventKind::NodeBack:
        return QStringLiteral("node-back");
    case MonitorEventKind::SessionLost:
        return QStringLiteral("session-lost");
    case MonitorEventKind::SessionBack:
        return QStringLiteral("session-back");
    case MonitorEventKind::ArrayAppeared:
        return QStringLiteral("array-appeared");
    case MonitorEventKind::ArrayGone:
        return QStringLiteral("array-gone");
    case MonitorEventKind::Degraded:
        return QStringLiteral("degraded");
    case MonitorEventKind::Whole:
        return QStringLiteral("whole");
    case MonitorEventKind::MemberFaulty:
        return QStringLiteral("member-faulty");
    case MonitorEventKind::MemberRemoved:
        return QStringLiteral("member-removed");
    case MonitorEventKind::MemberAdded:
        return QStringLiteral("member-added");
    case MonitorEventKind::SyncStarted:
        return QStringLiteral("sync-started");
    case MonitorEventKind::SyncFinished:
        return QStringLiteral("sync-finished");
    case MonitorEventKind::SyncStopped:
        return QStringLiteral("sync-stopped");
    case MonitorEventKind::SyncWaiting:
        return QStringLiteral("sync-waiting");
    case MonitorEventKind::ServingChanged:
        return QStringLiteral("serving-changed");
    case MonitorEventKind::BothAssemble:
        return QStringLiteral("both-assemble");
    case MonitorEventKind::AddressChanged:
        return QStringLiteral("address-changed");
    case MonitorEventKind::NodeFenced:
        return QStringLiteral("node-fenced");
    case MonitorEventKind::BootNotes:
        return QStringLiteral("boot-notes");
    case MonitorEventKind::CheckChanged:
        return QStringLiteral("check-changed");
    }
    return QStringLiteral("unknown");
}

namespace {

class EventList {
public:
    EventList(const PairSnapshot& after, const QDateTime& at)
        : m_after(after)
        , m_at(at) {}

    MonitorEvent& add(MonitorEventKind kind, Health severity, const QString& node,
                      const QString& text) {
        MonitorEvent event;
        event.kind = kind;
        event.time = m_at;
        event.pair = m_after.pair;
        event.node = node;
        event.severity = severity;
        event.text = text;
        m_events.push_back(event);
        return m_events.back();
    }
    MonitorEvent& addForArray(MonitorEventKind kind, Health severity, const ArrayView& array,
                              const QString& text) {
        MonitorEvent& event =
            add(kind, severity, array.node,
                QStringLiteral("%1 on the %2: %3").arg(array.name, array.node, text));
        event.array = array.name;
        return event;
    }
    std::vector<MonitorEvent> take() { return std::move(m_events); }

private:
    const PairSnapshot& m_after;
    QDateTime m_at;
    std::vector<MonitorEvent> m_events;
};

bool isDegraded(const ArrayView& array) {
    if (array.degradedDisks.value_or(0) > 0)
        return true;
    for (const MemberView& member : array.members)
        if (member.faulty)
            return true;
    return false;
}

QString memberName(const MemberView& member) {
    return member.role == MemberRole::Other
               ? member.device
               : QStringLiteral("%1 (%2)").arg(member.device, memberRoleName(member.role));
}

const MemberView* findMember(const ArrayView& array, const QString& device) {
    for (const MemberView& member : array.members)
        if (member.device == device)
            return &member;
    return nullptr;
}

void compareNode(EventList& events, const NodeView* before, const NodeView& after) {
    auto failing = [](const NodeView& node) {
        return !node.reachable && !node.error.isEmpty();
    };
    if (failing(after) && !(before && failing(*before)))
        events.add(MonitorEventKind::NodeUnreachable, Health::Critical, after.role,
                   QStringLiteral("The %1 (%2) does not answer: %3")
                       .arg(after.role, after.target, after.error));
    else if (after.reachable && before && failing(*before))
        events.add(MonitorEventKind::NodeBack, Health::Ok, after.role,
                   QStringLiteral("The %1 (%2) answers again").arg(after.role, after.target));
    // A node still connecting (no answer, no error yet) has nothing to report.
    if (after.fence && !(before && before->fence == after.fence))
        events.add(
            MonitorEventKind::NodeFenced, Health::Warning, after.role,
            QStringLiteral("The %1 (%2) was fenced at %3: %4. It must not serve again "
                           "before `apply repair` rejoins it")
                .arg(after.role, after.target, formatUtcTime(after.fence->at), after.fence->how));
    // Boot notes come with a node's full probe; a node that stopped answering keeps its last.
    if (after.reachable && after.bootNotes != (before ? before->bootNotes : QStringList())) {
        if (!after.bootNotes.isEmpty())
            events.add(MonitorEventKind::BootNotes, Health::Warning, after.role,
                       QStringLiteral("The %1's boot left work undone: %2")
                           .arg(after.role, after.bootNotes.join(QStringLiteral("; "))));
        else
            events.add(
                MonitorEventKind::BootNotes, Health::Ok, after.role,
                QStringLiteral("The %1's boot left nothing undone any more").arg(after.role));
    }
}

void compareSync(EventList& events, const ArrayView* before, const ArrayView& after) {
    const std::optional<SyncView> was = before ? before->sync : std::nullopt;
    const std::optional<SyncView>& now = after.sync;
    if (was && (!now || now->action != was->action)) {
        if (isDegraded(after))
            events
                .addForArray(MonitorEventKind::SyncStopped, Health::Critical, after,
                             QStringLiteral("%1 stopped at %2% with the array degraded")
                                 .arg(was->action)
                                 .arg(was->percent, 0, 'f', 1))
                .action = was->action;
        else
            events
                .addForArray(MonitorEventKind::SyncFinished, Health::Ok, after,
                             QStringLiteral("%1 finished").arg(was->action))
                .action = was->action;
    }
    if (now && (!was || now->action != was->action))
        events
            .addForArray(MonitorEventKind::SyncStarted,
                         isDegraded(after) ? Health::Warning : Health::Working, after,
                         before ? QStringLiteral("%1 started").arg(now->action)
                                : QStringLiteral("%1 running, %2% done")
                                      .arg(now->action)
                                      .arg(now->percent, 0, 'f', 1))
            .action = now->action;
    if (!after.waiting.isEmpty() && (!before || before->waiting != after.waiting))
        events.addForArray(MonitorEventKind::SyncWaiting, Health::Warning, after,
                           QStringLiteral("%1 (due but not running)").arg(after.waiting));
}

/// `firstLook`: there is no earlier snapshot at all, so nothing "appeared".
void compareArray(EventList& events, bool firstLook, const ArrayView* before,
                  const ArrayView& after) {
    if (after.stale)
        return; // no fresh facts; the node's event tells
    if (!before && !firstLook)
        events.addForArray(MonitorEventKind::ArrayAppeared,
                           // An array on the Secondary means its element was assembled there.
                           after.node == QLatin1String("secondary") ? Health::Warning : Health::Ok,
                           after, QStringLiteral("array started (%1)").arg(after.state));
    const bool wasDegraded = before && isDegraded(*before);
    if (isDegraded(after) && !wasDegraded)
        events.addForArray(MonitorEventKind::Degraded, Health::Critical, after,
                           QStringLiteral("degraded, %1 of %2 members working")
                               .arg(after.workingDisks.value_or(0))
                               .arg(after.raidDisks.value_or(0)));
    else if (!isDegraded(after) && wasDegraded)
        events.addForArray(MonitorEventKind::Whole, Health::Ok, after,
                           QStringLiteral("all members working again"));
    for (const MemberView& member : after.members) {
        const MemberView* was = before ? findMember(*before, member.device) : nullptr;
        if (member.faulty && (!was || !was->faulty))
            events
                .addForArray(MonitorEventKind::MemberFaulty, Health::Critical, after,
                             QStringLiteral("member %1 is faulty").arg(memberName(member)))
                .member = member.device;
        else if (before && (!was || (was->faulty && !member.faulty)))
            // Same device no longer faulty: it was removed and added back between two looks.
            events
                .addForArray(MonitorEventKind::MemberAdded, Health::Ok, after,
                             QStringLiteral("member %1 added").arg(memberName(member)))
                .member = member.device;
    }
    if (before)
        for (const MemberView& member : before->members)
            if (!findMember(after, member.device))
                events
                    .addForArray(MonitorEventKind::MemberRemoved,
                                 member.faulty ? Health::Warning : Health::Critical, after,
                                 QStringLiteral("member %1 removed").arg(memberName(member)))
                    .member = member.device;
    compareSync(events, before, after);
}

QString nodesInWords(const QStringList& nodes) {
    return nodes.size() > 1 ? QStringLiteral("both nodes")
                            : QStringLiteral("the ") + nodes.value(0);
}

/// What nodes do to be counted by compareHolders: "export the LUN", with the sentences of
/// its changes.
struct HeldThing {
    MonitorEventKind kind;
    QString both;  ///< both nodes do it (critical)
    QString none;  ///< no node does it any more; %1: who did (critical)
    QString first; ///< %1: the node that does it now, after none did
    QString moved; ///< %1: the node that does it now, %2: who did
};

/// Which nodes hold something (the LUN's export, the front-end address), when that changes. A
/// node that merely stopped answering is the node's own event, not a change of who holds it.
void compareHolders(EventList& events, const HeldThing& thing, const QStringList* before,
                    const QStringList& now, const PairSnapshot& after) {
    const QStringList was = before ? *before : QStringList{};
    bool onlyLostAnswers = true;
    for (const QString& node : was)
        if (!now.contains(node) &&
            (node == QLatin1String("primary") ? after.primary : after.secondary).reachable)
            onlyLostAnswers = false;
    for (const QString& node : now)
        if (!was.contains(node))
            onlyLostAnswers = false;
    if (onlyLostAnswers && !(!before && now.size() > 1))
        return;
    if (now.size() > 1)
        events.add(thing.kind, Health::Critical, QString(), thing.both);
    else if (now.isEmpty())
        events.add(thing.kind, Health::Critical, was.value(0), thing.none.arg(nodesInWords(was)));
    else if (before)
        events.add(thing.kind, Health::Ok, now.front(),
                   was.isEmpty() ? thing.first.arg(now.front())
                                 : thing.moved.arg(now.front(), nodesInWords(was)));
}

void compareServing(EventList& events, const PairSnapshot* before, const PairSnapshot& after) {
    compareHolders(
        events,
        HeldThing{MonitorEventKind::ServingChanged,
                  QStringLiteral("Both nodes export the LUN: split brain, initiators may write "
                                 "to either copy; stop the export on one of them"),
                  QStringLiteral("No node exports the LUN any more (it was %1)"),
                  QStringLiteral("The %1 exports the LUN"),
                  QStringLiteral("The %1 exports the LUN now (it was %2)")},
        before ? &before->serving : nullptr, after.serving, after);
    if (!after.frontEndAddress.isEmpty() &&
        !(before && before->frontEndAddress != after.frontEndAddress)) {
        // The address is a checked IPv4 address: it holds no %-placeholder.
        const QString address = QStringLiteral("the front-end address ") + after.frontEndAddress;
        compareHolders(events,
                       HeldThing{MonitorEventKind::AddressChanged,
                                 QStringLiteral("Both nodes hold ") + address +
                                     QStringLiteral(": initiators reach either node; take it "
                                                    "off the node that does not serve"),
                                 QStringLiteral("No node holds ") + address +
                                     QStringLiteral(" any more (it was %1): initiators cannot "
                                                    "reach the LUN"),
                                 QStringLiteral("The %1 holds ") + address,
                                 QStringLiteral("The %1 holds ") + address +
                                     QStringLiteral(" now (it was %2)")},
                       before ? &before->addressHolders : nullptr, after.addressHolders, after);
    }
    const bool bothAssemble = after.assembling.size() > 1;
    if (bothAssemble && !(before && before->assembling.size() > 1))
        events.add(MonitorEventKind::BothAssemble, Health::Critical, QString(),
                   QStringLiteral("Both nodes run an array of the pair's elements: two copies "
                                  "take writes; stop the array on the node that does not serve"));
}

} // namespace

std::vector<MonitorEvent> eventsBetween(const PairSnapshot* before, const PairSnapshot& after,
                                        const QDateTime& at) {
    EventList events(after, at);
    compareNode(events, before ? &before->primary : nullptr, after.primary);
    compareNode(events, before ? &before->secondary : nullptr, after.secondary);
    if (after.primary.reachable) {
        const SessionView& now = after.replication;
        const bool wasLoggedIn = before && before->replication.loggedIn;
        if (wasLoggedIn && !now.loggedIn)
            events.add(MonitorEventKind::SessionLost, Health::Critical, QStringLiteral("primary"),
                       QStringLiteral("The replication session to %1 is %2")
                           .arg(now.portal, now.present ? now.state : QStringLiteral("gone")));
        else if (now.loggedIn && before && before->primary.reachable && !wasLoggedIn)
            events.add(
                MonitorEventKind::SessionBack, Health::Ok, QStringLiteral("primary"),
                QStringLiteral("The replication session to %1 is logged in").arg(now.portal));
    }
    for (const ArrayView& array : after.arrays)
        compareArray(events, before == nullptr, before ? before->findArray(array.key()) : nullptr,
                     array);
    if (before)
        for (const ArrayView& array : before->arrays)
            if (!after.findArray(array.key()))
                events.addForArray(MonitorEventKind::ArrayGone,
                                   array.isPairArray ? Health::Critical : Health::Ok, array,
                                   QStringLiteral("array stopped"));
    compareServing(events, before, after);
    return events.take();
}

} // namespace nr1
