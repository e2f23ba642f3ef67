#include "inventory/InventoryDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <algorithm>

namespace nr1 {

namespace {

const QString kEmptyInventory =
    QStringLiteral("# nr1 inventory: the Network RAID1 pairs nr1 manages (docs/inventory.md).\n"
                   "# The console's Pair menu adds, edits and removes pairs; comments are kept.\n"
                   "version: 1\n"
                   "pairs: []\n");

// ---- Lines of text

/// The text cut into lines, each with its own line end ("\n", "\r\n", none for a last line
/// without one), so that joining them gives the text back byte for byte.
QStringList splitLines(const QString& text) {
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0) {
            lines << text.mid(start);
            break;
        }
        lines << text.mid(start, end - start + 1);
        start = end + 1;
    }
    return lines;
}

QString bodyOf(const QString& line) {
    QString body = line;
    if (body.endsWith(QLatin1Char('\n')))
        body.chop(1);
    if (body.endsWith(QLatin1Char('\r')))
        body.chop(1);
    return body;
}

QString endOf(const QString& line) {
    return line.mid(bodyOf(line).size());
}

int indentOf(const QString& body) {
    int indent = 0;
    while (indent < body.size() && body.at(indent) == QLatin1Char(' '))
        ++indent;
    return indent;
}

/// Neither blank nor a comment.
bool isContent(const QString& body) {
    const QString trimmed = body.trimmed();
    return !trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('#'));
}

/// The line end the document uses (that of its first line; "\n" when it has none).
QString lineEndOf(const QString& text) {
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    return newline > 0 && text.at(newline - 1) == QLatin1Char('\r') ? QStringLiteral("\r\n")
                                                                    : QStringLiteral("\n");
}

// ---- Writing YAML

/// `value` as a YAML scalar that reads back as exactly this text: plain when that is safe,
/// else double-quoted with escapes.
QString yamlScalar(const QString& value) {
    static const QRegularExpression plain(
        QStringLiteral("^[A-Za-z0-9_./~][A-Za-z0-9_./~@%+=:\\[\\]-]*$"));
    static const QStringList special = {
        QStringLiteral("~"),     QStringLiteral("null"),  QStringLiteral("Null"),
        QStringLiteral("NULL"),  QStringLiteral("true"),  QStringLiteral("True"),
        QStringLiteral("TRUE"),  QStringLiteral("false"), QStringLiteral("False"),
        QStringLiteral("FALSE"), QStringLiteral("yes"),   QStringLiteral("no"),
        QStringLiteral("on"),    QStringLiteral("off")};
    if (plain.match(value).hasMatch() && !special.contains(value) &&
        !value.endsWith(QLatin1Char(':')))
        return value;
    QString quoted = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\') + c;
        else if (c == QLatin1Char('\n'))
            quoted += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            quoted += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            quoted += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            quoted += c;
    }
    return quoted + QLatin1Char('"');
}

/// Where a pair's lines start and how deep its fields are.
struct ItemStyle {
    int dash = 2; ///< the column of "-"
    int key = 4;  ///< the column of "name:"
    int step = 2; ///< a node's fields are this much deeper than "primary:"
};

void addField(QStringList& out, int column, const char* key, const QString& value) {
    if (!value.isEmpty())
        out << QString(column, QLatin1Char(' ')) + QLatin1String(key) + QStringLiteral(": ") +
                   yamlScalar(value);
}

/// A pair as a block list item, without line ends. The name and hosts are always written (an
/// empty one as ""), so the reader names them when they are missing.
QStringList pairLines(const PairFields& pair, const ItemStyle& style) {
    QStringList out;
    out << QString(style.dash, QLatin1Char(' ')) + QLatin1Char('-') +
               QString(std::max(1, style.key - style.dash - 1), QLatin1Char(' ')) +
               QStringLiteral("name: ") + yamlScalar(pair.name);
    const int column = style.key + style.step;
    for (const auto& [role, node] :
         {std::pair{"primary", &pair.primary}, std::pair{"secondary", &pair.secondary}}) {
        out << QString(style.key, QLatin1Char(' ')) + QLatin1String(role) + QLatin1Char(':');
        out << QString(column, QLatin1Char(' ')) + QStringLiteral("host: ") +
                   yamlScalar(node->host);
        addField(out, column, "port", node->port);
        addField(out, column, "user", node->user);
        addField(out, column, "identity", node->identity);
        addField(out, column, "replication_address", node->replicationAddress);
        addField(out, column, "initiator_name", node->initiatorName);
        addField(out, column, "iscsi_port", node->iscsiPort);
    }
    return out;
}

// ---- Where the pairs are in the text

/// How the file writes its pairs, as far as a line edit needs to know.
struct PairsLayout {
    enum class Kind {
        Block,      ///< "pairs:" and a block list of pairs
        EmptyFlow,  ///< "pairs: []"
        Null,       ///< "pairs:" (or ~, null) without items
        Missing,    ///< no "pairs" key at all
        Unsupported ///< something a line edit cannot change safely; `why` says what
    };
    Kind kind = Kind::Unsupported;
    QString why;
    int keyLine = -1;
    QString keyPart; ///< "pairs:" as written, up to the colon
    QString comment; ///< the comment after the value, with the blanks before it
    int sequenceIndent = 2;
    std::vector<std::pair<int, int>> items; ///< each pair's first and last content line
};

PairsLayout unsupported(const QString& why) {
    PairsLayout layout;
    layout.why = why;
    return layout;
}

PairsLayout analysePairs(const QStringList& lines, std::size_t pairCount) {
    static const QRegularExpression documentMarker(
        QStringLiteral("^(---|\\.\\.\\.)([ \\t]+(#.*)?)?$"));
    static const QRegularExpression pairsKey(QStringLiteral("^(pairs[ \\t]*:)([ \\t].*)?$"));
    PairsLayout layout;
    bool seenContent = false;
    for (int index = 0; index < lines.size(); ++index) {
        const QString body = bodyOf(lines.at(index));
        if (body.startsWith(QLatin1String("---")) || body.startsWith(QLatin1String("..."))) {
            if (seenContent || !documentMarker.match(body).hasMatch() ||
                body.startsWith(QLatin1String("...")))
                return unsupported(QStringLiteral("the file holds document markers (--- or ...)"));
            continue;
        }
        if (isContent(body))
            seenContent = true;
        const auto match = pairsKey.match(body);
        if (!match.hasMatch())
            continue;
        if (layout.keyLine >= 0)
            return unsupported(QStringLiteral("'pairs' appears twice"));
        layout.keyLine = index;
        layout.keyPart = match.captured(1);
    }
    if (layout.keyLine < 0) {
        if (pairCount != 0)
            return unsupported(
                QStringLiteral("the pairs are not under a plain 'pairs:' at the start of a line"));
        layout.kind = PairsLayout::Kind::Missing;
        return layout;
    }
    // The value after "pairs:" and its comment.
    const QString rest = bodyOf(lines.at(layout.keyLine)).mid(layout.keyPart.size());
    qsizetype hash = -1;
    for (qsizetype at = 0; at < rest.size(); ++at)
        if (rest.at(at) == QLatin1Char('#') && (at == 0 || rest.at(at - 1) == QLatin1Char(' ') ||
                                                rest.at(at - 1) == QLatin1Char('\t'))) {
            hash = at;
            break;
        }
    QString value = hash < 0 ? rest : rest.left(hash);
    if (hash >= 0) {
        qsizetype blanks = hash;
        while (blanks > 0 && (rest.at(blanks - 1) == QLatin1Char(' ') ||
                              rest.at(blanks - 1) == QLatin1Char('\t')))
            --blanks;
        layout.comment = rest.mid(blanks);
        value = rest.left(blanks);
    }
    value = value.trimmed();
    if (value == QLatin1String("[]")) {
        layout.kind = PairsLayout::Kind::EmptyFlow;
    } else if (value == QLatin1String("~") ||
               value.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0) {
        layout.kind = PairsLayout::Kind::Null;
    } else if (!value.isEmpty()) {
        return unsupported(QStringLiteral("the pairs are written in flow style ([…])"));
    } else {
        int sequenceIndent = -1;
        for (int index = layout.keyLine + 1; index < lines.size(); ++index) {
            const QString body = bodyOf(lines.at(index));
            if (!isContent(body))
                continue;
            const int indent = indentOf(body);
            const bool dash =
                body.mid(indent).startsWith(QLatin1Char('-')) &&
                (body.size() == indent + 1 || body.at(indent + 1) == QLatin1Char(' '));
            if (sequenceIndent < 0) {
                if (!dash)
                    break;
                sequenceIndent = indent;
            }
            if (indent < sequenceIndent || (indent == sequenceIndent && !dash))
                break;
            if (indent == sequenceIndent)
                layout.items.push_back({index, index});
            else
                layout.items.back().second = index;
        }
        if (sequenceIndent >= 0)
            layout.sequenceIndent = sequenceIndent;
        layout.kind = layout.items.empty() ? PairsLayout::Kind::Null : PairsLayout::Kind::Block;
    }
    if (layout.kind == PairsLayout::Kind::Block ? layout.items.size() != pairCount : pairCount != 0)
        return unsupported(QStringLiteral("its pairs list has a shape the editor does not know"));
    return layout;
}

/// The style of an existing pair's lines, so that a pair written in its place looks the same.
ItemStyle styleOf(const QStringList& lines, std::pair<int, int> item, int sequenceIndent) {
    ItemStyle style;
    style.dash = sequenceIndent;
    const QString first = bodyOf(lines.at(item.first));
    const QString afterDash = first.mid(sequenceIndent + 1);
    int key = -1;
    if (isContent(afterDash)) {
        key = sequenceIndent + 1 + indentOf(afterDash);
    } else {
        for (int index = item.first + 1; index <= item.second && key < 0; ++index)
            if (isContent(bodyOf(lines.at(index))))
                key = indentOf(bodyOf(lines.at(index)));
    }
    style.key = key > sequenceIndent ? key : sequenceIndent + 2;
    static const QRegularExpression nodeKey(
        QStringLiteral("^(primary|secondary)[ \\t]*:[ \\t]*(#.*)?$"));
    for (int index = item.first; index <= item.second; ++index) {
        const QString body = bodyOf(lines.at(index));
        if (index != item.first && indentOf(body) != style.key)
            continue;
        if (!nodeKey.match(body.mid(style.key)).hasMatch())
            continue;
        for (int next = index + 1; next <= item.second; ++next) {
            const QString nextBody = bodyOf(lines.at(next));
            if (!isContent(nextBody))
                continue;
            if (indentOf(nextBody) > style.key)
                style.step = indentOf(nextBody) - style.key;
            break;
        }
        break;
    }
    return style;
}

/// "pairs:" with a new value, keeping its comment and line end.
QString keyLineWith(const QString& line, const PairsLayout& layout, const QString& value,
                    const QString& lineEnd) {
    const QString end = endOf(line);
    return layout.keyPart + value + layout.comment + (end.isEmpty() ? lineEnd : end);
}

// ---- Fields, their names and their problems

const char* const kNodeKeys[] = {
    "host", "port", "user", "identity", "replication_address", "initiator_name", "iscsi_port"};

QString* nodeField(NodeFields& node, const QString& key) {
    if (key == QLatin1String("host"))
        return &node.host;
    if (key == QLatin1String("port"))
        return &node.port;
    if (key == QLatin1String("user"))
        return &node.user;
    if (key == QLatin1String("identity"))
        return &node.identity;
    if (key == QLatin1String("replication_address"))
        return &node.replicationAddress;
    if (key == QLatin1String("initiator_name"))
        return &node.initiatorName;
    if (key == QLatin1String("iscsi_port"))
        return &node.iscsiPort;
    return nullptr;
}

/// The text of a field ("name", "primary.port", …) in `pair`, or nullptr for another field.
QString* fieldText(PairFields& pair, const QString& field) {
    if (field == QLatin1String("name"))
        return &pair.name;
    const QString role = field.section(QLatin1Char('.'), 0, 0);
    const QString key = field.section(QLatin1Char('.'), 1);
    if (role == QLatin1String("primary"))
        return nodeField(pair.primary, key);
    if (role == QLatin1String("secondary"))
        return nodeField(pair.secondary, key);
    return nullptr;
}

/// "Primary SSH port" for "primary.port".
QString fieldLabel(const QString& field) {
    if (field == QLatin1String("name"))
        return QStringLiteral("Pair name");
    if (field.isEmpty())
        return QStringLiteral("Pair");
    const QString role = field.section(QLatin1Char('.'), 0, 0) == QLatin1String("primary")
                             ? QStringLiteral("Primary")
                             : QStringLiteral("Secondary");
    const QString key = field.section(QLatin1Char('.'), 1);
    QString what = key;
    if (key == QLatin1String("port"))
        what = QStringLiteral("SSH port");
    else if (key == QLatin1String("identity"))
        what = QStringLiteral("key file");
    else if (key == QLatin1String("replication_address"))
        what = QStringLiteral("replication address");
    else if (key == QLatin1String("initiator_name"))
        what = QStringLiteral("initiator name");
    else if (key == QLatin1String("iscsi_port"))
        what = QStringLiteral("iSCSI port");
    return role + QLatin1Char(' ') + what;
}

/// Fields in the order the editor shows them; the pair as a whole last.
int fieldRank(const QString& field) {
    if (field == QLatin1String("name"))
        return 0;
    const QString key = field.section(QLatin1Char('.'), 1);
    for (int index = 0; index < int(std::size(kNodeKeys)); ++index)
        if (key == QLatin1String(kNodeKeys[index]))
            return 1 + index +
                   (field.startsWith(QLatin1String("secondary.")) ? int(std::size(kNodeKeys)) : 0);
    return 100;
}

/// What a field that the reader refused is replaced with to look for further problems.
QString placeholderFor(const QString& field, int round) {
    if (field == QLatin1String("name"))
        return QStringLiteral("nr1-editor-placeholder-%1").arg(round);
    if (field.endsWith(QLatin1String(".host")))
        return QStringLiteral("placeholder.invalid");
    return QString();
}

NodeFields trimmed(NodeFields node) {
    for (const char* key : kNodeKeys) {
        QString* text = nodeField(node, QLatin1String(key));
        *text = text->trimmed();
    }
    return node;
}

void checkIdentity(const QString& written, const QString& field, const QString& base,
                   std::vector<PairProblem>& problems) {
    if (written.isEmpty())
        return;
    const QString path = resolveInventoryPath(written, base);
    const QFileInfo info(path);
    const QString label = fieldLabel(field);
    auto add = [&](PairProblem::Severity severity, const QString& message) {
        problems.push_back(PairProblem{severity, field, label + QStringLiteral(": ") + message});
    };
    if (!info.exists())
        return add(PairProblem::Severity::Error, QStringLiteral("%1 does not exist").arg(path));
    if (!info.isFile())
        return add(PairProblem::Severity::Error, QStringLiteral("%1 is not a file").arg(path));
    QFile file(path);
    if (!info.isReadable() || !file.open(QIODevice::ReadOnly))
        return add(PairProblem::Severity::Error, QStringLiteral("%1 cannot be read").arg(path));
    const QByteArray start = file.read(64);
    if (start.startsWith("ssh-") || start.startsWith("ecdsa-") || start.startsWith("sk-"))
        return add(
            PairProblem::Severity::Error,
            QStringLiteral("%1 is a public key; name the private key (without .pub)").arg(path));
    const auto open = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                      QFileDevice::WriteOther;
    if (info.permissions() & open)
        add(PairProblem::Severity::Warning,
            QStringLiteral("others may read %1; OpenSSH refuses such keys (chmod 600 %1)")
                .arg(path));
}

} // namespace

NodeFields fieldsOf(const InventoryNode& node) {
    NodeFields fields;
    fields.host = node.host;
    fields.port = node.port ? QString::number(*node.port) : QString();
    fields.user = node.user;
    fields.identity = node.identity;
    fields.replicationAddress = node.replicationAddress;
    fields.initiatorName = node.initiatorName;
    fields.iscsiPort = node.iscsiPort ? QString::number(*node.iscsiPort) : QString();
    return fields;
}

PairFields fieldsOf(const InventoryPair& pair) {
    return PairFields{pair.name, fieldsOf(pair.primary), fieldsOf(pair.secondary)};
}

std::vector<PairProblem> PairCheck::problemsOf(const QString& field) const {
    std::vector<PairProblem> found;
    for (const PairProblem& problem : problems)
        if (problem.field == field)
            found.push_back(problem);
    return found;
}

ParseResult<InventoryDocument> InventoryDocument::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ParseResult<InventoryDocument>(ParseError{
            path, 0, QStringLiteral("a readable file (%1)").arg(file.errorString()), QString()});
    const QByteArray bytes = file.readAll();
    const auto read = fromText(QString::fromUtf8(bytes), path);
    if (!read.ok())
        return read;
    InventoryDocument document = read.value();
    document.m_onDisk = bytes;
    return document;
}

ParseResult<InventoryDocument> InventoryDocument::fromText(const QString& text,
                                                           const QString& path) {
    const auto read =
        parseInventory(text, QFileInfo(path).absolutePath(), path, InventoryPaths::AsWritten);
    if (!read.ok())
        return ParseResult<InventoryDocument>(read.error());
    InventoryDocument document;
    document.m_path = path;
    document.m_text = text;
    document.m_inventory = read.value();
    return document;
}

InventoryDocument InventoryDocument::createEmpty(const QString& path) {
    InventoryDocument document;
    document.m_path = path;
    document.m_text = kEmptyInventory;
    return document; // version 1, no pairs: what kEmptyInventory reads as
}

QString InventoryDocument::baseDirectory() const {
    return QFileInfo(m_path).absolutePath();
}

std::optional<std::size_t> InventoryDocument::pairIndex(const QString& name) const {
    for (std::size_t index = 0; index < m_inventory.pairs.size(); ++index)
        if (m_inventory.pairs[index].name == name)
            return index;
    return std::nullopt;
}

PairCheck InventoryDocument::checkPair(const PairFields& typed,
                                       std::optional<std::size_t> replacing) const {
    PairFields candidate{typed.name.trimmed(), trimmed(typed.primary), trimmed(typed.secondary)};
    std::vector<PairFields> pairs;
    for (const InventoryPair& pair : m_inventory.pairs)
        pairs.push_back(fieldsOf(pair));
    const std::size_t index = replacing && *replacing < pairs.size() ? *replacing : pairs.size();
    if (index == pairs.size())
        pairs.emplace_back();
    const QString prefix = QStringLiteral("pairs[%1].").arg(index);
    PairCheck check;
    QSet<QString> replaced;
    std::optional<InventoryPair> read;
    // The reader stops at the first problem: set the field it refused aside and read again,
    // until the pair reads (at most once per field).
    for (int round = 0;; ++round) {
        pairs[index] = candidate;
        QString yaml = QStringLiteral("pairs:\n");
        for (const PairFields& pair : pairs)
            yaml += pairLines(pair, ItemStyle{}).join(QLatin1Char('\n')) + QLatin1Char('\n');
        InventoryFieldProblem problem;
        const auto result = parseInventory(yaml, baseDirectory(), QStringLiteral("pair"),
                                           InventoryPaths::AsWritten, &problem);
        if (result.ok()) {
            read = result.value().pairs.at(index);
            break;
        }
        const QString field =
            problem.field.startsWith(prefix) ? problem.field.mid(prefix.size()) : QString();
        QString* text = field.isEmpty() ? nullptr : fieldText(candidate, field);
        if (!text || replaced.contains(field)) {
            check.problems.push_back(PairProblem{
                PairProblem::Severity::Error, QString(),
                QStringLiteral("The pair cannot be read: %1").arg(result.error().toString())});
            break;
        }
        QString message;
        if (problem.expected == QLatin1String("to be set"))
            message = QStringLiteral("must be set");
        else if (field == QLatin1String("name") &&
                 problem.expected == QLatin1String("a name no other pair has"))
            message = QStringLiteral("another pair is already called “%1”").arg(*text);
        else
            message =
                QStringLiteral("expected %1, found “%2”").arg(problem.expected, excerpt(*text));
        check.problems.push_back(PairProblem{PairProblem::Severity::Error, field,
                                             fieldLabel(field) + QStringLiteral(": ") + message});
        replaced.insert(field);
        *text = placeholderFor(field, round);
    }
    if (!replaced.contains(QStringLiteral("primary.identity")))
        checkIdentity(candidate.primary.identity, QStringLiteral("primary.identity"),
                      baseDirectory(), check.problems);
    if (!replaced.contains(QStringLiteral("secondary.identity")))
        checkIdentity(candidate.secondary.identity, QStringLiteral("secondary.identity"),
                      baseDirectory(), check.problems);
    if (candidate.secondary.replicationAddress.isEmpty() &&
        !replaced.contains(QStringLiteral("secondary.replication_address")))
        check.problems.push_back(PairProblem{
            PairProblem::Severity::Warning, QStringLiteral("secondary.replication_address"),
            QStringLiteral("Secondary replication address: not set; the Primary imports the "
                           "Secondary's element from it, so the mirror cannot be planned "
                           "without it")});
    std::stable_sort(check.problems.begin(), check.problems.end(),
                     [](const PairProblem& a, const PairProblem& b) {
                         if (a.severity != b.severity)
                             return a.severity == PairProblem::Severity::Error;
                         return fieldRank(a.field) < fieldRank(b.field);
                     });
    const bool errors =
        std::any_of(check.problems.begin(), check.problems.end(), [](const PairProblem& problem) {
            return problem.severity == PairProblem::Severity::Error;
        });
    if (!errors)
        check.pair = read;
    return check;
}

InventoryEdit InventoryDocument::addPair(const InventoryPair& pair) {
    Inventory expected = m_inventory;
    expected.pairs.push_back(pair);
    QStringList lines = splitLines(m_text);
    const PairsLayout layout = analysePairs(lines, m_inventory.pairs.size());
    const QString lineEnd = lineEndOf(m_text);
    ItemStyle style;
    int insertAt = -1;
    switch (layout.kind) {
    case PairsLayout::Kind::Block:
        style = styleOf(lines, layout.items.back(), layout.sequenceIndent);
        insertAt = layout.items.back().second + 1;
        break;
    case PairsLayout::Kind::EmptyFlow:
    case PairsLayout::Kind::Null:
        lines[layout.keyLine] = keyLineWith(lines.at(layout.keyLine), layout, QString(), lineEnd);
        insertAt = layout.keyLine + 1;
        break;
    case PairsLayout::Kind::Missing:
        if (!lines.isEmpty() && endOf(lines.back()).isEmpty())
            lines.back() += lineEnd;
        lines << QStringLiteral("pairs:") + lineEnd;
        insertAt = int(lines.size());
        break;
    case PairsLayout::Kind::Unsupported:
        return commit(expected, std::nullopt, layout.why);
    }
    if (insertAt > 0 && endOf(lines.at(insertAt - 1)).isEmpty())
        lines[insertAt - 1] += lineEnd;
    QStringList added;
    for (const QString& line : pairLines(fieldsOf(pair), style))
        added << line + lineEnd;
    for (qsizetype offset = 0; offset < added.size(); ++offset)
        lines.insert(insertAt + offset, added.at(offset));
    return commit(expected, lines.join(QString()), QString());
}

InventoryEdit InventoryDocument::replacePair(std::size_t index, const InventoryPair& pair) {
    if (index >= m_inventory.pairs.size())
        return InventoryEdit{false, true, QStringLiteral("There is no pair number %1.").arg(index)};
    Inventory expected = m_inventory;
    expected.pairs[index] = pair;
    QStringList lines = splitLines(m_text);
    const PairsLayout layout = analysePairs(lines, m_inventory.pairs.size());
    if (layout.kind != PairsLayout::Kind::Block)
        return commit(expected, std::nullopt, layout.why);
    const auto [first, last] = layout.items.at(index);
    const ItemStyle style = styleOf(lines, layout.items.at(index), layout.sequenceIndent);
    const QString lineEnd = lineEndOf(m_text);
    lines.remove(first, last - first + 1);
    const QStringList written = pairLines(fieldsOf(pair), style);
    for (qsizetype offset = 0; offset < written.size(); ++offset)
        lines.insert(first + offset, written.at(offset) + lineEnd);
    return commit(expected, lines.join(QString()), QString());
}

InventoryEdit InventoryDocument::removePair(std::size_t index) {
    if (index >= m_inventory.pairs.size())
        return InventoryEdit{false, true, QStringLiteral("There is no pair number %1.").arg(index)};
    Inventory expected = m_inventory;
    expected.pairs.erase(expected.pairs.begin() + qsizetype(index));
    QStringList lines = splitLines(m_text);
    const PairsLayout layout = analysePairs(lines, m_inventory.pairs.size());
    if (layout.kind != PairsLayout::Kind::Block)
        return commit(expected, std::nullopt, layout.why);
    const auto [first, last] = layout.items.at(index);
    lines.remove(first, last - first + 1);
    if (expected.pairs.empty())
        lines[layout.keyLine] =
            keyLineWith(lines.at(layout.keyLine), layout, QStringLiteral(" []"), lineEndOf(m_text));
    return commit(expected, lines.join(QString()), QString());
}

InventoryEdit InventoryDocument::commit(const Inventory& expected,
                                        const std::optional<QString>& lineEdited,
                                        const QString& whyNotLineByLine) {
    InventoryEdit edit;
    QString why = whyNotLineByLine;
    if (lineEdited) {
        const QString problem = verify(*lineEdited, expected);
        if (problem.isEmpty()) {
            m_text = *lineEdited;
            m_inventory = expected;
            edit.applied = true;
            return edit;
        }
        why = QStringLiteral("the edited lines did not read back as expected (%1)").arg(problem);
    }
    const QString whole = rewritten(expected);
    const QString problem = verify(whole, expected);
    if (!problem.isEmpty()) {
        edit.message = QStringLiteral("The inventory cannot be written: %1. Nothing was changed.")
                           .arg(problem);
        return edit;
    }
    m_text = whole;
    m_inventory = expected;
    edit.applied = true;
    edit.layoutKept = false;
    edit.message = QStringLiteral("%1 was written anew because %2: its comments (but the leading "
                                  "ones) and its layout are not kept.")
                       .arg(QFileInfo(m_path).fileName(), why);
    return edit;
}

QString InventoryDocument::verify(const QString& text, const Inventory& expected) const {
    const auto read = parseInventory(text, baseDirectory(), m_path, InventoryPaths::AsWritten);
    if (!read.ok())
        return read.error().toString();
    if (!(read.value() == expected))
        return QStringLiteral("it reads as other pairs than the ones meant");
    return QString();
}

QString InventoryDocument::rewritten(const Inventory& inventory) const {
    const QString lineEnd = lineEndOf(m_text);
    QString text;
    for (const QString& line : splitLines(m_text)) {
        if (isContent(bodyOf(line)))
            break;
        text += bodyOf(line) + lineEnd; // the leading comments and blank lines
    }
    text += QStringLiteral("version: %1").arg(inventory.version) + lineEnd;
    if (!inventory.knownHostsFile.isEmpty())
        text += QStringLiteral("known_hosts: ") + yamlScalar(inventory.knownHostsFile) + lineEnd;
    if (inventory.pairs.empty())
        return text + QStringLiteral("pairs: []") + lineEnd;
    text += QStringLiteral("pairs:") + lineEnd;
    for (const InventoryPair& pair : inventory.pairs)
        for (const QString& line : pairLines(fieldsOf(pair), ItemStyle{}))
            text += line + lineEnd;
    return text;
}

bool InventoryDocument::save(QString* whyNot) {
    auto refuse = [&](const QString& why) {
        if (whyNot)
            *whyNot = why;
        return false;
    };
    const QString problem = verify(m_text, m_inventory);
    if (!problem.isEmpty())
        return refuse(QStringLiteral("The new text does not read back as the inventory (%1). "
                                     "Nothing was written.")
                          .arg(problem));
    const bool exists = QFileInfo::exists(m_path);
    // A new inventory never goes over a file that appeared meanwhile (another editor's).
    if (!m_onDisk && exists)
        return refuse(QStringLiteral("%1 was created meanwhile (by another edit?). Nothing was "
                                     "written: open it and repeat the change.")
                          .arg(m_path));
    if (m_onDisk && exists) {
        QFile current(m_path);
        if (!current.open(QIODevice::ReadOnly))
            return refuse(QStringLiteral("Cannot read %1 to check it: %2. Nothing was written.")
                              .arg(m_path, current.errorString()));
        if (current.readAll() != *m_onDisk)
            return refuse(QStringLiteral("%1 changed on disk since it was read (edited by hand?). "
                                         "Nothing was written: open it again and repeat the "
                                         "change.")
                              .arg(m_path));
    }
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return refuse(
            QStringLiteral("Cannot create the folder %1. Nothing was written.").arg(folder));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return refuse(QStringLiteral("Cannot write %1: %2. Nothing was written.")
                          .arg(m_path, file.errorString()));
    const QByteArray bytes = m_text.toUtf8();
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return refuse(QStringLiteral("Cannot write %1: %2. Nothing was written.")
                          .arg(m_path, file.errorString()));
    }
    if (exists) {
        const QString backup = m_path + QLatin1Char('~');
        if ((QFileInfo::exists(backup) && !QFile::remove(backup)) || !QFile::copy(m_path, backup)) {
            file.cancelWriting();
            return refuse(QStringLiteral("Cannot keep the previous version as %1. Nothing was "
                                         "written.")
                              .arg(backup));
        }
    }
    if (!file.commit())
        return refuse(QStringLiteral("Cannot write %1: %2. The file is as it was.")
                          .arg(m_path, file.errorString()));
    m_onDisk = bytes;
    return true;
}

} // namespace nr1
