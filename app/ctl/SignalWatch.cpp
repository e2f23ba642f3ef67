#include "ctl/SignalWatch.h"

#include <QSocketNotifier>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace nr1::ctl {

namespace {

int g_writeEnd = -1;
volatile std::sig_atomic_t g_received = 0;

extern "C" void onSignal(int number) {
    if (g_received) // the second one: no more waiting
        std::_Exit(128 + number);
    g_received = number;
    const char byte = char(number);
    [[maybe_unused]] const ssize_t written = ::write(g_writeEnd, &byte, 1);
}

QString signalName(int number) {
    return number == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
}

} // namespace

SignalWatch::SignalWatch(std::function<void(int, const QString&)> first, QObject* parent)
    : QObject(parent)
    , m_first(std::move(first)) {
    if (::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    g_writeEnd = m_pipe[1];
    g_received = 0;
    m_notifier = new QSocketNotifier(m_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        while (::read(m_pipe[0], &byte, 1) == 1)
            m_first(int(byte), signalName(int(byte)));
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

SignalWatch::~SignalWatch() {
    if (m_pipe[0] < 0)
        return;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_writeEnd = -1;
    ::close(m_pipe[0]);
    ::close(m_pipe[1]);
}

} // namespace nr1::ctl
