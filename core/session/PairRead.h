#pragma once
// Contract: reading both nodes of a pair, the one way every window and nr1ctl do it. A read
// sends the probe (nodeProbeCommand) to both nodes at once and reports, on the read's thread
// and never blocking, each node's answer as it comes (nodeAnswered) and then both (finished).
// A node still silent after the patience (10 s unless set) makes the read overdue: it is said,
// and the read goes on until the probe's own timeout. start() while a read runs retries: the
// unanswered requests are cancelled and their answers dropped; cancel() ends a read without
// an answer; destroying the read cancels too. While a read runs, `ticked` comes every second
// so a window can count. nodeLine() says where each node stands in one sentence. The runners
// must outlive the read.

#include "model/Pair.h"
#include "probe/NodeProbe.h"
#include "transport/CommandRunner.h"

#include <QElapsedTimer>
#include <QObject>
#include <array>
#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace nr1 {

class PairRead : public QObject {
    Q_OBJECT
public:
    PairRead(CommandRunner& primary, CommandRunner& secondary, QObject* parent = nullptr);
    ~PairRead() override;

    void setPatience(std::chrono::milliseconds patience) { m_patience = patience; }
    /// Reads both nodes (again).
    void start();
    /// Abandons the read in progress; neither signal follows for it.
    void cancel();

    bool reading() const { return m_reading; }
    /// A node has been silent for longer than the patience in the read in progress.
    bool overdue() const { return m_overdue; }
    /// Whole seconds since the current (or last) read started.
    int waitedSeconds() const;
    /// The current read's answer of a node; empty while it is silent.
    const std::optional<NodeProbe>& answer(NodeRole role) const;
    /// Both answers of the last finished read (empty NodeProbes before one finished).
    const PairProbe& probe() const { return m_probe; }
    /// The last read finished and both nodes answered with a state.
    bool usable() const { return m_finished && m_probe.ok(); }
    /// "Primary (root@host:22): answered as node1: 2 disk(s), 1 volume group(s), 1 md
    /// array(s)", "… reading… (3 s)", "… no answer after 12 s — …", "… did not answer
    /// usefully — why".
    QString nodeLine(NodeRole role) const;
    const CommandRunner& runner(NodeRole role) const {
        return role == NodeRole::Primary ? m_primary : m_secondary;
    }

signals:
    void nodeAnswered(nr1::NodeRole role);
    /// The patience ran out with a node silent.
    void becameOverdue();
    /// Every second while reading.
    void ticked();
    /// Both nodes answered the read; `usable` when both have a state.
    void finished(bool usable);

private:
    void answered(NodeRole role, const CommandResult& result);

    CommandRunner& m_primary;
    CommandRunner& m_secondary;
    std::chrono::milliseconds m_patience{std::chrono::seconds(10)};
    QObject* m_requests = nullptr; ///< context of the read's requests: deleted = answers dropped
    std::array<RequestId, 2> m_requestIds{};
    std::array<std::optional<NodeProbe>, 2> m_answers; ///< Primary first
    PairProbe m_probe;
    bool m_reading = false;
    bool m_finished = false;
    bool m_overdue = false;
    QElapsedTimer m_clock;
    QTimer* m_ticker;
};

/// Reads both nodes once and calls `onDone` with both answers on `context`'s thread (never
/// after `context` is destroyed).
void readPairOnce(CommandRunner& primary, CommandRunner& secondary, QObject* context,
                  std::function<void(const PairProbe&)> onDone);

} // namespace nr1
