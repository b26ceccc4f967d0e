#include "parallel.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace folio::site {

void parallelFor(std::size_t count, int jobs, const std::function<void(std::size_t)> &fn,
                 const std::atomic<bool> *stop)
{
    const std::size_t threads = std::min<std::size_t>(
        count, jobs > 0 ? std::size_t(jobs) : std::max<std::size_t>(1, std::thread::hardware_concurrency()));
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < count;) {
            if (stop && stop->load(std::memory_order_relaxed))
                return;
            fn(i);
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto &t : pool)
        t.join();
}

} // namespace folio::site
