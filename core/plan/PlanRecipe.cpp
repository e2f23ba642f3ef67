#include "plan/PlanRecipe.h"

#include <QJsonArray>

namespace nr1 {

namespace {

QJsonArray stringArray(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

QJsonObject elementJson(const ElementRef& element) {
    return {{QStringLiteral("vg"), element.vg}, {QStringLiteral("lv"), element.lv}};
}

QJsonObject portalJson(const IscsiPortal& portal) {
    QJsonObject object{{QStringLiteral("address"), portal.address},
                       {QStringLiteral("port"), portal.port}};
    if (portal.tpgt)
        object.insert(QStringLiteral("tpgt"), *portal.tpgt);
    return object;
}

QJsonObject sizeJson(const SizeRequest& size) {
    return {{QStringLiteral("max"), size.max}, {QStringLiteral("bytes"), size.bytes}};
}

/// Reads typed fields out of one JSON object; the first missing or mistyped one is kept.
class Reader {
public:
    Reader(const QJsonObject& object, QString where, QString* problem)
        : m_object(object)
        , m_where(std::move(where))
        , m_problem(problem) {}

    QJsonValue field(const char* key, QJsonValue::Type type) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.type() != type && m_problem->isEmpty())
            *m_problem = QStringLiteral("the recorded recipe has no valid %1.%2")
                             .arg(m_where, QLatin1String(key));
        return value;
    }
    QString string(const char* key) { return field(key, QJsonValue::String).toString(); }
    bool boolean(const char* key) { return field(key, QJsonValue::Bool).toBool(); }
    int integer(const char* key) { return field(key, QJsonValue::Double).toInt(); }
    qint64 integer64(const char* key) { return qint64(field(key, QJsonValue::Double).toDouble()); }
    QStringList strings(const char* key) {
        QStringList list;
        for (const QJsonValue& value : field(key, QJsonValue::Array).toArray())
            list << value.toString();
        return list;
    }
    QJsonObject object(const char* key) { return field(key, QJsonValue::Object).toObject(); }
    bool has(const char* key) const { return m_object.contains(QLatin1String(key)); }
    Reader sub(const char* key) {
        return Reader(object(key), m_where + QLatin1Char('.') + QLatin1String(key), m_problem);
    }

private:
    QJsonObject m_object;
    QString m_where;
    QString* m_problem;
};

ElementRef readElement(Reader reader) {
    return ElementRef{reader.string("vg"), reader.string("lv")};
}

IscsiPortal readPortal(Reader reader) {
    IscsiPortal portal;
    portal.address = reader.string("address");
    portal.port = reader.integer("port");
    if (reader.has("tpgt"))
        portal.tpgt = reader.integer("tpgt");
    return portal;
}

SizeRequest readSize(Reader reader) {
    return SizeRequest{reader.boolean("max"), reader.integer64("bytes")};
}

} // namespace

std::optional<NodeRole> lostNodeOf(const QString& kind) {
    if (kind == QLatin1String("takeover"))
        return NodeRole::Primary;
    if (kind == QLatin1String("serve-alone"))
        return NodeRole::Secondary;
    return std::nullopt;
}

const QStringList& planKinds() {
    static const QStringList kinds = {
        QStringLiteral("create-pair"), QStringLiteral("elements"),    QStringLiteral("array"),
        QStringLiteral("volume"),      QStringLiteral("export"),      QStringLiteral("persistence"),
        QStringLiteral("repair"),      QStringLiteral("grow"),        QStringLiteral("switchover"),
        QStringLiteral("takeover"),    QStringLiteral("serve-alone"), QStringLiteral("teardown")};
    return kinds;
}

PlanResult makePlan(const PlanRecipe& recipe, const PairState& state) {
    const QString& kind = recipe.kind;
    if (kind == QLatin1String("create-pair"))
        return planCreatePair(state, recipe.intent);
    if (kind == QLatin1String("elements"))
        return planElements(state, recipe.intent);
    if (kind == QLatin1String("array"))
        return planArray(state, recipe.intent);
    if (kind == QLatin1String("volume"))
        return planVolume(state, recipe.intent);
    if (kind == QLatin1String("export"))
        return planExport(state, recipe.intent);
    if (kind == QLatin1String("persistence"))
        return planPersistence(state, recipe.intent);
    if (kind == QLatin1String("repair"))
        return planRepair(state, recipe.intent);
    if (kind == QLatin1String("grow"))
        return planGrow(state, recipe.intent, recipe.growth);
    if (kind == QLatin1String("switchover"))
        return planSwitchover(state, recipe.intent);
    if (kind == QLatin1String("takeover"))
        return planTakeover(state, recipe.intent);
    if (kind == QLatin1String("serve-alone"))
        return planServeAlone(state, recipe.intent);
    if (kind == QLatin1String("teardown"))
        return planTeardown(state, recipe.intent, recipe.level);
    return failure(QStringLiteral("There is no plan kind '%1' (%2).")
                       .arg(kind, planKinds().join(QStringLiteral(", "))));
}

QString teardownLevelName(TeardownLevel level) {
    switch (level) {
    case TeardownLevel::Export:
        return QStringLiteral("export");
    case TeardownLevel::Volume:
        return QStringLiteral("volume");
    case TeardownLevel::Array:
        return QStringLiteral("array");
    case TeardownLevel::Elements:
        return QStringLiteral("elements");
    }
    return QString();
}

bool PlanRecipe::hasSecrets() const {
    const auto& chap = intent.frontEndExport.chap;
    return chap && (!chap->password.isEmpty() || !chap->mutualPassword.isEmpty());
}

QJsonObject PlanRecipe::toJson() const {
    const PairLayout& layout = intent.layout;
    QJsonObject layoutObject{
        {QStringLiteral("name"), layout.name},
        {QStringLiteral("primaryElement"), elementJson(layout.primaryElement)},
        {QStringLiteral("secondaryElement"), elementJson(layout.secondaryElement)},
        {QStringLiteral("replication"),
         QJsonObject{{QStringLiteral("targetIqn"), layout.replication.targetIqn},
                     {QStringLiteral("portal"), portalJson(layout.replication.portal)},
                     {QStringLiteral("lun"), layout.replication.lun}}},
        {QStringLiteral("mdDevice"), layout.mdDevice},
    };
    if (layout.frontEnd)
        layoutObject.insert(
            QStringLiteral("frontEnd"),
            QJsonObject{{QStringLiteral("volume"), elementJson(layout.frontEnd->volume)},
                        {QStringLiteral("targetIqn"), layout.frontEnd->targetIqn}});
    const ExportIntent& exported = intent.frontEndExport;
    QJsonArray portals;
    for (const IscsiPortal& portal : exported.portals)
        portals.append(portalJson(portal));
    QJsonObject exportObject{
        {QStringLiteral("kind"), exported.plugin()},
        {QStringLiteral("backstoreName"), exported.backstoreName},
        {QStringLiteral("portals"), portals},
        {QStringLiteral("initiators"), stringArray(exported.initiators)},
    };
    if (!exported.unitSerial.isEmpty())
        exportObject.insert(QStringLiteral("unitSerial"), exported.unitSerial);
    if (exported.chap)
        exportObject.insert(
            QStringLiteral("chap"),
            QJsonObject{{QStringLiteral("userId"), exported.chap->userId},
                        {QStringLiteral("mutualUserId"), exported.chap->mutualUserId}});
    QJsonObject intentObject{
        {QStringLiteral("layout"), layoutObject},
        {QStringLiteral("primaryDisks"), stringArray(intent.primaryDisks)},
        {QStringLiteral("secondaryDisks"), stringArray(intent.secondaryDisks)},
        {QStringLiteral("elementSize"), sizeJson(intent.elementSize)},
        {QStringLiteral("volumeSize"), sizeJson(intent.volumeSize)},
        {QStringLiteral("primaryInitiator"), intent.primaryInitiator},
        {QStringLiteral("secondaryInitiator"), intent.secondaryInitiator},
        {QStringLiteral("primaryReplicationAddress"), intent.primaryReplicationAddress},
        {QStringLiteral("elementBackstoreName"), intent.elementBackstoreName},
        {QStringLiteral("replacementTimeout"), intent.replacementTimeout},
        {QStringLiteral("frontEndExport"), exportObject},
    };
    if (intent.writeBehind)
        intentObject.insert(QStringLiteral("writeBehind"), *intent.writeBehind);
    if (!intent.frontEndAddress.isEmpty())
        intentObject.insert(QStringLiteral("frontEndAddress"), intent.frontEndAddress);
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("intent"), intentObject},
                       {QStringLiteral("growth"), sizeJson(growth)},
                       {QStringLiteral("level"), teardownLevelName(level)}};
}

Result<PlanRecipe> PlanRecipe::fromJson(const QJsonObject& object) {
    QString problem;
    Reader top(object, QStringLiteral("recipe"), &problem);
    PlanRecipe recipe;
    recipe.kind = top.string("kind");
    recipe.growth = readSize(top.sub("growth"));
    const auto level = teardownLevelFromName(top.string("level"));
    if (!level && problem.isEmpty())
        problem = QStringLiteral("the recorded recipe has no valid teardown level");
    recipe.level = level.value_or(TeardownLevel::Export);

    Reader intentReader = top.sub("intent");
    PairIntent& intent = recipe.intent;
    Reader layoutReader = intentReader.sub("layout");
    PairLayout& layout = intent.layout;
    layout.name = layoutReader.string("name");
    layout.primaryElement = readElement(layoutReader.sub("primaryElement"));
    layout.secondaryElement = readElement(layoutReader.sub("secondaryElement"));
    Reader replication = layoutReader.sub("replication");
    layout.replication.targetIqn = replication.string("targetIqn");
    layout.replication.portal = readPortal(replication.sub("portal"));
    layout.replication.lun = replication.integer("lun");
    layout.mdDevice = layoutReader.string("mdDevice");
    if (layoutReader.has("frontEnd")) {
        Reader frontEnd = layoutReader.sub("frontEnd");
        layout.frontEnd =
            FrontEndExport{readElement(frontEnd.sub("volume")), frontEnd.string("targetIqn")};
    }
    intent.primaryDisks = intentReader.strings("primaryDisks");
    intent.secondaryDisks = intentReader.strings("secondaryDisks");
    intent.elementSize = readSize(intentReader.sub("elementSize"));
    intent.volumeSize = readSize(intentReader.sub("volumeSize"));
    intent.primaryInitiator = intentReader.string("primaryInitiator");
    // Journals written before switchovers existed have neither.
    if (intentReader.has("secondaryInitiator"))
        intent.secondaryInitiator = intentReader.string("secondaryInitiator");
    if (intentReader.has("primaryReplicationAddress"))
        intent.primaryReplicationAddress = intentReader.string("primaryReplicationAddress");
    intent.elementBackstoreName = intentReader.string("elementBackstoreName");
    intent.replacementTimeout = intentReader.integer("replacementTimeout");
    if (intentReader.has("writeBehind"))
        intent.writeBehind = intentReader.integer("writeBehind");
    if (intentReader.has("frontEndAddress"))
        intent.frontEndAddress = intentReader.string("frontEndAddress");

    Reader exportReader = intentReader.sub("frontEndExport");
    ExportIntent& exported = intent.frontEndExport;
    const QString plugin = exportReader.string("kind");
    exported.kind =
        plugin == QLatin1String("fileio") ? BackstoreKind::FileIo : BackstoreKind::Block;
    exported.backstoreName = exportReader.string("backstoreName");
    for (const QJsonValue& portal : exportReader.field("portals", QJsonValue::Array).toArray())
        exported.portals.push_back(
            readPortal(Reader(portal.toObject(), QStringLiteral("portal"), &problem)));
    exported.initiators = exportReader.strings("initiators");
    // Journals written before nr1 chose serials have none: their plans gave none either.
    if (exportReader.has("unitSerial"))
        exported.unitSerial = exportReader.string("unitSerial");
    if (exportReader.has("chap")) {
        Reader chap = exportReader.sub("chap");
        exported.chap =
            ChapSettings{chap.string("userId"), QString(), chap.string("mutualUserId"), QString()};
    }
    if (!problem.isEmpty())
        return failure(problem + QLatin1Char('.'));
    return recipe;
}

} // namespace nr1
