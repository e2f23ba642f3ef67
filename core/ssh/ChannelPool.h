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
//
// Steps that end. Closing a channel does not end its command: sshd gives an exec without a pty
// no signal, so a command that writes nothing runs on. So every command carries a unique step
// tag in its environment (NR1_STEP=TAG, RemoteShell), and runs in a session and process group of
// its own (sshd calls setsid() for each channel's command; no setsid wrapper is added, so the
// command's exit status, signals and output reach nr1 untouched). A started request that times
// out or is cancelled is stopped on the node before it ends: its channel is closed, a stop
// command (stop-step.sh: SIGTERM to every process carrying the tag and to their process groups,
// SIGKILL after kStopGrace) runs ahead of every waiting request, and only when it reports that
// nothing of the command is left does the request end (TimedOut/Cancelled, mayStillRun false).
// When the stop cannot confirm that (it fails, or the connection goes), the request ends with
// mayStillRun true and an error that says so and names the tag. A started request whose
// connection is lost ends at once (ConnectionLost, mayStillRun true): the node's sshd closes the
// channel but, without a pty, sends no SIGHUP, so the command may run on. Its tag is kept, and on
// the next Ready session the stop command for all such tags runs before any other request
// starts there (if it fails, the tags are kept for the next connect and requests go on).
// Limits: the pool's memory is the only record of those tags (a runner destroyed, or nr1 ending,
// forgets them, and a runner destroyed while commands run leaves them running); a process that
// clears its environment and leaves its process group escapes the stop; a command whose channel
// is closed within the instant between sshd's fork and its exec of the command can be missed.

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

    /// Set for the pool's own stop commands: they stop these tags instead of running argv.
    QStringList stopTags;

    // Progress, owned by ChannelPool.
    enum class Stage { Queued, Opening, Executing, Running, Stopping } stage = Stage::Queued;
    ssh_channel_struct* channel = nullptr;
    QString tag; ///< NR1_STEP of the command on the node
    QByteArray commandLine;
    CommandStatus endStatus = CommandStatus::Cancelled; ///< while Stopping: how it will end
    QString endReason;                                  ///< while Stopping: why
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
    bool hasRequests() const {
        return !m_queue.empty() || !m_started.empty() || !m_stopping.empty();
    }

    /// How long a stopped command gets between SIGTERM and SIGKILL.
    static constexpr std::chrono::milliseconds kStopGrace{std::chrono::seconds(3)};

private:
    /// Ends a request that timed out or was cancelled: at once when its command cannot have
    /// started, else after stopping it on the node.
    void endRunning(const std::shared_ptr<SshRequest>& request, CommandStatus status,
                    const QString& why);
    /// A stop command for `tags`, placed ahead of every waiting request.
    void queueStop(const QStringList& tags, std::function<void(const CommandResult&)> done);
    /// The session is Ready: stops the commands whose end a lost connection left unknown.
    void sweepOrphans();
    static bool mayHaveStarted(const SshRequest& request);
    void stepRequest(SshRequest& request);
    bool readChannel(SshRequest& request);
    void completeRequest(const std::shared_ptr<SshRequest>& request, CommandStatus status,
                         const QString& error = {});

    Session& m_session;
    int m_maxChannels;
    std::deque<std::shared_ptr<SshRequest>> m_queue;
    std::vector<std::shared_ptr<SshRequest>> m_started;
    /// Timed out or cancelled, their channel closed, waiting for their stop command.
    std::vector<std::shared_ptr<SshRequest>> m_stopping;
    /// Tags of commands that may still run on the node (their connection was lost, or a stop
    /// failed); stopped on the next Ready session before anything else starts.
    QStringList m_orphanTags;
    bool m_sweeping = false; ///< the stop of m_orphanTags runs: only stop commands start
    bool m_ending = false;   ///< ending requests with their connection: nothing starts
    /// Channels we open at once: maxChannels, lowered when the server refuses a channel
    /// (OpenSSH MaxSessions), raised again by one per completed command.
    int m_channelLimit = 1;
};

} // namespace nr1
