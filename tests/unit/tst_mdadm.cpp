#include "Fixtures.h"

class TestMdadm : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("tests for this parser are being written"); }
};

QTEST_GUILESS_MAIN(TestMdadm)
#include "tst_mdadm.moc"
