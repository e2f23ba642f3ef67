#include "session/PairRead.h"

#include <QTimer>

namespace nr1 {

namespace {

std::size_t slot(NodeRole role) {
    return role == NodeRole::Primary ? 0 : 1;
}

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

PairRead::PairRead(CommandRunner& primary, CommandRunner& secondary, QObject* parent)
    : QObject(parent)
    , m_primary(primary)
    , m_secondary(secondary)
    , m_ticker(new QTimer(this)) {
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &PairRead::ticked);
}

PairRead::~PairRead() {
    cancel();
}

void PairRead::start() {
    cancel();
    m_requests = new QObject(this);
    m_answers = {};
    m_probe = PairProbe{};
    m_reading = true;
    m_finished = false;
    m_overdue = false;
    m_clock.start();
    // Overdue once the patience passed; the timer goes with this read's requests.
    QTimer::singleShot(m_patience, m_requests, [this] {
        if (m_reading && !m_overdue) {
            m_overdue = true;
            emit becameOverdue();
        }
    });
    m_ticker->start();
    const Command command = nodeProbeCommand();
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary}) {
        CommandRunner& runner = role == NodeRole::Primary ? m_primary : m_secondary;
        m_requestIds[slot(role)] =
            runner.run(command, m_requests,
                       [this, role](const CommandResult& result) { answered(role, result); });
    }
}

void PairRead::cancel() {
    if (!m_requests)
        return;
    for (const NodeRole role : {NodeRole::Primary, NodeRole::Secondary})
        if (m_reading && !m_answers[slot(role)])
            (role == NodeRole::Primary ? m_primary : m_secondary).cancel(m_requestIds[slot(role)]);
    delete m_requests; // answers still on their way are dropped with their context
    m_requests = nullptr;
    m_reading = false;
    m_ticker->stop();
}

void PairRead::answered(NodeRole role, const CommandResult& result) {
    m_answers[slot(role)] = nodeProbeFromResult(result);
    emit nodeAnswered(role);
    if (!m_answers[0] || !m_answers[1])
        return;
    m_probe = PairProbe{*m_answers[0], *m_answers[1]};
    m_reading = false;
    m_finished = true;
    m_ticker->stop();
    m_requests->deleteLater(); // this callback runs inside it
    m_requests = nullptr;
    emit finished(m_probe.ok());
}

int PairRead::waitedSeconds() const {
    return m_clock.isValid() ? int(m_clock.elapsed() / 1000) : 0;
}

const std::optional<NodeProbe>& PairRead::answer(NodeRole role) const {
    return m_answers[slot(role)];
}

QString PairRead::nodeLine(NodeRole role) const {
    const std::optional<NodeProbe>& node = answer(role);
    QString what;
    if (node && node->ok())
        what = nodeSummary(*node->state);
    else if (node)
        what = tr("did not answer usefully — %1").arg(node->error);
    else if (!m_reading)
        what = tr("not read");
    else if (m_overdue)
        what = tr("no answer after %n s — the node or the link to it may hang. nr1 waits until "
                  "the probe's own timeout; Retry asks again.",
                  nullptr, waitedSeconds());
    else
        what = tr("reading… (%n s)", nullptr, waitedSeconds());
    return tr("%1 (%2): %3")
        .arg(role == NodeRole::Primary ? tr("Primary") : tr("Secondary"),
             runner(role).describeTarget(), what);
}

void readPairOnce(CommandRunner& primary, CommandRunner& secondary, QObject* context,
                  std::function<void(const PairProbe&)> onDone) {
    auto* read = new PairRead(primary, secondary, context);
    QObject::connect(read, &PairRead::finished, read, [read, onDone = std::move(onDone)] {
        read->deleteLater();
        onDone(read->probe());
    });
    read->start();
}

} // namespace nr1
