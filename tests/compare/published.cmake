# The published HPL figures: every row parses and has a source; the ranking.
# Unit tests: the shipped CSV, its built-in copy, the parser's messages, ranks by hand.
bramble_test(NAME published LIB comparison)
target_compile_definitions(test_published PRIVATE
  BRAMBLE_PUBLISHED_CSV="${PROJECT_SOURCE_DIR}/results/reference/published.csv")
set_tests_properties(published PROPERTIES LABELS compare)

# End to end: a real HPL run with a declared (estimated) 30 W, then `compare --published`
# on its file. The run is a fixture, so each compare test can run alone (ctest -R).
set(published_out ${CMAKE_CURRENT_BINARY_DIR}/published-out)
set(published_file ${published_out}/hpl-power.h5)
set(published_label ctest-published)
file(MAKE_DIRECTORY ${published_out})

# published_cli_test(NAME RANKS EXIT REGEX [expect.sh options] -- bramble args)
function(published_cli_test name ranks exit_code regex)
  add_test(NAME published.${name}
           COMMAND ${PROJECT_SOURCE_DIR}/tests/cli/expect.sh ${ranks} ${exit_code} ${regex} ${ARGN})
  set_tests_properties(published.${name} PROPERTIES
    LABELS compare PROCESSORS ${ranks} TIMEOUT 120
    ENVIRONMENT "BRAMBLE=$<TARGET_FILE:bramble>;MPIEXEC=${MPIEXEC_EXECUTABLE};OPENBLAS_NUM_THREADS=1")
  if(NOT name STREQUAL "run")
    set_tests_properties(published.${name} PROPERTIES FIXTURES_REQUIRED published_run)
  endif()
endfunction()

published_cli_test(run 2 0 "hpl +N=400 .*PASSED" --before "rm -f ${published_file}"
                   -- run hpl --n 400 --out ${published_file} --power fixed:30 --idle-seconds 0.5
                      --label ${published_label})
set_tests_properties(published.run PROPERTIES FIXTURES_SETUP published_run)

# The user's row, marked as yours and HPL-style (not an official HPL run), with its estimate
# flagged; the warning that per watt flatters.
published_cli_test(table 1 0
  "^ +[0-9]+ +▶ yours [(]HPL-style[)]: ${published_label} +1 +[0-9]+ +[0-9.]+ +[0-9.]+ +30[.]00 [(]estimate[)]! +[0-9.]+! "
  -- compare ${published_file} --published)
published_cli_test(table_warning 1 0
  "^! ${published_label}: power is estimate, not wall power: .* flatters" --once
  -- compare ${published_file} --published)
published_cli_test(markdown 1 0
  "^[|] [0-9]+ [|] [*][*]▶ yours [(]HPL-style[)]: ${published_label}[*][*] [|] 1 [|]"
  -- compare ${published_file} --published --format markdown)
published_cli_test(markdown_warning 1 0
  "^> :warning: ${published_label}: power is estimate, not wall power" --once
  -- compare ${published_file} --published --format markdown)
published_cli_test(csv 1 0 "^per_watt,[0-9]+,yes,${published_label},1,[0-9]+,[0-9.e+-]+,[0-9.e+-]+,estimate,30,"
  -- compare ${published_file} --published --format csv)

# JSON that a JSON parser accepts (NaN as null), with the run in both rankings.
add_test(NAME published.json COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/published_data/check_json.py
                                     ${published_file} ${published_label})
set_tests_properties(published.json PROPERTIES LABELS compare TIMEOUT 60 FIXTURES_REQUIRED published_run
  ENVIRONMENT "BRAMBLE=$<TARGET_FILE:bramble>;MPIEXEC=${MPIEXEC_EXECUTABLE}")

# Another CSV with a broken row: one message naming the file's line, exit 3.
published_cli_test(broken_file 1 3 "error: .*broken[.]csv line 5: expected 10 fields" --once
  -- compare ${published_file} --published-file ${CMAKE_CURRENT_SOURCE_DIR}/published_data/broken.csv)
