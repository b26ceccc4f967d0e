# The starter site (resources/starter-site) compiled into folio_scaffold, under
# :/folio/starter-site. Every file is listed, dotfiles included; re-run cmake
# after adding one (CONFIGURE_DEPENDS does it for the build).
set(_starter ${PROJECT_SOURCE_DIR}/resources/starter-site)
file(GLOB_RECURSE _starter_files CONFIGURE_DEPENDS LIST_DIRECTORIES false
     RELATIVE ${_starter} ${_starter}/* ${_starter}/.*)
list(FILTER _starter_files EXCLUDE REGEX "(^|/)(_site|\\.jekyll-cache|\\.sass-cache)/")
list(REMOVE_DUPLICATES _starter_files)
list(TRANSFORM _starter_files PREPEND ${_starter}/)
qt_add_resources(folio_scaffold folio_starter_site
    PREFIX /folio/starter-site
    BASE ${_starter}
    FILES ${_starter_files})
