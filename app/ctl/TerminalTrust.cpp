#include "ctl/TerminalTrust.h"

#include <QFile>
#include <cstdio>
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

} // namespace nr1::ctl
