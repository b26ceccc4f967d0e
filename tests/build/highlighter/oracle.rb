#!/usr/bin/env ruby
# Renders code.md as Jekyll 4.3 does under each NAME.yml here used as the
# site's _config.yml, writing the expected NAME.html that tst_highlighter_config
# compares Folio's output with. Regenerate after adding a case:
#   ruby tests/build/highlighter/oracle.rb
require "jekyll"
require "tmpdir"
dir = __dir__
markdown = File.read(File.join(dir, "code.md"), encoding: "UTF-8")
Dir[File.join(dir, "*.yml")].sort.each do |yml|
  site = Jekyll::Site.new(Jekyll.configuration(
    "quiet" => true, "source" => Dir.mktmpdir, "destination" => Dir.mktmpdir,
    "config" => yml))
  converter = site.find_converter_instance(Jekyll::Converters::Markdown)
  File.write(yml.sub(/\.yml\z/, ".html"), converter.convert(markdown))
end
