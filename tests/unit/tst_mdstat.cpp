#include "Fixtures.h"
#include "probe/MdstatParser.h"

using namespace nr1;

class TestMdstat : public QObject {
    Q_OBJECT
private slots:
    void clean() {
        const auto result = parseMdstat(fixture(QStringLiteral("testbed/mdstat_clean.txt")));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestMdstat)
#include "tst_mdstat.moc"
