# bramble_add_mpi_test(NAME <name> TARGET <exe> RANKS <n> [ARGS ...] [TIMEOUT s])
#   Registers one ctest test that runs <exe> under mpiexec with <n> ranks.
# bramble_add_mpi_tests(NAME <name> TARGET <exe> [ARGS ...])
#   Registers it at every rank count in BRAMBLE_TEST_RANKS (1, 2 and 4 by default).
# PROCESSORS is set so that `ctest -j` does not overload the machine.
set(BRAMBLE_TEST_RANKS 1 2 4 CACHE STRING "Rank counts at which MPI tests are registered")

function(bramble_add_mpi_test)
  cmake_parse_arguments(T "" "NAME;TARGET;RANKS;TIMEOUT" "ARGS" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  add_test(NAME ${T_NAME}.np${T_RANKS}
           COMMAND ${MPIEXEC_EXECUTABLE} ${MPIEXEC_NUMPROC_FLAG} ${T_RANKS} ${MPIEXEC_PREFLAGS}
                   $<TARGET_FILE:${T_TARGET}> ${MPIEXEC_POSTFLAGS} ${T_ARGS})
  set_tests_properties(${T_NAME}.np${T_RANKS} PROPERTIES
                       PROCESSORS ${T_RANKS} TIMEOUT ${T_TIMEOUT}
                       ENVIRONMENT "OPENBLAS_NUM_THREADS=1")
endfunction()

function(bramble_add_mpi_tests)
  cmake_parse_arguments(T "" "NAME;TARGET;TIMEOUT" "ARGS" ${ARGN})
  foreach(ranks IN LISTS BRAMBLE_TEST_RANKS)
    bramble_add_mpi_test(NAME ${T_NAME} TARGET ${T_TARGET} RANKS ${ranks}
                         TIMEOUT ${T_TIMEOUT} ARGS ${T_ARGS})
  endforeach()
endfunction()
