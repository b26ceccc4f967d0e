# Renders tests/jekyll/data/cases.json with Debian's Jekyll 4.3.1 and writes
# jekyll_expected.json, the oracle tst_jekyll_filters compares against.
# Run from anywhere: ruby tests/jekyll/data/generate_expected.rb [zone]
# Data values {"$time": "..."} become Ruby Times, {"$date": "..."} Dates,
# {"$drop": {...}} a Jekyll drop over that hash.
require "jekyll"
require "json"
require "time"

# With a zone argument (e.g. America/New_York) only the date cases are rendered,
# with that `timezone:`, into jekyll_expected_<zone>.json.
zone = ARGV[0]
ENV["TZ"] = zone || "UTC"
dir = File.expand_path(__dir__)
site_dir = File.join(dir, "site")
overrides = { "source" => site_dir, "destination" => "/tmp/folio-jekyll-oracle-site", "quiet" => true }
overrides["timezone"] = zone if zone
config = Jekyll.configuration(overrides)
site = Jekyll::Site.new(config)
site.reset
site.read

# A Jekyll drop over a hash (like a document's), with `url` as a method so
# that relative_url/absolute_url take it (`respond_to?(:url)`).
class TestDrop < Jekyll::Drops::Drop
  def initialize(hash)
    super(nil)
    @hash = hash
  end

  def url
    @hash["url"]
  end

  def fallback_data
    @hash
  end
end

def convert(v)
  case v
  when Hash
    return TestDrop.new(convert(v["$drop"])) if v.key?("$drop")
    return Time.parse(v["$time"]) if v.key?("$time")
    return Date.parse(v["$date"]) if v.key?("$date")
    v.transform_values { |x| convert(x) }
  when Array then v.map { |x| convert(x) }
  else v
  end
end

input = JSON.parse(File.read(File.join(dir, "cases.json")))
common = input["common"]
selected = input["cases"]
selected = selected.select { |c| c["name"].start_with?("date") } if zone
results = selected.map do |c|
  data = convert(common.merge(c["data"] || {}))
  entry = { "name" => c["name"], "template" => c["template"] }
  entry["data"] = c["data"] if c["data"]
  begin
    tpl = Liquid::Template.parse(c["template"], :line_numbers => true)
    out = tpl.render!(data, :registers => { :site => site, :page => {} }, :strict_filters => false)
    entry["output"] = out
  rescue StandardError, ScriptError => e
    entry["error"] = e.message.lines.first.to_s.strip
    entry["error_class"] = e.class.name
  end
  entry
end

# What the C++ MemoryHost needs to stand in for this site.
link_targets = {}
site.each_site_file do |item|
  link_targets[item.relative_path] ||= item.url
end
posts = site.posts.docs.map do |p|
  { "relative_path" => p.relative_path, "basename" => p.basename, "slug" => p.data["slug"],
    "year" => p.date.year, "month" => p.date.month, "day" => p.date.day, "url" => p.url }
end

name = zone ? "jekyll_expected_#{zone.tr("/", "_")}.json" : "jekyll_expected.json"
File.write(File.join(dir, name),
           JSON.pretty_generate("generator" => "Jekyll #{Jekyll::VERSION}, Liquid #{Liquid::VERSION}, TZ=#{ENV["TZ"]}",
                                "timezone" => zone || "UTC",
                                "common" => common, "link_targets" => link_targets, "posts" => posts,
                                "cases" => results) + "\n")
puts "#{results.size} cases"
