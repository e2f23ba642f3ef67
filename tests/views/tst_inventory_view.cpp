// The console's inventory dock, offscreen: pairs and nodes as read, errors with line and field,
// each node's connection state and what the monitor found on it.

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

    void nodesShowTheirConnectionState() {
        InventoryView view;
        QVERIFY(view.load(
            write(QStringLiteral("states.yaml"),
                  QStringLiteral(
                      "pairs:\n  - name: p\n    primary: {host: a}\n    secondary: {host: b}\n"))));
        QTreeWidgetItem* primary = view.nodeItem(QStringLiteral("p"), NodeRole::Primary);
        QVERIFY(primary);
        QCOMPARE(primary->text(0), QStringLiteral("Primary"));
        QVERIFY(!primary->icon(0).isNull());
        QCOMPARE(view.nodeStateText(QStringLiteral("p"), NodeRole::Primary),
                 QStringLiteral("not connected yet"));
        const QImage before = primary->icon(0).pixmap(12, 12).toImage();
        view.setNodeState(QStringLiteral("p"), NodeRole::Primary, ConnectionState::Connecting,
                          QString());
        QCOMPARE(view.nodeStateText(QStringLiteral("p"), NodeRole::Primary),
                 QStringLiteral("connecting"));
        view.setNodeState(QStringLiteral("p"), NodeRole::Primary, ConnectionState::Ready,
                          QStringLiteral("root@a:22"));
        QCOMPARE(view.nodeStateText(QStringLiteral("p"), NodeRole::Primary),
                 QStringLiteral("connected (root@a:22)"));
        QVERIFY(primary->icon(0).pixmap(12, 12).toImage() != before); // another colour
        view.setNodeState(QStringLiteral("p"), NodeRole::Secondary, ConnectionState::BackingOff,
                          QStringLiteral("cannot connect to root@b:22: Connection refused"));
        const QTreeWidgetItem* secondary = view.nodeItem(QStringLiteral("p"), NodeRole::Secondary);
        QVERIFY2(secondary->toolTip(0).contains(
                     QLatin1String("failing: cannot connect to root@b:22: Connection refused")),
                 qPrintable(secondary->toolTip(0)));
        // Unknown pairs are ignored; reloading starts over.
        view.setNodeState(QStringLiteral("other"), NodeRole::Primary, ConnectionState::Ready,
                          QString());
        QVERIFY(view.load(view.path()));
        QCOMPARE(view.nodeStateText(QStringLiteral("p"), NodeRole::Primary),
                 QStringLiteral("not connected yet"));
    }

    void nodesShowWhatTheMonitorFound() {
        InventoryView view;
        QVERIFY(view.load(
            write(QStringLiteral("found.yaml"),
                  QStringLiteral("pairs:\n  - name: p\n    primary: {host: a, "
                                 "replication_address: 10.99.0.1}\n    secondary: {host: b}\n"))));
        PairSnapshot snapshot;
        snapshot.pair = QStringLiteral("p");
        snapshot.primary.answered = true;
        ArrayView array;
        array.node = QStringLiteral("primary");
        array.name = QStringLiteral("md0");
        array.level = QStringLiteral("raid1");
        array.state = QStringLiteral("degraded");
        array.health = Health::Critical;
        array.sizeKiB = 1024 * 1024;
        array.isPairArray = true;
        snapshot.arrays.push_back(array);
        ExportView lun;
        lun.node = QStringLiteral("primary");
        lun.targetIqn = QStringLiteral("iqn.2003-01.org.linux-iscsi.nr1:p-lun");
        lun.enabled = true;
        lun.portals = {QStringLiteral("0.0.0.0:3260")};
        lun.initiators = {QStringLiteral("iqn.2024-01.test.host:x")};
        snapshot.exports.push_back(lun);
        view.showSnapshot(snapshot);
        QTreeWidgetItem* arrays =
            view.groupItem(QStringLiteral("p"), NodeRole::Primary, InventoryView::Group::Arrays);
        QVERIFY(arrays);
        QCOMPARE(arrays->childCount(), 1);
        QCOMPARE(arrays->child(0)->text(0), QStringLiteral("md0"));
        QCOMPARE(arrays->child(0)->text(1), QStringLiteral("RAID1, degraded, 1 GiB"));
        const QTreeWidgetItem* node = view.nodeItem(QStringLiteral("p"), NodeRole::Primary);
        QCOMPARE(node->child(0)->text(1), QStringLiteral("10.99.0.1")); // the inventory's first
        QTreeWidgetItem* exports =
            view.groupItem(QStringLiteral("p"), NodeRole::Primary, InventoryView::Group::Exports);
        QCOMPARE(exports->child(0)->text(0), QStringLiteral("LUN"));
        QCOMPARE(exports->child(0)->text(1), lun.targetIqn);
        QVERIFY(exports->child(0)->toolTip(1).contains(QLatin1String("iqn.2024-01.test.host:x")));
        // The Secondary has not answered: nothing is claimed about it.
        QVERIFY(!view.groupItem(QStringLiteral("p"), NodeRole::Secondary,
                                InventoryView::Group::Arrays));
        // Volumes go between arrays and exports.
        LogicalVolume volume;
        volume.vgName = QStringLiteral("LIO-NR1-VOL");
        volume.name = QStringLiteral("NR1-PRIMARY-VOL");
        volume.path = QStringLiteral("/dev/LIO-NR1-VOL/NR1-PRIMARY-VOL");
        volume.sizeBytes = qint64(1) << 30;
        view.showVolumes(QStringLiteral("p"), NodeRole::Primary, {volume});
        QTreeWidgetItem* volumes =
            view.groupItem(QStringLiteral("p"), NodeRole::Primary, InventoryView::Group::Volumes);
        QCOMPARE(node->indexOfChild(volumes), node->indexOfChild(arrays) + 1);
        QCOMPARE(node->indexOfChild(exports), node->indexOfChild(volumes) + 1);
        QCOMPARE(volumes->child(0)->text(0), QStringLiteral("LIO-NR1-VOL/NR1-PRIMARY-VOL"));
        QCOMPARE(volumes->child(0)->text(1), QStringLiteral("1 GiB"));
        // A node that answered without arrays says so.
        snapshot.arrays.clear();
        view.showSnapshot(snapshot);
        QCOMPARE(arrays->childCount(), 0);
        QCOMPARE(arrays->text(1), QStringLiteral("none"));
    }

    void selectedPairFollowsTheCurrentRow() {
        InventoryView view;
        QVERIFY(view.load(write(
            QStringLiteral("two.yaml"),
            QStringLiteral("pairs:\n  - name: p\n    primary: {host: a}\n    secondary: {host: b}\n"
                           "  - name: q\n    primary: {host: c}\n    secondary: {host: d}\n"))));
        QVERIFY(view.selectedPair().isEmpty());
        QSignalSpy changed(&view, &InventoryView::selectedPairChanged);
        auto* tree = const_cast<QTreeWidget*>(view.tree());
        tree->setCurrentItem(view.nodeItem(QStringLiteral("q"), NodeRole::Secondary));
        QCOMPARE(view.selectedPair(), QStringLiteral("q"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("q"));
    }
};

QTEST_MAIN(TestInventoryView)
#include "tst_inventory_view.moc"
