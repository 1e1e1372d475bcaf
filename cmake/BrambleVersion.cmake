# The bramble::version target: two generated headers under generated/bramble/.
#   version.hpp     at configure time: program version (from project()), build type,
#                   compiler and compiler flags.
#   git_commit.hpp  at build time, on every build (cmake/BrambleGitCommit.cmake): the commit
#                   changes without CMake being rerun, and a result file must name the source
#                   that was really built. version.hpp includes it.
find_package(Git QUIET)
set(BRAMBLE_GENERATED_DIR ${PROJECT_BINARY_DIR}/generated)

# The flags every C++ file of this build gets: CMAKE_CXX_FLAGS then those of the build type,
# in the order the compiler sees them (the last -O wins). The kernels' own options (for
# -ffp-contract=off) are added at generate time from the target itself, so this record cannot
# drift from kernels/CMakeLists.txt.
string(TOUPPER "${CMAKE_BUILD_TYPE}" _bramble_type)
set(_bramble_flags "${CMAKE_CXX_FLAGS}")
if(_bramble_type)
  string(APPEND _bramble_flags " ${CMAKE_CXX_FLAGS_${_bramble_type}}")
endif()
string(REGEX REPLACE "[ \t\n]+" " " _bramble_flags "${_bramble_flags}")
string(STRIP "${_bramble_flags}" _bramble_flags)
# Into a C++ string literal: a flag such as -DNAME="x" must not end it early.
string(REPLACE "\\" "\\\\" _bramble_flags "${_bramble_flags}")
string(REPLACE "\"" "\\\"" BRAMBLE_CXX_FLAGS "${_bramble_flags}")

# configure_file fills the @VARIABLES@; file(GENERATE) then evaluates the generator
# expressions (the kernels' options) once all targets exist. Both rewrite only on change.
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.hpp.in
               ${PROJECT_BINARY_DIR}/CMakeFiles/bramble_version.hpp.in @ONLY)
file(GENERATE OUTPUT ${BRAMBLE_GENERATED_DIR}/bramble/version.hpp
     INPUT ${PROJECT_BINARY_DIR}/CMakeFiles/bramble_version.hpp.in)

# No OUTPUT, so it runs on every build; BYPRODUCTS tells Ninja who makes the header and
# lets it see that an unchanged header needs nothing rebuilt (restat).
set(BRAMBLE_GIT_COMMIT_HEADER ${BRAMBLE_GENERATED_DIR}/bramble/git_commit.hpp)
add_custom_target(bramble_git_commit ALL
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${BRAMBLE_GIT_COMMIT_HEADER}
          "-DGIT_EXECUTABLE=${GIT_EXECUTABLE}" -P ${CMAKE_CURRENT_LIST_DIR}/BrambleGitCommit.cmake
  BYPRODUCTS ${BRAMBLE_GIT_COMMIT_HEADER}
  COMMENT "Reading the git commit of the source tree"
  VERBATIM)

add_library(bramble_version INTERFACE)
add_library(bramble::version ALIAS bramble_version)
target_include_directories(bramble_version INTERFACE ${BRAMBLE_GENERATED_DIR})
# An interface library's dependencies are followed by everything that links it (the context
# layer, and through it the bramble executable and the tests), so the header exists and is
# current before any of them compiles.
add_dependencies(bramble_version bramble_git_commit)
