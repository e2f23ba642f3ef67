// The pair editor, offscreen: valid input enables OK and yields the pair as written; every
// invalid input is named in words and disables OK; an edited pair is shown as written; the
// connection test answers per node without blocking (against the local test sshd when there).

#include "InventoryView.h"
#include "MainWindow.h"
#include "PairEditDialog.h"
#include "Screenshots.h"
#include "TestSshd.h"
#include "transport/OperatorDelegate.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace nr1;
using namespace std::chrono_literals;

namespace {

/// A TCP port on 127.0.0.1 that accepts connections (the kernel's backlog) but never says a
/// word: an SSH server that hangs.
class SilentPort {
public:
    SilentPort() {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_socket < 0 || ::bind(m_socket, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::listen(m_socket, 4) != 0 ||
            ::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
    }
    ~SilentPort() {
        if (m_socket >= 0)
            ::close(m_socket);
    }
    int port() const { return m_port; }

private:
    int m_socket = -1;
    int m_port = 0;
};

} // namespace

class TestPairEditDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    FixedTrustDelegate m_trust{TrustDecision::AcceptOnce};

    QString inventoryPath() const { return m_dir.filePath(QStringLiteral("inventory.yaml")); }

    InventoryDocument document() const {
        const auto loaded = InventoryDocument::load(inventoryPath());
        if (!loaded.ok())
            qFatal("%s", qPrintable(loaded.error().toString()));
        return loaded.value();
    }

    static void type(PairEditDialog& dialog, const QString& field, const QString& text) {
        QLineEdit* editor = dialog.fieldEditor(field);
        QVERIFY2(editor, qPrintable(field));
        editor->setText(text);
    }

    static void fillValid(PairEditDialog& dialog) {
        type(dialog, QStringLiteral("name"), QStringLiteral("new"));
        type(dialog, QStringLiteral("primary.host"), QStringLiteral("10.0.1.1"));
        type(dialog, QStringLiteral("primary.port"), QStringLiteral("2222"));
        type(dialog, QStringLiteral("primary.user"), QStringLiteral("root"));
        type(dialog, QStringLiteral("primary.identity"), QStringLiteral("keys/id_lab"));
        type(dialog, QStringLiteral("primary.replication_address"), QStringLiteral("10.99.0.1"));
        type(dialog, QStringLiteral("primary.initiator_name"),
             QStringLiteral("iqn.2024-01.test.new:primary"));
        type(dialog, QStringLiteral("secondary.host"), QStringLiteral("node-b"));
        type(dialog, QStringLiteral("secondary.replication_address"), QStringLiteral("10.99.0.2"));
        type(dialog, QStringLiteral("secondary.iscsi_port"), QStringLiteral("3261"));
        type(dialog, QStringLiteral("frontend_address"), QStringLiteral("10.0.1.100/24"));
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // the main window's settings stay out of ~
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("keys")));
        QFile key(m_dir.filePath(QStringLiteral("keys/id_lab")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        key.close();
        QFile inventory(inventoryPath());
        QVERIFY(inventory.open(QIODevice::WriteOnly));
        inventory.write("# the lab\nversion: 1\npairs:\n"
                        "  - name: lab\n"
                        "    primary:\n"
                        "      host: 10.0.0.1   # rack 3\n"
                        "      identity: keys/id_lab\n"
                        "      initiator_name: iqn.2024-01.test.lab:primary\n"
                        "    secondary: {host: 10.0.0.2, port: 2222}\n");
    }

    void everyFieldHasATooltip() {
        PairEditDialog dialog(document(), std::nullopt, &m_trust);
        const QList<QLineEdit*> editors = dialog.findChildren<QLineEdit*>();
        QCOMPARE(editors.size(), 18); // the pair name and front-end address, 8 per node
        for (const QLineEdit* editor : editors)
            QVERIFY2(!editor->toolTip().isEmpty(), qPrintable(editor->objectName()));
        QVERIFY(!dialog.testButton()->toolTip().isEmpty());
    }

    void validInputEnablesOkAndYieldsThePair() {
        PairEditDialog dialog(document(), std::nullopt, &m_trust);
        QVERIFY(!dialog.okButton()->isEnabled()); // empty: name and hosts missing
        fillValid(dialog);
        QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problemsText()));
        QVERIFY2(dialog.problemsText().isEmpty(), qPrintable(dialog.problemsText()));
        InventoryPair expected;
        expected.name = QStringLiteral("new");
        expected.primary.host = QStringLiteral("10.0.1.1");
        expected.primary.port = 2222;
        expected.primary.user = QStringLiteral("root");
        expected.primary.identity = QStringLiteral("keys/id_lab"); // as written
        expected.primary.replicationAddress = QStringLiteral("10.99.0.1");
        expected.primary.initiatorName = QStringLiteral("iqn.2024-01.test.new:primary");
        expected.secondary.host = QStringLiteral("node-b");
        expected.secondary.replicationAddress = QStringLiteral("10.99.0.2");
        expected.secondary.iscsiPort = 3261;
        expected.frontEndAddress = QStringLiteral("10.0.1.100/24");
        saveScreenshotIfAsked(&dialog, QStringLiteral("pair-edit-dialog"));
        QVERIFY(dialog.pair());
        QCOMPARE(*dialog.pair(), expected);
        // OK accepts it.
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void invalidInputIsNamedAndDisablesOk_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("words");
        QTest::newRow("bad host") << "primary.host"
                                  << "node a!"
                                  << "Primary host: expected a host";
        QTest::newRow("empty host") << "secondary.host"
                                    << ""
                                    << "Secondary host: must be set";
        QTest::newRow("port 0") << "primary.port"
                                << "0"
                                << "Primary SSH port: expected a port from 1 to 65535, found “0”";
        QTest::newRow("port 70000") << "secondary.port"
                                    << "70000"
                                    << "Secondary SSH port: expected a port from 1 to 65535";
        QTest::newRow("port not a number") << "primary.port"
                                           << "ssh"
                                           << "a whole number";
        QTest::newRow("bad user") << "primary.user"
                                  << "Admin User"
                                  << "Primary user: expected a login name";
        QTest::newRow("missing key file")
            << "secondary.identity"
            << "keys/id_missing"
            << QStringLiteral("Secondary key file: %1 does not exist")
                   .arg(m_dir.filePath(QStringLiteral("keys/id_missing")));
        QTest::newRow("bad IQN") << "primary.initiator_name"
                                 << "primary-node"
                                 << "Primary initiator name: expected an iSCSI name";
        QTest::newRow("bad replication address")
            << "secondary.replication_address"
            << "10.99.0.300"
            << "Secondary replication address: expected an IPv4 or IPv6 address";
        QTest::newRow("duplicate name") << "name"
                                        << "lab"
                                        << "Pair name: another pair is already called “lab”";
        QTest::newRow("bad name") << "name"
                                  << "new pair"
                                  << "Pair name: expected a name";
        QTest::newRow("bad iSCSI port") << "secondary.iscsi_port"
                                        << "0"
                                        << "Secondary iSCSI port";
    }

    void invalidInputIsNamedAndDisablesOk() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, words);
        PairEditDialog dialog(document(), std::nullopt, &m_trust);
        fillValid(dialog);
        QVERIFY(dialog.okButton()->isEnabled());
        type(dialog, field, value);
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.pair());
        QVERIFY2(dialog.problemsText().contains(words), qPrintable(dialog.problemsText()));
        // Shown under the form, and on the field itself.
        const auto* problems = dialog.findChild<QLabel*>(QStringLiteral("problems"));
        QVERIFY(problems);
        QVERIFY2(problems->text().contains(words.toHtmlEscaped()), qPrintable(problems->text()));
        QVERIFY(dialog.fieldEditor(field)->toolTip().contains(words));
        QVERIFY(!dialog.fieldEditor(field)->styleSheet().isEmpty());
        // OK does nothing while it is invalid.
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // Fixing it enables OK again.
        fillValid(dialog);
        if (field.endsWith(QLatin1String("port")) || field.endsWith(QLatin1String("identity")) ||
            field.endsWith(QLatin1String("user")))
            type(dialog, field, QString());
        QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problemsText()));
        QVERIFY(dialog.fieldEditor(field)->styleSheet().isEmpty());
    }

    void warningsDoNotBlock() {
        PairEditDialog dialog(document(), std::nullopt, &m_trust);
        fillValid(dialog);
        type(dialog, QStringLiteral("secondary.replication_address"), QString());
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY2(dialog.problemsText().contains(QLatin1String("Secondary replication address")),
                 qPrintable(dialog.problemsText()));
    }

    void editingAPairShowsItAsWritten() {
        PairEditDialog dialog(document(), 0, &m_trust);
        QVERIFY(dialog.windowTitle().contains(QLatin1String("lab")));
        QCOMPARE(dialog.fieldEditor(QStringLiteral("name"))->text(), QStringLiteral("lab"));
        QCOMPARE(dialog.fieldEditor(QStringLiteral("primary.host"))->text(),
                 QStringLiteral("10.0.0.1"));
        QCOMPARE(dialog.fieldEditor(QStringLiteral("primary.identity"))->text(),
                 QStringLiteral("keys/id_lab"));
        QCOMPARE(dialog.fieldEditor(QStringLiteral("secondary.port"))->text(),
                 QStringLiteral("2222"));
        QVERIFY(dialog.fieldEditor(QStringLiteral("primary.port"))->text().isEmpty());
        // Its own name is no duplicate; the Secondary without replication address is a warning.
        QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problemsText()));
        QCOMPARE(*dialog.pair(), document().inventory().pairs.at(0));
        type(dialog, QStringLiteral("secondary.port"), QStringLiteral("2200"));
        QCOMPARE(dialog.pair()->secondary.port, 2200);
    }

    void nodesWithErrorsAreNotTested() {
        PairEditDialog dialog(document(), std::nullopt, &m_trust);
        fillValid(dialog);
        type(dialog, QStringLiteral("primary.port"), QStringLiteral("0"));
        type(dialog, QStringLiteral("secondary.host"), QString());
        QSignalSpy tested(&dialog, &PairEditDialog::connectionTested);
        dialog.testConnection();
        QCOMPARE(tested.size(), 1); // nothing to wait for
        QVERIFY2(dialog.connectionText(NodeRole::Primary).contains(QLatin1String("SSH port")),
                 qPrintable(dialog.connectionText(NodeRole::Primary)));
        QVERIFY(dialog.connectionText(NodeRole::Secondary).startsWith(QLatin1String("Not tested")));
    }

    void aNodeThatDoesNotAnswerTimesOut() {
        SilentPort silent;
        QVERIFY(silent.port() > 0);
        PairEditDialog dialog(document(), std::nullopt, &m_trust);
        fillValid(dialog);
        type(dialog, QStringLiteral("primary.host"), QStringLiteral("127.0.0.1"));
        type(dialog, QStringLiteral("primary.port"), QString::number(silent.port()));
        type(dialog, QStringLiteral("primary.identity"), QString());
        type(dialog, QStringLiteral("secondary.host"), QStringLiteral("127.0.0.1"));
        type(dialog, QStringLiteral("secondary.port"), QString::number(silent.port()));
        dialog.setTestPatience(600ms);
        QElapsedTimer clock;
        clock.start();
        dialog.testConnection();
        QVERIFY(clock.elapsed() < 500); // returns at once
        QVERIFY(dialog.testing());
        QVERIFY(!dialog.testButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.testing(), 5000);
        for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
            QVERIFY2(dialog.connectionText(role).contains(QLatin1String("Timed out")),
                     qPrintable(dialog.connectionText(role)));
        QVERIFY(dialog.testButton()->isEnabled());
    }

    void connectionTestAgainstTheLocalSshd() {
        TestSshd sshd;
        if (!sshd.start())
            QSKIP(qPrintable(QStringLiteral("no local sshd: %1").arg(sshd.error())));
        const int refusedPort = [] { // a port nobody listens on any more: refused
            const SilentPort closed;
            return closed.port();
        }();
        qputenv("SSH_AUTH_SOCK", "");
        PairEditDialog dialog(document(), std::nullopt, &m_trust);
        fillValid(dialog);
        type(dialog, QStringLiteral("primary.host"), QStringLiteral("127.0.0.1"));
        type(dialog, QStringLiteral("primary.port"), QString::number(sshd.port()));
        type(dialog, QStringLiteral("primary.user"), sshd.user());
        type(dialog, QStringLiteral("primary.identity"), sshd.clientKey());
        type(dialog, QStringLiteral("primary.initiator_name"), QString());
        type(dialog, QStringLiteral("secondary.host"), QStringLiteral("127.0.0.1"));
        type(dialog, QStringLiteral("secondary.port"), QString::number(refusedPort));
        QSignalSpy tested(&dialog, &PairEditDialog::connectionTested);
        dialog.testConnection();
        QVERIFY(tested.wait(30000));
        const QString primary = dialog.connectionText(NodeRole::Primary);
        qInfo("primary: %s\nsecondary: %s", qPrintable(primary),
              qPrintable(dialog.connectionText(NodeRole::Secondary)));
        QVERIFY2(primary.startsWith(
                     QStringLiteral("connected: %1")
                         .arg(QSysInfo::machineHostName().section(QLatin1Char('.'), 0, 0))),
                 qPrintable(primary));
        QVERIFY2(dialog.connectionText(NodeRole::Secondary).startsWith(QLatin1String("Failed: ")),
                 qPrintable(dialog.connectionText(NodeRole::Secondary)));
        if (QFile::exists(QStringLiteral("/etc/iscsi/initiatorname.iscsi")))
            QVERIFY(!dialog.offeredInitiatorName(NodeRole::Primary).isEmpty());
        else
            QVERIFY2(primary.contains(QLatin1String("no initiator name")), qPrintable(primary));
    }

    void mainWindowAddsEditsAndRemovesPairs() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.yaml"));
        QVERIFY(QFile::copy(inventoryPath(), path));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("keys/id_lab")),
                            dir.filePath(QStringLiteral("id_lab"))));
        const QByteArray original = [&] {
            QFile file(path);
            file.open(QIODevice::ReadOnly);
            return file.readAll();
        }();
        MainWindow window;
        QVERIFY(window.openInventory(path));
        QCOMPARE(window.inventoryPath(), path);
        // Add: the dialog saves, keeps the backup and opens the inventory again.
        PairEditDialog* add = window.openPairEditor();
        QVERIFY(add);
        QVERIFY(add->isVisible());
        fillValid(*add);
        type(*add, QStringLiteral("primary.identity"), QStringLiteral("id_lab"));
        QVERIFY2(add->okButton()->isEnabled(), qPrintable(add->problemsText()));
        add->okButton()->click();
        QCOMPARE(window.inventory()->tree()->topLevelItemCount(), 2);
        QCOMPARE(window.inventory()->tree()->topLevelItem(1)->text(0), QStringLiteral("new"));
        QFile backup(path + QLatin1Char('~'));
        QVERIFY(backup.open(QIODevice::ReadOnly));
        QCOMPARE(backup.readAll(), original);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray afterAdd = saved.readAll();
        QVERIFY(afterAdd.startsWith(original)); // the lab pair's comment and layout kept
        // Edit: the dialog shows the pair as written.
        PairEditDialog* edit = window.openPairEditor(QStringLiteral("new"));
        QVERIFY(edit);
        QCOMPARE(edit->fieldEditor(QStringLiteral("primary.identity"))->text(),
                 QStringLiteral("id_lab"));
        type(*edit, QStringLiteral("secondary.host"), QStringLiteral("node-c"));
        edit->okButton()->click();
        QCOMPARE(window.inventory()->nodeItem(QStringLiteral("new"), NodeRole::Secondary)->text(1),
                 QStringLiteral("node-c"));
        QVERIFY(!window.openPairEditor(QStringLiteral("no-such-pair")));
        // Remove: asked first, naming the pair and saying the nodes are not touched.
        QDialog* confirm = window.confirmRemovePair(QStringLiteral("lab"));
        QVERIFY(confirm);
        auto* box = qobject_cast<QMessageBox*>(confirm);
        QVERIFY(box->text().contains(QLatin1String("lab")));
        QVERIFY(box->text().contains(QLatin1String("nothing is done on its nodes")));
        QAbstractButton* remove = nullptr;
        for (QAbstractButton* button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                remove = button;
        QVERIFY(remove);
        remove->click();
        QCOMPARE(window.inventory()->tree()->topLevelItemCount(), 1);
        QCOMPARE(window.inventory()->tree()->topLevelItem(0)->text(0), QStringLiteral("new"));
        QVERIFY(saved.seek(0) || saved.reset());
        saved.close();
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().startsWith("# the lab\nversion: 1\npairs:\n  - name: new\n"));
    }

    void mainWindowRefusesToEditAFileThatDoesNotRead() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.yaml"));
        const QByteArray broken = "pairs:\n  - name: p\n    primary: {host: a, port: 0}\n"
                                  "    secondary: {host: b}\n";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(broken);
        file.close();
        MainWindow window;
        QVERIFY(!window.openInventory(path));
        QVERIFY(window.inventory()->statusText().contains(QLatin1String("line 3")));
        QCOMPARE(window.inventoryPath(), path); // the editor works on the file asked for
        QVERIFY(!window.openPairEditor());
        QVERIFY(!window.confirmRemovePair(QStringLiteral("p")));
        const QList<QMessageBox*> boxes = window.findChildren<QMessageBox*>();
        QVERIFY(!boxes.isEmpty());
        QVERIFY2(boxes.first()->text().contains(path + QStringLiteral(" line 3")),
                 qPrintable(boxes.first()->text()));
        QVERIFY(boxes.first()->text().contains(QLatin1String("pairs[0].primary.port")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), broken);
        QVERIFY(!QFile::exists(path + QLatin1Char('~')));
    }

    void mainWindowCreatesANewInventory() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new/inventory.yaml"));
        MainWindow window;
        QVERIFY(window.createInventory(path));
        QCOMPARE(window.inventoryPath(), path);
        QCOMPARE(window.inventory()->tree()->topLevelItemCount(), 0);
        QVERIFY(window.inventory()->statusText().contains(path));
        QVERIFY(!window.createInventory(path)); // never over an existing file
        // A missing inventory is created by the first pair.
        QVERIFY(QFile::remove(path));
        PairEditDialog* add = window.openPairEditor();
        QVERIFY(add);
        fillValid(*add);
        type(*add, QStringLiteral("primary.identity"), QString());
        add->okButton()->click();
        QVERIFY(QFile::exists(path));
        QCOMPARE(window.inventory()->tree()->topLevelItemCount(), 1);
    }
};

QTEST_MAIN(TestPairEditDialog)
#include "tst_pair_edit_dialog.moc"
