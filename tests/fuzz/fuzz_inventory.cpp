// libFuzzer target for the inventory reader (parseInventory, as loadInventory and the console's
// editor use it). Besides "no crash, no sanitizer report", it checks the reader's contract: a
// failure names its source and what was expected, and its message holds no control character
// (it is printed to a terminal); a success holds only names the planners' checks accept.

#include "base/Names.h"
#include "inventory/Inventory.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

bool printable(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f ||
            (c.unicode() >= 0x80 && c.unicode() <= 0x9f))
            return false;
    return true;
}

void checkNode(const nr1::InventoryNode& node) {
    if (node.host.isEmpty() || !printable(node.host) || !printable(node.user))
        std::abort();
    if (!node.initiatorName.isEmpty() && !nr1::checkIqn(node.initiatorName, {}).isEmpty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    nr1::InventoryFieldProblem problem;
    const auto result =
        nr1::parseInventory(text, QStringLiteral("/etc/nr1"), QStringLiteral("inventory.yaml"),
                            nr1::InventoryPaths::AsWritten, &problem);
    if (!result.ok()) {
        if (result.error().source.isEmpty() || result.error().expected.isEmpty() ||
            result.error().line < 0 || !printable(result.error().toString()))
            std::abort();
        return 0;
    }
    for (const nr1::InventoryPair& pair : result.value().pairs) {
        if (pair.name.isEmpty() || !printable(pair.name))
            std::abort();
        checkNode(pair.primary);
        checkNode(pair.secondary);
    }
    return 0;
}
