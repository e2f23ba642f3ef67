// Sizes, names and command lines as the planners use them.

#include "base/Names.h"
#include "base/RemoteShell.h"
#include "base/Sizes.h"

#include <QtTest>

using namespace nr1;

class TestPlanValues : public QObject {
    Q_OBJECT
private slots:
    void sizes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes"); // -1: max, 0: error
        QTest::newRow("512M") << QStringLiteral("512M") << qint64(512) * 1024 * 1024;
        QTest::newRow("2G") << QStringLiteral("2G") << (qint64(2) << 30);
        QTest::newRow("2g") << QStringLiteral("2g") << (qint64(2) << 30);
        QTest::newRow("1.5G") << QStringLiteral("1.5G") << (qint64(3) << 29);
        QTest::newRow("256MiB") << QStringLiteral("256MiB") << (qint64(256) << 20);
        QTest::newRow("256MB as LVM reads it") << QStringLiteral("256MB") << (qint64(256) << 20);
        QTest::newRow("bytes") << QStringLiteral("1073741824") << (qint64(1) << 30);
        QTest::newRow("max") << QStringLiteral("max") << qint64(-1);
        QTest::newRow("MAX") << QStringLiteral("MAX") << qint64(-1);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-1G") << qint64(0);
        QTest::newRow("unknown unit") << QStringLiteral("12Q") << qint64(0);
        QTest::newRow("sectors are LVM's, not ours") << QStringLiteral("8s") << qint64(0);
        QTest::newRow("rounding mark") << QStringLiteral("<1G") << qint64(0);
        QTest::newRow("empty") << QStringLiteral("") << qint64(0);
        QTest::newRow("words") << QStringLiteral("a lot") << qint64(0);
    }
    void sizes() {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        const auto parsed = parseSizeRequest(text);
        if (bytes == 0) {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.reasons().size(), 1);
            QVERIFY(parsed.why().contains(QStringLiteral("'%1'").arg(text)));
            return;
        }
        QVERIFY2(parsed.ok(), qPrintable(parsed.why()));
        const SizeRequest request = parsed.value();
        QCOMPARE(request.max, bytes == -1);
        if (bytes > 0)
            QCOMPARE(request.bytes, bytes);
    }

    void exactSizeTextsReadBackAsTheSameBytes() {
        QCOMPARE(exactSizeText(qint64(1) << 30), QStringLiteral("1G"));
        QCOMPARE(exactSizeText(qint64(256) << 20), QStringLiteral("256M"));
        QCOMPARE(exactSizeText(qint64(1536) << 20), QStringLiteral("1536M"));
        QCOMPARE(exactSizeText(qint64(3) << 40), QStringLiteral("3T"));
        QCOMPARE(exactSizeText(3072), QStringLiteral("3K"));
        QCOMPARE(exactSizeText(1000), QStringLiteral("1000"));
        for (const qint64 bytes : {qint64(1), qint64(1000), qint64(4) << 20, (qint64(1) << 30) + 1,
                                   qint64(1536) << 20, qint64(2) << 50}) {
            const auto parsed = parseSizeRequest(exactSizeText(bytes));
            QVERIFY2(parsed.ok(), qPrintable(exactSizeText(bytes)));
            QCOMPARE(parsed.value(), SizeRequest::ofBytes(bytes));
        }
    }

    void lvmSizeArguments() {
        QCOMPARE(lvmSizeArgument(qint64(1) << 30), QStringLiteral("1g"));
        QCOMPARE(lvmSizeArgument(qint64(1280) << 20), QStringLiteral("1280m"));
        QCOMPARE(lvmSizeArgument(qint64(3) << 40), QStringLiteral("3t"));
        QCOMPARE(lvmSizeArgument(3072), QStringLiteral("3k"));
        QCOMPARE(lvmSizeArgument(1000), QStringLiteral("1000b"));
        QCOMPARE(humanSize(qint64(1) << 30), QStringLiteral("1 GiB"));
        QCOMPARE(humanSize(qint64(1280) << 20), QStringLiteral("1.25 GiB"));
        QCOMPARE(humanSize(512), QStringLiteral("512 B"));
        QCOMPARE(roundUp(5, 4), qint64(8));
        QCOMPARE(roundDown(7, 4), qint64(4));
    }

    void names() {
        QVERIFY(checkVgName(QStringLiteral("LIO-NR1-VOL")).isEmpty());
        QVERIFY(checkVgName(QStringLiteral("vg_r1.a+b")).isEmpty());
        QVERIFY(!checkVgName(QStringLiteral("-vg")).isEmpty());
        QVERIFY(!checkVgName(QStringLiteral("..")).isEmpty());
        QVERIFY(!checkVgName(QStringLiteral("a/b")).isEmpty());
        QVERIFY(!checkVgName(QString(128, QLatin1Char('a'))).isEmpty());
        QVERIFY(checkLvName(QStringLiteral("NR1-PRIMARY-VOL")).isEmpty());
        QVERIFY(!checkLvName(QStringLiteral("pvmove0")).isEmpty());
        QVERIFY(!checkLvName(QStringLiteral("data_tmeta")).isEmpty());
        QVERIFY(checkIqn(QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:pair-lun"), QString())
                    .isEmpty());
        QVERIFY(checkIqn(QStringLiteral("iqn.2024-01.test.host:libiscsi"), QString()).isEmpty());
        QVERIFY(checkIqn(QStringLiteral("eui.0123456789abcdef"), QString()).isEmpty());
        QVERIFY(!checkIqn(QStringLiteral("iqn.2024-13x.test"), QString()).isEmpty());
        QVERIFY(!checkIqn(QStringLiteral("iqn.2024-01.Test.host"), QString()).isEmpty());
        QVERIFY(!checkIqn(QStringLiteral("iqn.2024-01.test.host:a'b"), QString()).isEmpty());
        QVERIFY(checkMdName(QStringLiteral("md0")).isEmpty());
        QVERIFY(checkMdName(QStringLiteral("md127")).isEmpty());
        QVERIFY(!checkMdName(QStringLiteral("md128")).isEmpty());
        QVERIFY(!checkMdName(QStringLiteral("md01")).isEmpty());
        QVERIFY(!checkMdName(QStringLiteral("data")).isEmpty());
        QVERIFY(checkBackstoreName(QStringLiteral("nr1-testbed")).isEmpty());
        QVERIFY(!checkBackstoreName(QStringLiteral("a b")).isEmpty());
        QVERIFY(checkIpAddress(QStringLiteral("10.99.0.2"), QString()).isEmpty());
        QVERIFY(checkIpAddress(QStringLiteral("fe80::1"), QString()).isEmpty());
        QVERIFY(!checkIpAddress(QStringLiteral("10.99.0.256"), QString()).isEmpty());
        QVERIFY(!checkIpAddress(QStringLiteral("host.example"), QString()).isEmpty());
        QVERIFY(!checkChapValue(QStringLiteral("short"), QString(), true).isEmpty());
        QVERIFY(!checkChapValue(QStringLiteral("with space in it"), QString(), true).isEmpty());
        QVERIFY(checkChapValue(QStringLiteral("twelve-chars"), QString(), true).isEmpty());
    }

    // Qt's '$' matches before a final "\n": every check must match the whole name, and a
    // control byte anywhere is refused.
    void namesWithLineEndsOrControlBytesAreRefused() {
        const QString iqn = QStringLiteral("iqn.2024-01.test.host:libiscsi");
        for (const QString& tail :
             {QStringLiteral("\n"), QStringLiteral("\r"), QStringLiteral("\r\n"), QString(QChar(0)),
              QString(QChar(0x1b)) + QStringLiteral("[2J"), QStringLiteral("\n$(reboot);")}) {
            const QByteArray label = "tail " + tail.toUtf8().toHex();
            QVERIFY2(!checkVgName(QStringLiteral("vg") + tail).isEmpty(), label);
            QVERIFY2(!checkLvName(QStringLiteral("lv") + tail).isEmpty(), label);
            QVERIFY2(!checkIqn(iqn + tail, QString()).isEmpty(), label);
            QVERIFY2(!checkIqn(QStringLiteral("eui.0123456789abcdef") + tail, QString()).isEmpty(),
                     label);
            QVERIFY2(!checkMdName(QStringLiteral("md0") + tail).isEmpty(), label);
            QVERIFY2(!checkBackstoreName(QStringLiteral("bs") + tail).isEmpty(), label);
            QVERIFY2(!checkIpAddress(QStringLiteral("10.99.0.2") + tail, QString()).isEmpty(),
                     label);
            QVERIFY2(
                !checkChapValue(QStringLiteral("twelve-chars") + tail, QString(), true).isEmpty(),
                label);
        }
        // A NUL in the middle: inet_pton would stop reading at it.
        QVERIFY(
            !checkIpAddress(QStringLiteral("10.0.0.1") + QChar(0) + QStringLiteral("x"), QString())
                 .isEmpty());
        QVERIFY(!checkMdName(QStringLiteral("md0\nmd1")).isEmpty());
        QVERIFY(!exactPattern(QStringLiteral("a+")).match(QStringLiteral("aa\n")).hasMatch());
        QVERIFY(exactPattern(QStringLiteral("a|b")).match(QStringLiteral("b")).hasMatch());
        QVERIFY(!exactPattern(QStringLiteral("a|b")).match(QStringLiteral("ab")).hasMatch());
    }

    void displayedCommandLinesQuoteOnlyWhatTheShellNeeds() {
        const auto list = [](std::initializer_list<const char*> items) {
            QStringList result;
            for (const char* item : items)
                result << QString::fromUtf8(item);
            return result;
        };
        QCOMPARE(
            displayCommandLine(list({"lvcreate", "-L", "1g", "-n", "NR1-Local-Element", "vg"})),
            QStringLiteral("lvcreate -L 1g -n NR1-Local-Element vg"));
        QCOMPARE(displayCommandLine(list({"sh", "-c", "echo \"$1\" > \"$2\"", "sh", "0", "/x"})),
                 QStringLiteral("sh -c 'echo \"$1\" > \"$2\"' sh 0 /x"));
        QCOMPARE(displayCommandLine(list({"echo", "it's", "", "a b"})),
                 QStringLiteral("echo 'it'\\''s' '' 'a b'"));
    }
};

QTEST_GUILESS_MAIN(TestPlanValues)
#include "tst_plan_values.moc"
