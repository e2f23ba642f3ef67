#pragma once
// Contract: the console's dialog to add a pair to an inventory or edit one of its pairs: the
// pair's name and, for the Primary and the Secondary, host, SSH port, user, key file (with a
// browse button), replication address, initiator name and iSCSI port, each with a tooltip. An
// edited pair is shown as the file writes it (paths not resolved). Every change is checked at
// once through checkPair (inventory/PairForm), i.e. the inventory reader itself: each problem is
// listed in words under the form and its field is marked; OK is enabled only while there is no
// error (warnings are shown but allowed). "Test connection" reaches both nodes asynchronously
// through fresh runners (session/NodeRunner) (unknown host keys go to the given OperatorDelegate),
// runs `hostname` and reads /etc/iscsi/initiatorname.iscsi, and says per node "connected: HOST" or
// why not (a node that does not answer within the patience is reported as timed out); an initiator
// name read from a node is offered for an empty field. Nothing here blocks the event loop, nothing
// is written: the caller applies pair() to the document when the dialog is accepted.

#include "inventory/InventoryDocument.h"
#include "inventory/PairForm.h"
#include "model/Pair.h"
#include "transport/Command.h"

#include <QDialog>
#include <QMap>
#include <array>
#include <chrono>
#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace nr1 {

class OperatorDelegate;
class ConnectedRunner;

class PairEditDialog : public QDialog {
    Q_OBJECT
public:
    /// Edits pair number `pairIndex` of `document`, or a new pair when nullopt. `delegate`
    /// answers host-key questions of the connection test and must outlive the dialog.
    PairEditDialog(const InventoryDocument& document, std::optional<std::size_t> pairIndex,
                   OperatorDelegate* delegate, QWidget* parent = nullptr);
    ~PairEditDialog() override;

    /// What the form holds, as typed.
    PairFields fields() const;
    void setFields(const PairFields& fields);
    /// The pair as it will be written; set while the form has no error.
    std::optional<InventoryPair> pair() const { return m_check.pair; }
    const PairCheck& check() const { return m_check; }
    /// The problems listed under the form, one per line.
    QString problemsText() const;
    /// The editor of a field, named as in the inventory: "name", "primary.host", …
    QLineEdit* fieldEditor(const QString& field) const { return m_editors.value(field); }
    QPushButton* okButton() const;
    QPushButton* testButton() const { return m_test; }

    /// Starts the connection test of both nodes (what the button does).
    void testConnection();
    bool testing() const { return m_testing; }
    /// What the dialog says about a node's connection ("connected: node-a", …).
    QString connectionText(NodeRole role) const;
    /// The initiator name read from a node, offered while its field is empty.
    QString offeredInitiatorName(NodeRole role) const;
    /// How long the nodes may take to answer the test (default 20 s).
    void setTestPatience(std::chrono::milliseconds patience) { m_patience = patience; }

signals:
    /// Both nodes answered the test, failed, or the patience ran out.
    void connectionTested();

private:
    struct NodeEditors {
        QLabel* connection = nullptr;
        QPushButton* useInitiator = nullptr;
        QString offeredInitiator;
    };
    struct NodeTest {
        std::unique_ptr<ConnectedRunner> runner;
        std::optional<CommandResult> hostname;
        std::optional<CommandResult> initiator;
        bool done = true;
    };

    QWidget* buildNode(NodeRole role);
    QLineEdit* addEditor(const QString& field, const QString& tip);
    void revalidate();
    void chooseIdentity(NodeRole role);
    /// Why the node cannot be tested as typed (an error in host, port, user or key file).
    QString untestableBecause(NodeRole role) const;
    void nodeAnswered(NodeRole role);
    void finishTest();
    void testTimedOut();
    void setConnectionText(NodeRole role, const QString& text);
    static int slot(NodeRole role) { return role == NodeRole::Primary ? 0 : 1; }
    static QString prefix(NodeRole role);

    InventoryDocument m_document;
    std::optional<std::size_t> m_pairIndex;
    OperatorDelegate* m_delegate;
    QMap<QString, QLineEdit*> m_editors;
    QMap<QString, QString> m_tips; ///< each editor's own tooltip, before problems are added
    std::array<NodeEditors, 2> m_nodes;
    QLabel* m_problems;
    QDialogButtonBox* m_buttons;
    QPushButton* m_test;
    PairCheck m_check;

    std::array<NodeTest, 2> m_tests;
    QObject* m_testContext = nullptr; ///< the test's requests answer only while it lives
    QTimer* m_testTimer;
    bool m_testing = false;
    std::chrono::milliseconds m_patience{std::chrono::seconds(20)};
};

} // namespace nr1
