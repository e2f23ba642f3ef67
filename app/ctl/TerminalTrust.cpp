#include "ctl/TerminalTrust.h"

#include <QFile>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace nr1::ctl {

void TerminalTrust::decideUnknownHostKey(const HostKeyInfo& key,
                                         std::function<void(TrustDecision)> answer) {
    if (m_acceptNew) {
        std::fprintf(stderr, "nr1ctl: trusting the new host key of %s: %s %s (added to %s)\n",
                     qPrintable(key.knownHostsName), qPrintable(key.keyType),
                     qPrintable(key.fingerprint), qPrintable(key.knownHostsFile));
        answer(TrustDecision::AcceptAndRemember);
        return;
    }
    QFile tty(QStringLiteral("/dev/tty"));
    if (!::isatty(STDIN_FILENO) || !tty.open(QIODevice::ReadWrite)) {
        std::fprintf(stderr,
                     "nr1ctl: the host key of %s is not known: %s %s\n"
                     "nr1ctl: no terminal to ask on. Check the fingerprint with the node's "
                     "administrator, then\n"
                     "nr1ctl: run again with --accept-new-host-key (or add the key to %s).\n",
                     qPrintable(key.knownHostsName), qPrintable(key.keyType),
                     qPrintable(key.fingerprint), qPrintable(key.knownHostsFile));
        answer(TrustDecision::Reject);
        return;
    }
    // A command-line tool may wait for its operator; nothing else runs meanwhile.
    tty.write(QStringLiteral("The authenticity of host '%1' can't be established.\n"
                             "%2 key fingerprint is %3.\n"
                             "Trust it? [yes = remember in %4 / once / no]: ")
                  .arg(key.knownHostsName, key.keyType, key.fingerprint, key.knownHostsFile)
                  .toUtf8());
    tty.flush();
    const QString reply = QString::fromUtf8(tty.readLine()).trimmed().toLower();
    if (reply == QLatin1String("yes") || reply == QLatin1String("y"))
        answer(TrustDecision::AcceptAndRemember);
    else if (reply == QLatin1String("once"))
        answer(TrustDecision::AcceptOnce);
    else
        answer(TrustDecision::Reject);
}

namespace {

/// Asks on the terminal without echo; nullopt when there is no terminal or nothing was typed.
std::optional<QString> readSecret(const QString& prompt) {
    QFile tty(QStringLiteral("/dev/tty"));
    if (!::isatty(STDIN_FILENO) || !tty.open(QIODevice::ReadWrite))
        return std::nullopt;
    tty.write(prompt.toUtf8());
    tty.flush();
    termios saved{};
    const int fd = tty.handle();
    const bool canHide = ::tcgetattr(fd, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSANOW, &hidden);
    }
    QByteArray line = tty.readLine();
    if (canHide)
        ::tcsetattr(fd, TCSANOW, &saved);
    tty.write("\n");
    if (line.endsWith('\n'))
        line.chop(1);
    std::optional<QString> secret;
    if (!line.isEmpty())
        secret = QString::fromUtf8(line);
    line.fill('\0'); // do not leave the secret in this buffer
    return secret;
}

QString retryNote(int attempt, const char* what) {
    return attempt > 1 ? QStringLiteral("Wrong %1. ").arg(QLatin1String(what)) : QString();
}

} // namespace

void TerminalTrust::providePassphrase(const QString& keyFile, int attempt,
                                      std::function<void(std::optional<QString>)> answer) {
    const auto secret = readSecret(QStringLiteral("%1Enter passphrase for %2: ")
                                       .arg(retryNote(attempt, "passphrase"), keyFile));
    if (!secret && !::isatty(STDIN_FILENO))
        std::fprintf(stderr,
                     "nr1ctl: %s is encrypted and there is no terminal to ask for its passphrase; "
                     "load it into ssh-agent instead\n",
                     qPrintable(keyFile));
    answer(secret);
}

void TerminalTrust::providePassword(const QString& account, int attempt,
                                    std::function<void(std::optional<QString>)> answer) {
    answer(readSecret(
        QStringLiteral("%1%2's password: ").arg(retryNote(attempt, "password"), account)));
}

} // namespace nr1::ctl
