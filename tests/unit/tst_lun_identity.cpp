// The LUN identity record nr1 keeps on both nodes: its JSON line, read back as the probe reads
// /etc/nr1/*.identity, and the NAA designator LIO derives from the serial.

#include "base/NodeScript.h"
#include "model/LunIdentity.h"
#include "probe/LunIdentityParser.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace nr1;

namespace {

LunIdentity sample() {
    LunIdentity identity;
    identity.pair = QStringLiteral("testbed");
    identity.unitSerial = QStringLiteral("c4ce9b4d-4c45-40ff-905c-88aa8895787d");
    identity.targetIqn = QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:testbed-lun");
    identity.lun = 0;
    identity.backstore = QStringLiteral("block/nr1-testbed");
    identity.portals = {IscsiPortal{QStringLiteral("0.0.0.0"), 3260, std::nullopt},
                        IscsiPortal{QStringLiteral("fd00::5"), 3261, std::nullopt}};
    identity.initiators = {QStringLiteral("iqn.2024-01.test.host:libiscsi"),
                           QStringLiteral("iqn.2024-01.test.host:other")};
    identity.chapUser = QStringLiteral("host1");
    return identity;
}

QString line(const LunIdentity& identity) {
    return QString::fromUtf8(QJsonDocument(identity.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

class TestLunIdentity : public QObject {
    Q_OBJECT
private slots:
    void aRecordReadsBackAsWritten() {
        const auto read = parseLunIdentities(line(sample()) + u'\n');
        QVERIFY2(read.ok(), qPrintable(read.why()));
        QCOMPARE(read.value().size(), size_t(1));
        QVERIFY(read.value().front() == sample());
        QVERIFY(read.warnings().empty());
        // The IPv6 portal is written in brackets, as iscsiadm takes it.
        QVERIFY(line(sample()).contains(QStringLiteral("\"[fd00::5]:3261\"")));
    }

    void oneDamagedFileHidesNoOther() {
        LunIdentity other = sample();
        other.pair = QStringLiteral("second");
        const QString text = line(sample()) + QStringLiteral("\n\n{\"pair\": \"half\n") +
                             QStringLiteral("{\"pair\":\"x\",\"target\":\"iqn.a:b\"}\n") +
                             line(other) + u'\n';
        const auto read = parseLunIdentities(text);
        QVERIFY2(read.ok(), qPrintable(read.why()));
        QCOMPARE(read.value().size(), size_t(2));
        QCOMPARE(read.value().at(1).pair, QStringLiteral("second"));
        // Both bad lines are named, the second for its missing serial.
        QCOMPARE(read.warnings().size(), size_t(2));
        QCOMPARE(read.warnings().at(0).line, 3);
        QCOMPARE(read.warnings().at(1).line, 4);
        QVERIFY(read.warnings().at(1).reason.contains(QStringLiteral("unit_serial")));
    }

    void wrongTypesAreRefused_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("lun as text") << QStringLiteral("lun") << QStringLiteral("\"0\"");
        QTest::newRow("lun negative") << QStringLiteral("lun") << QStringLiteral("-1");
        QTest::newRow("lun fraction") << QStringLiteral("lun") << QStringLiteral("0.5");
        QTest::newRow("portal without port")
            << QStringLiteral("portals") << QStringLiteral("[\"10.0.0.1\"]");
        QTest::newRow("portal port 0")
            << QStringLiteral("portals") << QStringLiteral("[\"10.0.0.1:0\"]");
        QTest::newRow("initiator number") << QStringLiteral("initiators") << QStringLiteral("[1]");
        QTest::newRow("serial number") << QStringLiteral("unit_serial") << QStringLiteral("5");
    }
    void wrongTypesAreRefused() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QJsonObject object = sample().toJson();
        object.insert(field,
                      QJsonDocument::fromJson(QStringLiteral("{\"v\":%1}").arg(value).toUtf8())
                          .object()
                          .value(QStringLiteral("v")));
        const Result<LunIdentity> read = lunIdentityFromJson(object);
        QVERIFY(!read.ok());
        QVERIFY2(read.why().contains(field.left(4)), qPrintable(read.why()));
    }

    void theRecordIsReplacedWhole() {
        // replace-file.sh, the script the plan runs on each node, run here by sh.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("etc/nr1/testbed.identity"));
        auto replace = [&](const QString& content) {
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            const QStringList argv = nodeScriptArgv(NodeScript::ReplaceFile, {file, content});
            process.start(argv.first(), argv.mid(1));
            process.waitForFinished(10000);
            return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        };
        auto read = [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        // The folder is made; the record is one line; a second one replaces it whole.
        QCOMPARE(replace(line(sample())), 0);
        QCOMPARE(read(), line(sample()) + u'\n');
        LunIdentity other = sample();
        other.unitSerial = QStringLiteral("0123456789abcdef0123456789abcdef");
        QCOMPARE(replace(line(other)), 0);
        const auto parsed = parseLunIdentities(read());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), size_t(1));
        QVERIFY(parsed.value().front() == other);
        // No temporary file is left behind.
        QCOMPARE(QDir(dir.filePath(QStringLiteral("etc/nr1"))).entryList(QDir::Files),
                 QStringList{QStringLiteral("testbed.identity")});
        // A folder that cannot be made: a failure, and nothing written.
        QFile blocker(dir.filePath(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QProcess process;
        const QStringList argv =
            nodeScriptArgv(NodeScript::ReplaceFile,
                           {dir.filePath(QStringLiteral("blocked/x.identity")), line(other)});
        process.start(argv.first(), argv.mid(1));
        QVERIFY(process.waitForFinished(10000));
        QVERIFY(process.exitCode() != 0);
    }

    void theNaaIsLiosFromTheSerial() {
        // 6, LIO's OUI 001405, then the serial's first 25 hex digits (dashes skipped).
        QCOMPARE(sample().naa(), QStringLiteral("6001405c4ce9b4d4c4540ff905c88aa8"));
        LunIdentity shortSerial = sample();
        shortSerial.unitSerial = QStringLiteral("serial-42");
        QCOMPARE(shortSerial.naa(), QString());
    }
};

QTEST_GUILESS_MAIN(TestLunIdentity)
#include "tst_lun_identity.moc"
