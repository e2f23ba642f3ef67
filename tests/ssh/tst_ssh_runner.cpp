// SshRunner against a real OpenSSH sshd on 127.0.0.1: trust flow, authentication, command
// results, faults, concurrency and the quoting property.

#include "TestSshd.h"
#include "ssh/KnownHosts.h"
#include "ssh/SshRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>
#include <optional>

using namespace nr1;
using namespace std::chrono_literals;

namespace {

/// A delegate that records what it was asked and answers a set decision.
class RecordingTrust : public OperatorDelegate {
public:
    explicit RecordingTrust(TrustDecision answerWith)
        : decision(answerWith) {}
    void decideUnknownHostKey(const HostKeyInfo& key,
                              std::function<void(TrustDecision)> answer) override {
        asked.append(key);
        answer(decision);
    }
    void hostKeyChanged(const HostKeyInfo& presented,
                        const std::vector<KnownHostEntry>& known) override {
        changed.append(presented);
        remembered = known;
    }
    TrustDecision decision;
    QList<HostKeyInfo> asked;
    QList<HostKeyInfo> changed;
    std::vector<KnownHostEntry> remembered;
};

} // namespace

class TestSshRunner : public QObject {
    Q_OBJECT
private:
    TestSshd m_sshd;
    QString m_knownHosts;

    SshTarget target(const QString& knownHosts = {}) const {
        SshTarget t;
        t.host = QStringLiteral("127.0.0.1");
        t.port = m_sshd.port();
        t.user = m_sshd.user();
        t.identityFiles = {m_sshd.clientKey()};
        t.knownHostsFile = knownHosts.isEmpty() ? m_knownHosts : knownHosts;
        t.useSshConfig = false;
        t.connectTimeout = 10s;
        t.reconnectBackoff = 200ms;
        return t;
    }

    static CommandResult runAndWait(CommandRunner& runner, const Command& command,
                                    int waitMs = 30000) {
        std::optional<CommandResult> result;
        QObject context;
        runner.run(command, &context, [&](const CommandResult& r) { result = r; });
        QElapsedTimer clock;
        clock.start();
        while (!result && clock.elapsed() < waitMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (!result)
            qFatal("no result for %s", qPrintable(command.argv.join(QLatin1Char(' '))));
        return *result;
    }

    /// A sleep length no other process on this machine uses: it marks a test's processes, which
    /// run on this machine since the "node" is 127.0.0.1.
    static QString uniqueSleep() {
        return QStringLiteral("30.%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
    }

    /// True while a process whose command line holds `marker` runs (pgrep -f).
    static bool running(const QString& marker) {
        QProcess pgrep;
        pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), marker});
        pgrep.waitForFinished(10000);
        return pgrep.exitStatus() == QProcess::NormalExit && pgrep.exitCode() == 0;
    }

    static Command cmd(std::initializer_list<const char*> argv) {
        Command command;
        for (const char* arg : argv)
            command.argv << QString::fromUtf8(arg);
        return command;
    }

private slots:
    void initTestCase() {
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
        m_knownHosts = m_sshd.path(QStringLiteral("known_hosts"));
    }

    void firstContactShowsTheFingerprintSshKeygenPrints() {
        QFile::remove(m_knownHosts);
        RecordingTrust trust(TrustDecision::AcceptAndRemember);
        {
            SshRunner runner(target(), &trust);
            const CommandResult result = runAndWait(runner, cmd({"echo", "hello"}));
            QCOMPARE(result.status, CommandStatus::Exited);
            QCOMPARE(result.stdoutData, QByteArray("hello\n"));
        }
        QCOMPARE(trust.asked.size(), 1);
        QCOMPARE(trust.asked[0].fingerprint, m_sshd.hostKeyFingerprint());
        QVERIFY(trust.asked[0].fingerprint.startsWith(QLatin1String("SHA256:")));
        QCOMPARE(trust.asked[0].keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(trust.asked[0].knownHostsName,
                 QStringLiteral("[127.0.0.1]:%1").arg(m_sshd.port()));
        // Remembered: the file now names the host, and the next runner does not ask.
        const auto entries = findKnownHostEntries(m_knownHosts, trust.asked[0].knownHostsName);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].fingerprint, m_sshd.hostKeyFingerprint());
        RecordingTrust never(TrustDecision::Reject);
        SshRunner again(target(), &never);
        QCOMPARE(runAndWait(again, cmd({"true"})).status, CommandStatus::Exited);
        QCOMPARE(never.asked.size(), 0);
    }

    void acceptOnceDoesNotWriteKnownHosts() {
        const QString file = m_sshd.path(QStringLiteral("known_hosts_once"));
        RecordingTrust trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(file), &trust);
        QCOMPARE(runAndWait(runner, cmd({"true"})).status, CommandStatus::Exited);
        QCOMPARE(trust.asked.size(), 1);
        QVERIFY(!QFile::exists(file));
    }

    void rejectedKeyFailsTheCommand() {
        const QString file = m_sshd.path(QStringLiteral("known_hosts_reject"));
        RecordingTrust trust(TrustDecision::Reject);
        SshRunner runner(target(file), &trust);
        const CommandResult result = runAndWait(runner, cmd({"true"}));
        QCOMPARE(result.status, CommandStatus::ConnectionFailed);
        QVERIFY2(result.error.contains(m_sshd.hostKeyFingerprint()), qPrintable(result.error));
        QVERIFY(!QFile::exists(file));
    }

    void changedHostKeyIsRefusedWithBothFingerprints() {
        const QString file = m_sshd.path(QStringLiteral("known_hosts_changed"));
        const QString name = QStringLiteral("[127.0.0.1]:%1").arg(m_sshd.port());
        const QString otherKey = m_sshd.otherHostPublicKey().section(QLatin1Char(' '), 0, 1);
        QFile known(file);
        QVERIFY(known.open(QIODevice::WriteOnly));
        known.write(QStringLiteral("# a comment line\n%1 %2\n").arg(name, otherKey).toUtf8());
        known.close();
        const QString oldFingerprint =
            sshKeygenFingerprint(m_sshd.path(QStringLiteral("other_host_ed25519.pub")));
        RecordingTrust trust(TrustDecision::AcceptAndRemember);
        SshRunner runner(target(file), &trust);
        const CommandResult result = runAndWait(runner, cmd({"true"}));
        QCOMPARE(result.status, CommandStatus::ConnectionFailed);
        QCOMPARE(trust.asked.size(), 0); // never offered for acceptance
        QVERIFY2(result.error.contains(QLatin1String("changed")), qPrintable(result.error));
        QVERIFY2(result.error.contains(m_sshd.hostKeyFingerprint()), qPrintable(result.error));
        QVERIFY2(result.error.contains(oldFingerprint), qPrintable(result.error));
        QVERIFY2(result.error.contains(file + QStringLiteral(" line 2")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("ssh-keygen -R")), qPrintable(result.error));
        // The delegate is told (for the console's warning), with both keys.
        QTRY_COMPARE(trust.changed.size(), 1);
        QCOMPARE(trust.changed.front().fingerprint, m_sshd.hostKeyFingerprint());
        QCOMPARE(trust.changed.front().knownHostsName, name);
        QCOMPARE(trust.remembered.size(), size_t(1));
        QCOMPARE(trust.remembered.front().fingerprint, oldFingerprint);
        QCOMPARE(trust.remembered.front().line, 2);
    }

    void wrongKeyIsAnAuthenticationError() {
        SshTarget t = target();
        t.identityFiles = {m_sshd.otherClientKey()};
        t.useSshConfig = false;
        RecordingTrust trust(TrustDecision::AcceptOnce);
        // No agent, and no default key of this user is authorized for this sshd.
        qputenv("SSH_AUTH_SOCK", "");
        SshRunner runner(t, &trust);
        const CommandResult result = runAndWait(runner, cmd({"true"}));
        QCOMPARE(result.status, CommandStatus::ConnectionFailed);
        QVERIFY2(result.error.contains(QLatin1String("authentication")), qPrintable(result.error));
        QVERIFY2(result.error.contains(m_sshd.otherClientKey()), qPrintable(result.error));
    }

    void encryptedKeyIsUnlockedThroughTheDelegate() {
        struct PassphraseDelegate : FixedTrustDelegate {
            PassphraseDelegate()
                : FixedTrustDelegate(TrustDecision::AcceptOnce) {}
            void providePassphrase(const QString& file, int attempt,
                                   std::function<void(std::optional<QString>)> answer) override {
                asked << QStringLiteral("%1#%2").arg(file).arg(attempt);
                answer(attempt == 1 ? QStringLiteral("wrong") : TestSshd::lockedKeyPassphrase());
            }
            QStringList asked;
        } delegate;
        qputenv("SSH_AUTH_SOCK", "");
        SshTarget t = target();
        t.identityFiles = {m_sshd.lockedClientKey()};
        SshRunner runner(t, &delegate);
        const CommandResult result = runAndWait(runner, cmd({"echo", "unlocked"}));
        QCOMPARE(result.status, CommandStatus::Exited);
        QCOMPARE(result.stdoutData, QByteArray("unlocked\n"));
        QCOMPARE(delegate.asked, (QStringList{m_sshd.lockedClientKey() + QStringLiteral("#1"),
                                              m_sshd.lockedClientKey() + QStringLiteral("#2")}));
    }

    void encryptedKeyWithoutPassphraseIsSkipped() {
        FixedTrustDelegate delegate(TrustDecision::AcceptOnce); // knows no passphrase
        qputenv("SSH_AUTH_SOCK", "");
        SshTarget t = target();
        t.identityFiles = {m_sshd.lockedClientKey()};
        SshRunner runner(t, &delegate);
        const CommandResult result = runAndWait(runner, cmd({"true"}));
        QCOMPARE(result.status, CommandStatus::ConnectionFailed);
        QVERIFY2(result.error.contains(QLatin1String("skipped (no passphrase given)")),
                 qPrintable(result.error));
    }

    void passwordIsAskedOnlyAfterKeysFailAndAtMostThreeTimes() {
        struct PasswordDelegate : FixedTrustDelegate {
            PasswordDelegate()
                : FixedTrustDelegate(TrustDecision::AcceptOnce) {}
            void providePassword(const QString& account, int attempt,
                                 std::function<void(std::optional<QString>)> answer) override {
                asked << QStringLiteral("%1#%2").arg(account).arg(attempt);
                answer(QStringLiteral("not the password"));
            }
            QStringList asked;
        } delegate;
        qputenv("SSH_AUTH_SOCK", "");
        SshTarget t = target();
        t.identityFiles = {m_sshd.otherClientKey()}; // refused: the password is the last resort
        SshRunner runner(t, &delegate);
        const CommandResult result = runAndWait(runner, cmd({"true"}));
        QCOMPARE(result.status, CommandStatus::ConnectionFailed);
        const QString account =
            QStringLiteral("%1@127.0.0.1:%2").arg(m_sshd.user()).arg(m_sshd.port());
        QCOMPARE(delegate.asked,
                 (QStringList{account + QStringLiteral("#1"), account + QStringLiteral("#2"),
                              account + QStringLiteral("#3")}));
        QVERIFY2(result.error.contains(QLatin1String("password refused three times")),
                 qPrintable(result.error));
        // With a working key the password is never asked for.
        PasswordDelegate unused;
        SshRunner withKey(target(), &unused);
        QVERIFY(runAndWait(withKey, cmd({"true"})).succeeded());
        QVERIFY(unused.asked.isEmpty());
    }

    void exitCodesAndSeparateStreams() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        const CommandResult result =
            runAndWait(runner, cmd({"sh", "-c", "echo out; echo err >&2; echo more; exit 3"}));
        QCOMPARE(result.status, CommandStatus::Exited);
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.stdoutData, QByteArray("out\nmore\n"));
        QCOMPARE(result.stderrData, QByteArray("err\n"));
        QVERIFY(!result.succeeded());
        QCOMPARE(runAndWait(runner, cmd({"false"})).exitCode, 1);
        QVERIFY(runAndWait(runner, cmd({"true"})).succeeded());
    }

    void localeIsC() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QCOMPARE(runAndWait(runner, cmd({"sh", "-c", "echo $LC_ALL"})).stdoutData,
                 QByteArray("C\n"));
    }

    void standardInputIsPassedByteForByte() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        Command command = cmd({"cat"});
        QByteArray input;
        for (int i = 0; i < 300000; ++i)
            input.append(char(i * 7 % 256)); // NULs and invalid UTF-8 included
        command.stdinData = input;
        const CommandResult result = runAndWait(runner, command);
        QCOMPARE(result.status, CommandStatus::Exited);
        QCOMPARE(result.stdoutData.size(), input.size());
        QVERIFY(result.stdoutData == input);
    }

    void tenMebibytesAndRawBytes() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        const CommandResult big =
            runAndWait(runner, cmd({"head", "-c", "10485760", "/dev/urandom"}));
        QCOMPARE(big.status, CommandStatus::Exited);
        QCOMPARE(big.stdoutData.size(), 10485760);
        QVERIFY(!big.stdoutTruncated);
        const CommandResult raw = runAndWait(runner, cmd({"printf", "\\377\\376\\000x"}));
        QCOMPARE(raw.stdoutData, QByteArray("\xff\xfe\0x", 4));
    }

    void outputIsCappedAndMarked() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        Command command = cmd({"head", "-c", "5000000", "/dev/zero"});
        command.outputLimit = 1024 * 1024;
        const CommandResult result = runAndWait(runner, command);
        QCOMPARE(result.status, CommandStatus::Exited);
        QCOMPARE(result.stdoutData.size(), 1024 * 1024);
        QVERIFY(result.stdoutTruncated);
        QVERIFY(!result.stderrTruncated);
    }

    void timeoutClosesTheChannel() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QVERIFY(runAndWait(runner, cmd({"true"})).succeeded()); // connected
        Command command = cmd({"sleep", "30"});
        command.timeout = 1s;
        QElapsedTimer clock;
        clock.start();
        const CommandResult result = runAndWait(runner, command);
        QCOMPARE(result.status, CommandStatus::TimedOut);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(result.error.contains(QLatin1String("channel was closed")));
        QVERIFY(runAndWait(runner, cmd({"true"})).succeeded()); // the connection is still good
    }

    void timeoutStopsTheCommandOnTheNode() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QVERIFY(runAndWait(runner, cmd({"true"})).succeeded()); // connected
        const QString marker = uniqueSleep();
        // A child that ignores SIGTERM (only SIGKILL after the grace ends it) and a sleep.
        Command command;
        command.argv = QStringList{
            QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("sh -c 'trap \"\" TERM; while :; do sleep %1; done' & sleep %1; :")
                .arg(marker)};
        command.timeout = 1s;
        QElapsedTimer clock;
        clock.start();
        QObject context;
        std::optional<CommandResult> result;
        runner.run(command, &context, [&](const CommandResult& r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(running(marker), 5000);
        const int limit = 1000 + int(ChannelPool::kStopGrace.count()) + 5000;
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), limit);
        QCOMPARE(result->status, CommandStatus::TimedOut);
        QVERIFY2(!result->mayStillRun, qPrintable(result->error));
        QVERIFY2(result->error.contains(QLatin1String("stopped on the node")),
                 qPrintable(result->error));
        // Reported only once nothing of it is left: no waiting here.
        QVERIFY2(!running(marker), qPrintable(marker));
        // SIGTERM was ignored: it took the grace and SIGKILL.
        QVERIFY2(clock.elapsed() >= ChannelPool::kStopGrace.count(),
                 qPrintable(QString::number(clock.elapsed())));
        QVERIFY(runAndWait(runner, cmd({"true"})).succeeded()); // the connection is still good
    }

    void cancelStopsTheCommandOnTheNode() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        const QString marker = uniqueSleep();
        QObject context;
        int lines = 0;
        std::optional<CommandResult> done;
        const RequestId id = runner.stream(
            Command::of({QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("sleep %1 & while :; do echo x; sleep 0.05; done; : %1")
                             .arg(marker)}),
            &context, [&](const QByteArray&) { ++lines; },
            [&](const CommandResult& r) { done = r; });
        QTRY_VERIFY_WITH_TIMEOUT(lines >= 3, 20000);
        QVERIFY(running(marker));
        runner.cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
        QCOMPARE(done->status, CommandStatus::Cancelled);
        QVERIFY2(!done->mayStillRun, qPrintable(done->error));
        QVERIFY2(!running(marker), qPrintable(marker));
    }

    void aCommandBeyondALostConnectionIsStoppedOnReconnect() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QVERIFY(runAndWait(runner, cmd({"true"})).succeeded());
        const QString marker = uniqueSleep();
        QObject context;
        std::optional<CommandResult> lost;
        Command command = Command::of({QStringLiteral("sh"), QStringLiteral("-c"),
                                       QStringLiteral("sleep %1; :").arg(marker)});
        command.timeout = 60s;
        runner.run(command, &context, [&](const CommandResult& r) { lost = r; });
        QTRY_VERIFY_WITH_TIMEOUT(running(marker), 10000);
        m_sshd.dropConnections();
        QTRY_VERIFY_WITH_TIMEOUT(lost.has_value(), 20000);
        QCOMPARE(lost->status, CommandStatus::ConnectionLost);
        QVERIFY(lost->mayStillRun);
        QVERIFY2(lost->error.contains(QLatin1String("NR1_STEP=nr1-")), qPrintable(lost->error));
        // sshd sent it no signal: it runs on, as on a node whose link was cut.
        QVERIFY(running(marker));
        // The next command reconnects, and runs only once the stray command is stopped.
        const CommandResult next = runAndWait(runner, cmd({"true"}));
        QVERIFY2(next.succeeded(), qPrintable(next.summary()));
        QVERIFY2(!running(marker), qPrintable(marker));
    }

    void theStepTagIsInTheEnvironmentOnly() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        // The tag is in the environment only; the command's output and exit code are its own.
        const CommandResult result =
            runAndWait(runner, cmd({"sh", "-c", "printf '%s' \"$NR1_STEP\" >&2; exit 3"}));
        QCOMPARE(result.status, CommandStatus::Exited);
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.stdoutData.isEmpty());
        QVERIFY2(result.stderrData.startsWith("nr1-"), result.stderrData.constData());
        QVERIFY(!result.mayStillRun);
    }

    void unreachableNodeFailsFast() {
        SshTarget t = target();
        t.port = 1; // nothing listens there
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(t, &trust);
        QElapsedTimer clock;
        clock.start();
        const CommandResult result = runAndWait(runner, cmd({"true"}));
        QCOMPARE(result.status, CommandStatus::ConnectionFailed);
        QVERIFY(clock.elapsed() < 5000);
    }

    void concurrentCommands() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QObject context;
        QMap<int, CommandResult> results;
        for (int i = 0; i < 50; ++i)
            runner.run(cmd({"sh", "-c", "sleep 0.2; echo $0", QByteArray::number(i).constData()}),
                       &context, [&results, i](const CommandResult& r) { results.insert(i, r); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 50, 60000);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(results[i].status, CommandStatus::Exited);
            QCOMPARE(results[i].stdoutData, QByteArray::number(i) + '\n');
        }
    }

    void streamingDeliversLinesThenResult() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QObject context;
        QList<QByteArray> lines;
        std::optional<CommandResult> done;
        runner.stream(
            cmd({"sh", "-c", "for i in 1 2 3; do echo line$i; sleep 0.1; done; printf tail"}),
            &context, [&](const QByteArray& line) { lines.append(line); },
            [&](const CommandResult& r) { done = r; });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 20000);
        QCOMPARE(lines, (QList<QByteArray>{"line1", "line2", "line3", "tail"}));
        QCOMPARE(done->status, CommandStatus::Exited);
        QVERIFY(done->stdoutData.isEmpty()); // the lines were the stdout (runner contract)
    }

    void streamingCanBeCancelled() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QObject context;
        int lines = 0;
        std::optional<CommandResult> done;
        const RequestId id = runner.stream(
            cmd({"sh", "-c", "while :; do echo x; sleep 0.05; done"}), &context,
            [&](const QByteArray&) { ++lines; }, [&](const CommandResult& r) { done = r; });
        QTRY_VERIFY_WITH_TIMEOUT(lines >= 3, 20000);
        runner.cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 5000);
        QCOMPARE(done->status, CommandStatus::Cancelled);
    }

    void destroyedContextGetsNoCallback() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        bool called = false;
        auto* context = new QObject;
        runner.run(cmd({"sleep", "0.3"}), context, [&](const CommandResult&) { called = true; });
        delete context;
        QVERIFY(runAndWait(runner, cmd({"sleep", "0.5"})).succeeded());
        QVERIFY(!called);
    }

    void sshdKilledDuringCommandThenBack() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QVERIFY(runAndWait(runner, cmd({"true"})).succeeded());
        QObject context;
        std::optional<CommandResult> running;
        Command longOne = cmd({"sleep", "20"});
        longOne.timeout = 30s;
        runner.run(longOne, &context, [&](const CommandResult& r) { running = r; });
        QTest::qWait(500);
        m_sshd.killHard();
        QTRY_VERIFY_WITH_TIMEOUT(running.has_value(), 20000);
        QCOMPARE(running->status, CommandStatus::ConnectionLost);
        // While sshd is down: a clear failure, not a hang.
        const CommandResult down = runAndWait(runner, cmd({"true"}));
        QVERIFY2(down.status == CommandStatus::ConnectionFailed ||
                     down.status == CommandStatus::TimedOut,
                 qPrintable(down.summary()));
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
        // Back: the runner reconnects by itself (after its backoff).
        std::optional<CommandResult> back;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000) {
            back = runAndWait(runner, cmd({"echo", "back"}));
            if (back->succeeded())
                break;
            QTest::qWait(200);
        }
        QCOMPARE(back->stdoutData, QByteArray("back\n"));
    }

    void sshConfigAliasIsHonoured() {
        const QString config = m_sshd.path(QStringLiteral("ssh_config"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("Host nr1-test-node\n  HostName 127.0.0.1\n  Port %1\n  User "
                                  "%2\n  IdentityFile %3\n")
                       .arg(m_sshd.port())
                       .arg(m_sshd.user(), m_sshd.clientKey())
                       .toUtf8());
        file.close();
        SshTarget t;
        t.host = QStringLiteral("nr1-test-node");
        t.useSshConfig = true;
        t.sshConfigFile = config;
        t.knownHostsFile = m_knownHosts;
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(t, &trust);
        const CommandResult result = runAndWait(runner, cmd({"echo", "via-alias"}));
        QCOMPARE(result.status, CommandStatus::Exited);
        QCOMPARE(result.stdoutData, QByteArray("via-alias\n"));
    }

    void hungLinkIsDetectedByKeepalive() {
        SshTarget t = target();
        t.keepaliveInterval = 1s;
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(t, &trust);
        QVERIFY(runAndWait(runner, cmd({"true"})).succeeded());
        m_sshd.freezeSessions(true); // the server neither answers nor closes
        Command command = cmd({"true"});
        command.timeout = 60s;
        QElapsedTimer clock;
        clock.start();
        const CommandResult result = runAndWait(runner, command);
        m_sshd.freezeSessions(false);
        QCOMPARE(result.status, CommandStatus::ConnectionLost);
        QVERIFY2(result.error.contains(QLatin1String("keepalive")), qPrintable(result.error));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    }

    void quotingPropertyRandomArgv() {
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(target(), &trust);
        QRandomGenerator random(20261124); // fixed seed: a failure is reproducible
        const QStringList pieces = {
            QStringLiteral("'"),     QStringLiteral("\""),   QStringLiteral("$"),
            QStringLiteral("$(id)"), QStringLiteral("`id`"), QStringLiteral(";"),
            QStringLiteral("*"),     QStringLiteral("\n"),   QStringLiteral("-"),
            QStringLiteral("--"),    QStringLiteral("\\"),   QStringLiteral(" "),
            QStringLiteral("\t"),    QStringLiteral("!"),    QStringLiteral("&"),
            QStringLiteral("|"),     QStringLiteral(">"),    QStringLiteral("<"),
            QStringLiteral("~"),     QStringLiteral("#"),    QStringLiteral("%s"),
            QStringLiteral("\\0"),   QStringLiteral("é"),    QStringLiteral("日本"),
            QStringLiteral("🙂"),  QStringLiteral("a"),    QStringLiteral("Z9"),
            QStringLiteral("'\\''")};
        // Each remote printf gets the arguments of several random argv lists: quoting is per
        // argument, and neighbours in one command also test that arguments never merge.
        constexpr int cases = 3000;
        constexpr int casesPerCommand = 10;
        constexpr int commands = cases / casesPerCommand;
        constexpr int inFlight = 16; // submitted at once; deadlines count from submission
        QObject context;
        int submitted = 0;
        int finished = 0;
        QStringList failures;
        std::function<void()> submitNext = [&] {
            QStringList arguments;
            for (int c = 0; c < casesPerCommand; ++c) {
                const int count = 1 + random.bounded(5);
                for (int a = 0; a < count; ++a) {
                    QString argument;
                    const int length = random.bounded(6); // empty strings too
                    for (int p = 0; p < length; ++p)
                        argument += pieces[random.bounded(pieces.size())];
                    if (random.bounded(8) == 0)
                        argument += QChar(
                            char16_t(0x20 + random.bounded(0x7e0))); // any BMP char below U+0800
                    arguments << argument;
                }
            }
            QByteArray expected;
            for (const QString& argument : arguments)
                expected += argument.toUtf8() + '\0';
            Command command;
            command.argv =
                QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} + arguments;
            ++submitted;
            runner.run(command, &context, [&, expected, arguments](const CommandResult& r) {
                ++finished;
                if (r.status != CommandStatus::Exited || r.stdoutData != expected)
                    failures << QStringLiteral("%1 → %2 %3")
                                    .arg(arguments.join(QStringLiteral(" | ")), r.summary(),
                                         QString::fromUtf8(r.stdoutData.toHex()));
                if (submitted < commands)
                    submitNext();
            });
        };
        for (int i = 0; i < inFlight; ++i)
            submitNext();
        QTRY_COMPARE_WITH_TIMEOUT(finished, commands, 600000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestSshRunner)
#include "tst_ssh_runner.moc"
