#include "PairEditDialog.h"

#include "HealthStyle.h"
#include "probe/IscsiParsers.h"
#include "session/NodeRunner.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace nr1 {

namespace {

constexpr auto kCommandTimeout = std::chrono::seconds(15);

Command commandOf(QStringList argv) {
    Command command = Command::of(std::move(argv));
    command.timeout = kCommandTimeout;
    command.outputLimit = 64 * 1024;
    return command;
}

/// Why a command of the test did not give its answer, in one line.
QString failureOf(const CommandResult& result) {
    if (!result.error.isEmpty())
        return result.error;
    const QString stderrText = QString::fromUtf8(result.stderrData).trimmed();
    return stderrText.isEmpty() ? result.summary()
                                : QStringLiteral("%1: %2").arg(result.summary(), stderrText);
}

} // namespace

QString PairEditDialog::prefix(NodeRole role) {
    return role == NodeRole::Primary ? QStringLiteral("primary.") : QStringLiteral("secondary.");
}

PairEditDialog::PairEditDialog(const InventoryDocument& document,
                               std::optional<std::size_t> pairIndex, OperatorDelegate* delegate,
                               QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_pairIndex(pairIndex && *pairIndex < document.inventory().pairs.size() ? pairIndex
                                                                              : std::nullopt)
    , m_delegate(delegate)
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_testTimer(new QTimer(this)) {
    setWindowTitle(m_pairIndex
                       ? tr("Edit pair %1").arg(m_document.inventory().pairs[*m_pairIndex].name)
                       : tr("Add pair"));
    auto* layout = new QVBoxLayout(this);
    auto* nameForm = new QFormLayout;
    nameForm->addRow(
        tr("Pair &name:"),
        addEditor(QStringLiteral("name"),
                  tr("How nr1 calls the pair: letters, digits, '_', '.', '-'; no other pair of "
                     "the inventory may have it. It also names the pair's targets and journal.")));
    QLineEdit* frontEndAddress = addEditor(
        QStringLiteral("frontend_address"),
        tr("The floating IPv4 address with its prefix length (192.0.2.10/24) that moves with "
           "the LUN to whichever node serves it, so initiators log in there and need no change "
           "after a switchover or takeover (optional: without it they use the node's address)"));
    frontEndAddress->setPlaceholderText(tr("none"));
    nameForm->addRow(tr("Front-end a&ddress:"), frontEndAddress);
    layout->addLayout(nameForm);
    auto* nodes = new QHBoxLayout;
    nodes->addWidget(buildNode(NodeRole::Primary));
    nodes->addWidget(buildNode(NodeRole::Secondary));
    layout->addLayout(nodes);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setObjectName(QStringLiteral("problems"));
    layout->addWidget(m_problems);
    auto* where = new QLabel(tr("Saved to %1 (comments and other pairs are kept).")
                                 .arg(QDir::toNativeSeparators(m_document.path())),
                             this);
    where->setWordWrap(true);
    layout->addWidget(where);
    m_test->setToolTip(tr("Log in to both nodes as typed (nothing is saved), run 'hostname' and "
                          "read /etc/iscsi/initiatorname.iscsi"));
    m_buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        revalidate();
        if (m_check.ok())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &PairEditDialog::testConnection);
    m_testTimer->setSingleShot(true);
    connect(m_testTimer, &QTimer::timeout, this, &PairEditDialog::testTimedOut);
    if (m_pairIndex)
        setFields(fieldsOf(m_document.inventory().pairs[*m_pairIndex]));
    else
        revalidate();
    for (QLineEdit* editor : std::as_const(m_editors))
        connect(editor, &QLineEdit::textChanged, this, &PairEditDialog::revalidate);
}

PairEditDialog::~PairEditDialog() {
    delete m_testContext; // no answer reaches a half-destroyed dialog
    m_testContext = nullptr;
}

QLineEdit* PairEditDialog::addEditor(const QString& field, const QString& tip) {
    auto* editor = new QLineEdit(this);
    editor->setObjectName(field);
    editor->setToolTip(tip);
    editor->setClearButtonEnabled(true);
    m_editors.insert(field, editor);
    m_tips.insert(field, tip);
    return editor;
}

QWidget* PairEditDialog::buildNode(NodeRole role) {
    const bool primary = role == NodeRole::Primary;
    const QString p = prefix(role);
    auto* box = new QGroupBox(primary ? tr("Primary") : tr("Secondary"), this);
    box->setToolTip(primary ? tr("The node that mirrors its own element with the Secondary's and "
                                 "exports the volume to the front-end initiators")
                            : tr("The node that exports its element to the Primary over the "
                                 "replication link"));
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Host:"),
                 addEditor(p + QStringLiteral("host"),
                           tr("Address, name or ~/.ssh/config alias nr1 logs in to over SSH "
                              "(required)")));
    QLineEdit* port = addEditor(p + QStringLiteral("port"),
                                tr("SSH port, 1 to 65535; empty: ~/.ssh/config's, else 22"));
    port->setPlaceholderText(tr("22"));
    form->addRow(tr("SSH &port:"), port);
    QLineEdit* user =
        addEditor(p + QStringLiteral("user"),
                  tr("Login name; empty: ~/.ssh/config's, else yours. A user other than root "
                     "needs a sudo NOPASSWD rule (nr1 runs commands with sudo -n)"));
    user->setPlaceholderText(tr("root"));
    form->addRow(tr("&User:"), user);
    QLineEdit* identity = addEditor(
        p + QStringLiteral("identity"),
        tr("Private key file to log in with, as written in the inventory: relative to the "
           "inventory's folder, ~/…, or absolute. Empty: ssh-agent, ~/.ssh/config, ~/.ssh/id_*"));
    identity->setMinimumWidth(identity->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 22);
    auto* browse = new QPushButton(tr("&Browse…"), box);
    browse->setToolTip(tr("Choose the private key file"));
    connect(browse, &QPushButton::clicked, this, [this, role] { chooseIdentity(role); });
    auto* identityRow = new QHBoxLayout;
    identityRow->addWidget(identity, 1);
    identityRow->addWidget(browse);
    auto* identityLabel = new QLabel(tr("&Key file:"), box);
    identityLabel->setBuddy(identity);
    form->addRow(identityLabel, identityRow);
    form->addRow(tr("&Replication address:"),
                 addEditor(p + QStringLiteral("replication_address"),
                           primary ? tr("The Primary's IPv4 or IPv6 address on the replication "
                                        "link to the Secondary")
                                   : tr("The Secondary's IPv4 or IPv6 address on the replication "
                                        "link: LIO offers its element there and the Primary "
                                        "imports it from there")));
    form->addRow(tr("&Initiator name:"),
                 addEditor(p + QStringLiteral("initiator_name"),
                           tr("The node's iSCSI initiator name (iqn.YYYY-MM.reverse.domain:name "
                              "or eui.…), as in /etc/iscsi/initiatorname.iscsi; Test connection "
                              "reads it")));
    QLineEdit* iscsiPort = addEditor(
        p + QStringLiteral("iscsi_port"),
        tr("Where the node's front-end iSCSI port is reachable when not 3260 (optional)"));
    iscsiPort->setPlaceholderText(tr("3260"));
    form->addRow(tr("i&SCSI port:"), iscsiPort);
    form->addRow(tr("&Fence command:"),
                 addEditor(p + QStringLiteral("fence_command"),
                           tr("Run by /bin/sh on this machine to power the node off, e.g. "
                              "fence_ipmilan -a BMC -l USER -p PASSWORD -o off; it must exit 0 "
                              "only when the node is off. A takeover runs the Primary's first "
                              "(optional: without it the takeover asks you to confirm)")));
    NodeEditors& node = m_nodes[std::size_t(slot(role))];
    node.connection = new QLabel(tr("Connection not tested."), box);
    node.connection->setObjectName(p + QStringLiteral("connection"));
    node.connection->setWordWrap(true);
    node.connection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(node.connection);
    node.useInitiator = new QPushButton(box);
    node.useInitiator->setToolTip(tr("Fill the initiator name with the one the node has"));
    node.useInitiator->hide();
    connect(node.useInitiator, &QPushButton::clicked, this, [this, role] {
        NodeEditors& editors = m_nodes[std::size_t(slot(role))];
        m_editors.value(prefix(role) + QStringLiteral("initiator_name"))
            ->setText(editors.offeredInitiator);
        editors.useInitiator->hide();
    });
    form->addRow(node.useInitiator);
    return box;
}

PairFields PairEditDialog::fields() const {
    auto text = [this](const QString& field) {
        return m_editors.value(field)->text();
    };
    PairFields fields;
    fields.name = text(QStringLiteral("name"));
    fields.frontEndAddress = text(QStringLiteral("frontend_address"));
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const QString p = prefix(role);
        NodeFields& node = role == NodeRole::Primary ? fields.primary : fields.secondary;
        node.host = text(p + QStringLiteral("host"));
        node.port = text(p + QStringLiteral("port"));
        node.user = text(p + QStringLiteral("user"));
        node.identity = text(p + QStringLiteral("identity"));
        node.replicationAddress = text(p + QStringLiteral("replication_address"));
        node.initiatorName = text(p + QStringLiteral("initiator_name"));
        node.iscsiPort = text(p + QStringLiteral("iscsi_port"));
        node.fenceCommand = text(p + QStringLiteral("fence_command"));
    }
    // The layout nr1 recorded for the pair stays as it is.
    if (m_pairIndex)
        fields.layout = m_document.inventory().pairs[*m_pairIndex].layout;
    return fields;
}

void PairEditDialog::setFields(const PairFields& fields) {
    auto set = [this](const QString& field, const QString& text) {
        QLineEdit* editor = m_editors.value(field);
        const QSignalBlocker blocker(editor);
        editor->setText(text);
    };
    set(QStringLiteral("name"), fields.name);
    set(QStringLiteral("frontend_address"), fields.frontEndAddress);
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        const QString p = prefix(role);
        const NodeFields& node = role == NodeRole::Primary ? fields.primary : fields.secondary;
        set(p + QStringLiteral("host"), node.host);
        set(p + QStringLiteral("port"), node.port);
        set(p + QStringLiteral("user"), node.user);
        set(p + QStringLiteral("identity"), node.identity);
        set(p + QStringLiteral("replication_address"), node.replicationAddress);
        set(p + QStringLiteral("initiator_name"), node.initiatorName);
        set(p + QStringLiteral("iscsi_port"), node.iscsiPort);
        set(p + QStringLiteral("fence_command"), node.fenceCommand);
    }
    revalidate();
}

QPushButton* PairEditDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void PairEditDialog::revalidate() {
    m_check = checkPair(fields(), m_document.inventory(), m_document.baseDirectory(), m_pairIndex);
    const QString errorColour = healthTextColor(Health::Critical, palette()).name();
    const QString warningColour = healthTextColor(Health::Warning, palette()).name();
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const auto problems = m_check.problemsOf(it.key());
        QString tip = m_tips.value(it.key());
        bool error = false;
        for (const PairProblem& problem : problems) {
            tip += QStringLiteral("\n\n") + problem.message;
            error = error || problem.severity == PairProblem::Severity::Error;
        }
        it.value()->setToolTip(tip);
        it.value()->setStyleSheet(problems.empty()
                                      ? QString()
                                      : QStringLiteral("QLineEdit { border: 1px solid %1; }")
                                            .arg(error ? errorColour : warningColour));
    }
    QString html;
    for (const PairProblem& problem : m_check.problems) {
        const bool error = problem.severity == PairProblem::Severity::Error;
        html += QStringLiteral("<div style=\"color:%1\">%2 %3</div>")
                    .arg(error ? errorColour : warningColour, error ? tr("Error:") : tr("Warning:"),
                         problem.message.toHtmlEscaped());
    }
    m_problems->setText(html.isEmpty() ? tr("The pair is ready to be saved.") : html);
    okButton()->setEnabled(m_check.ok());
    okButton()->setToolTip(m_check.ok() ? tr("Save the pair to the inventory")
                                        : tr("Fix the errors listed under the form first"));
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        NodeEditors& node = m_nodes[std::size_t(slot(role))];
        const bool empty =
            m_editors.value(prefix(role) + QStringLiteral("initiator_name"))->text().isEmpty();
        node.useInitiator->setVisible(!node.offeredInitiator.isEmpty() && empty);
    }
}

QString PairEditDialog::problemsText() const {
    QStringList lines;
    for (const PairProblem& problem : m_check.problems)
        lines << problem.message;
    return lines.join(QLatin1Char('\n'));
}

void PairEditDialog::chooseIdentity(NodeRole role) {
    QLineEdit* editor = m_editors.value(prefix(role) + QStringLiteral("identity"));
    const QString current =
        resolveInventoryPath(editor->text().trimmed(), m_document.baseDirectory());
    auto* chooser =
        new QFileDialog(this, tr("Choose the private key"),
                        current.isEmpty() ? QDir::home().filePath(QStringLiteral(".ssh"))
                                          : QFileInfo(current).absolutePath());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    connect(chooser, &QFileDialog::fileSelected, this, [this, editor](const QString& file) {
        // Written the short way: relative to the inventory's folder, else ~/…, else absolute.
        const QString base = m_document.baseDirectory();
        QString written = QDir::cleanPath(file);
        if (written.startsWith(base + QLatin1Char('/')))
            written = written.mid(base.size() + 1);
        else if (written.startsWith(QDir::homePath() + QLatin1Char('/')))
            written = QStringLiteral("~") + written.mid(QDir::homePath().size());
        editor->setText(written);
    });
    chooser->open();
}

QString PairEditDialog::untestableBecause(NodeRole role) const {
    for (const char* key : {"host", "port", "user", "identity"})
        for (const PairProblem& problem : m_check.problemsOf(prefix(role) + QLatin1String(key)))
            if (problem.severity == PairProblem::Severity::Error)
                return problem.message;
    return QString();
}

void PairEditDialog::testConnection() {
    revalidate();
    delete m_testContext;
    m_testContext = new QObject(this);
    m_testing = true;
    m_test->setEnabled(false);
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        NodeTest& test = m_tests[std::size_t(slot(role))];
        NodeEditors& node = m_nodes[std::size_t(slot(role))];
        test.runner.reset();
        test.hostname.reset();
        test.initiator.reset();
        node.offeredInitiator.clear();
        node.useInitiator->hide();
        const QString why = untestableBecause(role);
        if (!why.isEmpty()) {
            test.done = true;
            setConnectionText(role, tr("Not tested: %1").arg(why));
            continue;
        }
        const QString p = prefix(role);
        auto text = [this](const QString& field) {
            return m_editors.value(field)->text().trimmed();
        };
        InventoryNode typed;
        typed.host = text(p + QStringLiteral("host"));
        if (!text(p + QStringLiteral("port")).isEmpty())
            typed.port = text(p + QStringLiteral("port")).toInt();
        typed.user = text(p + QStringLiteral("user"));
        typed.identity =
            resolveInventoryPath(text(p + QStringLiteral("identity")), m_document.baseDirectory());
        const QString knownHosts =
            resolveInventoryPath(m_document.inventory().knownHostsFile, m_document.baseDirectory());
        test.done = false;
        test.runner = connectNode(typed, knownHosts, m_delegate);
        connect(test.runner.get(), &ConnectedRunner::connectionStateChanged, m_testContext,
                [this, role](ConnectionState state, const QString&) {
                    if (m_tests[std::size_t(slot(role))].done)
                        return;
                    switch (state) {
                    case ConnectionState::AwaitingTrust:
                        setConnectionText(role, tr("Waiting for the host key to be accepted…"));
                        break;
                    case ConnectionState::AwaitingSecret:
                        setConnectionText(role, tr("Waiting for a passphrase or password…"));
                        break;
                    case ConnectionState::Authenticating:
                        setConnectionText(role, tr("Logging in…"));
                        break;
                    default:
                        break;
                    }
                });
        setConnectionText(role, tr("Connecting to %1…").arg(test.runner->describeTarget()));
        test.runner->run(commandOf({QStringLiteral("hostname")}), m_testContext,
                         [this, role](const CommandResult& result) {
                             m_tests[std::size_t(slot(role))].hostname = result;
                             nodeAnswered(role);
                         });
        test.runner->run(
            commandOf({QStringLiteral("cat"), QStringLiteral("/etc/iscsi/initiatorname.iscsi")}),
            m_testContext, [this, role](const CommandResult& result) {
                m_tests[std::size_t(slot(role))].initiator = result;
                nodeAnswered(role);
            });
    }
    m_testTimer->start(m_patience);
    finishTest(); // when neither node could be tested
}

void PairEditDialog::nodeAnswered(NodeRole role) {
    NodeTest& test = m_tests[std::size_t(slot(role))];
    if (test.done || !test.hostname || !test.initiator)
        return;
    test.done = true;
    NodeEditors& node = m_nodes[std::size_t(slot(role))];
    if (!test.hostname->succeeded()) {
        setConnectionText(role, tr("Failed: %1").arg(failureOf(*test.hostname)));
    } else {
        QString text =
            tr("connected: %1").arg(QString::fromUtf8(test.hostname->stdoutData).trimmed());
        if (test.initiator->succeeded()) {
            const auto name = parseInitiatorName(QString::fromUtf8(test.initiator->stdoutData));
            if (name.ok() && !name.value().name.isEmpty()) {
                text += tr("; initiator name %1").arg(name.value().name);
                node.offeredInitiator = name.value().name;
            } else {
                text += tr("; its initiator name cannot be read");
            }
        } else {
            text += tr("; no initiator name (/etc/iscsi/initiatorname.iscsi: %1)")
                        .arg(failureOf(*test.initiator));
        }
        setConnectionText(role, text);
        node.useInitiator->setText(tr("Use %1").arg(node.offeredInitiator));
    }
    revalidate(); // shows the offer when the field is empty
    finishTest();
}

void PairEditDialog::finishTest() {
    if (!m_testing || !m_tests[0].done || !m_tests[1].done)
        return;
    m_testing = false;
    m_testTimer->stop();
    m_test->setEnabled(true);
    emit connectionTested();
}

void PairEditDialog::testTimedOut() {
    if (!m_testing)
        return;
    for (NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        NodeTest& test = m_tests[std::size_t(slot(role))];
        if (test.done)
            continue;
        test.done = true;
        setConnectionText(role,
                          tr("Timed out: no answer within %n s.", nullptr,
                             int(std::chrono::ceil<std::chrono::seconds>(m_patience).count())));
    }
    delete m_testContext; // later answers of this test are dropped
    m_testContext = nullptr;
    finishTest();
}

void PairEditDialog::setConnectionText(NodeRole role, const QString& text) {
    QLabel* label = m_nodes[std::size_t(slot(role))].connection;
    label->setText(text);
    label->setToolTip(text);
}

QString PairEditDialog::connectionText(NodeRole role) const {
    return m_nodes[std::size_t(slot(role))].connection->text();
}

QString PairEditDialog::offeredInitiatorName(NodeRole role) const {
    return m_nodes[std::size_t(slot(role))].offeredInitiator;
}

} // namespace nr1
