#!/usr/bin/env ruby
# Renders Markdown from stdin exactly as Jekyll 4.3's own Markdown converter
# does with the academicpages kramdown block; used to generate the expected
# outputs checked into tests/markdown/fixtures (the tests never run Ruby
# unless they compare against the shared seed site):
#   ruby tests/markdown/kramdown-oracle.rb < in.md > out.html
require "jekyll"
require "tmpdir"
site = Jekyll::Site.new(Jekyll.configuration(
  "quiet" => true, "source" => Dir.mktmpdir, "destination" => Dir.mktmpdir,
  "markdown" => "kramdown",
  "kramdown" => { "input" => "GFM", "hard_wrap" => false, "auto_ids" => true,
                  "footnote_nr" => 1, "entity_output" => "as_char",
                  "toc_levels" => "1..6", "smart_quotes" => "lsquo,rsquo,ldquo,rdquo",
                  "enable_coderay" => false }))
print site.find_converter_instance(Jekyll::Converters::Markdown).convert(STDIN.read)
