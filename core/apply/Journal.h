#pragma once
// Contract: the per-pair audit log on disk. One JSON object per line (JSON Lines), appended,
// never rewritten: when a plan started (kind, title, the whole plan), every action before it
// starts and after it ends, skipped or undone (time, node, target, command line with secrets
// redacted, status, exit code, duration, excerpts of stdout and stderr) and how the run ended.
// Every entry of one executor run carries the same "run" id. append() returns only once the
// line is on disk (fsync); a line torn by a crash never glues onto the next entry (a new line
// is started after it) and the reader skips and reports it. The file is created 0600 in a
// folder created 0700 (the journal names hosts and commands). The default file is
// $XDG_STATE_HOME/nr1/journal/PAIR.jsonl (~/.local/state/…).

#include "base/Result.h"

#include <QIODevice>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace nr1 {

/// What a journal file holds: its entries, oldest first, and the lines that are not entries
/// ("line 7: …"), skipped.
struct JournalContents {
    std::vector<QJsonObject> entries;
    QStringList damaged;
};

class Journal {
public:
    explicit Journal(QString path);

    static QString defaultPath(const QString& pairName);

    const QString& path() const { return m_path; }
    /// Appends one entry (a "time" field is added) and syncs it to disk; false with error()
    /// when it cannot.
    bool append(QJsonObject entry);
    QString error() const { return m_error; }

    /// The file's entries; a failure only when the file cannot be read at all (a missing file
    /// has no entries).
    static Result<JournalContents> read(const QString& path);
    /// The same from an open device (a file, a buffer). At most the newest 256 MiB of a file
    /// are read (a note in `damaged` says so); a line longer than 16 MiB is skipped as damaged.
    static Result<JournalContents> read(QIODevice& device);

private:
    QString m_path;
    QString m_error;
};

/// At most `limit` bytes of command output for the journal, marked when cut.
QString journalExcerpt(const QByteArray& output, qsizetype limit = 4096);

} // namespace nr1
