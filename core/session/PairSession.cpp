#include "session/PairSession.h"

#include "adopt/PairDiscovery.h"
#include "inventory/InventoryDocument.h"
#include "plan/PlanRecipe.h"
#include "session/PairRead.h"

namespace nr1 {

PairSession::PairSession(InventoryPair pair, CommandRunner& primary, CommandRunner& secondary,
                         QString journalPath, QObject* parent)
    : QObject(parent)
    , m_pair(std::move(pair))
    , m_primary(primary)
    , m_secondary(secondary)
    , m_journal(journalPath.isEmpty() ? Journal::defaultPath(m_pair.name) : journalPath) {
}

PairSession::PairSession(InventoryPair pair, std::unique_ptr<CommandRunner> primary,
                         std::unique_ptr<CommandRunner> secondary, QString journalPath,
                         QObject* parent)
    : QObject(parent)
    , m_pair(std::move(pair))
    , m_ownedPrimary(std::move(primary))
    , m_ownedSecondary(std::move(secondary))
    , m_primary(*m_ownedPrimary)
    , m_secondary(*m_ownedSecondary)
    , m_journal(journalPath.isEmpty() ? Journal::defaultPath(m_pair.name) : journalPath) {
}

PairSession::~PairSession() = default;

PairRead* PairSession::newRead(QObject* parent) const {
    return new PairRead(m_primary, m_secondary, parent);
}

void PairSession::read(QObject* context, std::function<void(const PairProbe&)> onDone) const {
    readPairOnce(m_primary, m_secondary, context, std::move(onDone));
}

PairIntent PairSession::intent(const PairProbe& probe) const {
    return defaultIntent(m_pair, probe.primary.ok() ? &*probe.primary.state : nullptr,
                         probe.secondary.ok() ? &*probe.secondary.state : nullptr);
}

Result<PairState> PairSession::planState(const QString& planKind, const PairProbe& probe,
                                         const PairLayout& layout) const {
    const std::optional<NodeRole> lost = lostNodeOf(planKind);
    if (!lost) {
        if (!probe.ok())
            return failure(readErrors(probe));
        return probe.pairState(layout);
    }
    if (*lost == NodeRole::Primary) {
        if (probe.primary.reached)
            return failure(tr("The Primary (%1) answers over SSH: it is not lost, and nr1 never "
                              "takes over from a running Primary. Switch over instead (apply "
                              "switchover), or power it off and fence it first.")
                               .arg(m_primary.describeTarget()));
        if (!probe.secondary.ok())
            return failure(
                tr("secondary (%1): %2").arg(m_secondary.describeTarget(), probe.secondary.error));
        return PairState{layout, NodeState{}, *probe.secondary.state};
    }
    if (probe.secondary.reached)
        return failure(tr("The Secondary (%1) answers over SSH: it is not lost. Repair the pair "
                          "instead (apply repair), or power it off and fence it first.")
                           .arg(m_secondary.describeTarget()));
    if (!probe.primary.ok())
        return failure(tr("primary (%1): %2").arg(m_primary.describeTarget(), probe.primary.error));
    return PairState{layout, *probe.primary.state, NodeState{}};
}

bool PairSession::buildsLayout(const QString& planKind) {
    static const QStringList kinds = {QStringLiteral("create-pair"), QStringLiteral("elements"),
                                      QStringLiteral("array"), QStringLiteral("volume"),
                                      QStringLiteral("export")};
    return kinds.contains(planKind);
}

Result<void> PairSession::recordLayout(const PairIntent& intent) {
    const RecordedLayout layout = recordedLayoutOf(intent);
    return updatePair([&layout](InventoryPair& pair) { pair.layout = layout; });
}

Result<void> PairSession::recordRoleSwap(const PairIntent& intent) {
    const RecordedLayout layout = recordedLayoutOf(swappedIntent(intent));
    // The old Primary is the node with the replication address the switchover's intent gave
    // the Primary: an entry that names it as the Secondary already is swapped.
    const QString oldPrimaryAddress = intent.primaryReplicationAddress;
    return updatePair([&layout, &oldPrimaryAddress](InventoryPair& pair) {
        if (pair.primary.replicationAddress == oldPrimaryAddress &&
            pair.secondary.replicationAddress != oldPrimaryAddress)
            std::swap(pair.primary, pair.secondary);
        pair.layout = layout;
    });
}

Result<void> PairSession::recordAdoption(const PairDiscovery& discovery) {
    // Applied to the entry as the file writes it (paths as written), not to pair().
    return updatePair([&discovery](InventoryPair& pair) { pair = adoptedPair(pair, discovery); });
}

Result<void> PairSession::recordRun(const QString& planKind, const PairIntent& intent) {
    if (buildsLayout(planKind))
        return recordLayout(intent);
    if (planKind == QLatin1String("switchover") || planKind == QLatin1String("takeover"))
        return recordRoleSwap(intent);
    return {};
}

Result<void> PairSession::updatePair(const std::function<void(InventoryPair&)>& change) {
    InventoryPair changed = m_pair;
    change(changed);
    if (changed == m_pair)
        return {};
    if (m_inventoryPath.isEmpty()) {
        // A session not read from a file (a test, a replay): there is nothing to write.
        m_pair = changed;
        return {};
    }
    auto loaded = InventoryDocument::load(m_inventoryPath);
    if (!loaded.ok())
        return failure(loaded.why());
    InventoryDocument document = std::move(loaded).value();
    const auto index = document.pairIndex(m_pair.name);
    if (!index)
        return failure(tr("%1 no longer holds pair %2").arg(m_inventoryPath, m_pair.name));
    InventoryPair written = document.inventory().pairs[*index];
    change(written);
    if (written != document.inventory().pairs[*index]) {
        const InventoryEdit edit = document.replacePair(*index, written);
        if (!edit.applied)
            return failure(edit.message);
        if (const Result<void> saved = document.save(); !saved.ok())
            return saved;
    }
    m_pair = written;
    return {};
}

QStringList PairSession::readErrors(const PairProbe& probe) const {
    return probe.errors(m_primary.describeTarget(), m_secondary.describeTarget());
}

PairProbe PairSession::withTargetsInErrors(PairProbe probe) const {
    if (!probe.primary.ok())
        probe.primary.error =
            m_primary.describeTarget() + QStringLiteral(": ") + probe.primary.error;
    if (!probe.secondary.ok())
        probe.secondary.error =
            m_secondary.describeTarget() + QStringLiteral(": ") + probe.secondary.error;
    return probe;
}

bool PairSession::claimApply(const QString& what, QString* heldBy) {
    if (!m_applying.isEmpty()) {
        if (heldBy)
            *heldBy = m_applying;
        return false;
    }
    m_applying = what.isEmpty() ? tr("a plan") : what;
    emit applyingChanged(m_applying);
    return true;
}

void PairSession::releaseApply() {
    if (m_applying.isEmpty())
        return;
    m_applying.clear();
    emit applyingChanged(QString());
}

} // namespace nr1
