#pragma once
// Test support: a PairSession on runners the test keeps, with its journal in a temporary
// folder (never the tester's ~/.local/state).

#include "session/PairSession.h"

#include <QTemporaryDir>

namespace nr1 {

struct TestSession {
    QTemporaryDir folder;
    PairSession session;

    TestSession(const InventoryPair& pair, CommandRunner& primary, CommandRunner& secondary)
        : session(pair, primary, secondary, folder.filePath(QStringLiteral("journal.jsonl"))) {}
    operator PairSession&() { return session; }
};

} // namespace nr1
