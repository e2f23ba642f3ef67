#include "ssh/SshConnection.h"

#include "ssh/KnownHosts.h"

#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <algorithm>
#include <libssh/libssh.h>

namespace nr1 {

namespace {

constexpr int kPumpIntervalMs = 5;
constexpr std::chrono::milliseconds kMaxBackoff{std::chrono::seconds(30)};

QString sessionError(ssh_session session) {
    const char* text = session ? ssh_get_error(session) : nullptr;
    return text && *text ? QString::fromUtf8(text) : QStringLiteral("unknown libssh error");
}

QString sessionStringOption(ssh_session session, ssh_options_e option) {
    char* value = nullptr;
    if (ssh_options_get(session, option, &value) != SSH_OK || !value)
        return {};
    QString text = QString::fromUtf8(value);
    ssh_string_free_char(value);
    return text;
}

QString defaultKnownHostsFile() {
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

} // namespace

SshConnection::SshConnection(SshTarget target, OperatorQuestions questions)
    : m_target(std::move(target))
    , m_questions(std::move(questions))
    , m_channels(*this, m_target.maxChannels)
    , m_pump(this)
    , m_connectTimer(this)
    , m_keepalive(this)
    , m_backoffTimer(this)
    , m_backoff(m_target.reconnectBackoff) {
    if (m_target.knownHostsFile.isEmpty())
        m_target.knownHostsFile = defaultKnownHostsFile();
    m_pump.setInterval(kPumpIntervalMs);
    connect(&m_pump, &QTimer::timeout, this, &SshConnection::drive);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Connecting || m_state == State::Authenticating)
            failConnection(CommandStatus::ConnectionFailed,
                           QStringLiteral("%1 did not complete the SSH handshake within %2 s")
                               .arg(describe())
                               .arg(m_target.connectTimeout.count() / 1000.0));
    });
    m_keepalive.setInterval(m_target.keepaliveInterval);
    connect(&m_keepalive, &QTimer::timeout, this, &SshConnection::probeKeepalive);
    m_backoffTimer.setSingleShot(true);
    connect(&m_backoffTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::BackingOff)
            return;
        setState(State::Disconnected);
        if (m_channels.hasQueued())
            startConnect();
    });
}

SshConnection::~SshConnection() {
    shutdown();
}

QString SshConnection::describe() const {
    return m_resolvedLabel.isEmpty() ? m_target.label() : m_resolvedLabel;
}

void SshConnection::setState(State state, const QString& detail) {
    if (m_state == state && detail.isEmpty())
        return;
    m_state = state;
    emit stateChanged(state, detail);
}

void SshConnection::submit(std::shared_ptr<SshRequest> request) {
    if (!m_channels.accept(std::move(request)))
        return;
    if (m_state == State::Disconnected)
        startConnect();
    else if (m_state == State::Ready)
        m_channels.startQueued();
    updateActivity();
}

void SshConnection::cancel(RequestId id) {
    m_channels.cancel(id);
    updateActivity();
}

void SshConnection::shutdown() {
    m_channels.endStarted(CommandStatus::Cancelled, QStringLiteral("connection closed"));
    m_channels.endQueued(CommandStatus::Cancelled, QStringLiteral("connection closed"));
    resetSession();
    m_pump.stop();
    m_keepalive.stop();
    m_backoffTimer.stop();
    m_connectTimer.stop();
    m_state = State::Disconnected;
}

// ---- connecting ------------------------------------------------------------------------

void SshConnection::startConnect() {
    resetSession();
    m_session = ssh_new();
    const QByteArray host = m_target.host.toUtf8();
    bool processConfig = false; // we parse the config ourselves, so tests can turn it off
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    if (m_target.useSshConfig) {
        const QByteArray config = m_target.sshConfigFile.toUtf8();
        ssh_options_parse_config(m_session, config.isEmpty() ? nullptr : config.constData());
    }
    if (m_target.port) {
        const unsigned int port = unsigned(*m_target.port);
        ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    }
    if (!m_target.user.isEmpty())
        ssh_options_set(m_session, SSH_OPTIONS_USER, m_target.user.toUtf8().constData());
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS,
                    m_target.knownHostsFile.toUtf8().constData());
    ssh_set_blocking(m_session, 0);

    unsigned int port = 22;
    ssh_options_get_port(m_session, &port);
    const QString user = sessionStringOption(m_session, SSH_OPTIONS_USER);
    m_resolvedLabel = QStringLiteral("%1@%2:%3")
                          .arg(user, sessionStringOption(m_session, SSH_OPTIONS_HOST))
                          .arg(port);
    setState(State::Connecting, describe());
    m_connectTimer.start(m_target.connectTimeout);
    stepConnect();
    updateActivity();
}

void SshConnection::stepConnect() {
    const int rc = ssh_connect(m_session);
    if (!m_readNotifier && ssh_get_fd(m_session) >= 0) {
        m_readNotifier = new QSocketNotifier(ssh_get_fd(m_session), QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &SshConnection::drive);
    }
    if (rc == SSH_AGAIN)
        return;
    if (rc != SSH_OK) {
        failConnection(
            CommandStatus::ConnectionFailed,
            QStringLiteral("cannot connect to %1: %2").arg(describe(), sessionError(m_session)));
        return;
    }
    verifyHostKey();
}

void SshConnection::verifyHostKey() {
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK) {
        failConnection(
            CommandStatus::ConnectionFailed,
            QStringLiteral("%1 sent no host key: %2").arg(describe(), sessionError(m_session)));
        return;
    }
    unsigned char* hash = nullptr;
    size_t hashLength = 0;
    HostKeyInfo info;
    info.host = sessionStringOption(m_session, SSH_OPTIONS_HOST);
    unsigned int port = 22;
    ssh_options_get_port(m_session, &port);
    info.port = int(port);
    info.knownHostsName = knownHostsName(info.host, info.port);
    info.keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    info.knownHostsFile = m_target.knownHostsFile;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength) == SSH_OK) {
        char* fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
        info.fingerprint = QString::fromLatin1(fingerprint);
        ssh_string_free_char(fingerprint);
        ssh_clean_pubkey_hash(&hash);
    }
    ssh_key_free(key);

    switch (ssh_session_is_known_server(m_session)) {
    case SSH_KNOWN_HOSTS_OK:
        startAuthentication();
        return;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        QStringList known;
        const std::vector<KnownHostEntry> entries =
            findKnownHostEntries(info.knownHostsFile, info.knownHostsName);
        if (m_questions.keyChanged)
            m_questions.keyChanged(info, entries);
        for (const KnownHostEntry& entry : entries)
            known << QStringLiteral("%1 %2 (%3 line %4)")
                         .arg(entry.keyType, entry.fingerprint, info.knownHostsFile)
                         .arg(entry.line);
        failConnection(
            CommandStatus::ConnectionFailed,
            QStringLiteral(
                "REFUSED: the host key of %1 has changed. It presents %2 %3, but known_hosts "
                "holds %4. This can mean someone is intercepting the connection, or the node "
                "was reinstalled. If the change is expected, remove the old key (ssh-keygen -R "
                "'%1' -f %5) and connect again to review the new one.")
                .arg(info.knownHostsName, info.keyType, info.fingerprint,
                     known.isEmpty() ? QStringLiteral("another key")
                                     : known.join(QStringLiteral(", ")),
                     info.knownHostsFile));
        return;
    }
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND: {
        m_questions.trust(info, awaitOperator<TrustDecision>(State::AwaitingTrust, info.fingerprint,
                                                             [this, info](TrustDecision decision) {
                                                                 onTrustDecision(decision, info);
                                                             }));
        return;
    }
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    failConnection(CommandStatus::ConnectionFailed,
                   QStringLiteral("cannot check the host key of %1 against %2: %3")
                       .arg(describe(), info.knownHostsFile, sessionError(m_session)));
}

void SshConnection::onTrustDecision(TrustDecision decision, const HostKeyInfo& key) {
    if (decision == TrustDecision::Reject) {
        failConnection(CommandStatus::ConnectionFailed,
                       QStringLiteral("the host key %1 of %2 was not trusted")
                           .arg(key.fingerprint, key.knownHostsName));
        return;
    }
    if (decision == TrustDecision::AcceptAndRemember) {
        QDir().mkpath(QFileInfo(m_target.knownHostsFile).absolutePath());
        if (ssh_session_update_known_hosts(m_session) != SSH_OK) {
            failConnection(
                CommandStatus::ConnectionFailed,
                QStringLiteral("cannot add %1 to %2: %3")
                    .arg(key.knownHostsName, m_target.knownHostsFile, sessionError(m_session)));
            return;
        }
    }
    m_connectTimer.start(m_target.connectTimeout);
    startAuthentication();
}

void SshConnection::startAuthentication() {
    setState(State::Authenticating, describe());
    for (ssh_key key : m_keys)
        ssh_key_free(key);
    m_keys.clear();
    m_keyFiles.clear();
    m_lockedKeyFiles.clear();
    m_authNotes.clear();
    for (const QString& file : m_target.identityFiles) {
        ssh_key key = nullptr;
        if (ssh_pki_import_privkey_file(file.toUtf8().constData(), nullptr, nullptr, nullptr,
                                        &key) == SSH_OK) {
            m_keys.push_back(key);
            m_keyFiles << file;
        } else if (QFileInfo(file).isReadable()) {
            m_lockedKeyFiles << file; // most likely encrypted: its passphrase is asked in turn
        } else {
            m_authNotes << QStringLiteral("key file %1 is missing or unreadable").arg(file);
        }
    }
    m_secretAttempt = 0;
    m_keyIndex = 0;
    m_autoTried = false;
    m_passwordDone = false;
    forgetPassword();
    stepAuthentication();
}

void SshConnection::stepAuthentication() {
    for (;;) {
        int rc = SSH_AUTH_DENIED;
        const bool passwordOffered =
            (ssh_userauth_list(m_session, nullptr) & SSH_AUTH_METHOD_PASSWORD) != 0;
        if (m_keyIndex < m_keys.size()) {
            rc = ssh_userauth_publickey(m_session, nullptr, m_keys[m_keyIndex]);
        } else if (!m_lockedKeyFiles.isEmpty()) {
            askSecret(SecretKind::KeyPassphrase, m_lockedKeyFiles.first());
            return;
        } else if (!m_autoTried) {
            rc = ssh_userauth_publickey_auto(m_session, nullptr, nullptr);
        } else if (!m_password.isEmpty()) {
            rc = ssh_userauth_password(m_session, nullptr, m_password.constData());
        } else if (!m_passwordDone && passwordOffered) {
            askSecret(SecretKind::Password, describe()); // only ever typed by the operator
            return;
        } else {
            failConnection(CommandStatus::ConnectionFailed,
                           QStringLiteral("authentication as %1 failed: %2")
                               .arg(describe(), m_authNotes.join(QStringLiteral("; "))));
            return;
        }
        if (rc == SSH_AUTH_AGAIN)
            return;
        forgetPassword();
        if (rc == SSH_AUTH_SUCCESS) {
            becomeReady();
            return;
        }
        if (rc == SSH_AUTH_ERROR) {
            failConnection(CommandStatus::ConnectionFailed,
                           QStringLiteral("authentication as %1 failed: %2")
                               .arg(describe(), sessionError(m_session)));
            return;
        }
        if (m_keyIndex < m_keys.size()) {
            m_authNotes << QStringLiteral("key %1 refused").arg(m_keyFiles.value(int(m_keyIndex)));
            ++m_keyIndex;
        } else if (!m_autoTried) {
            m_autoTried = true;
            m_authNotes << QStringLiteral("ssh-agent and default keys refused");
        } else if (m_secretAttempt >= 3) { // a refused password, like OpenSSH's three prompts
            m_passwordDone = true;
            m_authNotes << QStringLiteral("password refused three times");
        }
    }
}

void SshConnection::forgetPassword() {
    m_password.fill('\0');
    m_password.clear();
}

void SshConnection::askSecret(SecretKind kind, const QString& subject) {
    ++m_secretAttempt;
    m_questions.secret(
        kind, subject, m_secretAttempt,
        awaitOperator<std::optional<QString>>(
            State::AwaitingSecret, subject,
            [this, kind](std::optional<QString> secret) { onSecret(kind, secret); }));
}

template <typename Answer, typename Handle>
std::function<void(Answer)> SshConnection::awaitOperator(State waiting, const QString& detail,
                                                         Handle handle) {
    setState(waiting, detail);
    m_connectTimer.stop(); // the operator may take their time
    const quint64 epoch = ++m_questionEpoch;
    QPointer<SshConnection> self(this);
    return [self, epoch, waiting, handle](Answer answer) {
        // Called on the delegate's thread; SshRunner's gate keeps this object alive while an
        // answer can still arrive. Hop to our thread, and drop a stale answer.
        QMetaObject::invokeMethod(
            self.data(),
            [self, epoch, waiting, handle, answer] {
                if (self && self->m_questionEpoch == epoch && self->m_state == waiting)
                    handle(answer);
            },
            Qt::QueuedConnection);
    };
}

void SshConnection::onSecret(SecretKind kind, const std::optional<QString>& secret) {
    setState(State::Authenticating, describe());
    m_connectTimer.start(m_target.connectTimeout);
    if (kind == SecretKind::Password) {
        if (secret && !secret->isEmpty()) {
            m_password = secret->toUtf8(); // in memory until the server answered, then wiped
        } else {
            m_passwordDone = true;
            m_authNotes << QStringLiteral("no password given");
        }
        stepAuthentication();
        return;
    }
    const QString file = m_lockedKeyFiles.first();
    if (!secret) {
        m_authNotes << QStringLiteral("key %1 skipped (no passphrase given)").arg(file);
        m_lockedKeyFiles.removeFirst();
        m_secretAttempt = 0;
    } else {
        ssh_key key = nullptr;
        QByteArray passphrase = secret->toUtf8();
        const bool unlocked =
            ssh_pki_import_privkey_file(file.toUtf8().constData(), passphrase.constData(), nullptr,
                                        nullptr, &key) == SSH_OK;
        passphrase.fill('\0');
        if (unlocked) {
            m_keys.push_back(
                key); // the key stays in memory for this session; the passphrase does not
            m_keyFiles << file;
            m_lockedKeyFiles.removeFirst();
            m_secretAttempt = 0;
        } else if (m_secretAttempt >= 3) {
            m_authNotes
                << QStringLiteral("key %1 not unlocked: wrong passphrase three times").arg(file);
            m_lockedKeyFiles.removeFirst();
            m_secretAttempt = 0;
        }
        // else: asked again with the next attempt number
    }
    stepAuthentication();
}

void SshConnection::becomeReady() {
    m_connectTimer.stop();
    m_elevation = loginUser() == QLatin1String("root") ? Elevation::None : Elevation::Sudo;
    m_backoff = m_target.reconnectBackoff;
    m_channels.sessionReady();
    m_probeClock.invalidate();
    setState(State::Ready, describe());
    m_keepalive.start();
    m_channels.startQueued();
    updateActivity();
}

void SshConnection::failConnection(CommandStatus status, const QString& why) {
    const bool wasReady = m_state == State::Ready;
    m_connectTimer.stop();
    m_keepalive.stop();
    m_channels.endStarted(wasReady ? CommandStatus::ConnectionLost : status, why);
    // Requests that never started are safe to run on the next connection; after a failed
    // connect they fail now, with the reason, instead of waiting for their timeout.
    if (!wasReady)
        m_channels.endQueued(status, why);
    resetSession();
    setState(State::BackingOff, why);
    m_backoffTimer.start(m_backoff);
    m_backoff = std::min(m_backoff * 2, kMaxBackoff);
    updateActivity();
}

void SshConnection::resetSession() {
    delete m_readNotifier;
    m_readNotifier = nullptr;
    m_channels.releaseChannels();
    if (m_probe) {
        ssh_channel_free(m_probe);
        m_probe = nullptr;
    }
    for (ssh_key key : m_keys)
        ssh_key_free(key);
    m_keys.clear();
    m_keyFiles.clear();
    if (m_session) {
        ssh_disconnect(m_session);
        ssh_free(m_session);
        m_session = nullptr;
    }
    ++m_questionEpoch;
}

// ---- driving ------------------------------------------------------------------------------

void SshConnection::drive() {
    switch (m_state) {
    case State::Connecting:
        stepConnect();
        break;
    case State::Authenticating:
        stepAuthentication();
        break;
    case State::Ready: {
        m_channels.stepStarted();
        if (m_state != State::Ready)
            break;
        if (m_probe) {
            const int rc = ssh_channel_open_session(m_probe);
            if (rc == SSH_OK) {
                ssh_channel_free(m_probe);
                m_probe = nullptr;
                m_probeClock.restart();
            } else if (rc == SSH_ERROR ||
                       m_probeClock.elapsed() > m_target.keepaliveInterval.count()) {
                failConnection(CommandStatus::ConnectionLost,
                               QStringLiteral("%1 stopped answering (keepalive)").arg(describe()));
                return;
            }
        }
        if (failIfDisconnected())
            return;
        m_channels.startQueued();
        break;
    }
    default:
        break;
    }
    m_channels.checkDeadlines();
    updateActivity();
}

void SshConnection::probeKeepalive() {
    if (m_state != State::Ready || m_probe)
        return;
    if (m_probeClock.isValid() && m_probeClock.elapsed() < m_target.keepaliveInterval.count())
        return; // traffic seen recently
    m_probe = ssh_channel_new(m_session);
    m_probeClock.restart();
    updateActivity();
}

void SshConnection::updateActivity() {
    const bool busy = m_channels.hasRequests() || m_probe || m_state == State::Connecting ||
                      m_state == State::Authenticating;
    if (busy && !m_pump.isActive())
        m_pump.start();
    else if (!busy)
        m_pump.stop();
    if (m_readNotifier)
        m_readNotifier->setEnabled(busy);
}

// ---- what the channel pool asks of the session ----------------------------------------------

QString SshConnection::loginUser() const {
    return sessionStringOption(m_session, SSH_OPTIONS_USER);
}

ssh_channel SshConnection::newChannel() {
    return ssh_channel_new(m_session);
}

bool SshConnection::isConnected() const {
    return m_session && ssh_is_connected(m_session);
}

QString SshConnection::lastError() const {
    return sessionError(m_session);
}

bool SshConnection::failIfDisconnected() {
    if (!m_session || ssh_is_connected(m_session))
        return false;
    failConnection(CommandStatus::ConnectionLost,
                   QStringLiteral("connection to %1 lost: %2").arg(describe(), lastError()));
    return true;
}

} // namespace nr1
