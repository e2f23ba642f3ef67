// The pair lock's scripts on a real shell (a local sshd): taken once, refused to another owner
// with the holder's line, given back only by its owner, shown and broken on purpose.

#include "TestSshd.h"
#include "TestSshdTarget.h"
#include "session/PairLock.h"
#include "ssh/SshRunner.h"

#include <QDir>
#include <QFile>
#include <QtTest>
#include <optional>
#include <unistd.h>

using namespace nr1;

namespace {

CommandResult runOn(CommandRunner& runner, Command command, const QByteArray& owner) {
    command.stdinData = owner + '\n';
    std::optional<CommandResult> result;
    QObject context;
    runner.run(command, &context, [&result](const CommandResult& done) { result = done; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
        return CommandResult{};
    return *result;
}

} // namespace

class TestPairLock : public QObject {
    Q_OBJECT
private slots:
    void lockOnARealShell() {
        TestSshd sshd;
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        FixedTrustDelegate trust(TrustDecision::AcceptOnce);
        SshRunner runner(testSshdTarget(sshd), &trust);
        const QString pair = QStringLiteral("nr1-test-%1").arg(::getpid());
        const QString folder = PairLock::lockPath(pair);
        const QByteArray ownerA = "nr1ctl (root@a pid 1) since 2026-12-03T08:00:00Z: Grow";
        const QByteArray ownerB = "nr1-console (root@b pid 2) since 2026-12-03T08:01:00Z: Repair";

        CommandResult result = runOn(runner, PairLock::takeCommand(pair), ownerA);
        QVERIFY2(result.succeeded(),
                 qPrintable(result.summary() + QString::fromUtf8(result.stderrData)));
        QFile owner(folder + QStringLiteral("/owner"));
        QVERIFY(owner.open(QIODevice::ReadOnly));
        QCOMPARE(owner.readAll(), ownerA + '\n');
        owner.close();

        result = runOn(runner, PairLock::takeCommand(pair), ownerB);
        QCOMPARE(result.exitCode, 75);
        QCOMPARE(result.stdoutData.trimmed(), ownerA);

        result = runOn(runner, PairLock::releaseCommand(pair), ownerB); // not B's to give back
        QCOMPARE(result.exitCode, 75);
        QVERIFY(QDir(folder).exists());

        result = runOn(runner, PairLock::releaseCommand(pair), ownerA);
        QVERIFY2(result.succeeded(),
                 qPrintable(result.summary() + QString::fromUtf8(result.stderrData)));
        QVERIFY(!QDir(folder).exists());
        result = runOn(runner, PairLock::releaseCommand(pair), ownerA); // already free: fine
        QVERIFY(result.succeeded());

        // A stale lock: shown with its holder, then broken on purpose.
        QVERIFY(runOn(runner, PairLock::takeCommand(pair), ownerA).succeeded());
        InventoryPair inventoryPair;
        inventoryPair.name = pair;
        PairSession session(inventoryPair, runner, runner, sshd.path(QStringLiteral("j.jsonl")));
        std::optional<QStringList> holders;
        PairLock::holders(session, this, [&holders](const Result<QStringList>& found) {
            QVERIFY2(found.ok(), qPrintable(found.why()));
            holders = found.value();
        });
        QTRY_VERIFY_WITH_TIMEOUT(holders.has_value(), 20000);
        QCOMPARE(holders->size(), 2); // both "nodes" are this machine here
        QVERIFY2(holders->contains(QStringLiteral("primary: ") + QString::fromUtf8(ownerA)),
                 qPrintable(holders->join(u'\n')));
        std::optional<bool> broken;
        PairLock::breakLock(session, this, [&broken](const Result<void>& done) {
            QVERIFY2(done.ok(), qPrintable(done.why()));
            broken = done.ok();
        });
        QTRY_VERIFY_WITH_TIMEOUT(broken.has_value(), 20000);
        QVERIFY(!QDir(folder).exists());
    }
};

QTEST_MAIN(TestPairLock)
#include "tst_pair_lock.moc"
