#pragma once
// Contract: the per-pair audit log on disk. One JSON object per line (JSON Lines), appended and
// flushed at every step, never rewritten: when a plan started (kind, title, the whole plan),
// every action run, skipped or undone (time, node, target, command line with secrets
// redacted, status, exit code, duration, excerpts of stdout and stderr) and how the run ended.
// The default file is $XDG_STATE_HOME/nr1/journal/PAIR.jsonl (~/.local/state/…).

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace nr1 {

class Journal {
public:
    explicit Journal(QString path);

    static QString defaultPath(const QString& pairName);

    const QString& path() const { return m_path; }
    /// Appends one entry (a "time" field is added); false with error() when it cannot write.
    bool append(QJsonObject entry);
    QString error() const { return m_error; }

    /// Every entry of the file, oldest first; nullopt with `error` when it cannot be read.
    static std::optional<std::vector<QJsonObject>> read(const QString& path, QString* error);

private:
    QString m_path;
    QString m_error;
};

/// At most `limit` bytes of command output for the journal, marked when cut.
QString journalExcerpt(const QByteArray& output, qsizetype limit = 4096);

} // namespace nr1
