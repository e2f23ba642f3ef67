#include "ssh/KnownHosts.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>

namespace nr1 {

namespace {

bool hostFieldMatches(const QString& field, const QString& name) {
    if (field.startsWith(QLatin1String("|1|"))) {
        const QStringList parts = field.split(QLatin1Char('|'));
        if (parts.size() != 4)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
        const QByteArray hash = QByteArray::fromBase64(parts[3].toLatin1());
        return QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1) ==
               hash;
    }
    for (const QString& pattern : field.split(QLatin1Char(','))) {
        if (pattern == name)
            return true;
    }
    return false;
}

} // namespace

QString knownHostsName(const QString& host, int port) {
    return port == 22 ? host : QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString sha256Fingerprint(const QByteArray& base64KeyBlob) {
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray::fromBase64(base64KeyBlob), QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(
               digest.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

std::vector<KnownHostEntry> findKnownHostEntries(const QString& file, const QString& name) {
    std::vector<KnownHostEntry> entries;
    QFile known(file);
    if (!known.open(QIODevice::ReadOnly))
        return entries;
    int number = 0;
    while (!known.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(known.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!fields.isEmpty() && fields.first().startsWith(QLatin1Char('@')))
            fields.removeFirst(); // @cert-authority / @revoked markers
        if (fields.size() < 3 || !hostFieldMatches(fields[0], name))
            continue;
        entries.push_back(
            KnownHostEntry{number, fields[1], sha256Fingerprint(fields[2].toLatin1())});
    }
    return entries;
}

} // namespace nr1
