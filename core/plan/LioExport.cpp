#include "plan/LioExport.h"

#include "base/NodeScript.h"
#include "plan/PlanBuilder.h"

#include <algorithm>

namespace nr1 {

namespace {

/// Undo of a LIO change: the inverse command, then saveconfig, so what LIO restores at boot
/// matches what runs (a rollback may follow this plan's own saveconfig).
QList<QStringList> lioUndo(const QStringList& inverse) {
    return {inverse, commands::saveconfig()};
}

const Tpg* tpgOf(const PairState& s, NodeRole node, const QString& iqn) {
    return firstTpg(s.node(node).lio.findTarget(iqn));
}

bool hasPortal(const Tpg* tpg, const LioPortal& portal) {
    return tpg && std::find(tpg->portals.begin(), tpg->portals.end(), portal) != tpg->portals.end();
}

const NodeAcl* aclFor(const Tpg* tpg, const QString& initiator) {
    if (!tpg)
        return nullptr;
    for (const NodeAcl& acl : tpg->nodeAcls)
        if (acl.nodeWwn == initiator)
            return &acl;
    return nullptr;
}

/// True when `acl` exists and has exactly the CHAP credentials asked.
bool hasCredentials(const NodeAcl* acl, const ChapSettings& chap) {
    return acl && acl->chap.userId == chap.userId &&
           chapSecretMatches(acl->chap.password, chap.password) &&
           acl->chap.mutualUserId == chap.mutualUserId &&
           chapSecretMatches(acl->chap.mutualPassword, chap.mutualPassword);
}

/// What every step of one export reads: the spec, LIO's paths for it and what the node's LIO
/// has of it already (the target and its TPG are null until this plan creates them).
struct LioExportContext {
    PlanBuilder& builder;
    const LioExport& spec;
    QString nodeName;
    QString storePath; ///< "/backstores/PLUGIN/NAME"
    QString tpgPath;   ///< "/iscsi/IQN/tpg1"
    const LioConfig& lio;
    const LioTarget* target;
    const Tpg* tpg;

    LioExportContext(PlanBuilder& b, const LioExport& exportSpec)
        : builder(b)
        , spec(exportSpec)
        , nodeName(nodeRoleName(exportSpec.node))
        , storePath(
              QStringLiteral("/backstores/%1/%2").arg(exportSpec.plugin, exportSpec.backstoreName))
        , tpgPath(QStringLiteral("/iscsi/%1/tpg1").arg(exportSpec.targetIqn))
        , lio(b.node(exportSpec.node).lio)
        , target(lio.findTarget(exportSpec.targetIqn))
        , tpg(firstTpg(target)) {}

    /// The undo of a change inside the target: `inverse` and a save when the target exists
    /// already; none when this plan creates the target, whose own undo deletes everything in it.
    Action& undoUnlessNewTarget(Action& action, const QStringList& inverse) const {
        action.undoWith(target ? lioUndo(inverse) : QList<QStringList>{});
        action.noUndoReason = QStringLiteral("undone with the target");
        return action;
    }
};

/// The backstore on the spec's device, unless it exists; refuses when its name or the device is
/// taken by another export.
void planBackstore(const LioExportContext& c) {
    PlanBuilder& b = c.builder;
    const LioExport& spec = c.spec;
    const NodeRole node = spec.node;
    const QString storePath = c.storePath;
    if (const StorageObject* object = c.lio.findStorageObject(storePath)) {
        if (object->dev != spec.device)
            b.refuse(QStringLiteral("On the %1, backstore %2 already serves %3, not %4.")
                         .arg(c.nodeName, storePath, object->dev, spec.device));
        if (!spec.unitSerial.isEmpty() && object->wwn != spec.unitSerial)
            b.refuse(QStringLiteral("On the %1, backstore %2 runs with unit serial %3, not %4 as "
                                    "the pair records; nr1 never changes the serial of a live "
                                    "LUN (initiators would take it for another disk): record "
                                    "%3 as the pair's volume_serial in the inventory if it is "
                                    "the right one.")
                         .arg(c.nodeName, storePath, object->wwn, spec.unitSerial));
        return;
    }
    for (const StorageObject& other : c.lio.storageObjects)
        if (other.dev == spec.device)
            b.refuse(QStringLiteral("On the %1, %2 is already exported as %3.")
                         .arg(c.nodeName, spec.device, other.configPath()));
    QStringList arguments = {QStringLiteral("create"),
                             QStringLiteral("name=") + spec.backstoreName};
    if (spec.plugin == QLatin1String("fileio"))
        // On a block device fileio follows its size; write-through keeps the mirror safe.
        arguments << QStringLiteral("file_or_dev=") + spec.device
                  << QStringLiteral("write_back=false");
    else
        arguments << QStringLiteral("dev=") + spec.device;
    // The serial can only be given at creation (targetcli has no set for it afterwards).
    if (!spec.unitSerial.isEmpty())
        arguments << QStringLiteral("wwn=") + spec.unitSerial;
    const QString serial = spec.unitSerial;
    b.add(node, commands::targetcli(QStringLiteral("/backstores/") + spec.plugin, arguments),
          serial.isEmpty() ? QStringLiteral("Create the %1 backstore %2 on %3.")
                                 .arg(spec.plugin, spec.backstoreName, spec.device)
                           : QStringLiteral("Create the %1 backstore %2 on %3 with unit serial %4.")
                                 .arg(spec.plugin, spec.backstoreName, spec.device, serial))
        .doneWhen(serial.isEmpty()
                      ? QStringLiteral("backstore %1 exists on the %2").arg(storePath, c.nodeName)
                      : QStringLiteral("backstore %1 exists on the %2 with unit serial %3")
                            .arg(storePath, c.nodeName, serial),
                  [node, storePath, serial](const PairState& s) {
                      const StorageObject* object = s.node(node).lio.findStorageObject(storePath);
                      return object && (serial.isEmpty() || object->wwn == serial);
                  })
        .undoWith(lioUndo(commands::targetcli(QStringLiteral("/backstores/") + spec.plugin,
                                              {QStringLiteral("delete"), spec.backstoreName})));
}

/// The iSCSI target (targetcli gives it TPG 1), unless it exists; refuses one without a TPG.
void planTarget(const LioExportContext& c) {
    PlanBuilder& b = c.builder;
    const NodeRole node = c.spec.node;
    const QString iqn = c.spec.targetIqn;
    if (c.target && !c.tpg)
        b.refuse(QStringLiteral("On the %1, target %2 has no TPG.").arg(c.nodeName, iqn));
    if (c.target)
        return;
    b.add(node, commands::targetcli(QStringLiteral("/iscsi"), {QStringLiteral("create"), iqn}),
          QStringLiteral("Create the iSCSI target %1 for %2.").arg(iqn, c.spec.what))
        .doneWhen(
            QStringLiteral("target %1 exists on the %2").arg(iqn, c.nodeName),
            [node, iqn](const PairState& s) { return s.node(node).lio.findTarget(iqn) != nullptr; })
        .undoWith(lioUndo(
            commands::targetcli(QStringLiteral("/iscsi"), {QStringLiteral("delete"), iqn})));
}

/// The TPG offers the export on exactly the spec's portals: others are deleted, missing ones
/// created.
void planPortals(const LioExportContext& c) {
    PlanBuilder& b = c.builder;
    const LioExport& spec = c.spec;
    const NodeRole node = spec.node;
    const QString iqn = spec.targetIqn;
    // targetcli gives a new target a portal on every address (0.0.0.0:3260).
    std::vector<LioPortal> present =
        c.tpg ? c.tpg->portals
              : std::vector<LioPortal>{LioPortal{QStringLiteral("0.0.0.0"), 3260, false}};
    std::vector<LioPortal> wanted;
    for (const IscsiPortal& portal : spec.portals)
        wanted.push_back(LioPortal{portal.address, portal.port, false});
    const QString portals = c.tpgPath + QStringLiteral("/portals");
    for (const LioPortal& portal : present) {
        if (std::find(wanted.begin(), wanted.end(), portal) != wanted.end())
            continue;
        const QStringList where = {portal.ipAddress, QString::number(portal.port)};
        c.undoUnlessNewTarget(
            b.add(node, commands::targetcli(portals, QStringList{QStringLiteral("delete")} + where),
                  QStringLiteral("Stop offering %1 on %2:%3.")
                      .arg(spec.what, portal.ipAddress)
                      .arg(portal.port))
                .doneWhen(QStringLiteral("target %1 has no portal %2:%3")
                              .arg(iqn, portal.ipAddress)
                              .arg(portal.port),
                          [node, iqn, portal](const PairState& s) {
                              const Tpg* t = tpgOf(s, node, iqn);
                              return t && !hasPortal(t, portal);
                          }),
            commands::targetcli(portals, QStringList{QStringLiteral("create")} + where));
    }
    for (const LioPortal& portal : wanted) {
        if (std::find(present.begin(), present.end(), portal) != present.end())
            continue;
        const QStringList where = {portal.ipAddress, QString::number(portal.port)};
        c.undoUnlessNewTarget(
            b.add(node, commands::targetcli(portals, QStringList{QStringLiteral("create")} + where),
                  QStringLiteral("Offer %1 on %2:%3.")
                      .arg(spec.what, portal.ipAddress)
                      .arg(portal.port))
                .doneWhen(QStringLiteral("target %1 listens on %2:%3")
                              .arg(iqn, portal.ipAddress)
                              .arg(portal.port),
                          [node, iqn, portal](const PairState& s) {
                              return hasPortal(tpgOf(s, node, iqn), portal);
                          }),
            commands::targetcli(portals, QStringList{QStringLiteral("delete")} + where));
    }
}

/// The backstore as the spec's LUN, unless it is; refuses when it is another LUN or the LUN
/// number is taken.
void planLun(const LioExportContext& c) {
    PlanBuilder& b = c.builder;
    const LioExport& spec = c.spec;
    const NodeRole node = spec.node;
    const QString iqn = spec.targetIqn;
    const QString storePath = c.storePath;
    const LioLun* lun = lunFor(c.tpg, storePath);
    if (lun && lun->index != spec.lun)
        b.refuse(QStringLiteral("On the %1, %2 is LUN %3 of %4, not LUN %5.")
                     .arg(c.nodeName, storePath)
                     .arg(lun->index)
                     .arg(iqn)
                     .arg(spec.lun));
    if (lun)
        return;
    if (c.tpg)
        for (const LioLun& other : c.tpg->luns)
            if (other.index == spec.lun)
                b.refuse(QStringLiteral("On the %1, LUN %2 of %3 is already %4.")
                             .arg(c.nodeName)
                             .arg(spec.lun)
                             .arg(iqn, other.storageObject));
    const QString luns = c.tpgPath + QStringLiteral("/luns");
    c.undoUnlessNewTarget(
        b.add(node,
              commands::targetcli(luns, {QStringLiteral("create"), storePath,
                                         QStringLiteral("lun=%1").arg(spec.lun)}),
              QStringLiteral("Make %1 LUN %2 of the target.").arg(spec.what).arg(spec.lun))
            .doneWhen(QStringLiteral("%1 is a LUN of %2").arg(storePath, iqn),
                      [node, iqn, storePath](const PairState& s) {
                          return lunFor(tpgOf(s, node, iqn), storePath) != nullptr;
                      }),
        commands::targetcli(luns,
                            {QStringLiteral("delete"), QStringLiteral("lun%1").arg(spec.lun)}));
}

/// One ACL per initiator of the spec; refuses open access and, for an export only some may
/// reach, any other initiator's ACL.
void planAcls(const LioExportContext& c) {
    PlanBuilder& b = c.builder;
    const LioExport& spec = c.spec;
    const NodeRole node = spec.node;
    const QString iqn = spec.targetIqn;
    const Tpg* tpg = c.tpg;
    if (tpg && tpg->generateNodeAcls)
        b.refuse(QStringLiteral("On the %1, target %2 lets every initiator in "
                                "(generate_node_acls=1): nr1 only exports through ACLs.")
                     .arg(c.nodeName, iqn));
    if (tpg && spec.onlyTheseInitiators)
        for (const NodeAcl& acl : tpg->nodeAcls)
            if (!spec.initiators.contains(acl.nodeWwn))
                b.refuse(
                    QStringLiteral("On the %1, initiator %2 may also reach %3 through target "
                                   "%4; only %5 may.")
                        .arg(c.nodeName, acl.nodeWwn, spec.what, iqn, spec.initiators.join(u", ")));
    const QString acls = c.tpgPath + QStringLiteral("/acls");
    for (const QString& initiator : spec.initiators) {
        if (aclFor(tpg, initiator))
            continue;
        c.undoUnlessNewTarget(
            b.add(node, commands::targetcli(acls, {QStringLiteral("create"), initiator}),
                  QStringLiteral("Allow initiator %1 to reach %2.").arg(initiator, spec.what))
                .doneWhen(QStringLiteral("target %1 has an ACL for %2").arg(iqn, initiator),
                          [node, iqn, initiator](const PairState& s) {
                              return aclFor(tpgOf(s, node, iqn), initiator) != nullptr;
                          }),
            commands::targetcli(acls, {QStringLiteral("delete"), initiator}));
    }
}

/// With CHAP in the spec: each ACL gets its credentials unless it has these already.
void planChapCredentials(const LioExportContext& c) {
    if (!c.spec.chap)
        return;
    PlanBuilder& b = c.builder;
    const LioExport& spec = c.spec;
    const ChapSettings& chap = *spec.chap;
    const NodeRole node = spec.node;
    const QString iqn = spec.targetIqn;
    const Tpg* tpg = c.tpg;
    for (const QString& initiator : spec.initiators) {
        if (hasCredentials(aclFor(tpg, initiator), chap))
            continue;
        // Written into configfs by a node script that reads them from stdin: never in an argv
        // (ps, sudo's log), and byte for byte (targetcli parses its arguments again).
        Action& action =
            b.add(node,
                  nodeScriptArgv(NodeScript::LioAclChap,
                                 {QStringLiteral("%1/iscsi/%2/tpgt_1/acls/%3/auth")
                                      .arg(commands::lioConfigfs(), iqn, initiator)}),
                  QStringLiteral("Require CHAP from %1%2.")
                      .arg(initiator, chap.mutualUserId.isEmpty()
                                          ? QString()
                                          : QStringLiteral(" (and mutual CHAP)")))
                .doneWhen(QStringLiteral("the ACL of %1 has these CHAP credentials (user %2)")
                              .arg(initiator, chap.userId),
                          [node, iqn, initiator, wanted = chap](const PairState& s) {
                              return hasCredentials(aclFor(tpgOf(s, node, iqn), initiator), wanted);
                          })
                .noUndo(QStringLiteral("removed with the ACL"));
        action.stdinData =
            (QStringList{chap.userId, chap.password, chap.mutualUserId, chap.mutualPassword}.join(
                 QLatin1Char('\n')) +
             QLatin1Char('\n'))
                .toUtf8();
        action.secrets = {chap.password, chap.mutualPassword};
    }
}

/// With CHAP in the spec: the TPG requires authentication (one auth mode for all its ACLs).
void planAuthentication(const LioExportContext& c) {
    if (!c.spec.chap || (c.tpg && c.tpg->authentication))
        return;
    PlanBuilder& b = c.builder;
    const NodeRole node = c.spec.node;
    const QString iqn = c.spec.targetIqn;
    c.undoUnlessNewTarget(
        b.add(node,
              commands::targetcli(c.tpgPath, {QStringLiteral("set"), QStringLiteral("attribute"),
                                              QStringLiteral("authentication=1")}),
              QStringLiteral("Make the target require authentication (CHAP)."))
            .doneWhen(QStringLiteral("target %1 requires authentication").arg(iqn),
                      [node, iqn](const PairState& s) {
                          const Tpg* t = tpgOf(s, node, iqn);
                          return t && t->authentication;
                      }),
        commands::targetcli(c.tpgPath, {QStringLiteral("set"), QStringLiteral("attribute"),
                                        QStringLiteral("authentication=0")}));
}

/// saveconfig after any LIO change of this plan on the node, or when LIO would not restore
/// the target at boot.
void planSave(const LioExportContext& c) {
    PlanBuilder& b = c.builder;
    const NodeRole node = c.spec.node;
    if (b.changesLio(node) || !b.node(node).savedLio.findTarget(c.spec.targetIqn))
        planLioSave(b, node,
                    QStringLiteral("Save the LIO configuration so %1's export comes back at boot.")
                        .arg(c.spec.what))
            .noUndo(QStringLiteral("each undo of a LIO change saves again"));
}

} // namespace

void planLioExport(PlanBuilder& b, const LioExport& spec) {
    b.requireCommands(spec.node, {QStringLiteral("targetcli"), QStringLiteral("python3")});
    const LioExportContext context(b, spec);
    planBackstore(context);
    planTarget(context);
    planPortals(context);
    planLun(context);
    planAcls(context);
    planChapCredentials(context);
    planAuthentication(context);
    planSave(context);
}

void removeLioExport(PlanBuilder& b, NodeRole node, const QString& iqn, const QString& plugin,
                     const QString& backstoreName, const QString& what) {
    const LioConfig& lio = b.node(node).lio;
    const QString storePath = QStringLiteral("/backstores/%1/%2").arg(plugin, backstoreName);
    bool changed = false;
    if (lio.findTarget(iqn)) {
        b.add(
             node, commands::targetcli(QStringLiteral("/iscsi"), {QStringLiteral("delete"), iqn}),
             QStringLiteral("Delete the iSCSI target %1 (%2 is no longer offered).").arg(iqn, what))
            .doneWhen(QStringLiteral("target %1 is gone from the %2").arg(iqn, nodeRoleName(node)),
                      [node, iqn](const PairState& s) { return !s.node(node).lio.findTarget(iqn); })
            .irreversibleBecause(QStringLiteral("re-create the export with a plan"));
        changed = true;
    }
    if (lio.findStorageObject(storePath)) {
        b.add(node,
              commands::targetcli(QStringLiteral("/backstores/") + plugin,
                                  {QStringLiteral("delete"), backstoreName}),
              QStringLiteral("Delete the backstore %1.").arg(storePath))
            .doneWhen(QStringLiteral("backstore %1 is gone").arg(storePath),
                      [node, storePath](const PairState& s) {
                          return !s.node(node).lio.findStorageObject(storePath);
                      })
            .irreversibleBecause(QStringLiteral("re-create the export with a plan"));
        changed = true;
    }
    if (changed || b.node(node).savedLio.findTarget(iqn) ||
        !b.node(node).savedLioUnreadable.isEmpty())
        planLioSave(
            b, node,
            QStringLiteral("Save the LIO configuration so the export does not come back at boot."))
            .noUndo(QStringLiteral("saves what runs"));
}

Action& planLioSave(PlanBuilder& b, NodeRole node, const QString& sentence) {
    const NodeState& state = b.node(node);
    if (!state.savedLioUnreadable.isEmpty())
        b.warn(QStringLiteral("The saved LIO configuration on the %1 (%2) is unreadable: %3. LIO "
                              "restores nothing from it at boot; this plan saves what runs over "
                              "it.")
                   .arg(nodeRoleName(node), state.hostname, state.savedLioUnreadable));
    return b.add(node, commands::saveconfig(), sentence);
}

} // namespace nr1
