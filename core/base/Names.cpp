#include "base/Names.h"

#include <QRegularExpression>
#include <arpa/inet.h>

namespace nr1 {

QRegularExpression exactPattern(const QString& pattern) {
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

namespace {

QString checkLvmName(const QString& name, const QString& what) {
    static const QRegularExpression allowed = exactPattern(QStringLiteral("[A-Za-z0-9+_.-]+"));
    if (name.isEmpty())
        return QStringLiteral("%1 name is empty").arg(what);
    if (name.size() > 127)
        return QStringLiteral("%1 name '%2' is longer than 127 characters").arg(what, name);
    if (!allowed.match(name).hasMatch())
        return QStringLiteral("%1 name '%2' may only contain letters, digits and + _ . -")
            .arg(what, name);
    if (name.startsWith(QLatin1Char('-')))
        return QStringLiteral("%1 name '%2' may not start with '-'").arg(what, name);
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return QStringLiteral("%1 name may not be '.' or '..'").arg(what);
    return QString();
}

} // namespace

QString checkVgName(const QString& name) {
    return checkLvmName(name, QStringLiteral("volume group"));
}

QString checkLvName(const QString& name) {
    if (const QString problem = checkLvmName(name, QStringLiteral("logical volume"));
        !problem.isEmpty())
        return problem;
    for (const char* prefix : {"pvmove", "snapshot"})
        if (name.startsWith(QLatin1String(prefix)))
            return QStringLiteral("logical volume name '%1' may not start with '%2' (reserved "
                                  "by LVM)")
                .arg(name, QLatin1String(prefix));
    for (const char* part :
         {"_cdata", "_cmeta", "_corig", "_cpool", "_cvol", "_wcorig", "_mimage", "_mlog", "_rimage",
          "_rmeta", "_tdata", "_tmeta", "_vdata", "_imeta", "_iorig", "_pmspare", "_vorigin"})
        if (name.contains(QLatin1String(part)))
            return QStringLiteral("logical volume name '%1' may not contain '%2' (reserved by "
                                  "LVM)")
                .arg(name, QLatin1String(part));
    return QString();
}

QString checkIqn(const QString& name, const QString& what) {
    static const QRegularExpression iqn = exactPattern(
        QStringLiteral("iqn\\.[0-9]{4}-[0-1][0-9]\\.[a-z0-9-]+(\\.[a-z0-9-]+)*(:[a-z0-9.:-]+)?"));
    static const QRegularExpression eui = exactPattern(QStringLiteral("eui\\.[0-9a-f]{16}"));
    if (name.isEmpty())
        return QStringLiteral("%1 is empty").arg(what);
    if (name.size() > 223)
        return QStringLiteral("%1 '%2' is longer than 223 characters").arg(what, name);
    if (name != name.toLower())
        return QStringLiteral("%1 '%2' must be lower case (LIO lower-cases IQNs)").arg(what, name);
    if (!iqn.match(name).hasMatch() && !eui.match(name).hasMatch())
        return QStringLiteral("%1 '%2' is not an iSCSI name of the form "
                              "iqn.YYYY-MM.reversed.domain:unique (letters, digits, '-', '.', ':')")
            .arg(what, name);
    return QString();
}

QString checkMdName(const QString& name) {
    static const QRegularExpression md =
        exactPattern(QStringLiteral("md([0-9]|[1-9][0-9]|1[01][0-9]|12[0-7])"));
    if (!md.match(name).hasMatch())
        return QStringLiteral("md array name '%1' must be md0 … md127").arg(name);
    return QString();
}

QString checkBackstoreName(const QString& name) {
    static const QRegularExpression allowed = exactPattern(QStringLiteral("[A-Za-z0-9_.-]{1,64}"));
    if (!allowed.match(name).hasMatch())
        return QStringLiteral("backstore name '%1' must be 1–64 letters, digits, '-', '_' or '.'")
            .arg(name);
    return QString();
}

const QRegularExpression& unitSerialPattern() {
    static const QRegularExpression pattern =
        exactPattern(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}"));
    return pattern;
}

QString checkUnitSerial(const QString& serial) {
    if (!unitSerialPattern().match(serial).hasMatch())
        return QStringLiteral("unit serial '%1' must be 1–80 letters, digits, '-', '.', ':' or "
                              "'_', starting with a letter or digit")
            .arg(serial);
    return QString();
}

bool isIpv4Address(const QString& text) {
    static const QRegularExpression ipv4 =
        exactPattern(QStringLiteral("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                                    "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"));
    return ipv4.match(text).hasMatch();
}

QString checkIpAddress(const QString& address, const QString& what) {
    // inet_pton reads a C string: a NUL or any byte past the address characters must not
    // slip through behind a valid prefix.
    static const QRegularExpression characters = exactPattern(QStringLiteral("[0-9A-Fa-f.:]+"));
    const QByteArray bytes = address.toLatin1();
    unsigned char buffer[16];
    if (!characters.match(address).hasMatch() ||
        (inet_pton(AF_INET, bytes.constData(), buffer) != 1 &&
         inet_pton(AF_INET6, bytes.constData(), buffer) != 1))
        return QStringLiteral("%1 '%2' is not an IPv4 or IPv6 address").arg(what, address);
    return QString();
}

QString checkChapValue(const QString& value, const QString& what, bool secret) {
    static const QRegularExpression printable = exactPattern(QStringLiteral("[!-~]+"));
    if (!printable.match(value).hasMatch())
        return QStringLiteral("%1 must be printable ASCII without spaces").arg(what);
    if (secret && (value.size() < 12 || value.size() > 255))
        return QStringLiteral("%1 must be 12 to 255 characters (iSCSI CHAP secrets)").arg(what);
    // LIO's configfs takes a value beginning with NULL for "not set".
    if (value.startsWith(QLatin1String("NULL")))
        return QStringLiteral("%1 must not begin with NULL (LIO reads that as not set)").arg(what);
    return QString();
}

} // namespace nr1
