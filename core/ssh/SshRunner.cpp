#include "ssh/SshRunner.h"

#include <QPointer>
#include <openssl/crypto.h>

namespace nr1 {

SshRunner::SshRunner(SshTarget target, OperatorDelegate* delegate, QObject* parent)
    : ConnectedRunner(parent)
    , m_target(std::move(target))
    , m_delegate(delegate) {
    qRegisterMetaType<nr1::ConnectionState>();
    std::weak_ptr<Gate> gate = m_gate;
    QPointer<SshRunner> runner(this);
    // Each answer goes back through the gate, closed before the connection is destroyed, so a
    // late answer from the delegate never reaches a deleted connection.
    auto throughGate = [gate](auto answer) {
        return [gate, answer = std::move(answer)](auto value) {
            if (const auto open = gate.lock()) {
                std::lock_guard lock(open->mutex);
                if (open->open)
                    answer(value);
            }
        };
    };
    OperatorQuestions questions;
    // Asked on the worker thread; the delegate is asked on the runner's thread.
    questions.trust = [runner, throughGate](const HostKeyInfo& key,
                                            std::function<void(TrustDecision)> answer) {
        auto gated = throughGate(std::move(answer));
        QMetaObject::invokeMethod(
            runner.data(),
            [runner, key, gated] {
                if (runner && runner->m_delegate)
                    runner->m_delegate->decideUnknownHostKey(key, gated);
                else
                    gated(TrustDecision::Reject);
            },
            Qt::QueuedConnection);
    };
    questions.keyChanged = [runner](const HostKeyInfo& key,
                                    const std::vector<KnownHostEntry>& known) {
        QMetaObject::invokeMethod(
            runner.data(),
            [runner, key, known] {
                if (runner && runner->m_delegate)
                    runner->m_delegate->hostKeyChanged(key, known);
            },
            Qt::QueuedConnection);
    };
    questions.secret = [runner, throughGate](SecretKind kind, const QString& subject, int attempt,
                                             std::function<void(std::optional<QString>)> answer) {
        auto gated = throughGate(std::move(answer));
        QMetaObject::invokeMethod(
            runner.data(),
            [runner, kind, subject, attempt, gated] {
                if (!runner || !runner->m_delegate)
                    gated(std::optional<QString>());
                else if (kind == SecretKind::KeyPassphrase)
                    runner->m_delegate->providePassphrase(subject, attempt, gated);
                else
                    runner->m_delegate->providePassword(subject, attempt, gated);
            },
            Qt::QueuedConnection);
    };
    m_connection = new SshConnection(m_target, questions);
    m_connection->moveToThread(&m_thread);
    connect(m_connection, &SshConnection::stateChanged, this, &SshRunner::connectionStateChanged,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("ssh %1").arg(m_target.label()));
    m_thread.start();
}

SshRunner::~SshRunner() {
    {
        std::lock_guard lock(m_gate->mutex);
        m_gate->open = false;
    }
    SshConnection* connection = m_connection;
    // Not a nested event loop: this thread only waits for the worker to finish its cleanup.
    QMetaObject::invokeMethod(
        connection,
        [connection] {
            delete connection;
            // libssh's crypto left per-thread state (OpenSSL's random generator) on this
            // thread; release it before the thread ends.
            OPENSSL_thread_stop();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

RequestId SshRunner::run(const Command& command, QObject* context, ResultHandler onDone) {
    return submit(command, context, nullptr, std::move(onDone));
}

RequestId SshRunner::stream(const Command& command, QObject* context, LineHandler onLine,
                            ResultHandler onDone) {
    return submit(command, context, std::move(onLine), std::move(onDone));
}

RequestId SshRunner::submit(const Command& command, QObject* context, LineHandler onLine,
                            ResultHandler onDone) {
    auto request = std::make_shared<SshRequest>();
    request->id = m_nextId++;
    request->command = command;
    request->streaming = bool(onLine);
    QPointer<QObject> guard(context);
    QPointer<SshRunner> runner(this);
    if (onLine) {
        // Lines travel to this thread in order, each guarded by the context.
        request->onLine = [runner, guard, onLine](QByteArray line) {
            QMetaObject::invokeMethod(
                runner.data(),
                [guard, onLine, line] {
                    if (guard)
                        onLine(line);
                },
                Qt::QueuedConnection);
        };
    }
    request->finish = [runner, guard, onDone = std::move(onDone)](CommandResult result) {
        QMetaObject::invokeMethod(
            runner.data(),
            [guard, onDone, result] {
                if (guard)
                    onDone(result);
            },
            Qt::QueuedConnection);
    };
    const RequestId id = request->id;
    SshConnection* connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection, request] { connection->submit(request); }, Qt::QueuedConnection);
    return id;
}

void SshRunner::cancel(RequestId id) {
    SshConnection* connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection, id] { connection->cancel(id); }, Qt::QueuedConnection);
}

} // namespace nr1
