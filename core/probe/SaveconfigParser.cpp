#include "probe/SaveconfigParser.h"

#include "probe/JsonFields.h"

namespace nr1 {

namespace {

const QString kSource = QStringLiteral("saveconfig.json");

int requiredInt(const JsonFields& fields, const QString& key) {
    const auto value = fields.integer(key);
    if (!value || *value < 0 || *value > 0xffff)
        fields.fail(key, QStringLiteral("a number from 0 to 65535"));
    return int(*value);
}

ChapCredentials readChap(const JsonFields& fields, const QString& prefix) {
    ChapCredentials chap;
    chap.userId = fields.string(prefix + QStringLiteral("userid"));
    chap.password = fields.string(prefix + QStringLiteral("password"));
    chap.mutualUserId = fields.string(prefix + QStringLiteral("mutual_userid"));
    chap.mutualPassword = fields.string(prefix + QStringLiteral("mutual_password"));
    return chap;
}

StorageObject readStorageObject(const JsonFields& fields) {
    StorageObject object;
    object.name = fields.requiredString(QStringLiteral("name"));
    object.plugin = fields.requiredString(QStringLiteral("plugin"));
    object.dev = fields.string(QStringLiteral("dev"));
    object.sizeBytes = fields.integer(QStringLiteral("size"));
    object.wwn = fields.string(QStringLiteral("wwn"));
    object.readOnly = fields.boolean(QStringLiteral("readonly"), false);
    if (fields.has(QStringLiteral("write_back")))
        object.writeBack = fields.boolean(QStringLiteral("write_back"), false);
    return object;
}

Tpg readTpg(const JsonFields& fields) {
    Tpg tpg;
    tpg.tag = requiredInt(fields, QStringLiteral("tag"));
    tpg.enabled = fields.boolean(QStringLiteral("enable"), false);
    for (const JsonFields& lun : fields.objects(QStringLiteral("luns")))
        tpg.luns.push_back(LioLun{requiredInt(lun, QStringLiteral("index")),
                                  lun.requiredString(QStringLiteral("storage_object")),
                                  lun.string(QStringLiteral("alias"))});
    for (const JsonFields& acl : fields.objects(QStringLiteral("node_acls"))) {
        NodeAcl nodeAcl;
        nodeAcl.nodeWwn = acl.requiredString(QStringLiteral("node_wwn"));
        nodeAcl.chap = readChap(acl, QStringLiteral("chap_"));
        for (const JsonFields& mapped : acl.objects(QStringLiteral("mapped_luns")))
            nodeAcl.mappedLuns.push_back(
                MappedLun{requiredInt(mapped, QStringLiteral("index")),
                          requiredInt(mapped, QStringLiteral("tpg_lun")),
                          mapped.boolean(QStringLiteral("write_protect"), false)});
        tpg.nodeAcls.push_back(nodeAcl);
    }
    for (const JsonFields& portal : fields.objects(QStringLiteral("portals")))
        tpg.portals.push_back(LioPortal{portal.requiredString(QStringLiteral("ip_address")),
                                        requiredInt(portal, QStringLiteral("port")),
                                        portal.boolean(QStringLiteral("iser"), false)});
    if (const auto attributes = fields.object(QStringLiteral("attributes"))) {
        tpg.authentication = attributes->boolean(QStringLiteral("authentication"), false);
        tpg.generateNodeAcls = attributes->boolean(QStringLiteral("generate_node_acls"), false);
    }
    if (const auto parameters = fields.object(QStringLiteral("parameters")))
        tpg.authMethod = parameters->string(QStringLiteral("AuthMethod"));
    tpg.chap = readChap(fields, QStringLiteral("chap_"));
    return tpg;
}

} // namespace

ParseResult<LioConfig> parseSaveconfig(QStringView text) {
    return runParser<LioConfig>([&] {
        const JsonFields root(kSource, QString(), parseJsonObject(kSource, text));
        if (!root.has(QStringLiteral("storage_objects")) && !root.has(QStringLiteral("targets")))
            root.fail(QStringLiteral("storage_objects"),
                      QStringLiteral("the list of storage objects"));
        LioConfig config;
        for (const JsonFields& object : root.objects(QStringLiteral("storage_objects")))
            config.storageObjects.push_back(readStorageObject(object));
        for (const JsonFields& target : root.objects(QStringLiteral("targets"))) {
            LioTarget value;
            value.fabric = target.requiredString(QStringLiteral("fabric"));
            value.wwn = target.requiredString(QStringLiteral("wwn"));
            for (const JsonFields& tpg : target.objects(QStringLiteral("tpgs")))
                value.tpgs.push_back(readTpg(tpg));
            config.targets.push_back(value);
        }
        for (const JsonFields& module : root.objects(QStringLiteral("fabric_modules"))) {
            if (module.string(QStringLiteral("name")) != QLatin1String("iscsi"))
                continue;
            DiscoveryAuth auth;
            auth.enabled = module.boolean(QStringLiteral("discovery_enable_auth"), false);
            auth.chap = readChap(module, QStringLiteral("discovery_"));
            config.discoveryAuth = auth;
        }
        return ParseResult<LioConfig>(std::move(config));
    });
}

} // namespace nr1
