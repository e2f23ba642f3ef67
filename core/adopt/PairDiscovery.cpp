#include "adopt/PairDiscovery.h"

#include "plan/PairIntent.h"

#include <optional>

namespace nr1 {

namespace {

/// A node as the discovery names it: "node-a (listed as the Primary)".
struct NamedNode {
    const NodeState* state = nullptr;
    QString label;
    const InventoryNode* listed = nullptr; ///< the node's inventory fields
};

/// The LV whose device is `device` (a path as LIO or LVM write it: /dev/VG/LV,
/// /dev/mapper/VG-LV, /dev/dm-N) on `node`; nullptr when it is no LV there.
const LogicalVolume* lvAt(const NodeState& node, const QString& device) {
    for (const LogicalVolume& lv : node.lvm.lvs)
        if (lv.path == device || (!lv.dmPath.isEmpty() && lv.dmPath == device))
            return &lv;
    const BlockDevice* block = node.findBlockDeviceByPath(device);
    if (!block && device.startsWith(QLatin1String("/dev/")))
        block = node.findBlockDevice(device.mid(5));
    if (!block)
        return nullptr;
    for (const LogicalVolume& lv : node.lvm.lvs)
        if (!lv.dmPath.isEmpty() && lv.dmPath == block->path)
            return &lv;
    return nullptr;
}

/// The LV whose kernel device is `kernelName` ("dm-0") on `node`.
const LogicalVolume* lvOfKernelDevice(const NodeState& node, const QString& kernelName) {
    const BlockDevice* block = node.findBlockDevice(kernelName);
    if (!block || block->type != QLatin1String("lvm"))
        return nullptr;
    return lvAt(node, block->path);
}

/// An imported disk: the session that attached it and the LUN it is.
struct Import {
    const IscsiSession* session = nullptr;
    int lun = 0;
};

std::optional<Import> importOf(const NodeState& node, const QString& kernelName) {
    for (const IscsiSession& session : node.sessions)
        for (const AttachedDisk& disk : session.disks)
            if (disk.disk == kernelName)
                return Import{&session, disk.lun};
    return std::nullopt;
}

/// A RAID1 array a node runs that could be the pair's mirror.
struct Candidate {
    const MdstatArray* array = nullptr;
    const LogicalVolume* localLeg = nullptr;
    std::optional<Import> importedLeg;
    bool importedLegFailed = false; ///< in the array as faulty or spare: md no longer uses it
};

std::vector<Candidate> candidatesOn(const NodeState& node) {
    std::vector<Candidate> found;
    for (const MdstatArray& array : node.mdstat.arrays) {
        if (!array.active || array.level != QLatin1String("raid1"))
            continue;
        Candidate candidate{&array, nullptr, std::nullopt, false};
        int working = 0;
        for (const MdstatMember& member : array.members) {
            const bool used = !member.faulty && !member.spare;
            working += used ? 1 : 0;
            if (const LogicalVolume* lv = lvOfKernelDevice(node, member.device)) {
                if (used)
                    candidate.localLeg = lv;
            } else if (auto imported = importOf(node, member.device)) {
                candidate.importedLeg = imported;
                candidate.importedLegFailed = !used;
            }
        }
        // A mirror of an LV and an imported disk (a failed one too: it still names the link);
        // or of an LV alone in a two-leg array whose other leg is gone (a degraded pair: the
        // link is found from the node's iSCSI records).
        if (candidate.importedLeg ||
            (candidate.localLeg && array.raidDisks.value_or(0) == 2 && working < 2))
            found.push_back(candidate);
    }
    return found;
}

bool hasImport(const std::vector<Candidate>& candidates) {
    for (const Candidate& c : candidates)
        if (c.importedLeg)
            return true;
    return false;
}

/// The target `iqn` of `node`: running, else as saved (a LIO not restored yet).
const LioTarget* targetOn(const NodeState& node, const QString& iqn, const LioConfig** config) {
    for (const LioConfig* lio : {&node.lio, &node.savedLio})
        if (const LioTarget* target = lio->findTarget(iqn)) {
            *config = lio;
            return target;
        }
    return nullptr;
}

/// "192.0.2.1:2222 (listed as the Primary)": the node as the inventory reaches it.
QString labelOf(const InventoryNode& node, const char* listedAs) {
    const QString where =
        node.port ? QStringLiteral("%1:%2").arg(node.host).arg(*node.port) : node.host;
    return QStringLiteral("%1 (listed as the %2)").arg(where, QLatin1String(listedAs));
}

QString quoted(const QString& s) {
    return QLatin1Char('"') + s + QLatin1Char('"');
}

class Discoverer {
public:
    Discoverer(const InventoryPair& entry, const NodeState& listedPrimary,
               const NodeState& listedSecondary) {
        m_listed[0] = NamedNode{&listedPrimary, labelOf(entry.primary, "Primary"), &entry.primary};
        m_listed[1] =
            NamedNode{&listedSecondary, labelOf(entry.secondary, "Secondary"), &entry.secondary};
    }

    PairDiscovery run() {
        if (!choosePrimary())
            return m_result;
        discoverArray();
        discoverReplication();
        discoverSecondaryElement();
        discoverVolume();
        discoverExport();
        return m_result;
    }

private:
    const NodeState& primary() const { return *m_primary.state; }
    const NodeState& secondary() const { return *m_secondary.state; }

    bool choosePrimary() {
        const std::vector<Candidate> onListed[2] = {candidatesOn(*m_listed[0].state),
                                                    candidatesOn(*m_listed[1].state)};
        // A node that mirrors an imported disk beats one that only runs a degraded LV mirror.
        int chosen = -1;
        const bool imports[2] = {hasImport(onListed[0]), hasImport(onListed[1])};
        if (imports[0] != imports[1])
            chosen = imports[0] ? 0 : 1;
        else if (!onListed[0].empty() != !onListed[1].empty())
            chosen = onListed[0].empty() ? 1 : 0;
        else if (!onListed[0].empty()) {
            m_result.problems << QStringLiteral(
                                     "Both nodes run a RAID1 array of a local LV%1: only one "
                                     "node may serve. Stop the array on the node that must not "
                                     "serve, then adopt again.")
                                     .arg(imports[0] ? QStringLiteral(" and an iSCSI disk")
                                                     : QString());
            return false;
        } else {
            m_result.problems << QStringLiteral(
                "Neither node runs a RAID1 array of a local LV and a disk imported over iSCSI: "
                "there is no pair to adopt. Assemble the array on the node that serves "
                "(mdadm --assemble) and adopt again.");
            return false;
        }
        m_result.rolesSwapped = chosen == 1;
        m_primary = m_listed[chosen];
        m_secondary = m_listed[1 - chosen];
        std::vector<Candidate> candidates;
        for (const Candidate& c : onListed[chosen])
            if (c.importedLeg || !imports[chosen])
                candidates.push_back(c);
        if (candidates.size() > 1) {
            QStringList names;
            for (const Candidate& c : candidates)
                names << c.array->name;
            m_result.problems << QStringLiteral("%1 runs %2 arrays that could be the pair's "
                                                "mirror (%3): nr1 manages one array per pair.")
                                     .arg(m_primary.label)
                                     .arg(candidates.size())
                                     .arg(names.join(u", "));
            return false;
        }
        m_candidate = candidates.front();
        m_result.found << QStringLiteral("The Primary is %1: it runs %2.")
                              .arg(m_primary.label, m_candidate.array->name);
        if (m_result.rolesSwapped)
            m_result.found << QStringLiteral("The inventory lists the nodes the other way round: "
                                             "adopting swaps them.");
        return true;
    }

    void discoverArray() {
        const MdstatArray& array = *m_candidate.array;
        m_result.layout.md = array.name;
        const int legs = array.raidDisks.value_or(0);
        if (legs != 2)
            m_result.problems << QStringLiteral("%1 has %2 legs: a Network RAID1 pair mirrors "
                                                "exactly two, a local and a remote one.")
                                     .arg(array.name)
                                     .arg(legs);
        if (const LogicalVolume* lv = m_candidate.localLeg) {
            m_result.layout.primaryElement = lv->fullName();
            m_result.found
                << QStringLiteral("%1's local leg is the LV %2.").arg(array.name, lv->fullName());
        } else {
            m_result.problems << QStringLiteral(
                                     "%1 has no leg on a local LV: nr1 manages a mirror of a "
                                     "local LV and the other node's LV (add the local leg, "
                                     "then adopt again).")
                                     .arg(array.name);
        }
    }

    /// The link to the other node's element: the session of the imported leg, else the one
    /// iSCSI target of the other node the Primary has a record or a session of.
    void discoverReplication() {
        const MdstatArray& array = *m_candidate.array;
        QString targetIqn;
        IscsiPortal portal;
        int lun = 0;
        QString ifaceAddress;
        if (m_candidate.importedLeg) {
            const IscsiSession& session = *m_candidate.importedLeg->session;
            targetIqn = session.targetIqn;
            portal = session.currentPortal.address.isEmpty() ? session.persistentPortal
                                                             : session.currentPortal;
            lun = m_candidate.importedLeg->lun;
            ifaceAddress = session.ifaceAddress;
            m_result.found << QStringLiteral("%1's remote leg is LUN %2 of %3 on %4.")
                                  .arg(array.name)
                                  .arg(lun)
                                  .arg(targetIqn, portal.hostPort());
            if (m_candidate.importedLegFailed)
                m_result.missing << QStringLiteral("md no longer uses the remote leg (it failed): "
                                                   "the repair plan adds it back.");
            if (!session.loggedIn())
                m_result.missing << QStringLiteral("The session to %1 is not logged in (%2): "
                                                   "iscsid tries again, and the repair plan "
                                                   "waits for it.")
                                        .arg(targetIqn, session.sessionState);
        } else {
            // Degraded: which of the Primary's iSCSI records names a target the other node
            // exports?
            QStringList seen;
            for (const IscsiNodeRecord& record : primary().iscsiNodes) {
                const LioConfig* config = nullptr;
                if (!targetOn(secondary(), record.targetIqn, &config) ||
                    seen.contains(record.targetIqn))
                    continue;
                seen << record.targetIqn;
                targetIqn = record.targetIqn;
                portal = record.portal;
            }
            if (seen.size() != 1) {
                m_result.problems
                    << (seen.isEmpty()
                            ? QStringLiteral("%1 runs without its remote leg, and the Primary "
                                             "has no iSCSI record of a target %2 exports: "
                                             "nothing says which LV is the remote leg.")
                                  .arg(array.name, m_secondary.label)
                            : QStringLiteral("%1 runs without its remote leg, and the Primary "
                                             "has records of %2 targets of %3 (%4): nr1 cannot "
                                             "tell which one is the remote leg.")
                                  .arg(array.name)
                                  .arg(seen.size())
                                  .arg(m_secondary.label, seen.join(u", ")));
                return;
            }
            m_result.missing << QStringLiteral("%1 runs without its remote leg (%2 on %3): the "
                                               "repair plan logs in and adds it back.")
                                    .arg(array.name, targetIqn, portal.hostPort());
        }
        m_result.layout.elementTarget = targetIqn;
        m_link = ReplicationLink{targetIqn, portal, lun};
        if (portal.port != 3260 || lun != 0)
            m_result.problems << QStringLiteral("The remote leg is LUN %1 on port %2: nr1 "
                                                "manages the replication link on port 3260, "
                                                "LUN 0.")
                                     .arg(lun)
                                     .arg(portal.port);
        // (A node probed without its addresses, by an older nr1, is not judged.)
        if (!secondary().ipv4Addresses.isEmpty() &&
            secondary().interfaceHolding(portal.address).isEmpty())
            m_result.problems << QStringLiteral("The remote leg comes from %1, which is no "
                                                "address of %2: is the inventory's other node "
                                                "the one that exports it?")
                                     .arg(portal.address, m_secondary.label);
        m_result.secondaryReplicationAddress = portal.address;
        m_result.primaryReplicationAddress = primaryAddressTowards(portal.address, ifaceAddress);
        if (m_result.primaryReplicationAddress.isEmpty() &&
            m_primary.listed->replicationAddress.isEmpty())
            m_result.missing << QStringLiteral("No address of the Primary on the replication "
                                               "link to %1 was found: set the Primary's "
                                               "replication_address in the inventory (a "
                                               "switchover needs it).")
                                    .arg(portal.address);
        if (const IscsiNodeRecord* record = primary().findNodeRecord(targetIqn, portal);
            record && record->replacementTimeout) {
            m_result.layout.replacementTimeout = record->replacementTimeout;
            m_result.found << QStringLiteral("The Primary's record of it waits %1 s before md "
                                             "sees the remote leg fail (replacement_timeout).")
                                  .arg(*record->replacementTimeout);
        }
        m_result.primaryInitiator = primary().initiatorName.name;
        m_result.secondaryInitiator = secondary().initiatorName.name;
    }

    /// The Primary's address the session goes out from, else its address in the subnet of
    /// the Secondary's portal.
    QString primaryAddressTowards(const QString& portalAddress, const QString& ifaceAddress) {
        // The session's own address, where the node's addresses say it holds it (or were not
        // probed, by an older nr1).
        if (!ifaceAddress.isEmpty() && ifaceAddress != QLatin1String("<empty>") &&
            ifaceAddress != QLatin1String("default") &&
            (primary().ipv4Addresses.isEmpty() ||
             !primary().interfaceHolding(ifaceAddress).isEmpty()))
            return ifaceAddress;
        const auto toNumber = [](const QString& address) -> std::optional<quint32> {
            const QStringList parts = address.split(QLatin1Char('.'));
            if (parts.size() != 4)
                return std::nullopt;
            quint32 value = 0;
            for (const QString& part : parts) {
                bool ok = false;
                const uint octet = part.toUInt(&ok);
                if (!ok || octet > 255)
                    return std::nullopt;
                value = (value << 8) | octet;
            }
            return value;
        };
        const auto portal = toNumber(portalAddress);
        if (!portal)
            return QString();
        for (auto it = primary().ipv4Addresses.begin(); it != primary().ipv4Addresses.end(); ++it) {
            const QString address = it.key().section(QLatin1Char('/'), 0, 0);
            const int prefix = it.key().section(QLatin1Char('/'), 1).toInt();
            const auto own = toNumber(address);
            if (!own || prefix < 1 || prefix > 32)
                continue;
            const quint32 mask = prefix == 32 ? ~0u : ~((1u << (32 - prefix)) - 1);
            if ((*own & mask) == (*portal & mask))
                return address;
        }
        return QString();
    }

    void discoverSecondaryElement() {
        if (m_link.targetIqn.isEmpty())
            return;
        const LioConfig* config = nullptr;
        const LioTarget* target = targetOn(secondary(), m_link.targetIqn, &config);
        if (!target) {
            m_result.missing << QStringLiteral("%1 does not export %2 (running or saved): the "
                                               "Secondary's element and its export must be "
                                               "made again (apply elements).")
                                    .arg(m_secondary.label, m_link.targetIqn);
            return;
        }
        if (config == &secondary().savedLio)
            m_result.found << QStringLiteral("%1 exports %2 in its saved LIO configuration only "
                                             "(not running now).")
                                  .arg(m_secondary.label, m_link.targetIqn);
        const LioLun* lun = nullptr;
        const Tpg* tpgOfLun = nullptr;
        for (const Tpg& tpg : target->tpgs)
            for (const LioLun& l : tpg.luns)
                if (l.index == m_link.lun) {
                    lun = &l;
                    tpgOfLun = &tpg;
                }
        if (!lun) {
            m_result.missing << QStringLiteral("%1 has no LUN %2: the Secondary's element is "
                                               "not exported (the repair plan exports it).")
                                    .arg(m_link.targetIqn)
                                    .arg(m_link.lun);
            return;
        }
        if (tpgOfLun->tag != 1)
            m_result.problems << QStringLiteral("%1 exports the element in TPG %2: nr1 manages "
                                                "TPG 1.")
                                     .arg(m_link.targetIqn)
                                     .arg(tpgOfLun->tag);
        const StorageObject* object = config->findStorageObject(lun->storageObject);
        if (!object) {
            m_result.problems << QStringLiteral("LUN %1 of %2 names %3, which %4 does not have.")
                                     .arg(m_link.lun)
                                     .arg(m_link.targetIqn, lun->storageObject, m_secondary.label);
            return;
        }
        if (object->plugin != QLatin1String("block")) {
            m_result.problems << QStringLiteral("The Secondary exports its element through a "
                                                "%1 backstore (%2): nr1 manages a block "
                                                "backstore there.")
                                     .arg(object->plugin, object->configPath());
            return;
        }
        m_result.layout.elementBackstore = object->name;
        const LogicalVolume* lv = lvAt(secondary(), object->dev);
        if (!lv) {
            m_result.problems << QStringLiteral("The Secondary's backstore %1 sits on %2, which "
                                                "is no LV: nr1 manages elements that are LVs.")
                                     .arg(object->configPath(), object->dev);
            return;
        }
        m_result.layout.secondaryElement = lv->fullName();
        m_result.found << QStringLiteral("%1 exports it from the LV %2 (backstore %3).")
                              .arg(m_secondary.label, lv->fullName(), object->configPath());
        if (const NodeAcl* acl = [&]() -> const NodeAcl* {
                for (const NodeAcl& a : tpgOfLun->nodeAcls)
                    if (a.nodeWwn == m_result.primaryInitiator)
                        return &a;
                return nullptr;
            }();
            !acl)
            m_result.missing << QStringLiteral("%1 has no ACL for the Primary's initiator %2: "
                                               "the repair plan adds it.")
                                    .arg(m_link.targetIqn, quoted(m_result.primaryInitiator));
    }

    void discoverVolume() {
        const QString md = m_candidate.array->name;
        QString vg;
        for (const PhysicalVolume& pv : primary().lvm.pvs) {
            const BlockDevice* device = primary().findBlockDeviceByPath(pv.name);
            if (pv.name == QStringLiteral("/dev/") + md || (device && device->name == md))
                vg = pv.vgName;
        }
        if (vg.isEmpty()) {
            m_result.missing << QStringLiteral("%1 holds no volume group: create the volume "
                                               "(apply volume).")
                                    .arg(md);
            return;
        }
        for (const LogicalVolume& lv : primary().lvm.lvs)
            if (lv.vgName == vg)
                m_volumes.push_back(&lv);
        if (m_volumes.empty()) {
            m_result.missing << QStringLiteral("The volume group %1 on %2 has no LV: create the "
                                               "volume (apply volume).")
                                    .arg(vg, md);
            return;
        }
        m_volumeGroup = vg;
    }

    void discoverExport() {
        if (m_volumes.empty())
            return;
        struct Export {
            const LogicalVolume* volume;
            const StorageObject* object;
            const LioTarget* target;
            const Tpg* tpg;
            const LioConfig* config;
        };
        std::vector<Export> exports;
        for (const LioConfig* config : {&primary().lio, &primary().savedLio}) {
            for (const StorageObject& object : config->storageObjects) {
                const LogicalVolume* lv = lvAt(primary(), object.dev);
                if (!lv || lv->vgName != m_volumeGroup)
                    continue;
                for (const LioTarget& target : config->targets)
                    for (const Tpg& tpg : target.tpgs)
                        for (const LioLun& lun : tpg.luns)
                            if (lun.storageObject == object.configPath())
                                exports.push_back(Export{lv, &object, &target, &tpg, config});
            }
            if (!exports.empty())
                break; // what runs; the saved configuration only when nothing runs
        }
        if (exports.empty()) {
            if (m_volumes.size() > 1) {
                QStringList names;
                for (const LogicalVolume* lv : m_volumes)
                    names << lv->fullName();
                m_result.problems << QStringLiteral("The volume group %1 on %2 has %3 LVs (%4) "
                                                    "and none is exported: nr1 cannot tell "
                                                    "which one is the pair's volume.")
                                         .arg(m_volumeGroup, m_candidate.array->name)
                                         .arg(m_volumes.size())
                                         .arg(names.join(u", "));
                return;
            }
            m_result.layout.volume = m_volumes.front()->fullName();
            m_result.found << QStringLiteral("The volume is the LV %1 on %2.")
                                  .arg(m_result.layout.volume, m_candidate.array->name);
            m_result.missing << QStringLiteral("The volume is not exported: export it (apply "
                                               "export).");
            return;
        }
        if (exports.size() > 1) {
            QStringList names;
            for (const Export& e : exports)
                names << QStringLiteral("%1 LUN of %2").arg(e.object->configPath(), e.target->wwn);
            m_result.problems << QStringLiteral("The Primary exports the volume group %1 %2 "
                                                "times (%3): nr1 manages one LUN per pair.")
                                     .arg(m_volumeGroup)
                                     .arg(exports.size())
                                     .arg(names.join(u"; "));
            return;
        }
        const Export& e = exports.front();
        RecordedLayout& layout = m_result.layout;
        layout.volume = e.volume->fullName();
        layout.volumeTarget = e.target->wwn;
        layout.volumeBackstore = e.object->plugin + QLatin1Char('/') + e.object->name;
        layout.volumeSerial = e.object->wwn;
        if (e.object->plugin != QLatin1String("block") &&
            e.object->plugin != QLatin1String("fileio"))
            m_result.problems << QStringLiteral("The volume is exported through a %1 backstore: "
                                                "nr1 manages block and fileio.")
                                     .arg(e.object->plugin);
        if (e.tpg->tag != 1)
            m_result.problems << QStringLiteral("%1 exports the volume in TPG %2: nr1 manages "
                                                "TPG 1.")
                                     .arg(e.target->wwn)
                                     .arg(e.tpg->tag);
        m_result.found << QStringLiteral("The volume is the LV %1 on %2.")
                              .arg(layout.volume, m_candidate.array->name);
        QStringList initiators;
        QStringList chapUsers;
        for (const NodeAcl& acl : e.tpg->nodeAcls) {
            initiators << acl.nodeWwn;
            if (!acl.chap.userId.isEmpty() && !chapUsers.contains(acl.chap.userId))
                chapUsers << acl.chap.userId;
        }
        m_result.found << QStringLiteral("The Primary exports it as %1 (backstore %2, unit "
                                         "serial %3)%4 to %5.")
                              .arg(e.target->wwn, e.object->configPath(),
                                   e.object->wwn.isEmpty() ? QStringLiteral("none") : e.object->wwn,
                                   e.config == &primary().savedLio
                                       ? QStringLiteral(" in its saved LIO configuration only")
                                       : QString(),
                                   initiators.isEmpty() ? QStringLiteral("no initiator")
                                                        : initiators.join(u", "));
        if (!chapUsers.isEmpty())
            m_result.found << QStringLiteral("Its initiators log in with CHAP (user %1): a "
                                             "switchover or takeover needs that user's secret "
                                             "(--chap-user, --chap-secret-file).")
                                  .arg(chapUsers.join(u", "));
    }

    NamedNode m_listed[2];
    NamedNode m_primary;
    NamedNode m_secondary;
    Candidate m_candidate;
    ReplicationLink m_link;
    QString m_volumeGroup;
    std::vector<const LogicalVolume*> m_volumes;
    PairDiscovery m_result;
};

} // namespace

PairDiscovery discoverPair(const InventoryPair& entry, const NodeState& listedPrimary,
                           const NodeState& listedSecondary) {
    PairDiscovery discovery = Discoverer(entry, listedPrimary, listedSecondary).run();
    if (discovery.adoptable())
        // Names a hand-built pair may have that no plan of nr1 accepts.
        for (const QString& problem : validateIntent(defaultIntent(adoptedPair(entry, discovery))))
            discovery.problems
                << QStringLiteral("The pair's names do not suit nr1's plans: %1").arg(problem);
    return discovery;
}

InventoryPair adoptedPair(const InventoryPair& entry, const PairDiscovery& discovery) {
    InventoryPair adopted = entry;
    if (discovery.rolesSwapped)
        std::swap(adopted.primary, adopted.secondary);
    auto take = [](QString& field, const QString& value) {
        if (!value.isEmpty())
            field = value;
    };
    take(adopted.primary.replicationAddress, discovery.primaryReplicationAddress);
    take(adopted.secondary.replicationAddress, discovery.secondaryReplicationAddress);
    take(adopted.primary.initiatorName, discovery.primaryInitiator);
    take(adopted.secondary.initiatorName, discovery.secondaryInitiator);
    adopted.layout = discovery.layout;
    if (*adopted.layout == RecordedLayout{})
        adopted.layout.reset();
    return adopted;
}

} // namespace nr1
