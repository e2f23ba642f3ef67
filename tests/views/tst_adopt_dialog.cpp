// The console's adoption (Pair → Adopt Pair…, Add Existing Pair…) offscreen, against nodes
// replayed from the live probe captures of a pair built by hand on the testbed: what was found
// and the entry as it will read, "Record in Inventory" writing it into the inventory file (the
// nodes listed the other way round change places), nodes without a pair (nothing to record),
// a node that does not answer, and an entry that records it all already.

#include "AdoptDialog.h"
#include "PairFixtures.h"
#include "Screenshots.h"
#include "TestSession.h"
#include "WidgetFinders.h"
#include "inventory/InventoryText.h"
#include "transport/ReplayRunner.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QtTest>

using namespace nr1;

namespace {

/// The entry an administrator adds for the hand-built pair: the logins only, the node that
/// runs md7 listed as the secondary. (Named as the testbed's pair, as the captures are.)
InventoryPair listedEntry() {
    InventoryPair pair;
    pair.name = QStringLiteral("testbed");
    pair.primary.host = QStringLiteral("node-b.example.net");
    pair.secondary.host = QStringLiteral("node-a.example.net");
    return pair;
}

/// Nodes replayed as the entry lists them: its primary answers the Secondary's capture.
struct Replayed {
    ReplayRunner listedPrimary{QStringLiteral("root@node-b.example.net:22")};
    ReplayRunner listedSecondary{QStringLiteral("root@node-a.example.net:22")};
    TestSession session{listedEntry(), listedPrimary, listedSecondary};
    QTemporaryDir folder;
    QString inventory = folder.filePath(QStringLiteral("inventory.yaml"));

    explicit Replayed(const QString& state) {
        answerProbe(listedPrimary, state, QStringLiteral("secondary"));
        answerProbe(listedSecondary, state, QStringLiteral("primary"));
        QFile file(inventory);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the test inventory");
        file.write((QStringLiteral("# written by hand\nversion: 1\n") +
                    pairsListText({fieldsOf(listedEntry())}))
                       .toUtf8());
        file.close();
        session.session.setInventoryPath(inventory);
    }
    QString inventoryText() const {
        QFile file(inventory);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
};

std::unique_ptr<AdoptDialog> discoveredDialog(PairSession& session) {
    auto dialog = std::make_unique<AdoptDialog>(session);
    QSignalSpy discovered(dialog.get(), &AdoptDialog::discovered);
    if (!discovered.wait(5000))
        qFatal("the adoption did not read the nodes");
    return dialog;
}

} // namespace

class TestAdoptDialog : public QObject {
    Q_OBJECT
private slots:
    void showsWhatWasFoundAndRecordsIt() {
        Replayed nodes(QStringLiteral("adopt-by-hand"));
        const auto dialog = discoveredDialog(nodes.session);
        dialog->show();
        QVERIFY(dialog->discovery() && dialog->discovery()->adoptable());
        const QString details = dialog->findChild<QTextBrowser*>()->toPlainText();
        for (const char* part : {"it runs md7", "vg_loc/elem0", "backstore /backstores/fileio/lun0",
                                 "CHAP (user nr1host)", "the other way round", "md: md7",
                                 "volume_backstore: fileio/lun0", "replacement_timeout: 10"})
            QVERIFY2(details.contains(QString::fromLatin1(part)), part);
        QVERIFY(!details.contains(QStringLiteral("Problems")));
        saveScreenshotIfAsked(dialog.get(), QStringLiteral("adopt-pair"));
        QPushButton* record = buttonStartingWith(*dialog, QStringLiteral("Record in Inventory"));
        QVERIFY(record && record->isEnabled());
        QSignalSpy adopted(dialog.get(), &AdoptDialog::adopted);
        record->click();
        QCOMPARE(adopted.size(), 1);
        QCOMPARE(adopted.first().first().toString(), QStringLiteral("testbed"));
        QVERIFY(!record->isEnabled());
        // The file: its comment kept, the node that runs md7 now the primary, the layout.
        const QString text = nodes.inventoryText();
        QVERIFY2(text.startsWith(QStringLiteral("# written by hand\n")), qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("host: node-a.example.net")) <
                         text.indexOf(QStringLiteral("host: node-b.example.net")) &&
                     text.contains(QStringLiteral("md: md7")) &&
                     text.contains(QStringLiteral("replication_address: 10.99.0.1")),
                 qPrintable(text));
        const auto read = loadInventory(nodes.inventory);
        QVERIFY(read.ok());
        QCOMPARE(read.value().pairs.front().layout->volumeTarget,
                 QStringLiteral("iqn.2024-01.test.testbed:primary.lun0"));
    }

    void nodesWithoutAPairRecordNothing() {
        Replayed nodes(QStringLiteral("blank"));
        const auto dialog = discoveredDialog(nodes.session);
        QVERIFY2(labelsText(*dialog).contains(QStringLiteral("cannot be adopted")),
                 qPrintable(labelsText(*dialog)));
        QVERIFY(dialog->findChild<QTextBrowser*>()->toPlainText().contains(
            QStringLiteral("Neither node runs a RAID1 array")));
        QVERIFY(!buttonStartingWith(*dialog, QStringLiteral("Record in Inventory"))->isEnabled());
        QVERIFY(!dialog->record());
        QVERIFY(!nodes.inventoryText().contains(QStringLiteral("layout")));
    }

    void aNodeThatDoesNotAnswerIsSaidAndReadAgain() {
        Replayed nodes(QStringLiteral("adopt-by-hand"));
        // The first read: the listed secondary refuses; the second answers.
        ReplayRunner refusing{QStringLiteral("root@node-a.example.net:22")};
        CommandResult refused;
        refused.status = CommandStatus::ConnectionFailed;
        refused.error = QStringLiteral("connection refused");
        refusing.expect(nodeProbeCommand().argv, refused);
        TestSession session{listedEntry(), nodes.listedPrimary, refusing};
        const auto dialog = discoveredDialog(session);
        QVERIFY(!dialog->discovery());
        QVERIFY2(labelsText(*dialog).contains(QStringLiteral("Not both nodes answered")),
                 qPrintable(labelsText(*dialog)));
        QVERIFY(dialog->findChild<QTextBrowser*>()->toPlainText().contains(
            QStringLiteral("connection refused")));
        QVERIFY(!buttonStartingWith(*dialog, QStringLiteral("Record in Inventory"))->isEnabled());
    }

    void anEntryThatRecordsItAllHasNothingToRecord() {
        Replayed nodes(QStringLiteral("adopt-by-hand"));
        const auto first = discoveredDialog(nodes.session);
        QVERIFY(first->record());
        // Read again, the nodes answering in the roles the entry gives them now: it records
        // all of it already.
        answerProbe(nodes.listedPrimary, QStringLiteral("adopt-by-hand"),
                    QStringLiteral("primary"));
        answerProbe(nodes.listedSecondary, QStringLiteral("adopt-by-hand"),
                    QStringLiteral("secondary"));
        QSignalSpy discovered(first.get(), &AdoptDialog::discovered);
        buttonStartingWith(*first, QStringLiteral("Read Again"))->click();
        QVERIFY(discovered.wait(5000));
        QVERIFY2(labelsText(*first).contains(QStringLiteral("records all of this already")),
                 qPrintable(labelsText(*first)));
        QVERIFY(!buttonStartingWith(*first, QStringLiteral("Record in Inventory"))->isEnabled());
    }
};

QTEST_MAIN(TestAdoptDialog)
#include "tst_adopt_dialog.moc"
