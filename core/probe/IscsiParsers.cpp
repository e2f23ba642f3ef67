#include "probe/IscsiParsers.h"

#include "base/Names.h"
#include "base/Numbers.h"
#include "base/TextLines.h"

#include <QRegularExpression>

namespace nr1 {

std::optional<IscsiPortal> parseIscsiPortal(QStringView text) {
    // Exact: the portal may come from a command line (--portal), where "a:3260\n" is no portal.
    static const QRegularExpression form = exactPattern(
        QStringLiteral("(?:\\[([0-9A-Fa-f:.%a-zA-Z]+)\\]|([^\\s:,\\[\\]]+)):(\\d+)(?:,(\\d+))?"));
    const auto m = form.match(text.toString());
    if (!m.hasMatch())
        return std::nullopt;
    IscsiPortal portal;
    portal.address = m.capturedLength(1) > 0 ? m.captured(1) : m.captured(2);
    const auto port = toInt(m.captured(3));
    if (!port || *port < 1 || *port > 65535)
        return std::nullopt;
    portal.port = *port;
    if (m.capturedLength(4) > 0) {
        portal.tpgt = toInt(m.captured(4));
        if (!portal.tpgt)
            return std::nullopt;
    }
    return portal;
}

namespace {

QString valueOrEmpty(const QString& value) {
    return value == QLatin1String("<empty>") ? QString() : value;
}

IscsiPortal requirePortal(TextLines& lines, int number, const QString& text) {
    const auto portal = parseIscsiPortal(text);
    if (!portal)
        lines.fail(number, QStringLiteral("a portal 'ADDRESS:PORT,TPGT'"), text);
    return *portal;
}

/// Lines of -P 3 that carry no fact nr1 models: section banners and negotiated parameters.
bool isKnownUnmodelled(const QString& key) {
    static const QStringList keys = {QStringLiteral("Iface HWaddress"),
                                     QStringLiteral("Iface Netdev"),
                                     QStringLiteral("Target Reset Timeout"),
                                     QStringLiteral("LUN Reset Timeout"),
                                     QStringLiteral("Abort Timeout"),
                                     QStringLiteral("username"),
                                     QStringLiteral("password"),
                                     QStringLiteral("username_in"),
                                     QStringLiteral("password_in"),
                                     QStringLiteral("HeaderDigest"),
                                     QStringLiteral("DataDigest"),
                                     QStringLiteral("MaxRecvDataSegmentLength"),
                                     QStringLiteral("MaxXmitDataSegmentLength"),
                                     QStringLiteral("FirstBurstLength"),
                                     QStringLiteral("MaxBurstLength"),
                                     QStringLiteral("ImmediateData"),
                                     QStringLiteral("InitialR2T"),
                                     QStringLiteral("MaxOutstandingR2T")};
    return keys.contains(key);
}

class SessionDetailReader {
public:
    explicit SessionDetailReader(TextLines& lines)
        : m_lines(lines) {}

    std::vector<IscsiSession> read() {
        static const QRegularExpression target(
            QStringLiteral("^Target: (\\S+)(?: \\((non-flash|flash)\\))?$"));
        static const QRegularExpression scsiLun(
            QStringLiteral("^scsi(\\d+) Channel (\\d+) Id (\\d+) Lun: (\\d+)$"));
        static const QRegularExpression disk(
            QStringLiteral("^Attached scsi disk (\\S+)\\s+State: (.+)$"));
        static const QRegularExpression host(
            QStringLiteral("^Host Number: (\\d+)\\s+State: (.+)$"));
        for (int number = 1; number <= m_lines.count(); ++number) {
            const QString line = m_lines.at(number).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('*')) || isBanner(line))
                continue;
            if (const auto m = target.match(line); m.hasMatch()) {
                m_targetIqn = m.captured(1);
                m_flash = m.captured(2) == QLatin1String("flash");
                continue;
            }
            if (const auto m = scsiLun.match(line); m.hasMatch()) {
                AttachedDisk attached;
                attached.hostNumber = m.captured(1).toInt();
                attached.channel = m.captured(2).toInt();
                attached.id = m.captured(3).toInt();
                attached.lun = m.captured(4).toInt();
                session(number).disks.push_back(attached);
                continue;
            }
            if (const auto m = disk.match(line); m.hasMatch()) {
                IscsiSession& current = session(number);
                if (current.disks.empty())
                    m_lines.fail(number,
                                 QStringLiteral("'scsiN Channel C Id I Lun: L' before the disk"),
                                 line);
                current.disks.back().disk = m.captured(1);
                current.disks.back().state = m.captured(2).trimmed();
                continue;
            }
            if (const auto m = host.match(line); m.hasMatch()) {
                session(number).hostNumber = m.captured(1).toInt();
                session(number).hostState = m.captured(2).trimmed();
                continue;
            }
            readKeyValue(number, line);
        }
        return std::move(m_sessions);
    }

private:
    static bool isBanner(const QString& line) {
        static const QStringList banners = {
            QStringLiteral("Interface:"), QStringLiteral("Timeouts:"), QStringLiteral("CHAP:"),
            QStringLiteral("Negotiated iSCSI params:"), QStringLiteral("Attached SCSI devices:")};
        return banners.contains(line) ||
               line.startsWith(QLatin1String("iSCSI Transport Class version")) ||
               line.startsWith(QLatin1String("version "));
    }

    IscsiSession& session(int number) {
        if (m_sessions.empty())
            m_lines.fail(number,
                         QStringLiteral("'Target:' and 'Current Portal:' before session details"),
                         m_lines.at(number));
        return m_sessions.back();
    }

    void readKeyValue(int number, const QString& line) {
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        const QString key =
            colon < 0 ? line.chopped(line.endsWith(QLatin1Char(':')) ? 1 : 0) : line.left(colon);
        const QString value = colon < 0 ? QString() : valueOrEmpty(line.mid(colon + 2).trimmed());
        if (key == QLatin1String("Current Portal")) {
            if (m_targetIqn.isEmpty())
                m_lines.fail(number, QStringLiteral("'Target:' before 'Current Portal:'"), line);
            m_sessions.push_back(IscsiSession{});
            m_sessions.back().targetIqn = m_targetIqn;
            m_sessions.back().flash = m_flash;
            m_sessions.back().currentPortal = requirePortal(m_lines, number, value);
            return;
        }
        IscsiSession& current = session(number);
        if (key == QLatin1String("Persistent Portal"))
            current.persistentPortal = requirePortal(m_lines, number, value);
        else if (key == QLatin1String("Iface Name"))
            current.ifaceName = value;
        else if (key == QLatin1String("Iface Transport"))
            current.transport = value;
        else if (key == QLatin1String("Iface Initiatorname"))
            current.initiatorName = value;
        else if (key == QLatin1String("Iface IPaddress"))
            current.ifaceAddress = value;
        else if (key == QLatin1String("SID")) {
            current.sid = toInt(value);
            if (!current.sid)
                m_lines.fail(number, QStringLiteral("a session id number"), line);
        } else if (key == QLatin1String("iSCSI Connection State"))
            current.connectionState = value;
        else if (key == QLatin1String("iSCSI Session State"))
            current.sessionState = value;
        else if (key == QLatin1String("Internal iscsid Session State"))
            current.internalState = value;
        else if (key == QLatin1String("Recovery Timeout")) {
            current.recoveryTimeout = toInt(value);
            if (!current.recoveryTimeout)
                m_lines.fail(number, QStringLiteral("a timeout in seconds"), line);
        } else if (!isKnownUnmodelled(key)) {
            m_lines.warn(number, QStringLiteral("unknown session detail"));
        }
    }

    TextLines& m_lines;
    std::vector<IscsiSession> m_sessions;
    QString m_targetIqn;
    bool m_flash = false;
};

std::vector<IscsiSession> readSessionList(TextLines& lines) {
    static const QRegularExpression form(
        QStringLiteral("^(\\w+): \\[(\\d+)\\] (\\S+) (\\S+)(?: \\((non-flash|flash)\\))?$"));
    std::vector<IscsiSession> sessions;
    for (int number = 1; number <= lines.count(); ++number) {
        const QString& line = lines.at(number);
        if (line.trimmed().isEmpty())
            continue;
        const auto m = form.match(line);
        if (!m.hasMatch())
            lines.fail(number, QStringLiteral("'tcp: [SID] ADDRESS:PORT,TPGT IQN' session line"),
                       line);
        IscsiSession session;
        session.transport = m.captured(1);
        session.sid = toInt(m.captured(2));
        session.currentPortal = requirePortal(lines, number, m.captured(3));
        session.persistentPortal = session.currentPortal;
        session.targetIqn = m.captured(4);
        session.flash = m.captured(5) == QLatin1String("flash");
        sessions.push_back(session);
    }
    return sessions;
}

} // namespace

ParseResult<std::vector<IscsiSession>> parseIscsiSessions(QStringView text) {
    return runParser<std::vector<IscsiSession>>([&] {
        TextLines lines(QStringLiteral("iscsiadm -m session"), text);
        int first = 1;
        while (first <= lines.count() && lines.at(first).trimmed().isEmpty())
            ++first;
        if (first > lines.count())
            return ParseResult<std::vector<IscsiSession>>(std::vector<IscsiSession>{});
        const QString& head = lines.at(first);
        const bool detailed = head.startsWith(QLatin1String("iSCSI Transport Class")) ||
                              head.startsWith(QLatin1String("Target: "));
        std::vector<IscsiSession> sessions =
            detailed ? SessionDetailReader(lines).read() : readSessionList(lines);
        if (detailed && sessions.empty() && lines.count() > 2)
            lines.fail(0, QStringLiteral("'Target:' and 'Current Portal:' lines"));
        return ParseResult<std::vector<IscsiSession>>(std::move(sessions), lines.takeWarnings());
    });
}

ParseResult<std::vector<DiscoveryRecord>> parseIscsiDiscovery(QStringView text) {
    return runParser<std::vector<DiscoveryRecord>>([&] {
        TextLines lines(QStringLiteral("iscsiadm -m discovery"), text);
        std::vector<DiscoveryRecord> records;
        for (int number = 1; number <= lines.count(); ++number) {
            const QString line = lines.at(number).trimmed();
            if (line.isEmpty())
                continue;
            const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.size() != 2)
                lines.fail(number, QStringLiteral("'ADDRESS:PORT,TPGT IQN'"), line);
            records.push_back(DiscoveryRecord{requirePortal(lines, number, parts[0]), parts[1]});
        }
        return ParseResult<std::vector<DiscoveryRecord>>(std::move(records), lines.takeWarnings());
    });
}

ParseResult<InitiatorName> parseInitiatorName(QStringView text) {
    return runParser<InitiatorName>([&] {
        TextLines lines(QStringLiteral("/etc/iscsi/initiatorname.iscsi"), text);
        InitiatorName result;
        for (int number = 1; number <= lines.count(); ++number) {
            const QString line = lines.at(number).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            // iscsid uses the first InitiatorName= line; a later one is reported, not used.
            if (line.startsWith(QLatin1String("InitiatorName=")) && result.name.isEmpty())
                result.name = line.mid(14).trimmed();
            else if (line.startsWith(QLatin1String("InitiatorName=")))
                lines.warn(number,
                           QStringLiteral("a second InitiatorName= line; iscsid uses the first"));
            else if (line.startsWith(QLatin1String("InitiatorAlias=")))
                result.alias = line.mid(15).trimmed();
            else
                lines.warn(number, QStringLiteral("not InitiatorName= or InitiatorAlias="));
        }
        if (result.name.isEmpty())
            lines.fail(0, QStringLiteral("an 'InitiatorName=' line with a name"));
        return ParseResult<InitiatorName>(std::move(result), lines.takeWarnings());
    });
}

ParseResult<std::vector<IscsiNodeRecord>> parseIscsiNodeRecords(QStringView text) {
    return runParser<std::vector<IscsiNodeRecord>>([&] {
        TextLines lines(QStringLiteral("iscsiadm -m node -o show"), text);
        std::vector<IscsiNodeRecord> records;
        std::optional<IscsiNodeRecord> current;
        QString address;
        int port = 0; // 0: not seen yet
        for (int number = 1; number <= lines.count(); ++number) {
            const QString line = lines.at(number).trimmed();
            if (line.isEmpty())
                continue;
            if (line.startsWith(QLatin1String("# BEGIN RECORD"))) {
                if (current)
                    lines.fail(number, QStringLiteral("'# END RECORD' before the next record"),
                               line);
                current = IscsiNodeRecord{};
                address.clear();
                port = 0;
                continue;
            }
            if (line == QLatin1String("# END RECORD")) {
                if (!current || port == 0)
                    lines.fail(number,
                               QStringLiteral("node.name, node.conn[0].address and .port in the "
                                              "record"),
                               line);
                // What iscsiadm shows of a record file that is empty or cut short (a power
                // loss): its built-in defaults, no target, no address. The node probe lists
                // such files by path (iscsi-broken-records); as a record it says nothing.
                if (current->targetIqn.isEmpty() || address.isEmpty()) {
                    lines.warn(number, QStringLiteral("a record of no target or no address (its "
                                                      "file is empty or cut short): left out"));
                    current.reset();
                    continue;
                }
                current->portal.address = address;
                current->portal.port = port;
                records.push_back(*current);
                current.reset();
                continue;
            }
            if (!current)
                lines.fail(number, QStringLiteral("'# BEGIN RECORD'"), line);
            const qsizetype equals = line.indexOf(QLatin1String(" = "));
            if (equals < 0) {
                lines.warn(number, QStringLiteral("not 'key = value'"));
                continue;
            }
            const QString key = line.left(equals);
            const QString value = valueOrEmpty(line.mid(equals + 3).trimmed());
            if (key == QLatin1String("node.name"))
                current->targetIqn = value;
            else if (key == QLatin1String("node.tpgt"))
                current->portal.tpgt = toInt(value);
            else if (key == QLatin1String("node.startup"))
                current->startup = value;
            else if (key == QLatin1String("node.session.timeo.replacement_timeout"))
                current->replacementTimeout = toInt(value);
            else if (key == QLatin1String("node.conn[0].address"))
                address = value;
            else if (key == QLatin1String("node.conn[0].port")) {
                port = toInt(value).value_or(0);
                if (port < 1 || port > 65535)
                    lines.fail(number, QStringLiteral("a port number"), line);
            }
        }
        if (current)
            lines.fail(lines.count(), QStringLiteral("'# END RECORD' at the end"));
        return ParseResult<std::vector<IscsiNodeRecord>>(std::move(records), lines.takeWarnings());
    });
}

} // namespace nr1
