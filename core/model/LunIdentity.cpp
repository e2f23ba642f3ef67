#include "model/LunIdentity.h"

#include <QJsonArray>

namespace nr1 {

QJsonObject LunIdentity::toJson() const {
    QJsonArray portalList;
    for (const IscsiPortal& portal : portals)
        portalList.append(portal.hostPort());
    return {{QStringLiteral("pair"), pair},
            {QStringLiteral("unit_serial"), unitSerial},
            {QStringLiteral("target"), targetIqn},
            {QStringLiteral("lun"), lun},
            {QStringLiteral("backstore"), backstore},
            {QStringLiteral("portals"), portalList},
            {QStringLiteral("initiators"), QJsonArray::fromStringList(initiators)},
            {QStringLiteral("chap_user"), chapUser}};
}

namespace {

/// "ADDRESS:PORT" or "[IPV6]:PORT" back into a portal; nullopt when it is neither.
std::optional<IscsiPortal> portalFrom(const QString& text) {
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return std::nullopt;
    QString address = text.left(colon);
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    if (address.isEmpty())
        return std::nullopt;
    return IscsiPortal{address, port, std::nullopt};
}

} // namespace

Result<LunIdentity> LunIdentity::fromJson(const QJsonObject& object) {
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
        const std::optional<IscsiPortal> portal = portalFrom(value.toString());
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

QString LunIdentity::naa() const {
    QString digits;
    for (const QChar c : unitSerial) {
        if (digits.size() == 25)
            break;
        const QChar lower = c.toLower();
        if ((lower >= QLatin1Char('0') && lower <= QLatin1Char('9')) ||
            (lower >= QLatin1Char('a') && lower <= QLatin1Char('f')))
            digits += lower;
    }
    return digits.size() == 25 ? QStringLiteral("6001405") + digits : QString();
}

} // namespace nr1
