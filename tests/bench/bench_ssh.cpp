// Benchmark: N small commands over nr1's persistent SSH connection (sequentially and with the
// connection's channel concurrency) against the same N run as `ssh -o BatchMode=yes host cmd`
// (OpenSSH's client, a new connection each), both against one local sshd. Prints commands/s
// and the ratio, and the GUI-thread stall: the longest gap of a 1 ms timer on the main thread
// while 100 commands run.

#include "TestSshd.h"
#include "TestSshdTarget.h"
#include "ssh/SshRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>
#include <cstdio>
#include <optional>

using namespace nr1;
using namespace std::chrono_literals;

namespace {

/// Runs `count` commands, at most `parallel` at once; returns the seconds it took.
double runBatch(SshRunner& runner, int count, int parallel) {
    QObject context;
    int started = 0;
    int finished = 0;
    int failed = 0;
    QElapsedTimer clock;
    clock.start();
    std::function<void()> startOne = [&] {
        ++started;
        runner.run(Command::of({QStringLiteral("true")}), &context,
                   [&](const CommandResult& result) {
                       ++finished;
                       failed += result.succeeded() ? 0 : 1;
                       if (started < count)
                           startOne();
                   });
    };
    for (int i = 0; i < std::min(parallel, count); ++i)
        startOne();
    while (finished < count)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (failed)
        std::printf("  (%d of %d commands failed)\n", failed, count);
    return clock.elapsed() / 1000.0;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(10, std::atoi(argv[1])) : 200;
    TestSshd sshd;
    if (!sshd.start()) {
        std::fprintf(stderr, "bench_ssh: %s\n", qPrintable(sshd.error()));
        return 1;
    }
    FixedTrustDelegate trust(TrustDecision::AcceptAndRemember);
    SshRunner runner(testSshdTarget(sshd), &trust);
    runBatch(runner, 5, 1); // connect and warm up

    const double sequential = runBatch(runner, count, 1);
    const double concurrent = runBatch(runner, count, 8);

    // The same commands through OpenSSH's client, a new connection each time.
    const int opensshCount = std::max(10, count / 4);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < opensshCount; ++i) {
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"),
                  {QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                   QStringLiteral("StrictHostKeyChecking=no"), QStringLiteral("-o"),
                   QStringLiteral("UserKnownHostsFile=%1")
                       .arg(sshd.path(QStringLiteral("bench_known_hosts"))),
                   QStringLiteral("-i"), sshd.clientKey(), QStringLiteral("-p"),
                   QString::number(sshd.port()), QStringLiteral("%1@127.0.0.1").arg(sshd.user()),
                   QStringLiteral("true")});
        ssh.waitForFinished(30000);
        if (ssh.exitCode() != 0) {
            std::fprintf(stderr, "bench_ssh: ssh failed: %s\n",
                         ssh.readAllStandardError().constData());
            return 1;
        }
    }
    const double openssh = clock.elapsed() / 1000.0;

    // GUI-thread stall: a 1 ms timer on this (main) thread while 100 commands run.
    qint64 longestGap = 0;
    QElapsedTimer gapClock;
    gapClock.start();
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout,
                     [&] { longestGap = std::max(longestGap, gapClock.restart()); });
    tick.start();
    runBatch(runner, 100, 8);
    tick.stop();

    const double nr1Rate = count / sequential;
    const double nr1ConcurrentRate = count / concurrent;
    const double opensshRate = opensshCount / openssh;
    std::printf("bench_ssh: %d commands ('true') against a local sshd\n", count);
    std::printf("  nr1, one persistent connection, sequential:   %8.1f commands/s\n", nr1Rate);
    std::printf("  nr1, one persistent connection, 8 channels:   %8.1f commands/s\n",
                nr1ConcurrentRate);
    std::printf("  OpenSSH client, new connection per command:   %8.1f commands/s (%d runs)\n",
                opensshRate, opensshCount);
    std::printf("  ratio nr1 (8 channels) / OpenSSH:            %8.1fx (goal >= 10x)\n",
                nr1ConcurrentRate / opensshRate);
    std::printf("  ratio nr1 (sequential) / OpenSSH:            %8.1fx\n", nr1Rate / opensshRate);
    std::printf("  per command: nr1 %.1f ms (sequential), OpenSSH %.1f ms\n", 1000.0 / nr1Rate,
                1000.0 / opensshRate);
    std::printf(
        "  note: sshd starts every command through the login user's shell and its rc files\n"
        "  (e.g. ~/.bashrc); that start-up is in both figures and bounds the ratio.\n");
    std::printf("  main-thread stall during 100 commands: longest 1 ms timer gap %lld ms\n",
                static_cast<long long>(longestGap));
    return 0;
}
