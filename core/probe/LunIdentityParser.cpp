#include "probe/LunIdentityParser.h"

#include "base/TextLines.h"
#include "probe/IscsiParsers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace nr1 {

Result<LunIdentity> lunIdentityFromJson(const QJsonObject& object) {
    QStringList problems;
    auto string = [&](const char* key, bool required) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return QString();
        if (!value.isString() || (required && value.toString().isEmpty()))
            problems << QStringLiteral("'%1' is not a%2 string")
                            .arg(QLatin1String(key),
                                 required ? QStringLiteral(" non-empty") : QString());
        return value.toString();
    };
    LunIdentity identity;
    identity.pair = string("pair", true);
    identity.unitSerial = string("unit_serial", true);
    identity.targetIqn = string("target", true);
    identity.backstore = string("backstore", false);
    identity.chapUser = string("chap_user", false);
    const QJsonValue lun = object.value(QStringLiteral("lun"));
    if (!lun.isUndefined()) {
        if (!lun.isDouble() || lun.toDouble() < 0 || lun.toDouble() > 65535 ||
            lun.toDouble() != double(lun.toInt()))
            problems << QStringLiteral("'lun' is not a LUN number");
        identity.lun = lun.toInt();
    }
    for (const QJsonValue& value : object.value(QStringLiteral("portals")).toArray()) {
        const std::optional<IscsiPortal> portal = parseIscsiPortal(value.toString());
        if (!portal)
            problems << QStringLiteral("portal '%1' is not ADDRESS:PORT").arg(value.toString());
        else
            identity.portals.push_back(*portal);
    }
    for (const QJsonValue& value : object.value(QStringLiteral("initiators")).toArray()) {
        if (!value.isString() || value.toString().isEmpty())
            problems << QStringLiteral("an initiator is not a name");
        else
            identity.initiators << value.toString();
    }
    if (!problems.isEmpty())
        return failure(QStringLiteral("LUN identity record: %1").arg(problems.join(u"; ")));
    return identity;
}

ParseResult<std::vector<LunIdentity>> parseLunIdentities(QStringView text) {
    return runParser<std::vector<LunIdentity>>([&] {
        TextLines lines(QStringLiteral("LUN identities"), text);
        std::vector<LunIdentity> identities;
        for (int number = 1; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
            if (!document.isObject()) {
                lines.warn(number,
                           QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
                continue;
            }
            Result<LunIdentity> identity = lunIdentityFromJson(document.object());
            if (!identity.ok()) {
                lines.warn(number, identity.why());
                continue;
            }
            identities.push_back(std::move(identity).value());
        }
        return ParseResult<std::vector<LunIdentity>>(std::move(identities), lines.takeWarnings());
    });
}

} // namespace nr1
