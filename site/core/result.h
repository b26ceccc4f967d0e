// Result<T>: the value of a call that can fail, or the reason it failed.
// Modelled on Qt Creator's Utils::Result: an error is a human sentence that
// names what to do, not an error code. C++20 has no std::expected yet.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace folio::site {

struct Error final {
    QString message;
};

template<typename T>
class [[nodiscard]] Result final
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const QString &error() const { return std::get<1>(m_data).message; }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void> final
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error->message; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(QString message) { return Error{std::move(message)}; }

} // namespace folio::site
