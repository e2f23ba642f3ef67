#pragma once
// Contract: the commands of one SshConnection, run as channels of its session. Requests wait in
// order and are started while the session is Ready, at most target.maxChannels at once; a
// channel the server refuses while others are open (MaxSessions) goes back to the front of the
// queue. Each started request is opened, exec'd, fed its stdin (then EOF) and read on stdout and
// stderr, each stream capped at the command's outputLimit (streaming requests deliver complete
// lines). Every request ends exactly once through its `finish` callback: exited, signalled,
// timed out (deadline counted from submission), cancelled, rejected (bad argv) or failed with
// the connection. It never blocks and owns no timer: the connection steps it from its own
// thread, and the pool asks the connection (through Session) about the session it runs on.

#include "base/RemoteShell.h"
#include "transport/Command.h"
#include "transport/ConnectionState.h"

#include <QElapsedTimer>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

struct ssh_channel_struct;

namespace nr1 {

/// One command on its way through the connection. Callbacks run in the connection's thread;
/// SshRunner hands them on to the caller's thread.
struct SshRequest {
    RequestId id = 0;
    Command command;
    bool streaming = false;
    std::function<void(QByteArray line)> onLine; ///< streaming only
    std::function<void(CommandResult)> finish;

    // Progress, owned by ChannelPool.
    enum class Stage { Queued, Opening, Executing, Running, Closing } stage = Stage::Queued;
    ssh_channel_struct* channel = nullptr;
    QByteArray commandLine;
    qsizetype stdinWritten = 0;
    bool eofSent = false;
    CommandResult result;
    QByteArray partialLine;
    QElapsedTimer clock;
};

class ChannelPool {
public:
    /// What the pool needs of the session its channels run on; SshConnection implements it.
    class Session {
    public:
        /// Channels are started only while this is Ready.
        virtual ConnectionState state() const = 0;
        /// "user@host:port", for messages.
        virtual QString describe() const = 0;
        /// The login user as the session resolved it.
        virtual QString loginUser() const = 0;
        /// How commands are wrapped for that user (sudo -n unless root).
        virtual Elevation elevation() const = 0;
        /// A new channel on the session; null when libssh cannot make one.
        virtual ssh_channel_struct* newChannel() = 0;
        virtual bool isConnected() const = 0;
        /// libssh's last error on the session.
        virtual QString lastError() const = 0;
        /// When the session's transport is gone, fails the whole connection (which ends this
        /// pool's requests) and returns true.
        virtual bool failIfDisconnected() = 0;
        /// Output arrived: the connection is alive, no keepalive probe is needed.
        virtual void noteTraffic() = 0;

    protected:
        ~Session() = default;
    };

    ChannelPool(Session& session, int maxChannels);

    /// Starts the request's clock; returns false (the request finished as Rejected) when its
    /// argv cannot be run.
    bool accept(std::shared_ptr<SshRequest> request);
    void cancel(RequestId id);
    /// Starts waiting requests while the session is Ready and channels are free.
    void startQueued();
    /// Advances every started request (open, exec, stdin, output, end).
    void stepStarted();
    /// Ends requests whose deadline has passed (TimedOut).
    void checkDeadlines();

    /// The session is Ready again: channels may be opened up to maxChannels.
    void sessionReady();
    /// The session is about to be freed: drops the channels of started requests.
    void releaseChannels();
    /// Ends every started request with `status`.
    void endStarted(CommandStatus status, const QString& why);
    /// Ends every request still waiting with `status`.
    void endQueued(CommandStatus status, const QString& why);

    bool hasQueued() const { return !m_queue.empty(); }
    bool hasRequests() const { return !m_queue.empty() || !m_started.empty(); }

private:
    void stepRequest(SshRequest& request);
    bool readChannel(SshRequest& request);
    void completeRequest(const std::shared_ptr<SshRequest>& request, CommandStatus status,
                         const QString& error = {});

    Session& m_session;
    int m_maxChannels;
    std::deque<std::shared_ptr<SshRequest>> m_queue;
    std::vector<std::shared_ptr<SshRequest>> m_started;
    /// Channels we open at once: maxChannels, lowered when the server refuses a channel
    /// (OpenSSH MaxSessions), raised again by one per completed command.
    int m_channelLimit = 1;
};

} // namespace nr1
