#pragma once
// Contract: the one interface through which nr1 runs every command on a node. A request is
// argv in, a CommandResult out, delivered exactly once to `onDone` on the thread of `context`
// (never synchronously from run(), never after `context` is destroyed). Streaming requests also
// deliver each complete stdout line to `onLine` before `onDone`; their result does not carry
// that stdout again (neither runner's does): a caller keeps the lines. Any
// request can be cancelled; a cancelled request still gets its onDone with status Cancelled. A
// timed-out or cancelled command is reported once it ended on the node; when that cannot be
// confirmed (e.g. the connection was lost), its result says mayStillRun. Implementations: SshRunner
// (real nodes) and ReplayRunner (tests).

#include "transport/Command.h"

#include <QObject>
#include <functional>

namespace nr1 {

class CommandRunner {
public:
    using ResultHandler = std::function<void(const CommandResult&)>;
    using LineHandler = std::function<void(const QByteArray& line)>;

    virtual ~CommandRunner() = default;

    virtual RequestId run(const Command& command, QObject* context, ResultHandler onDone) = 0;
    virtual RequestId stream(const Command& command, QObject* context, LineHandler onLine,
                             ResultHandler onDone) = 0;
    virtual void cancel(RequestId id) = 0;
    /// The node this runner reaches, for messages ("root@127.0.0.1:2222").
    virtual QString describeTarget() const = 0;
};

} // namespace nr1
