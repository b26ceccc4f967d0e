# site/csl's resources: Folio's glue (committed) and citeproc-js (npm
# `citeproc`, pinned in scripts/install-deps.sh, unpacked into the git-ignored
# resources/citeproc).
set(FOLIO_CITEPROC_DIR "${PROJECT_SOURCE_DIR}/resources/citeproc" CACHE PATH "citeproc npm package (citeproc_commonjs.js inside)")
set(_csl_files "${CMAKE_CURRENT_LIST_DIR}/citeproc-host.js")
set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/citeproc-host.js" PROPERTIES QT_RESOURCE_ALIAS citeproc-host.js)
if(EXISTS "${FOLIO_CITEPROC_DIR}/citeproc_commonjs.js")
    list(APPEND _csl_files "${FOLIO_CITEPROC_DIR}/citeproc_commonjs.js")
    set_source_files_properties("${FOLIO_CITEPROC_DIR}/citeproc_commonjs.js" PROPERTIES QT_RESOURCE_ALIAS citeproc_commonjs.js)
else()
    message(WARNING "citeproc-js not found at ${FOLIO_CITEPROC_DIR}: citations cannot be formatted. "
                    "Run scripts/install-deps.sh, then configure again.")
endif()
qt_add_resources(folio_csl folio_csl_js PREFIX "/folio/csl" FILES ${_csl_files})
