# Regenerates the expected CSS with the sassc gem (the libsass binding that
# jekyll-sass-converter 2.2 uses), with Jekyll's options. Run from this folder:
#   ruby generate-expected.rb
require "sassc"
%w(nested expanded compact compressed).each do |style|
  css = SassC::Engine.new(File.read("site/assets/css/main.scss"),
                          style: style.to_sym, syntax: :scss,
                          filename: "site/assets/css/main.scss",
                          load_paths: [File.expand_path("site/vendor"), File.expand_path("site/_sass")],
                          line_comments_option: false).render
  File.write("main-#{style}.css", css.sub(/\A\uFEFF/, ""))
end
