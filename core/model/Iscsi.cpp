#include "model/Iscsi.h"

namespace nr1 {

QString IscsiPortal::hostPort() const {
    const bool ipv6 = address.contains(QLatin1Char(':'));
    return ipv6 ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                : QStringLiteral("%1:%2").arg(address).arg(port);
}

} // namespace nr1
