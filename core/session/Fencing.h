#pragma once
// Contract: fencing a lost node before a plan made without it (a takeover: the Primary; a
// serve-alone: the Secondary; lostNodeOf), the one thing nr1 runs on the admin machine rather
// than on a node. That node's `fence_command` (inventory) is run by /bin/sh
// here, with a time limit; it must power the node off and exit 0 only once the node is
// confirmed off (what fence agents do with `-o off`). The command line is never printed or
// journaled (it often carries a BMC password): the journal gets a "fence" entry with the
// node's role and target (how nr1 reaches it: monitor/StandingFences.h), the exit status and
// the first line of its stderr. Without a fence command the administrator's confirmation that
// the node is powered off is journaled instead (recordConfirmation). The answer comes on the
// object's thread, never from inside fence().

#include "base/Result.h"
#include "session/PairSession.h"

#include <QObject>
#include <chrono>
#include <functional>

class QProcess;

namespace nr1 {

class Fencing : public QObject {
    Q_OBJECT
public:
    /// Fences the node of `session`'s pair in role `node`.
    Fencing(PairSession& session, NodeRole node, QObject* parent = nullptr);

    /// True when the inventory gives the node a fence command.
    bool hasFenceCommand() const;
    /// Runs the node's fence command; `done` with success when it exited 0 within
    /// `limit`, else why not (the node must then be taken as running).
    void fence(std::function<void(const Result<void>&)> done,
               std::chrono::seconds limit = std::chrono::seconds(120));
    /// Journals that the administrator confirmed the node is powered off.
    void recordConfirmation(const QString& how);

private:
    QString fenceCommand() const;
    QString nodeName() const; ///< "the Primary" / "the Secondary"

    PairSession& m_session;
    NodeRole m_node;
    QProcess* m_process = nullptr;
};

} // namespace nr1
