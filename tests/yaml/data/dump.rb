# The dump format shared by the generators and tst_yaml.cpp's dump().
require "date"

def str(s)
  '"' + s.gsub("\\", "\\\\\\\\").gsub('"', '\\"').gsub("\n", "\\n").gsub("\t", "\\t").gsub("\r", "\\r") + '"'
end

def key(k)
  case k
  when String then k
  when Array, Hash then k.inspect
  when Date then k.strftime("%Y-%m-%d")
  else k.to_s
  end
end

def dump(v)
  case v
  when nil then "nil"
  when true then "true"
  when false then "false"
  when Integer then v.to_s
  when Float then "f:" + v.to_s
  when String then str(v)
  when Time then "time:#{v.to_i}.#{format('%09d', v.nsec)}@#{v.utc_offset}#{v.utc? ? ' UTC' : ''}"
  when Date then "date:" + v.strftime("%Y-%m-%d")
  when Array then "[" + v.map { |x| dump(x) }.join(", ") + "]"
  when Hash then "{" + v.map { |k, x| str(key(k)) + ": " + dump(x) }.join(", ") + "}"
  else "?" + v.class.to_s
  end
end

