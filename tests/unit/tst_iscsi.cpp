#include "Fixtures.h"

class TestIscsi : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("tests for this parser are being written"); }
};

QTEST_GUILESS_MAIN(TestIscsi)
#include "tst_iscsi.moc"
