#include "probe/SignatureParsers.h"

#include "base/Numbers.h"
#include "base/TextLines.h"
#include "probe/JsonFields.h"

namespace nr1 {

namespace {

/// blkid -o export prints values through safe_print(), which puts a backslash before
/// ` \"'$`<>` (e.g. "LABEL=my\ label"); DEVNAME is printed as it is.
QString unescapeBlkidValue(QStringView value) {
    QString result;
    result.reserve(value.size());
    for (qsizetype index = 0; index < value.size(); ++index) {
        if (value[index] == QLatin1Char('\\') && index + 1 < value.size())
            ++index;
        result.append(value[index]);
    }
    return result;
}

} // namespace

ParseResult<std::vector<Signature>> parseWipefsJson(QStringView text) {
    return runParser<std::vector<Signature>>([&] {
        const QString source = QStringLiteral("wipefs --json");
        std::vector<Signature> signatures;
        // wipefs of util-linux 2.38 prints an empty list for a blank device; older ones nothing.
        if (text.trimmed().isEmpty())
            return ParseResult<std::vector<Signature>>(std::move(signatures));
        const JsonFields root(source, QString(), parseJsonObject(source, text));
        if (!root.has(QStringLiteral("signatures")))
            root.fail(QStringLiteral("signatures"), QStringLiteral("the list of signatures"));
        for (const JsonFields& row : root.objects(QStringLiteral("signatures"))) {
            Signature signature;
            signature.device = row.string(QStringLiteral("device"));
            signature.type = row.requiredString(QStringLiteral("type"));
            signature.uuid = row.string(QStringLiteral("uuid"));
            signature.label = row.string(QStringLiteral("label"));
            signature.usage = row.string(QStringLiteral("usage"));
            const QString offset = row.requiredString(QStringLiteral("offset"));
            bool ok = false;
            const qint64 value = offset.startsWith(QLatin1String("0x"))
                                     ? offset.mid(2).toLongLong(&ok, 16)
                                     : offset.toLongLong(&ok, 10);
            if (!ok || value < 0)
                row.fail(QStringLiteral("offset"), QStringLiteral("a byte offset like 0x438"));
            signature.offset = value;
            signatures.push_back(signature);
        }
        return ParseResult<std::vector<Signature>>(std::move(signatures));
    });
}

ParseResult<std::vector<Signature>> parseBlkidExport(QStringView text) {
    return runParser<std::vector<Signature>>([&] {
        TextLines lines(QStringLiteral("blkid -o export"), text);
        std::vector<Signature> signatures;
        std::vector<bool> partitionEntry; // per block: has PART_ENTRY_* keys
        bool inBlock = false;
        for (int number = 1; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty()) {
                inBlock = false;
                continue;
            }
            const qsizetype equals = line.indexOf(QLatin1Char('='));
            if (equals <= 0) {
                lines.warn(number, QStringLiteral("not a KEY=value line"));
                continue;
            }
            const QString key = line.left(equals);
            const QString value = key == QLatin1String("DEVNAME")
                                      ? line.mid(equals + 1)
                                      : unescapeBlkidValue(QStringView(line).mid(equals + 1));
            // A block starts after a blank line, or at a second DEVNAME without one.
            if (!inBlock ||
                (key == QLatin1String("DEVNAME") && !signatures.back().device.isEmpty())) {
                signatures.push_back(Signature{});
                partitionEntry.push_back(false);
                inBlock = true;
            }
            Signature& signature = signatures.back();
            if (key.startsWith(QLatin1String("PART_ENTRY_")))
                partitionEntry.back() = true;
            if (key == QLatin1String("DEVNAME"))
                signature.device = value;
            else if (key == QLatin1String("TYPE") || key == QLatin1String("PTTYPE"))
                signature.type = value;
            else if (key == QLatin1String("UUID") ||
                     (key == QLatin1String("PTUUID") && signature.uuid.isEmpty()))
                signature.uuid = value;
            else if (key == QLatin1String("LABEL"))
                signature.label = value;
            else if (key == QLatin1String("USAGE"))
                signature.usage = value;
            else if (key == QLatin1String("SBMAGIC_OFFSET"))
                signature.offset = toInt64(value);
        }
        // `blkid -p` on a partition without contents prints only its PART_ENTRY_* lines: that
        // device has no signature. Any other block without a type is not blkid output.
        std::vector<Signature> found;
        for (std::size_t index = 0; index < signatures.size(); ++index) {
            if (!signatures[index].type.isEmpty())
                found.push_back(signatures[index]);
            else if (!partitionEntry[index])
                lines.fail(0,
                           QStringLiteral("TYPE= or PTTYPE= for %1").arg(signatures[index].device));
        }
        signatures = std::move(found);
        return ParseResult<std::vector<Signature>>(std::move(signatures), lines.takeWarnings());
    });
}

} // namespace nr1
