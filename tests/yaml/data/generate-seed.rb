# Regenerates seed-expected.txt: what Jekyll 4.3's Psych gives for the seed
# site's _config.yml, _data files and every front matter. Run from this folder:
#   TZ=America/Los_Angeles ruby generate-seed.rb ../../../../shared/fixtures/seed-site > seed-expected.txt
require "yaml"
require "date"
require_relative "dump"

FRONT_MATTER = %r!\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)!m
root = ARGV.fetch(0)
Dir.chdir(root) do
  files = Dir.glob("**/*", File::FNM_DOTMATCH).select { |f| File.file?(f) }.sort
  files.each do |f|
    ext = File.extname(f).downcase
    text = File.read(f, encoding: "bom|utf-8")
    yaml = nil
    kind = nil
    body = 0
    if f == "_config.yml" || (f.start_with?("_data/") && %w(.yml .yaml).include?(ext))
      yaml, kind = text, "file"
    elsif %w(.md .markdown .html .xml .scss .css .js .txt .json).include?(ext) && text.valid_encoding? && text =~ FRONT_MATTER
      yaml, kind = Regexp.last_match(1), "front"
      body = Regexp.last_match.post_match.bytesize
    end
    next unless yaml
    begin
      v = Psych.safe_load(yaml, permitted_classes: [Date, Time], aliases: true)
      puts "#{kind}\t#{f}\t#{body}\t#{dump(v)}"
    rescue StandardError => e
      puts "#{kind}\t#{f}\t#{body}\tERROR\t#{e.message.gsub("\n", " ")}"
    end
  end
end
