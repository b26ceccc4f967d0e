// Psych's ScalarScanner (Ruby 3.1, Psych 4): how a plain YAML scalar becomes
// a Ruby object when Jekyll loads YAML with Psych.safe_load. Internal to
// folio_yaml; exposed for the tests.
#pragma once

#include "site/liquid/value.h"

#include <optional>
#include <string>
#include <string_view>

namespace folio::site::yaml::detail {

struct ScalarContext final {
    // IANA zone for timestamps without a zone (empty: the process's zone).
    std::string timezone;
};

// The outcome of resolving one scalar: a value, or what Ruby would raise
// (Psych::DisallowedClass for symbols, ArgumentError from Float()/Integer()).
struct Resolved final {
    liquid::Value value;
    std::string error;   // non-empty when Psych would fail the whole document
    bool ok() const { return error.empty(); }
};

// ScalarScanner#tokenize for an untagged plain scalar.
Resolved tokenize(std::string_view text, const ScalarContext &context);

// Psych's deserialize for a scalar with an explicit tag (already expanded by
// yaml-cpp, e.g. "tag:yaml.org,2002:int" or "!foo").
Resolved resolveTagged(std::string_view tag, std::string_view text, const ScalarContext &context);

// Ruby's Float(string) after tokenize, used by `!!float`.
std::optional<double> rubyFloat(std::string_view text);

} // namespace folio::site::yaml::detail
