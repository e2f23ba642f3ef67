#include "session/PairLock.h"

#include "base/NodeScript.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>
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
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
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

void PairLock::takeOn(NodeRole role, Taken done) {
    m_session.runner(role).run(
        lockCommand(NodeScript::LockTake, m_session.name(), m_owner), this,
        [this, role, done = std::move(done)](const CommandResult& result) {
            if (result.succeeded()) {
                done(true, QString());
                return;
            }
            const QString node = QStringLiteral("%1 (%2)").arg(
                roleName(role), m_session.runner(role).describeTarget());
            if (result.status == CommandStatus::Exited && result.exitCode == kHeldByAnother)
                done(false, tr("pair %1 is locked on the %2 by %3. If that nr1 is gone, "
                               "`nr1ctl unlock --pair %1` breaks the lock.")
                                .arg(m_session.name(), node, firstLine(result.stdoutData)));
            else
                done(false, tr("cannot take the lock of pair %1 on the %2: %3 %4")
                                .arg(m_session.name(), node, result.summary(),
                                     firstLine(result.stderrData)));
        });
}

void PairLock::take(Taken done) {
    if (m_held) {
        QMetaObject::invokeMethod(
            this, [done] { done(true, QString()); }, Qt::QueuedConnection);
        return;
    }
    takeOn(NodeRole::Primary, [this, done](bool taken, const QString& why) {
        if (!taken) {
            done(false, why);
            return;
        }
        takeOn(NodeRole::Secondary, [this, done](bool bothTaken, const QString& refusal) {
            if (bothTaken) {
                m_held = true;
                done(true, QString());
                return;
            }
            // Give the Primary's back: a half-taken lock would block everyone.
            m_session.primary().run(
                lockCommand(NodeScript::LockRelease, m_session.name(), m_owner), this,
                [done, refusal](const CommandResult&) { done(false, refusal); });
        });
    });
}

void PairLock::release(std::function<void()> done) {
    if (!m_held) {
        if (done)
            QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
        return;
    }
    m_held = false;
    auto outstanding = std::make_shared<int>(2);
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
        m_session.runner(role).run(lockCommand(NodeScript::LockRelease, m_session.name(), m_owner),
                                   this, [outstanding, done](const CommandResult&) {
                                       if (--*outstanding == 0 && done)
                                           done();
                                   });
}

void PairLock::holders(PairSession& session, QObject* context,
                       std::function<void(const QStringList&, const QString&)> done) {
    struct Answers {
        QStringList holders;
        QStringList errors;
        int outstanding = 2;
    };
    auto answers = std::make_shared<Answers>();
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
        session.runner(role).run(
            lockCommand(NodeScript::LockShow, session.name()), context,
            [answers, role, done, &session](const CommandResult& result) {
                if (!result.succeeded())
                    answers->errors
                        << QStringLiteral("%1 (%2): %3")
                               .arg(roleName(role), session.runner(role).describeTarget(),
                                    result.summary());
                else if (const QString owner = firstLine(result.stdoutData); !owner.isEmpty())
                    answers->holders << QStringLiteral("%1: %2").arg(roleName(role), owner);
                if (--answers->outstanding == 0)
                    done(answers->holders, answers->errors.join(QStringLiteral("; ")));
            });
}

void PairLock::breakLock(PairSession& session, QObject* context,
                         std::function<void(bool, const QString&)> done) {
    auto outstanding = std::make_shared<int>(2);
    auto errors = std::make_shared<QStringList>();
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
        session.runner(role).run(
            lockCommand(NodeScript::LockBreak, session.name()), context,
            [outstanding, errors, role, done, &session](const CommandResult& result) {
                if (!result.succeeded())
                    *errors << QStringLiteral("%1 (%2): %3")
                                   .arg(roleName(role), session.runner(role).describeTarget(),
                                        result.summary());
                if (--*outstanding == 0)
                    done(errors->isEmpty(), errors->join(QStringLiteral("; ")));
            });
}

} // namespace nr1
