#include "inventory/InventoryText.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

namespace nr1 {

namespace {

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
        addField(out, column, "fence_command", node->fenceCommand);
    }
    addField(out, style.key, "frontend_address", pair.frontEndAddress);
    if (const std::optional<RecordedLayout>& layout = pair.layout;
        layout && *layout != RecordedLayout{}) {
        out << QString(style.key, QLatin1Char(' ')) + QStringLiteral("layout:");
        addField(out, column, "md", layout->md);
        addField(out, column, "primary_element", layout->primaryElement);
        addField(out, column, "secondary_element", layout->secondaryElement);
        addField(out, column, "element_target", layout->elementTarget);
        addField(out, column, "element_backstore", layout->elementBackstore);
        addField(out, column, "volume", layout->volume);
        addField(out, column, "volume_target", layout->volumeTarget);
        addField(out, column, "volume_backstore", layout->volumeBackstore);
        addField(out, column, "volume_serial", layout->volumeSerial);
        if (layout->replacementTimeout)
            addField(out, column, "replacement_timeout",
                     QString::number(*layout->replacementTimeout));
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

} // namespace

LineEdit textWithPairAdded(const QString& text, std::size_t pairCount, const PairFields& pair) {
    QStringList lines = splitLines(text);
    const PairsLayout layout = analysePairs(lines, pairCount);
    const QString lineEnd = lineEndOf(text);
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
        return LineEdit{std::nullopt, layout.why};
    }
    if (insertAt > 0 && endOf(lines.at(insertAt - 1)).isEmpty())
        lines[insertAt - 1] += lineEnd;
    QStringList added;
    for (const QString& line : pairLines(pair, style))
        added << line + lineEnd;
    for (qsizetype offset = 0; offset < added.size(); ++offset)
        lines.insert(insertAt + offset, added.at(offset));
    return LineEdit{lines.join(QString()), QString()};
}

LineEdit textWithPairReplaced(const QString& text, std::size_t pairCount, std::size_t index,
                              const PairFields& pair) {
    QStringList lines = splitLines(text);
    const PairsLayout layout = analysePairs(lines, pairCount);
    if (layout.kind != PairsLayout::Kind::Block)
        return LineEdit{std::nullopt, layout.why};
    if (index >= layout.items.size())
        return LineEdit{std::nullopt, QStringLiteral("there is no pair number %1").arg(index)};
    const auto [first, last] = layout.items.at(index);
    const ItemStyle style = styleOf(lines, layout.items.at(index), layout.sequenceIndent);
    const QString lineEnd = lineEndOf(text);
    lines.remove(first, last - first + 1);
    const QStringList written = pairLines(pair, style);
    for (qsizetype offset = 0; offset < written.size(); ++offset)
        lines.insert(first + offset, written.at(offset) + lineEnd);
    return LineEdit{lines.join(QString()), QString()};
}

LineEdit textWithPairRemoved(const QString& text, std::size_t pairCount, std::size_t index) {
    QStringList lines = splitLines(text);
    const PairsLayout layout = analysePairs(lines, pairCount);
    if (layout.kind != PairsLayout::Kind::Block)
        return LineEdit{std::nullopt, layout.why};
    if (index >= layout.items.size())
        return LineEdit{std::nullopt, QStringLiteral("there is no pair number %1").arg(index)};
    const auto [first, last] = layout.items.at(index);
    lines.remove(first, last - first + 1);
    if (layout.items.size() == 1)
        lines[layout.keyLine] =
            keyLineWith(lines.at(layout.keyLine), layout, QStringLiteral(" []"), lineEndOf(text));
    return LineEdit{lines.join(QString()), QString()};
}

QString textWrittenAnew(const QString& text, const Inventory& inventory) {
    const QString lineEnd = lineEndOf(text);
    QString written;
    for (const QString& line : splitLines(text)) {
        if (isContent(bodyOf(line)))
            break;
        written += bodyOf(line) + lineEnd; // the leading comments and blank lines
    }
    written += QStringLiteral("version: %1").arg(inventory.version) + lineEnd;
    if (!inventory.knownHostsFile.isEmpty())
        written += QStringLiteral("known_hosts: ") + yamlScalar(inventory.knownHostsFile) + lineEnd;
    if (inventory.pairs.empty())
        return written + QStringLiteral("pairs: []") + lineEnd;
    written += QStringLiteral("pairs:") + lineEnd;
    for (const InventoryPair& pair : inventory.pairs)
        for (const QString& line : pairLines(fieldsOf(pair), ItemStyle{}))
            written += line + lineEnd;
    return written;
}

QString pairItemText(const PairFields& pair) {
    return pairLines(pair, ItemStyle{}).join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString pairsListText(const std::vector<PairFields>& pairs) {
    QString yaml = QStringLiteral("pairs:\n");
    for (const PairFields& pair : pairs)
        yaml += pairItemText(pair);
    return yaml;
}

} // namespace nr1
