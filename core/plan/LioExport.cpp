#include "plan/LioExport.h"

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

} // namespace

void planLioExport(PlanBuilder& b, const LioExport& spec) {
    const NodeRole node = spec.node;
    const QString nodeName = nodeRoleName(node);
    b.requireCommands(node, {QStringLiteral("targetcli"), QStringLiteral("python3")});
    const QString storePath =
        QStringLiteral("/backstores/%1/%2").arg(spec.plugin, spec.backstoreName);
    const QString iqn = spec.targetIqn;
    const QString tpgPath = QStringLiteral("/iscsi/%1/tpg1").arg(iqn);
    const LioConfig& lio = b.node(node).lio;
    const LioTarget* target = lio.findTarget(iqn);
    const Tpg* tpg = firstTpg(target);
    const QString withTarget = QStringLiteral("undone with the target");
    auto undoUnlessNewTarget = [&](const QStringList& inverse) {
        return target ? lioUndo(inverse) : QList<QStringList>{};
    };

    if (const StorageObject* object = lio.findStorageObject(storePath)) {
        if (object->dev != spec.device)
            b.refuse(QStringLiteral("On the %1, backstore %2 already serves %3, not %4.")
                         .arg(nodeName, storePath, object->dev, spec.device));
    } else {
        for (const StorageObject& other : lio.storageObjects)
            if (other.dev == spec.device)
                b.refuse(QStringLiteral("On the %1, %2 is already exported as %3.")
                             .arg(nodeName, spec.device, other.configPath()));
        QStringList arguments = {QStringLiteral("create"),
                                 QStringLiteral("name=") + spec.backstoreName};
        if (spec.plugin == QLatin1String("fileio"))
            // On a block device fileio follows its size; write-through keeps the mirror safe.
            arguments << QStringLiteral("file_or_dev=") + spec.device
                      << QStringLiteral("write_back=false");
        else
            arguments << QStringLiteral("dev=") + spec.device;
        b.add(node, commands::targetcli(QStringLiteral("/backstores/") + spec.plugin, arguments),
              QStringLiteral("Create the %1 backstore %2 on %3.")
                  .arg(spec.plugin, spec.backstoreName, spec.device))
            .doneWhen(QStringLiteral("backstore %1 exists on the %2").arg(storePath, nodeName),
                      [node, storePath](const PairState& s) {
                          return s.node(node).lio.findStorageObject(storePath) != nullptr;
                      })
            .undoWith(lioUndo(commands::targetcli(QStringLiteral("/backstores/") + spec.plugin,
                                                  {QStringLiteral("delete"), spec.backstoreName})));
    }

    if (target && !tpg)
        b.refuse(QStringLiteral("On the %1, target %2 has no TPG.").arg(nodeName, iqn));
    if (!target)
        b.add(node, commands::targetcli(QStringLiteral("/iscsi"), {QStringLiteral("create"), iqn}),
              QStringLiteral("Create the iSCSI target %1 for %2.").arg(iqn, spec.what))
            .doneWhen(QStringLiteral("target %1 exists on the %2").arg(iqn, nodeName),
                      [node, iqn](const PairState& s) {
                          return s.node(node).lio.findTarget(iqn) != nullptr;
                      })
            .undoWith(lioUndo(
                commands::targetcli(QStringLiteral("/iscsi"), {QStringLiteral("delete"), iqn})));

    // targetcli gives a new target a portal on every address (0.0.0.0:3260).
    std::vector<LioPortal> present =
        tpg ? tpg->portals
            : std::vector<LioPortal>{LioPortal{QStringLiteral("0.0.0.0"), 3260, false}};
    std::vector<LioPortal> wanted;
    for (const IscsiPortal& portal : spec.portals)
        wanted.push_back(LioPortal{portal.address, portal.port, false});
    const QString portals = tpgPath + QStringLiteral("/portals");
    for (const LioPortal& portal : present) {
        if (std::find(wanted.begin(), wanted.end(), portal) != wanted.end())
            continue;
        const QStringList where = {portal.ipAddress, QString::number(portal.port)};
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
                      })
            .undoWith(undoUnlessNewTarget(
                commands::targetcli(portals, QStringList{QStringLiteral("create")} + where)))
            .noUndoReason = withTarget;
    }
    for (const LioPortal& portal : wanted) {
        if (std::find(present.begin(), present.end(), portal) != present.end())
            continue;
        const QStringList where = {portal.ipAddress, QString::number(portal.port)};
        b.add(
             node, commands::targetcli(portals, QStringList{QStringLiteral("create")} + where),
             QStringLiteral("Offer %1 on %2:%3.").arg(spec.what, portal.ipAddress).arg(portal.port))
            .doneWhen(QStringLiteral("target %1 listens on %2:%3")
                          .arg(iqn, portal.ipAddress)
                          .arg(portal.port),
                      [node, iqn, portal](const PairState& s) {
                          return hasPortal(tpgOf(s, node, iqn), portal);
                      })
            .undoWith(undoUnlessNewTarget(
                commands::targetcli(portals, QStringList{QStringLiteral("delete")} + where)))
            .noUndoReason = withTarget;
    }

    const LioLun* lun = lunFor(tpg, storePath);
    if (lun && lun->index != spec.lun)
        b.refuse(QStringLiteral("On the %1, %2 is LUN %3 of %4, not LUN %5.")
                     .arg(nodeName, storePath)
                     .arg(lun->index)
                     .arg(iqn)
                     .arg(spec.lun));
    if (!lun && tpg)
        for (const LioLun& other : tpg->luns)
            if (other.index == spec.lun)
                b.refuse(QStringLiteral("On the %1, LUN %2 of %3 is already %4.")
                             .arg(nodeName)
                             .arg(spec.lun)
                             .arg(iqn, other.storageObject));
    if (!lun)
        b.add(node,
              commands::targetcli(
                  tpgPath + QStringLiteral("/luns"),
                  {QStringLiteral("create"), storePath, QStringLiteral("lun=%1").arg(spec.lun)}),
              QStringLiteral("Make %1 LUN %2 of the target.").arg(spec.what).arg(spec.lun))
            .doneWhen(QStringLiteral("%1 is a LUN of %2").arg(storePath, iqn),
                      [node, iqn, storePath](const PairState& s) {
                          return lunFor(tpgOf(s, node, iqn), storePath) != nullptr;
                      })
            .undoWith(undoUnlessNewTarget(commands::targetcli(
                tpgPath + QStringLiteral("/luns"),
                {QStringLiteral("delete"), QStringLiteral("lun%1").arg(spec.lun)})))
            .noUndoReason = withTarget;

    if (tpg && tpg->generateNodeAcls)
        b.refuse(QStringLiteral("On the %1, target %2 lets every initiator in "
                                "(generate_node_acls=1): nr1 only exports through ACLs.")
                     .arg(nodeName, iqn));
    if (tpg && spec.onlyTheseInitiators)
        for (const NodeAcl& acl : tpg->nodeAcls)
            if (!spec.initiators.contains(acl.nodeWwn))
                b.refuse(
                    QStringLiteral("On the %1, initiator %2 may also reach %3 through target "
                                   "%4; only %5 may.")
                        .arg(nodeName, acl.nodeWwn, spec.what, iqn, spec.initiators.join(u", ")));
    const QString acls = tpgPath + QStringLiteral("/acls");
    for (const QString& initiator : spec.initiators) {
        if (aclFor(tpg, initiator))
            continue;
        b.add(node, commands::targetcli(acls, {QStringLiteral("create"), initiator}),
              QStringLiteral("Allow initiator %1 to reach %2.").arg(initiator, spec.what))
            .doneWhen(QStringLiteral("target %1 has an ACL for %2").arg(iqn, initiator),
                      [node, iqn, initiator](const PairState& s) {
                          return aclFor(tpgOf(s, node, iqn), initiator) != nullptr;
                      })
            .undoWith(undoUnlessNewTarget(
                commands::targetcli(acls, {QStringLiteral("delete"), initiator})))
            .noUndoReason = withTarget;
    }

    if (const auto& chap = spec.chap) {
        for (const QString& initiator : spec.initiators) {
            const NodeAcl* acl = aclFor(tpg, initiator);
            if (acl && acl->chap.userId == chap->userId && acl->chap.password == chap->password &&
                acl->chap.mutualUserId == chap->mutualUserId &&
                acl->chap.mutualPassword == chap->mutualPassword)
                continue;
            QStringList arguments = {QStringLiteral("set"), QStringLiteral("auth"),
                                     QStringLiteral("userid=") + chap->userId,
                                     QStringLiteral("password=") + chap->password};
            if (!chap->mutualUserId.isEmpty())
                arguments << QStringLiteral("mutual_userid=") + chap->mutualUserId
                          << QStringLiteral("mutual_password=") + chap->mutualPassword;
            Action& action =
                b.add(node, commands::targetcli(acls + QLatin1Char('/') + initiator, arguments),
                      QStringLiteral("Require CHAP from %1%2.")
                          .arg(initiator, chap->mutualUserId.isEmpty()
                                              ? QString()
                                              : QStringLiteral(" (and mutual CHAP)")))
                    .doneWhen(QStringLiteral("the ACL of %1 has these CHAP credentials (user %2)")
                                  .arg(initiator, chap->userId),
                              [node, iqn, initiator, wanted = *chap](const PairState& s) {
                                  const NodeAcl* a = aclFor(tpgOf(s, node, iqn), initiator);
                                  return a && a->chap.userId == wanted.userId &&
                                         a->chap.password == wanted.password &&
                                         a->chap.mutualUserId == wanted.mutualUserId &&
                                         a->chap.mutualPassword == wanted.mutualPassword;
                              })
                    .noUndo(QStringLiteral("removed with the ACL"));
            action.secrets = {chap->password, chap->mutualPassword};
        }
        if (!tpg || !tpg->authentication)
            b.add(node,
                  commands::targetcli(tpgPath, {QStringLiteral("set"), QStringLiteral("attribute"),
                                                QStringLiteral("authentication=1")}),
                  QStringLiteral("Make the target require authentication (CHAP)."))
                .doneWhen(QStringLiteral("target %1 requires authentication").arg(iqn),
                          [node, iqn](const PairState& s) {
                              const Tpg* t = tpgOf(s, node, iqn);
                              return t && t->authentication;
                          })
                .undoWith(undoUnlessNewTarget(commands::targetcli(
                    tpgPath, {QStringLiteral("set"), QStringLiteral("attribute"),
                              QStringLiteral("authentication=0")})))
                .noUndoReason = withTarget;
    }

    if (b.changesLio(node) || !b.node(node).savedLio.findTarget(iqn))
        b.add(node, commands::saveconfig(),
              QStringLiteral("Save the LIO configuration so %1's export comes back at boot.")
                  .arg(spec.what))
            .noUndo(QStringLiteral("each undo of a LIO change saves again"));
}

} // namespace nr1
