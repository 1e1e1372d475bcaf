# Generates bramble/version.hpp: program version from project(), the git commit of the
# source tree at configure time ("unknown" outside a git checkout).
find_package(Git QUIET)
set(BRAMBLE_GIT_COMMIT "unknown")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --abbrev=12
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                  OUTPUT_VARIABLE BRAMBLE_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE
                  ERROR_QUIET)
  if(NOT BRAMBLE_GIT_COMMIT)
    set(BRAMBLE_GIT_COMMIT "unknown")
  endif()
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.hpp.in
               ${PROJECT_BINARY_DIR}/generated/bramble/version.hpp @ONLY)
add_library(bramble_version INTERFACE)
add_library(bramble::version ALIAS bramble_version)
target_include_directories(bramble_version INTERFACE ${PROJECT_BINARY_DIR}/generated)
