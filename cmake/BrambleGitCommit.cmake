# Writes bramble/git_commit.hpp with the commit of the source tree; run on every build by
# the bramble_git_commit target (cmake/BrambleVersion.cmake), in script mode:
#   cmake -DSOURCE_DIR=<tree> -DOUTPUT=<header> [-DGIT_EXECUTABLE=<git>] -P BrambleGitCommit.cmake
# Read at build time, not configure time: a commit or an edit after `cmake` configured would
# otherwise leave result files naming source that is not what was built. The header is
# rewritten only when its text changes, so a build with nothing new recompiles nothing.
if(NOT SOURCE_DIR OR NOT OUTPUT)
  message(FATAL_ERROR "BrambleGitCommit.cmake: give -DSOURCE_DIR=... and -DOUTPUT=...")
endif()

set(commit "unknown")
if(NOT GIT_EXECUTABLE)
  find_program(GIT_EXECUTABLE git)
endif()
# Only the tree's own .git (a folder, or a file in a worktree or submodule): an unpacked
# release tarball that happens to lie inside some other checkout must not borrow its commit.
if(GIT_EXECUTABLE AND EXISTS "${SOURCE_DIR}/.git")
  # --dirty: tracked files differ from the commit, so the build is not that commit's code.
  execute_process(COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --abbrev=12
                  WORKING_DIRECTORY "${SOURCE_DIR}"
                  RESULT_VARIABLE result
                  OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE
                  ERROR_QUIET)
  if(result EQUAL 0 AND described MATCHES "^[0-9A-Za-z._/+-]+$")
    set(commit "${described}")
  endif()
endif()

string(CONCAT text "#pragma once\n"
             "// Generated at build time by cmake/BrambleGitCommit.cmake; do not edit.\n"
             "// `git describe --always --dirty --abbrev=12` of the source tree, \"unknown\" outside a\n"
             "// git checkout.\n"
             "namespace bramble {\n"
             "inline constexpr const char* kGitCommit = \"${commit}\";\n"
             "}  // namespace bramble\n")
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUTPUT}" "${text}")
endif()
