#include "probe/LunIdentityParser.h"

#include "base/TextLines.h"

#include <QJsonDocument>

namespace nr1 {

ParseResult<std::vector<LunIdentity>> parseLunIdentities(QStringView text) {
    return runParser<std::vector<LunIdentity>>([&] {
        TextLines lines(QStringLiteral("LUN identities"), text);
        std::vector<LunIdentity> identities;
        for (int number = 1; number <= lines.count(); ++number) {
            const QString& line = lines.at(number);
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
            if (!document.isObject()) {
                lines.warn(number,
                           QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
                continue;
            }
            Result<LunIdentity> identity = LunIdentity::fromJson(document.object());
            if (!identity.ok()) {
                lines.warn(number, identity.why());
                continue;
            }
            identities.push_back(std::move(identity).value());
        }
        return ParseResult<std::vector<LunIdentity>>(std::move(identities), lines.takeWarnings());
    });
}

} // namespace nr1
