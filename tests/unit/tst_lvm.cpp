#include "Fixtures.h"

class TestLvm : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("tests for this parser are being written"); }
};

QTEST_GUILESS_MAIN(TestLvm)
#include "tst_lvm.moc"
