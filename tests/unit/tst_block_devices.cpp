#include "Fixtures.h"

class TestBlockDevices : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("tests for this parser are being written"); }
};

QTEST_GUILESS_MAIN(TestBlockDevices)
#include "tst_block_devices.moc"
