#pragma once
// Contract: nr1ctl's answer to an unknown host key. With --accept-new-host-key it trusts and
// remembers; otherwise it shows the key type and SHA256 fingerprint on the terminal and asks
// (yes = remember, once = this run only, anything else = no). With no terminal it refuses and
// says how to proceed. Changed keys never reach it: the connection refuses them first. Key
// passphrases and, as a last resort the server offers, the login password are read from the
// terminal without echo; with no terminal the key is skipped and no password is tried.

#include "transport/OperatorDelegate.h"

namespace nr1::ctl {

class TerminalTrust : public OperatorDelegate {
public:
    explicit TerminalTrust(bool acceptNew)
        : m_acceptNew(acceptNew) {}
    void decideUnknownHostKey(const HostKeyInfo& key,
                              std::function<void(TrustDecision)> answer) override;
    void providePassphrase(const QString& keyFile, int attempt,
                           std::function<void(std::optional<QString>)> answer) override;
    void providePassword(const QString& account, int attempt,
                         std::function<void(std::optional<QString>)> answer) override;

private:
    bool m_acceptNew;
};

} // namespace nr1::ctl
