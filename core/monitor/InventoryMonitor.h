#pragma once
// Contract: everything the console keeps open for an inventory: per pair one SshRunner per node
// (nr1's persistent connections, sharing one SshDelegate for host keys and passphrases) and one
// PairMonitor on them, with the pair's layout from the inventory's defaults. Owns them all;
// destroying it cancels what runs. Connection state changes of every node are passed on.

#include "inventory/Inventory.h"
#include "monitor/PairMonitor.h"
#include "ssh/SshConnection.h"

#include <QObject>
#include <memory>
#include <vector>

namespace nr1 {

class SshDelegate;
class SshRunner;

class InventoryMonitor : public QObject {
    Q_OBJECT
public:
    /// `delegate` must outlive this object.
    InventoryMonitor(const Inventory& inventory, SshDelegate* delegate, MonitorTiming timing = {},
                     QObject* parent = nullptr);
    ~InventoryMonitor() override;

    void start();
    std::vector<PairMonitor*> monitors() const;
    /// The runner of a pair's node, for plans and probes; nullptr for an unknown pair.
    SshRunner* runner(const QString& pair, NodeRole role) const;
    /// The pair as the inventory has it; nullptr for an unknown pair.
    const InventoryPair* pair(const QString& name) const { return m_inventory.findPair(name); }
    PairMonitor* monitor(const QString& pair) const;

signals:
    void connectionStateChanged(const QString& pair, nr1::NodeRole role,
                                nr1::SshConnection::State state, const QString& detail);

private:
    struct Watched {
        QString pair;
        std::unique_ptr<SshRunner> primary;
        std::unique_ptr<SshRunner> secondary;
        std::unique_ptr<PairMonitor> monitor;
    };
    Inventory m_inventory;
    std::vector<Watched> m_pairs;
};

} // namespace nr1
