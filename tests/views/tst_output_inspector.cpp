// The console's output inspector, offscreen: it shows the parsed model, errors and skipped lines.

#include "Fixtures.h"
#include "MainWindow.h"
#include "OutputInspector.h"

#include <QTreeWidget>

using namespace nr1;

namespace {

QTreeWidgetItem* childNamed(QTreeWidgetItem* parent, const QString& key) {
    for (int index = 0; index < parent->childCount(); ++index)
        if (parent->child(index)->text(0) == key)
            return parent->child(index);
    return nullptr;
}

} // namespace

class TestOutputInspector : public QObject {
    Q_OBJECT
private slots:
    void showsParsedModel() {
        OutputInspector inspector;
        QVERIFY(inspector.setKind(QStringLiteral("mdstat")));
        inspector.setText(fixture(QStringLiteral("testbed/mdstat_degraded.txt")));
        QCOMPARE(inspector.statusText(), QStringLiteral("Parsed as mdstat."));
        QCOMPARE(inspector.tree()->topLevelItemCount(), 1);
        QTreeWidgetItem* root = inspector.tree()->topLevelItem(0);
        QTreeWidgetItem* arrays = childNamed(root, QStringLiteral("arrays"));
        QVERIFY(arrays);
        QCOMPARE(arrays->text(1), QStringLiteral("1 item(s)"));
        QTreeWidgetItem* md0 = arrays->child(0);
        QCOMPARE(childNamed(md0, QStringLiteral("pattern"))->text(1), QStringLiteral("U_"));
        QTreeWidgetItem* sda = childNamed(md0, QStringLiteral("members"))->child(0);
        QCOMPARE(childNamed(sda, QStringLiteral("faulty"))->text(1), QStringLiteral("true"));
    }

    void showsErrorWithLine() {
        OutputInspector inspector;
        QVERIFY(inspector.setKind(QStringLiteral("mdstat")));
        inspector.setText(QStringLiteral("Personalities : [raid1] \nmd0 : active raid1 sda[0]\n"));
        QVERIFY2(
            inspector.statusText().startsWith(QStringLiteral("Not parseable: /proc/mdstat line 2")),
            qPrintable(inspector.statusText()));
        QCOMPARE(inspector.tree()->topLevelItemCount(), 0);
    }

    void switchingKindReparses() {
        OutputInspector inspector;
        inspector.setText(fixture(QStringLiteral("testbed/saveconfig_secondary.json")));
        QVERIFY(inspector.setKind(QStringLiteral("saveconfig")));
        QCOMPARE(inspector.statusText(), QStringLiteral("Parsed as saveconfig."));
        QVERIFY(inspector.setKind(QStringLiteral("mdstat")));
        QVERIFY(inspector.statusText().startsWith(QStringLiteral("Not parseable")));
        QVERIFY(!inspector.setKind(QStringLiteral("no-such-kind")));
    }

    void mainWindowOpensFile() {
        MainWindow window;
        QVERIFY(window.inspector()->setKind(QStringLiteral("mdstat")));
        QVERIFY(window.openFile(QStringLiteral(NR1_FIXTURES_DIR "/testbed/mdstat_clean.txt")));
        QCOMPARE(window.inspector()->statusText(), QStringLiteral("Parsed as mdstat."));
        QVERIFY(!window.openFile(QStringLiteral("/nonexistent/file")));
    }
};

QTEST_MAIN(TestOutputInspector)
#include "tst_output_inspector.moc"
