#include "btparseglue.h"

#include <btparse.h>

#include <cstdio>
#include <mutex>
#include <utility>

namespace folio::site::bib::detail {
namespace {

std::mutex &btparseMutex()
{
    static std::mutex mutex;
    return mutex;
}

// The session of the thread inside btparse (at most one, under the lock).
thread_local std::vector<BtMessage> *t_sink = nullptr;

} // namespace
} // namespace folio::site::bib::detail

// btparse's lexer (made by PCCTS's DLG) reports invalid characters through
// this exported hook, not through print_error; its current line is zzline.
extern "C" {
extern void (*zzerr)(const char *);
extern int zzline;
extern char *zzlextext;   // the text the lexer could not read
}

namespace folio::site::bib::detail {
namespace {

void lexerError(const char *message)
{
    if (!t_sink)
        return;
    std::string text = message ? message : "invalid token";
    if (zzlextext && *zzlextext)
        text += std::string(" '") + zzlextext + "'";
    t_sink->push_back(BtMessage{BTERR_LEXERR, zzline, std::move(text)});
}

} // namespace

BtSession::BtSession()
{
    btparseMutex().lock();
    static std::once_flag initialized;
    std::call_once(initialized, [] {
        bt_initialize();
        zzerr = lexerError;
    });
    // Should a link ever leave print_error unexported, btparse prints to
    // stderr instead and the reader still reports each failed entry (from
    // bt_parse_entry_s's status), only without btparse's words.
    t_sink = &m_messages;
}

BtSession::~BtSession()
{
    t_sink = nullptr;
    btparseMutex().unlock();
}

std::vector<BtMessage> BtSession::takeMessages()
{
    return std::exchange(m_messages, {});
}

} // namespace folio::site::bib::detail

// btparse's handler for every error class (see the header): collected for the
// session of this thread; outside one (never from this module) printed as
// btparse would.
extern "C" __attribute__((visibility("default"))) void print_error(bt_error *error)
{
    using folio::site::bib::detail::BtMessage;
    if (!error)
        return;
    std::string text = error->message ? error->message : "";
    if (auto *sink = folio::site::bib::detail::t_sink) {
        sink->push_back(BtMessage{static_cast<int>(error->errclass), error->line, std::move(text)});
        return;
    }
    std::fprintf(stderr, "%s, line %d: %s\n", error->filename ? error->filename : "btparse", error->line,
                 text.c_str());
}
