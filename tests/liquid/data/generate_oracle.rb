# Regenerates oracle_expected.jsonl: each template of oracle_templates.txt
# (one a line, "\n" = newline) rendered by the Liquid 5.4 gem Debian's Jekyll
# 4.3.1 runs, in Jekyll's `warn` error mode, with oracle_data.json, TZ=UTC.
#   cd tests/liquid/data && TZ=UTC ruby generate_oracle.rb > oracle_expected.jsonl
require 'liquid'
require 'json'
data = JSON.parse(File.read('oracle_data.json'))
File.readlines('oracle_templates.txt', chomp: true).each do |line|
  src = line.gsub('\n', "\n")
  begin
    # A fresh copy each time: increment/decrement write into the assigns hash.
    out = Liquid::Template.parse(src, error_mode: :warn, line_numbers: true).render(Marshal.load(Marshal.dump(data)))
  rescue Liquid::Error => e
    out = "EXC: #{e.message}"
  end
  puts JSON.generate([line, out])
end
