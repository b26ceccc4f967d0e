#!/usr/bin/env ruby
# Renders Markdown exactly as Jekyll 4.3's own Markdown converter does with the
# academicpages kramdown block. Used to generate the expected outputs checked
# into tests/markdown/fixtures, and by tst_markdown's seed-site comparison
# (skipped when Ruby is absent):
#   ruby tests/markdown/kramdown-oracle.rb < in.md > out.html
#   ruby tests/markdown/kramdown-oracle.rb in1.md out1.html in2.md out2.html ...
require "jekyll"
require "tmpdir"
site = Jekyll::Site.new(Jekyll.configuration(
  "quiet" => true, "source" => Dir.mktmpdir, "destination" => Dir.mktmpdir,
  "markdown" => "kramdown",
  "kramdown" => { "input" => "GFM", "hard_wrap" => false, "auto_ids" => true,
                  "footnote_nr" => 1, "entity_output" => "as_char",
                  "toc_levels" => "1..6", "smart_quotes" => "lsquo,rsquo,ldquo,rdquo",
                  "enable_coderay" => false }))
converter = site.find_converter_instance(Jekyll::Converters::Markdown)
if ARGV.empty?
  print converter.convert(STDIN.read)
else
  ARGV.each_slice(2) do |input, output|
    File.write(output, converter.convert(File.read(input, encoding: "UTF-8")))
  end
end
