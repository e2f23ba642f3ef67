#pragma once
// Contract: what a transport asks the operator, and only that (the SSH layer is the one that
// asks today). Host keys, the OpenSSH way: a key already in known_hosts is used silently; an
// unknown key is shown to the OperatorDelegate (a dialog in the console, a terminal prompt or a
// flag in nr1ctl) with its SHA256 fingerprint; a changed key or a key of another type is refused
// before any delegate is asked, with both fingerprints and the known_hosts file and line to fix
// (the delegate is told, to show it). Key passphrases: asked when a key file is encrypted, kept in
// memory for that connection only, never written. A login password only when the server offers
// password authentication, every key was refused and the operator types it. Each question is
// answered once, at any later time, from any thread.

#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace nr1 {

/// One line of a known_hosts file that names a host.
struct KnownHostEntry {
    int line = 0;
    QString keyType;     ///< "ssh-ed25519"
    QString fingerprint; ///< "SHA256:…" (unpadded base64)
    bool operator==(const KnownHostEntry&) const = default;
};

struct HostKeyInfo {
    QString host; ///< as connected to
    int port = 22;
    QString knownHostsName; ///< "[127.0.0.1]:2222"
    QString keyType;        ///< "ssh-ed25519"
    QString fingerprint;    ///< "SHA256:…"
    QString knownHostsFile; ///< where "remember" writes
};

enum class TrustDecision { Reject, AcceptOnce, AcceptAndRemember };

enum class SecretKind { KeyPassphrase, Password };

class OperatorDelegate {
public:
    virtual ~OperatorDelegate() = default;
    /// Called on the delegate's thread; `answer` may be called later, from any thread, once.
    virtual void decideUnknownHostKey(const HostKeyInfo& key,
                                      std::function<void(TrustDecision)> answer) = 0;
    /// The passphrase of an encrypted key file, or nullopt to skip the key. `attempt` counts
    /// from 1 and grows after a wrong passphrase. The default skips.
    virtual void providePassphrase(const QString& keyFile, int attempt,
                                   std::function<void(std::optional<QString>)> answer) {
        Q_UNUSED(keyFile);
        Q_UNUSED(attempt);
        answer(std::nullopt);
    }
    /// A host presented a key other than the one known_hosts holds for it (`known`: the file's
    /// entries for the host, with their lines). Only told, never asked: the connection is
    /// refused whatever the delegate does; the fix is removing the old key by hand. The
    /// default does nothing (the refusal's error says the same).
    virtual void hostKeyChanged(const HostKeyInfo& presented,
                                const std::vector<KnownHostEntry>& known) {
        Q_UNUSED(presented);
        Q_UNUSED(known);
    }
    /// The login password for `account` ("user@host:port"), asked only when the server offers
    /// password authentication and every key was refused; nullopt to give up. Never stored.
    /// The default gives up.
    virtual void providePassword(const QString& account, int attempt,
                                 std::function<void(std::optional<QString>)> answer) {
        Q_UNUSED(account);
        Q_UNUSED(attempt);
        answer(std::nullopt);
    }
};

/// A delegate that answers the same for every unknown key and knows no passphrase
/// (nr1ctl --accept-new-host-key, tests).
class FixedTrustDelegate : public OperatorDelegate {
public:
    explicit FixedTrustDelegate(TrustDecision decision)
        : m_decision(decision) {}
    void decideUnknownHostKey(const HostKeyInfo& key,
                              std::function<void(TrustDecision)> answer) override {
        m_lastAsked = key;
        ++m_asked;
        answer(m_decision);
    }
    int timesAsked() const { return m_asked; }
    const HostKeyInfo& lastAsked() const { return m_lastAsked; }

private:
    TrustDecision m_decision;
    HostKeyInfo m_lastAsked;
    int m_asked = 0;
};

} // namespace nr1
