// libFuzzer target for one parser kind (NR1_FUZZ_KIND), through the same catalogue entry that
// `nr1ctl parse` uses. Besides "no crash, no sanitizer report", it checks the parsers' contract:
// a failure names its source and what was expected, and a success can be presented as JSON.

#include "json/ParserCatalog.h"
#include <QJsonDocument>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

const nr1::ParserKind& kind() {
    static const nr1::ParserKind* found = nr1::findParserKind(QStringLiteral(NR1_FUZZ_KIND));
    if (!found)
        std::abort();
    return *found;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const nr1::ParsedJson parsed = kind().parse(text);
    if (!parsed.ok) {
        if (parsed.error.source.isEmpty() || parsed.error.expected.isEmpty() ||
            parsed.error.line < 0)
            std::abort();
        (void)parsed.error.toString();
    } else {
        (void)QJsonDocument(parsed.json).toJson(QJsonDocument::Compact);
    }
    for (const nr1::ParseWarning& warning : parsed.warnings)
        (void)warning.toString();
    return 0;
}
