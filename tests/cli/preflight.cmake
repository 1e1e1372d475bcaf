# The preflight check and a power source that stops answering (issue 10 §2 and §4), end to
# end. Included from CMakeLists.txt; its result files go to their own folder.
#
# A node that runs another build is played by an MPMD launch whose second rank reports a
# made-up fact (the hidden, test-only --preflight-fake FIELD=VALUE): both ranks run this
# build's bramble, each a pretend node of its own (--ranks-per-node 1).
set(PF_OUT ${CMAKE_CURRENT_BINARY_DIR}/out-preflight)
file(MAKE_DIRECTORY ${PF_OUT})
set(PF_RUN run stencil --nx 64 --ny 48 --steps 5 --ranks-per-node 1 --power off)

# bramble_mpmd_test(NAME EXIT REGEX [EXPECT expect.sh options] FIRST args SECOND args)
#   mpiexec -n 1 bramble FIRST... : -n 1 bramble SECOND..., checked by expect.sh.
function(bramble_mpmd_test name exit_code regex)
  cmake_parse_arguments(T "" "" "EXPECT;FIRST;SECOND" ${ARGN})
  add_test(NAME cli.${name}.np2
           COMMAND ${EXPECT} 1 ${exit_code} ${regex} ${T_EXPECT} -- ${T_FIRST} : -n 1 $<TARGET_FILE:bramble> ${T_SECOND})
  set_tests_properties(cli.${name}.np2 PROPERTIES
    PROCESSORS 2 TIMEOUT 90
    ENVIRONMENT "BRAMBLE=$<TARGET_FILE:bramble>;MPIEXEC=${MPIEXEC_EXECUTABLE};OPENBLAS_NUM_THREADS=1")
endfunction()

# Another build, or another MPI library, on one node: one message naming it, exit 3, no file.
bramble_mpmd_test(preflight_other_build 3
  "^bramble: error: preflight: node .*-n1 runs bramble .*executable digest 0123456789abcdef\\), the other node runs bramble [^ ]+ \\(commit .*every rank must run the same bramble build.*--no-preflight skips this check\\)$"
  EXPECT --once --absent ${PF_OUT}/never-build.h5
  FIRST ${PF_RUN} --out ${PF_OUT}/never-build.h5
  SECOND ${PF_RUN} --out ${PF_OUT}/never-build.h5 --preflight-fake build_id=0123456789abcdef)
bramble_mpmd_test(preflight_other_mpi 3
  "^bramble: error: preflight: node .*-n1 runs Fake MPI 9.9, the other node runs .*: every rank must use the same MPI library"
  EXPECT --once --absent ${PF_OUT}/never-mpi.h5
  FIRST ${PF_RUN} --out ${PF_OUT}/never-mpi.h5
  SECOND ${PF_RUN} --out ${PF_OUT}/never-mpi.h5 "--preflight-fake=mpi_library=Fake MPI 9.9")
# --no-preflight lets the same run go on.
bramble_mpmd_test(preflight_skipped 0 "stencil 2D r=1 64x48 .*PASSED"
  FIRST ${PF_RUN} --no-preflight --out ${PF_OUT}/skipped.h5
  SECOND ${PF_RUN} --no-preflight --out ${PF_OUT}/skipped.h5 --preflight-fake build_id=0123456789abcdef)
# A soft finding is a warning, printed once before the kernels and stored in the file.
bramble_mpmd_test(preflight_blas_warning 0
  "^bramble: warning: node .*-n1 runs OpenBLAS's FakeCore kernels, the other node runs OpenBLAS's .* kernels: BLAS-bound"
  EXPECT --once
  FIRST ${PF_RUN} --out ${PF_OUT}/blas-warning.h5
  SECOND ${PF_RUN} --out ${PF_OUT}/blas-warning.h5 --preflight-fake blas_core=FakeCore)
bramble_cli_test(preflight_warning_shown 1 0 "^ *warning: node .*-n1 runs OpenBLAS's FakeCore kernels"
                 -- show ${PF_OUT}/blas-warning.h5)
set_tests_properties(cli.preflight_warning_shown.np1 PROPERTIES DEPENDS cli.preflight_blas_warning.np2)
bramble_cli_test(preflight_bad_fake 2 3 "error: --preflight-fake nonsense=1: expected FIELD=VALUE with FIELD one of node, build_id" --once
                 --absent ${PF_OUT}/never-fake.h5 -- ${PF_RUN} --preflight-fake nonsense=1 --out ${PF_OUT}/never-fake.h5)

# A smart plug that stops answering (with_stalling_plug.sh: it answers its first N requests,
# then accepts and never replies). Never answering at all is a named source that cannot be
# read: one error before any kernel, after one 2 s deadline rather than one per flavour.
# Answering the probe and a few readings, then nothing: the run goes on and passes, and
# the summary says how many readings failed and why.
function(bramble_plug_test name good ranks exit_code regex)
  add_test(NAME cli.${name}.np${ranks}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/with_stalling_plug.sh ${good} ${ranks} ${exit_code} ${regex} ${ARGN})
  set_tests_properties(cli.${name}.np${ranks} PROPERTIES
    PROCESSORS ${ranks} TIMEOUT 120 SKIP_RETURN_CODE 77
    ENVIRONMENT "BRAMBLE=$<TARGET_FILE:bramble>;MPIEXEC=${MPIEXEC_EXECUTABLE};OPENBLAS_NUM_THREADS=1")
endfunction()
bramble_plug_test(power_plug_silent 0 2 3
  "^bramble: error: power source on node .*: no Shelly or Tasmota power reading at http://127.0.0.1:[0-9]+ \\(Shelly Gen2/3: cannot read http://127.0.0.1:[0-9]+/rpc/Switch.GetStatus\\?id=0: no reply within 2.0 s \\(connected, but it does not answer\\)\\)$"
  --once --absent ${PF_OUT}/never-plug.h5
  -- run stencil --nx 64 --ny 48 --steps 5 --power smartplug:@PLUG@ --out ${PF_OUT}/never-plug.h5)
# The probe and 5 readings (0.5 s at 10 Hz) are answered whatever the timing: the plug counts
# requests. The summary names the first failed reading, which ends at its 2 s deadline, about
# 2.5 s after the sampler's first reading; the phase starts after that first reading and lasts
# 5 s, so it ends well after, and it holds a failed reading (one starts every 2 s).
bramble_plug_test(power_plug_stops 6 2 0
  "^! stencil .*: .*: [0-9]+ failed readings \\(cannot read http://127.0.0.1:[0-9]+/rpc/Switch.GetStatus\\?id=0: no reply within 2.0 s \\(connected, but it does not answer\\) \\(the source vanished mid-run, after 5 good readings\\)\\)"
  --once
  -- run stencil --nx 1024 --ny 1024 --steps 20 --power smartplug:@PLUG@ --power-interval 0.1 --idle-seconds 0
     --min-phase-seconds 5 --out ${PF_OUT}/plug-stops.h5)
