#!/usr/bin/python3
# /usr/bin/python3, not `env python3`: Debian's python3-h5py and python3-matplotlib (which
# scripts/setup.sh installs) belong to the system Python; a pyenv or venv python3 found
# first on PATH usually lacks them. Run it with another Python explicitly if yours has them.
"""Plots of bramble result files.

Reads one or more bramble result files (HDF5, layout in results/README.md) and writes PNG
files into DIR:

  per_watt.png           performance per watt, a panel per kernel, a bar per run
  where_do_i_stand.png   HPL Gflop/s against watts among published systems (log-log)
  timeline-RUN.png       power, temperature and clock over time per node, kernels shaded
  time_split-RUN.png     per-rank time split: compute / communication / waiting
  scaling-KERNEL.png     speedup and efficiency against ranks with the Amdahl (or, for
                         weak scaling, Gustafson) fit; needs a kernel at 2+ rank counts

A plot the files hold no data for is skipped with a line on stderr saying why. The files
written are listed on stdout. Exit status: 0 done, 1 h5py or matplotlib missing, 2 bad
command line, 3 a file that is not a readable bramble result file (nothing is written),
5 DIR cannot be written.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no scripts/plotlib/__pycache__ left in the checkout
DEFAULT_PUBLISHED = os.path.join(os.path.dirname(HERE), "results", "reference", "published.csv")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="plot.py", description=__doc__.split("\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: scripts/plot.py results/*.h5 -o results/plots")
    parser.add_argument("files", nargs="+", metavar="FILE", help="bramble result files (.h5)")
    parser.add_argument("-o", "--out", required=True, metavar="DIR",
                        help="directory for the PNG files (created if missing)")
    parser.add_argument("--published", default=DEFAULT_PUBLISHED, metavar="CSV",
                        help="published HPL figures for where_do_i_stand.png "
                             "(default: results/reference/published.csv; absent: your runs only)")
    return parser.parse_args(argv)


def missing_modules(err):
    # Debian's packages serve /usr/bin/python3 only: a venv or another Python started with
    # `python3 scripts/plot.py` lacks them though apt has installed them. Say which applies.
    system = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(system) and os.path.exists(system):
        print(f"plot.py: needs h5py and matplotlib ({err}), which this Python ({sys.executable}) "
              f"does not have; Debian's python3-h5py and python3-matplotlib serve {system}: run "
              f"scripts/plot.py directly (it starts {system}), or install them into this Python",
              file=sys.stderr)
    else:
        print(f"plot.py: needs h5py and matplotlib ({err}); on Debian: apt-get install "
              "python3-h5py python3-matplotlib (scripts/setup.sh does)", file=sys.stderr)
    return 1


def main(argv):
    args = parse_args(argv)
    try:
        from plotlib import results  # h5py only: a bad file is refused before matplotlib loads
        runs = results.read_runs(args.files)
    except ImportError as err:
        return missing_modules(err)
    except results.ResultFileError as err:
        print(f"plot.py: error: {err}", file=sys.stderr)
        return 3
    if not runs:
        print(f"plot.py: error: {', '.join(args.files)}: no runs in the file(s)", file=sys.stderr)
        return 3
    try:
        from plotlib import per_watt, scaling, style, time_split, timeline, where_do_i_stand
    except ImportError as err:
        return missing_modules(err)
    try:
        os.makedirs(args.out, exist_ok=True)
        saver = style.Saver(args.out)
        per_watt.plot(runs, saver)
        where_do_i_stand.plot(runs, args.published, saver)
        for run in runs:
            timeline.plot_run(run, saver)
            time_split.plot_run(run, saver)
        scaling.plot(runs, saver)
    except OSError as err:
        print(f"plot.py: error: cannot write into {args.out}: {err.strerror or err}", file=sys.stderr)
        return 5
    for path in saver.written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
