#pragma once
// Test support: a CommandRunner that takes every request and never answers (a node that hangs):
// it records what was asked and what was cancelled.

#include "transport/CommandRunner.h"

#include <QList>
#include <QStringList>

namespace nr1 {

class SilentRunner : public CommandRunner {
public:
    RequestId run(const Command& command, QObject*, ResultHandler) override {
        requested << command.argv;
        return m_next++;
    }
    RequestId stream(const Command& command, QObject*, LineHandler, ResultHandler) override {
        requested << command.argv;
        return m_next++;
    }
    void cancel(RequestId id) override { cancelled << id; }
    QString describeTarget() const override { return QStringLiteral("root@silent:22"); }

    QList<QStringList> requested;
    QList<RequestId> cancelled;

private:
    RequestId m_next = 1;
};

} // namespace nr1
