// Runs fn(i) for every i in [0, count) on up to `jobs` threads (0 = one per
// core), the calling thread included. Work is handed out one index at a time,
// so uneven items balance themselves. Returns when all are done or `stop`
// (when given) turns true.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace folio::site {

void parallelFor(std::size_t count, int jobs, const std::function<void(std::size_t)> &fn,
                 const std::atomic<bool> *stop = nullptr);

} // namespace folio::site
