// Node scripts run here by sh, with stand-ins for the node's tools first on PATH: their
// decisions from verbatim captures of what the real tools print, and the exact tool calls they
// make; and how a script is known by its text (nodeScriptOf). md-add-leg.sh: a returning leg
// is re-added from the bitmap only when its superblock shows it never ran without its partner;
// otherwise it is zeroed and resynced whole; another array's member is refused. md-leg-check.sh:
// a takeover serves only from a whole leg of the pair's array.
// boot-gate-install.sh: an install keeps what it replaces, its undo puts that back (or removes
// a unit that replaced none), a removal leaves nothing.

#include "Fixtures.h"
#include "base/NodeScript.h"
#include "probe/MdadmExamineParser.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace nr1;

namespace {

const QString kArray = QStringLiteral("/dev/md0");
const QString kLeg = QStringLiteral("/dev/disk/by-path/ip-10.99.0.2:3260-iscsi-x-lun-0");

/// A stand-in mdadm: `--examine` prints the file "examine" (fails without it), `--examine
/// --export` its Array UUID as MD_UUID, `--detail --export` the running array's UUID (file
/// "array-uuid"), `--zero-superblock` removes "examine", `--re-add` exits with the number in
/// "re-add-exit" (0 without it). Every call is appended to "calls".
const char* kFakeMdadm = R"sh(#!/bin/sh
d=$(dirname "$0")
echo "$*" >>"$d/calls"
case "$*" in
"--examine --export "*) sed -n 's/^ *Array UUID : /MD_UUID=/p' "$d/examine" ;;
"--examine "*) [ -f "$d/examine" ] && cat "$d/examine" ;;
"--detail --export "*) echo "MD_UUID=$(cat "$d/array-uuid")" ;;
"--zero-superblock "*) rm "$d/examine" ;;
*--re-add*) exit "$(cat "$d/re-add-exit" 2>/dev/null || echo 0)" ;;
*) exit 0 ;;
esac
)sh";

/// A stand-in systemctl: every call appended to "calls" next to it.
const char* kFakeSystemctl = R"sh(#!/bin/sh
echo "$*" >>"$(dirname "$0")/calls"
)sh";

struct Run {
    int exitCode = -1;
    QString output;
    QStringList calls;
};

void writeFile(const QString& path, const QByteArray& content) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
}

QString readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                          : QStringLiteral("(none)");
}

/// Runs `script` with `arguments` by sh, the folder `bin` first on PATH; its calls file read.
Run runScript(const QTemporaryDir& bin, NodeScript script, const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PATH"),
                       bin.path() + u':' + environment.value(QStringLiteral("PATH")));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList argv = nodeScriptArgv(script, arguments);
    process.start(argv.first(), argv.mid(1));
    Run run;
    if (!process.waitForFinished(10000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromUtf8(process.readAll());
    QFile calls(bin.filePath(QStringLiteral("calls")));
    if (calls.open(QIODevice::ReadOnly))
        run.calls = QString::fromUtf8(calls.readAll()).split(u'\n', Qt::SkipEmptyParts);
    calls.remove();
    return run;
}

} // namespace

class TestNodeScripts : public QObject {
    Q_OBJECT

private:
    /// Runs md-add-leg.sh with the leg's superblock `examine` (empty: none), the running
    /// array's UUID and, when not 0, the exit status of a refused re-add.
    Run addLeg(const QString& examine, const QString& arrayUuid, int reAddExit = 0) {
        QTemporaryDir bin;
        const auto write = [&bin](const QString& name, const QByteArray& content) {
            QFile file(bin.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(file.fileName()));
            file.write(content);
        };
        write(QStringLiteral("mdadm"), kFakeMdadm);
        QFile::setPermissions(bin.filePath(QStringLiteral("mdadm")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (!examine.isEmpty())
            write(QStringLiteral("examine"), examine.toUtf8());
        write(QStringLiteral("array-uuid"), arrayUuid.toUtf8());
        if (reAddExit != 0)
            write(QStringLiteral("re-add-exit"), QByteArray::number(reAddExit));
        return runScript(bin, NodeScript::MdAddLeg, {kArray, kLeg});
    }

    /// Runs md-leg-check.sh (a takeover's leg) with the leg's superblock `examine` (empty:
    /// none) and an mdadm.conf of `conf`.
    Run legCheck(const QString& examine, const QString& conf) {
        QTemporaryDir bin;
        writeFile(bin.filePath(QStringLiteral("mdadm")), kFakeMdadm);
        QFile::setPermissions(bin.filePath(QStringLiteral("mdadm")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (!examine.isEmpty())
            writeFile(bin.filePath(QStringLiteral("examine")), examine.toUtf8());
        writeFile(bin.filePath(QStringLiteral("mdadm.conf")), conf.toUtf8());
        return runScript(bin, NodeScript::MdLegCheck,
                         {kLeg, bin.filePath(QStringLiteral("mdadm.conf"))});
    }

    /// The Array UUID of an `mdadm --examine` text, read by nr1's parser.
    static QString uuidOf(const QString& examine) {
        const auto parsed = parseMdadmExamine(examine);
        return parsed.ok() && !parsed.value().empty() ? parsed.value().front().arrayUuid
                                                      : QString();
    }

    /// The last two mdadm calls of a full resync: the leg zeroed, then added whole.
    static QStringList fullResyncCalls() {
        return {QStringLiteral("--zero-superblock %1").arg(kLeg),
                QStringLiteral("%1 --add --write-mostly %2").arg(kArray, kLeg)};
    }

    /// The Secondary's leg after it was away (both legs active in its superblock, events 33)
    /// and the Primary's leg that ran on without it (its partner missing), as mdadm printed them.
    static QString awayLeg() {
        return fixture(
            QStringLiteral("testbed-live/secondary-rebooted/secondary_mdadm_examine_dm-0.txt"));
    }
    static QString leftAloneLeg() {
        return fixture(
            QStringLiteral("testbed-live/secondary-rebooted/primary_mdadm_examine_dm-0.txt"));
    }

private slots:
    void aLegThatNeverRanAloneIsReAddedFromTheBitmap() {
        const Run run = addLeg(awayLeg(), uuidOf(awayLeg()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(QStringLiteral("re-add of %1 from the bitmap").arg(kLeg)) &&
                     run.output.contains(QStringLiteral("events 33")) &&
                     run.output.contains(QStringLiteral("array state AA")),
                 qPrintable(run.output));
        QCOMPARE(run.calls.filter(QStringLiteral("--zero-superblock")).size(), 0);
        QCOMPARE(run.calls.last(),
                 QStringLiteral("%1 --re-add --write-mostly %2").arg(kArray, kLeg));
    }

    void aLegThatRanWithoutItsPartnerIsResyncedWhole() {
        // It served alone before it was lost: what it wrote then is not in the running array,
        // and a re-add would keep it silently (md resyncs only what the running bitmap marks).
        const Run run = addLeg(leftAloneLeg(), uuidOf(leftAloneLeg()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(QStringLiteral("full resync of %1").arg(kLeg)) &&
                     run.output.contains(QStringLiteral("array state A.")) &&
                     run.output.contains(QStringLiteral("ran without its partner")),
                 qPrintable(run.output));
        QCOMPARE(run.calls.mid(run.calls.size() - 2), fullResyncCalls());
        QCOMPARE(run.calls.filter(QStringLiteral("--re-add")).size(), 0);
    }

    void aPartlyRebuiltLegIsResyncedWhole() {
        QString partial = awayLeg();
        partial.replace(QStringLiteral("    Update Time"),
                        QStringLiteral("Recovery Offset : 524288 sectors\n    Update Time"));
        const Run run = addLeg(partial, uuidOf(partial));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(QStringLiteral("partly rebuilt")), qPrintable(run.output));
        QVERIFY(run.calls.contains(QStringLiteral("--zero-superblock %1").arg(kLeg)));
    }

    void aReAddMdRefusesBecomesAFullResync() {
        const Run run = addLeg(awayLeg(), uuidOf(awayLeg()), 1);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(QStringLiteral("md refused the re-add")),
                 qPrintable(run.output));
        QCOMPARE(run.calls.mid(run.calls.size() - 2), fullResyncCalls());
    }

    void aBlankLegIsAddedWhole() {
        const Run run = addLeg(QString(), uuidOf(awayLeg()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(QStringLiteral("no md superblock")), qPrintable(run.output));
        QCOMPARE(run.calls.filter(QStringLiteral("--zero-superblock")).size(), 0);
        QCOMPARE(run.calls.last(), QStringLiteral("%1 --add --write-mostly %2").arg(kArray, kLeg));
    }

    void aTakeoverServesOnlyFromAWholeLegOfThePairsArray() {
        const QString ignoreRule =
            QStringLiteral("ARRAY <ignore> UUID=%1\n").arg(uuidOf(awayLeg()));
        // The Secondary's leg of the pair's array, whole: it may serve; its superblock is said.
        Run run = legCheck(awayLeg(), QStringLiteral("DEVICE partitions\n") + ignoreRule);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.output.contains(QStringLiteral("Events : 33")) &&
                     run.output.contains(QStringLiteral("Array State : AA")),
                 qPrintable(run.output));
        // Only partly rebuilt when the Primary was lost: part of it is missing.
        QString partial = awayLeg();
        partial.replace(QStringLiteral("    Update Time"),
                        QStringLiteral("Recovery Offset : 524288 sectors\n    Update Time"));
        run = legCheck(partial, ignoreRule);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("partly rebuilt")), qPrintable(run.output));
        // A member of another array than the one the node's ignore rule names.
        run = legCheck(awayLeg(), QStringLiteral("ARRAY <ignore> UUID=00000000:00000000:00000000:"
                                                 "00000000\n"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("not to the pair's")), qPrintable(run.output));
        // No superblock at all.
        run = legCheck(QString(), ignoreRule);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("carries no md superblock")),
                 qPrintable(run.output));
    }

    void aScriptIsKnownByItsExactText() {
        const QStringList argv = nodeScriptArgv(NodeScript::MdAddLeg, {kArray, kLeg});
        QCOMPARE(nodeScriptOf(argv), std::optional<NodeScript>(NodeScript::MdAddLeg));
        QCOMPARE(nodeScriptOf(nodeScriptArgv(NodeScript::StopStep, {})),
                 std::optional<NodeScript>(NodeScript::StopStep));
        QStringList changed = argv;
        changed[2] += QLatin1Char(' ');
        QVERIFY(!nodeScriptOf(changed));
        QVERIFY(!nodeScriptOf({QStringLiteral("mdadm"), QStringLiteral("--detail")}));
    }

    void aBootGateInstallIsUndoneToWhatWasThere() {
        QTemporaryDir bin;
        writeFile(bin.filePath(QStringLiteral("systemctl")), kFakeSystemctl);
        QFile::setPermissions(bin.filePath(QStringLiteral("systemctl")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString script = bin.filePath(QStringLiteral("etc/nr1/boot-gate.sh"));
        const QString unit =
            bin.filePath(QStringLiteral("etc/systemd/system/nr1-boot-gate-t.service"));
        const QString previous = QStringLiteral(".nr1-previous");
        const auto install = [&](const QString& version) {
            return runScript(bin, NodeScript::BootGateInstall,
                             {QStringLiteral("install"), script, QStringLiteral("gate ") + version,
                              unit, QStringLiteral("unit ") + version});
        };
        const QStringList undo{QStringLiteral("undo"), script, unit};

        // A node without a gate: the undo disables and removes the unit, the shared script stays.
        Run run = install(QStringLiteral("1"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.calls, QStringList{QStringLiteral("enable nr1-boot-gate-t.service")});
        QCOMPARE(readFile(unit), QStringLiteral("unit 1"));
        QVERIFY(!QFile::exists(unit + previous) && !QFile::exists(script + previous));
        run = runScript(bin, NodeScript::BootGateInstall, undo);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.calls, (QStringList{QStringLiteral("disable nr1-boot-gate-t.service"),
                                         QStringLiteral("daemon-reload")}));
        QVERIFY(!QFile::exists(unit));
        QCOMPARE(readFile(script), QStringLiteral("gate 1"));

        // Over an older gate (a repair rewriting the unit with the front-end address): the
        // undo puts the older files back and enables the unit again.
        QCOMPARE(install(QStringLiteral("1")).exitCode, 0);
        QCOMPARE(install(QStringLiteral("2")).exitCode, 0);
        QCOMPARE(readFile(unit), QStringLiteral("unit 2"));
        QCOMPARE(readFile(unit + previous), QStringLiteral("unit 1"));
        run = runScript(bin, NodeScript::BootGateInstall, undo);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(readFile(unit), QStringLiteral("unit 1"));
        QCOMPARE(readFile(script), QStringLiteral("gate 1"));
        QVERIFY(!QFile::exists(unit + previous) && !QFile::exists(script + previous));
        QCOMPARE(run.calls.last(), QStringLiteral("enable nr1-boot-gate-t.service"));

        // A kept file from long ago is not taken for what this install replaced.
        QVERIFY(QFile::remove(unit));
        writeFile(unit + previous, "unit 0");
        QCOMPARE(install(QStringLiteral("3")).exitCode, 0);
        QVERIFY(!QFile::exists(unit + previous));
        QCOMPARE(runScript(bin, NodeScript::BootGateInstall, undo).exitCode, 0);
        QVERIFY(!QFile::exists(unit));

        // A teardown's removal leaves neither the unit nor a kept one.
        QCOMPARE(install(QStringLiteral("4")).exitCode, 0);
        QCOMPARE(install(QStringLiteral("5")).exitCode, 0);
        run = runScript(bin, NodeScript::BootGateInstall, {QStringLiteral("remove"), unit});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!QFile::exists(unit) && !QFile::exists(unit + previous));
        QCOMPARE(run.calls.first(), QStringLiteral("disable nr1-boot-gate-t.service"));
        QCOMPARE(runScript(bin, NodeScript::BootGateInstall, {QStringLiteral("what")}).exitCode,
                 64);
    }

    void anotherArraysMemberIsRefused() {
        const Run run = addLeg(awayLeg(), QStringLiteral("11111111:22222222:33333333:44444444"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("not of /dev/md0")), qPrintable(run.output));
        QCOMPARE(run.calls.filter(QStringLiteral("--zero-superblock")).size(), 0);
        QCOMPARE(run.calls.filter(QStringLiteral("--add")).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNodeScripts)
#include "tst_node_scripts.moc"
