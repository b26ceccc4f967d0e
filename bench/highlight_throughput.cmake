# bench/highlight_throughput: the code highlighter (site/highlight) on
# tests/highlight/samples, each sample's throughput beside Rouge's own in the
# same run (when Ruby and Rouge are installed).
add_executable(highlight_throughput ${CMAKE_CURRENT_LIST_DIR}/highlight_throughput.cpp)
target_link_libraries(highlight_throughput PRIVATE folio_highlight Qt6::Core)
target_compile_definitions(highlight_throughput PRIVATE FOLIO_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
