// The one size widget of the wizards and the grow dialog, offscreen: "as much as possible" or a
// typed size (the field usable only while that is chosen), the sentence for an empty or wrong
// text, and one `changed` per edit, setValue() and clear().

#include "SizeChoice.h"

#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QtTest>

using namespace nr1;

namespace {

SizeChoiceTexts growthTexts() {
    return {.maximum = QStringLiteral("As &much as possible"),
            .sized = QStringLiteral("&Grow by:"),
            .what = QStringLiteral("a growth"),
            .placeholder = QStringLiteral("e.g. 256M, 1G")};
}

} // namespace

class TestSizeChoice : public QObject {
    Q_OBJECT

private slots:
    void startsOnTheMaximumWithTheFieldUnusable() {
        SizeChoice choice(growthTexts());
        QVERIFY(choice.maximumChoice()->isChecked());
        QVERIFY(!choice.sizeEdit()->isEnabled());
        QVERIFY(choice.value().ok());
        QCOMPARE(choice.value().value(), SizeRequest::maximum());
    }

    void textChoosesTheTypedSizeWithOneChange() {
        SizeChoice choice(growthTexts());
        QSignalSpy changed(&choice, &SizeChoice::changed);
        choice.sizeEdit()->setText(QStringLiteral("1.5G"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(choice.sizedChoice()->isChecked());
        QVERIFY(choice.sizeEdit()->isEnabled());
        QCOMPARE(choice.value().value(), SizeRequest::ofBytes(qint64(1536) << 20));
        // Back to the maximum: the field is unusable again but keeps its text.
        choice.maximumChoice()->click();
        QCOMPARE(changed.size(), 2);
        QVERIFY(!choice.sizeEdit()->isEnabled());
        QCOMPARE(choice.sizeEdit()->text(), QStringLiteral("1.5G"));
        QCOMPARE(choice.value().value(), SizeRequest::maximum());
    }

    void anEmptyOrWrongTextIsSaid() {
        SizeChoice choice(growthTexts());
        QSignalSpy changed(&choice, &SizeChoice::changed);
        choice.clear();
        QCOMPARE(changed.size(), 1);
        QVERIFY(choice.sizedChoice()->isChecked());
        QVERIFY(choice.sizeEdit()->isEnabled());
        QCOMPARE(choice.value().reasons(),
                 QStringList{QStringLiteral("Give a growth, or choose “As much as possible”.")});
        choice.sizeEdit()->setText(QStringLiteral("1x"));
        QVERIFY2(choice.value().why().contains(QStringLiteral("size '1x'")),
                 qPrintable(choice.value().why()));
    }

    void setValueShowsTheRequestOnce() {
        SizeChoice choice(growthTexts());
        QSignalSpy changed(&choice, &SizeChoice::changed);
        choice.setValue(SizeRequest::ofBytes(qint64(256) << 20));
        QCOMPARE(changed.size(), 1);
        QVERIFY(choice.sizedChoice()->isChecked());
        QCOMPARE(choice.sizeEdit()->text(), QStringLiteral("256M"));
        choice.setValue(SizeRequest::maximum());
        QCOMPARE(changed.size(), 2);
        QVERIFY(choice.maximumChoice()->isChecked());
        QVERIFY(!choice.sizeEdit()->isEnabled());
        choice.setValue(SizeRequest::ofBytes(0)); // nothing: as clear()
        QCOMPARE(changed.size(), 3);
        QVERIFY(choice.sizeEdit()->text().isEmpty());
        QVERIFY(!choice.value().ok());
    }
};

QTEST_MAIN(TestSizeChoice)
#include "tst_size_choice.moc"
