#include "ProbePage.h"

#include "WizardContext.h"
#include "plan/PairStatus.h"
#include "probe/PairProber.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace nr1 {

namespace {

QString nodeSummary(const NodeState& node) {
    int disks = 0;
    for (const BlockDevice& device : node.blockDevices)
        disks += device.type == QLatin1String("disk") ? 1 : 0;
    return QObject::tr("answered as %1: %n disk(s), %2 volume group(s), %3 md array(s)", nullptr,
                       disks)
        .arg(node.hostname.isEmpty() ? QObject::tr("(no host name)") : node.hostname)
        .arg(node.lvm.vgs.size())
        .arg(node.mdstat.arrays.size());
}

} // namespace

ProbePage::ProbePage(WizardContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_nodes(new QLabel(this))
    , m_status(new QPlainTextEdit(this))
    , m_retry(new QPushButton(tr("&Read again"), this))
    , m_ticker(new QTimer(this)) {
    setTitle(tr("Both nodes"));
    setSubTitle(tr("nr1 reads both nodes first; every choice on the next pages comes from what "
                   "they have."));
    m_nodes->setWordWrap(true);
    m_nodes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setReadOnly(true);
    m_status->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_status->setPlaceholderText(tr("What the pair has today shows here."));
    m_retry->setToolTip(tr("Probe both nodes again"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_nodes);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("The pair today:"), this));
    layout->addWidget(m_status, 1);
    connect(m_retry, &QPushButton::clicked, this, &ProbePage::probe);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &ProbePage::showNodes);
}

void ProbePage::showNodes() {
    const qint64 seconds = m_readTime.isValid() ? m_readTime.elapsed() / 1000 : 0;
    auto line = [this, seconds](NodeRole role) {
        const std::optional<NodeProbe>& node = m_answers[role == NodeRole::Primary ? 0 : 1];
        QString what;
        if (node && node->ok())
            what = nodeSummary(*node->state);
        else if (node)
            what = tr("did not answer usefully — %1").arg(node->error);
        else if (seconds >= 10) // the window stays usable; the probe gives up at its timeout
            what = tr("no answer after %n s — the node or the link to it may hang (given up "
                      "after 60 s)",
                      nullptr, int(seconds));
        else
            what = tr("reading…");
        const CommandRunner& runner =
            role == NodeRole::Primary ? m_context.primary : m_context.secondary;
        return tr("%1 (%2): %3")
            .arg(role == NodeRole::Primary ? tr("Primary") : tr("Secondary"),
                 runner.describeTarget(), what);
    };
    m_nodes->setText(line(NodeRole::Primary) + QLatin1Char('\n') + line(NodeRole::Secondary));
}

void ProbePage::initializePage() {
    if (!m_context.state && !m_probing)
        probe();
}

bool ProbePage::isComplete() const {
    return m_context.state.has_value() && !m_probing;
}

QString ProbePage::nodesText() const {
    return m_nodes->text();
}

void ProbePage::probe() {
    m_probing = true;
    m_retry->setEnabled(false);
    const int generation = ++m_generation;
    m_readTime.start();
    m_answers = {};
    showNodes();
    m_ticker->start();
    emit completeChanged();
    probePair(
        m_context.primary, m_context.secondary, this,
        [this, generation](const PairProbe& probe) {
            if (generation != m_generation)
                return; // a newer read was started
            m_probing = false;
            m_ticker->stop();
            m_retry->setEnabled(true);
            if (probe.ok()) {
                const PairIntent defaults = defaultIntent(m_context.pair, &*probe.primary.state);
                if (!m_defaultsApplied) { // the pages' choices survive a second read
                    m_context.intent = defaults;
                    m_defaultsApplied = true;
                }
                m_context.state = probe.pairState(m_context.intent.layout);
                m_status->setPlainText(pairStatusText(*m_context.state, m_context.intent));
            } else {
                m_context.state.reset();
                m_status->setPlainText(
                    tr("nr1 plans only from both nodes. Fix what is said above and read "
                       "again."));
            }
            emit completeChanged();
        },
        [this, generation](NodeRole role, const NodeProbe& node) {
            if (generation != m_generation)
                return;
            m_answers[role == NodeRole::Primary ? 0 : 1] = node;
            showNodes();
        });
}

} // namespace nr1
