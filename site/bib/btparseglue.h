// Private to site/bib: one lock around btparse and its messages.
//
// btparse keeps global state (the lexer's buffers, the macro table, error
// counts), so every call into it holds BtSession. Its error handlers are a
// static table pointing at its exported print_error(), with no setter in
// btparse.h; this module defines print_error() itself (the executable's
// definition is the one the dynamic linker binds that table to), so the
// messages arrive here as bt_error records instead of on stderr.
#pragma once

#include <string>
#include <vector>

namespace folio::site::bib::detail {

struct BtMessage final {
    int errorClass = 0;   // bt_errclass
    int line = 0;         // as btparse counts it (the line given for the text, plus newlines)
    std::string text;     // btparse's own words ("undefined macro \"aug\"")
};

// Holds the btparse lock while it lives; messages btparse reports on this
// thread meanwhile are collected instead of printed.
class BtSession final
{
public:
    BtSession();
    ~BtSession();
    BtSession(const BtSession &) = delete;
    BtSession &operator=(const BtSession &) = delete;

    std::vector<BtMessage> takeMessages();

private:
    std::vector<BtMessage> m_messages;
};

} // namespace folio::site::bib::detail
