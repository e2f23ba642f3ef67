#pragma once
// Contract: one libssh session to one node, living in one worker thread (every method is called
// in that thread; SshRunner posts to it). It connects on demand, verifies the host key (asking
// the trust delegate for an unknown one), authenticates with the agent and key files, and runs
// many commands at once as channels (at most target.maxChannels; the rest wait in order). It
// never blocks: libssh runs non-blocking, driven by socket notifications and a short timer
// while anything is in flight. Every request ends exactly once through its `finish` callback:
// exited, timed out (deadline counted from submission), cancelled, connection failed or lost.
// An idle connection is probed every keepaliveInterval; a probe unanswered marks it dead. After
// a failure the next connect waits a backoff that doubles up to 30 s.

#include "base/RemoteShell.h"
#include "ssh/SshTarget.h"
#include "transport/Command.h"
#include "transport/ConnectionState.h"
#include "transport/OperatorDelegate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

struct ssh_session_struct;
struct ssh_channel_struct;
struct ssh_key_struct;
class QSocketNotifier;

namespace nr1 {

/// One command on its way through the connection. Callbacks run in the connection's thread;
/// SshRunner hands them on to the caller's thread.
struct SshRequest {
    RequestId id = 0;
    Command command;
    bool streaming = false;
    std::function<void(QByteArray line)> onLine; ///< streaming only
    std::function<void(CommandResult)> finish;

    // Progress, owned by SshConnection.
    enum class Stage { Queued, Opening, Executing, Running, Closing } stage = Stage::Queued;
    ssh_channel_struct* channel = nullptr;
    QByteArray commandLine;
    qsizetype stdinWritten = 0;
    bool eofSent = false;
    CommandResult result;
    QByteArray partialLine;
    QElapsedTimer clock;
};

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

class SshConnection : public QObject {
    Q_OBJECT
public:
    using State = ConnectionState;

    SshConnection(SshTarget target, OperatorQuestions questions);
    ~SshConnection() override;

    void submit(std::shared_ptr<SshRequest> request);
    void cancel(RequestId id);
    /// Ends every request (Cancelled) and closes the session.
    void shutdown();

    State state() const { return m_state; }

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

    void startQueued();
    void stepRequest(SshRequest& request);
    bool readChannel(SshRequest& request);
    void completeRequest(const std::shared_ptr<SshRequest>& request, CommandStatus status,
                         const QString& error = {});
    void checkDeadlines();
    void updateActivity();
    void probeKeepalive();

    QString describe() const;

    SshTarget m_target;
    OperatorQuestions m_questions;
    State m_state = State::Disconnected;
    ssh_session_struct* m_session = nullptr;
    Elevation m_elevation = Elevation::None;
    QString m_resolvedLabel;

    std::deque<std::shared_ptr<SshRequest>> m_queue;
    /// Channels we open at once: maxChannels, lowered when the server refuses a channel
    /// (OpenSSH MaxSessions), raised again by one per completed command.
    int m_channelLimit = 1;
    std::vector<std::shared_ptr<SshRequest>> m_active;

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
