#!/usr/bin/env ruby
# Writes what Rouge 3.30 (Debian's ruby-rouge, the one Jekyll 4.3 uses) makes
# of every sample: samples/NAME.LANG -> samples/NAME.LANG.html, the token spans
# of Rouge::Formatters::HTML for LANG (a Lexer.find name). tst_highlight
# compares Folio's output with these files byte for byte, without Ruby.
#   ruby tests/highlight/rouge-oracle.rb
require "rouge"
abort "Rouge #{Rouge.version}: the fixtures are Rouge 3.30's" unless Rouge.version.start_with?("3.30.")
Dir[File.join(__dir__, "samples", "*")].sort.each do |path|
  next if path.end_with?(".html")
  lang = File.extname(path).delete_prefix(".")
  lexer = Rouge::Lexer.find(lang) or abort "#{path}: Rouge has no lexer #{lang}"
  code = File.read(path, encoding: "UTF-8")
  File.write("#{path}.html", Rouge::Formatters::HTML.new.format(lexer.lex(code)))
end
