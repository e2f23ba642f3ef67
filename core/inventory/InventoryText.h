#pragma once
// Contract: the line edits of an inventory's YAML text, as pure functions of the text: no file,
// and no judgement of the result (InventoryDocument reads every edit back). Adding, replacing
// and removing a pair change only that pair's lines: the header (comments, version,
// known_hosts, blank lines), every other pair's lines, the comments between pairs and the
// file's line ends ("\n" or "\r\n") stay byte for byte. A replaced pair is written again in
// place at its indentation (the comment lines after it stay); a new pair goes to the end of the
// pairs list in the style of the last one (a text with `pairs: []`, an empty `pairs:` or none
// gets a block list). When the text writes its pairs in a way a line edit cannot change safely
// (flow style, document markers, `pairs` twice, a list that does not show as many pairs as the
// reader found) an edit gives no text, only why; textWrittenAnew() is then the fallback, which
// keeps only the leading comments. Every value is written so that it reads back as exactly its
// text: plain when that is safe, else double-quoted.

#include "inventory/Inventory.h"
#include "inventory/PairFields.h"

#include <QString>
#include <optional>
#include <vector>

namespace nr1 {

/// A line edit of an inventory's text.
struct LineEdit {
    std::optional<QString> text; ///< the edited text; nullopt: the lines cannot be edited safely
    QString whyNot; ///< when there is no text: "the pairs are written in flow style…"
};

// In each edit, `pairCount` is how many pairs the reader found in `text`: a pairs list whose
// lines show another count is not edited line by line.

/// `text` with `pair` appended to its pairs list.
LineEdit textWithPairAdded(const QString& text, std::size_t pairCount, const PairFields& pair);
/// `text` with pair number `index` written anew as `pair`, in place.
LineEdit textWithPairReplaced(const QString& text, std::size_t pairCount, std::size_t index,
                              const PairFields& pair);
/// `text` without the lines of pair number `index` (the last one gone: `pairs: []`).
LineEdit textWithPairRemoved(const QString& text, std::size_t pairCount, std::size_t index);

/// `inventory` as a whole new text: the leading comments and blank lines of `text`, version,
/// known_hosts, the pairs as a block list; in the line ends of `text`.
QString textWrittenAnew(const QString& text, const Inventory& inventory);

/// One pair as an item of a block list ("  - name: …" and its fields, "\n" line ends), values
/// written as they are: how a pair's entry reads in the file.
QString pairItemText(const PairFields& pair);
/// A text with only `pairs:` and these pairs as a block list ("\n" line ends), values written as
/// they are: for the reader to judge typed fields.
QString pairsListText(const std::vector<PairFields>& pairs);

} // namespace nr1
