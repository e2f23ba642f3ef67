#include "monitor/InventoryMonitor.h"

#include "plan/PairIntent.h"
#include "ssh/SshRunner.h"

namespace nr1 {

InventoryMonitor::InventoryMonitor(const Inventory& inventory, SshDelegate* delegate,
                                   MonitorTiming timing, QObject* parent)
    : QObject(parent)
    , m_inventory(inventory) {
    for (const InventoryPair& pair : inventory.pairs) {
        Watched watched;
        watched.pair = pair.name;
        watched.primary =
            std::make_unique<SshRunner>(sshTargetFor(inventory, pair.primary), delegate);
        watched.secondary =
            std::make_unique<SshRunner>(sshTargetFor(inventory, pair.secondary), delegate);
        for (const auto& [runner, role] : {std::pair{watched.primary.get(), NodeRole::Primary},
                                           std::pair{watched.secondary.get(), NodeRole::Secondary}})
            connect(runner, &SshRunner::connectionStateChanged, this,
                    [this, name = pair.name, role = role](SshConnection::State state,
                                                          const QString& detail) {
                        emit connectionStateChanged(name, role, state, detail);
                    });
        watched.monitor = std::make_unique<PairMonitor>(
            defaultIntent(pair).layout, *watched.primary, *watched.secondary, timing);
        m_pairs.push_back(std::move(watched));
    }
}

InventoryMonitor::~InventoryMonitor() {
    // Monitors first: they hold requests on the runners.
    for (Watched& watched : m_pairs)
        watched.monitor.reset();
}

void InventoryMonitor::start() {
    for (Watched& watched : m_pairs)
        watched.monitor->start();
}

std::vector<PairMonitor*> InventoryMonitor::monitors() const {
    std::vector<PairMonitor*> monitors;
    for (const Watched& watched : m_pairs)
        monitors.push_back(watched.monitor.get());
    return monitors;
}

SshRunner* InventoryMonitor::runner(const QString& pair, NodeRole role) const {
    for (const Watched& watched : m_pairs)
        if (watched.pair == pair)
            return role == NodeRole::Primary ? watched.primary.get() : watched.secondary.get();
    return nullptr;
}

PairMonitor* InventoryMonitor::monitor(const QString& pair) const {
    for (const Watched& watched : m_pairs)
        if (watched.pair == pair)
            return watched.monitor.get();
    return nullptr;
}

} // namespace nr1
