# bramble_add_mpi_test(NAME <name> TARGET <exe> RANKS <n> [ARGS ...] [TIMEOUT s])
#   Registers one ctest test, <name>.np<n>, that runs <exe> under mpiexec with <n> ranks;
#   once only, so an extra rank count that is also in BRAMBLE_TEST_RANKS is not an error.
# bramble_add_mpi_tests(NAME <name> TARGET <exe> [ARGS ...])
#   Registers it at every rank count in BRAMBLE_TEST_RANKS (1, 2 and 4 by default).
# PROCESSORS is set so that `ctest -j` does not overload the machine. Rank counts are not
# capped at MPIEXEC_MAX_NUMPROCS (the cores FindMPI sees): 4 ranks on a 2-core machine is
# wanted, and the test scripts allow oversubscription.
set(BRAMBLE_TEST_RANKS 1 2 4 CACHE STRING "Rank counts at which MPI tests are registered")

# A typo here would otherwise register tests that mpiexec rejects, or none at all.
if(NOT BRAMBLE_TEST_RANKS)
  message(FATAL_ERROR "BRAMBLE_TEST_RANKS is empty: give at least one rank count (default: 1;2;4)")
endif()
foreach(ranks IN LISTS BRAMBLE_TEST_RANKS)
  if(NOT ranks MATCHES "^[1-9][0-9]*$")
    message(FATAL_ERROR "BRAMBLE_TEST_RANKS: \"${ranks}\" is not a positive rank count (${BRAMBLE_TEST_RANKS})")
  endif()
endforeach()

function(bramble_add_mpi_test)
  cmake_parse_arguments(T "" "NAME;TARGET;RANKS;TIMEOUT" "ARGS" ${ARGN})
  if(TEST ${T_NAME}.np${T_RANKS})
    return()
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)  # a hang's bound, not a speed check: generous, as on a busy machine
  endif()
  add_test(NAME ${T_NAME}.np${T_RANKS}
           COMMAND ${MPIEXEC_EXECUTABLE} ${MPIEXEC_NUMPROC_FLAG} ${T_RANKS} ${MPIEXEC_PREFLAGS}
                   $<TARGET_FILE:${T_TARGET}> ${MPIEXEC_POSTFLAGS} ${T_ARGS})
  # 77: cases skipped and none failed (tests/mpi_gtest_main.cpp), reported as skipped.
  set_tests_properties(${T_NAME}.np${T_RANKS} PROPERTIES
                       PROCESSORS ${T_RANKS} TIMEOUT ${T_TIMEOUT} SKIP_RETURN_CODE 77
                       ENVIRONMENT "OPENBLAS_NUM_THREADS=1")
endfunction()

function(bramble_add_mpi_tests)
  cmake_parse_arguments(T "" "NAME;TARGET;TIMEOUT" "ARGS" ${ARGN})
  foreach(ranks IN LISTS BRAMBLE_TEST_RANKS)
    bramble_add_mpi_test(NAME ${T_NAME} TARGET ${T_TARGET} RANKS ${ranks}
                         TIMEOUT ${T_TIMEOUT} ARGS ${T_ARGS})
  endforeach()
endfunction()
