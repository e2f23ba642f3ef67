#pragma once
// Contract: one writer per pair, across processes, machines and administrators: a lock held on
// BOTH nodes for the whole of an apply (on the Secondary alone for a takeover: setNodes). On each
// node it is the folder /run/lock/nr1/PAIR.lock, made by mkdir (atomic on the node), holding one
// `owner` line: the program, user@machine and pid of the nr1 that holds it, since when (UTC) and
// what it applies (sent on stdin). take() takes the Primary's, then the Secondary's; a lock another
// owner holds is refused with that owner's line, and what was taken is given back. release()
// removes the lock on both nodes where it is still this owner's. /run is emptied at boot: a node
// that rebooted holds no lock. A lock whose holder ended without giving it back (a crash, a kill)
// stays until it is broken on purpose: `nr1ctl unlock` shows the holder (holders()) and breaks it
// (breakLock()). One stale lock is taken over without asking: one whose holder is a process of THIS
// machine that is not running any more (an nr1ctl that was killed, the console after a crash), so
// that the same machine can resume or undo the run at once; `tookOver` says so. Answers come on the
// lock's thread, never from inside the call; the session must outlive the lock. On the nodes
// this runs core/scripts/lock-take.sh, lock-release.sh, lock-show.sh and lock-break.sh.

#include "base/Result.h"
#include "session/PairSession.h"

#include <QObject>
#include <functional>

namespace nr1 {

class PairLock : public QObject {
    Q_OBJECT
public:
    /// `purpose` says what the holder applies ("Grow the volume of pair testbed").
    PairLock(PairSession& session, const QString& purpose, QObject* parent = nullptr);
    /// Gives the lock back (without waiting for the answer) if it is still held.
    ~PairLock() override;

    using Taken = std::function<void(const Result<void>& taken)>;
    /// Takes the lock on both nodes; a failure names the holder, or the node that failed.
    void take(Taken done);
    /// Gives the lock back on both nodes; `done` (optional) when both answered.
    void release(std::function<void()> done = {});
    bool held() const { return m_held; }
    /// The nodes the lock is taken on, in order: both by default (Primary first). A takeover
    /// takes it on the Secondary alone: the Primary is lost. Before take().
    void setNodes(QList<NodeRole> nodes);
    /// The line this lock writes on the nodes.
    const QString& owner() const { return m_owner; }

    /// The folder that is the lock of `pair` on a node.
    static QString lockPath(const QString& pair);
    /// The commands that take and give back the lock (the owner line goes on stdin), for
    /// tests that record them.
    static Command takeCommand(const QString& pair);
    static Command releaseCommand(const QString& pair);
    /// Who holds the pair's lock on each node: "primary: OWNER" lines; empty when nobody does.
    /// A failure names each node that could not be asked.
    static void holders(PairSession& session, QObject* context,
                        std::function<void(const Result<QStringList>& holders)> done);
    /// Removes the pair's lock on both nodes whoever holds it (the way out of a stale lock).
    static void breakLock(PairSession& session, QObject* context,
                          std::function<void(const Result<void>& broken)> done);

signals:
    /// The lock on a node was held by a process of this machine that is gone, and was taken
    /// over: "the lock of … was held by … which is not running any more".
    void tookOver(const QString& what);

private:
    void takeOn(NodeRole role, Taken done, bool mayTakeOver = true);
    void takeFrom(qsizetype index, Taken done);

    PairSession& m_session;
    QString m_owner;
    QList<NodeRole> m_nodes{NodeRole::Primary, NodeRole::Secondary};
    bool m_held = false;
};

} // namespace nr1
