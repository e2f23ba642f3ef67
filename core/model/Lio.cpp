#include "model/Lio.h"

#include <QCryptographicHash>

namespace nr1 {

QString chapSecretDigest(const QString& secret) {
    if (secret.isEmpty())
        return QString();
    const QByteArray hash = QCryptographicHash::hash(
        QByteArrayLiteral("nr1 CHAP secret:") + secret.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("sha256:") + QString::fromLatin1(hash.toHex());
}

bool chapSecretMatches(const QString& probed, const QString& secret) {
    return probed == secret || (!secret.isEmpty() && probed == chapSecretDigest(secret));
}

const StorageObject* LioConfig::findStorageObject(const QString& configPath) const {
    for (const StorageObject& object : storageObjects)
        if (object.configPath() == configPath)
            return &object;
    return nullptr;
}

const LioTarget* LioConfig::findTarget(const QString& wwn) const {
    for (const LioTarget& target : targets)
        if (target.wwn == wwn)
            return &target;
    return nullptr;
}

} // namespace nr1
