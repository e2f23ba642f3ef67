#pragma once
// Contract: the console's host-key dialogs. HostKeyDialog asks about a key nr1 has never seen:
// host and port, key type, SHA256 fingerprint and the known_hosts file "remember" writes to,
// with three answers: Accept once, Accept and remember, Reject (the default, also on Escape or
// close). Changed keys never reach it: the SSH layer refuses them before asking anyone, and
// ChangedHostKeyDialog warns with the remembered and the presented fingerprints, the file and
// line, and the command that removes the old key — it has no button that accepts.

#include "transport/OperatorDelegate.h"

#include <QDialog>
#include <QSet>

namespace nr1 {

class HostKeyDialog : public QDialog {
    Q_OBJECT
public:
    HostKeyDialog(const HostKeyInfo& key, QWidget* parent = nullptr);
    TrustDecision decision() const { return m_decision; }
    /// Answers as if the button was clicked (tests, keyboard).
    void choose(TrustDecision decision);

private:
    TrustDecision m_decision = TrustDecision::Reject;
};

class ChangedHostKeyDialog : public QDialog {
    Q_OBJECT
public:
    ChangedHostKeyDialog(const HostKeyInfo& presented, const std::vector<KnownHostEntry>& known,
                         QWidget* parent = nullptr);
    /// `ssh-keygen -R NAME -f FILE`: what the administrator runs once the change is explained.
    QString removeCommand() const { return m_removeCommand; }

private:
    QString m_removeCommand;
};

/// The OperatorDelegate of the console: host keys through HostKeyDialog, passphrases and passwords
/// through a password field. Every question is a window-modal dialog opened with open(), so the
/// event loop keeps running; the answer goes back when the dialog closes.
class DialogDelegate : public OperatorDelegate {
public:
    explicit DialogDelegate(QWidget* parent)
        : m_parent(parent) {}
    void decideUnknownHostKey(const HostKeyInfo& key,
                              std::function<void(TrustDecision)> answer) override;
    void providePassphrase(const QString& keyFile, int attempt,
                           std::function<void(std::optional<QString>)> answer) override;
    void providePassword(const QString& account, int attempt,
                         std::function<void(std::optional<QString>)> answer) override;
    /// Shows ChangedHostKeyDialog once per host and presented key (reconnects refuse again
    /// and again; the status bar carries those).
    void hostKeyChanged(const HostKeyInfo& presented,
                        const std::vector<KnownHostEntry>& known) override;

private:
    void askSecret(const QString& title, const QString& label,
                   std::function<void(std::optional<QString>)> answer);
    QWidget* m_parent;
    QSet<QString> m_changedKeysShown;
};

} // namespace nr1
