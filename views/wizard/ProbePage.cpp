#include "ProbePage.h"

#include "WizardContext.h"
#include "plan/PairStatus.h"
#include "session/PairRead.h"
#include "session/PairSession.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nr1 {

ProbePage::ProbePage(WizardContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_read(context.session.newRead(this))
    , m_nodes(new QLabel(this))
    , m_status(new QPlainTextEdit(this))
    , m_retry(new QPushButton(tr("&Read again"), this)) {
    setTitle(tr("Both nodes"));
    setSubTitle(tr("nr1 reads both nodes first; every choice on the next pages comes from what "
                   "they have."));
    m_nodes->setWordWrap(true);
    m_nodes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setReadOnly(true);
    m_status->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_status->setPlaceholderText(tr("What the pair has today shows here."));
    m_retry->setToolTip(tr("Read both nodes again"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_nodes);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("The pair today:"), this));
    layout->addWidget(m_status, 1);
    connect(m_retry, &QPushButton::clicked, this, &ProbePage::probe);
    connect(m_read, &PairRead::nodeAnswered, this, &ProbePage::showNodes);
    connect(m_read, &PairRead::ticked, this, &ProbePage::showNodes);
    // A node that hangs may be asked again without waiting for the probe's own timeout.
    connect(m_read, &PairRead::becameOverdue, this, [this] {
        m_retry->setEnabled(true);
        showNodes();
    });
    connect(m_read, &PairRead::finished, this, &ProbePage::finished);
}

void ProbePage::showNodes() {
    m_nodes->setText(m_read->nodeLine(NodeRole::Primary) + QLatin1Char('\n') +
                     m_read->nodeLine(NodeRole::Secondary));
}

void ProbePage::initializePage() {
    if (!m_context.state && !m_read->reading())
        probe();
}

bool ProbePage::isComplete() const {
    return m_context.state.has_value() && !m_read->reading();
}

QString ProbePage::nodesText() const {
    return m_nodes->text();
}

void ProbePage::probe() {
    m_retry->setEnabled(false);
    m_read->start();
    showNodes();
    emit completeChanged();
}

void ProbePage::finished(bool usable) {
    m_retry->setEnabled(true);
    showNodes();
    const PairProbe& probe = m_read->probe();
    if (usable) {
        if (!m_defaultsApplied) { // the pages' choices survive a second read
            m_context.intent = m_context.session.intent(probe);
            m_defaultsApplied = true;
        }
        m_context.state = probe.pairState(m_context.intent.layout);
        m_status->setPlainText(pairStatusText(*m_context.state, m_context.intent));
    } else {
        m_context.state.reset();
        m_status->setPlainText(
            tr("nr1 plans only from both nodes. Fix what is said above and read again."));
    }
    emit completeChanged();
}

} // namespace nr1
