#include "Fixtures.h"

class TestSaveconfig : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("tests for this parser are being written"); }
};

QTEST_GUILESS_MAIN(TestSaveconfig)
#include "tst_saveconfig.moc"
