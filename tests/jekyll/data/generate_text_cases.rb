# Random strings through Jekyll's slugify (every mode), xml_escape,
# normalize_whitespace and number_of_words (every mode), written to
# text_cases.json for tst_jekyll_filters. Deterministic: fixed seed.
# Run: ruby generate_text_cases.rb [count] [seed] [output]
require "jekyll"
require "json"

count = (ARGV[0] || 300).to_i
rng = Random.new((ARGV[1] || 20_261_126).to_i)
out = ARGV[2] || File.join(__dir__, "text_cases.json")
Jekyll.logger.log_level = :error
pieces = [" ", "  ", "\t", "\n", "-", "--", "_", ".", "'", "\"", "&", "<", ">", "!", "$", "(", ")", "+", ",",
          ";", "=", "@", "~", "#", "%", "/", "?", "A", "b", "Z", "0", "9", "é", "Ü", "ß", "Ł", "œ", "ŉ", "Æ",
          "日本", "カナ", "ひら", "한국", "\u0301", "\u00a0", "\u3000", "😀", "Ω", "ж", "١", "ﬁ", "İ", "ǅ", "¼", "²"]
filters = Class.new { include Jekyll::Filters }.new
cases = Array.new(count) do
  s = Array.new(rng.rand(1..10)) { pieces[rng.rand(pieces.size)] }.join
  entry = { "input" => s }
  [nil, "raw", "default", "pretty", "ascii", "latin", "none"].each do |mode|
    entry["slugify_#{mode || "nil"}"] = Jekyll::Utils.slugify(s, :mode => mode)
  end
  entry["xml_escape"] = filters.xml_escape(s)
  entry["normalize_whitespace"] = filters.normalize_whitespace(s)
  [nil, "cjk", "auto"].each do |mode|
    entry["number_of_words_#{mode || "nil"}"] = filters.number_of_words(s, mode)
  end
  entry
end
File.write(out, JSON.pretty_generate(cases) + "\n")
puts "#{cases.size} cases"
