// Tests for the LIO saveconfig.json parser and the LioConfig look-ups. Expected values were read
// from the fixtures (testbed captures of targetcli-fb 2.1.53 and a real fileio/CHAP config from
// the target-devel list) or from the constructed input next to each test.

#include "Fixtures.h"
#include "ParseAssertions.h"
#include "probe/SaveconfigParser.h"

using namespace nr1;

namespace {

/// A saveconfig with one iSCSI target whose single TPG has `tpgFields` (JSON members).
QString configWithTpg(const QString& tpgFields) {
    return QStringLiteral(R"({
  "fabric_modules": [],
  "storage_objects": [],
  "targets": [
    {
      "fabric": "iscsi",
      "tpgs": [
        {%1}
      ],
      "wwn": "iqn.2024-01.test.testbed:secondary.elem0"
    }
  ]
})")
        .arg(tpgFields);
}

} // namespace

class TestSaveconfig : public QObject {
    Q_OBJECT
private slots:
    void testbedConfig_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("objectName");
        QTest::addColumn<QString>("objectDev");
        QTest::addColumn<QString>("objectWwn");
        QTest::addColumn<QString>("targetWwn");
        QTest::addColumn<QString>("lunPath");
        QTest::addColumn<QString>("lunAlias");
        QTest::addColumn<QString>("initiator");
        QTest::addColumn<QString>("portalAddress");

        QTest::newRow("primary (exports the md array)") << "testbed/saveconfig_primary.json"
                                                        << "lun0"
                                                        << "/dev/vg_export/lun0"
                                                        << "543b5857-6021-41dd-a21b-3c09d8828181"
                                                        << "iqn.2024-01.test.testbed:primary.lun0"
                                                        << "/backstores/block/lun0"
                                                        << "6502b3a5d8"
                                                        << "iqn.2024-01.test.host:libiscsi"
                                                        << "0.0.0.0";
        QTest::newRow("secondary (exports its element)")
            << "testbed/saveconfig_secondary.json"
            << "elem0"
            << "/dev/vg_sec/elem0"
            << "c00efcc8-cf56-4a29-98ee-df6755ca218d"
            << "iqn.2024-01.test.testbed:secondary.elem0"
            << "/backstores/block/elem0"
            << "ea9035a62e"
            << "iqn.2024-01.test.testbed:primary"
            << "10.99.0.2";
    }

    void testbedConfig() {
        QFETCH(QString, file);
        QFETCH(QString, objectName);
        QFETCH(QString, objectDev);
        QFETCH(QString, objectWwn);
        QFETCH(QString, targetWwn);
        QFETCH(QString, lunPath);
        QFETCH(QString, lunAlias);
        QFETCH(QString, initiator);
        QFETCH(QString, portalAddress);

        const auto result = parseSaveconfig(fixture(file));
        VERIFY_OK(result);
        QVERIFY(result.warnings().empty());
        const LioConfig& config = result.value();

        QCOMPARE(config.storageObjects.size(), std::size_t(1));
        const StorageObject& object = config.storageObjects.front();
        QCOMPARE(object.name, objectName);
        QCOMPARE(object.plugin, QStringLiteral("block"));
        QCOMPARE(object.dev, objectDev);
        QCOMPARE(object.wwn, objectWwn);
        QCOMPARE(object.readOnly, false);
        QVERIFY(object.writeBack.has_value());
        QCOMPARE(*object.writeBack, false);
        QVERIFY(!object.sizeBytes.has_value()); // block backstores have no "size"
        QCOMPARE(object.configPath(), lunPath);

        QCOMPARE(config.targets.size(), std::size_t(1));
        const LioTarget& target = config.targets.front();
        QCOMPARE(target.fabric, QStringLiteral("iscsi"));
        QCOMPARE(target.wwn, targetWwn);
        QCOMPARE(target.tpgs.size(), std::size_t(1));

        const Tpg& tpg = target.tpgs.front();
        QCOMPARE(tpg.tag, 1);
        QCOMPARE(tpg.enabled, true);
        QCOMPARE(tpg.authentication, false);   // "authentication": 0
        QCOMPARE(tpg.generateNodeAcls, false); // "generate_node_acls": 0
        QCOMPARE(tpg.authMethod, QStringLiteral("CHAP,None"));
        QVERIFY(!tpg.chap.isSet());
        QCOMPARE(tpg.chap, ChapCredentials{});

        QCOMPARE(tpg.luns.size(), std::size_t(1));
        QCOMPARE(tpg.luns.front().index, 0);
        QCOMPARE(tpg.luns.front().storageObject, lunPath);
        QCOMPARE(tpg.luns.front().alias, lunAlias);

        QCOMPARE(tpg.nodeAcls.size(), std::size_t(1));
        const NodeAcl& acl = tpg.nodeAcls.front();
        QCOMPARE(acl.nodeWwn, initiator);
        QVERIFY(!acl.chap.isSet());
        QCOMPARE(acl.mappedLuns.size(), std::size_t(1));
        QCOMPARE(acl.mappedLuns.front().index, 0);
        QCOMPARE(acl.mappedLuns.front().tpgLun, 0);
        QCOMPARE(acl.mappedLuns.front().writeProtect, false);

        QCOMPARE(tpg.portals.size(), std::size_t(1));
        QCOMPARE(tpg.portals.front().ipAddress, portalAddress);
        QCOMPARE(tpg.portals.front().port, 3260);
        QCOMPARE(tpg.portals.front().iser, false);

        QVERIFY(!config.discoveryAuth.has_value()); // "fabric_modules": []

        // look-ups
        const StorageObject* found = config.findStorageObject(lunPath);
        QVERIFY(found);
        QCOMPARE(found, &config.storageObjects.front());
        QCOMPARE(config.findTarget(targetWwn), &config.targets.front());
        QVERIFY(!config.findTarget(targetWwn + QStringLiteral("x")));
        QVERIFY(!config.findStorageObject(QStringLiteral("/backstores/fileio/") + objectName));
    }

    void primaryAndSecondaryDiffer() {
        const auto primary =
            parseSaveconfig(fixture(QStringLiteral("testbed/saveconfig_primary.json")));
        const auto secondary =
            parseSaveconfig(fixture(QStringLiteral("testbed/saveconfig_secondary.json")));
        VERIFY_OK(primary);
        VERIFY_OK(secondary);
        QVERIFY(!(primary.value() == secondary.value()));
        QVERIFY(
            primary.value() ==
            parseSaveconfig(fixture(QStringLiteral("testbed/saveconfig_primary.json"))).value());
    }

    void fileioStorageObjects_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("dev");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("wwn");

        QTest::newRow("dxmedia3") << 0 << "dxmedia3"
                                  << "/media/iscsi-tgt/dx_media_3.img" << qint64(429496729600)
                                  << "a53bd5cc-85d7-47dc-a4d2-9682e9a7b82a";
        QTest::newRow("dxdep3") << 1 << "dxdep3"
                                << "/media/iscsi-tgt/dx_dep_3.img" << qint64(966367641600)
                                << "253f2cc0-209c-4a93-b110-9dc45e52229e";
        QTest::newRow("dxmedia2") << 2 << "dxmedia2"
                                  << "/media/iscsi-tgt/dx_media_2.img" << qint64(858993459200)
                                  << "da09b66d-5b23-4540-ab4a-f00b03af294f";
        QTest::newRow("dxdep2") << 3 << "dxdep2"
                                << "/media/iscsi-tgt/dx_dep_2.img" << qint64(858993459200)
                                << "924a476a-482f-414e-8011-83909d8b3b6e";
    }

    void fileioStorageObjects() {
        QFETCH(int, index);
        QFETCH(QString, name);
        QFETCH(QString, dev);
        QFETCH(qint64, size);
        QFETCH(QString, wwn);

        const auto result = parseSaveconfig(
            fixture(QStringLiteral("public/targetcli_saveconfig_fileio_chap_forza.json")));
        VERIFY_OK(result);
        const LioConfig& config = result.value();
        QCOMPARE(config.storageObjects.size(), std::size_t(4));
        const StorageObject& object = config.storageObjects.at(std::size_t(index));
        QCOMPARE(object.name, name);
        QCOMPARE(object.plugin, QStringLiteral("fileio"));
        QCOMPARE(object.dev, dev);
        QVERIFY(object.sizeBytes.has_value());
        QCOMPARE(*object.sizeBytes, size);
        QCOMPARE(object.wwn, wwn);
        QCOMPARE(object.readOnly, false); // no "readonly" key in this older rtslib dump
        QCOMPARE(object.writeBack, std::optional<bool>(true));
        QCOMPARE(object.configPath(), QStringLiteral("/backstores/fileio/") + name);
        QCOMPARE(config.findStorageObject(object.configPath()), &object);
    }

    void fileioTpgWithChap() {
        const auto result = parseSaveconfig(
            fixture(QStringLiteral("public/targetcli_saveconfig_fileio_chap_forza.json")));
        VERIFY_OK(result);
        const LioConfig& config = result.value();
        QVERIFY(!config.discoveryAuth.has_value());
        QCOMPARE(config.targets.size(), std::size_t(1));
        const LioTarget& target = config.targets.front();
        QCOMPARE(target.wwn, QStringLiteral("iqn.2020-02.{redacted}:san01"));
        QCOMPARE(target.fabric, QStringLiteral("iscsi"));
        QCOMPARE(target.tpgs.size(), std::size_t(1));
        const Tpg& tpg = target.tpgs.front();
        QCOMPARE(tpg.tag, 1);
        QVERIFY(tpg.enabled);
        QCOMPARE(tpg.authentication, false);
        QCOMPARE(tpg.generateNodeAcls, false);
        QCOMPARE(tpg.authMethod, QStringLiteral("CHAP,None"));

        // TPG-level credentials
        QVERIFY(tpg.chap.isSet());
        QCOMPARE(tpg.chap.userId, QStringLiteral("iqn.1991-05.com.microsoft:{redacted}"));
        QCOMPARE(tpg.chap.password, QStringLiteral("{redacted}"));
        QCOMPARE(tpg.chap.mutualUserId, QString());
        QCOMPARE(tpg.chap.mutualPassword, QString());

        // LUNs in file order (not sorted by index)
        const std::vector<std::pair<int, QString>> luns = {
            {1, QStringLiteral("/backstores/fileio/dxmedia3")},
            {0, QStringLiteral("/backstores/fileio/dxdep3")},
            {3, QStringLiteral("/backstores/fileio/dxmedia2")},
            {2, QStringLiteral("/backstores/fileio/dxdep2")}};
        QCOMPARE(tpg.luns.size(), luns.size());
        for (std::size_t i = 0; i < luns.size(); ++i) {
            QCOMPARE(tpg.luns[i].index, luns[i].first);
            QCOMPARE(tpg.luns[i].storageObject, luns[i].second);
            const StorageObject* object = config.findStorageObject(tpg.luns[i].storageObject);
            QVERIFY(object);
            QCOMPARE(object->plugin, QStringLiteral("fileio"));
        }
        QCOMPARE(tpg.luns[0].alias, QStringLiteral("0cc1743f36"));
        QCOMPARE(tpg.luns[3].alias, QStringLiteral("aa08fefd1d"));

        // the ACL with mutual CHAP
        QCOMPARE(tpg.nodeAcls.size(), std::size_t(1));
        const NodeAcl& acl = tpg.nodeAcls.front();
        QCOMPARE(acl.nodeWwn, QStringLiteral("iqn.1991-05.com.microsoft:{redacted}"));
        QCOMPARE(acl.chap,
                 (ChapCredentials{QStringLiteral("iqn.1991-05.com.microsoft:{redacted}"),
                                  QStringLiteral("{redacted}"), QStringLiteral("{redacted}"),
                                  QStringLiteral("{redacted}")}));
        QVERIFY(acl.chap.isSet());
        const std::vector<MappedLun> mapped = {
            {1, 1, false}, {0, 0, false}, {3, 3, false}, {2, 2, false}};
        QCOMPARE(acl.mappedLuns.size(), mapped.size());
        for (std::size_t i = 0; i < mapped.size(); ++i) {
            QCOMPARE(acl.mappedLuns[i].index, mapped[i].index);
            QCOMPARE(acl.mappedLuns[i].tpgLun, mapped[i].tpgLun);
            QCOMPARE(acl.mappedLuns[i].writeProtect, mapped[i].writeProtect);
        }

        QCOMPARE(tpg.portals.size(), std::size_t(1));
        QCOMPARE(tpg.portals.front(), (LioPortal{QStringLiteral("{redacted}"), 3260, false}));
    }

    void discoveryAuth_data() {
        QTest::addColumn<QString>("modules");
        QTest::addColumn<bool>("present");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("mutualUserId");
        QTest::addColumn<QString>("mutualPassword");

        QTest::newRow("mutual discovery CHAP")
            << R"([{"discovery_enable_auth": true, "discovery_mutual_password": "mpass",
                    "discovery_mutual_userid": "muser", "discovery_password": "pass",
                    "discovery_userid": "user", "name": "iscsi"}])"
            << true << true << "user"
            << "pass"
            << "muser"
            << "mpass";
        QTest::newRow("one-way, old rtslib 0/1")
            << R"([{"discovery_enable_auth": 1, "discovery_password": "pass",
                    "discovery_userid": "user", "name": "iscsi"}])"
            << true << true << "user"
            << "pass"
            << ""
            << "";
        QTest::newRow("disabled, no credentials")
            << R"([{"discovery_enable_auth": false, "name": "iscsi"}])" << true << false << ""
            << ""
            << ""
            << "";
        QTest::newRow("other fabric only")
            << R"([{"discovery_enable_auth": true, "discovery_userid": "x", "name": "srpt"}])"
            << false << false << ""
            << ""
            << ""
            << "";
        QTest::newRow("iscsi after another fabric")
            << R"([{"name": "loopback"}, {"discovery_enable_auth": true,
                    "discovery_userid": "u2", "discovery_password": "p2", "name": "iscsi"}])"
            << true << true << "u2"
            << "p2"
            << ""
            << "";
        QTest::newRow("empty list") << "[]" << false << false << ""
                                    << ""
                                    << ""
                                    << "";
    }

    void discoveryAuth() {
        QFETCH(QString, modules);
        QFETCH(bool, present);
        QFETCH(bool, enabled);
        QFETCH(QString, userId);
        QFETCH(QString, password);
        QFETCH(QString, mutualUserId);
        QFETCH(QString, mutualPassword);

        const auto result = parseSaveconfig(
            QStringLiteral(R"({"fabric_modules": %1, "storage_objects": [], "targets": []})")
                .arg(modules));
        VERIFY_OK(result);
        QCOMPARE(result.value().discoveryAuth.has_value(), present);
        if (!present)
            return;
        const DiscoveryAuth& auth = *result.value().discoveryAuth;
        QCOMPARE(auth.enabled, enabled);
        QCOMPARE(auth.chap.userId, userId);
        QCOMPARE(auth.chap.password, password);
        QCOMPARE(auth.chap.mutualUserId, mutualUserId);
        QCOMPARE(auth.chap.mutualPassword, mutualPassword);
    }

    void constructedVariants() {
        // Read-only backstore, write_back absent, a write-protected mapping, a disabled TPG in
        // demo mode with authentication on, an iSER portal and a second TPG.
        const QString text = QStringLiteral(R"({
  "fabric_modules": [],
  "storage_objects": [
    {"dev": "/dev/vg_sec/elem1", "name": "elem1", "plugin": "block", "readonly": true,
     "wwn": "0f0e0d0c-0b0a-0908-0706-050403020100"},
    {"name": "rd0", "plugin": "ramdisk", "size": 1073741824, "wwn": "aa"}
  ],
  "targets": [
    {
      "fabric": "iscsi",
      "tpgs": [
        {
          "attributes": {"authentication": 1, "generate_node_acls": 1},
          "chap_userid": "tpguser",
          "chap_password": "tpgpass",
          "enable": false,
          "luns": [{"index": 7, "storage_object": "/backstores/block/elem1"}],
          "node_acls": [
            {"mapped_luns": [{"index": 3, "tpg_lun": 7, "write_protect": true}],
             "node_wwn": "iqn.2024-01.test.testbed:primary"}
          ],
          "parameters": {"AuthMethod": "CHAP"},
          "portals": [{"ip_address": "10.99.0.2", "iser": true, "port": 3261}],
          "tag": 1
        },
        {"enable": 1, "tag": 2}
      ],
      "wwn": "iqn.2024-01.test.testbed:secondary.elem1"
    },
    {"fabric": "loopback", "tpgs": [{"tag": 1}], "wwn": "naa.5001405aabbccdd0"}
  ]
})");
        const auto result = parseSaveconfig(text);
        VERIFY_OK(result);
        const LioConfig& config = result.value();

        QCOMPARE(config.storageObjects.size(), std::size_t(2));
        QCOMPARE(config.storageObjects[0].readOnly, true);
        QVERIFY(!config.storageObjects[0].writeBack.has_value());
        QCOMPARE(config.storageObjects[1].plugin, QStringLiteral("ramdisk"));
        QCOMPARE(config.storageObjects[1].dev, QString());
        QCOMPARE(config.storageObjects[1].sizeBytes, std::optional<qint64>(1073741824));
        QCOMPARE(config.storageObjects[1].configPath(), QStringLiteral("/backstores/ramdisk/rd0"));

        QCOMPARE(config.targets.size(), std::size_t(2));
        const Tpg& tpg = config.targets[0].tpgs.at(0);
        QCOMPARE(tpg.enabled, false);
        QCOMPARE(tpg.authentication, true);
        QCOMPARE(tpg.generateNodeAcls, true);
        QCOMPARE(tpg.authMethod, QStringLiteral("CHAP"));
        QCOMPARE(tpg.chap.userId, QStringLiteral("tpguser"));
        QCOMPARE(tpg.chap.password, QStringLiteral("tpgpass"));
        QCOMPARE(tpg.luns.size(), std::size_t(1));
        QCOMPARE(tpg.luns[0].index, 7);
        QCOMPARE(tpg.luns[0].alias, QString());
        QCOMPARE(tpg.nodeAcls.at(0).mappedLuns.size(), std::size_t(1));
        QCOMPARE(tpg.nodeAcls[0].mappedLuns[0].index, 3);
        QCOMPARE(tpg.nodeAcls[0].mappedLuns[0].tpgLun, 7);
        QCOMPARE(tpg.nodeAcls[0].mappedLuns[0].writeProtect, true);
        QCOMPARE(tpg.portals.at(0), (LioPortal{QStringLiteral("10.99.0.2"), 3261, true}));

        const Tpg& second = config.targets[0].tpgs.at(1);
        QCOMPARE(second.tag, 2);
        QCOMPARE(second.enabled, true); // "enable": 1
        QVERIFY(second.luns.empty());
        QVERIFY(second.portals.empty());
        QCOMPARE(second.authMethod, QString());

        // a target of another fabric is kept
        QCOMPARE(config.targets[1].fabric, QStringLiteral("loopback"));
        QCOMPARE(config.findTarget(QStringLiteral("naa.5001405aabbccdd0")), &config.targets[1]);
        QCOMPARE(config.findTarget(QStringLiteral("iqn.2024-01.test.testbed:secondary.elem1")),
                 &config.targets[0]);
        QCOMPARE(config.findStorageObject(QStringLiteral("/backstores/block/elem1")),
                 &config.storageObjects[0]);
        QVERIFY(!config.findStorageObject(QStringLiteral("/backstores/block/rd0")));
        QVERIFY(!config.findStorageObject(QStringLiteral("elem1")));
    }

    void emptyConfig_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("all lists empty")
            << QStringLiteral(R"({"fabric_modules": [], "storage_objects": [], "targets": []})");
        QTest::newRow("storage_objects only") << QStringLiteral(R"({"storage_objects": []})");
        QTest::newRow("targets only") << QStringLiteral(R"({"targets": []})");
    }

    void emptyConfig() {
        QFETCH(QString, text);
        const auto result = parseSaveconfig(text);
        VERIFY_OK(result);
        QCOMPARE(result.value(), LioConfig{});
        QVERIFY(!result.value().findTarget(QStringLiteral("iqn.2024-01.test.testbed:x")));
        QVERIFY(!result.value().findStorageObject(QStringLiteral("/backstores/block/x")));
    }

    void configPath_data() {
        QTest::addColumn<QString>("plugin");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("path");
        QTest::newRow("block") << "block"
                               << "elem0"
                               << "/backstores/block/elem0";
        QTest::newRow("fileio") << "fileio"
                                << "dxdep2"
                                << "/backstores/fileio/dxdep2";
        QTest::newRow("ramdisk") << "ramdisk"
                                 << "rd0"
                                 << "/backstores/ramdisk/rd0";
    }

    void configPath() {
        QFETCH(QString, plugin);
        QFETCH(QString, name);
        QFETCH(QString, path);
        StorageObject object;
        object.plugin = plugin;
        object.name = name;
        QCOMPARE(object.configPath(), path);
    }

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expectedContains");
        QTest::addColumn<QString>("found");

        QTest::newRow("tpg without tag")
            << configWithTpg(QStringLiteral(R"("enable": true, "luns": [])")) << 0
            << "targets[0].tpgs[0].tag"
            << "nothing";
        QTest::newRow("tag out of range")
            << configWithTpg(QStringLiteral(R"("tag": 70000)")) << 0 << "targets[0].tpgs[0].tag"
            << "70000";
        QTest::newRow("lun index x")
            << configWithTpg(QStringLiteral(
                   R"("tag": 1, "luns": [{"index": "x", "storage_object": "/backstores/block/a"}])"))
            << 0 << "targets[0].tpgs[0].luns[0].index"
            << "x";
        QTest::newRow("lun without storage_object")
            << configWithTpg(QStringLiteral(R"("tag": 1, "luns": [{"index": 0}])")) << 0
            << "targets[0].tpgs[0].luns[0].storage_object"
            << "nothing";
        QTest::newRow("mapped lun without tpg_lun")
            << configWithTpg(QStringLiteral(
                   R"("tag": 1, "node_acls": [{"node_wwn": "iqn.2024-01.a:b", "mapped_luns": [{"index": 0}]}])"))
            << 0 << "targets[0].tpgs[0].node_acls[0].mapped_luns[0].tpg_lun"
            << "nothing";
        QTest::newRow("acl without node_wwn")
            << configWithTpg(QStringLiteral(R"("tag": 1, "node_acls": [{"mapped_luns": []}])")) << 0
            << "targets[0].tpgs[0].node_acls[0].node_wwn"
            << "nothing";
        QTest::newRow("portal port a string")
            << configWithTpg(QStringLiteral(
                   R"("tag": 1, "portals": [{"ip_address": "0.0.0.0", "port": "http"}])"))
            << 0 << "targets[0].tpgs[0].portals[0].port"
            << "http";
        QTest::newRow("enable yes") << configWithTpg(QStringLiteral(R"("tag": 1, "enable": "yes")"))
                                    << 0 << "targets[0].tpgs[0].enable"
                                    << "yes";
        QTest::newRow("storage_objects not a list")
            << QStringLiteral(R"({"storage_objects": {"name": "lun0"}, "targets": []})") << 0
            << "'storage_objects' as a list"
            << "an object";
        QTest::newRow("storage object without plugin")
            << QStringLiteral(R"({"storage_objects": [{"name": "lun0", "dev": "/dev/x"}]})") << 0
            << "storage_objects[0].plugin"
            << "nothing";
        QTest::newRow("target without wwn")
            << QStringLiteral(R"({"targets": [{"fabric": "iscsi", "tpgs": []}]})") << 0
            << "targets[0].wwn"
            << "nothing";
        QTest::newRow("neither storage_objects nor targets")
            << QStringLiteral(R"({"fabric_modules": []})") << 0 << "storage_objects"
            << "nothing";
        QTest::newRow("top level a list")
            << QStringLiteral("[]") << 0 << "a JSON object" << QString();
        QTest::newRow("invalid JSON on line 3")
            << QStringLiteral("{\n  \"storage_objects\": [],\n  \"targets\": [,]\n}\n") << 3
            << "valid JSON"
            << "  \"targets\": [,]";
        QTest::newRow("empty input") << QString() << 1 << "valid JSON"
                                     << "";
    }

    void errors() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expectedContains);
        QFETCH(QString, found);

        const auto result = parseSaveconfig(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().source, QStringLiteral("saveconfig.json"));
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().expected.contains(expectedContains),
                 qPrintable(result.error().toString()));
        QCOMPARE(result.error().found, found);
    }
};

QTEST_GUILESS_MAIN(TestSaveconfig)
#include "tst_saveconfig.moc"
