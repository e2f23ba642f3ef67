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
