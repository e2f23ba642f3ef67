#include "HostKeyDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nr1 {

HostKeyDialog::HostKeyDialog(const HostKeyInfo& key, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Unknown host key"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("nr1 has never connected to <b>%1</b> before. Compare the fingerprint with the one the "
           "node's administrator gives you (<tt>ssh-keygen -lf "
           "/etc/ssh/ssh_host_ed25519_key.pub</tt> on the node) before you trust it.")
            .arg(key.knownHostsName.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    auto* fingerprint = new QLabel(key.fingerprint, this);
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fingerprint->setObjectName(QStringLiteral("fingerprint"));
    form->addRow(tr("Host:"),
                 new QLabel(QStringLiteral("%1 port %2").arg(key.host).arg(key.port), this));
    form->addRow(tr("Key type:"), new QLabel(key.keyType, this));
    form->addRow(tr("Fingerprint:"), fingerprint);
    form->addRow(tr("Remembered in:"), new QLabel(key.knownHostsFile, this));
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* reject = buttons->addButton(tr("&Reject"), QDialogButtonBox::RejectRole);
    QPushButton* once = buttons->addButton(tr("Accept &once"), QDialogButtonBox::AcceptRole);
    QPushButton* remember =
        buttons->addButton(tr("Accept and &remember"), QDialogButtonBox::AcceptRole);
    reject->setDefault(true);
    once->setToolTip(tr("Trust this key for this session only"));
    remember->setToolTip(tr("Trust this key and add it to %1").arg(key.knownHostsFile));
    connect(reject, &QPushButton::clicked, this, [this] { choose(TrustDecision::Reject); });
    connect(once, &QPushButton::clicked, this, [this] { choose(TrustDecision::AcceptOnce); });
    connect(remember, &QPushButton::clicked, this,
            [this] { choose(TrustDecision::AcceptAndRemember); });
    layout->addWidget(buttons);
}

void HostKeyDialog::choose(TrustDecision decision) {
    m_decision = decision;
    if (decision == TrustDecision::Reject)
        reject();
    else
        accept();
}

ChangedHostKeyDialog::ChangedHostKeyDialog(const HostKeyInfo& presented,
                                           const std::vector<KnownHostEntry>& known,
                                           QWidget* parent)
    : QDialog(parent)
    , m_removeCommand(QStringLiteral("ssh-keygen -R '%1' -f '%2'")
                          .arg(presented.knownHostsName, presented.knownHostsFile)) {
    setWindowTitle(tr("Host key CHANGED"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("<b>The host key of %1 has changed.</b> nr1 refused the connection and will go on "
           "refusing it. Someone may be intercepting the connection, or the node was "
           "reinstalled. Ask the node's administrator for its new fingerprint before you do "
           "anything.")
            .arg(presented.knownHostsName.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* form = new QFormLayout;
    auto fixedLabel = [this, &fixed](const QString& text, const QString& name) {
        auto* label = new QLabel(text, this);
        label->setFont(fixed);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setObjectName(name);
        return label;
    };
    QStringList remembered;
    for (const KnownHostEntry& entry : known)
        remembered << tr("%1 %2 (line %3)").arg(entry.keyType, entry.fingerprint).arg(entry.line);
    form->addRow(tr("Remembered:"),
                 fixedLabel(remembered.isEmpty() ? tr("another key") : remembered.join(u'\n'),
                            QStringLiteral("rememberedFingerprint")));
    form->addRow(tr("Presented now:"),
                 fixedLabel(presented.keyType + QLatin1Char(' ') + presented.fingerprint,
                            QStringLiteral("presentedFingerprint")));
    form->addRow(tr("In:"), new QLabel(presented.knownHostsFile, this));
    layout->addLayout(form);
    auto* how = new QLabel(tr("If the change is expected, remove the old key, then reconnect "
                              "(View → Refresh now) to review the new one:"),
                           this);
    how->setWordWrap(true);
    layout->addWidget(how);
    auto* command = new QLineEdit(m_removeCommand, this);
    command->setReadOnly(true);
    command->setFont(fixed);
    command->setObjectName(QStringLiteral("removeCommand"));
    layout->addWidget(command);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("&Copy command"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_removeCommand); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void DialogDelegate::hostKeyChanged(const HostKeyInfo& presented,
                                    const std::vector<KnownHostEntry>& known) {
    const QString shown = presented.knownHostsName + QLatin1Char(' ') + presented.fingerprint;
    if (m_changedKeysShown.contains(shown))
        return;
    m_changedKeysShown.insert(shown);
    auto* dialog = new ChangedHostKeyDialog(presented, known, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DialogDelegate::decideUnknownHostKey(const HostKeyInfo& key,
                                          std::function<void(TrustDecision)> answer) {
    auto* dialog = new HostKeyDialog(key, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QDialog::finished, dialog,
                     [dialog, answer = std::move(answer)](int) { answer(dialog->decision()); });
    dialog->open();
}

void DialogDelegate::askSecret(const QString& title, const QString& label,
                               std::function<void(std::optional<QString>)> answer) {
    auto* dialog = new QInputDialog(m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextEchoMode(QLineEdit::Password);
    QObject::connect(
        dialog, &QDialog::finished, dialog, [dialog, answer = std::move(answer)](int result) {
            answer(result == QDialog::Accepted ? std::optional<QString>(dialog->textValue())
                                               : std::nullopt);
        });
    dialog->open();
}

void DialogDelegate::providePassphrase(const QString& keyFile, int attempt,
                                       std::function<void(std::optional<QString>)> answer) {
    askSecret(QObject::tr("Key passphrase"),
              attempt > 1 ? QObject::tr("Wrong passphrase. Passphrase for %1:").arg(keyFile)
                          : QObject::tr("Passphrase for %1:").arg(keyFile),
              std::move(answer));
}

void DialogDelegate::providePassword(const QString& account, int attempt,
                                     std::function<void(std::optional<QString>)> answer) {
    askSecret(
        QObject::tr("Login password"),
        attempt > 1
            ? QObject::tr("Wrong password. Password for %1:").arg(account)
            : QObject::tr("Every key was refused. Password for %1 (not stored):").arg(account),
        std::move(answer));
}

} // namespace nr1
