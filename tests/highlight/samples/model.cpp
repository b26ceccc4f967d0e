#include <iostream>
#include <vector>
#include <memory>

namespace sim {

template <typename T, std::size_t N = 3>
class Vector {
public:
    constexpr Vector() noexcept = default;
    explicit Vector(std::initializer_list<T> xs) { std::copy(xs.begin(), xs.end(), data_); }
    T &operator[](std::size_t i) { return data_[i]; }
    auto operator<=>(const Vector &) const = default;

private:
    T data_[N]{};
};

struct Particle : public Base {
    double mass = 1'000.5;
    virtual ~Particle() override = default;
};

} // namespace sim

int main() {
    using namespace std::chrono_literals;
    auto p = std::make_unique<sim::Particle>();
    std::vector<int> v{1, 2, 3};
    for (const auto &x : v) std::cout << x << '\n';
    auto raw = R"(raw \n string)";
    auto delay = 10ms + 2s;
    bool ok = true && nullptr == p.get();
    int bits = 0b1010'1010, hex = 0xDEAD'BEEF, oct = 0755;
    try {
        throw std::runtime_error("oops");
    } catch (const std::exception &e) {
        std::cerr << e.what() << std::endl;
    }
    return ok ? 0 : 1;
}
