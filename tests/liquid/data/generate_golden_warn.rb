# Regenerates golden_warn_expected.json: every golden-liquid case of the `core`
# groups rendered by the Liquid 5.4 gem in Jekyll's `warn` error mode (strict
# parser first, lax on failure) with `render` (inline errors), TZ=UTC.
# Output: {case name: {"output": "..."}} or {case name: {"error": "..."}}.
#   cd tests/liquid/data && TZ=UTC ruby generate_golden_warn.rb ../../../../shared/golden-liquid > golden_warn_expected.json
require 'liquid'
require 'json'
dir = ARGV[0] || '../../../../shared/golden-liquid'
suite = JSON.parse(File.read(File.join(dir, 'golden_liquid.json')))
runs = JSON.parse(File.read(File.join(dir, 'golden_liquid.runs.json')))
core = runs['cases'].select { |c| c['jekyll43_applicability'] == 'core' && c['group'] != 'tags, include' }
                    .map { |c| c['name'] }.to_h { |n| [n, true] }
out = {}
suite['tests'].each do |t|
  next unless core[t['name']]
  begin
    tmpl = Liquid::Template.parse(t['template'], error_mode: :warn, line_numbers: true)
    out[t['name']] = { 'output' => tmpl.render(t['data'] || {}) }
  rescue Liquid::Error => e
    out[t['name']] = { 'error' => e.message }
  end
end
puts JSON.pretty_generate(out)
