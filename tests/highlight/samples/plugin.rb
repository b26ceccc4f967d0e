# frozen_string_literal: true
require "jekyll"

module Jekyll
  # Adds a reading-time estimate to every post.
  class ReadingTime < Generator
    safe true
    priority :low
    WORDS_PER_MINUTE = 200

    def generate(site)
      site.posts.docs.each do |post|
        words = post.content.split(/\s+/).size
        post.data["reading_time"] = (words / WORDS_PER_MINUTE.to_f).ceil
        puts "#{post.data['title']}: #{words} words" if @verbose
      end
    end

    def self.format(minutes, unit: "min")
      return nil unless minutes&.positive?
      minutes > 1 ? "#{minutes} #{unit}s" : %Q{1 #{unit}}
    end

    private

    def tags_for(post) = post.data.fetch("tags", []).map(&:downcase).uniq!
  end
end

list = %w[alpha beta gamma] + %i(a b)
re = %r{^/posts/(\d{4})/}i
x = y ? :yes : :no
sym = :"quoted #{1 + 2}"
h = { key: 'value', "other" => 3.14e-2, 0x1F => 0b1010, :@ivar => @@klass }
text = <<~MARKDOWN
  # Heading #{title}
  Body text
MARKDOWN
$stderr.puts $0, __FILE__
obj.send(:method_missing) rescue raise ArgumentError, "bad"
value = ?a + ?\n
=begin
block comment
=end
def <=>(other); end
class Foo::Bar < Base; end
__END__
data section
