#pragma once
// Contract: a CommandRunner for tests that answers from recorded (argv → result) exchanges.
// Each recorded exchange answers one request with the same argv (and the same stdin, when the
// recording names it), in recording order. A request nobody recorded is answered Rejected and
// listed by unexpected(); recordings never used are listed by unused(), so a test can fail on
// both. Answers are delivered asynchronously, like a real runner's.

#include "transport/CommandRunner.h"

#include <QList>
#include <QPointer>
#include <optional>
#include <vector>

namespace nr1 {

class ReplayRunner : public CommandRunner {
public:
    explicit ReplayRunner(QString target = QStringLiteral("replay"));

    /// Records that `argv` answers `result`.
    void expect(const QStringList& argv, const CommandResult& result,
                std::optional<QByteArray> stdinData = std::nullopt);
    /// Records a successful run printing `stdoutData`.
    void expectOutput(const QStringList& argv, const QByteArray& stdoutData, int exitCode = 0);

    RequestId run(const Command& command, QObject* context, ResultHandler onDone) override;
    RequestId stream(const Command& command, QObject* context, LineHandler onLine,
                     ResultHandler onDone) override;
    void cancel(RequestId id) override;
    QString describeTarget() const override { return m_target; }

    /// Commands requested so far, in order.
    const QList<Command>& executed() const { return m_executed; }
    QList<QStringList> unexpected() const { return m_unexpected; }
    QList<QStringList> unused() const;

private:
    struct Exchange {
        QStringList argv;
        CommandResult result;
        std::optional<QByteArray> stdinData;
        bool used = false;
    };
    RequestId answer(const Command& command, QObject* context, LineHandler onLine,
                     ResultHandler onDone);

    QString m_target;
    std::vector<Exchange> m_exchanges;
    QList<Command> m_executed;
    QList<QStringList> m_unexpected;
    QList<RequestId> m_cancelled;
    RequestId m_nextId = 1;
};

} // namespace nr1
