// Result<T>: a value or the reasons why not, Result<void>, and ParseResult<T> read as a Result.

#include "base/ParseResult.h"
#include "base/Result.h"

#include <QTest>
#include <memory>

using namespace nr1;

namespace {

Result<int> half(int number) {
    if (number % 2 != 0)
        return failure(QStringLiteral("%1 is odd.").arg(number));
    return number / 2;
}

} // namespace

class TestResult : public QObject {
    Q_OBJECT
private slots:
    // Node text quoted in a message must not reach a terminal raw.
    void controlBytesInMessagesAreMadeVisible() {
        const QString hostile = QStringLiteral("ok") + QChar(0x1b) + QStringLiteral("[2J") +
                                QChar(0) + QChar(0x7f) + QChar(0x9b) + QStringLiteral("\r\tend");
        QCOMPARE(visibleText(hostile), QStringLiteral("ok\\x1b[2J\\x00\\x7f\\x9b\\r\\tend"));
        QCOMPARE(visibleText(visibleText(hostile)), visibleText(hostile)); // escaping twice
        QCOMPARE(visibleText(QStringLiteral("plain – ü \\ ok")), QStringLiteral("plain – ü \\ ok"));
        QCOMPARE(excerpt(hostile + QStringLiteral("\nsecond line")), visibleText(hostile));
        const ParseError error{QStringLiteral("/proc/mdstat") + QChar(0x07), 3,
                               QStringLiteral("a line") + QChar(0x1b),
                               QStringLiteral("x") + QChar(0x1b) + QStringLiteral("]0;title")};
        const QString message = error.toString();
        for (const QChar c : message)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("x\\x1b]0;title")), qPrintable(message));
        const ParseWarning warning{QStringLiteral("lsblk"), 2, QStringLiteral("a\x1b[31m"),
                                   QStringLiteral("skipped")};
        QVERIFY2(warning.toString().contains(QLatin1String("a\\x1b[31m")),
                 qPrintable(warning.toString()));
        // Long text is cut before it is escaped: the excerpt stays short.
        QVERIFY(excerpt(QString(100000, QChar(0x1b))).size() < 600);
    }

    void aValueHasNoReasons() {
        const Result<int> result = half(4);
        QVERIFY(result.ok());
        QCOMPARE(result.value(), 2);
        QVERIFY(result.reasons().isEmpty());
        QVERIFY(result.why().isEmpty());
        QCOMPARE(result.optional(), std::optional<int>(2));
    }

    void aFailureSaysWhy() {
        const Result<int> result = half(3);
        QVERIFY(!result.ok());
        QCOMPARE(result.reasons(), QStringList{QStringLiteral("3 is odd.")});
        QCOMPARE(result.why(), QStringLiteral("3 is odd."));
        QVERIFY(!result.optional());
    }

    void severalReasonsJoin() {
        const Result<QString> result =
            failure(QStringList{QStringLiteral("First."), QStringLiteral("Second.")});
        QVERIFY(!result.ok());
        QCOMPARE(result.why(), QStringLiteral("First. Second."));
        QCOMPARE(result.why(QStringLiteral("\n• ")), QStringLiteral("First.\n• Second."));
    }

    void aFailureWithoutReasonsIsStillAFailure() {
        const Result<void> result = failure(QStringList{});
        QVERIFY(!result.ok());
        QCOMPARE(result.reasons().size(), 1);
    }

    void doneOrWhyNot() {
        const Result<void> done;
        QVERIFY(done.ok());
        const Result<void> refused = failure(QStringLiteral("Nothing was written."));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.why(), QStringLiteral("Nothing was written."));
    }

    void moveOnlyValuesMoveOut() {
        Result<std::unique_ptr<int>> result = std::make_unique<int>(7);
        QVERIFY(result.ok());
        const std::unique_ptr<int> taken = std::move(result).value();
        QCOMPARE(*taken, 7);
    }

    void aParseResultIsAResult() {
        const ParseError error{QStringLiteral("/proc/mdstat"), 3, QStringLiteral("a blocks line"),
                               QStringLiteral("foo")};
        const ParseResult<int> refused(error);
        const Result<int>& asResult = refused;
        QVERIFY(!asResult.ok());
        QCOMPARE(refused.error(), error);
        QCOMPARE(asResult.reasons(), QStringList{error.toString()});
        const ParseResult<int> parsed(5, {ParseWarning{QStringLiteral("x"), 1, {}, {}}});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), 5);
        QCOMPARE(parsed.warnings().size(), size_t(1));
    }
};

QTEST_MAIN(TestResult)
#include "tst_result.moc"
