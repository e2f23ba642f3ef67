#include "probe/ProbeScript.h"

#include "base/NodeScript.h"
#include "probe/AddressParser.h"
#include "probe/DiskLinksParser.h"
#include "probe/IscsiParsers.h"
#include "probe/LsblkParser.h"
#include "probe/LunIdentityParser.h"
#include "probe/LvmReportParser.h"
#include "probe/MdSysfsParser.h"
#include "probe/MdstatParser.h"
#include "probe/SaveconfigParser.h"
#include "probe/SignatureParsers.h"

#include <QMap>

namespace nr1 {

namespace {

const QString kBegin = QStringLiteral("@@nr1 begin ");
const QString kEnd = QStringLiteral("@@nr1 end ");

// The probe and watch scripts (core/scripts/probe.sh, watch.sh) frame each section as
// "@@nr1 begin NAME", the command's stdout, a newline, "@@nr1 end NAME EXIT". The extra newline
// keeps the end marker on its own line when the output lacks a final one.

struct Section {
    QString text;
    int exitCode = 0;
};

/// Splits the framed output into sections by name; a frame without its end is an error.
QMap<QString, Section> splitSections(QStringView output) {
    QMap<QString, Section> sections;
    qsizetype position = 0;
    int lineNumber = 1;
    while (true) {
        const qsizetype begin = output.indexOf(kBegin, position);
        if (begin < 0)
            break;
        lineNumber += int(output.mid(position, begin - position).count(QLatin1Char('\n')));
        const qsizetype nameEnd = output.indexOf(QLatin1Char('\n'), begin);
        if (nameEnd < 0)
            throw ParseFailure{ParseError{QStringLiteral("node probe"), lineNumber,
                                          QStringLiteral("a section name line"),
                                          output.mid(begin, 60).toString()}};
        const QString name =
            output.mid(begin + kBegin.size(), nameEnd - begin - kBegin.size()).toString();
        const QString endMarker = QLatin1Char('\n') + kEnd + name + QLatin1Char(' ');
        const qsizetype end = output.indexOf(endMarker, nameEnd);
        if (end < 0)
            throw ParseFailure{ParseError{QStringLiteral("node probe"), lineNumber,
                                          QStringLiteral("the end of section '%1' (the output "
                                                         "was cut short)")
                                              .arg(name),
                                          QString()}};
        const qsizetype codeStart = end + endMarker.size();
        qsizetype codeEnd = output.indexOf(QLatin1Char('\n'), codeStart);
        if (codeEnd < 0)
            codeEnd = output.size();
        bool numeric = false;
        const int code = output.mid(codeStart, codeEnd - codeStart).toInt(&numeric);
        if (!numeric)
            throw ParseFailure{ParseError{QStringLiteral("node probe"), lineNumber,
                                          QStringLiteral("an exit status after '%1'").arg(name),
                                          output.mid(codeStart, codeEnd - codeStart).toString()}};
        // The script adds one newline before the end marker; the command's own text ends at it.
        QStringView body = output.mid(nameEnd + 1, end - nameEnd - 1);
        sections.insert(name, Section{body.toString(), code});
        lineNumber += int(output.mid(begin, codeEnd - begin).count(QLatin1Char('\n')));
        position = codeEnd;
    }
    return sections;
}

class ProbeReader {
public:
    explicit ProbeReader(QMap<QString, Section> sections)
        : m_sections(std::move(sections)) {}

    /// The section's text when its exit status is one of `accepted`; "" when the status is
    /// one of `meansNothing`; otherwise a ParseFailure naming the section.
    QString text(const QString& name, QList<int> meansNothing = {}) const {
        const auto it = m_sections.find(name);
        if (it == m_sections.end())
            throw ParseFailure{ParseError{QStringLiteral("node probe"), 0,
                                          QStringLiteral("a section '%1'").arg(name), QString()}};
        if (it->exitCode == 0)
            return it->text;
        if (meansNothing.contains(it->exitCode))
            return QString();
        throw ParseFailure{ParseError{QStringLiteral("node probe section '%1'").arg(name), 0,
                                      QStringLiteral("exit status 0"),
                                      QStringLiteral("exit %1").arg(it->exitCode)}};
    }

    /// The section's text whatever its exit status, when that status is one of `accepted`.
    bool has(const QString& name) const { return m_sections.contains(name); }

    QString output(const QString& name, QList<int> accepted) const {
        const auto it = m_sections.find(name);
        if (it != m_sections.end() && accepted.contains(it->exitCode))
            return it->text;
        return text(name);
    }

    template <typename T> T parsed(const QString& name, const ParseResult<T>& result) {
        if (!result.ok()) {
            ParseError error = result.error();
            error.source = QStringLiteral("node probe section '%1': %2").arg(name, error.source);
            throw ParseFailure{error};
        }
        for (ParseWarning warning : result.warnings()) {
            warning.source =
                QStringLiteral("node probe section '%1': %2").arg(name, warning.source);
            m_warnings.push_back(warning);
        }
        return result.value();
    }

    int exitCode(const QString& name) const { return m_sections.value(name).exitCode; }

    QStringList namesStartingWith(const QString& prefix) const {
        QStringList names;
        for (auto it = m_sections.begin(); it != m_sections.end(); ++it)
            if (it.key().startsWith(prefix))
                names << it.key();
        return names;
    }

    ParseWarnings takeWarnings() { return std::move(m_warnings); }

private:
    QMap<QString, Section> m_sections;
    ParseWarnings m_warnings;
};

void mergeLvm(LvmReport& into, const LvmReport& report) {
    into.pvs.insert(into.pvs.end(), report.pvs.begin(), report.pvs.end());
    into.vgs.insert(into.vgs.end(), report.vgs.begin(), report.vgs.end());
    into.lvs.insert(into.lvs.end(), report.lvs.begin(), report.lvs.end());
    into.log.insert(into.log.end(), report.log.begin(), report.log.end());
}

} // namespace

Command nodeProbeCommand(ProbeScope scope) {
    const bool watch = scope == ProbeScope::Watch;
    // No arguments, so no $0 either: `sh -c SCRIPT`.
    Command command = Command::of({QStringLiteral("sh"), QStringLiteral("-c"),
                                   nodeScript(watch ? NodeScript::Watch : NodeScript::Probe)});
    // A watch answers in well under a second; a node that takes longer is shown as not
    // answering rather than holding the monitor back.
    command.timeout = watch ? std::chrono::seconds(10) : std::chrono::seconds(60);
    return command;
}

QString probeSectionText(QStringView output, const QString& name) {
    try {
        return splitSections(output).value(name).text;
    } catch (const ParseFailure&) {
        return QString();
    }
}

NodeState overlayWatchedFacts(NodeState full, const NodeState& watched) {
    full.hostname = watched.hostname;
    full.mdstat = watched.mdstat;
    full.mdSysfs = watched.mdSysfs;
    full.sessions = watched.sessions;
    full.ipv4Addresses = watched.ipv4Addresses;
    return full;
}

namespace {

/// The sections both scopes read.
void readWatchedSections(ProbeReader& reader, NodeState& state, const QList<int>& iscsiNone) {
    state.hostname = reader.text(QStringLiteral("hostname")).trimmed();
    // No /proc/mdstat: md is not loaded, so there are no arrays.
    const QString mdstat = reader.text(QStringLiteral("mdstat"), {1});
    if (!mdstat.isEmpty())
        state.mdstat = reader.parsed(QStringLiteral("mdstat"), parseMdstat(mdstat));
    if (const QString sysfs = reader.text(QStringLiteral("md-sysfs")); !sysfs.trimmed().isEmpty())
        state.mdSysfs = reader.parsed(QStringLiteral("md-sysfs"), parseMdSysfsDump(sysfs));
    state.sessions =
        reader.parsed(QStringLiteral("iscsi-sessions"),
                      parseIscsiSessions(reader.text(QStringLiteral("iscsi-sessions"), iscsiNone)));
    // Captures taken before nr1 read the addresses have no such section; a node without `ip`
    // (127) tells no addresses rather than failing its whole probe.
    if (reader.has(QStringLiteral("addresses")))
        state.ipv4Addresses =
            reader.parsed(QStringLiteral("addresses"),
                          parseIpv4Addresses(reader.text(QStringLiteral("addresses"), {127})));
}

} // namespace

ParseResult<NodeState> parseNodeProbe(QStringView output, ProbeScope scope) {
    return runParser<NodeState>([&] {
        ProbeReader reader(splitSections(output));
        NodeState state;
        if (scope == ProbeScope::Watch) {
            // iscsiadm exits 21 when there is no session; 127: open-iscsi is not installed.
            readWatchedSections(reader, state, {21, 127});
            return ParseResult<NodeState>(std::move(state), reader.takeWarnings());
        }
        state.commands =
            reader.text(QStringLiteral("commands")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // iscsiadm exits 21 when there is no session or node record.
        const QList<int> iscsiNone =
            state.hasCommand(QStringLiteral("iscsiadm")) ? QList<int>{21} : QList<int>{21, 127};
        readWatchedSections(reader, state, iscsiNone);
        // LVM: exit 5 with an empty report means "none found".
        const QList<int> lvmNone =
            state.hasCommand(QStringLiteral("lvm")) ? QList<int>{5} : QList<int>{5, 127};
        for (const QString& name :
             {QStringLiteral("pvs"), QStringLiteral("vgs"), QStringLiteral("lvs")}) {
            const QString text = reader.text(name, lvmNone);
            if (!text.trimmed().isEmpty())
                mergeLvm(state.lvm, reader.parsed(name, parseLvmReport(text)));
        }
        state.blockDevices = reader.parsed(QStringLiteral("lsblk"),
                                           parseLsblk(reader.text(QStringLiteral("lsblk"))));
        // find exits 1 when one of the folders is missing; what it printed is still right.
        const auto links =
            reader.parsed(QStringLiteral("disk-links"),
                          parseDiskLinks(reader.output(QStringLiteral("disk-links"), {0, 1})));
        attachDiskLinks(state.blockDevices, links);
        for (const QString& name : reader.namesStartingWith(QStringLiteral("wipefs "))) {
            const QString path = name.mid(7);
            // A device wipefs cannot open (busy, no permission) is not known to be blank.
            if (const int code = reader.exitCode(name); code != 0) {
                for (BlockDevice& device : state.blockDevices)
                    if (device.path == path)
                        device.signaturesUnreadable = QStringLiteral("wipefs exit %1").arg(code);
                continue;
            }
            const QString text = reader.text(name);
            if (text.trimmed().isEmpty())
                continue;
            const auto signatures = reader.parsed(name, parseWipefsJson(text));
            for (BlockDevice& device : state.blockDevices)
                if (device.path == path)
                    device.signatures = signatures;
        }
        const bool hasLio = state.hasCommand(QStringLiteral("targetcli"));
        const QString live =
            reader.text(QStringLiteral("lio-live"), hasLio ? QList<int>{} : QList<int>{1, 127});
        if (!live.trimmed().isEmpty())
            state.lio = reader.parsed(QStringLiteral("lio-live"), parseSaveconfig(live));
        // python3 reads the saved file (hiding its CHAP passwords); without LIO's tools there
        // may be no python3 to read a leftover one. A file it cannot read (exit 3: empty after
        // a power loss, or not JSON) is a state of the node, not a failed probe: LIO restores
        // nothing from it, and the plans that export from the node save again.
        const QString saved = reader.output(
            QStringLiteral("lio-saved"), hasLio ? QList<int>{0, 1, 3} : QList<int>{0, 1, 3, 127});
        if (reader.exitCode(QStringLiteral("lio-saved")) == 3)
            state.savedLioUnreadable = saved.trimmed();
        else if (reader.exitCode(QStringLiteral("lio-saved")) == 0 && !saved.trimmed().isEmpty())
            state.savedLio = reader.parsed(QStringLiteral("lio-saved"), parseSaveconfig(saved));
        state.iscsiNodes = reader.parsed(
            QStringLiteral("iscsi-nodes"),
            parseIscsiNodeRecords(reader.text(QStringLiteral("iscsi-nodes"), iscsiNone)));
        // Captures taken before nr1 looked for unreadable records have no such section.
        if (reader.has(QStringLiteral("iscsi-broken-records")))
            state.brokenIscsiRecords = reader.text(QStringLiteral("iscsi-broken-records"))
                                           .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QString initiator = reader.text(QStringLiteral("initiator-name"), {1});
        if (!initiator.trimmed().isEmpty())
            state.initiatorName =
                reader.parsed(QStringLiteral("initiator-name"), parseInitiatorName(initiator));
        state.mdadmConf = reader.text(QStringLiteral("mdadm-conf"), {1});
        state.lioRestoreDropins = reader.text(QStringLiteral("lio-restore-dropins"));
        for (const QString& line :
             reader.text(QStringLiteral("units")).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const QString enabled = parts.value(1);
            state.unitStates.insert(parts.value(0),
                                    enabled == QLatin1String("-") ? QString() : enabled);
            // (captures taken before the probe read is-active have two words a line)
            if (parts.size() > 2)
                state.unitActiveStates.insert(parts.value(0), parts.value(2));
        }
        // Captures taken before nr1 recorded LUN identities have no such section.
        if (reader.has(QStringLiteral("lun-identities")))
            state.lunIdentities =
                reader.parsed(QStringLiteral("lun-identities"),
                              parseLunIdentities(reader.text(QStringLiteral("lun-identities"))));
        // "HASH  PATH" lines from sha256sum (two spaces; a path holds no line break). Captures
        // taken before nr1 had a boot gate have no such section.
        const QString gateFiles = reader.has(QStringLiteral("boot-gate-files"))
                                      ? reader.text(QStringLiteral("boot-gate-files"))
                                      : QString();
        for (const QString& line : gateFiles.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const qsizetype gap = line.indexOf(QLatin1String("  "));
            if (gap > 0)
                state.bootGateFiles.insert(line.mid(gap + 2), line.left(gap));
        }
        // "SECONDS PATH" lines from stat. Captures taken before nr1 read them have no section.
        const QString bootFiles = reader.has(QStringLiteral("boot-files"))
                                      ? reader.text(QStringLiteral("boot-files"))
                                      : QString();
        for (const QString& line : bootFiles.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            bool isNumber = false;
            const qint64 seconds = line.section(QLatin1Char(' '), 0, 0).toLongLong(&isNumber);
            if (isNumber)
                state.bootFileTimes.insert(line.section(QLatin1Char(' '), 1), seconds);
        }
        return ParseResult<NodeState>(std::move(state), reader.takeWarnings());
    });
}

} // namespace nr1
