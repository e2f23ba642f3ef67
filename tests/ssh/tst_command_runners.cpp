// The quoting function, the replay runner and the known_hosts reader, without a network.

#include "TestSshd.h"
#include "base/RemoteShell.h"
#include "ssh/KnownHosts.h"
#include "transport/ReplayRunner.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace nr1;

class TestCommandRunners : public QObject {
    Q_OBJECT
private slots:
    void quotingIsExact_data() {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("plain") << QStringList{QStringLiteral("cat"), QStringLiteral("/proc/mdstat")}
                               << QByteArray("env LC_ALL=C 'cat' '/proc/mdstat'");
        QTest::newRow("single quote") << QStringList{QStringLiteral("echo"), QStringLiteral("it's")}
                                      << QByteArray("env LC_ALL=C 'echo' 'it'\\''s'");
        QTest::newRow("empty argument") << QStringList{QStringLiteral("printf"), QString()}
                                        << QByteArray("env LC_ALL=C 'printf' ''");
        QTest::newRow("metacharacters")
            << QStringList{QStringLiteral("echo"), QStringLiteral("$(rm -rf /); `x` *")}
            << QByteArray("env LC_ALL=C 'echo' '$(rm -rf /); `x` *'");
        QTest::newRow("newline and UTF-8")
            << QStringList{QStringLiteral("echo"), QStringLiteral("a\nb é")}
            << QByteArray("env LC_ALL=C 'echo' 'a\nb \xc3\xa9'");
    }

    void quotingIsExact() {
        QFETCH(QStringList, argv);
        QFETCH(QByteArray, line);
        QCOMPARE(remoteCommandLine(argv, Elevation::None).value(), line);
    }

    void sudoIsNonInteractive() {
        QCOMPARE(remoteCommandLine({QStringLiteral("mdadm"), QStringLiteral("--detail")},
                                   Elevation::Sudo)
                     .value(),
                 QByteArray("sudo -n -- env LC_ALL=C 'mdadm' '--detail'"));
    }

    void stepTagGoesIntoTheEnvironment() {
        QCOMPARE(remoteCommandLine({QStringLiteral("mdadm"), QStringLiteral("--detail")},
                                   Elevation::Sudo, QStringLiteral("nr1-0123abcd"))
                     .value(),
                 QByteArray("sudo -n -- env LC_ALL=C NR1_STEP=nr1-0123abcd 'mdadm' '--detail'"));
        // A tag is a plain word or nothing runs.
        QVERIFY(
            !remoteCommandLine({QStringLiteral("true")}, Elevation::None, QStringLiteral("a b")));
        QVERIFY(!remoteCommandLine({QStringLiteral("true")}, Elevation::None,
                                   QStringLiteral("x;reboot")));
    }

    void stopCommandRunsTheStopScript() {
        const QByteArray line =
            remoteStopCommandLine({QStringLiteral("nr1-a"), QStringLiteral("nr1-b")},
                                  Elevation::Sudo, std::chrono::milliseconds(3000))
                .value();
        QVERIFY2(line.startsWith("sudo -n -- env LC_ALL=C 'sh' '-c' '"), line.constData());
        QVERIFY2(line.endsWith("' 'sh' '30' 'nr1-a' 'nr1-b'"), line.constData());
        QVERIFY(!line.contains("NR1_STEP=nr1")); // the stop itself carries no tag
        QVERIFY(!remoteStopCommandLine({}, Elevation::None, std::chrono::milliseconds(3000)));
        QVERIFY(!remoteStopCommandLine({QStringLiteral("*")}, Elevation::None,
                                       std::chrono::milliseconds(3000)));
    }

    void unpassableArgvIsRefused() {
        QVERIFY(!remoteCommandLine({}, Elevation::None));
        QVERIFY(!remoteCommandLine({QString()}, Elevation::None));
        QVERIFY(!remoteCommandLine({QStringLiteral("echo"), QStringLiteral("a") + QChar(0)},
                                   Elevation::None));
    }

    void sudoPasswordPromptIsRecognised() {
        QVERIFY(sudoWantsPassword(1, "sudo: a password is required\n"));
        QVERIFY(sudoWantsPassword(
            1, "sudo: a terminal is required to read the password; either use the -S "
               "option to read from standard input or configure an askpass helper\n"));
        QVERIFY(!sudoWantsPassword(1, "mdadm: a password is required\n"));
        QVERIFY(!sudoWantsPassword(0, "sudo: a password is required\n"));
    }

    void replayAnswersRecordedCommandsInOrder() {
        ReplayRunner runner;
        runner.expectOutput({QStringLiteral("cat"), QStringLiteral("/proc/mdstat")}, "first");
        runner.expectOutput({QStringLiteral("cat"), QStringLiteral("/proc/mdstat")}, "second", 0);
        QObject context;
        QList<QByteArray> outputs;
        for (int i = 0; i < 2; ++i)
            runner.run(Command::of({QStringLiteral("cat"), QStringLiteral("/proc/mdstat")}),
                       &context, [&](const CommandResult& r) { outputs.append(r.stdoutData); });
        QVERIFY(outputs.isEmpty()); // never synchronous
        QTRY_COMPARE(outputs.size(), 2);
        QCOMPARE(outputs, (QList<QByteArray>{"first", "second"}));
        QVERIFY(runner.unused().isEmpty());
        QVERIFY(runner.unexpected().isEmpty());
    }

    void replayReportsUnexpectedAndUnused() {
        ReplayRunner runner;
        runner.expectOutput({QStringLiteral("lvs")}, "");
        QObject context;
        std::optional<CommandResult> result;
        runner.run(Command::of({QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("/")}),
                   &context, [&](const CommandResult& r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->status, CommandStatus::Rejected);
        QCOMPARE(runner.unexpected(),
                 (QList<QStringList>{
                     {QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("/")}}));
        QCOMPARE(runner.unused(), (QList<QStringList>{{QStringLiteral("lvs")}}));
    }

    void replayMatchesStdinWhenRecorded() {
        ReplayRunner runner;
        CommandResult ok;
        ok.status = CommandStatus::Exited;
        ok.exitCode = 0;
        runner.expect({QStringLiteral("tee"), QStringLiteral("/etc/x")}, ok, QByteArray("right"));
        QObject context;
        std::optional<CommandResult> wrong;
        Command command = Command::of({QStringLiteral("tee"), QStringLiteral("/etc/x")});
        command.stdinData = "wrong";
        runner.run(command, &context, [&](const CommandResult& r) { wrong = r; });
        QTRY_VERIFY(wrong.has_value());
        QCOMPARE(wrong->status, CommandStatus::Rejected);
        std::optional<CommandResult> right;
        command.stdinData = "right";
        runner.run(command, &context, [&](const CommandResult& r) { right = r; });
        QTRY_VERIFY(right.has_value());
        QCOMPARE(right->status, CommandStatus::Exited);
    }

    void replayStreamsLinesAndHonoursContextAndCancel() {
        ReplayRunner runner;
        runner.expectOutput({QStringLiteral("watch")}, "a\nb\nc");
        runner.expectOutput({QStringLiteral("x")}, "");
        runner.expectOutput({QStringLiteral("y")}, "");
        QObject context;
        QList<QByteArray> lines;
        std::optional<CommandResult> done;
        runner.stream(
            Command::of({QStringLiteral("watch")}), &context,
            [&](const QByteArray& l) { lines << l; }, [&](const CommandResult& r) { done = r; });
        QTRY_VERIFY(done.has_value());
        QCOMPARE(lines, (QList<QByteArray>{"a", "b", "c"}));
        QVERIFY(done->stdoutData.isEmpty()); // the lines were the stdout, as from SshRunner
        bool called = false;
        auto* gone = new QObject;
        runner.run(Command::of({QStringLiteral("x")}), gone,
                   [&](const CommandResult&) { called = true; });
        delete gone;
        std::optional<CommandResult> cancelled;
        const RequestId id = runner.run(Command::of({QStringLiteral("y")}), &context,
                                        [&](const CommandResult& r) { cancelled = r; });
        runner.cancel(id);
        QTRY_VERIFY(cancelled.has_value());
        QCOMPARE(cancelled->status, CommandStatus::Cancelled);
        QVERIFY(!called);
    }

    void knownHostsFindsPlainHashedAndMarkedEntries() {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("k"));
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                   {QStringLiteral("-q"), QStringLiteral("-t"),
                                    QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                                    QStringLiteral("-f"), key}),
                 0);
        QFile pub(key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QString keyPart = QString::fromUtf8(pub.readAll()).section(QLatin1Char(' '), 0, 1);
        const QString expected = sshKeygenFingerprint(key + QStringLiteral(".pub"));
        const QString file = dir.filePath(QStringLiteral("known_hosts"));
        QFile known(file);
        QVERIFY(known.open(QIODevice::WriteOnly));
        known.write(QStringLiteral("# comment\n"
                                   "other.example %1\n"
                                   "[10.0.0.1]:2222,node-a %1\n"
                                   "@revoked [10.0.0.9]:22 %1\n"
                                   "hashme %1\n")
                        .arg(keyPart)
                        .toUtf8());
        known.close();
        // Let OpenSSH hash the last line's name, so the hashed form is OpenSSH's own.
        QCOMPARE(QProcess::execute(
                     QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-H"), QStringLiteral("-f"), file}),
                 0);
        const auto byAddress =
            findKnownHostEntries(file, knownHostsName(QStringLiteral("10.0.0.1"), 2222));
        QCOMPARE(byAddress.size(), std::size_t(1));
        QCOMPARE(byAddress[0].line, 3);
        QCOMPARE(byAddress[0].keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(byAddress[0].fingerprint, expected);
        QCOMPARE(findKnownHostEntries(file, QStringLiteral("node-a")).size(), std::size_t(1));
        QCOMPARE(findKnownHostEntries(file, QStringLiteral("hashme")).size(), std::size_t(1));
        QCOMPARE(findKnownHostEntries(file, QStringLiteral("hashmenot")).size(), std::size_t(0));
        QCOMPARE(findKnownHostEntries(file, QStringLiteral("[10.0.0.9]:22")).size(),
                 std::size_t(1));
        QCOMPARE(findKnownHostEntries(dir.filePath(QStringLiteral("missing")), QStringLiteral("x"))
                     .size(),
                 std::size_t(0));
        QCOMPARE(knownHostsName(QStringLiteral("node"), 22), QStringLiteral("node"));
    }
};

QTEST_GUILESS_MAIN(TestCommandRunners)
#include "tst_command_runners.moc"
