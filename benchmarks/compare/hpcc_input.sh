# hpcc_input N NB P Q: writes hpcc's input (an HPL.dat plus its PTRANS tail) to stdout,
# with HPL's usual good choices (right-looking recursive panels, look-ahead 1).
# Sourced by the comparison scripts in this folder.
hpcc_input() {
  cat <<DAT
HPLinpack benchmark input file
written by bramble's benchmarks/compare scripts
HPL.out      output file name (if any)
6            device out (6=stdout,7=stderr,file)
1            # of problems sizes (N)
$1           Ns
1            # of NBs
$2           NBs
0            PMAP process mapping (0=Row-,1=Column-major)
1            # of process grids (P x Q)
$3           Ps
$4           Qs
16.0         threshold
1            # of panel fact
2            PFACTs (0=left, 1=Crout, 2=Right)
1            # of recursive stopping criterium
4            NBMINs (>= 1)
1            # of panels in recursion
2            NDIVs
1            # of recursive panel fact.
1            RFACTs (0=left, 1=Crout, 2=Right)
1            # of broadcast
1            BCASTs (0=1rg,1=1rM,2=2rg,3=2rM,4=Lng,5=LnM)
1            # of lookahead depth
1            DEPTHs (>=0)
2            SWAP (0=bin-exch,1=long,2=mix)
64           swapping threshold
0            L1 in (0=transposed,1=no-transposed) form
0            U  in (0=transposed,1=no-transposed) form
1            Equilibration (0=no,1=yes)
8            memory alignment in double (> 0)
##### This line (no. 32) is ignored (it serves as a separator). ######
0                               Number of additional problem sizes for PTRANS
1200 10000 30000                values of N
0                               number of additional blocking sizes for PTRANS
40 9 8 13 13 20 16 32 64        values of NB
DAT
}

# ensure_hpcc: installs Debian's hpcc if it is missing.
ensure_hpcc() {
  command -v hpcc >/dev/null && return
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q hpcc
}

# hpcc_blas_record: prints which BLAS and LAPACK Debian's hpcc runs with, so that a ratio
# against it can be judged: hpcc is linked against libblas.so.3 and liblapack.so.3, which
# Debian's alternatives point at OpenBLAS, BLIS, ATLAS or the slow reference BLAS, whichever
# is installed with the highest priority or chosen by hand. Its lines: hpcc's path; ldd's
# lines for BLAS and LAPACK libraries, each with the file it resolves to; the alternatives
# behind libblas.so.3 and liblapack.so.3 for this architecture; the thread settings the ranks
# inherit. Never fails: what cannot be found is said.
hpcc_blas_record() {
  local hpcc arch lib line path
  hpcc=$(command -v hpcc || true)
  echo "hpcc: ${hpcc:-not installed}"
  if [ -n "$hpcc" ]; then
    ldd "$hpcc" 2>&1 | grep -E -i 'blas|lapack|atlas|blis|mkl' | while read -r line; do
      path=$(printf '%s\n' "$line" | awk '$2 == "=>" {print $3}')
      echo "ldd: $line${path:+ -> $(readlink -f "$path")}"
    done
  fi
  if command -v dpkg-architecture >/dev/null && command -v update-alternatives >/dev/null; then
    arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
    for lib in libblas.so.3 liblapack.so.3; do
      update-alternatives --display "$lib-$arch" 2>&1 | sed "s|^|alternatives $lib: |" || true
    done
  else
    echo "alternatives: dpkg-architecture or update-alternatives missing (not Debian?)"
  fi
  echo "threads: OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-unset} OMP_NUM_THREADS=${OMP_NUM_THREADS:-unset}"
}
