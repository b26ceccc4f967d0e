source "https://rubygems.org"

gem "github-pages", group: :jekyll_plugins
gem "jekyll-feed", "~> 0.12"
group :jekyll_plugins do
  gem "jekyll-sitemap"
  gem 'hawkins'
end
gem "tzinfo-data", platforms: [:mingw, :mswin, :x64_mingw, :jruby]
