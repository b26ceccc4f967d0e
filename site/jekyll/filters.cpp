// Jekyll::Filters registered on a liquid::Environment.
#include "jekyll.h"

#include "collections.h"
#include "dates.h"
#include "text.h"
#include "url.h"

namespace folio::site::jekyll {

void registerJekyllTags(liquid::Environment &env);   // tags.cpp

using liquid::Array;
using liquid::Context;
using liquid::FilterArgs;
using liquid::Value;

namespace {

Value arg(const FilterArgs &args, std::size_t i)
{
    return i < args.size() ? args[i] : Value();
}

// Reports a failed Result to the context (Liquid prints or raises it) and
// returns the value to hand on.
Value deliver(ValueResult r, Context &ctx)
{
    if (!r) {
        ctx.error(r.error());
        return Value();
    }
    return std::move(*r);
}

Value deliver(Result<std::string> r, Context &ctx)
{
    if (!r) {
        ctx.error(r.error());
        return Value();
    }
    return Value(std::move(*r));
}

const Host *requireHost(Context &ctx, const char *filter)
{
    const Host *h = host(ctx);
    if (!h)
        ctx.error(QStringLiteral("The '%1' filter needs the site, but no Jekyll host is set in the Liquid context.")
                      .arg(QString::fromLatin1(filter)));
    return h;
}

// Ruby's TypeError for methods that need a String ("no implicit conversion of
// Integer into String").
QString noStringConversion(const Value &v)
{
    const char *name = v.isNil() ? "nil" : v.isBool() ? (v.toBool() ? "true" : "false") : liquid::rubyClassName(v);
    return QStringLiteral("no implicit conversion of %1 into String").arg(QString::fromLatin1(name));
}

// --- URL filters ---------------------------------------------------------------------

// `input.url` when the input is a document/page/static-file drop.
Value urlOf(const Value &input)
{
    if (input.isDrop()) {
        // Asking for the url first spares building the key list of a document
        // on every link; keys() only decides the rare nil case.
        Value url = input.get("url");
        if (!url.isNil())
            return url;
        const std::vector<std::string> keys = input.drop()->keys();
        if (std::find(keys.begin(), keys.end(), "url") != keys.end())
            return Value("");
    }
    return input;
}

Value relativeUrlFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    if (input.isNil())
        return Value();
    const Host *site = requireHost(ctx, "relative_url");
    if (!site)
        return Value();
    return deliver(relativeUrl(rubyToS(urlOf(input)), site->baseurl()), ctx);
}

Value absoluteUrlFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    if (input.isNil())
        return Value();
    const Host *site = requireHost(ctx, "absolute_url");
    if (!site)
        return Value();
    return deliver(absoluteUrl(rubyToS(urlOf(input)), site->siteUrl(), site->baseurl()), ctx);
}

Value stripIndexFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    if (input.isNil() || rubyToS(input).empty())
        return Value();
    if (!input.isString()) {
        ctx.error(undefinedMethod("sub", input));
        return Value();
    }
    return Value(stripIndex(input.str()));
}

// --- converters ----------------------------------------------------------------------

Value markdownifyFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    const Host *site = requireHost(ctx, "markdownify");
    return site ? Value(site->markdownify(rubyToS(input))) : Value();
}

Value smartifyFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    const Host *site = requireHost(ctx, "smartify");
    return site ? Value(site->smartify(rubyToS(input))) : Value();
}

Value sassFilter(const Value &input, Context &ctx, bool scss)
{
    const Host *site = requireHost(ctx, scss ? "scssify" : "sassify");
    if (!site)
        return Value();
    return deliver(site->sassify(input.toString(), scss), ctx);
}

// --- strings ---------------------------------------------------------------------------

Value slugifyFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    if (input.isNil())
        return Value();
    const Value mode = arg(args, 0);
    if (!input.isString()) {
        // Utils.slugify calls String methods on the input.
        // Utils.slugify: known modes reach gsub, others only downcase.
        const bool known = mode.isNil()
            || (mode.isString()
                && (mode.str() == "raw" || mode.str() == "default" || mode.str() == "pretty"
                    || mode.str() == "ascii" || mode.str() == "latin"));
        ctx.error(undefinedMethod(known ? "gsub" : "downcase", input));
        return Value();
    }
    // A non-string mode is not one of SLUGIFY_MODES: downcase only.
    if (!mode.isNil() && !mode.isString())
        return Value(slugify(input.str(), "none"));
    return Value(slugify(input.str(), mode.str()));
}

Value xmlEscapeFilter(const Value &input, const FilterArgs &, Context &)
{
    return Value(xmlEscape(rubyToS(input)));
}

Value cgiEscapeFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    if (!input.isString()) {
        ctx.error(noStringConversion(input));
        return Value();
    }
    return Value(cgiEscape(input.str()));
}

Value uriEscapeFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    if (input.isNil())
        return Value();
    if (!input.isString()) {
        ctx.error(QStringLiteral("Can't convert %1 into String.").arg(QString::fromLatin1(liquid::rubyClassName(input))));
        return Value();
    }
    return Value(normalizeComponent(input.str()));
}

Value normalizeWhitespaceFilter(const Value &input, const FilterArgs &, Context &)
{
    return Value(normalizeWhitespace(rubyToS(input)));
}

Value numberOfWordsFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    const Value mode = arg(args, 0);
    const bool cjk = mode.isString() && (mode.str() == "cjk" || mode.str() == "auto");
    if (!input.isString()) {
        ctx.error(undefinedMethod(cjk ? "scan" : "split", input));
        return Value();
    }
    return Value(numberOfWords(input.str(), mode.isString() ? mode.str() : std::string_view{}));
}

Value arrayToSentenceFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    const std::string connector = args.empty() ? std::string("and") : rubyInterpolate(args[0]);
    if (input.isArray())
        return Value(arrayToSentence(input.array(), connector));
    if (input.isString()) {
        // String#length and String#[] make 0-2 character strings work in Ruby.
        const QString s = QString::fromStdString(input.str());
        if (s.size() <= 1)
            return input;
        if (s.size() == 2)
            return Value(QString(s[0]).toStdString() + " " + connector + " " + QString(s[1]).toStdString());
        ctx.error(undefinedMethod("join", Value(s.chopped(1).toStdString())));
        return Value();
    }
    if (input.isHash()) {
        // Hash#length, and hash[0] (nil for string keys).
        switch (input.hash().size()) {
        case 0:
        case 1:
            return Value("");
        case 2:
            return Value(" " + connector + " ");
        default:
            ctx.error(undefinedMethod("join", Value()));
            return Value();
        }
    }
    ctx.error(undefinedMethod("length", input));
    return Value();
}

Value jsonifyFilter(const Value &input, const FilterArgs &, Context &)
{
    // A Range has no to_liquid conversion: Object#to_json prints its to_s.
    if (input.isRange())
        return Value(liquid::toJson(Value(input.toString())));
    return Value(liquid::toJson(input));
}

Value inspectFilter(const Value &input, const FilterArgs &, Context &)
{
    return Value(xmlEscape(rubyInspect(input)));
}

Value toIntegerFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    switch (input.type()) {
    case Value::Type::Bool:
        return Value(std::int64_t(input.toBool() ? 1 : 0));
    case Value::Type::Nil:
    case Value::Type::Int:
    case Value::Type::Float:
    case Value::Type::String:
        return Value(input.toInt());
    case Value::Type::Time:
        return Value(input.time().seconds);
    default:
        ctx.error(undefinedMethod("to_i", input));
        return Value();
    }
}

// --- dates -------------------------------------------------------------------------------

template<typename Format>
Value dateFilter(const Value &input, Context &ctx, Format format)
{
    if (rubyToS(input).empty())
        return input;
    const Host *site = host(ctx);
    // Without a site, Ruby's process zone applies.
    Result<liquid::Time> t = toSiteTime(input, site ? site->timezone() : std::string());
    if (!t) {
        ctx.error(t.error());
        return Value();
    }
    return Value(format(*t));
}

Value dateToXmlschemaFilter(const Value &input, const FilterArgs &, Context &ctx)
{
    return dateFilter(input, ctx, [](const liquid::Time &t) { return xmlschema(t); });
}

Value dateToRfc822Filter(const Value &input, const FilterArgs &, Context &ctx)
{
    return dateFilter(input, ctx, [](const liquid::Time &t) { return rfc822(t); });
}

Value dateToStringFilter(const Value &input, const FilterArgs &args, Context &ctx, bool longMonth)
{
    const Value type = arg(args, 0), style = arg(args, 1);
    return dateFilter(input, ctx, [&](const liquid::Time &t) {
        return stringifyDate(t, longMonth, type.isString() ? type.str() : std::string_view{},
                             style.isString() ? style.str() : std::string_view{});
    });
}

// --- arrays --------------------------------------------------------------------------------

Value whereFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return deliver(where(input, arg(args, 0), arg(args, 1)), ctx);
}

Value findFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return deliver(find(input, arg(args, 0), arg(args, 1)), ctx);
}

Value sortFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return deliver(sort(input, arg(args, 0), args.size() > 1 ? args[1] : Value("first")), ctx);
}

Value groupByFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return deliver(groupBy(input, arg(args, 0)), ctx);
}

// Jekyll's parse_condition: Liquid::Parser, i.e. strict tokenizing.
liquid::ConditionPtr conditionFor(const Value &expression, Context &ctx)
{
    QString error;
    liquid::ConditionPtr condition = liquid::parseJekyllCondition(expression.toString(), &error);
    if (!condition)
        ctx.error(error.isEmpty() ? QStringLiteral("Liquid syntax error in expression '%1'")
                                        .arg(QString::fromStdString(expression.toString()))
                                  : error);
    return condition;
}

// where_exp / find_exp: items (Hash values) for which `expression` holds with
// the item bound to `variable`; `firstOnly` stops at the first.
Value selectByExpression(const Value &input, const FilterArgs &args, Context &ctx, bool firstOnly)
{
    Array items;
    if (!enumerableItems(input, true, &items))
        return input;
    const liquid::ConditionPtr condition = conditionFor(arg(args, 1), ctx);
    if (!condition)
        return Value();
    const std::string variable = arg(args, 0).toString();
    Array selected;
    Context::ScopeGuard scope(ctx);
    for (const Value &item : items) {
        ctx.setLocal(variable, item);
        if (condition->evaluate(ctx)) {
            if (firstOnly)
                return item;
            selected.push_back(item);
        }
        if (ctx.hasPendingError())
            return Value();
    }
    return firstOnly ? Value() : Value(std::move(selected));
}

Value whereExpFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return selectByExpression(input, args, ctx, false);
}

Value findExpFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return selectByExpression(input, args, ctx, true);
}

Value groupByExpFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    Array items;
    if (!enumerableItems(input, false, &items))
        return input;
    QString error;
    // Liquid::Variable.new(expr, ParseContext.new): a lax-parsed `{{ }}` body.
    const liquid::ExpressionPtr expression =
        liquid::parseFilteredExpression(arg(args, 1).toString(), ctx.environment(), &error);
    if (!expression) {
        ctx.error(error);
        return Value();
    }
    const std::string variable = arg(args, 0).toString();
    std::vector<std::pair<Value, Array>> groups;
    Context::ScopeGuard scope(ctx);
    for (const Value &item : items) {
        ctx.setLocal(variable, item);
        const Value key = expression->evaluate(ctx);
        // Ruby's group_by keys compare with eql?: same class and ==.
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
            return g.first.type() == key.type() && g.first.equals(key);
        });
        if (it == groups.end())
            groups.push_back({key, Array{item}});
        else
            it->second.push_back(item);
    }
    return groupedArray(std::move(groups));
}

Value popFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return deliver(pop(input, args.empty() ? Value(1) : args[0]), ctx);
}

Value shiftFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return deliver(shift(input, args.empty() ? Value(1) : args[0]), ctx);
}

Value sampleFilter(const Value &input, const FilterArgs &args, Context &ctx)
{
    return deliver(sample(input, args.empty() ? Value(1) : args[0]), ctx);
}

} // namespace

void registerJekyll(liquid::Environment &env)
{
    // Arity as Ruby checks the method (arguments after the input).
    env.registerFilter("relative_url", relativeUrlFilter, 0, 0);
    env.registerFilter("absolute_url", absoluteUrlFilter, 0, 0);
    env.registerFilter("strip_index", stripIndexFilter, 0, 0);

    env.registerFilter("markdownify", markdownifyFilter, 0, 0);
    env.registerFilter("smartify", smartifyFilter, 0, 0);
    env.registerFilter("sassify", [](const Value &in, const FilterArgs &, Context &ctx) { return sassFilter(in, ctx, false); }, 0, 0);
    env.registerFilter("scssify", [](const Value &in, const FilterArgs &, Context &ctx) { return sassFilter(in, ctx, true); }, 0, 0);

    env.registerFilter("slugify", slugifyFilter, 0, 1);
    env.registerFilter("xml_escape", xmlEscapeFilter, 0, 0);
    env.registerFilter("cgi_escape", cgiEscapeFilter, 0, 0);
    env.registerFilter("uri_escape", uriEscapeFilter, 0, 0);
    env.registerFilter("normalize_whitespace", normalizeWhitespaceFilter, 0, 0);
    env.registerFilter("number_of_words", numberOfWordsFilter, 0, 1);
    env.registerFilter("array_to_sentence_string", arrayToSentenceFilter, 0, 1);
    env.registerFilter("jsonify", jsonifyFilter, 0, 0);
    env.registerFilter("inspect", inspectFilter, 0, 0);
    env.registerFilter("to_integer", toIntegerFilter, 0, 0);

    env.registerFilter("date_to_xmlschema", dateToXmlschemaFilter, 0, 0);
    env.registerFilter("date_to_rfc822", dateToRfc822Filter, 0, 0);
    env.registerFilter("date_to_string", [](const Value &in, const FilterArgs &a, Context &ctx) { return dateToStringFilter(in, a, ctx, false); }, 0, 2);
    env.registerFilter("date_to_long_string", [](const Value &in, const FilterArgs &a, Context &ctx) { return dateToStringFilter(in, a, ctx, true); }, 0, 2);

    env.registerFilter("where", whereFilter, 2, 2);
    env.registerFilter("where_exp", whereExpFilter, 2, 2);
    env.registerFilter("find", findFilter, 2, 2);
    env.registerFilter("find_exp", findExpFilter, 2, 2);
    env.registerFilter("group_by", groupByFilter, 1, 1);
    env.registerFilter("group_by_exp", groupByExpFilter, 2, 2);
    env.registerFilter("sort", sortFilter, 0, 2);
    env.registerFilter("push", [](const Value &in, const FilterArgs &a, Context &) { return push(in, arg(a, 0)); }, 1, 1);
    env.registerFilter("unshift", [](const Value &in, const FilterArgs &a, Context &) { return unshift(in, arg(a, 0)); }, 1, 1);
    env.registerFilter("pop", popFilter, 0, 1);
    env.registerFilter("shift", shiftFilter, 0, 1);
    env.registerFilter("sample", sampleFilter, 0, 1);

    registerJekyllTags(env);
}

liquid::Environment jekyllEnvironment()
{
    liquid::Environment env = liquid::Environment::standard();
    registerJekyll(env);
    return env;
}

} // namespace folio::site::jekyll
