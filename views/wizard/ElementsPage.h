#pragma once
// Contract: the elements page: per node, what its element will be made of. An element that
// exists is kept; a volume group that exists gives its free space; otherwise the node's disks
// are listed with their size, and only the ones the planner would take can be ticked — every
// other one says why not (in use, imported over iSCSI, read-only …). The element size is "as
// much as both nodes allow" or a typed size; the room each node has for it is shown. It also
// names the Primary's initiator the Secondary's element is exported to (asked when neither
// inventory nor probe know it). The page has no rule of its own: on every change it asks the
// planner (layerRefusals of the elements: disks, sizes, initiator, what the nodes have) and
// shows its refusals in its words, after the size widget's own sentence when the typed text is
// not a size; it is complete only without them. Writes primaryDisks, secondaryDisks,
// elementSize and primaryInitiator into the intent.

#include "model/Pair.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QVBoxLayout;

namespace nr1 {

class SizeChoice;
struct WizardContext;

class ElementsPage : public QWizardPage {
    Q_OBJECT
public:
    ElementsPage(WizardContext& context, QWidget* parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

    /// The node's disk list (column 0 checkable for offered disks); nullptr when the node needs
    /// no disks (its element or volume group exists).
    QTreeWidget* diskList(NodeRole role) const;
    SizeChoice* sizeChoice() const { return m_size; }
    QLineEdit* initiatorEdit() const { return m_initiator; }
    /// The planner's refusals of the choices as shown; empty when there is none.
    QString problemText() const;
    /// What each node's element can hold with the current choices, as shown.
    QString roomText() const;

private:
    void rebuild();
    void choicesChanged();
    std::optional<qint64> room(NodeRole role) const;
    QStringList checkedDisks(NodeRole role) const;

    WizardContext& m_context;
    QWidget* m_nodes = nullptr;
    bool m_askInitiator = false; ///< neither inventory nor probe named the Primary's initiator
    QVBoxLayout* m_layout;
    QTreeWidget* m_primaryDisks = nullptr;
    QTreeWidget* m_secondaryDisks = nullptr;
    SizeChoice* m_size;
    QLineEdit* m_initiator;
    QLabel* m_initiatorLabel;
    QLabel* m_room;
    QLabel* m_problem;
};

} // namespace nr1
