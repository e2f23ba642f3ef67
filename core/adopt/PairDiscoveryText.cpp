#include "adopt/PairDiscovery.h"

#include <QJsonArray>
#include <QTextStream>

namespace nr1 {

QString discoveryText(const PairDiscovery& discovery) {
    QString text;
    QTextStream out(&text);
    const auto section = [&out](const char* heading, const QStringList& lines) {
        if (lines.isEmpty())
            return;
        out << heading << "\n";
        for (const QString& line : lines)
            out << "  - " << line << "\n";
    };
    section("Found:", discovery.found);
    section("Missing:", discovery.missing);
    section("Problems (the pair is not adopted):", discovery.problems);
    return text;
}

QJsonObject discoveryJson(const PairDiscovery& discovery) {
    const auto name = [](const QString& value) {
        return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
    };
    const RecordedLayout& l = discovery.layout;
    const QJsonObject layout{
        {QStringLiteral("md"), name(l.md)},
        {QStringLiteral("primary_element"), name(l.primaryElement)},
        {QStringLiteral("secondary_element"), name(l.secondaryElement)},
        {QStringLiteral("element_target"), name(l.elementTarget)},
        {QStringLiteral("element_backstore"), name(l.elementBackstore)},
        {QStringLiteral("volume"), name(l.volume)},
        {QStringLiteral("volume_target"), name(l.volumeTarget)},
        {QStringLiteral("volume_backstore"), name(l.volumeBackstore)},
        {QStringLiteral("volume_serial"), name(l.volumeSerial)},
        {QStringLiteral("replacement_timeout"),
         l.replacementTimeout ? QJsonValue(*l.replacementTimeout) : QJsonValue(QJsonValue::Null)}};
    const auto node = [&name](const QString& address, const QString& initiator) {
        return QJsonObject{{QStringLiteral("replicationAddress"), name(address)},
                           {QStringLiteral("initiatorName"), name(initiator)}};
    };
    return QJsonObject{
        {QStringLiteral("adoptable"), discovery.adoptable()},
        {QStringLiteral("rolesSwapped"), discovery.rolesSwapped},
        {QStringLiteral("layout"), layout},
        {QStringLiteral("primary"),
         node(discovery.primaryReplicationAddress, discovery.primaryInitiator)},
        {QStringLiteral("secondary"),
         node(discovery.secondaryReplicationAddress, discovery.secondaryInitiator)},
        {QStringLiteral("found"), QJsonArray::fromStringList(discovery.found)},
        {QStringLiteral("missing"), QJsonArray::fromStringList(discovery.missing)},
        {QStringLiteral("problems"), QJsonArray::fromStringList(discovery.problems)}};
}

} // namespace nr1
