# Sourced by the plots tests: where plot.py is, the Python that runs it, and a skip (77)
# with the reason where that Python lacks h5py or matplotlib.
plot=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../scripts" && pwd)/plot.py
# plot.py's own interpreter (its #! line): Debian's python3-h5py and python3-matplotlib
# belong to it, whatever python3 comes first on PATH.
python=${PLOT_PYTHON:-/usr/bin/python3}

require_plotting() {
  local why
  if ! why=$("$python" -c "import h5py, matplotlib" 2>&1); then
    echo "SKIPPED: $python cannot import h5py and matplotlib (${why##*$'\n'});" \
         "install python3-h5py python3-matplotlib (scripts/setup.sh does)"
    exit 77
  fi
}

fail() { echo "FAIL: $*"; exit 1; }
