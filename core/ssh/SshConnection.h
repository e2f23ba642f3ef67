#pragma once
// Contract: one libssh session to one node, living in one worker thread (every method is called
// in that thread; SshRunner posts to it). It connects on demand, verifies the host key (asking
// the trust delegate for an unknown one), authenticates with the agent, key files (asking for
// passphrases) and, last, a password the operator types. Commands run as channels of the
// session through the ChannelPool it owns (see there for how each request ends). It never
// blocks: libssh runs non-blocking, driven by socket notifications and a short timer while
// anything is in flight. A failed connect ends every request with its reason; a lost connection
// ends the started ones (ConnectionLost, mayStillRun: ChannelPool stops them on the node first
// thing on the next connect) and keeps the waiting ones for the next connect. An
// idle connection is probed every keepaliveInterval; a probe unanswered marks it dead. After a
// failure the next connect waits a backoff that doubles up to 30 s.

#include "base/RemoteShell.h"
#include "ssh/ChannelPool.h"
#include "ssh/SshTarget.h"
#include "transport/Command.h"
#include "transport/ConnectionState.h"
#include "transport/OperatorDelegate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct ssh_session_struct;
struct ssh_channel_struct;
struct ssh_key_struct;
class QSocketNotifier;

namespace nr1 {

/// Questions for the operator cross threads: the connection asks through these (from its
/// thread); the answer functions may be called from any thread and post back to it.
struct OperatorQuestions {
    std::function<void(const HostKeyInfo&, std::function<void(TrustDecision)>)> trust;
    /// Told (not asked) when a host key changed; may be empty.
    std::function<void(const HostKeyInfo&, const std::vector<KnownHostEntry>&)> keyChanged;
    /// A key file's passphrase, or the login password (subject: "user@host:port").
    std::function<void(SecretKind, const QString& subject, int attempt,
                       std::function<void(std::optional<QString>)>)>
        secret;
};

class SshConnection : public QObject, private ChannelPool::Session {
    Q_OBJECT
public:
    using State = ConnectionState;

    SshConnection(SshTarget target, OperatorQuestions questions);
    ~SshConnection() override;

    void submit(std::shared_ptr<SshRequest> request);
    void cancel(RequestId id);
    /// Ends every request (Cancelled) and closes the session.
    void shutdown();

    State state() const override { return m_state; }

signals:
    void stateChanged(nr1::ConnectionState state, const QString& detail);

private:
    void drive();
    void startConnect();
    void stepConnect();
    void verifyHostKey();
    void onTrustDecision(TrustDecision decision, const HostKeyInfo& key);
    /// Enters `waiting` for an answer from the operator and returns the function that delivers
    /// it: callable from any thread; `handle` then runs here, only if the connection is still
    /// waiting for this very question (not reset, not asked again since).
    template <typename Answer, typename Handle>
    std::function<void(Answer)> awaitOperator(State waiting, const QString& detail, Handle handle);
    void askSecret(SecretKind kind, const QString& subject);
    void onSecret(SecretKind kind, const std::optional<QString>& secret);
    void forgetPassword();
    void startAuthentication();
    void stepAuthentication();
    void becomeReady();
    void failConnection(CommandStatus status, const QString& why);
    void resetSession();
    void setState(State state, const QString& detail = {});

    void updateActivity();
    void probeKeepalive();

    // ChannelPool::Session
    QString describe() const override;
    QString loginUser() const override;
    Elevation elevation() const override { return m_elevation; }
    ssh_channel_struct* newChannel() override;
    bool isConnected() const override;
    QString lastError() const override;
    bool failIfDisconnected() override;
    void noteTraffic() override { m_probeClock.restart(); }

    SshTarget m_target;
    OperatorQuestions m_questions;
    State m_state = State::Disconnected;
    ssh_session_struct* m_session = nullptr;
    Elevation m_elevation = Elevation::None;
    QString m_resolvedLabel;

    ChannelPool m_channels;

    // Authentication: explicit key files first, then agent + default keys.
    std::vector<ssh_key_struct*> m_keys;
    QStringList m_keyFiles; ///< the file of each entry of m_keys, for messages
    std::size_t m_keyIndex = 0;
    QStringList m_lockedKeyFiles; ///< encrypted key files still to unlock, in order
    int m_secretAttempt = 0;
    bool m_passwordDone = false; ///< password asked for and refused, or not given
    QByteArray m_password;       ///< only while the server checks it
    bool m_autoTried = false;
    QStringList m_authNotes;

    QTimer m_pump;         ///< drives libssh while anything is in flight
    QTimer m_connectTimer; ///< connect + host key + auth deadline
    QTimer m_keepalive;
    QTimer m_backoffTimer;
    std::chrono::milliseconds m_backoff;
    QSocketNotifier* m_readNotifier = nullptr;
    quint64 m_questionEpoch = 0; ///< answers for an older session are ignored

    ssh_channel_struct* m_probe = nullptr;
    QElapsedTimer m_probeClock;
};

} // namespace nr1
