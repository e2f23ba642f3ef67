#include "probe/MdstatParser.h"

#include "base/Numbers.h"
#include "base/TextLines.h"

#include <QRegularExpression>

namespace nr1 {

namespace {

const QString kSource = QStringLiteral("/proc/mdstat");

bool isIndented(const QString& line) {
    return !line.isEmpty() && line.front().isSpace();
}

bool isBlank(const QString& line) {
    return line.trimmed().isEmpty();
}

/// Undoes the kernel's seq_file_path() escaping of the bitmap file path: space, tab, newline
/// (and, in newer kernels, backslash) are printed as a backslash and three octal digits.
QString unescapePath(const QString& path) {
    QString result;
    result.reserve(path.size());
    for (qsizetype at = 0; at < path.size(); ++at) {
        if (path.at(at) == QLatin1Char('\\') && at + 3 < path.size()) {
            const QStringView digits = QStringView(path).mid(at + 1, 3);
            static const QStringList escaped = {QStringLiteral("040"), QStringLiteral("011"),
                                                QStringLiteral("012"), QStringLiteral("134")};
            if (escaped.contains(digits)) {
                result.append(QChar(digits.toUShort(nullptr, 8)));
                at += 3;
                continue;
            }
        }
        result.append(path.at(at));
    }
    return result;
}

class MdstatReader {
public:
    explicit MdstatReader(QStringView text)
        : m_lines(kSource, text) {}

    ParseResult<Mdstat> read() {
        if (m_lines.count() == 0)
            m_lines.fail(0, QStringLiteral("'Personalities :' line"), QString());
        readPersonalities(1);
        bool sawUnused = false;
        int number = 2;
        while (number <= m_lines.count()) {
            const QString& line = m_lines.at(number);
            if (isBlank(line)) {
                ++number;
            } else if (line.startsWith(QLatin1String("unused devices:"))) {
                if (sawUnused)
                    m_lines.fail(number, QStringLiteral("one 'unused devices:' line"), line);
                readUnused(number);
                sawUnused = true;
                ++number;
            } else if (!isIndented(line) && line.contains(QLatin1String(" : "))) {
                if (sawUnused)
                    m_lines.warn(number, QStringLiteral("array after 'unused devices:'"));
                number = readArray(number);
            } else {
                m_lines.warn(number,
                             QStringLiteral("not an array, member or 'unused devices' line"));
                ++number;
            }
        }
        if (!sawUnused)
            m_lines.fail(m_lines.count(),
                         QStringLiteral("'unused devices:' as the last line (output cut short?)"),
                         m_lines.at(m_lines.count()));
        return ParseResult<Mdstat>(std::move(m_mdstat), m_lines.takeWarnings());
    }

private:
    void readPersonalities(int number) {
        const QString& line = m_lines.at(number);
        static const QString prefix = QStringLiteral("Personalities :");
        if (!line.startsWith(prefix))
            m_lines.fail(number, QStringLiteral("'Personalities :' line"), line);
        const QStringList tokens =
            line.mid(prefix.size()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& token : tokens) {
            if (token.size() < 3 || !token.startsWith(QLatin1Char('[')) ||
                !token.endsWith(QLatin1Char(']')))
                m_lines.fail(number, QStringLiteral("personalities as [name]"), token);
            m_mdstat.personalities.append(token.mid(1, token.size() - 2));
        }
    }

    void readUnused(int number) {
        const QString rest =
            m_lines.at(number).mid(QStringLiteral("unused devices:").size()).trimmed();
        if (rest == QLatin1String("<none>"))
            return;
        m_mdstat.unusedDevices = rest.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }

    /// Reads the header at `number` and the indented lines under it; returns the next line.
    int readArray(int number) {
        MdstatArray array;
        readHeader(number, array);
        int next = number + 1;
        bool sawBlocks = false;
        while (next <= m_lines.count() &&
               (isIndented(m_lines.at(next)) || m_lines.at(next).isEmpty())) {
            const QString& line = m_lines.at(next);
            if (isBlank(line)) {
                ++next;
                if (line.isEmpty())
                    break; // the empty line after a bitmap line ends the block
                continue;
            }
            if (!sawBlocks && readBlocksLine(next, array)) {
                sawBlocks = true;
            } else if (!readProgressLine(next, array) && !readWaitLine(next, array) &&
                       !readBitmapLine(next, array)) {
                m_lines.warn(next,
                             QStringLiteral("unknown line in the block of %1").arg(array.name));
            }
            ++next;
        }
        m_mdstat.arrays.push_back(std::move(array));
        return next;
    }

    void readHeader(int number, MdstatArray& array) {
        const QString& line = m_lines.at(number);
        static const QRegularExpression header(
            QStringLiteral("^(\\S+) : (active|inactive)(?: (.*))?$"));
        const auto match = header.match(line);
        if (!match.hasMatch())
            m_lines.fail(number, QStringLiteral("'mdX : active|inactive …' array line"), line);
        array.name = match.captured(1);
        array.active = match.captured(2) == QLatin1String("active");
        QStringList tokens = match.captured(3).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        // An array without member devices gets no blocks line: the kernel appends " super X"
        // to this line instead.
        if (tokens.size() >= 2 && tokens.at(tokens.size() - 2) == QLatin1String("super")) {
            array.superblock = tokens.takeLast();
            tokens.removeLast();
        }
        int index = 0;
        if (array.active && index < tokens.size()) {
            if (tokens[index] == QLatin1String("(read-only)")) {
                array.readOnly = MdReadOnly::ReadOnly;
                ++index;
            } else if (tokens[index] == QLatin1String("(auto-read-only)")) {
                array.readOnly = MdReadOnly::AutoReadOnly;
                ++index;
            }
        }
        static const QRegularExpression member(
            QStringLiteral("^(.+)\\[(\\d+)\\]((?:\\([A-Z]\\))*)$"));
        if (index < tokens.size() && !member.match(tokens[index]).hasMatch())
            array.level = tokens[index++];
        else if (array.active)
            m_lines.fail(number, QStringLiteral("the personality after 'active'"), line);
        for (; index < tokens.size(); ++index) {
            const auto m = member.match(tokens[index]);
            if (!m.hasMatch())
                m_lines.fail(number, QStringLiteral("members as name[slot](flags)"), tokens[index]);
            MdstatMember item;
            item.device = m.captured(1);
            const auto slot = toInt(m.captured(2));
            if (!slot)
                m_lines.fail(number, QStringLiteral("a member slot number"), tokens[index]);
            item.slot = *slot;
            const QString flags = m.captured(3);
            for (qsizetype at = 1; at < flags.size(); at += 3) {
                switch (flags.at(at).unicode()) {
                case 'W':
                    item.writeMostly = true;
                    break;
                case 'J':
                    item.journal = true;
                    break;
                case 'F':
                    item.faulty = true;
                    break;
                case 'S':
                    item.spare = true;
                    break;
                case 'R':
                    item.replacement = true;
                    break;
                default:
                    m_lines.warn(number, QStringLiteral("unknown member flag (%1) on %2")
                                             .arg(flags.at(at))
                                             .arg(item.device));
                }
            }
            array.members.push_back(item);
        }
    }

    bool readBlocksLine(int number, MdstatArray& array) {
        static const QRegularExpression blocks(
            QStringLiteral("^\\s+(\\d+) blocks(?: super (\\S+))?(.*?)\\s*$"));
        const auto match = blocks.match(m_lines.at(number));
        if (!match.hasMatch())
            return false;
        array.blocksKiB = toInt64(match.captured(1));
        if (!array.blocksKiB)
            m_lines.fail(number, QStringLiteral("a block count"), m_lines.at(number));
        // The kernel prints no "super" for persistent 0.90 metadata.
        array.superblock = match.capturedLength(2) > 0 ? match.captured(2) : QStringLiteral("0.90");
        QString status = match.captured(3).trimmed();
        static const QRegularExpression disks(QStringLiteral("\\[(\\d+)/(\\d+)\\] \\[([U_]*)\\]$"));
        if (const auto d = disks.match(status); d.hasMatch()) {
            array.raidDisks = toInt(d.captured(1));
            array.workingDisks = toInt(d.captured(2));
            array.pattern = d.captured(3);
            if (!array.raidDisks || !array.workingDisks || array.pattern.size() != *array.raidDisks)
                m_lines.fail(number, QStringLiteral("[n/m] and a [U_] pattern of n characters"),
                             d.captured(0));
            // The kernel prints [n/m] from its degraded counter and the pattern from member
            // flags; while a member is being failed the two can briefly disagree. Report it.
            if (*array.workingDisks != array.pattern.count(QLatin1Char('U')))
                m_lines.warn(number,
                             QStringLiteral("working count and U pattern disagree (a member "
                                            "is changing state?)"));
            status.chop(d.capturedLength(0));
        } else if (status.contains(QLatin1Char('['))) {
            m_lines.fail(number, QStringLiteral("[n/m] [U_] disk status"), status);
        }
        array.layout = status.trimmed();
        return true;
    }

    bool readProgressLine(int number, MdstatArray& array) {
        const QString& line = m_lines.at(number);
        static const QRegularExpression label(
            QStringLiteral("\\b(resync|recovery|reshape|check) ="));
        const auto labelMatch = label.match(line);
        if (!labelMatch.hasMatch())
            return false;
        static const QRegularExpression progress(QStringLiteral(
            "^\\s*\\[[=>.]*\\]\\s+(resync|recovery|reshape|check) =\\s*(\\d+)\\.(\\d)%\\s+"
            "\\((\\d+)/(\\d+)\\)\\s+finish=(\\d+)\\.(\\d)min\\s+speed=(\\d+)K/sec\\s*$"));
        const auto m = progress.match(line);
        if (!m.hasMatch())
            m_lines.fail(number,
                         QStringLiteral("'[==>…]  %1 = P.p% (done/total) finish=M.mmin "
                                        "speed=NK/sec'")
                             .arg(labelMatch.captured(1)),
                         line);
        MdSyncProgress sync;
        const QString kind = m.captured(1);
        sync.kind = kind == QLatin1String("resync")     ? MdSyncKind::Resync
                    : kind == QLatin1String("recovery") ? MdSyncKind::Recovery
                    : kind == QLatin1String("reshape")  ? MdSyncKind::Reshape
                                                        : MdSyncKind::Check;
        const auto whole = toInt(m.captured(2)), tenth = toInt(m.captured(3));
        const auto done = toInt64(m.captured(4)), total = toInt64(m.captured(5));
        const auto finishWhole = toInt64(m.captured(6));
        const auto finishTenth = toInt(m.captured(7));
        const auto speed = toInt64(m.captured(8));
        if (!whole || !tenth || !done || !total || !finishWhole || !finishTenth || !speed)
            m_lines.fail(number, QStringLiteral("numbers that fit"), line);
        sync.percent = *whole + *tenth / 10.0;
        sync.doneKiB = *done;
        sync.totalKiB = *total;
        sync.finishMinutes = double(*finishWhole) + *finishTenth / 10.0;
        sync.speedKiBps = *speed;
        if (array.sync || array.syncWait != MdSyncWait::None)
            m_lines.fail(number, QStringLiteral("one progress line per array"), line);
        array.sync = sync;
        return true;
    }

    bool readWaitLine(int number, MdstatArray& array) {
        static const QRegularExpression wait(
            QStringLiteral("^\\s*(resync|recover|reshape)=(DELAYED|PENDING|REMOTE)\\s*$"));
        const auto m = wait.match(m_lines.at(number));
        if (!m.hasMatch())
            return false;
        if (array.sync || array.syncWait != MdSyncWait::None)
            m_lines.fail(number, QStringLiteral("one progress line per array"), m_lines.at(number));
        const QString state = m.captured(2);
        array.syncWait = state == QLatin1String("DELAYED")   ? MdSyncWait::Delayed
                         : state == QLatin1String("PENDING") ? MdSyncWait::Pending
                                                             : MdSyncWait::Remote;
        array.syncWaitAction = m.captured(1);
        return true;
    }

    bool readBitmapLine(int number, MdstatArray& array) {
        const QString& line = m_lines.at(number);
        if (!line.trimmed().startsWith(QLatin1String("bitmap:")))
            return false;
        static const QRegularExpression bitmap(
            QStringLiteral("^\\s*bitmap: (\\d+)/(\\d+) pages \\[(\\d+)KB\\], (\\d+)(KB|B) "
                           "chunk(?:, file: (\\S+))?\\s*$"));
        const auto m = bitmap.match(line);
        if (!m.hasMatch())
            m_lines.fail(
                number, QStringLiteral("'bitmap: u/t pages [nKB], cKB chunk[, file: path]'"), line);
        MdBitmap value;
        const auto used = toInt64(m.captured(1)), total = toInt64(m.captured(2));
        const auto size = toInt64(m.captured(3)), chunk = toInt64(m.captured(4));
        if (!used || !total || !size || !chunk || *chunk > (qint64(1) << 40))
            m_lines.fail(number, QStringLiteral("bitmap numbers that fit"), line);
        value.pagesUsed = *used;
        value.pagesTotal = *total;
        value.sizeKiB = *size;
        value.chunkBytes = m.captured(5) == QLatin1String("KB") ? *chunk * 1024 : *chunk;
        value.file = unescapePath(m.captured(6));
        if (array.bitmap)
            m_lines.fail(number, QStringLiteral("one bitmap line per array"), line);
        array.bitmap = value;
        return true;
    }

    TextLines m_lines;
    Mdstat m_mdstat;
};

} // namespace

ParseResult<Mdstat> parseMdstat(QStringView text) {
    return runParser<Mdstat>([&] { return MdstatReader(text).read(); });
}

QString mdSyncKindName(MdSyncKind kind) {
    switch (kind) {
    case MdSyncKind::Resync:
        return QStringLiteral("resync");
    case MdSyncKind::Recovery:
        return QStringLiteral("recovery");
    case MdSyncKind::Reshape:
        return QStringLiteral("reshape");
    case MdSyncKind::Check:
        return QStringLiteral("check");
    }
    return {};
}

} // namespace nr1
