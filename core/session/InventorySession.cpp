#include "session/InventorySession.h"

#include "plan/PairIntent.h"
#include "session/JournalFences.h"
#include "session/PairSession.h"
#include "session/SshTargets.h"
#include "ssh/SshRunner.h"

namespace nr1 {

InventorySession::InventorySession(const Inventory& inventory, OperatorDelegate* delegate,
                                   MonitorTiming timing, QObject* parent)
    : QObject(parent)
    , m_inventory(inventory) {
    for (const InventoryPair& pair : inventory.pairs) {
        auto primary = std::make_unique<SshRunner>(sshTargetFor(inventory, pair.primary), delegate);
        auto secondary =
            std::make_unique<SshRunner>(sshTargetFor(inventory, pair.secondary), delegate);
        for (const auto& [runner, role] : {std::pair{primary.get(), NodeRole::Primary},
                                           std::pair{secondary.get(), NodeRole::Secondary}})
            connect(runner, &SshRunner::connectionStateChanged, this,
                    [this, name = pair.name, role = role](ConnectionState state,
                                                          const QString& detail) {
                        emit connectionStateChanged(name, role, state, detail);
                    });
        Watched watched;
        watched.session =
            std::make_unique<PairSession>(pair, std::move(primary), std::move(secondary));
        const PairIntent intent = defaultIntent(pair);
        watched.monitor = std::make_unique<PairMonitor>(intent.layout, watched.session->primary(),
                                                        watched.session->secondary(), timing);
        watched.monitor->setFrontEndAddress(intent.frontEndAddress);
        watched.monitor->setFenceSource(journalFenceSource(watched.session->journal().path()));
        watched.monitor->setHealthIntent(intent);
        // A plan of this console changes the pair step by step: its passing states are no news.
        connect(watched.session.get(), &PairSession::applyingChanged, watched.monitor.get(),
                [monitor = watched.monitor.get()](const QString& what) {
                    monitor->setHealthPaused(!what.isEmpty());
                });
        m_pairs.push_back(std::move(watched));
    }
}

InventorySession::~InventorySession() {
    // Monitors first: they hold requests on the sessions' runners.
    for (Watched& watched : m_pairs)
        watched.monitor.reset();
}

void InventorySession::start() {
    for (Watched& watched : m_pairs)
        watched.monitor->start();
}

std::vector<PairMonitor*> InventorySession::monitors() const {
    std::vector<PairMonitor*> monitors;
    for (const Watched& watched : m_pairs)
        monitors.push_back(watched.monitor.get());
    return monitors;
}

PairMonitor* InventorySession::monitor(const QString& pair) const {
    for (const Watched& watched : m_pairs)
        if (watched.session->name() == pair)
            return watched.monitor.get();
    return nullptr;
}

PairSession* InventorySession::session(const QString& pair) const {
    for (const Watched& watched : m_pairs)
        if (watched.session->name() == pair)
            return watched.session.get();
    return nullptr;
}

PairSession* InventorySession::applyingSession() const {
    for (const Watched& watched : m_pairs)
        if (!watched.session->applying().isEmpty())
            return watched.session.get();
    return nullptr;
}

} // namespace nr1
