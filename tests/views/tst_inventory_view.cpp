// The console's inventory dock, offscreen: pairs and nodes as read, errors with line and field.

#include "InventoryView.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace nr1;

class TestInventoryView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QString& text) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(text.toUtf8());
        return path;
    }

private slots:
    void showsPairsAndNodes() {
        const QString path = write(
            QStringLiteral("inventory.yaml"),
            QStringLiteral("version: 1\npairs:\n  - name: lab\n    primary:\n      host: 10.0.0.1\n"
                           "      user: root\n      port: 2222\n"
                           "      replication_address: 10.99.0.1\n"
                           "      initiator_name: iqn.2024-01.test.lab:primary\n"
                           "    secondary:\n      host: node-b\n"));
        InventoryView view;
        QVERIFY(view.load(path));
        QCOMPARE(view.tree()->topLevelItemCount(), 1);
        const QTreeWidgetItem* pair = view.tree()->topLevelItem(0);
        QCOMPARE(pair->text(0), QStringLiteral("lab"));
        QCOMPARE(pair->childCount(), 2);
        QCOMPARE(pair->child(0)->text(0), QStringLiteral("Primary"));
        QCOMPARE(pair->child(0)->text(1), QStringLiteral("root@10.0.0.1:2222"));
        QCOMPARE(pair->child(0)->child(0)->text(1), QStringLiteral("10.99.0.1"));
        QCOMPARE(pair->child(0)->child(1)->text(1), QStringLiteral("iqn.2024-01.test.lab:primary"));
        QCOMPARE(pair->child(1)->text(1), QStringLiteral("node-b"));
        QVERIFY(view.statusText().contains(path));
    }

    void badFileKeepsWhatWasShownAndSaysWhy() {
        InventoryView view;
        QVERIFY(view.load(
            write(QStringLiteral("good.yaml"),
                  QStringLiteral(
                      "pairs:\n  - name: p\n    primary: {host: a}\n    secondary: {host: b}\n"))));
        const QString bad = write(QStringLiteral("bad.yaml"),
                                  QStringLiteral("pairs:\n  - name: p\n    primary: {host: a, "
                                                 "port: 0}\n    secondary: {host: b}\n"));
        QVERIFY(!view.load(bad));
        QCOMPARE(view.tree()->topLevelItemCount(), 1);
        QVERIFY2(view.statusText().contains(bad + QStringLiteral(" line 3")),
                 qPrintable(view.statusText()));
        QVERIFY2(view.statusText().contains(QLatin1String("pairs[0].primary.port")),
                 qPrintable(view.statusText()));
    }
};

QTEST_MAIN(TestInventoryView)
#include "tst_inventory_view.moc"
