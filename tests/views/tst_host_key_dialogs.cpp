// The host-key dialogs offscreen: an unknown key shows its fingerprint and answers each of the
// three ways without blocking (Escape rejects); a changed key shows both fingerprints and the
// command that removes the old one, offers nothing that accepts, and is shown once per key
// however often the reconnects are refused.

#include "HostKeyDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace nr1;

namespace {

HostKeyInfo testKey() {
    HostKeyInfo key;
    key.host = QStringLiteral("127.0.0.1");
    key.port = 2222;
    key.knownHostsName = QStringLiteral("[127.0.0.1]:2222");
    key.keyType = QStringLiteral("ssh-ed25519");
    key.fingerprint = QStringLiteral("SHA256:m88P08F7NTbx6RqN9qTw0Rm+1t596BkEj1k4IvQtNco");
    key.knownHostsFile = QStringLiteral("/tmp/known_hosts");
    return key;
}

} // namespace

class TestHostKeyDialogs : public QObject {
    Q_OBJECT

private slots:
    void hostKeyDialogShowsTheKeyAndAnswers() {
        const HostKeyInfo key = testKey();
        for (const auto& [button, expected] :
             {std::pair{"Accept &once", TrustDecision::AcceptOnce},
              std::pair{"Accept and &remember", TrustDecision::AcceptAndRemember},
              std::pair{"&Reject", TrustDecision::Reject}}) {
            QWidget parent;
            DialogDelegate delegate(&parent);
            std::optional<TrustDecision> answer;
            delegate.decideUnknownHostKey(key, [&](TrustDecision decision) { answer = decision; });
            auto* dialog = parent.findChild<HostKeyDialog*>();
            QVERIFY(dialog);
            QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("fingerprint"))->text(),
                     key.fingerprint);
            QVERIFY(!answer); // asked without blocking: the answer comes with the click
            QPushButton* chosen = nullptr;
            for (QPushButton* candidate : dialog->findChildren<QPushButton*>())
                if (candidate->text() == QString::fromLatin1(button))
                    chosen = candidate;
            QVERIFY2(chosen, button);
            chosen->click();
            QCOMPARE(answer, std::optional<TrustDecision>(expected));
        }
        // Closing the dialog any other way rejects.
        HostKeyDialog dialog(key);
        dialog.open();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.decision(), TrustDecision::Reject);
    }

    void changedKeyIsAWarningWithoutAccept() {
        const HostKeyInfo presented = testKey();
        const std::vector<KnownHostEntry> known = {
            {7, QStringLiteral("ssh-ed25519"),
             QStringLiteral("SHA256:OldOldOldOldOldOldOldOldOldOldOldOldOldOldO")}};
        QWidget parent;
        DialogDelegate delegate(&parent);
        delegate.hostKeyChanged(presented, known);
        auto* dialog = parent.findChild<ChangedHostKeyDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString remembered =
            dialog->findChild<QLabel*>(QStringLiteral("rememberedFingerprint"))->text();
        QVERIFY2(remembered.contains(known.front().fingerprint), qPrintable(remembered));
        QVERIFY2(remembered.contains(QStringLiteral("line 7")), qPrintable(remembered));
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("presentedFingerprint"))->text(),
                 QStringLiteral("ssh-ed25519 ") + presented.fingerprint);
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("removeCommand"))->text(),
                 QStringLiteral("ssh-keygen -R '[127.0.0.1]:2222' -f '/tmp/known_hosts'"));
        // Nothing in it accepts: Close and Copy command only.
        auto* box = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(box);
        QCOMPARE(box->buttons().size(), 2);
        for (QAbstractButton* button : box->buttons())
            QVERIFY2(box->buttonRole(button) == QDialogButtonBox::RejectRole ||
                         box->buttonRole(button) == QDialogButtonBox::ActionRole,
                     qPrintable(button->text()));
        QVERIFY(box->button(QDialogButtonBox::Close));
        // The reconnects are refused again with the same key: no second dialog.
        delegate.hostKeyChanged(presented, known);
        QCOMPARE(parent.findChildren<ChangedHostKeyDialog*>().size(), 1);
    }
};

QTEST_MAIN(TestHostKeyDialogs)
#include "tst_host_key_dialogs.moc"
