# Faults around the result file (issue 10 §4 and §5), end to end: two runs on one file, a
# full disk, SIGINT/SIGTERM to mpiexec mid-run, an --out that is a symbolic link. Each is
# a script in faults/ (ctest label faults); the single-command cases are in the bad-input
# matrix (tests/bad_input/cases-output.txt, cases-results.txt). Included from CMakeLists.txt.

# Result-file fixtures written at test time: a good file, a truncated one, another
# program's HDF5, a newer schema's (h5_fixture.cpp). The matrix names it as
# $<TARGET_FILE:bramble_h5_fixture>.
add_executable(bramble_h5_fixture h5_fixture.cpp)
target_link_libraries(bramble_h5_fixture PRIVATE bramble::results bramble_warnings)

# bramble_fault_test(NAME SCRIPT TIMEOUT [script arguments]); 77 = skipped (not allowed here).
function(bramble_fault_test name script timeout)
  add_test(NAME faults.${name} COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/faults/${script} ${ARGN})
  set_tests_properties(faults.${name} PROPERTIES
    LABELS faults PROCESSORS 2 TIMEOUT ${timeout} SKIP_RETURN_CODE 77
    ENVIRONMENT "BRAMBLE=$<TARGET_FILE:bramble>;MPIEXEC=${MPIEXEC_EXECUTABLE};FIXTURE=$<TARGET_FILE:bramble_h5_fixture>;OUT=${OUT}/faults;OPENBLAS_NUM_THREADS=1;${bramble_test_env}")
endfunction()

bramble_fault_test(lock_held lock_held.sh 90)
bramble_fault_test(lock_race lock_race.sh 150)
bramble_fault_test(interrupt_sigint interrupt.sh 180 INT)  # HPL --quick first: slow on a busy VM
bramble_fault_test(interrupt_sigterm interrupt.sh 90 TERM)
bramble_fault_test(interrupt_before_first_result interrupt_early.sh 60)
bramble_fault_test(full_disk full_disk.sh 90)
bramble_fault_test(symlink_out symlink_out.sh 60)
