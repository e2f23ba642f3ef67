#pragma once
// Contract: parses `mdadm --detail /dev/mdX` (one array) into MdDetail: the labelled fields,
// the state words (a trailing "(DELAYED)", "(PENDING)" or "(REMOTE)" note is a word of its
// own: {"clean","resyncing","(DELAYED)"}), the rebuild/resync/reshape/check status and the
// device table (including removed slots and the faulty/spare rows after the blank line).
// Fields nr1 does not interpret are kept in `other`; lines of no known form are warnings.

#include "base/ParseResult.h"
#include "model/Md.h"

namespace nr1 {

ParseResult<MdDetail> parseMdadmDetail(QStringView text);

} // namespace nr1
