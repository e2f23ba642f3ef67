#pragma once
// Contract: the operator's say over host keys, the OpenSSH way. A key already in known_hosts is
// used silently. An unknown key is shown to a HostKeyTrustDelegate (a dialog in the console, a
// terminal prompt or a flag in nr1ctl) with its SHA256 fingerprint; the delegate answers once,
// at any later time, from its own thread. A changed key or a key of another type is refused
// before any delegate is asked, with both fingerprints and the known_hosts file and line to fix.

#include <QString>
#include <functional>

namespace nr1 {

struct HostKeyInfo {
    QString host; ///< as connected to
    int port = 22;
    QString knownHostsName; ///< "[127.0.0.1]:2222"
    QString keyType;        ///< "ssh-ed25519"
    QString fingerprint;    ///< "SHA256:…"
    QString knownHostsFile; ///< where "remember" writes
};

enum class TrustDecision { Reject, AcceptOnce, AcceptAndRemember };

class HostKeyTrustDelegate {
public:
    virtual ~HostKeyTrustDelegate() = default;
    /// Called on the delegate's thread; `answer` may be called later, from any thread, once.
    virtual void decideUnknownHostKey(const HostKeyInfo& key,
                                      std::function<void(TrustDecision)> answer) = 0;
};

/// A delegate that answers the same for every unknown key (nr1ctl --accept-new-host-key, tests).
class FixedTrustDelegate : public HostKeyTrustDelegate {
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
