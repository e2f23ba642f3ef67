#include "monitor/MonitorText.h"

namespace nr1 {

QString formatUtcTime(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString formatSpeed(qint64 kibPerSecond) {
    const double bytes = double(kibPerSecond) * 1024.0;
    if (bytes < 1000.0 * 1000.0)
        return QStringLiteral("%1 KB/s").arg(qRound(bytes / 1000.0));
    if (bytes < 1000.0 * 1000.0 * 1000.0)
        return QStringLiteral("%1 MB/s").arg(bytes / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 GB/s").arg(bytes / 1e9, 0, 'f', 1);
}

QString formatDuration(qint64 seconds) {
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m%2s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 86400)
        return QStringLiteral("%1h%2m")
            .arg(seconds / 3600)
            .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1d%2h")
        .arg(seconds / 86400)
        .arg(seconds % 86400 / 3600, 2, 10, QLatin1Char('0'));
}

QStringList memberBadges(const MemberView& member) {
    QStringList badges;
    if (member.writeMostly)
        badges << QStringLiteral("write-mostly");
    if (member.faulty)
        badges << QStringLiteral("faulty");
    if (member.spare)
        badges << QStringLiteral("spare");
    if (member.replacement)
        badges << QStringLiteral("replacement");
    if (!member.faulty && !member.spare && member.slot && !member.inSync && !member.flags.isEmpty())
        badges << QStringLiteral("rebuilding");
    return badges;
}

QString syncLine(const SyncView& sync) {
    QString line = QStringLiteral("%1 %2%").arg(sync.action).arg(sync.percent, 0, 'f', 1);
    const std::optional<qint64> speed = sync.speedKiBps ? sync.speedKiBps : sync.measuredKiBps;
    if (speed)
        line += QStringLiteral(" at %1").arg(formatSpeed(*speed));
    if (sync.etaSeconds)
        line += QStringLiteral(", %1 left").arg(formatDuration(*sync.etaSeconds));
    return line;
}

QString arrayLine(const ArrayView& array) {
    QString line = QStringLiteral("%1 (%2) %3").arg(array.name, array.node, array.state);
    if (array.stale)
        line += QStringLiteral(" (last known; the node does not answer)");
    if (!array.pattern.isEmpty())
        line += QStringLiteral(" [%1]").arg(array.pattern);
    if (array.sync)
        line += QStringLiteral(" — ") + syncLine(*array.sync);
    QStringList members;
    for (const MemberView& member : array.members) {
        QString text = member.device;
        if (member.role != MemberRole::Other)
            text += QLatin1Char(' ') + memberRoleName(member.role);
        const QStringList badges = memberBadges(member);
        if (!badges.isEmpty())
            text += QStringLiteral(" (%1)").arg(badges.join(QStringLiteral(", ")));
        members << text;
    }
    if (!members.isEmpty())
        line += QStringLiteral(": ") + members.join(QStringLiteral("; "));
    return line;
}

QString servingLine(const PairSnapshot& snapshot) {
    QString line = snapshot.serving.size() > 1
                       ? QStringLiteral("LUN served by BOTH nodes: split brain")
                   : snapshot.serving.isEmpty()
                       ? QStringLiteral("LUN served by no node")
                       : QStringLiteral("LUN served by the %1").arg(snapshot.serving.front());
    if (snapshot.assembling.size() > 1)
        line += QStringLiteral("; BOTH nodes run the array");
    if (!snapshot.frontEndAddress.isEmpty()) {
        const QStringList& holders = snapshot.addressHolders;
        line += QStringLiteral("; address %1 on %2")
                    .arg(snapshot.frontEndAddress, holders.size() > 1 ? QStringLiteral("BOTH nodes")
                                                   : holders.isEmpty()
                                                       ? QStringLiteral("no node")
                                                       : QStringLiteral("the ") + holders.front());
    }
    return line;
}

QString nodeLine(const NodeView& node) {
    const QString fence =
        node.fence
            ? QStringLiteral("fenced %1 (%2)").arg(formatUtcTime(node.fence->at), node.fence->how)
            : QString();
    if (node.reachable) {
        QStringList notes = node.bootNotes;
        if (!fence.isEmpty())
            notes.prepend(fence + QStringLiteral(", not rejoined yet"));
        return QStringLiteral("%1 %2 (%3): answering%4")
            .arg(node.role, node.target, node.hostname,
                 notes.isEmpty() ? QString()
                                 : QStringLiteral("; ") + notes.join(QStringLiteral("; ")));
    }
    if (!node.answered && node.error.isEmpty())
        return QStringLiteral("%1 %2: connecting…%3")
            .arg(node.role, node.target, fence.isEmpty() ? QString() : QStringLiteral(" ") + fence);
    if (!fence.isEmpty())
        return QStringLiteral("%1 %2: %3; not answering — %4")
            .arg(node.role, node.target, fence, node.error);
    return QStringLiteral("%1 %2: NOT ANSWERING — %3").arg(node.role, node.target, node.error);
}

QString inSyncLine(const PairSnapshot& snapshot) {
    if (snapshot.pairArrayInSync())
        return QString();
    if (snapshot.inSyncUntil.isValid())
        return QStringLiteral("both legs last in sync at %1")
            .arg(formatUtcTime(snapshot.inSyncUntil));
    if (!snapshot.pairArray() && !snapshot.everInSync)
        return QString();
    return QStringLiteral("both legs not seen in sync since the monitor started");
}

} // namespace nr1
