#include "ExportPage.h"

#include "HealthStyle.h"
#include "WizardContext.h"
#include "plan/Planners.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>

namespace nr1 {

ExportPage::ExportPage(WizardContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_target(new QLabel(this))
    , m_block(new QRadioButton(tr("&Block (iblock): the volume's block device"), this))
    , m_fileIo(new QRadioButton(tr("&File I/O (fileio) on the volume's block device"), this))
    , m_address(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_initiators(new QPlainTextEdit(this))
    , m_chap(new QGroupBox(tr("Require &CHAP"), this))
    , m_chapUser(new QLineEdit(this))
    , m_chapSecret(new QLineEdit(this))
    , m_mutualUser(new QLineEdit(this))
    , m_mutualSecret(new QLineEdit(this))
    , m_problem(new QLabel(this)) {
    setTitle(tr("LUN export"));
    setSubTitle(tr("The Primary offers the volume as an iSCSI LUN; only the initiators listed "
                   "here get in."));
    m_target->setWordWrap(true);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_block->setToolTip(tr("Recommended: LIO passes I/O straight to the block device"));
    m_fileIo->setToolTip(tr("LIO's fileio backstore on the same device (page-cache behaviour "
                            "of fileio)"));
    m_address->setToolTip(tr("The address LIO listens on; 0.0.0.0 means every IPv4 address of "
                             "the Primary"));
    m_port->setRange(1, 65535);
    m_port->setToolTip(tr("The TCP port LIO listens on (3260 is iSCSI's)"));
    m_initiators->setPlaceholderText(tr("One initiator name per line, e.g.\n"
                                        "iqn.2024-01.com.example:host1"));
    m_initiators->setToolTip(tr("Each becomes an ACL of the target's portal group; an initiator "
                                "not listed is refused"));
    m_initiators->setTabChangesFocus(true);
    m_chap->setCheckable(true);
    m_chap->setChecked(false);
    m_chap->setToolTip(tr("Initiators must log in with this user and secret (12–16 characters "
                          "for most initiators)"));
    for (QLineEdit* secret : {m_chapSecret, m_mutualSecret})
        secret->setEchoMode(QLineEdit::Password);
    auto* chapForm = new QFormLayout(m_chap);
    chapForm->addRow(tr("User:"), m_chapUser);
    chapForm->addRow(tr("Secret:"), m_chapSecret);
    chapForm->addRow(tr("Mutual user (optional):"), m_mutualUser);
    chapForm->addRow(tr("Mutual secret:"), m_mutualSecret);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(healthTextStyle(Health::Critical, palette()));
    auto* portal = new QHBoxLayout;
    portal->addWidget(m_address, 1);
    portal->addWidget(new QLabel(tr("port"), this));
    portal->addWidget(m_port);
    auto* form = new QFormLayout(this);
    form->addRow(m_target);
    form->addRow(tr("Backstore:"), m_block);
    form->addRow(QString(), m_fileIo);
    auto* portalLabel = new QLabel(tr("&Portal:"), this);
    portalLabel->setBuddy(m_address);
    form->addRow(portalLabel, portal);
    form->addRow(tr("&Initiators:"), m_initiators);
    form->addRow(m_chap);
    form->addRow(m_problem);
    for (QRadioButton* choice : {m_block, m_fileIo})
        connect(choice, &QRadioButton::toggled, this, &ExportPage::choicesChanged);
    for (QLineEdit* edit : {m_address, m_chapUser, m_chapSecret, m_mutualUser, m_mutualSecret})
        connect(edit, &QLineEdit::textChanged, this, &ExportPage::choicesChanged);
    connect(m_port, &QSpinBox::valueChanged, this, &ExportPage::choicesChanged);
    connect(m_initiators, &QPlainTextEdit::textChanged, this, &ExportPage::choicesChanged);
    connect(m_chap, &QGroupBox::toggled, this, &ExportPage::choicesChanged);
}

QString ExportPage::problemText() const {
    return m_problem->text();
}

void ExportPage::initializePage() {
    const PairIntent& intent = m_context.intent;
    const ExportIntent exportIntent = intent.frontEndExport; // a copy: the setters below write it
    const FrontEndExport frontEnd = intent.layout.frontEnd.value_or(FrontEndExport{});
    m_target->setText(
        tr("Target %1, LUN 0 on the backstore %2 of %3.")
            .arg(frontEnd.targetIqn, exportIntent.backstoreName, frontEnd.volume.devicePath()));
    (exportIntent.kind == BackstoreKind::Block ? m_block : m_fileIo)->setChecked(true);
    if (!exportIntent.portals.empty()) {
        m_address->setText(exportIntent.portals.front().address);
        m_port->setValue(exportIntent.portals.front().port);
    }
    m_initiators->setPlainText(exportIntent.initiators.join(QLatin1Char('\n')));
    if (exportIntent.chap) {
        m_chapUser->setText(exportIntent.chap->userId);
        m_chapSecret->setText(exportIntent.chap->password);
        m_mutualUser->setText(exportIntent.chap->mutualUserId);
        m_mutualSecret->setText(exportIntent.chap->mutualPassword);
    }
    m_chap->setChecked(exportIntent.chap.has_value());
    choicesChanged();
}

void ExportPage::choicesChanged() {
    if (!m_context.state)
        return;
    ExportIntent& exportIntent = m_context.intent.frontEndExport;
    exportIntent.kind = m_fileIo->isChecked() ? BackstoreKind::FileIo : BackstoreKind::Block;
    exportIntent.portals = {IscsiPortal{m_address->text().trimmed(), m_port->value(), {}}};
    exportIntent.initiators.clear();
    for (const QString& line : m_initiators->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            exportIntent.initiators << line.trimmed();
    if (m_chap->isChecked())
        exportIntent.chap = ChapSettings{m_chapUser->text(), m_chapSecret->text(),
                                         m_mutualUser->text(), m_mutualSecret->text()};
    else
        exportIntent.chap.reset();
    // The planner's rules and sentences (names, portals, initiators, CHAP, what LIO on the
    // Primary has); the volume below is taken as there (the preview says when it is not).
    m_problem->setText(layerRefusals(PairLayer::Export, *m_context.state, m_context.intent)
                           .join(QLatin1Char('\n')));
    emit completeChanged();
}

bool ExportPage::isComplete() const {
    return m_problem->text().isEmpty();
}

} // namespace nr1
