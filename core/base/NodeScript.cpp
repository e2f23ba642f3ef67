#include "base/NodeScript.h"

#include <array>
#include <string_view>

namespace nr1 {

namespace embedded {
// Defined in the source that cmake/EmbedNodeScripts.cmake generates from core/scripts/*.sh: the
// body of core/scripts/NAME, a null view when there is no such file.
std::string_view nodeScriptFile(std::string_view name);
} // namespace embedded

namespace {

const char* fileName(NodeScript script) {
    switch (script) {
    case NodeScript::Probe:
        return "probe.sh";
    case NodeScript::Watch:
        return "watch.sh";
    case NodeScript::LockTake:
        return "lock-take.sh";
    case NodeScript::LockRelease:
        return "lock-release.sh";
    case NodeScript::LockShow:
        return "lock-show.sh";
    case NodeScript::LockBreak:
        return "lock-break.sh";
    case NodeScript::LockBreakStale:
        return "lock-break-stale.sh";
    case NodeScript::MdGrowWhole:
        return "md-grow-whole.sh";
    case NodeScript::WaitSessionLogin:
        return "wait-session-login.sh";
    case NodeScript::WaitBlockDevice:
        return "wait-block-device.sh";
    case NodeScript::WaitGrownElement:
        return "wait-grown-element.sh";
    case NodeScript::VerifyArray:
        return "verify-array.sh";
    case NodeScript::MdRepairRegion:
        return "md-repair-region.sh";
    case NodeScript::MdWholeIdle:
        return "md-whole-idle.sh";
    case NodeScript::MdWriteMostly:
        return "md-write-mostly.sh";
    case NodeScript::MdLegCheck:
        return "md-leg-check.sh";
    case NodeScript::MdAddLeg:
        return "md-add-leg.sh";
    case NodeScript::MdStartBothLegs:
        return "md-start-both-legs.sh";
    case NodeScript::IscsiForget:
        return "iscsi-forget.sh";
    case NodeScript::IscsiRecordDrop:
        return "iscsi-record-drop.sh";
    case NodeScript::MdadmArrayLineAdd:
        return "mdadm-array-line-add.sh";
    case NodeScript::MdadmIgnoreAdd:
        return "mdadm-ignore-add.sh";
    case NodeScript::MdadmIgnoreRemove:
        return "mdadm-ignore-remove.sh";
    case NodeScript::MdadmIgnoreDrop:
        return "mdadm-ignore-drop.sh";
    case NodeScript::LioRestoreDropin:
        return "lio-restore-dropin.sh";
    case NodeScript::LioAclChap:
        return "lio-acl-chap.sh";
    case NodeScript::RemoveUnitFile:
        return "remove-unit-file.sh";
    case NodeScript::WriteFile:
        return "write-file.sh";
    case NodeScript::ReplaceFile:
        return "replace-file.sh";
    case NodeScript::FileDropNul:
        return "file-drop-nul.sh";
    case NodeScript::BootGate:
        return "boot-gate.sh";
    case NodeScript::BootGateInstall:
        return "boot-gate-install.sh";
    case NodeScript::FrontAddress:
        return "front-address.sh";
    case NodeScript::StopStep:
        return "stop-step.sh";
    }
    qFatal("unknown NodeScript %d", int(script));
}

} // namespace

QString nodeScriptFileName(NodeScript script) {
    return QString::fromLatin1(fileName(script));
}

QString nodeScript(NodeScript script) {
    // Decoded once: previews compare every argument of every step with every body.
    static const std::array<QString, std::size_t(NodeScript::StopStep) + 1> bodies = [] {
        std::array<QString, std::size_t(NodeScript::StopStep) + 1> decoded;
        for (std::size_t i = 0; i < decoded.size(); ++i) {
            const char* name = fileName(NodeScript(i));
            const std::string_view body = embedded::nodeScriptFile(name);
            // Only a build without core/scripts/NAME gets here; scripts/check-node-scripts
            // catches it.
            if (body.data() == nullptr)
                qFatal("node script core/scripts/%s is not embedded", name);
            decoded[i] = QString::fromUtf8(body.data(), qsizetype(body.size()));
        }
        return decoded;
    }();
    return bodies[std::size_t(script)];
}

QStringList nodeScriptArgv(NodeScript script, const QStringList& arguments) {
    return QStringList{QStringLiteral("sh"), QStringLiteral("-c"), nodeScript(script),
                       QStringLiteral("sh")} +
           arguments;
}

std::optional<NodeScript> nodeScriptOf(const QStringList& argv) {
    if (argv.size() < 4 || argv[0] != QLatin1String("sh") || argv[1] != QLatin1String("-c") ||
        argv[3] != QLatin1String("sh"))
        return std::nullopt;
    return nodeScriptWithBody(argv[2]);
}

std::optional<NodeScript> nodeScriptWithBody(const QString& text) {
    for (int i = 0; i <= int(NodeScript::StopStep); ++i)
        if (nodeScript(NodeScript(i)) == text)
            return NodeScript(i);
    return std::nullopt;
}

} // namespace nr1
