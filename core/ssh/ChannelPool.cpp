#include "ssh/ChannelPool.h"

#include <QUuid>
#include <QVariant>
#include <algorithm>
#include <libssh/libssh.h>
#include <utility>

namespace nr1 {

namespace {

constexpr qsizetype kReadChunk = 64 * 1024;
constexpr qsizetype kMaxReadPerDrive = 4 * 1024 * 1024; // stay responsive under a flood
/// A stop command's own deadline beyond the grace: time to connect, scan and reap.
constexpr std::chrono::milliseconds kStopOverhead{std::chrono::seconds(20)};

void appendCapped(QByteArray& buffer, bool& truncated, const char* data, qsizetype size,
                  qsizetype limit) {
    const qsizetype room = std::max<qsizetype>(0, limit - buffer.size());
    if (size > room)
        truncated = true;
    buffer.append(data, std::min(size, room));
}

} // namespace

ChannelPool::ChannelPool(Session& session, int maxChannels)
    : m_session(session)
    , m_maxChannels(maxChannels) {
}

bool ChannelPool::accept(std::shared_ptr<SshRequest> request) {
    request->clock.start();
    if (!remoteCommandLine(request->command.argv, Elevation::None)) {
        request->result.status = CommandStatus::Rejected;
        request->result.error = QStringLiteral("argv is empty or holds a NUL byte");
        request->finish(request->result);
        return false;
    }
    request->tag = request->command.stepTag.isEmpty()
                       ? QStringLiteral("nr1-") + QUuid::createUuid().toString(QUuid::Id128)
                       : request->command.stepTag;
    m_queue.push_back(std::move(request));
    return true;
}

void ChannelPool::cancel(RequestId id) {
    auto matches = [id](const std::shared_ptr<SshRequest>& r) {
        return r->id == id;
    };
    if (auto it = std::find_if(m_queue.begin(), m_queue.end(), matches); it != m_queue.end())
        completeRequest(*it, CommandStatus::Cancelled, QStringLiteral("cancelled"));
    else if (auto at = std::find_if(m_started.begin(), m_started.end(), matches);
             at != m_started.end())
        endRunning(*at, CommandStatus::Cancelled, QStringLiteral("cancelled"));
    // A request already being stopped ends when its stop command reports.
}

bool ChannelPool::mayHaveStarted(const SshRequest& request) {
    // Once exec was sent (even unanswered), sshd may have started the command.
    return request.stopTags.isEmpty() && (request.stage == SshRequest::Stage::Executing ||
                                          request.stage == SshRequest::Stage::Running);
}

void ChannelPool::endRunning(const std::shared_ptr<SshRequest>& request, CommandStatus status,
                             const QString& why) {
    if (!mayHaveStarted(*request)) {
        completeRequest(request, status, why);
        return;
    }
    const std::shared_ptr<SshRequest> keep = request;
    m_started.erase(std::remove(m_started.begin(), m_started.end(), keep), m_started.end());
    if (keep->channel) {
        ssh_channel_free(keep->channel); // sshd closes the channel; the command runs on
        keep->channel = nullptr;
    }
    keep->stage = SshRequest::Stage::Stopping;
    keep->endStatus = status;
    keep->endReason = why;
    m_stopping.push_back(keep);
    queueStop({keep->tag}, [this, keep](const CommandResult& stop) {
        m_stopping.erase(std::remove(m_stopping.begin(), m_stopping.end(), keep), m_stopping.end());
        QString reason = keep->endReason;
        if (stop.succeeded()) {
            reason += QStringLiteral("; the command was stopped on the node");
        } else {
            const QString stopError = stop.status == CommandStatus::Exited
                                          ? QString::fromUtf8(stop.stderrData).trimmed()
                                          : stop.summary();
            reason += QStringLiteral("; nr1 could not confirm that the command ended on the node "
                                     "(%1): it may still be running there (its processes carry "
                                     "NR1_STEP=%2 in their environment)")
                          .arg(stopError.isEmpty() ? stop.summary() : stopError, keep->tag);
            keep->result.mayStillRun = true;
            if (!m_orphanTags.contains(keep->tag))
                m_orphanTags << keep->tag;
        }
        completeRequest(keep, keep->endStatus, reason);
    });
}

void ChannelPool::queueStop(const QStringList& tags,
                            std::function<void(const CommandResult&)> done) {
    auto stop = std::make_shared<SshRequest>();
    stop->stopTags = tags;
    stop->command.argv = QStringList{QStringLiteral("stop-step")}; // for messages only
    stop->command.timeout = kStopGrace + kStopOverhead;
    stop->command.outputLimit = 64 * 1024;
    stop->finish = std::move(done);
    stop->clock.start();
    // Ahead of every waiting request, behind the stop commands already waiting.
    auto at =
        std::find_if(m_queue.begin(), m_queue.end(),
                     [](const std::shared_ptr<SshRequest>& r) { return r->stopTags.isEmpty(); });
    m_queue.insert(at, std::move(stop));
    startQueued();
}

void ChannelPool::sweepOrphans() {
    if (m_orphanTags.isEmpty() || m_sweeping)
        return;
    m_sweeping = true;
    const QStringList tags = m_orphanTags;
    queueStop(tags, [this, tags](const CommandResult& stop) {
        m_sweeping = false;
        if (stop.succeeded())
            for (const QString& tag : tags)
                m_orphanTags.removeAll(tag);
        // Else the tags stay for the next connect; the waiting requests go on regardless.
        if (m_session.state() == ConnectionState::Ready)
            startQueued();
    });
}

void ChannelPool::sessionReady() {
    m_channelLimit = std::max(1, m_maxChannels);
    sweepOrphans();
}

void ChannelPool::releaseChannels() {
    for (const auto& request : m_started)
        if (request->channel) {
            ssh_channel_free(request->channel);
            request->channel = nullptr;
        }
}

void ChannelPool::endStarted(CommandStatus status, const QString& why) {
    const bool wasEnding = std::exchange(m_ending, true);
    while (!m_started.empty()) {
        const std::shared_ptr<SshRequest> request = m_started.front();
        if (!mayHaveStarted(*request)) {
            completeRequest(request, status, why);
            continue;
        }
        // The channel is gone with the connection, the command perhaps not.
        request->result.mayStillRun = true;
        if (!m_orphanTags.contains(request->tag))
            m_orphanTags << request->tag;
        completeRequest(request, status,
                        QStringLiteral("%1; nr1 cannot confirm that the command ended on the node: "
                                       "it may still be running there (its processes carry "
                                       "NR1_STEP=%2 in their environment; nr1 stops them when it "
                                       "connects to the node again, before anything else runs "
                                       "there)")
                            .arg(why, request->tag));
    }
    m_ending = wasEnding;
}

void ChannelPool::endQueued(CommandStatus status, const QString& why) {
    const bool wasEnding = std::exchange(m_ending, true);
    while (!m_queue.empty())
        completeRequest(m_queue.front(), status, why);
    m_ending = wasEnding;
}

void ChannelPool::stepStarted() {
    const auto started = m_started; // steps may complete (and remove) requests
    for (const auto& request : started)
        if (std::find(m_started.begin(), m_started.end(), request) != m_started.end())
            stepRequest(*request);
}

void ChannelPool::startQueued() {
    while (!m_ending && m_session.state() == ConnectionState::Ready && !m_queue.empty() &&
           int(m_started.size()) < m_maxChannels) {
        std::shared_ptr<SshRequest> request = m_queue.front();
        if (m_sweeping && request->stopTags.isEmpty())
            break; // nothing runs while commands from before a lost connection may still run
        m_queue.pop_front();
        request->commandLine =
            request->stopTags.isEmpty()
                ? *remoteCommandLine(request->command.argv, m_session.elevation(), request->tag)
                : *remoteStopCommandLine(request->stopTags, m_session.elevation(), kStopGrace);
        request->channel = m_session.newChannel();
        request->stage = SshRequest::Stage::Opening;
        m_started.push_back(request);
        if (!request->channel) {
            completeRequest(request, CommandStatus::ConnectionLost, m_session.lastError());
            continue;
        }
        stepRequest(*request);
    }
}

bool ChannelPool::readChannel(SshRequest& request) {
    char buffer[kReadChunk];
    qsizetype total = 0;
    for (const int isStderr : {0, 1}) {
        while (total < kMaxReadPerDrive) {
            const int n =
                ssh_channel_read_nonblocking(request.channel, buffer, sizeof buffer, isStderr);
            if (n == SSH_ERROR)
                return false;
            if (n <= 0)
                break;
            total += n;
            m_session.noteTraffic();
            if (isStderr) {
                appendCapped(request.result.stderrData, request.result.stderrTruncated, buffer, n,
                             request.command.outputLimit);
            } else if (request.streaming) {
                request.partialLine.append(buffer, n);
                qsizetype newline;
                while ((newline = request.partialLine.indexOf('\n')) >= 0) {
                    request.onLine(request.partialLine.left(newline));
                    request.partialLine.remove(0, newline + 1);
                }
                if (request.partialLine.size() > request.command.outputLimit) {
                    request.result.stdoutTruncated = true;
                    request.partialLine.truncate(request.command.outputLimit);
                }
            } else {
                appendCapped(request.result.stdoutData, request.result.stdoutTruncated, buffer, n,
                             request.command.outputLimit);
            }
        }
    }
    return true;
}

void ChannelPool::stepRequest(SshRequest& request) {
    auto self =
        std::find_if(m_started.begin(), m_started.end(),
                     [&](const std::shared_ptr<SshRequest>& r) { return r.get() == &request; });
    if (self == m_started.end())
        return;
    const std::shared_ptr<SshRequest> keep = *self;
    auto lost = [&](const QString& what) {
        if (!m_session.failIfDisconnected())
            completeRequest(keep, CommandStatus::ConnectionLost,
                            QStringLiteral("%1: %2").arg(what, m_session.lastError()));
    };
    if (request.stage == SshRequest::Stage::Opening) {
        const int rc = ssh_channel_open_session(request.channel);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK && m_session.isConnected() && m_started.size() > 1) {
            // The server refused this channel while others are open (MaxSessions): run it
            // again when one of them is done, and open fewer at once from now on.
            ssh_channel_free(request.channel);
            request.channel = nullptr;
            request.stage = SshRequest::Stage::Queued;
            m_started.erase(std::remove(m_started.begin(), m_started.end(), keep), m_started.end());
            m_queue.push_front(keep);
            m_channelLimit = std::max(1, int(m_started.size()));
            return;
        }
        if (rc != SSH_OK)
            return lost(QStringLiteral("cannot open a channel"));
        request.stage = SshRequest::Stage::Executing;
    }
    if (request.stage == SshRequest::Stage::Executing) {
        const int rc = ssh_channel_request_exec(request.channel, request.commandLine.constData());
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK)
            return lost(QStringLiteral("cannot start the command"));
        request.stage = SshRequest::Stage::Running;
    }
    const QByteArray& input = request.command.stdinData;
    while (request.stdinWritten < input.size()) {
        const qsizetype chunk = std::min<qsizetype>(input.size() - request.stdinWritten, 32 * 1024);
        const int n = ssh_channel_write(request.channel, input.constData() + request.stdinWritten,
                                        uint32_t(chunk));
        if (n == SSH_ERROR)
            return lost(QStringLiteral("cannot send standard input"));
        if (n == 0)
            break;
        request.stdinWritten += n;
    }
    if (request.stdinWritten == input.size() && !request.eofSent) {
        ssh_channel_send_eof(request.channel);
        request.eofSent = true;
    }
    if (!readChannel(request))
        return lost(QStringLiteral("cannot read the output"));
    if (!ssh_channel_is_eof(request.channel) && !ssh_channel_is_closed(request.channel))
        return;
    const int exitCode = ssh_channel_get_exit_status(request.channel);
    if (exitCode >= 0) {
        request.result.exitCode = exitCode;
        completeRequest(keep, CommandStatus::Exited);
    } else if (ssh_channel_is_closed(request.channel)) {
        completeRequest(
            keep, CommandStatus::Signalled,
            QStringLiteral("the command ended without an exit status (killed by a signal?)"));
    }
}

void ChannelPool::completeRequest(const std::shared_ptr<SshRequest>& request, CommandStatus status,
                                  const QString& error) {
    const std::shared_ptr<SshRequest> keep = request; // the containers may hold the last reference
    m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), keep), m_queue.end());
    m_started.erase(std::remove(m_started.begin(), m_started.end(), keep), m_started.end());
    if (keep->channel) {
        if (status == CommandStatus::Exited)
            ssh_channel_close(keep->channel);
        ssh_channel_free(keep->channel);
        keep->channel = nullptr;
    }
    if (keep->streaming && !keep->partialLine.isEmpty() && status == CommandStatus::Exited) {
        keep->onLine(keep->partialLine);
        keep->partialLine.clear();
    }
    CommandResult& result = keep->result;
    result.status = status;
    result.error = error;
    result.duration = std::chrono::milliseconds(keep->clock.isValid() ? keep->clock.elapsed() : 0);
    if (status == CommandStatus::Exited && m_session.elevation() == Elevation::Sudo &&
        sudoWantsPassword(result.exitCode, result.stderrData)) {
        result.status = CommandStatus::PrivilegeRefused;
        result.error =
            QStringLiteral("sudo on %1 wants a password. nr1 runs commands with 'sudo -n'; "
                           "allow the login user with a sudoers rule, e.g. in "
                           "/etc/sudoers.d/nr1: '%2 ALL=(root) NOPASSWD: ALL'")
                .arg(m_session.describe(), m_session.loginUser());
    }
    keep->finish(result);
    if (status == CommandStatus::Exited)
        m_channelLimit = std::min(m_channelLimit + 1, std::max(1, m_maxChannels));
    if (m_session.state() == ConnectionState::Ready)
        startQueued();
}

void ChannelPool::checkDeadlines() {
    std::vector<std::shared_ptr<SshRequest>> late;
    for (const auto& request : m_queue)
        if (request->clock.elapsed() >= request->command.timeout.count())
            late.push_back(request);
    for (const auto& request : m_started)
        if (request->clock.elapsed() >= request->command.timeout.count())
            late.push_back(request);
    for (const auto& request : late) {
        const bool waiting =
            std::find(m_queue.begin(), m_queue.end(), request) != m_queue.end() ||
            std::find(m_started.begin(), m_started.end(), request) != m_started.end();
        if (!waiting)
            continue; // ended meanwhile, by the end of another
        const bool started = request->stage != SshRequest::Stage::Queued;
        if (started && mayHaveStarted(*request)) {
            endRunning(request, CommandStatus::TimedOut,
                       QStringLiteral("no result within %1 s; the channel was closed")
                           .arg(request->command.timeout.count() / 1000.0));
            continue;
        }
        completeRequest(request, CommandStatus::TimedOut,
                        started ? QStringLiteral("no result within %1 s; the channel was closed")
                                      .arg(request->command.timeout.count() / 1000.0)
                                : QStringLiteral("%1 not reachable within %2 s (%3)")
                                      .arg(m_session.describe())
                                      .arg(request->command.timeout.count() / 1000.0)
                                      .arg(QVariant::fromValue(m_session.state()).toString()));
    }
}

} // namespace nr1
