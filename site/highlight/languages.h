// The lexers Folio implements, each written from the Rouge 3.30 lexer of
// the same tag (same states, rules and order), each built once, on first use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace folio::site::highlight {

class Language;

// Lexer.find over the languages below: tag or alias, exact.
const Language *languageNamed(std::string_view name);
std::vector<std::string> registeredTags();

const Language &plainText();
const Language &python();
const Language &shell();
const Language &json();
const Language &console();
const Language &r();
const Language &tex();
const Language &c();
const Language &cpp();
const Language &javascript();
const Language &yaml();
const Language &css();
const Language &xml();
const Language &html();
const Language &sql();
const Language &matlab();
const Language &julia();
const Language &ruby();

} // namespace folio::site::highlight
