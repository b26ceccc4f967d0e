// Rouge's token types, named by the short CSS class its HTML formatter
// writes (Rouge::Token::Tokens); Text is "" and gets no <span>.
#pragma once

#include <string_view>

namespace folio::site::highlight {

using Token = std::string_view;

namespace tok {
inline constexpr Token Text = "", Whitespace = "w", Escape = "esc", Error = "err", Other = "x";
inline constexpr Token Keyword = "k", KeywordConstant = "kc", KeywordDeclaration = "kd", KeywordNamespace = "kn",
                       KeywordPseudo = "kp", KeywordReserved = "kr", KeywordType = "kt", KeywordVariable = "kv";
inline constexpr Token Name = "n", NameAttribute = "na", NameBuiltin = "nb", NameBuiltinPseudo = "bp",
                       NameClass = "nc", NameConstant = "no", NameDecorator = "nd", NameEntity = "ni",
                       NameException = "ne", NameFunction = "nf", NameFunctionMagic = "fm", NameProperty = "py",
                       NameLabel = "nl", NameNamespace = "nn", NameOther = "nx", NameTag = "nt",
                       NameVariable = "nv", NameVariableClass = "vc", NameVariableGlobal = "vg",
                       NameVariableInstance = "vi", NameVariableMagic = "vm";
inline constexpr Token Literal = "l", LiteralDate = "ld";
inline constexpr Token Str = "s", StrAffix = "sa", StrBacktick = "sb", StrChar = "sc", StrDelimiter = "dl",
                       StrDoc = "sd", StrDouble = "s2", StrEscape = "se", StrHeredoc = "sh", StrInterpol = "si",
                       StrOther = "sx", StrRegex = "sr", StrSingle = "s1", StrSymbol = "ss";
inline constexpr Token Num = "m", NumBin = "mb", NumFloat = "mf", NumHex = "mh", NumInteger = "mi",
                       NumIntegerLong = "il", NumOct = "mo", NumOther = "mx";
inline constexpr Token Operator = "o", OperatorWord = "ow", Punctuation = "p", PunctuationIndicator = "pi";
inline constexpr Token Comment = "c", CommentHashbang = "ch", CommentDoc = "cd", CommentMultiline = "cm",
                       CommentPreproc = "cp", CommentPreprocFile = "cpf", CommentSingle = "c1",
                       CommentSpecial = "cs";
inline constexpr Token Generic = "g", GenericDeleted = "gd", GenericEmph = "ge", GenericError = "gr",
                       GenericHeading = "gh", GenericInserted = "gi", GenericOutput = "go", GenericPrompt = "gp",
                       GenericStrong = "gs", GenericSubheading = "gu", GenericTraceback = "gt",
                       GenericLineno = "gl";
} // namespace tok

} // namespace folio::site::highlight
