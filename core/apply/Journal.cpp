#include "apply/Journal.h"

#include "inventory/Inventory.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nr1 {

Journal::Journal(QString path)
    : m_path(std::move(path)) {
}

QString Journal::defaultPath(const QString& pairName) {
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/nr1/journal/") + pairFileName(pairName) +
           QStringLiteral(".jsonl");
}

namespace {

/// Creates the missing folders of `path` with mode 0700.
bool makeFolders(const QString& path) {
    QDir folder(path);
    if (folder.exists())
        return true;
    if (!makeFolders(QFileInfo(folder.absolutePath()).absolutePath()))
        return false;
    const QByteArray native = QFile::encodeName(folder.absolutePath());
    return ::mkdir(native.constData(), 0700) == 0 || errno == EEXIST;
}

/// A journal line longer than this is taken as damaged rather than read into memory whole.
constexpr qsizetype kLongestEntry = 16 * 1024 * 1024;
/// The most of a journal that is read: its newest part (what resume and rollback need).
constexpr qint64 kLargestJournalRead = 256 * 1024 * 1024;

} // namespace

bool Journal::append(QJsonObject entry) {
    entry.insert(QStringLiteral("time"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const auto fail = [this](const QString& why) {
        m_error = QStringLiteral("cannot write the journal %1: %2").arg(m_path, why);
        return false;
    };
    if (!makeFolders(QFileInfo(m_path).absolutePath()))
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
    // A crash may have left a torn last line: the new entry starts on a line of its own.
    struct stat status {};
    char last = '\n';
    if (::fstat(fd, &status) == 0 && status.st_size > 0 &&
        ::pread(fd, &last, 1, status.st_size - 1) == 1 && last != '\n')
        line.prepend('\n');
    if ((status.st_mode & 077) != 0)
        ::fchmod(fd, 0600); // a journal from before nr1 kept them private
    qsizetype written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(fd, line.constData() + written, size_t(line.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return fail(why);
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return fail(why);
    }
    ::close(fd);
    m_error.clear();
    return true;
}

Result<JournalContents> Journal::read(const QString& path) {
    QFile file(path);
    if (!file.exists())
        return JournalContents{};
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return read(file);
}

Result<JournalContents> Journal::read(QIODevice& file) {
    JournalContents contents;
    int number = 0;
    // A line of at most kLongestEntry bytes, read in small pieces: QIODevice::readLine(maxSize)
    // allocates maxSize bytes for each line it returns (16 MiB a line made a journal of a few
    // thousand lines take seconds).
    auto readLine = [&file]() {
        QByteArray line;
        char piece[16 * 1024];
        while (line.size() < kLongestEntry && !line.endsWith('\n')) {
            // (readLine(char*, n) reads at most n - 1 bytes)
            const qint64 room = std::min<qint64>(sizeof piece, kLongestEntry - line.size() + 1);
            const qint64 length = file.readLine(piece, room);
            if (length <= 0)
                break;
            line.append(piece, length);
        }
        return line;
    };
    // A journal that grew past the cap is read from its newest part, starting at a line.
    if (!file.isSequential() && file.size() > kLargestJournalRead) {
        file.seek(file.size() - kLargestJournalRead);
        readLine(); // the rest of a line cut by the seek
        contents.damaged << QStringLiteral("the journal is larger than %1 MiB: only its newest "
                                           "%1 MiB were read (line numbers count from there)")
                                .arg(kLargestJournalRead >> 20);
    }
    while (!file.atEnd()) {
        QByteArray line = readLine();
        ++number;
        if (!line.endsWith('\n') && !file.atEnd()) {
            // Longer than any entry nr1 writes: skip the rest of it.
            while (!file.atEnd() && !line.endsWith('\n'))
                line = readLine();
            contents.damaged << QStringLiteral("line %1: longer than %2 MiB")
                                    .arg(number)
                                    .arg(kLongestEntry >> 20);
            continue;
        }
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (!document.isObject()) {
            contents.damaged << QStringLiteral("line %1: not a journal entry (%2)")
                                    .arg(number)
                                    .arg(line.endsWith('\n') ? parseError.errorString()
                                                             : QStringLiteral("cut off"));
            continue;
        }
        contents.entries.push_back(document.object());
    }
    return contents;
}

QString journalExcerpt(const QByteArray& output, qsizetype limit) {
    if (output.size() <= limit)
        return QString::fromUtf8(output);
    return QString::fromUtf8(output.left(limit)) +
           QStringLiteral("\n[… %1 more bytes]").arg(output.size() - limit);
}

} // namespace nr1
