#include "transport/ReplayRunner.h"

#include <QMetaObject>

namespace nr1 {

ReplayRunner::ReplayRunner(QString target)
    : m_target(std::move(target)) {
}

void ReplayRunner::expect(const QStringList& argv, const CommandResult& result,
                          std::optional<QByteArray> stdinData) {
    m_exchanges.push_back(Exchange{argv, result, std::move(stdinData), false});
}

void ReplayRunner::expectOutput(const QStringList& argv, const QByteArray& stdoutData,
                                int exitCode) {
    CommandResult result;
    result.status = CommandStatus::Exited;
    result.exitCode = exitCode;
    result.stdoutData = stdoutData;
    expect(argv, result);
}

QList<QStringList> ReplayRunner::unused() const {
    QList<QStringList> list;
    for (const Exchange& exchange : m_exchanges)
        if (!exchange.used)
            list.append(exchange.argv);
    return list;
}

RequestId ReplayRunner::run(const Command& command, QObject* context, ResultHandler onDone) {
    return answer(command, context, nullptr, std::move(onDone));
}

RequestId ReplayRunner::stream(const Command& command, QObject* context, LineHandler onLine,
                               ResultHandler onDone) {
    return answer(command, context, std::move(onLine), std::move(onDone));
}

void ReplayRunner::cancel(RequestId id) {
    m_cancelled.append(id);
}

RequestId ReplayRunner::answer(const Command& command, QObject* context, LineHandler onLine,
                               ResultHandler onDone) {
    const RequestId id = m_nextId++;
    m_executed.append(command);
    CommandResult result;
    auto match = std::find_if(m_exchanges.begin(), m_exchanges.end(), [&](const Exchange& e) {
        return !e.used && e.argv == command.argv &&
               (!e.stdinData || *e.stdinData == command.stdinData);
    });
    if (match == m_exchanges.end()) {
        m_unexpected.append(command.argv);
        result.status = CommandStatus::Rejected;
        result.error =
            QStringLiteral("replay: nobody recorded '%1'").arg(command.argv.join(QLatin1Char(' ')));
    } else {
        match->used = true;
        result = match->result;
    }
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        context,
        [this, id, guard, result = std::move(result), onLine = std::move(onLine),
         onDone = std::move(onDone)]() mutable {
            if (!guard)
                return;
            if (m_cancelled.contains(id)) {
                CommandResult cancelled;
                cancelled.status = CommandStatus::Cancelled;
                cancelled.error = QStringLiteral("cancelled");
                onDone(cancelled);
                return;
            }
            if (onLine) {
                const QList<QByteArray> lines = result.stdoutData.split('\n');
                for (qsizetype index = 0; index < lines.size(); ++index)
                    if (index + 1 < lines.size() || !lines[index].isEmpty())
                        onLine(lines[index]);
                // As from SshRunner: the lines were the stdout; the result does not repeat it.
                result.stdoutData.clear();
            }
            onDone(result);
        },
        Qt::QueuedConnection);
    return id;
}

} // namespace nr1
