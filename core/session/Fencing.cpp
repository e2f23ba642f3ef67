#include "session/Fencing.h"

#include "plan/Plan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

namespace nr1 {

Fencing::Fencing(PairSession& session, NodeRole node, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_node(node) {
}

QString Fencing::fenceCommand() const {
    const InventoryPair& pair = m_session.pair();
    return (m_node == NodeRole::Primary ? pair.primary : pair.secondary).fenceCommand;
}

QString Fencing::nodeName() const {
    return m_node == NodeRole::Primary ? tr("the Primary") : tr("the Secondary");
}

bool Fencing::hasFenceCommand() const {
    return !fenceCommand().isEmpty();
}

void Fencing::fence(std::function<void(const Result<void>&)> done, std::chrono::seconds limit) {
    const QString command = fenceCommand();
    if (command.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [done, why = tr("the inventory gives %1 no fence_command").arg(nodeName())] {
                done(failure(why));
            },
            Qt::QueuedConnection);
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(QStringLiteral("/bin/sh"));
    m_process->setArguments({QStringLiteral("-c"), command});
    m_process->setStandardInputFile(QProcess::nullDevice());
    auto* timer = new QTimer(m_process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, m_process, [process = m_process] { process->kill(); });
    const auto record = [this](const QJsonObject& fields) {
        QJsonObject entry{{QStringLiteral("event"), QStringLiteral("fence")},
                          {QStringLiteral("pair"), m_session.name()},
                          {QStringLiteral("node"), nodeRoleName(m_node)},
                          {QStringLiteral("target"), m_session.runner(m_node).describeTarget()}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            entry.insert(it.key(), it.value());
        m_session.journal().append(entry);
    };
    connect(
        m_process, &QProcess::finished, this,
        [this, done, record, timer](int exitCode, QProcess::ExitStatus status) {
            const bool timedOut = !timer->isActive() && status == QProcess::CrashExit;
            timer->stop();
            const QString stderrLine =
                QString::fromUtf8(m_process->readAllStandardError()).trimmed().section(u'\n', 0, 0);
            m_process->deleteLater();
            m_process = nullptr;
            const bool fenced = status == QProcess::NormalExit && exitCode == 0;
            record({{QStringLiteral("fenced"), fenced},
                    {QStringLiteral("exit"), status == QProcess::NormalExit ? exitCode : -1},
                    {QStringLiteral("stderr"), stderrLine}});
            if (fenced)
                done({});
            else if (timedOut)
                done(failure(tr("the fence command of %1 did not end in time: it was "
                                "stopped, and the node must be taken as running")
                                 .arg(nodeName())));
            else
                done(failure(tr("the fence command of %1 failed (%2)%3: the node must be "
                                "taken as running")
                                 .arg(nodeName(),
                                      status == QProcess::NormalExit ? tr("exit %1").arg(exitCode)
                                                                     : tr("it crashed"),
                                      stderrLine.isEmpty() ? QString()
                                                           : QStringLiteral(": ") + stderrLine)));
        });
    connect(m_process, &QProcess::errorOccurred, this,
            [this, done, record](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // a crash or kill ends in finished()
                record({{QStringLiteral("fenced"), false},
                        {QStringLiteral("stderr"), m_process->errorString()}});
                const QString why = m_process->errorString();
                m_process->deleteLater();
                m_process = nullptr;
                done(failure(tr("the fence command could not start: %1").arg(why)));
            });
    record({{QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    timer->start(limit);
    m_process->start();
}

void Fencing::recordConfirmation(const QString& how) {
    m_session.journal().append(
        {{QStringLiteral("event"), QStringLiteral("fence")},
         {QStringLiteral("pair"), m_session.name()},
         {QStringLiteral("node"), nodeRoleName(m_node)},
         {QStringLiteral("target"), m_session.runner(m_node).describeTarget()},
         {QStringLiteral("fenced"), true},
         {QStringLiteral("confirmedBy"), how}});
}

} // namespace nr1
