# bench/csl_bench: citeproc-js in QJSEngine (site/csl): engine start and
# citeproc-js load, a style's first use, 1,000 entries in one call and in
# 1,000 calls, in-text citations.
add_executable(csl_bench ${CMAKE_CURRENT_LIST_DIR}/csl_bench.cpp)
target_link_libraries(csl_bench PRIVATE folio_csl Qt6::Core)
target_compile_definitions(csl_bench PRIVATE FOLIO_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
