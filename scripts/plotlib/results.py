"""Reads bramble result files (layout: results/README.md) into plain Python records.

Everything a plot needs is read while the file is open, so a damaged file fails here, in
one place, as a ResultFileError with one line to print, never half-way through a figure."""
import math
import os
import re
import stat
from dataclasses import dataclass, field

import h5py
import numpy as np

FORMAT = "bramble-results"
SCHEMA_VERSION = 1
# Most to least trustworthy (benchmarks/harness/power/scope.hpp): only "wall" is measured at the wall.
SCOPES = ("wall", "wall_model", "wall_declared", "board", "cpu_package", "estimate")


class ResultFileError(Exception):
    """A file that is not a readable bramble result file; the message names the file."""


@dataclass
class NodePower:
    """One node's samples and timed windows during one kernel (times in its own t_s)."""
    series: dict    # column name -> 1-D array
    windows: np.ndarray  # [w, 2]


@dataclass
class Kernel:
    group: str       # e.g. "000-hpl"
    kernel: str      # e.g. "hpl"
    problem: str
    figure_name: str
    figure_of_merit: float
    unit: str
    passed: bool
    ranks: int
    parameters: dict
    work_name: str   # names the per-watt attributes: phase_work_name, else figure_name
    work_unit: str
    power: dict      # attributes of kernels/NNN-x/power ({} without power)
    node_power: dict  # "node-NNN" -> NodePower
    phase_seconds: np.ndarray = None  # [ranks, phases], or None
    phase_names: list = field(default_factory=list)
    phase_description: str = ""

    def per_watt(self):
        """(scope, work per joule, green500_valid) for the best scope that has one, else None."""
        for scope in SCOPES:
            value = self.power.get(f"{self.work_name}_per_watt_{scope}")
            if value is not None and math.isfinite(value):
                return scope, float(value), bool(self.power.get("green500_valid", 0))
        return None

    def watts(self, scope):
        value = self.power.get(f"watts_{scope}")
        return float(value) if value is not None else math.nan


@dataclass
class Run:
    path: str
    group: str        # e.g. "run-0003"
    name: str         # label, else first hostname + utc_time; unique among the files read
    ranks: int
    hostnames: list   # per node, in node order
    trust_warnings: list
    series_start_unix: dict  # "node-NNN" -> CLOCK_REALTIME at that node's t_s = 0
    kernels: list


def text(value):
    """An HDF5 string attribute as str (h5py may give bytes)."""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _attrs(obj):
    out = {}
    for key, value in obj.attrs.items():
        if isinstance(value, bytes):
            value = text(value)
        elif isinstance(value, np.ndarray) and value.dtype == object:
            value = [text(v) for v in value]
        elif isinstance(value, np.generic):
            value = value.item()
        out[key] = value
    return out


def _read_kernel(where, group_name, k):
    a = _attrs(k)
    _require_kernel_attrs(where, a)
    power, node_power = {}, {}
    if "power" in k:
        power = _attrs(k["power"])
        for node_name, node in k["power"].items():
            if not isinstance(node, h5py.Group) or "series" not in node:
                continue
            series = node["series"]
            columns = [text(c) for c in series.attrs["columns"]]
            data = np.asarray(series[()], dtype=float).reshape(-1, len(columns))
            windows = np.asarray(node["windows"][()], dtype=float).reshape(-1, 2)
            node_power[node_name] = NodePower({c: data[:, i] for i, c in enumerate(columns)}, windows)
    kernel = Kernel(group=group_name, kernel=text(a["kernel"]), problem=text(a.get("problem", "")),
                    figure_name=text(a["figure_name"]), figure_of_merit=float(a["figure_of_merit"]),
                    unit=text(a.get("unit", "")), passed=bool(a.get("passed", 0)),
                    ranks=int(a.get("ranks", 0)),
                    parameters=_attrs(k["parameters"]) if "parameters" in k else {},
                    work_name=text(a.get("phase_work_name", a["figure_name"])),
                    work_unit=text(a.get("phase_work_unit", a.get("unit", ""))),
                    power=power, node_power=node_power)
    if "phase_seconds" in k:
        ps = k["phase_seconds"]
        kernel.phase_seconds = np.asarray(ps[()], dtype=float)
        kernel.phase_names = [text(n) for n in ps.attrs.get("phase_names", [])]
        kernel.phase_description = text(ps.attrs.get("description", "seconds"))
    return kernel


def _read_run(path, group_name, r):
    a = _attrs(r)
    node_names = sorted(r["nodes"].keys()) if "nodes" in r else []
    hostnames = [text(r["nodes"][n].attrs.get("hostname", n)) for n in node_names]
    starts = {}
    if "power" in r:
        for node_name, node in r["power"].items():
            if isinstance(node, h5py.Group) and "series_start_unix" in node.attrs:
                starts[node_name] = float(node.attrs["series_start_unix"])
    label = text(a.get("label", "")).strip()
    name = label or f"{hostnames[0] if hostnames else 'unknown'} {text(a.get('utc_time', group_name))}"
    kernels = [_read_kernel(f"runs/{group_name}/kernels/{g}", g, r["kernels"][g])
               for g in sorted(r["kernels"].keys())]
    warnings = a.get("trust_warnings", [])
    return Run(path=path, group=group_name, name=name, ranks=int(a.get("ranks", 0)),
               hostnames=hostnames, trust_warnings=list(warnings) if isinstance(warnings, list) else [],
               series_start_unix=starts, kernels=kernels)


# Every kernel result has had these since the first schema (benchmarks/harness/results/
# reader.cpp): without one the file is damaged, never read as a zero figure or a FAILED.
REQUIRED_KERNEL_ATTRS = {"kernel": str, "figure_name": str, "figure_of_merit": float,
                         "unit": str, "passed": int, "ranks": int}

# What the C++ reader refuses before opening (results/path_kind.hpp): anything but a regular
# file, where h5py would block on a FIFO or read a device without end.
KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
         (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
         (stat.S_ISSOCK, "a socket"))


def _require_regular_file(path):
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ResultFileError(f"{path}: no such file") from None
    except OSError as err:
        raise ResultFileError(f"{path}: cannot read it ({err.strerror})") from None
    for test, kind in KINDS:
        if test(st.st_mode):
            raise ResultFileError(f"{path}: is {kind}, not a result file")
    if st.st_size == 0:
        raise ResultFileError(f"{path}: is empty, not a bramble result file")


def _require_kernel_attrs(where, attrs):
    for name, kind in REQUIRED_KERNEL_ATTRS.items():
        if name not in attrs:
            raise ResultFileError(f"{where} has no {name} attribute")
        value = attrs[name]
        ok = isinstance(value, str) if kind is str else (
            isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool))
        if not ok:
            raise ResultFileError(f"{where}'s {name} attribute is "
                                  f"{'not text' if kind is str else 'not a number'}")


def read_result_file(path):
    """The runs of one file, in run order. Raises ResultFileError with a one-line reason."""
    _require_regular_file(path)
    try:
        handle = h5py.File(path, "r")
    except FileNotFoundError:
        raise ResultFileError(f"{path}: no such file") from None
    except (OSError, ValueError) as err:
        reason = _first_line(err)
        what = "a truncated HDF5 file" if "truncated" in reason else "not a readable HDF5 file"
        raise ResultFileError(f"{path}: {what} ({reason})") from None
    with handle as f:
        fmt = text(f.attrs.get("format", ""))
        if fmt != FORMAT:
            raise ResultFileError(f"{path}: not a bramble result file (format attribute is "
                                  f"{fmt!r}, expected {FORMAT!r})")
        version = f.attrs.get("schema_version")
        if version is None or int(version) != SCHEMA_VERSION:
            newer = version is not None and int(version) > SCHEMA_VERSION
            raise ResultFileError(f"{path}: schema_version {version} is "
                                  f"{'newer than' if newer else 'not'} the one this script reads "
                                  f"({SCHEMA_VERSION}); use the scripts/plot.py of the bramble that wrote it")
        try:
            return [_read_run(path, g, f["runs"][g]) for g in sorted(f["runs"].keys())
                    if g.startswith("run-")]
        except ResultFileError as err:
            raise ResultFileError(f"{path}: damaged or incomplete result file ({err})") from None
        except (KeyError, OSError, RuntimeError, ValueError, TypeError, IndexError) as err:
            raise ResultFileError(f"{path}: damaged or incomplete result file "
                                  f"({_first_line(err)})") from None


def _first_line(err):
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


def read_runs(paths):
    """Every run of every file, with names made unique ("name", "name #2", ...)."""
    runs = [run for path in paths for run in read_result_file(path)]
    seen = {}
    for run in runs:
        count = seen.get(run.name, 0) + 1
        seen[run.name] = count
        if count > 1:
            run.name = f"{run.name} #{count}"
    return runs


def file_safe(name):
    """A run or kernel name as a file-name part: letters, digits, '.', '_' and '-' only."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "run"
