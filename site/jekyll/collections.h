// Jekyll's array filters (where, find, sort, group_by, push, pop, shift,
// unshift, sample) as pure functions over liquid::Value, with the quirks of
// jekyll/filters.rb: property reads through to_liquid/[] (so a String item
// answers substring lookups and a nil item raises), numeric-looking properties
// compared as numbers, nils first or last when sorting.
#pragma once

#include "site/core/result.h"
#include "site/liquid/value.h"

#include <string_view>

namespace folio::site::jekyll {

using ValueResult = Result<liquid::Value>;

// Ruby's `to_s` of a value inside Jekyll's filters: like Liquid's output, except
// that arrays print in inspect form ([1, 2]) as Ruby's Array#to_s does.
std::string rubyToS(const liquid::Value &v);

// Jekyll's item_property: `item[property]` (a dotted path walks hashes and
// drops; a missing link gives false), then parse_sort_input ("2014" -> 2014).
ValueResult itemProperty(const liquid::Value &item, const liquid::Value &property);

// Jekyll's compare_property_vs_target (the `where`/`find` match test).
bool propertyMatches(const liquid::Value &property, const liquid::Value &target);

// The items where/find/group_by walk: an Array as is, a Hash's values (for
// where/find) or [key, value] pairs (for group_by/sort), a Range's integers.
// Returns false when Ruby's input would not respond to select/find.
bool enumerableItems(const liquid::Value &input, bool hashValues, liquid::Array *items);

ValueResult where(const liquid::Value &input, const liquid::Value &property, const liquid::Value &value);
ValueResult find(const liquid::Value &input, const liquid::Value &property, const liquid::Value &value);
ValueResult groupBy(const liquid::Value &input, const liquid::Value &property);
// `nils` is the filter's third argument ("first" when absent).
ValueResult sort(const liquid::Value &input, const liquid::Value &property,
                 const liquid::Value &nils = liquid::Value("first"));

// The group list group_by and group_by_exp build: [{"name","items","size"}...].
liquid::Value groupedArray(std::vector<std::pair<liquid::Value, liquid::Array>> groups);

liquid::Value push(const liquid::Value &array, const liquid::Value &item);
liquid::Value unshift(const liquid::Value &array, const liquid::Value &item);
ValueResult pop(const liquid::Value &array, const liquid::Value &count);
ValueResult shift(const liquid::Value &array, const liquid::Value &count);
ValueResult sample(const liquid::Value &input, const liquid::Value &count);

// Liquid::Utils.to_integer: integers as is, strings through Integer() (else
// "invalid integer").
Result<std::int64_t> toInteger(const liquid::Value &v);

// Ruby's message for calling a method the value's class lacks:
// "undefined method `sort' for 123:Integer".
QString undefinedMethod(const char *method, const liquid::Value &receiver);

} // namespace folio::site::jekyll
