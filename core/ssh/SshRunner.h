#pragma once
// Contract: the CommandRunner for a real node. It owns one worker thread holding one
// SshConnection (one session per node, reused for everything; many commands as channels).
// run()/stream()/cancel() may be called from the runner's thread and return at once; results
// and lines are delivered on the runner's thread through the event loop, and only while the
// request's context object lives (contexts must live in the runner's thread). Unknown host keys
// and key passphrases are put to the delegate on the runner's thread. A timed-out or cancelled
// command is stopped on the node before its result comes (see ChannelPool for how, and its
// limits). Destroying the runner cancels what is still running without stopping it on the node
// (the callbacks of cancelled requests are not called any more) and joins the thread.

#include "ssh/SshConnection.h"
#include "ssh/SshTarget.h"
#include "transport/ConnectedRunner.h"
#include "transport/OperatorDelegate.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>
#include <mutex>

namespace nr1 {

class SshRunner : public ConnectedRunner {
    Q_OBJECT
public:
    /// `delegate` must outlive the runner; it is called on the runner's thread.
    SshRunner(SshTarget target, OperatorDelegate* delegate, QObject* parent = nullptr);
    ~SshRunner() override;

    RequestId run(const Command& command, QObject* context, ResultHandler onDone) override;
    RequestId stream(const Command& command, QObject* context, LineHandler onLine,
                     ResultHandler onDone) override;
    void cancel(RequestId id) override;
    QString describeTarget() const override { return m_target.label(); }

private:
    RequestId submit(const Command& command, QObject* context, LineHandler onLine,
                     ResultHandler onDone);

    /// Lets late answers from the trust delegate reach the connection only while it exists.
    struct Gate {
        std::mutex mutex;
        bool open = true;
    };

    SshTarget m_target;
    OperatorDelegate* m_delegate;
    QThread m_thread;
    SshConnection* m_connection = nullptr;
    std::shared_ptr<Gate> m_gate = std::make_shared<Gate>();
    std::atomic<RequestId> m_nextId{1};
};

} // namespace nr1
