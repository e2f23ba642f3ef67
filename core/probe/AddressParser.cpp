#include "probe/AddressParser.h"

#include "base/Names.h"
#include "base/TextLines.h"

namespace nr1 {

ParseResult<QMap<QString, QString>> parseIpv4Addresses(QStringView text) {
    return runParser<QMap<QString, QString>>([&] {
        TextLines lines(QStringLiteral("ip -o -4 addr"), text);
        QMap<QString, QString> addresses;
        for (int number = 1; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty())
                continue;
            const QStringList words = line.simplified().split(QLatin1Char(' '));
            // "INDEX: NAME inet ADDR/PREFIX …"
            const QString cidr = words.value(3);
            const QString address = cidr.section(QLatin1Char('/'), 0, 0);
            if (words.size() < 4 || !words[0].endsWith(QLatin1Char(':')) ||
                words[2] != QLatin1String("inet") || cidr.count(QLatin1Char('/')) != 1 ||
                !isIpv4Address(address)) {
                lines.warn(number, QStringLiteral("not an 'N: IFACE inet ADDR/PREFIX …' line"));
                continue;
            }
            addresses.insert(cidr, words[1].section(QLatin1Char('@'), 0, 0));
        }
        return ParseResult<QMap<QString, QString>>(std::move(addresses), lines.takeWarnings());
    });
}

} // namespace nr1
