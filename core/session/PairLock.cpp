#include "session/PairLock.h"

#include "base/NodeScript.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QSysInfo>
#include <cerrno>
#include <csignal>
#include <memory>
#include <unistd.h>

namespace nr1 {

namespace {

/// The exit status of the lock scripts when another owner holds the lock (EX_TEMPFAIL).
constexpr int kHeldByAnother = 75;

// The lock scripts (core/scripts/lock-*.sh) take the lock folder as $1; take and release read
// the owner line on stdin (so the command line is the same for every owner, and tests can
// record it).
Command lockCommand(NodeScript script, const QString& pair, const QString& owner = {}) {
    Command command = Command::of(nodeScriptArgv(script, {PairLock::lockPath(pair)}));
    if (!owner.isEmpty())
        command.stdinData = owner.toUtf8() + '\n';
    command.timeout = std::chrono::seconds(30);
    return command;
}

QString roleName(NodeRole role) {
    return role == NodeRole::Primary ? QStringLiteral("primary") : QStringLiteral("secondary");
}

QString firstLine(const QByteArray& output) {
    return QString::fromUtf8(output).trimmed().section(QLatin1Char('\n'), 0, 0).left(300);
}

/// True when `owner` (a lock's owner line) names a process of this machine that is not
/// running: "nr1ctl (root@host pid 123) since …".
bool heldByGoneProcessHere(const QString& owner) {
    static const QRegularExpression pattern(
        QStringLiteral("^\\S+ \\([^@()]*@([^ ()]+) pid (\\d+)\\) since "));
    const QRegularExpressionMatch match = pattern.match(owner);
    if (!match.hasMatch() || match.captured(1) != QSysInfo::machineHostName())
        return false;
    const pid_t pid = pid_t(match.captured(2).toLongLong());
    return pid > 0 && pid != ::getpid() && ::kill(pid, 0) == -1 && errno == ESRCH;
}

} // namespace

PairLock::PairLock(PairSession& session, const QString& purpose, QObject* parent)
    : QObject(parent)
    , m_session(session) {
    const QString user = qEnvironmentVariable("USER", QStringLiteral("?"));
    m_owner = QStringLiteral("%1 (%2@%3 pid %4) since %5: %6")
                  .arg(QCoreApplication::applicationName(), user, QSysInfo::machineHostName())
                  .arg(::getpid())
                  .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), purpose);
}

PairLock::~PairLock() {
    if (!m_held)
        return;
    // Fire and forget: the runners outlive this object and finish the request.
    for (const NodeRole role : m_nodes)
        m_session.runner(role).run(lockCommand(NodeScript::LockRelease, m_session.name(), m_owner),
                                   &m_session, [](const CommandResult&) {});
}

Command PairLock::takeCommand(const QString& pair) {
    return lockCommand(NodeScript::LockTake, pair);
}

Command PairLock::releaseCommand(const QString& pair) {
    return lockCommand(NodeScript::LockRelease, pair);
}

QString PairLock::lockPath(const QString& pair) {
    return QStringLiteral("/run/lock/nr1/%1.lock").arg(pairFileName(pair));
}

void PairLock::takeOn(NodeRole role, Taken done, bool mayTakeOver) {
    m_session.runner(role).run(
        lockCommand(NodeScript::LockTake, m_session.name(), m_owner), this,
        [this, role, done = std::move(done), mayTakeOver](const CommandResult& result) {
            if (result.succeeded()) {
                done({});
                return;
            }
            const QString node = QStringLiteral("%1 (%2)").arg(
                roleName(role), m_session.runner(role).describeTarget());
            const QString holder = firstLine(result.stdoutData);
            if (mayTakeOver && result.status == CommandStatus::Exited &&
                result.exitCode == kHeldByAnother && heldByGoneProcessHere(holder)) {
                // Break it only if it is still that holder's, then take it as usual (once).
                m_session.runner(role).run(
                    lockCommand(NodeScript::LockBreakStale, m_session.name(), holder), this,
                    [this, role, done, node, holder](const CommandResult& broken) {
                        if (broken.succeeded())
                            emit tookOver(tr("The lock of pair %1 on the %2 was held by %3, which "
                                             "is not running any more: taken over.")
                                              .arg(m_session.name(), node, holder));
                        takeOn(role, done, false);
                    });
                return;
            }
            if (result.status == CommandStatus::Exited && result.exitCode == kHeldByAnother)
                done(failure(tr("pair %1 is locked on the %2 by %3. If that nr1 is gone, "
                                "`nr1ctl unlock --pair %1` breaks the lock.")
                                 .arg(m_session.name(), node, holder)));
            else
                done(failure(tr("cannot take the lock of pair %1 on the %2: %3 %4")
                                 .arg(m_session.name(), node, result.summary(),
                                      firstLine(result.stderrData))));
        });
}

void PairLock::take(Taken done) {
    if (m_held) {
        QMetaObject::invokeMethod(
            this, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    takeFrom(0, std::move(done));
}

void PairLock::takeFrom(qsizetype index, Taken done) {
    takeOn(m_nodes.at(index), [this, index, done](const Result<void>& taken) {
        if (taken.ok() && index + 1 < m_nodes.size()) {
            takeFrom(index + 1, done);
            return;
        }
        if (taken.ok()) {
            m_held = true;
            done(taken);
            return;
        }
        if (index == 0) {
            done(taken);
            return;
        }
        // Give the first node's back: a half-taken lock would block everyone.
        m_session.runner(m_nodes.first())
            .run(lockCommand(NodeScript::LockRelease, m_session.name(), m_owner), this,
                 [done, taken](const CommandResult&) { done(taken); });
    });
}

void PairLock::setNodes(QList<NodeRole> nodes) {
    Q_ASSERT(!m_held && !nodes.isEmpty());
    m_nodes = std::move(nodes);
}

namespace {

/// Runs `command` on both nodes at once; `done` gets both answers (Primary's first) once the
/// second has come.
void askBoth(
    PairSession& session, const Command& command, QObject* context,
    std::function<void(const CommandResult& primary, const CommandResult& secondary)> done) {
    struct Answers {
        CommandResult primary;
        CommandResult secondary;
        int outstanding = 2;
    };
    auto answers = std::make_shared<Answers>();
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
        session.runner(role).run(
            command, context, [answers, role, done](const CommandResult& result) {
                (role == NodeRole::Primary ? answers->primary : answers->secondary) = result;
                if (--answers->outstanding == 0)
                    done(answers->primary, answers->secondary);
            });
}

/// "primary (root@a): exited 1" for each node whose answer failed.
QStringList failedNodes(PairSession& session, const CommandResult& primary,
                        const CommandResult& secondary) {
    QStringList failed;
    for (const auto& [role, result] :
         {std::pair{NodeRole::Primary, &primary}, std::pair{NodeRole::Secondary, &secondary}})
        if (!result->succeeded())
            failed << QStringLiteral("%1 (%2): %3")
                          .arg(roleName(role), session.runner(role).describeTarget(),
                               result->summary());
    return failed;
}

} // namespace

void PairLock::release(std::function<void()> done) {
    if (!m_held) {
        if (done)
            QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
        return;
    }
    m_held = false;
    auto outstanding = std::make_shared<qsizetype>(m_nodes.size());
    for (const NodeRole role : m_nodes)
        m_session.runner(role).run(lockCommand(NodeScript::LockRelease, m_session.name(), m_owner),
                                   this, [outstanding, done](const CommandResult&) {
                                       if (--*outstanding == 0 && done)
                                           done();
                                   });
}

void PairLock::holders(PairSession& session, QObject* context,
                       std::function<void(const Result<QStringList>&)> done) {
    askBoth(session, lockCommand(NodeScript::LockShow, session.name()), context,
            [&session, done](const CommandResult& primary, const CommandResult& secondary) {
                if (const QStringList failed = failedNodes(session, primary, secondary);
                    !failed.isEmpty()) {
                    done(failure(failed.join(QStringLiteral("; "))));
                    return;
                }
                QStringList holders;
                for (const auto& [role, result] : {std::pair{NodeRole::Primary, &primary},
                                                   std::pair{NodeRole::Secondary, &secondary}})
                    if (const QString owner = firstLine(result->stdoutData); !owner.isEmpty())
                        holders << QStringLiteral("%1: %2").arg(roleName(role), owner);
                done(holders);
            });
}

void PairLock::breakLock(PairSession& session, QObject* context,
                         std::function<void(const Result<void>&)> done) {
    askBoth(session, lockCommand(NodeScript::LockBreak, session.name()), context,
            [&session, done](const CommandResult& primary, const CommandResult& secondary) {
                if (const QStringList failed = failedNodes(session, primary, secondary);
                    !failed.isEmpty())
                    done(failure(failed.join(QStringLiteral("; "))));
                else
                    done({});
            });
}

} // namespace nr1
