#include "apply/Journal.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace nr1 {

Journal::Journal(QString path)
    : m_path(std::move(path)) {
}

QString Journal::defaultPath(const QString& pairName) {
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    QString safe = pairName;
    for (QChar& c : safe)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
              c == QLatin1Char('.')))
            c = QLatin1Char('_');
    return base + QStringLiteral("/nr1/journal/") + safe + QStringLiteral(".jsonl");
}

bool Journal::append(QJsonObject entry) {
    entry.insert(QStringLiteral("time"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_error = QStringLiteral("cannot write the journal %1: %2").arg(m_path, file.errorString());
        return false;
    }
    const QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size() || !file.flush()) {
        m_error = QStringLiteral("cannot write the journal %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

std::optional<std::vector<QJsonObject>> Journal::read(const QString& path, QString* error) {
    QFile file(path);
    if (!file.exists())
        return std::vector<QJsonObject>{};
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    std::vector<QJsonObject> entries;
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        ++number;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (!document.isObject()) {
            if (error)
                *error = QStringLiteral("%1 line %2: not a journal entry (%3)")
                             .arg(path)
                             .arg(number)
                             .arg(parseError.errorString());
            return std::nullopt;
        }
        entries.push_back(document.object());
    }
    return entries;
}

QString journalExcerpt(const QByteArray& output, qsizetype limit) {
    if (output.size() <= limit)
        return QString::fromUtf8(output);
    return QString::fromUtf8(output.left(limit)) +
           QStringLiteral("\n[… %1 more bytes]").arg(output.size() - limit);
}

} // namespace nr1
