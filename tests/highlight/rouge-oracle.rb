#!/usr/bin/env ruby
# Writes what Rouge 3.30 (Debian's ruby-rouge, the one Jekyll 4.3 uses) makes
# of every sample: samples/NAME.LANG -> samples/NAME.LANG.html, the token spans
# of Rouge::Formatters::HTML for LANG (a Lexer.find name). tst_highlight
# compares Folio's output with these files byte for byte, without Ruby.
#   ruby tests/highlight/rouge-oracle.rb
# With --cross OUT LANG..., it lexes every sample with each LANG (code a lexer
# was not written for takes it down unusual paths) into OUT/NAME.EXT.LANG.html;
# tst_highlight runs this when Ruby and Rouge are installed.
require "rouge"
abort "Rouge #{Rouge.version}: the fixtures are Rouge 3.30's" unless Rouge.version.start_with?("3.30.")
samples = Dir[File.join(__dir__, "samples", "*")].sort.reject { |path| path.end_with?(".html") }
if ARGV[0] == "--cross"
  out = ARGV[1]
  ARGV[2..].each do |lang|
    lexer = Rouge::Lexer.find(lang) or abort "Rouge has no lexer #{lang}"
    samples.each do |path|
      code = File.read(path, encoding: "UTF-8")
      html = begin
        Rouge::Formatters::HTML.new.format(lexer.lex(code))
      rescue StandardError
        "(Rouge raised)" # Folio then leaves the code unhighlighted
      end
      File.write(File.join(out, "#{File.basename(path)}.#{lang}.html"), html)
    end
  end
  exit
end
samples.each do |path|
  lang = File.extname(path).delete_prefix(".")
  lexer = Rouge::Lexer.find(lang) or abort "#{path}: Rouge has no lexer #{lang}"
  code = File.read(path, encoding: "UTF-8")
  File.write("#{path}.html", Rouge::Formatters::HTML.new.format(lexer.lex(code)))
end
