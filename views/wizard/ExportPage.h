#pragma once
// Contract: the LUN export page: how the Primary offers the volume to front-end initiators —
// backstore kind (iblock, or fileio on the volume's block device), the target IQN (from the
// pair's name), the portal (address and port LIO listens on), the initiators allowed in (one
// ACL each; none means nobody gets in) and optional CHAP, one-way or mutual. On every change it
// asks the planner (layerRefusals of the export, the volume taken as there) and shows its
// refusals in its words; the page is complete only without them. Writes frontEndExport into
// the intent.

#include <QWizardPage>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;

namespace nr1 {

struct WizardContext;

class ExportPage : public QWizardPage {
    Q_OBJECT
public:
    ExportPage(WizardContext& context, QWidget* parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    QString problemText() const;

    QRadioButton* blockChoice() const { return m_block; }
    QRadioButton* fileIoChoice() const { return m_fileIo; }
    QLineEdit* portalAddress() const { return m_address; }
    QSpinBox* portalPort() const { return m_port; }
    QPlainTextEdit* initiators() const { return m_initiators; }
    QGroupBox* chap() const { return m_chap; }
    QLineEdit* chapUser() const { return m_chapUser; }
    QLineEdit* chapSecret() const { return m_chapSecret; }
    QLineEdit* mutualUser() const { return m_mutualUser; }
    QLineEdit* mutualSecret() const { return m_mutualSecret; }

private:
    void choicesChanged();

    WizardContext& m_context;
    QLabel* m_target;
    QRadioButton* m_block;
    QRadioButton* m_fileIo;
    QLineEdit* m_address;
    QSpinBox* m_port;
    QPlainTextEdit* m_initiators;
    QGroupBox* m_chap;
    QLineEdit* m_chapUser;
    QLineEdit* m_chapSecret;
    QLineEdit* m_mutualUser;
    QLineEdit* m_mutualSecret;
    QLabel* m_problem;
};

} // namespace nr1
