#pragma once
// Contract: how to reach one node over SSH. Empty fields fall back to ~/.ssh/config (when
// useSshConfig) and then to libssh's defaults (port 22, the local user, ~/.ssh/id_*); set fields
// override the config, as the inventory does.

#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

namespace nr1 {

struct SshTarget {
    QString host; ///< address, name, or a Host alias of ~/.ssh/config
    std::optional<int> port;
    QString user;
    QStringList identityFiles;
    QString knownHostsFile; ///< empty: ~/.ssh/known_hosts
    bool useSshConfig = true;
    QString sshConfigFile; ///< empty: ~/.ssh/config

    std::chrono::milliseconds connectTimeout{std::chrono::seconds(10)};
    /// An idle connection is probed this often; a probe unanswered for as long marks it dead.
    std::chrono::milliseconds keepaliveInterval{std::chrono::seconds(15)};
    /// Channels open at once on the connection (OpenSSH's MaxSessions defaults to 10).
    int maxChannels = 8;
    /// First delay before reconnecting after a failure; doubles up to 30 s.
    std::chrono::milliseconds reconnectBackoff{std::chrono::seconds(1)};

    /// "user@host:port" as far as known before connecting.
    QString label() const;
};

} // namespace nr1
