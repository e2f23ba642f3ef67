#include "TestSshd.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

bool portAccepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(quint16(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

/// Every descendant of `root` (from /proc), deepest first.
QList<qint64> descendants(qint64 root) {
    QMultiHash<qint64, qint64> children;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields[1].toLongLong(), pid);
    }
    QList<qint64> result;
    QList<qint64> stack{root};
    while (!stack.isEmpty()) {
        const qint64 pid = stack.takeLast();
        for (qint64 child : children.values(pid)) {
            result.prepend(child);
            stack.append(child);
        }
    }
    return result;
}

} // namespace

QString sshKeygenFingerprint(const QString& publicKeyFile) {
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-lf"), publicKeyFile});
    keygen.waitForFinished();
    // "256 SHA256:… comment (ED25519)"
    return QString::fromUtf8(keygen.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
}

TestSshd::TestSshd() {
    m_dir.setAutoRemove(true);
}

TestSshd::~TestSshd() {
    killHard();
}

QString TestSshd::user() const {
    const passwd* entry = ::getpwuid(::getuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

bool TestSshd::run(const QStringList& argv, QByteArray* out) {
    QProcess process;
    process.start(argv.first(), argv.mid(1));
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2")
                      .arg(argv.join(QLatin1Char(' ')),
                           QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

QString TestSshd::otherHostPublicKey() const {
    QFile file(path(QStringLiteral("other_host_ed25519.pub")));
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool TestSshd::start() {
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString sshd = QStringLiteral("/usr/sbin/sshd");
    if (!QFile::exists(sshd)) {
        m_error = QStringLiteral("OpenSSH sshd is not installed (Debian package openssh-server)");
        return false;
    }
    if (m_port == 0) {
        for (const char* key :
             {"host_ed25519", "id_ed25519", "other_ed25519", "other_host_ed25519"})
            if (!run({QStringLiteral("ssh-keygen"), QStringLiteral("-q"), QStringLiteral("-t"),
                      QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                      QStringLiteral("-C"), QStringLiteral("nr1-test"), QStringLiteral("-f"),
                      path(QLatin1String(key))}))
                return false;
        if (!run({QStringLiteral("ssh-keygen"), QStringLiteral("-q"), QStringLiteral("-t"),
                  QStringLiteral("ed25519"), QStringLiteral("-N"), lockedKeyPassphrase(),
                  QStringLiteral("-C"), QStringLiteral("nr1-test-locked"), QStringLiteral("-f"),
                  lockedClientKey()}))
            return false;
        QFile authorized(path(QStringLiteral("authorized_keys")));
        authorized.open(QIODevice::WriteOnly);
        for (const char* key : {"id_ed25519.pub", "locked_ed25519.pub"}) {
            QFile pub(path(QLatin1String(key)));
            pub.open(QIODevice::ReadOnly);
            authorized.write(pub.readAll());
        }
        authorized.close();
        m_fingerprint = sshKeygenFingerprint(path(QStringLiteral("host_ed25519.pub")));
        m_port = freePort();
        QFile config(path(QStringLiteral("sshd_config")));
        config.open(QIODevice::WriteOnly);
        config.write(
            QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nAuthorizedKeysFile %3\n"
                           "PidFile %4\nStrictModes no\nUsePAM no\nPasswordAuthentication yes\n"
                           "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
                           // SHLVL=1: bash then skips the account's ~/.bashrc for commands
                           // (it would cost every command ~0.1 s of CPU on a dev machine).
                           "MaxSessions 10\nMaxStartups 400\nSetEnv SHLVL=1\nLogLevel ERROR\n")
                .arg(m_port)
                .arg(path(QStringLiteral("host_ed25519")), path(QStringLiteral("authorized_keys")),
                     path(QStringLiteral("sshd.pid")))
                .toUtf8());
        config.close();
        if (::getuid() == 0)
            QDir().mkpath(QStringLiteral("/run/sshd")); // privilege separation directory
    }
    m_sshd = std::make_unique<QProcess>();
    m_sshd->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sshd->start(sshd, {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                         path(QStringLiteral("sshd_config"))});
    if (!m_sshd->waitForStarted()) {
        m_error = QStringLiteral("cannot start sshd");
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        if (portAccepts(m_port))
            return true;
        if (m_sshd->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("sshd exited with %1").arg(m_sshd->exitCode());
            return false;
        }
        QThread::msleep(20);
    }
    m_error = QStringLiteral("sshd did not listen on port %1 within 10 s").arg(m_port);
    return false;
}

void TestSshd::freezeSessions(bool frozen) {
    if (!m_sshd || m_sshd->state() == QProcess::NotRunning)
        return;
    for (qint64 pid : descendants(m_sshd->processId()))
        ::kill(pid_t(pid), frozen ? SIGSTOP : SIGCONT);
}

void TestSshd::dropConnections() {
    if (!m_sshd || m_sshd->state() == QProcess::NotRunning)
        return;
    for (qint64 pid : descendants(m_sshd->processId())) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "sshd")
            ::kill(pid_t(pid), SIGKILL);
    }
}

void TestSshd::killHard() {
    if (!m_sshd || m_sshd->state() == QProcess::NotRunning)
        return;
    const qint64 master = m_sshd->processId();
    ::kill(pid_t(master), SIGSTOP); // no new children while we collect them
    // Stopped first, all of them: a session process that saw its command die before its own
    // end would report that death (a signal) instead of a connection that just vanished.
    const QList<qint64> all = descendants(master);
    for (qint64 pid : all)
        ::kill(pid_t(pid), SIGSTOP);
    for (qint64 pid : all)
        ::kill(pid_t(pid), SIGKILL);
    ::kill(pid_t(master), SIGKILL);
    m_sshd->waitForFinished(5000);
    m_sshd.reset();
}
