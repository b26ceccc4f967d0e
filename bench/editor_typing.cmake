# bench/editor_typing: keystroke handling in the Markdown editor on a 1 MB
# Markdown+math document, with highlighting and spell check on.
if(FOLIO_BUILD_GUI)
    add_executable(editor_typing ${CMAKE_CURRENT_LIST_DIR}/editor_typing.cpp)
    target_link_libraries(editor_typing PRIVATE folio_editor Qt6::Widgets)
endif()
