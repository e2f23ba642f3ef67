// The inventory editor's document: line edits that keep everything else byte for byte (through
// the document and on the text alone), the fallback that writes the file anew, the reader as the
// judge of a typed pair (the pair form's checks), atomic saves.

#include "inventory/InventoryDocument.h"
#include "inventory/InventoryText.h"
#include "inventory/PairForm.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace nr1;

namespace {

const QString kTwoPairs = QStringLiteral("# Lab inventory, kept by hand.\n"
                                         "\n"
                                         "version: 1   # odd spacing stays\n"
                                         "known_hosts:  known_hosts\n"
                                         "pairs:\n"
                                         "# the lab pair\n"
                                         "    -   name: lab\n"
                                         "        primary:\n"
                                         "           host: 10.0.0.1   # rack 3\n"
                                         "           identity: keys/id_ed25519\n"
                                         "        secondary: {host: 10.0.0.2, port: 2222}\n"
                                         "    # trailing comment of lab\n"
                                         "\n"
                                         "    - name: backup\n"
                                         "      primary:\n"
                                         "        host: b1\n"
                                         "        identity: ~/.ssh/id_backup\n"
                                         "      secondary:\n"
                                         "        host: b2\n"
                                         "# the end\n");

InventoryPair pairNamed(const QString& name) {
    InventoryPair pair;
    pair.name = name;
    pair.primary.host = QStringLiteral("10.1.0.1");
    pair.primary.port = 22;
    pair.primary.user = QStringLiteral("root");
    pair.primary.identity = QStringLiteral("keys/new");
    pair.primary.replicationAddress = QStringLiteral("10.99.1.1");
    pair.primary.initiatorName = QStringLiteral("iqn.2024-01.test.new:primary");
    pair.secondary.host = QStringLiteral("node-b");
    pair.secondary.replicationAddress = QStringLiteral("10.99.1.2");
    pair.secondary.iscsiPort = 3261;
    return pair;
}

InventoryDocument documentOf(const QString& text,
                             const QString& path = QStringLiteral("/etc/nr1/inventory.yaml")) {
    const auto read = InventoryDocument::fromText(text, path);
    if (!read.ok())
        qFatal("fixture does not parse: %s", qPrintable(read.error().toString()));
    return read.value();
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("<missing>");
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

PairFields twoHosts(const QString& name, const QString& primary, const QString& secondary) {
    PairFields fields;
    fields.name = name;
    fields.primary.host = primary;
    fields.secondary.host = secondary;
    return fields;
}

QStringList messagesOf(const PairCheck& check) {
    QStringList messages;
    for (const PairProblem& problem : check.problems)
        messages << problem.message;
    return messages;
}

} // namespace

class TestInventoryDocument : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void pathsStayAsWritten() {
        const InventoryDocument document = documentOf(kTwoPairs);
        QCOMPARE(document.inventory().knownHostsFile, QStringLiteral("known_hosts"));
        QCOMPARE(document.inventory().pairs.size(), std::size_t(2));
        QCOMPARE(document.inventory().pairs[0].primary.identity, QStringLiteral("keys/id_ed25519"));
        QCOMPARE(document.inventory().pairs[1].primary.identity,
                 QStringLiteral("~/.ssh/id_backup"));
        QCOMPARE(document.pairIndex(QStringLiteral("backup")), std::optional<std::size_t>(1));
        // The console's reading still resolves them, through the same reader.
        const auto resolved = parseInventory(kTwoPairs, QStringLiteral("/etc/nr1"));
        QVERIFY(resolved.ok());
        QCOMPARE(resolved.value().pairs[0].primary.identity,
                 QStringLiteral("/etc/nr1/keys/id_ed25519"));
    }

    void addAppendsAfterTheLastPairInItsStyle() {
        InventoryDocument document = documentOf(kTwoPairs);
        const InventoryEdit edit = document.addPair(pairNamed(QStringLiteral("new")));
        QVERIFY2(edit.applied, qPrintable(edit.message));
        QVERIFY(edit.layoutKept);
        const QString added =
            QStringLiteral("    - name: new\n"
                           "      primary:\n"
                           "        host: 10.1.0.1\n"
                           "        port: 22\n"
                           "        user: root\n"
                           "        identity: keys/new\n"
                           "        replication_address: 10.99.1.1\n"
                           "        initiator_name: iqn.2024-01.test.new:primary\n"
                           "      secondary:\n"
                           "        host: node-b\n"
                           "        replication_address: 10.99.1.2\n"
                           "        iscsi_port: 3261\n");
        QString expected = kTwoPairs;
        expected.insert(expected.indexOf(QLatin1String("# the end")), added);
        QCOMPARE(document.text(), expected);
        QCOMPARE(document.inventory().pairs.size(), std::size_t(3));
        QCOMPARE(document.inventory().pairs[2], pairNamed(QStringLiteral("new")));
    }

    void replaceRewritesOnlyThatPairInPlace() {
        InventoryDocument document = documentOf(kTwoPairs);
        InventoryPair lab = document.inventory().pairs[0];
        lab.primary.port = 2200;
        lab.frontEndAddress = QStringLiteral("10.0.0.100/24");
        const InventoryEdit edit = document.replacePair(0, lab);
        QVERIFY2(edit.applied, qPrintable(edit.message));
        QVERIFY(edit.layoutKept);
        QString expected = kTwoPairs;
        const QString old = QStringLiteral("    -   name: lab\n"
                                           "        primary:\n"
                                           "           host: 10.0.0.1   # rack 3\n"
                                           "           identity: keys/id_ed25519\n"
                                           "        secondary: {host: 10.0.0.2, port: 2222}\n");
        const QString written = QStringLiteral("    -   name: lab\n"
                                               "        primary:\n"
                                               "           host: 10.0.0.1\n"
                                               "           port: 2200\n"
                                               "           identity: keys/id_ed25519\n"
                                               "        secondary:\n"
                                               "           host: 10.0.0.2\n"
                                               "           port: 2222\n"
                                               "        frontend_address: 10.0.0.100/24\n");
        QVERIFY(expected.contains(old));
        expected.replace(old, written);
        QCOMPARE(document.text(), expected);
        QCOMPARE(document.inventory().pairs[0], lab);
    }

    void removeCutsThePairsLines() {
        InventoryDocument document = documentOf(kTwoPairs);
        QVERIFY(document.removePair(1).applied);
        QString expected = kTwoPairs;
        expected.remove(QStringLiteral("    - name: backup\n"
                                       "      primary:\n"
                                       "        host: b1\n"
                                       "        identity: ~/.ssh/id_backup\n"
                                       "      secondary:\n"
                                       "        host: b2\n"));
        QCOMPARE(document.text(), expected);
        const InventoryEdit last = document.removePair(0);
        QVERIFY(last.applied);
        QVERIFY(last.layoutKept);
        QVERIFY2(document.text().contains(QLatin1String("\npairs: []\n# the lab pair\n")),
                 qPrintable(document.text()));
        QVERIFY(document.text().startsWith(QLatin1String("# Lab inventory, kept by hand.\n\n"
                                                         "version: 1   # odd spacing stays\n")));
        QVERIFY(document.inventory().pairs.empty());
        QVERIFY(!document.removePair(0).applied); // no such pair: refused
    }

    void addThenRemoveGivesTheFileBack() {
        InventoryDocument document = documentOf(kTwoPairs);
        QVERIFY(document.addPair(pairNamed(QStringLiteral("new"))).applied);
        QVERIFY(document.removePair(2).applied);
        QCOMPARE(document.text(), kTwoPairs);
        // Replacing a pair with itself keeps its values (not its inline comments).
        QVERIFY(document.replacePair(1, document.inventory().pairs[1]).applied);
        QCOMPARE(document.text(), kTwoPairs);
    }

    void emptyFilesGetABlockList_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString item = QStringLiteral("  - name: new\n"
                                            "    primary:\n"
                                            "      host: 10.1.0.1\n");
        QTest::newRow("pairs: []")
            << QStringLiteral("# mine\nversion: 1\npairs: []  # none yet\n")
            << QStringLiteral("# mine\nversion: 1\npairs:  # none yet\n") + item;
        QTest::newRow("pairs: empty") << QStringLiteral("version: 1\npairs:\nknown_hosts: kh\n")
                                      << QStringLiteral("version: 1\npairs:\n") + item;
        QTest::newRow("pairs: ~") << QStringLiteral("pairs: ~\n")
                                  << QStringLiteral("pairs:\n") + item;
        QTest::newRow("no pairs key, no final newline")
            << QStringLiteral("# only a header\nversion: 1")
            << QStringLiteral("# only a header\nversion: 1\npairs:\n") + item;
    }

    void emptyFilesGetABlockList() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        InventoryDocument document = documentOf(text);
        InventoryPair pair;
        pair.name = QStringLiteral("new");
        pair.primary.host = QStringLiteral("10.1.0.1");
        pair.secondary.host = QStringLiteral("node-b");
        const InventoryEdit edit = document.addPair(pair);
        QVERIFY2(edit.applied, qPrintable(edit.message));
        QVERIFY(edit.layoutKept);
        QVERIFY2(document.text().startsWith(expected), qPrintable(document.text()));
        QCOMPARE(document.inventory().pairs.size(), std::size_t(1));
    }

    void flowStyleIsWrittenAnewAndSaysSo() {
        const QString flow = QStringLiteral(
            "# header comment\nversion: 1\nknown_hosts: \"my hosts\"\n"
            "pairs: [{name: a, primary: {host: h1, identity: keys/a}, secondary: {host: h2}}]\n"
            "# a comment that goes\n");
        InventoryDocument document = documentOf(flow);
        const InventoryEdit edit = document.addPair(pairNamed(QStringLiteral("new")));
        QVERIFY(edit.applied);
        QVERIFY(!edit.layoutKept);
        QVERIFY2(edit.message.contains(QLatin1String("flow style")), qPrintable(edit.message));
        QVERIFY2(edit.message.contains(QLatin1String("comments")), qPrintable(edit.message));
        QVERIFY(document.text().startsWith(
            QLatin1String("# header comment\nversion: 1\nknown_hosts: \"my hosts\"\npairs:\n"
                          "  - name: a\n")));
        const auto reread = parseInventory(document.text(), QStringLiteral("/etc/nr1"),
                                           QStringLiteral("x"), InventoryPaths::AsWritten);
        QVERIFY(reread.ok());
        QCOMPARE(reread.value(), document.inventory());
        QCOMPARE(document.inventory().pairs[0].primary.identity, QStringLiteral("keys/a"));
        QCOMPARE(document.inventory().knownHostsFile, QStringLiteral("my hosts"));
    }

    void windowsLineEndsAreKept() {
        QString text = kTwoPairs;
        text.replace(QLatin1String("\n"), QLatin1String("\r\n"));
        InventoryDocument document = documentOf(text);
        QVERIFY(document.addPair(pairNamed(QStringLiteral("new"))).applied);
        QVERIFY(!document.text().contains(QRegularExpression(QStringLiteral("[^\\r]\\n"))));
        QVERIFY(document.removePair(2).applied);
        QCOMPARE(document.text(), text);
    }

    void oddValuesAreQuotedAndReadBack() {
        InventoryDocument document = documentOf(QStringLiteral("pairs: []\n"));
        InventoryPair pair = pairNamed(QStringLiteral("odd"));
        pair.primary.host = QStringLiteral("null"); // a YAML null when plain
        pair.primary.identity = QStringLiteral("keys/my key #1: \"x\"");
        pair.secondary.host = QStringLiteral("fe80::1%eth0");
        QVERIFY(document.addPair(pair).applied);
        QCOMPARE(document.inventory().pairs[0], pair);
        QVERIFY2(document.text().contains(QLatin1String("host: \"null\"")),
                 qPrintable(document.text()));
    }

    void badInputIsRefusedWithLineAndField() {
        const auto read = InventoryDocument::fromText(
            QString(kTwoPairs).replace(QStringLiteral("port: 2222"), QStringLiteral("port: 70000")),
            QStringLiteral("/etc/nr1/inventory.yaml"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().line, 11);
        QVERIFY2(read.error().toString().contains(QLatin1String("pairs[0].secondary.port")),
                 qPrintable(read.error().toString()));
        QVERIFY(read.error().toString().startsWith(QLatin1String("/etc/nr1/inventory.yaml")));
        const auto missing = InventoryDocument::load(m_dir.filePath(QStringLiteral("none.yaml")));
        QVERIFY(!missing.ok());
    }

    void textReplaceKeepsTheFilesStyleAndLineEnds() {
        const QString text = QStringLiteral("# head\r\n"
                                            "version: 1\r\n"
                                            "pairs:  # the list\r\n"
                                            "- name: a   # first\r\n"
                                            "  primary:\r\n"
                                            "      host: h1\r\n"
                                            "  secondary:\r\n"
                                            "      host: h2\r\n"
                                            "# between\r\n"
                                            "- name: b\r\n"
                                            "  primary: {host: h3}\r\n"
                                            "  secondary: {host: h4}\r\n");
        PairFields a = twoHosts(QStringLiteral("a"), QStringLiteral("h1"), QStringLiteral("h2"));
        a.primary.port = QStringLiteral("2222");
        const LineEdit edit = textWithPairReplaced(text, 2, 0, a);
        QVERIFY2(edit.text, qPrintable(edit.whyNot));
        QCOMPARE(*edit.text, QStringLiteral("# head\r\n"
                                            "version: 1\r\n"
                                            "pairs:  # the list\r\n"
                                            "- name: a\r\n"
                                            "  primary:\r\n"
                                            "      host: h1\r\n"
                                            "      port: 2222\r\n"
                                            "  secondary:\r\n"
                                            "      host: h2\r\n"
                                            "# between\r\n"
                                            "- name: b\r\n"
                                            "  primary: {host: h3}\r\n"
                                            "  secondary: {host: h4}\r\n"));
    }

    void textAddGoesBeforeTheKeysAfterTheList() {
        const QString text = QStringLiteral("--- # one document\n"
                                            "pairs:\n"
                                            "  - name: a\n"
                                            "    primary: {host: h1}\n"
                                            "    secondary: {host: h2}\n"
                                            "  # a comment below the pairs\n"
                                            "known_hosts: kh   # after the list\n");
        const LineEdit edit = textWithPairAdded(
            text, 1, twoHosts(QStringLiteral("b"), QStringLiteral("h3"), QStringLiteral("h4")));
        QVERIFY2(edit.text, qPrintable(edit.whyNot));
        QCOMPARE(*edit.text, QStringLiteral("--- # one document\n"
                                            "pairs:\n"
                                            "  - name: a\n"
                                            "    primary: {host: h1}\n"
                                            "    secondary: {host: h2}\n"
                                            "  - name: b\n"
                                            "    primary:\n"
                                            "      host: h3\n"
                                            "    secondary:\n"
                                            "      host: h4\n"
                                            "  # a comment below the pairs\n"
                                            "known_hosts: kh   # after the list\n"));
    }

    void textRemoveOfTheLastPairLeavesAnEmptyList() {
        const QString text = QStringLiteral("version: 1\r\n"
                                            "pairs:   # mine\r\n"
                                            "  - name: a\r\n"
                                            "    primary: {host: h1}\r\n"
                                            "    secondary: {host: h2}\r\n"
                                            "# end\r\n");
        const LineEdit edit = textWithPairRemoved(text, 1, 0);
        QVERIFY2(edit.text, qPrintable(edit.whyNot));
        QCOMPARE(*edit.text, QStringLiteral("version: 1\r\npairs: []   # mine\r\n# end\r\n"));
    }

    void textEditsRefuseWhatTheyCannotChangeSafely_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("pairCount");
        QTest::addColumn<QString>("why");
        QTest::newRow("flow style")
            << QStringLiteral("pairs: [{name: a, primary: {host: h1}, secondary: {host: h2}}]\n")
            << 1 << QStringLiteral("flow style");
        QTest::newRow("flow mapping") << QStringLiteral("{pairs: [{name: a}]}\n") << 1
                                      << QStringLiteral("not under a plain 'pairs:'");
        QTest::newRow("second document") << QStringLiteral("version: 1\n---\npairs: []\n") << 0
                                         << QStringLiteral("document markers");
        QTest::newRow("pairs twice") << QStringLiteral("pairs: []\npairs: []\n") << 0
                                     << QStringLiteral("'pairs' appears twice");
        QTest::newRow("other count") << QStringLiteral("pairs:\n"
                                                       "  - name: a\n"
                                                       "    primary: {host: h1}\n"
                                                       "    secondary: {host: h2}\n")
                                     << 2 << QStringLiteral("a shape the editor does not know");
    }

    void textEditsRefuseWhatTheyCannotChangeSafely() {
        QFETCH(QString, text);
        QFETCH(int, pairCount);
        QFETCH(QString, why);
        const PairFields pair =
            twoHosts(QStringLiteral("b"), QStringLiteral("h3"), QStringLiteral("h4"));
        const std::size_t count = std::size_t(pairCount);
        for (const LineEdit& edit :
             {textWithPairAdded(text, count, pair), textWithPairReplaced(text, count, 0, pair),
              textWithPairRemoved(text, count, 0)}) {
            QVERIFY2(!edit.text, qPrintable(edit.text.value_or(QString())));
            QVERIFY2(edit.whyNot.contains(why), qPrintable(edit.whyNot));
        }
    }

    void textWrittenAnewKeepsOnlyTheLeadingComments() {
        const QString text = QStringLiteral(
            "# keep me\r\n"
            "\r\n"
            "version: 1\r\n"
            "pairs: [{name: a, primary: {host: h1, port: 22}, secondary: {host: h2}}]  # lost\r\n"
            "# lost too\r\n");
        Inventory inventory;
        inventory.knownHostsFile = QStringLiteral("my hosts");
        InventoryPair pair;
        pair.name = QStringLiteral("a");
        pair.primary.host = QStringLiteral("h1");
        pair.primary.port = 22;
        pair.secondary.host = QStringLiteral("h2");
        inventory.pairs.push_back(pair);
        QCOMPARE(textWrittenAnew(text, inventory), QStringLiteral("# keep me\r\n"
                                                                  "\r\n"
                                                                  "version: 1\r\n"
                                                                  "known_hosts: \"my hosts\"\r\n"
                                                                  "pairs:\r\n"
                                                                  "  - name: a\r\n"
                                                                  "    primary:\r\n"
                                                                  "      host: h1\r\n"
                                                                  "      port: 22\r\n"
                                                                  "    secondary:\r\n"
                                                                  "      host: h2\r\n"));
        QCOMPARE(textWrittenAnew(text, Inventory{}),
                 QStringLiteral("# keep me\r\n\r\nversion: 1\r\npairs: []\r\n"));
    }

    void pairsListTextWritesTypedValuesAsTheyAre() {
        PairFields typed = twoHosts(QStringLiteral("my pair"), QString(), QStringLiteral("null"));
        typed.primary.port = QStringLiteral("ssh");
        QCOMPARE(pairsListText({typed}), QStringLiteral("pairs:\n"
                                                        "  - name: \"my pair\"\n"
                                                        "    primary:\n"
                                                        "      host: \"\"\n"
                                                        "      port: ssh\n"
                                                        "    secondary:\n"
                                                        "      host: \"null\"\n"));
    }

    void checkPairAcceptsAValidPair() {
        const QString key = m_dir.filePath(QStringLiteral("id_test"));
        writeFile(key, "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const InventoryDocument document =
            documentOf(kTwoPairs, m_dir.filePath(QStringLiteral("inventory.yaml")));
        PairFields fields = fieldsOf(pairNamed(QStringLiteral("new")));
        fields.primary.identity = QStringLiteral("id_test"); // relative to the inventory
        fields.secondary.identity = key;
        fields.name = QStringLiteral("  new "); // blanks around are not part of it
        const PairCheck check = checkPair(fields, document.inventory(), document.baseDirectory());
        QVERIFY2(check.ok(), qPrintable(messagesOf(check).join(QLatin1Char('\n'))));
        QVERIFY(check.problems.empty());
        QCOMPARE(check.pair->name, QStringLiteral("new"));
        QCOMPARE(check.pair->primary.identity, QStringLiteral("id_test"));
        QCOMPARE(check.pair->primary.port, 22);
        QCOMPARE(check.pair->secondary.iscsiPort, 3261);
        // A pair keeps its own name when edited.
        PairFields lab = fieldsOf(document.inventory().pairs[1]);
        lab.primary.identity.clear();
        QVERIFY(checkPair(lab, document.inventory(), document.baseDirectory(), 1).ok());
    }

    void checkPairNamesEveryProblem_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("words");
        QTest::newRow("bad host") << "primary.host"
                                  << "a b"
                                  << "Primary host: expected a host";
        QTest::newRow("empty host") << "secondary.host"
                                    << ""
                                    << "Secondary host: must be set";
        QTest::newRow("port 0") << "primary.port"
                                << "0"
                                << "Primary SSH port: expected a port";
        QTest::newRow("port 70000") << "primary.port"
                                    << "70000"
                                    << "found “70000”";
        QTest::newRow("port text") << "secondary.port"
                                   << "ssh"
                                   << "expected a whole number";
        QTest::newRow("bad user") << "primary.user"
                                  << "Root User"
                                  << "Primary user: expected a login";
        QTest::newRow("bad IQN") << "secondary.initiator_name"
                                 << "node-b"
                                 << "Secondary initiator name: expected an iSCSI name";
        QTest::newRow("bad replication address") << "primary.replication_address"
                                                 << "10.99.1"
                                                 << "expected an IPv4 or IPv6 address";
        QTest::newRow("duplicate name") << "name"
                                        << "lab"
                                        << "another pair is already called “lab”";
        QTest::newRow("bad name") << "name"
                                  << "my pair"
                                  << "Pair name: expected a name";
        QTest::newRow("empty name") << "name"
                                    << ""
                                    << "Pair name: must be set";
        QTest::newRow("missing key file") << "primary.identity"
                                          << "keys/none"
                                          << "/etc/nr1/keys/none does not exist";
        QTest::newRow("iSCSI port") << "secondary.iscsi_port"
                                    << "-1"
                                    << "Secondary iSCSI port";
        QTest::newRow("front-end address") << "frontend_address"
                                           << "10.0.2.100"
                                           << "Front-end address: expected an IPv4 address";
    }

    void checkPairNamesEveryProblem() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, words);
        const InventoryDocument document = documentOf(kTwoPairs);
        PairFields fields = fieldsOf(pairNamed(QStringLiteral("new")));
        fields.primary.identity.clear();
        const QString role = field.section(QLatin1Char('.'), 0, 0);
        const QString key = field.section(QLatin1Char('.'), 1);
        NodeFields& node = role == QLatin1String("primary") ? fields.primary : fields.secondary;
        QString* text = field == QLatin1String("name")               ? &fields.name
                        : field == QLatin1String("frontend_address") ? &fields.frontEndAddress
                        : key == QLatin1String("host")               ? &node.host
                        : key == QLatin1String("port")               ? &node.port
                        : key == QLatin1String("user")               ? &node.user
                        : key == QLatin1String("identity")           ? &node.identity
                        : key == QLatin1String("iscsi_port")         ? &node.iscsiPort
                        : key == QLatin1String("initiator_name")     ? &node.initiatorName
                                                                     : &node.replicationAddress;
        *text = value;
        const PairCheck check = checkPair(fields, document.inventory(), document.baseDirectory());
        QVERIFY(!check.ok());
        const auto problems = check.problemsOf(field);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].severity, PairProblem::Severity::Error);
        QVERIFY2(problems[0].message.contains(words), qPrintable(problems[0].message));
    }

    void checkPairReportsSeveralProblemsAtOnce() {
        const InventoryDocument document = documentOf(kTwoPairs);
        PairFields fields = fieldsOf(pairNamed(QStringLiteral("lab")));
        fields.primary.identity.clear();
        fields.primary.port = QStringLiteral("0");
        fields.secondary.user = QStringLiteral("Bad User");
        fields.secondary.replicationAddress.clear();
        const PairCheck check = checkPair(fields, document.inventory(), document.baseDirectory());
        QVERIFY(!check.ok());
        QStringList order;
        for (const PairProblem& problem : check.problems)
            order << problem.field;
        QCOMPARE(order, (QStringList{QStringLiteral("name"), QStringLiteral("primary.port"),
                                     QStringLiteral("secondary.user"),
                                     QStringLiteral("secondary.replication_address")}));
        QCOMPARE(check.problems.back().severity, PairProblem::Severity::Warning);
    }

    void publicOrOpenKeysAreNamed() {
        const QString pub = m_dir.filePath(QStringLiteral("id_pub.pub"));
        writeFile(pub, "ssh-ed25519 AAAAC3Nza test\n");
        const QString open = m_dir.filePath(QStringLiteral("id_open"));
        writeFile(open, "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        QFile::setPermissions(open, QFileDevice::ReadOwner | QFileDevice::ReadOther);
        const InventoryDocument document =
            documentOf(kTwoPairs, m_dir.filePath(QStringLiteral("inventory.yaml")));
        PairFields fields = fieldsOf(pairNamed(QStringLiteral("new")));
        fields.primary.identity = pub;
        fields.secondary.identity = open;
        const PairCheck check = checkPair(fields, document.inventory(), document.baseDirectory());
        QVERIFY(!check.ok());
        QVERIFY(check.problemsOf(QStringLiteral("primary.identity"))
                    .at(0)
                    .message.contains(QLatin1String("public key")));
        const auto warning = check.problemsOf(QStringLiteral("secondary.identity"));
        QCOMPARE(warning.size(), std::size_t(1));
        QCOMPARE(warning[0].severity, PairProblem::Severity::Warning);
        QVERIFY(warning[0].message.contains(QLatin1String("chmod 600")));
    }

    void saveKeepsABackupAndWritesAtomically() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.yaml"));
        writeFile(path, kTwoPairs.toUtf8());
        auto loaded = InventoryDocument::load(path);
        QVERIFY(loaded.ok());
        InventoryDocument document = loaded.value();
        QVERIFY(document.addPair(pairNamed(QStringLiteral("new"))).applied);
        Result<void> saved = document.save();
        QVERIFY2(saved.ok(), qPrintable(saved.why()));
        QCOMPARE(readFile(path), document.text().toUtf8());
        QCOMPARE(readFile(path + QLatin1Char('~')), kTwoPairs.toUtf8());
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            (QStringList{QStringLiteral("inventory.yaml"), QStringLiteral("inventory.yaml~")}));
        // A second save keeps the version before it.
        const QByteArray first = readFile(path);
        QVERIFY(document.removePair(0).applied);
        saved = document.save();
        QVERIFY2(saved.ok(), qPrintable(saved.why()));
        QCOMPARE(readFile(path + QLatin1Char('~')), first);
        QVERIFY(InventoryDocument::load(path).ok());
    }

    void saveRefusesAFileChangedOnDisk() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.yaml"));
        writeFile(path, kTwoPairs.toUtf8());
        InventoryDocument document = InventoryDocument::load(path).value();
        QVERIFY(document.addPair(pairNamed(QStringLiteral("new"))).applied);
        const QByteArray handEdited = kTwoPairs.toUtf8() + "# edited by hand meanwhile\n";
        writeFile(path, handEdited);
        const Result<void> saved = document.save();
        QVERIFY(!saved.ok());
        QVERIFY2(saved.why().contains(QLatin1String("changed on disk")), qPrintable(saved.why()));
        QCOMPARE(readFile(path), handEdited);
        QVERIFY(!QFile::exists(path + QLatin1Char('~')));
    }

    void saveThatCannotWriteLeavesNothing() {
        QTemporaryDir dir;
        const QString notAFolder = dir.filePath(QStringLiteral("file"));
        writeFile(notAFolder, "x");
        InventoryDocument document =
            InventoryDocument::createEmpty(notAFolder + QStringLiteral("/inventory.yaml"));
        const Result<void> saved = document.save();
        QVERIFY(!saved.ok());
        QVERIFY2(saved.why().contains(QLatin1String("Nothing was written")),
                 qPrintable(saved.why()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("file")});
        QCOMPARE(readFile(notAFolder), QByteArray("x"));
    }

    void newInventoryIsCreatedWithItsFolder() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config/nr1/inventory.yaml"));
        InventoryDocument document = InventoryDocument::createEmpty(path);
        QVERIFY(document.inventory().pairs.empty());
        Result<void> saved = document.save();
        QVERIFY2(saved.ok(), qPrintable(saved.why()));
        QVERIFY(!QFile::exists(path + QLatin1Char('~')));
        auto loaded = InventoryDocument::load(path);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.value().text().startsWith(QLatin1String("# nr1 inventory")));
        InventoryDocument reopened = loaded.value();
        QVERIFY(reopened.addPair(pairNamed(QStringLiteral("first"))).applied);
        QVERIFY(reopened.save().ok());
        const auto result = loadInventory(path);
        QVERIFY(result.ok());
        QCOMPARE(
            result.value().pairs.at(0).primary.identity,
            QDir(dir.filePath(QStringLiteral("config/nr1"))).filePath(QStringLiteral("keys/new")));
    }
};

QTEST_GUILESS_MAIN(TestInventoryDocument)
#include "tst_inventory_document.moc"
