#include "plan/PlanBuilder.h"

#include "base/NodeScript.h"

#include <algorithm>

namespace nr1 {

PlannedFact elementFact(NodeRole role) {
    return role == NodeRole::Primary ? PlannedFact::PrimaryElement : PlannedFact::SecondaryElement;
}

PlanBuilder::PlanBuilder(const PairState& state, const PairIntent& intent, QString kind,
                         QString title)
    : m_state(state)
    , m_intent(intent) {
    m_plan.kind = std::move(kind);
    m_plan.pairName = intent.layout.name;
    m_plan.title = std::move(title);
}

Action& PlanBuilder::add(NodeRole node, QStringList argv, QString sentence) {
    Action action;
    action.node = node;
    action.argv = std::move(argv);
    action.sentence = std::move(sentence);
    m_plan.actions.push_back(std::move(action));
    return m_plan.actions.back();
}

bool PlanBuilder::changesLio(NodeRole node) const {
    for (const Action& action : m_plan.actions)
        if (action.node == node && ((action.argv.value(0) == QLatin1String("targetcli") &&
                                     action.argv.value(1) != QLatin1String("saveconfig")) ||
                                    action.argv.value(2) == nodeScript(NodeScript::LioAclChap)))
            return true;
    return false;
}

bool PlanBuilder::acceptIntent() {
    const QStringList problems = validateIntent(m_intent);
    for (const QString& problem : problems)
        refuse(problem.at(0).toUpper() + problem.mid(1) + QLatin1Char('.'));
    return problems.isEmpty();
}

void PlanBuilder::requireCommands(NodeRole node, const QStringList& commands) {
    for (const QString& command : commands)
        if (!m_state.node(node).hasCommand(command))
            refuse(QStringLiteral("'%1' is not installed on the %2 (%3).")
                       .arg(command, nodeRoleName(node), m_state.node(node).hostname));
}

PlanResult PlanBuilder::finish() {
    if (m_refusals.isEmpty())
        for (const NodeRole node : {NodeRole::Primary, NodeRole::Secondary})
            if (std::any_of(m_plan.actions.begin(), m_plan.actions.end(),
                            [node](const Action& action) { return action.node == node; }))
                add(node, commands::flushToDisk(),
                    QStringLiteral("Flush what the plan wrote on the %1 to its disks, so a power "
                                   "loss now keeps it (LIO's saved configuration, mdadm.conf, "
                                   "units, iSCSI and nr1 records).")
                        .arg(nodeRoleName(node)))
                    .noUndo(QStringLiteral("it changes nothing"));
    return finishPart();
}

void PlanBuilder::refuseNodesStillRestoringLio() {
    for (const NodeRole node : {NodeRole::Primary, NodeRole::Secondary})
        if (m_state.node(node).lioRestorePending() &&
            std::any_of(m_plan.actions.begin(), m_plan.actions.end(),
                        [node](const Action& action) { return action.node == node; }))
            refuse(QStringLiteral(
                       "LIO on the %1 (%2) has not restored its saved configuration yet: "
                       "rtslib-fb-targetctl is still starting (after a boot it waits up to 90 s "
                       "for the device it serves). What LIO runs there now is not what the node "
                       "will serve, and a LIO change now would make that restore fail and the "
                       "next save replace the saved configuration. Plan again once it has "
                       "started.")
                       .arg(nodeRoleName(node), m_state.node(node).hostname));
}

PlanResult PlanBuilder::finishPart() {
    refuseNodesStillRestoringLio();
    if (!m_refusals.isEmpty()) {
        m_refusals.removeDuplicates();
        return failure(m_refusals);
    }
    m_plan.warnings.removeDuplicates();
    return std::move(m_plan);
}

const LogicalVolume* PlanBuilder::lv(NodeRole node, const ElementRef& ref) const {
    return m_state.node(node).lvm.findLv(ref.vg, ref.lv);
}

const VolumeGroup* PlanBuilder::vg(NodeRole node, const QString& name) const {
    return m_state.node(node).lvm.findVg(name);
}

const MdstatArray* PlanBuilder::array() const {
    return m_state.primary.mdstat.find(m_intent.mdDeviceName());
}

const IscsiSession* PlanBuilder::replicationSession() const {
    return m_state.primary.findSession(m_intent.layout.replication.targetIqn);
}

const LioTarget* PlanBuilder::lioTarget(NodeRole node, const QString& iqn) const {
    return m_state.node(node).lio.findTarget(iqn);
}

const StorageObject* PlanBuilder::storageObject(NodeRole node, const QString& path) const {
    return m_state.node(node).lio.findStorageObject(path);
}

namespace commands {

QStringList targetcli(const QString& path, const QStringList& arguments) {
    return QStringList{QStringLiteral("targetcli"), path} + arguments;
}

QStringList saveconfig() {
    return {QStringLiteral("targetcli"), QStringLiteral("saveconfig")};
}

QString lioConfigfs() {
    return QStringLiteral("/sys/kernel/config/target");
}

QStringList writeFile(const QString& path, const QString& value) {
    return nodeScriptArgv(NodeScript::WriteFile, {value, path});
}

QStringList iscsiNode(const ReplicationLink& link) {
    return {QStringLiteral("iscsiadm"), QStringLiteral("-m"), QStringLiteral("node"),
            QStringLiteral("-T"),       link.targetIqn,       QStringLiteral("-p"),
            link.portal.hostPort()};
}

QString mdadmConf() {
    return QStringLiteral("/etc/mdadm/mdadm.conf");
}

QStringList removeArrayLine(const QString& mdPath) {
    return {QStringLiteral("sed"), QStringLiteral("-i"),
            QStringLiteral("\\|^ARRAY %1 |d").arg(mdPath), mdadmConf()};
}

QStringList removeFile(const QString& path) {
    return nodeScriptArgv(NodeScript::RemoveUnitFile, {path});
}

QStringList flushToDisk() {
    return {QStringLiteral("sync")};
}

} // namespace commands

QString systemdDeviceUnit(const QString& path) {
    QString escaped;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        if (!escaped.isEmpty())
            escaped += QLatin1Char('-');
        const QByteArray bytes = part.toUtf8();
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const char c = bytes.at(i);
            const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                               (c >= '0' && c <= '9') || c == ':' || c == '_' ||
                               (c == '.' && !(escaped.isEmpty() && i == 0));
            if (plain)
                escaped += QLatin1Char(c);
            else
                escaped += QStringLiteral("\\x%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
        }
    }
    return escaped + QStringLiteral(".device");
}

QString pairFileTag(const QString& pairName) {
    QString tag = pairName;
    for (QChar& c : tag)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-'))
            c = QLatin1Char('_');
    return tag;
}

QString lioRestoreDropin(const QString& pairName) {
    return QStringLiteral("/etc/systemd/system/rtslib-fb-targetctl.service.d/nr1-%1.conf")
        .arg(pairFileTag(pairName));
}

const Tpg* firstTpg(const LioTarget* target) {
    return target && !target->tpgs.empty() ? &target->tpgs.front() : nullptr;
}

const LioLun* lunFor(const Tpg* tpg, const QString& backstorePath) {
    if (!tpg)
        return nullptr;
    for (const LioLun& lun : tpg->luns)
        if (lun.storageObject == backstorePath)
            return &lun;
    return nullptr;
}

bool exportsFrontEndLun(const LioConfig& lio, const PairIntent& intent) {
    return intent.layout.frontEnd &&
           lunFor(firstTpg(lio.findTarget(intent.layout.frontEnd->targetIqn)),
                  intent.frontEndExport.backstorePath()) != nullptr;
}

std::optional<LunIdentity> runningIdentity(const LioConfig& lio, const PairIntent& intent) {
    if (!intent.layout.frontEnd)
        return std::nullopt;
    const ExportIntent& exported = intent.frontEndExport;
    const Tpg* tpg = firstTpg(lio.findTarget(intent.layout.frontEnd->targetIqn));
    const LioLun* lun = lunFor(tpg, exported.backstorePath());
    const StorageObject* object = lio.findStorageObject(exported.backstorePath());
    if (!lun || !object)
        return std::nullopt;
    LunIdentity identity;
    identity.pair = intent.layout.name;
    identity.unitSerial = object->wwn;
    identity.targetIqn = intent.layout.frontEnd->targetIqn;
    identity.lun = lun->index;
    identity.backstore = exported.plugin() + QLatin1Char('/') + exported.backstoreName;
    for (const LioPortal& portal : tpg->portals)
        identity.portals.push_back(IscsiPortal{portal.ipAddress, portal.port, std::nullopt});
    for (const NodeAcl& acl : tpg->nodeAcls) {
        identity.initiators << acl.nodeWwn;
        if (!acl.chap.userId.isEmpty())
            identity.chapUser = acl.chap.userId;
    }
    return identity;
}

std::optional<LunIdentity> identityToRecord(const PairState& state, const PairIntent& intent) {
    const std::optional<LunIdentity> running = runningIdentity(state.primary.lio, intent);
    if (!running || running->unitSerial.isEmpty() ||
        (!intent.frontEndExport.unitSerial.isEmpty() &&
         intent.frontEndExport.unitSerial != running->unitSerial))
        return std::nullopt;
    const LunIdentity* onPrimary = state.primary.findLunIdentity(intent.layout.name);
    const LunIdentity* onSecondary = state.secondary.findLunIdentity(intent.layout.name);
    if (onPrimary && onSecondary)
        return std::nullopt;
    for (const LunIdentity* recorded : {onPrimary, onSecondary})
        if (recorded && !(*recorded == *running))
            return std::nullopt;
    return running;
}

bool isArrayLine(const QString& line, const QString& mdPath) {
    return line.startsWith(QStringLiteral("ARRAY %1 ").arg(mdPath));
}

bool hasArrayLine(const QString& conf, const QString& mdPath) {
    const QStringList lines = conf.split(u'\n');
    return std::any_of(lines.begin(), lines.end(),
                       [&mdPath](const QString& line) { return isArrayLine(line, mdPath); });
}

QString mdArrayUuid(const NodeState& node, const QString& md) {
    const QString prefix = QStringLiteral("/dev/disk/by-id/md-uuid-");
    if (const BlockDevice* device = node.findBlockDevice(md))
        for (const QString& link : device->byId)
            if (link.startsWith(prefix))
                return link.mid(prefix.size());
    return QString();
}

QString ignoreRuleLine(const QString& uuid) {
    return QStringLiteral("ARRAY <ignore> UUID=") + uuid;
}

bool hasIgnoreRule(const NodeState& node, const QString& uuid) {
    return !uuid.isEmpty() && QString(node.mdadmConf)
                                  .remove(QChar(0))
                                  .split(QLatin1Char('\n'))
                                  .contains(ignoreRuleLine(uuid));
}

bool lioRestoreWaitsFor(const NodeState& node, const QString& device) {
    return node.lioRestoreDropins.contains(QStringLiteral("After=") + systemdDeviceUnit(device));
}

bool initramfsOlderThanMdadmConf(const NodeState& node) {
    const auto conf = node.bootFileTimes.constFind(commands::mdadmConf());
    if (conf == node.bootFileTimes.constEnd())
        return false;
    for (auto it = node.bootFileTimes.begin(); it != node.bootFileTimes.end(); ++it)
        if (it.key().startsWith(QLatin1String("/boot/")) && it.value() < conf.value())
            return true;
    return false;
}

bool runsArray(const NodeState& node, const QString& md) {
    const MdstatArray* array = node.mdstat.find(md);
    return array && array->active;
}

} // namespace nr1
