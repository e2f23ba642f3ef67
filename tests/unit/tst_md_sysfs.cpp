#include "Fixtures.h"

class TestMdSysfs : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("tests for this parser are being written"); }
};

QTEST_GUILESS_MAIN(TestMdSysfs)
#include "tst_md_sysfs.moc"
