#pragma once
// Contract: SIGINT and SIGTERM for a running nr1ctl command, delivered on the event loop. While
// a SignalWatch lives, the first such signal calls `first(number, "SIGTERM")` from the event
// loop (the handler only writes to a pipe); a second one ends the process at once with status
// 128 + number, as the shell expects. One SignalWatch at a time; the default handling comes
// back when it is destroyed.

#include <QObject>
#include <functional>

class QSocketNotifier;

namespace nr1::ctl {

class SignalWatch : public QObject {
public:
    explicit SignalWatch(std::function<void(int number, const QString& name)> first,
                         QObject* parent = nullptr);
    ~SignalWatch() override;

private:
    std::function<void(int, const QString&)> m_first;
    QSocketNotifier* m_notifier = nullptr;
    int m_pipe[2] = {-1, -1};
};

} // namespace nr1::ctl
