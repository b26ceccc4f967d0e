# Regenerates compress_expected.json: compress.liquid (academicpages' compress
# layout) rendered by the Liquid 5.4 gem in warn mode for several
# compress_html configurations and pages.
#   cd tests/liquid/data && TZ=UTC ruby generate_compress.rb > compress_expected.json
require 'liquid'
require 'json'
template = Liquid::Template.parse(File.read('compress.liquid'), error_mode: :warn, line_numbers: true)
page = <<~HTML
  <!doctype html>
  <html lang="en">
    <head>
      <meta charset="utf-8">
      <title>  A   title </title>
      <!-- a comment --> <!-- another
      multi-line comment -->
    </head>
    <body>
      <div class="x">
        <p>Some   text with    spaces</p>


        <ul>
          <li>one</li>
          <li>two</li>
        </ul>
        <pre><code>keep   this
          exactly  </code></pre>
        <p>after pre</p>
        <pre class="highlight">second
         pre</pre>
      </div>
    </body>
  </html>
HTML
configs = [
  { 'clippings' => 'all', 'ignore' => { 'envs' => 'development' } },
  { 'clippings' => 'all', 'comments' => 'all', 'endings' => 'all', 'startings' => %w[html head body],
    'blanklines' => false, 'ignore' => { 'envs' => [] } },
  { 'clippings' => %w[div p], 'comments' => ['<!-- ', ' -->'], 'blanklines' => true, 'profile' => true },
  { 'ignore' => { 'envs' => ['production'] } },
]
cases = configs.map do |c|
  data = { 'site' => { 'compress_html' => c, 'time' => Time.at(0) }, 'jekyll' => { 'environment' => 'production' },
           'content' => page }
  { 'config' => c, 'content' => page, 'expected' => template.render(data) }
end
puts JSON.pretty_generate(cases)
