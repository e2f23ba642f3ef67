// CHAP secrets: never in an argv, on stdin to core/scripts/lio-acl-chap.sh, which writes LIO's
// configfs byte for byte (run here with sh against a directory standing in for the ACL's auth
// directory), and replaced by "<secret>" in everything the executor lets out (signals, journal,
// failure message). The probe reports LIO's passwords only as digests; the planner matches them.

#include "ExecutorFixtures.h"
#include "PairFixtures.h"
#include "apply/Executor.h"
#include "apply/Journal.h"
#include "base/Names.h"
#include "base/NodeScript.h"
#include "plan/Planners.h"
#include "transport/ReplayRunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

using namespace nr1;

namespace {

/// Every character nr1 accepts in a CHAP secret ('!' to '~'), 94 of them.
QString everyAllowedCharacter() {
    QString text;
    for (char c = '!'; c <= '~'; ++c)
        text += QLatin1Char(c);
    return text;
}

/// The secret that LIO stored cut short when targetcli got it as an argument.
const QString kIssueSecret = QStringLiteral("Ab1!#$%&()*+,-./:;<=>?@[]^_{|}~x");

ChapSettings mutualChap() {
    QString reversed = everyAllowedCharacter();
    std::reverse(reversed.begin(), reversed.end());
    return ChapSettings{QStringLiteral("host1"), everyAllowedCharacter(), QStringLiteral("target1"),
                        reversed};
}

const Action* chapAction(const Plan& plan) {
    for (const Action& action : plan.actions)
        if (action.sentence.startsWith(QStringLiteral("Require CHAP")))
            return &action;
    return nullptr;
}

NodeAcl* frontEndAcl(PairState& state, const PairIntent& intent) {
    for (LioTarget& target : state.primary.lio.targets)
        if (target.wwn == intent.layout.frontEnd->targetIqn)
            return &target.tpgs.front().nodeAcls.front();
    return nullptr;
}

QString readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(cannot read %1)").arg(path);
    return QString::fromUtf8(file.readAll());
}

struct ScriptRun {
    int exitCode = -1;
    QByteArray output; ///< stdout and stderr
};

/// core/scripts/lio-acl-chap.sh as nr1 runs it (`sh -c BODY sh DIR`), with `input` on stdin.
ScriptRun runChapScript(const QString& authDirectory, const QByteArray& input) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("sh"),
                  QStringList{QStringLiteral("-c"), nodeScript(NodeScript::LioAclChap),
                              QStringLiteral("sh"), authDirectory});
    if (!process.waitForStarted(5000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(10000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAll()};
}

} // namespace

class TestChapSecrets : public QObject {
    Q_OBJECT

private slots:
    void theSecretsGoOnStdinNeverInAnArgv() {
        PairIntent intent = testbedIntent();
        intent.frontEndExport.chap = mutualChap();
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY2(result.ok(), qPrintable(result.reasons().join(u'\n')));
        const Plan& plan = result.value();
        const Action* action = chapAction(plan);
        QVERIFY(action);
        const ChapSettings chap = mutualChap();
        QCOMPARE(
            action->argv,
            nodeScriptArgv(NodeScript::LioAclChap,
                           {QStringLiteral("/sys/kernel/config/target/iscsi/"
                                           "iqn.2003-01.org.linux-iscsi.nr1:testbed-lun/"
                                           "tpgt_1/acls/iqn.2024-01.test.host:libiscsi/auth")}));
        QCOMPARE(action->stdinData,
                 (QStringLiteral("host1\n") + chap.password + QStringLiteral("\ntarget1\n") +
                  chap.mutualPassword + QLatin1Char('\n'))
                     .toUtf8());
        for (const Action& any : plan.actions) {
            for (const QString& argument : any.argv) {
                QVERIFY2(!argument.contains(chap.password), qPrintable(argument));
                QVERIFY2(!argument.contains(chap.mutualPassword), qPrintable(argument));
            }
            for (const QStringList& undo : any.undo)
                QVERIFY(!undo.join(u' ').contains(chap.password));
        }
        // The preview shows the command and its stdin, the secrets redacted.
        const QString preview = plan.preview(QStringLiteral("p"), QStringLiteral("s"));
        QVERIFY2(preview.contains(
                     QStringLiteral("stdin, one line each: host1 '<secret>' target1 '<secret>'")),
                 qPrintable(preview));
        QVERIFY(!preview.contains(chap.password));
        QVERIFY(!preview.contains(chap.mutualPassword));
        const QByteArray json = QJsonDocument(plan.toJson()).toJson();
        QVERIFY(!json.contains(chap.password.toUtf8()));
        QVERIFY(!json.contains(QJsonDocument(QJsonObject{{QStringLiteral("s"), chap.password}})
                                   .toJson(QJsonDocument::Compact)
                                   .mid(6)
                                   .chopped(2))); // the secret as JSON escapes it
        QVERIFY(json.contains("host1 '<secret>' target1 '<secret>'"));
        // configfs changes LIO's running configuration only: a saveconfig follows.
        bool savedAfter = false;
        for (const Action& any : plan.actions)
            if (&any > action && any.node == action->node &&
                any.argv == QStringList{QStringLiteral("targetcli"), QStringLiteral("saveconfig")})
                savedAfter = true;
        QVERIFY(savedAfter);
    }

    void theProbedDigestOfTheSecretCountsAsDone() {
        PairIntent intent = testbedIntent();
        intent.frontEndExport.chap =
            ChapSettings{QStringLiteral("host1"), kIssueSecret, QString(), QString()};
        const PlanResult result =
            planCreatePair(probedPair(QStringLiteral("blank"), intent), intent);
        QVERIFY(result.ok());
        const Action* action = chapAction(result.value());
        QVERIFY(action);
        PairState state = probedPair(QStringLiteral("created"), intent);
        NodeAcl* acl = frontEndAcl(state, intent);
        QVERIFY(acl);
        acl->chap.userId = QStringLiteral("host1");
        acl->chap.password = chapSecretDigest(QStringLiteral("Ab1!#$%&()*+,-./:;<=>?@[]"));
        QVERIFY(!action->done.holds(state)); // what targetcli left: not done
        acl->chap.password = chapSecretDigest(kIssueSecret);
        QVERIFY(action->done.holds(state));
        acl->chap.password = kIssueSecret; // a saveconfig.json read as it is
        QVERIFY(action->done.holds(state));
        acl->chap.mutualUserId = QStringLiteral("target1"); // mutual CHAP not asked: not done
        QVERIFY(!action->done.holds(state));
    }

    void theProbeScriptDigestsAsChapSecretDigestDoes() {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("no python3 here to run the probe's LIO reader");
        // The LIO reader of core/scripts/probe.sh: the single-quoted program given to lio=.
        const QString probe = nodeScript(NodeScript::Probe);
        const qsizetype start = probe.indexOf(QStringLiteral("lio='"));
        QVERIFY(start >= 0);
        const qsizetype end = probe.indexOf(QLatin1Char('\''), start + 5);
        QVERIFY(end > start);
        const QString program = probe.mid(start + 5, end - start - 5);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("saveconfig.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QJsonObject acl{{QStringLiteral("node_wwn"), QStringLiteral("iqn.2024-01.test:h")},
                              {QStringLiteral("chap_userid"), QStringLiteral("host1")},
                              {QStringLiteral("chap_password"), everyAllowedCharacter()},
                              {QStringLiteral("chap_mutual_userid"), QString()},
                              {QStringLiteral("chap_mutual_password"), QString()}};
        file.write(
            QJsonDocument(QJsonObject{{QStringLiteral("storage_objects"), QJsonArray{}},
                                      {QStringLiteral("targets"),
                                       QJsonArray{QJsonObject{
                                           {QStringLiteral("wwn"), QStringLiteral("iqn.t:x")},
                                           {QStringLiteral("fabric"), QStringLiteral("iscsi")},
                                           {QStringLiteral("tpgs"),
                                            QJsonArray{QJsonObject{{QStringLiteral("tag"), 1},
                                                                   {QStringLiteral("node_acls"),
                                                                    QJsonArray{acl}}}}}}}}})
                .toJson());
        file.close();
        QProcess process;
        process.start(python,
                      QStringList{QStringLiteral("-c"), program, QStringLiteral("saved"), path});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray output = process.readAllStandardOutput();
        QVERIFY(!output.contains("~x") && !output.contains(everyAllowedCharacter().toUtf8()));
        const auto hidden = QJsonDocument::fromJson(output).object();
        const QJsonObject shownAcl = hidden[QStringLiteral("targets")]
                                         .toArray()
                                         .at(0)[QStringLiteral("tpgs")]
                                         .toArray()
                                         .at(0)[QStringLiteral("node_acls")]
                                         .toArray()
                                         .at(0)
                                         .toObject();
        QCOMPARE(shownAcl[QStringLiteral("chap_password")].toString(),
                 chapSecretDigest(everyAllowedCharacter()));
        QCOMPARE(shownAcl[QStringLiteral("chap_userid")].toString(), QStringLiteral("host1"));
        QCOMPARE(shownAcl[QStringLiteral("chap_mutual_password")].toString(), QString());
        // A missing file is "nothing saved" (exit 1, as cat said); a broken one an error (3).
        process.start(python, QStringList{QStringLiteral("-c"), program, QStringLiteral("saved"),
                                          directory.filePath(QStringLiteral("none.json"))});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"targets\": [");
        file.close();
        process.start(python,
                      QStringList{QStringLiteral("-c"), program, QStringLiteral("saved"), path});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 3);
    }

    void theNodeScriptWritesEveryCharacterAsItIs_data() {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("mutualUser");
        QTest::addColumn<QString>("mutualSecret");
        QString reversed = everyAllowedCharacter();
        std::reverse(reversed.begin(), reversed.end());
        QTest::newRow("every allowed character")
            << everyAllowedCharacter() << QString() << QString();
        QTest::newRow("the issue's secret") << kIssueSecret << QString() << QString();
        QTest::newRow("mutual") << kIssueSecret << QStringLiteral("target1") << reversed;
        QTest::newRow("255 characters")
            << QString(255, QLatin1Char('\\')) << QString() << QString();
    }
    void theNodeScriptWritesEveryCharacterAsItIs() {
        QFETCH(QString, secret);
        QFETCH(QString, mutualUser);
        QFETCH(QString, mutualSecret);
        QTemporaryDir auth; // stands in for …/acls/INITIATOR/auth, whose files LIO provides
        // The kernel's names (iscsi_target_configfs.c); configfs has no other file to write.
        const QStringList attributes{QStringLiteral("userid"), QStringLiteral("password"),
                                     QStringLiteral("userid_mutual"),
                                     QStringLiteral("password_mutual")};
        for (const QString& name : attributes) {
            QFile attribute(auth.filePath(name));
            QVERIFY(attribute.open(QIODevice::WriteOnly));
        }
        const ScriptRun run = runChapScript(
            auth.path(),
            (QStringList{QStringLiteral("host1"), secret, mutualUser, mutualSecret}.join(u'\n') +
             u'\n')
                .toUtf8());
        QVERIFY2(run.exitCode == 0, run.output.constData());
        QVERIFY(!run.output.contains(secret.toUtf8()));
        QCOMPARE(readFile(auth.filePath(QStringLiteral("userid"))), QStringLiteral("host1"));
        QCOMPARE(readFile(auth.filePath(QStringLiteral("password"))), secret);
        // Empty is written as NULL, what LIO (and rtslib) take for "not set".
        QCOMPARE(readFile(auth.filePath(QStringLiteral("userid_mutual"))),
                 mutualUser.isEmpty() ? QStringLiteral("NULL") : mutualUser);
        QCOMPARE(readFile(auth.filePath(QStringLiteral("password_mutual"))),
                 mutualSecret.isEmpty() ? QStringLiteral("NULL") : mutualSecret);
        // Nothing but the kernel's attributes was written (a new name fails on configfs).
        QStringList written = QDir(auth.path()).entryList(QDir::Files);
        written.sort();
        QStringList expected = attributes;
        expected.sort();
        QCOMPARE(written, expected);
    }

    void theNodeScriptRefusesWhatItCannotDo() {
        QTemporaryDir auth;
        ScriptRun run = runChapScript(auth.filePath(QStringLiteral("no-such-acl")),
                                      QByteArrayLiteral("host1\nsecret-secret\n\n\n"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.output.contains("no ACL auth directory"));
        QVERIFY(!run.output.contains("secret-secret"));
        run = runChapScript(auth.path(), QByteArrayLiteral("host1\nsecret-secret\n"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.output.contains("four lines"));
        QVERIFY(!QFile::exists(auth.filePath(QStringLiteral("password"))));
        // An attribute that does not read back what was written (here: a directory) fails, and
        // the message names the attribute, never the value.
        QVERIFY(QDir(auth.path()).mkdir(QStringLiteral("password")));
        run = runChapScript(auth.path(), QByteArrayLiteral("host1\nsecret-secret\n\n\n"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.output.contains("password"));
        QVERIFY(!run.output.contains("secret-secret"));
    }

    void aValueLioWouldTakeForUnsetIsRefused() {
        QVERIFY(checkChapValue(everyAllowedCharacter(), QString(), true).isEmpty());
        QVERIFY(checkChapValue(kIssueSecret, QString(), true).isEmpty());
        QVERIFY(!checkChapValue(QStringLiteral("NULLNULLNULL-x"), QString(), true).isEmpty());
        QVERIFY(!checkChapValue(QStringLiteral("NULL"), QString(), false).isEmpty());
        QVERIFY(checkChapValue(QStringLiteral("xNULLNULLNULL"), QString(), true).isEmpty());
    }

    void theLongerSecretIsRedactedWhole() {
        Action action;
        action.secrets = {QStringLiteral("abcdefghijkl"), QStringLiteral("abcdefghijklmnop")};
        QCOMPARE(action.redactText(QStringLiteral("a=abcdefghijklmnop b=abcdefghijkl")),
                 QStringLiteral("a=<secret> b=<secret>"));
        QCOMPARE(action.redactBytes("abcdefghijklmnop"), QByteArrayLiteral("<secret>"));
    }

    void aFailureEchoingTheSecretLeavesTheExecutorRedacted() {
        const QString secret = kIssueSecret;
        Plan plan;
        plan.kind = QStringLiteral("test");
        plan.pairName = QStringLiteral("p");
        Action action;
        action.node = NodeRole::Primary;
        action.argv = nodeScriptArgv(NodeScript::LioAclChap, {QStringLiteral("/auth")});
        action.sentence = QStringLiteral("Require CHAP.");
        action.noUndoReason = QStringLiteral("removed with the ACL");
        action.stdinData = (QStringLiteral("host1\n") + secret + QStringLiteral("\n\n\n")).toUtf8();
        action.secrets = {secret};
        plan.actions.push_back(action);
        ReplayRunner primary, secondary;
        const QByteArray echoed = secret.toUtf8();
        // Recorded with its stdin: the replay answers only when the secret came on stdin.
        primary.expect(action.argv,
                       exited(2, "set " + echoed + "\n", "cannot set password " + echoed + "\n"),
                       action.stdinData);
        QTemporaryDir directory;
        Journal journal(directory.filePath(QStringLiteral("p.jsonl")));
        Executor executor(plan, primary, secondary, &journal);
        QSignalSpy lines(&executor, &Executor::actionOutput);
        QSignalSpy finishedAction(&executor, &Executor::actionFinished);
        QSignalSpy finished(&executor, &Executor::finished);
        executor.apply(PairState{});
        QVERIFY(finished.wait(5000));
        QCOMPARE(executor.state(), Executor::State::Failed);
        QVERIFY(primary.unexpected().isEmpty());
        QCOMPARE(primary.executed().size(), 1);
        QCOMPARE(primary.executed().front().stdinData, action.stdinData);
        QVERIFY(!primary.executed().front().argv.join(u' ').contains(secret));
        // The failure message keeps stderr, without the secret.
        QVERIFY2(executor.failure().contains(QStringLiteral("cannot set password <secret>")),
                 qPrintable(executor.failure()));
        QVERIFY(!executor.failure().contains(secret));
        // What the views and nr1ctl get: output lines and the result.
        QVERIFY(!lines.isEmpty());
        for (const QList<QVariant>& line : lines)
            QVERIFY(!line.at(1).toByteArray().contains(echoed));
        QCOMPARE(finishedAction.size(), 1);
        const auto result = finishedAction.front().at(1).value<CommandResult>();
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.stderrData, QByteArrayLiteral("cannot set password <secret>\n"));
        QVERIFY(!result.stdoutData.contains(echoed));
        // The journal: no secret in any entry.
        QFile file(journal.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray all = file.readAll();
        QVERIFY(!all.contains(echoed));
        QVERIFY(!all.contains(QJsonDocument(QJsonObject{{QStringLiteral("s"), secret}})
                                  .toJson(QJsonDocument::Compact)
                                  .mid(6)
                                  .chopped(2)));
        QVERIFY(all.contains("cannot set password <secret>"));
    }
};

QTEST_GUILESS_MAIN(TestChapSecrets)
#include "tst_chap_secrets.moc"
