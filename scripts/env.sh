# Environment for running bramble and its tests under Open MPI; sourced by the other scripts.
# Kept here, not in code: these are properties of this machine, not of the program.
if [ "$(id -u)" = 0 ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
export OMPI_MCA_rmaps_base_oversubscribe=${OMPI_MCA_rmaps_base_oversubscribe:-1}
export OPENBLAS_NUM_THREADS=1   # one BLAS thread per MPI rank
