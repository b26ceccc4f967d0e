# Regenerates psych-expected.txt from psych-cases.txt with Ruby's Psych, the
# way Jekyll 4.3 loads YAML (Psych.safe_load, Date and Time permitted,
# aliases allowed). Run from this folder:
#   TZ=America/Los_Angeles ruby generate-expected.rb > psych-expected.txt
# The dump format is the one tst_yaml.cpp's dump() writes.
require "yaml"
require "date"

require_relative "dump"

cases = File.read("psych-cases.txt").split(/^### /).reject(&:empty?)
cases.each do |c|
  name, text = c.split("\n", 2)
  text ||= ""
  begin
    v = Psych.safe_load(text, permitted_classes: [Date, Time], aliases: true)
    puts "#{name}\t#{dump(v)}"
  rescue Psych::SyntaxError => e
    puts "#{name}\tERROR\t#{e.line}\t#{e.problem}"
  rescue StandardError => e
    puts "#{name}\tERROR\t0\t#{e.message.gsub("\n", " ")}"
  end
end
