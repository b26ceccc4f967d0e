// Test helper: JSON text -> liquid::Value keeping object key order (Ruby
// hashes keep insertion order, which inspect prints; QJsonObject sorts keys)
// and the integer/float distinction (`1` is an Integer, `1.0` a Float in Ruby).
#pragma once

#include "site/liquid/value.h"

#include <cstdlib>
#include <string>
#include <string_view>

namespace folio::tests {

class JsonReader final
{
public:
    explicit JsonReader(std::string_view text) : m_s(text) {}

    bool parse(site::liquid::Value *out)
    {
        *out = value();
        skipSpace();
        return m_ok && m_pos == m_s.size();
    }

private:
    void skipSpace()
    {
        while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\n' || m_s[m_pos] == '\r' || m_s[m_pos] == '\t'))
            ++m_pos;
    }

    site::liquid::Value value()
    {
        using site::liquid::Value;
        skipSpace();
        if (m_pos >= m_s.size()) {
            m_ok = false;
            return {};
        }
        const char c = m_s[m_pos];
        if (c == '{') {
            ++m_pos;
            site::liquid::Hash h;
            skipSpace();
            if (m_pos < m_s.size() && m_s[m_pos] == '}') {
                ++m_pos;
                return Value(std::move(h));
            }
            while (m_ok) {
                skipSpace();
                std::string key = string();
                skipSpace();
                if (m_pos >= m_s.size() || m_s[m_pos] != ':') {
                    m_ok = false;
                    break;
                }
                ++m_pos;
                Value v = value();
                h.set(std::move(key), std::move(v));
                skipSpace();
                if (m_pos < m_s.size() && m_s[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_s.size() && m_s[m_pos] == '}') {
                    ++m_pos;
                    break;
                }
                m_ok = false;
            }
            return Value(std::move(h));
        }
        if (c == '[') {
            ++m_pos;
            site::liquid::Array a;
            skipSpace();
            if (m_pos < m_s.size() && m_s[m_pos] == ']') {
                ++m_pos;
                return Value(std::move(a));
            }
            while (m_ok) {
                a.push_back(value());
                skipSpace();
                if (m_pos < m_s.size() && m_s[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_s.size() && m_s[m_pos] == ']') {
                    ++m_pos;
                    break;
                }
                m_ok = false;
            }
            return Value(std::move(a));
        }
        if (c == '"')
            return Value(string());
        if (m_s.substr(m_pos).starts_with("true")) {
            m_pos += 4;
            return Value(true);
        }
        if (m_s.substr(m_pos).starts_with("false")) {
            m_pos += 5;
            return Value(false);
        }
        if (m_s.substr(m_pos).starts_with("null")) {
            m_pos += 4;
            return Value();
        }
        const std::size_t b = m_pos;
        bool isFloat = false;
        while (m_pos < m_s.size() && std::string_view("+-0123456789.eE").find(m_s[m_pos]) != std::string_view::npos) {
            isFloat |= m_s[m_pos] == '.' || m_s[m_pos] == 'e' || m_s[m_pos] == 'E';
            ++m_pos;
        }
        if (b == m_pos) {
            m_ok = false;
            return {};
        }
        const std::string num(m_s.substr(b, m_pos - b));
        if (isFloat)
            return Value(std::strtod(num.c_str(), nullptr));
        return Value(std::int64_t(std::strtoll(num.c_str(), nullptr, 10)));
    }

    void appendUtf8(std::string &out, unsigned cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    std::string string()
    {
        std::string out;
        if (m_pos >= m_s.size() || m_s[m_pos] != '"') {
            m_ok = false;
            return out;
        }
        ++m_pos;
        while (m_pos < m_s.size() && m_s[m_pos] != '"') {
            char c = m_s[m_pos++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_s.size())
                break;
            c = m_s[m_pos++];
            switch (c) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                unsigned cp = unsigned(std::strtoul(std::string(m_s.substr(m_pos, 4)).c_str(), nullptr, 16));
                m_pos += 4;
                if (cp >= 0xD800 && cp < 0xDC00 && m_s.substr(m_pos).starts_with("\\u")) {
                    const unsigned lo = unsigned(std::strtoul(std::string(m_s.substr(m_pos + 2, 4)).c_str(), nullptr, 16));
                    m_pos += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                appendUtf8(out, cp);
                break;
            }
            default: out += c;
            }
        }
        ++m_pos;
        return out;
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

} // namespace folio::tests
