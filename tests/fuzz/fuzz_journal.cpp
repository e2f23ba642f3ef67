// libFuzzer target for the journal reader (Journal::read, as `nr1ctl journal`, the console's
// journal view and resume use it) and the people's text of its entries. Besides "no crash, no
// sanitizer report", it checks the reader's contract: any bytes read (a damaged file is
// reported line by line, never a failure), every entry is an object, and the one-line summary
// of an entry holds no control character (it is printed to a terminal).

#include "apply/Journal.h"
#include "apply/JournalText.h"

#include <QBuffer>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        std::abort();
    const auto contents = nr1::Journal::read(buffer);
    if (!contents.ok())
        std::abort();
    for (const QJsonObject& entry : nr1::entriesForPeople(contents.value().entries)) {
        const QString summary = nr1::journalEntrySummary(entry);
        for (const QChar c : summary)
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                std::abort();
    }
    for (const QString& damaged : contents.value().damaged)
        if (damaged.isEmpty())
            std::abort();
    return 0;
}
