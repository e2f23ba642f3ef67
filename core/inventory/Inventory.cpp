#include "inventory/Inventory.h"

#include "base/BoundedRead.h"
#include "base/Names.h"
#include "base/Numbers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace nr1 {

namespace {

/// A reader's failure with the field it is about (caught as a ParseFailure by runParser).
struct FieldFailure : ParseFailure {
    InventoryFieldProblem problem;
};

/// An IPv6 address in its text forms (groups of up to 4 hex digits, at most one "::", an
/// optional %zone).
bool isIpv6Address(const QString& text) {
    const QString address = text.section(QLatin1Char('%'), 0, 0);
    static const QRegularExpression zone = exactPattern(QStringLiteral("[A-Za-z0-9_.-]+"));
    if (text.contains(QLatin1Char('%')) &&
        (text.count(QLatin1Char('%')) > 1 ||
         !zone.match(text.section(QLatin1Char('%'), 1)).hasMatch()))
        return false;
    if (address.count(QLatin1String("::")) > 1 || address.count(QLatin1Char(':')) < 2)
        return false;
    static const QRegularExpression group = exactPattern(QStringLiteral("[0-9A-Fa-f]{1,4}"));
    const bool compressed = address.contains(QLatin1String("::"));
    int groups = 0;
    for (const QString& part : address.split(QLatin1String("::"))) {
        if (part.isEmpty())
            continue;
        for (const QString& piece : part.split(QLatin1Char(':'))) {
            if (!group.match(piece).hasMatch())
                return false;
            ++groups;
        }
    }
    return compressed ? groups < 8 : groups == 8;
}

class InventoryReader {
public:
    InventoryReader(QString source, QString baseDirectory, InventoryPaths paths)
        : m_source(std::move(source))
        , m_base(std::move(baseDirectory))
        , m_paths(paths) {}

    Inventory read(const QString& yaml) {
        if (yaml.size() > kLargestInventory)
            throw ParseFailure{ParseError{
                m_source, 0,
                QStringLiteral("an inventory of at most %1").arg(capInWords(kLargestInventory)),
                QString()}};
        YAML::Node root;
        const std::string utf8 = yaml.toStdString();
        try {
            root = YAML::Load(utf8);
        } catch (const YAML::ParserException& error) {
            throw ParseFailure{
                ParseError{m_source, error.mark.line + 1,
                           QStringLiteral("valid YAML (%1)").arg(QString::fromStdString(error.msg)),
                           QString()}};
        }
        refuseSecondDocument(utf8, yaml);
        qsizetype budget = 4 * yaml.size() + 64;
        refuseDuplicateKeys(root, QStringLiteral("document"), budget);
        if (!root.IsMap())
            fail(root, QStringLiteral("document"),
                 QStringLiteral("a mapping with 'version' and 'pairs'"));
        Inventory inventory;
        checkKeys(root, QStringLiteral("document"), {"version", "known_hosts", "pairs"});
        if (root["version"]) {
            const auto version = integer(root["version"], QStringLiteral("version"));
            if (version != 1)
                fail(root["version"], QStringLiteral("version"),
                     QStringLiteral("version 1 (the only one nr1 knows)"));
            inventory.version = int(version);
        }
        if (root["known_hosts"])
            inventory.knownHostsFile = path(root["known_hosts"], QStringLiteral("known_hosts"));
        const YAML::Node pairs = root["pairs"];
        if (!pairs || pairs.IsNull())
            return inventory;
        if (!pairs.IsSequence())
            fail(pairs, QStringLiteral("pairs"), QStringLiteral("a list of pairs"));
        for (std::size_t index = 0; index < pairs.size(); ++index) {
            const QString field = QStringLiteral("pairs[%1]").arg(index);
            const YAML::Node pair = pairs[index];
            if (!pair.IsMap())
                fail(pair, field, QStringLiteral("a pair with name, primary and secondary"));
            checkKeys(pair, field, {"name", "primary", "secondary", "frontend_address", "layout"});
            InventoryPair value;
            value.name = required(pair, "name", field + QStringLiteral(".name"));
            static const QRegularExpression namePattern =
                exactPattern(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.-]*"));
            if (!namePattern.match(value.name).hasMatch())
                fail(pair["name"], field + QStringLiteral(".name"),
                     QStringLiteral("a name of letters, digits, '_', '.', '-'"));
            if (inventory.findPair(value.name))
                fail(pair["name"], field + QStringLiteral(".name"),
                     QStringLiteral("a name no other pair has"));
            value.primary = node(pair["primary"], field + QStringLiteral(".primary"));
            value.secondary = node(pair["secondary"], field + QStringLiteral(".secondary"));
            value.frontEndAddress = frontEndAddress(pair["frontend_address"], value,
                                                    field + QStringLiteral(".frontend_address"));
            if (pair["layout"] && !pair["layout"].IsNull())
                // A layout without any name is no layout (the writer leaves it out).
                if (RecordedLayout read = layout(pair["layout"], field + QStringLiteral(".layout"));
                    read != RecordedLayout{})
                    value.layout = read;
            inventory.pairs.push_back(value);
        }
        return inventory;
    }

private:
    /// YAML::Load reads the first document and ignores the rest: a second one would be
    /// silently lost. (Not YAML::LoadAll: yaml-cpp 0.7 loops for ever on a stray ',' there.)
    void refuseSecondDocument(const std::string& utf8, const QString& yaml) const {
        struct Ignore : YAML::EventHandler {
            void OnDocumentStart(const YAML::Mark&) override {}
            void OnDocumentEnd() override {}
            void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
            void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
            void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                          const std::string&) override {}
            void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                                 YAML::EmitterStyle::value) override {}
            void OnSequenceEnd() override {}
            void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                            YAML::EmitterStyle::value) override {}
            void OnMapEnd() override {}
        } ignore;
        std::istringstream stream(utf8);
        YAML::Parser parser(stream);
        bool second = false;
        try {
            // At most two calls: the second tells whether anything follows the first.
            second = parser.HandleNextDocument(ignore) && parser.HandleNextDocument(ignore);
        } catch (const YAML::ParserException& error) {
            throw ParseFailure{ParseError{
                m_source, error.mark.line + 1,
                QStringLiteral("one YAML document (%1)").arg(QString::fromStdString(error.msg)),
                QString()}};
        }
        if (second)
            throw ParseFailure{
                ParseError{m_source, secondDocumentLine(yaml),
                           QStringLiteral("one YAML document (a second '---' starts another "
                                          "one, which nr1 would not read)"),
                           QString()}};
    }

    /// Where the second document starts: the '---' that opens it (a '---' before any content
    /// opens the first one); 0 when there is no such line.
    static int secondDocumentLine(const QString& yaml) {
        const QStringList lines = yaml.split(QLatin1Char('\n'));
        bool content = false;
        for (int index = 0; index < lines.size(); ++index) {
            const QString& line = lines.at(index);
            if (line.startsWith(QLatin1String("---")) &&
                (line.size() == 3 || line.at(3).isSpace())) {
                if (content)
                    return index + 1;
                content = true;
            } else if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1Char('#')) &&
                       !line.startsWith(QLatin1Char('%'))) {
                content = true;
            }
        }
        return 0;
    }

    /// yaml-cpp keeps a key given twice and answers lookups with the first: a second
    /// "host:" would be read by no one. Walks every mapping and refuses repeats, at the
    /// repeat's line.
    /// `budget` bounds the walk: an alias is walked again at every use, so nested aliases
    /// ("billion laughs") would make it exponential; no inventory needs more nodes than
    /// a few per character.
    void refuseDuplicateKeys(const YAML::Node& node, const QString& field,
                             qsizetype& budget) const {
        if (--budget < 0)
            throw ParseFailure{ParseError{
                m_source, node.Mark().line + 1,
                QStringLiteral("an inventory without aliases repeated that often"), QString()}};
        if (node.IsSequence()) {
            for (std::size_t index = 0; index < node.size(); ++index)
                refuseDuplicateKeys(node[index], QStringLiteral("%1[%2]").arg(field).arg(index),
                                    budget);
            return;
        }
        if (!node.IsMap())
            return;
        std::vector<std::string> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
            const QString child = field == QLatin1String("document")
                                      ? QString::fromStdString(key)
                                      : field + QLatin1Char('.') + QString::fromStdString(key);
            if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
                FieldFailure failure;
                failure.error = ParseError{
                    m_source, it->first.Mark().line + 1,
                    QStringLiteral("'%1' once (the key is given twice in one mapping)").arg(child),
                    excerpt(QString::fromStdString(key))};
                failure.problem = InventoryFieldProblem{child, QStringLiteral("to be given once")};
                throw failure;
            }
            seen.push_back(key);
            refuseDuplicateKeys(it->second, child, budget);
        }
    }

    [[noreturn]] void fail(const YAML::Node& node, const QString& field,
                           const QString& expected) const {
        const int line = node.IsDefined() ? node.Mark().line + 1 : 0;
        QString found;
        if (node.IsDefined() && node.IsScalar())
            found = excerpt(QString::fromStdString(node.Scalar()));
        FieldFailure failure;
        failure.error =
            ParseError{m_source, line, QStringLiteral("'%1' as %2").arg(field, expected), found};
        failure.problem = InventoryFieldProblem{field, expected};
        throw failure;
    }

    /// The text of a field that must be set; a missing one is reported at its map's line.
    QString required(const YAML::Node& map, const char* key, const QString& field) const {
        const YAML::Node node = map[key];
        if (!node || node.IsNull() || (node.IsScalar() && node.Scalar().empty())) {
            FieldFailure failure;
            failure.error =
                ParseError{m_source, node.IsDefined() ? node.Mark().line + 1 : map.Mark().line + 1,
                           QStringLiteral("'%1' to be set").arg(field), QString()};
            failure.problem = InventoryFieldProblem{field, QStringLiteral("to be set")};
            throw failure;
        }
        return text(node, field);
    }

    void checkKeys(const YAML::Node& map, const QString& field,
                   std::initializer_list<const char*> known) const {
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string key = it->first.as<std::string>("");
            if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
                QStringList names;
                for (const char* k : known)
                    names << QLatin1String(k);
                fail(it->first, field + QLatin1Char('.') + QString::fromStdString(key),
                     QStringLiteral("one of the known fields (%1)")
                         .arg(names.join(QStringLiteral(", "))));
            }
        }
    }

    QString text(const YAML::Node& node, const QString& field) const {
        if (!node || node.IsNull())
            return {};
        if (!node.IsScalar())
            fail(node, field, QStringLiteral("text"));
        return QString::fromStdString(node.Scalar());
    }

    qint64 integer(const YAML::Node& node, const QString& field) const {
        if (!node.IsScalar())
            fail(node, field, QStringLiteral("a whole number"));
        const std::optional<qint64> value = toInt64(QString::fromStdString(node.Scalar()));
        if (!value)
            fail(node, field, QStringLiteral("a whole number"));
        return *value;
    }

    std::optional<int> port(const YAML::Node& node, const QString& field) const {
        if (!node || node.IsNull())
            return std::nullopt;
        const qint64 value = integer(node, field);
        if (value < 1 || value > 65535)
            fail(node, field, QStringLiteral("a port from 1 to 65535"));
        return int(value);
    }

    QString path(const YAML::Node& node, const QString& field) const {
        const QString value = text(node, field);
        if (m_paths == InventoryPaths::AsWritten)
            return value;
        return resolveInventoryPath(value, m_base);
    }

    InventoryNode node(const YAML::Node& map, const QString& field) const {
        if (!map || !map.IsMap())
            fail(map, field, QStringLiteral("a node with at least 'host'"));
        checkKeys(map, field,
                  {"host", "port", "user", "identity", "replication_address", "initiator_name",
                   "iscsi_port", "fence_command"});
        InventoryNode value;
        value.host = required(map, "host", field + QStringLiteral(".host"));
        static const QRegularExpression hostPattern =
            exactPattern(QStringLiteral("[A-Za-z0-9_.:%\\[\\]-]+"));
        if (!hostPattern.match(value.host).hasMatch())
            fail(map["host"], field + QStringLiteral(".host"),
                 QStringLiteral("a host name or address"));
        value.port = port(map["port"], field + QStringLiteral(".port"));
        value.user = text(map["user"], field + QStringLiteral(".user"));
        static const QRegularExpression userPattern =
            exactPattern(QStringLiteral("[a-z_][a-z0-9_.-]*\\$?"));
        if (!value.user.isEmpty() && !userPattern.match(value.user).hasMatch())
            fail(map["user"], field + QStringLiteral(".user"), QStringLiteral("a login name"));
        value.identity = path(map["identity"], field + QStringLiteral(".identity"));
        value.replicationAddress =
            text(map["replication_address"], field + QStringLiteral(".replication_address"));
        if (!value.replicationAddress.isEmpty() && !isIpv4Address(value.replicationAddress) &&
            !isIpv6Address(value.replicationAddress))
            fail(map["replication_address"], field + QStringLiteral(".replication_address"),
                 QStringLiteral("an IPv4 or IPv6 address (LIO offers the element there)"));
        value.initiatorName =
            text(map["initiator_name"], field + QStringLiteral(".initiator_name"));
        // The planners' check: the name goes into LIO ACLs and initiatorname.iscsi on a node.
        if (!value.initiatorName.isEmpty() &&
            !checkIqn(value.initiatorName, QStringLiteral("initiator name")).isEmpty())
            fail(map["initiator_name"], field + QStringLiteral(".initiator_name"),
                 QStringLiteral("an iSCSI name like iqn.2024-01.com.example:node (%1)")
                     .arg(checkIqn(value.initiatorName, QStringLiteral("initiator name"))));
        value.iscsiPort = port(map["iscsi_port"], field + QStringLiteral(".iscsi_port"));
        value.fenceCommand = text(map["fence_command"], field + QStringLiteral(".fence_command"));
        return value;
    }

    /// An IPv4 address with its prefix length, not a node's replication address.
    QString frontEndAddress(const YAML::Node& node, const InventoryPair& pair,
                            const QString& field) const {
        const QString value = text(node, field);
        if (value.isEmpty())
            return value;
        const QString address = value.section(QLatin1Char('/'), 0, 0);
        bool numeric = false;
        const int prefix = value.section(QLatin1Char('/'), 1).toInt(&numeric);
        if (value.count(QLatin1Char('/')) != 1 || !isIpv4Address(address) || !numeric ||
            prefix < 1 || prefix > 32 || address == QLatin1String("0.0.0.0"))
            fail(node, field,
                 QStringLiteral("an IPv4 address with its prefix length, like 192.0.2.10/24 "
                                "(the floating address initiators log in to)"));
        if (address == pair.primary.replicationAddress ||
            address == pair.secondary.replicationAddress)
            fail(node, field,
                 QStringLiteral("an address of its own, not a node's replication address"));
        return value;
    }

    RecordedLayout layout(const YAML::Node& map, const QString& field) const {
        if (!map.IsMap())
            fail(map, field, QStringLiteral("a mapping of the pair's names"));
        checkKeys(map, field,
                  {"md", "primary_element", "secondary_element", "element_target",
                   "element_backstore", "volume", "volume_target", "volume_backstore",
                   "volume_serial", "replacement_timeout"});
        // Names only (the planner checks each for its layer): no blanks, no line ends.
        static const QRegularExpression namePattern(
            QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9_.:+-]*\\z"));
        static const QRegularExpression pathPattern(
            QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9_.+-]*/[A-Za-z0-9_.+-]+\\z"));
        static const QRegularExpression backstorePattern(
            QStringLiteral("\\A(block|fileio)/[A-Za-z0-9][A-Za-z0-9_.:+-]*\\z"));
        auto read = [&](const char* key, const QRegularExpression& pattern,
                        const QString& expected) {
            const QString value = text(map[key], field + QLatin1Char('.') + QLatin1String(key));
            if (!value.isEmpty() && (value.size() > 223 || !pattern.match(value).hasMatch()))
                fail(map[key], field + QLatin1Char('.') + QLatin1String(key), expected);
            return value;
        };
        const QString name = QStringLiteral("a name of letters, digits, '_', '.', ':', '+', '-'");
        const QString path = QStringLiteral("VG/LV");
        RecordedLayout value;
        value.md = read("md", namePattern, name);
        value.primaryElement = read("primary_element", pathPattern, path);
        value.secondaryElement = read("secondary_element", pathPattern, path);
        value.elementTarget = read("element_target", namePattern, name);
        value.elementBackstore = read("element_backstore", namePattern, name);
        value.volume = read("volume", pathPattern, path);
        value.volumeTarget = read("volume_target", namePattern, name);
        value.volumeBackstore =
            read("volume_backstore", backstorePattern, QStringLiteral("block/NAME or fileio/NAME"));
        value.volumeSerial = read("volume_serial", unitSerialPattern(),
                                  QStringLiteral("a unit serial of letters, digits, '-', '.', "
                                                 "':', '_' (at most 80)"));
        if (const YAML::Node timeout = map["replacement_timeout"]; timeout && !timeout.IsNull()) {
            const QString timeoutField = field + QStringLiteral(".replacement_timeout");
            const qint64 seconds = integer(timeout, timeoutField);
            if (seconds < 1 || seconds > 600)
                fail(timeout, timeoutField, QStringLiteral("seconds from 1 to 600"));
            value.replacementTimeout = int(seconds);
        }
        return value;
    }

    QString m_source;
    QString m_base;
    InventoryPaths m_paths;
};

} // namespace

const InventoryPair* Inventory::findPair(const QString& name) const {
    for (const InventoryPair& pair : pairs)
        if (pair.name == name)
            return &pair;
    return nullptr;
}

ParseResult<Inventory> parseInventory(const QString& yaml, const QString& baseDirectory,
                                      const QString& source) {
    return parseInventory(yaml, baseDirectory, source, InventoryPaths::Resolved);
}

ParseResult<Inventory> parseInventory(const QString& yaml, const QString& baseDirectory,
                                      const QString& source, InventoryPaths paths,
                                      InventoryFieldProblem* problem) {
    if (problem)
        *problem = InventoryFieldProblem{};
    return runParser<Inventory>([&] {
        try {
            return ParseResult<Inventory>(InventoryReader(source, baseDirectory, paths).read(yaml));
        } catch (const FieldFailure& failure) {
            if (problem)
                *problem = failure.problem;
            throw;
        } catch (const YAML::Exception& error) {
            throw ParseFailure{ParseError{
                source, error.mark.line >= 0 ? error.mark.line + 1 : 0,
                QStringLiteral("a readable inventory (%1)").arg(QString::fromStdString(error.msg)),
                QString()}};
        }
    });
}

ParseResult<QByteArray> readInventoryFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ParseResult<QByteArray>(ParseError{
            path, 0, QStringLiteral("a readable file (%1)").arg(file.errorString()), QString()});
    const Result<QByteArray> bytes =
        readAtMost(file, kLargestInventory, path, QStringLiteral("an inventory"));
    if (!bytes.ok())
        return ParseResult<QByteArray>(
            ParseError{path, 0,
                       QStringLiteral("an inventory of at most %1 (%2)")
                           .arg(capInWords(kLargestInventory), bytes.why()),
                       QString()});
    return bytes.value();
}

ParseResult<Inventory> loadInventory(const QString& path) {
    const ParseResult<QByteArray> bytes = readInventoryFile(path);
    if (!bytes.ok())
        return ParseResult<Inventory>(bytes.error());
    return parseInventory(QString::fromUtf8(bytes.value()), QFileInfo(path).absolutePath(), path);
}

QString resolveInventoryPath(const QString& written, const QString& baseDirectory) {
    if (written.isEmpty())
        return written;
    QString expanded = written;
    if (expanded.startsWith(QLatin1String("~/")))
        expanded = QDir::homePath() + expanded.mid(1);
    return QDir::cleanPath(QDir(baseDirectory).absoluteFilePath(expanded));
}

QString defaultInventoryPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/nr1/inventory.yaml");
}

QString pairFileName(const QString& pair) {
    QString safe = pair;
    for (QChar& c : safe)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
              c == QLatin1Char('.')))
            c = QLatin1Char('_');
    return safe;
}

} // namespace nr1
