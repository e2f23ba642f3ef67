#pragma once
// Contract: which nodes a pair's journal says were fenced and not reached since, a pure reading
// of journal entries (apply/Journal.h's format; session/JournalFences.h reads the file). A node is
// fenced by a "fence" entry with fenced: true (its fence command confirmed it off, or the
// administrator did: session/Fencing.h). It stays fenced until a later entry shows a command that
// ran on it ("run" or "undo" with status "exited"), which is what a rejoin does first. Nodes are
// matched by their target ("root@host:22"), not by role: a takeover swaps the roles. Fence entries
// without a target (journals from before nr1 recorded it) are left out. Only the admin machine that
// ran the takeover has its journal.

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <vector>

namespace nr1 {

struct StandingFence {
    QString target; ///< the fenced node as nr1 reaches it
    QString role;   ///< its role when it was fenced: "primary" / "secondary"
    QDateTime at;   ///< when the fence was journaled (UTC)
    /// "powered off by its fence command" / "confirmed powered off by the administrator (…)"
    QString how;
    bool operator==(const StandingFence&) const = default;
};

/// The fences still standing after `entries`, one per node (its latest), oldest first;
/// `before`: those standing before them (a journal read in parts, as it grows).
std::vector<StandingFence> standingFences(const std::vector<QJsonObject>& entries,
                                          std::vector<StandingFence> before = {});

} // namespace nr1
