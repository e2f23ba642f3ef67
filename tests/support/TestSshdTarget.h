#pragma once
// Test support: the SshTarget that reaches a TestSshd as its user with its client key, host keys
// kept in a known_hosts file of its own (no ~/.ssh/config), for the benchmarks.

#include "TestSshd.h"
#include "ssh/SshTarget.h"

namespace nr1 {

inline SshTarget testSshdTarget(const TestSshd& sshd) {
    SshTarget target;
    target.host = QStringLiteral("127.0.0.1");
    target.port = sshd.port();
    target.user = sshd.user();
    target.identityFiles = {sshd.clientKey()};
    target.knownHostsFile = sshd.path(QStringLiteral("bench_known_hosts"));
    target.useSshConfig = false;
    return target;
}

} // namespace nr1
