#include "json/ParserCatalog.h"

#include "probe/AddressParser.h"
#include "probe/DiskLinksParser.h"
#include "probe/IscsiParsers.h"
#include "probe/LsblkParser.h"
#include "probe/LvmReportParser.h"
#include "probe/MdSysfsParser.h"
#include "probe/MdadmDetailParser.h"
#include "probe/MdadmExamineParser.h"
#include "probe/MdadmExportParser.h"
#include "probe/MdstatParser.h"
#include "probe/ProbeScript.h"
#include "probe/SaveconfigParser.h"
#include "probe/SignatureParsers.h"

#include "json/ModelJson.h"

namespace nr1 {

namespace {

template <typename T, typename Present>
ParsedJson present(const ParseResult<T>& result, Present toObject) {
    ParsedJson out;
    out.warnings = result.warnings();
    out.ok = result.ok();
    if (out.ok)
        out.json = toObject(result.value());
    else
        out.error = result.error();
    return out;
}

/// Parsers returning a single value present it as its own object.
template <auto Parser> ParsedJson asObject(QStringView text) {
    return present(Parser(text), [](const auto& value) { return toJson(value); });
}

/// Parsers returning a list present it under one key.
template <auto Parser, const char* Key> ParsedJson asList(QStringView text) {
    return present(Parser(text), [](const auto& values) {
        return QJsonObject{{QLatin1String(Key), toJsonArray(values)}};
    });
}

ParsedJson asAddresses(QStringView text) {
    return present(parseIpv4Addresses(text), [](const QMap<QString, QString>& addresses) {
        QJsonObject object;
        for (auto it = addresses.begin(); it != addresses.end(); ++it)
            object.insert(it.key(), it.value());
        return QJsonObject{{QStringLiteral("addresses"), object}};
    });
}

ParseResult<NodeState> parseFullProbe(QStringView text) {
    return parseNodeProbe(text, ProbeScope::Full);
}
ParseResult<NodeState> parseWatchProbe(QStringView text) {
    return parseNodeProbe(text, ProbeScope::Watch);
}

constexpr char kArrays[] = "arrays";
constexpr char kSuperblocks[] = "superblocks";
constexpr char kDevices[] = "devices";
constexpr char kSignatures[] = "signatures";
constexpr char kLinks[] = "links";
constexpr char kSessions[] = "sessions";
constexpr char kRecords[] = "records";
constexpr char kNodes[] = "nodes";

const ParserKind kKinds[] = {
    {QStringLiteral("mdstat"), QStringLiteral("cat /proc/mdstat"), &asObject<parseMdstat>},
    {QStringLiteral("md-sysfs"), QStringLiteral("grep -r -H -s . /sys/block/mdX/md"),
     &asList<parseMdSysfsDump, kArrays>},
    {QStringLiteral("mdadm-detail"), QStringLiteral("mdadm --detail /dev/mdX"),
     &asObject<parseMdadmDetail>},
    {QStringLiteral("mdadm-export"), QStringLiteral("mdadm --detail --export /dev/mdX"),
     &asObject<parseMdadmExport>},
    {QStringLiteral("mdadm-examine"), QStringLiteral("mdadm --examine DEVICE…"),
     &asList<parseMdadmExamine, kSuperblocks>},
    {QStringLiteral("lvm"), QStringLiteral("pvs|vgs|lvs --reportformat json"),
     &asObject<parseLvmReport>},
    {QStringLiteral("lsblk"), QStringLiteral("lsblk --json --bytes -o …"),
     &asList<parseLsblk, kDevices>},
    {QStringLiteral("wipefs"), QStringLiteral("wipefs --no-act --json DEVICE…"),
     &asList<parseWipefsJson, kSignatures>},
    {QStringLiteral("blkid"), QStringLiteral("blkid -p -o export DEVICE…"),
     &asList<parseBlkidExport, kSignatures>},
    {QStringLiteral("disk-links"),
     QStringLiteral("find /dev/disk/by-path /dev/disk/by-id -type l -printf '%p\\t%l\\n'"),
     &asList<parseDiskLinks, kLinks>},
    {QStringLiteral("saveconfig"), QStringLiteral("/etc/rtslib-fb-target/saveconfig.json"),
     &asObject<parseSaveconfig>},
    {QStringLiteral("iscsi-session"), QStringLiteral("iscsiadm -m session [-P 3]"),
     &asList<parseIscsiSessions, kSessions>},
    {QStringLiteral("iscsi-discovery"), QStringLiteral("iscsiadm -m discovery -t st -p IP"),
     &asList<parseIscsiDiscovery, kRecords>},
    {QStringLiteral("initiator-name"), QStringLiteral("/etc/iscsi/initiatorname.iscsi"),
     &asObject<parseInitiatorName>},
    {QStringLiteral("iscsi-nodes"), QStringLiteral("iscsiadm -m node -o show"),
     &asList<parseIscsiNodeRecords, kNodes>},
    {QStringLiteral("ip-addresses"), QStringLiteral("ip -o -4 addr show"), &asAddresses},
    {QStringLiteral("node-probe"), QStringLiteral("nr1's one-round-trip node probe"),
     &asObject<parseFullProbe>},
    {QStringLiteral("node-watch"),
     QStringLiteral("the monitor's cheap probe (mdstat, md sysfs, "
                    "iSCSI sessions)"),
     &asObject<parseWatchProbe>},
};

} // namespace

std::span<const ParserKind> parserKinds() {
    return kKinds;
}

const ParserKind* findParserKind(QStringView name) {
    for (const ParserKind& kind : kKinds)
        if (kind.name == name)
            return &kind;
    return nullptr;
}

} // namespace nr1
