#pragma once
// Contract: everything the console keeps open for an inventory: per pair one SSH runner per
// node (nr1's persistent connections, sharing one OperatorDelegate for host keys and
// passphrases), the PairSession every window of that pair works through, and one PairMonitor
// on the same runners, with the pair's layout from the inventory's defaults. Owns them all;
// destroying it cancels what runs. Connection state changes of every node are passed on.

#include "inventory/Inventory.h"
#include "monitor/PairMonitor.h"
#include "transport/ConnectionState.h"

#include <QObject>
#include <memory>
#include <vector>

namespace nr1 {

class OperatorDelegate;
class PairSession;

class InventorySession : public QObject {
    Q_OBJECT
public:
    /// `delegate` must outlive this object.
    InventorySession(const Inventory& inventory, OperatorDelegate* delegate,
                     MonitorTiming timing = {}, QObject* parent = nullptr);
    ~InventorySession() override;

    void start();
    const Inventory& inventory() const { return m_inventory; }
    std::vector<PairMonitor*> monitors() const;
    PairMonitor* monitor(const QString& pair) const;
    /// The session of a pair; nullptr for an unknown pair.
    PairSession* session(const QString& pair) const;
    /// A pair that has a plan being applied, if any (the first in inventory order).
    PairSession* applyingSession() const;

signals:
    void connectionStateChanged(const QString& pair, nr1::NodeRole role, nr1::ConnectionState state,
                                const QString& detail);

private:
    struct Watched {
        std::unique_ptr<PairSession> session;
        std::unique_ptr<PairMonitor> monitor;
    };
    Inventory m_inventory;
    std::vector<Watched> m_pairs;
};

} // namespace nr1
