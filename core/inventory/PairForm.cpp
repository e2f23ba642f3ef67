#include "inventory/PairForm.h"

#include "inventory/InventoryText.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <algorithm>

namespace nr1 {

namespace {

const char* const kNodeKeys[] = {
    "host",           "port",       "user",         "identity", "replication_address",
    "initiator_name", "iscsi_port", "fence_command"};

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
    if (key == QLatin1String("fence_command"))
        return &node.fenceCommand;
    return nullptr;
}

/// The text of a field ("name", "primary.port", …) in `pair`, or nullptr for another field.
QString* fieldText(PairFields& pair, const QString& field) {
    if (field == QLatin1String("name"))
        return &pair.name;
    if (field == QLatin1String("frontend_address"))
        return &pair.frontEndAddress;
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
    if (field == QLatin1String("frontend_address"))
        return QStringLiteral("Front-end address");
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
    else if (key == QLatin1String("fence_command"))
        what = QStringLiteral("fence command");
    return role + QLatin1Char(' ') + what;
}

/// Fields in the order the editor shows them; the pair as a whole last.
int fieldRank(const QString& field) {
    if (field == QLatin1String("name"))
        return 0;
    if (field == QLatin1String("frontend_address"))
        return 1 + 2 * int(std::size(kNodeKeys));
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

std::vector<PairProblem> PairCheck::problemsOf(const QString& field) const {
    std::vector<PairProblem> found;
    for (const PairProblem& problem : problems)
        if (problem.field == field)
            found.push_back(problem);
    return found;
}

PairCheck checkPair(const PairFields& typed, const Inventory& inventory,
                    const QString& baseDirectory, std::optional<std::size_t> replacing) {
    PairFields candidate{typed.name.trimmed(), trimmed(typed.primary), trimmed(typed.secondary),
                         typed.frontEndAddress.trimmed(), typed.layout};
    std::vector<PairFields> pairs;
    for (const InventoryPair& pair : inventory.pairs)
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
        InventoryFieldProblem problem;
        const auto result =
            parseInventory(pairsListText(pairs), baseDirectory, QStringLiteral("pair"),
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
        checkIdentity(candidate.primary.identity, QStringLiteral("primary.identity"), baseDirectory,
                      check.problems);
    if (!replaced.contains(QStringLiteral("secondary.identity")))
        checkIdentity(candidate.secondary.identity, QStringLiteral("secondary.identity"),
                      baseDirectory, check.problems);
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

} // namespace nr1
