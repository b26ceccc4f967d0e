# Random URL-ish strings through Jekyll's relative_url/absolute_url and
# uri_escape/cgi_escape (Addressable 2.8, CGI), written to url_cases.json for
# tst_jekyll_filters. Deterministic: fixed seed. Run: ruby generate_url_cases.rb
require "addressable/uri"
require "cgi"
require "json"

rng = Random.new(20_261_125)
pieces = ["/", "/", "a", "b", "Z", "0", ".", "..", "./", "../", "%", "%2F", "%2f", "%41", "%7e", "%zz", "%25",
          "?", "#", "&", ";", "=", "+", ":", "@", "[", "]", " ", "é", "ü", "ﬁ", "日", "~", "!", "$", "'", "(",
          ")", "*", ",", "\\", "\"", "<", ">", "{", "}", "|", "^", "`", "%2B", "%2b", "%20", "-", "_"]

def relative(input, baseurl)
  return input if Addressable::URI.parse(input).absolute?
  parts = [baseurl.chomp("/"), input].map { |p| p.empty? || p.start_with?("/") ? p : "/#{p}" }
  Addressable::URI.parse(parts.join).normalize.to_s
end

cases = []
400.times do
  s = Array.new(rng.rand(1..8)) { pieces[rng.rand(pieces.size)] }.join
  entry = { "input" => s }
  begin
    entry["relative"] = relative(s, "/blog/")
    entry["absolute"] = if Addressable::URI.parse(s).absolute?
                          s
                        else
                          Addressable::URI.parse("https://example.com" + relative(s, "/blog/")).normalize.to_s
                        end
  rescue StandardError => e
    entry["url_error"] = e.message
  end
  # Other site settings: a site url with a port and trailing slash and no
  # baseurl; no site url and a baseurl without a leading slash.
  begin
    entry["absolute_port_slash"] = if Addressable::URI.parse(s).absolute?
                                     s
                                   else
                                     Addressable::URI.parse("https://Example.COM:443/" + relative(s, "")).normalize.to_s
                                   end
  rescue StandardError => e
    entry["absolute_port_slash_error"] = e.message
  end
  begin
    entry["relative_bare_base"] = relative(s, "blog/")
  rescue StandardError => e
    entry["relative_bare_base_error"] = e.message
  end
  entry["uri_escape"] = Addressable::URI.normalize_component(s)
  entry["cgi_escape"] = CGI.escape(s)
  cases << entry
end
File.write(File.join(__dir__, "url_cases.json"), JSON.pretty_generate(cases) + "\n")
puts "#{cases.size} cases"
