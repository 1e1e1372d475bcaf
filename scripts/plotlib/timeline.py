"""Power, temperature and clock over time, a line per node, one figure per run, with each
kernel's timed windows shaded and named and throttled samples marked."""
import numpy as np
from matplotlib.transforms import blended_transform_factory

from . import style
from .results import file_safe

PANELS = (("watts", "power (W)", "no power source in this run"),
          ("temp_c", "temperature (°C)", "no temperature sensor on these nodes"),
          ("clock_mhz", "clock (MHz)", "no clock reading on these nodes"))
# The Raspberry Pi get_throttled word's "now" bits (under-voltage, capped, throttled, soft
# temperature limit); bits 16-19 say "since boot" and would mark every later sample.
THROTTLED_NOW = 0xF
SHADES = ("#dbe9f6", "#fde9d2", "#e2f2df", "#efe0f3", "#f6f3d2")


def _node_series(run):
    """{node: {column: array}}: each node's kernels' series concatenated (the run's series),
    on one clock for all nodes: seconds since the earliest node's t_s = 0, via each node's
    CLOCK_REALTIME at its t_s = 0 (nodes' t_s clocks are their own)."""
    t0 = min(run.series_start_unix.values(), default=0.0)
    nodes = {}
    for k in run.kernels:
        for node, power in k.node_power.items():
            offset = run.series_start_unix.get(node, t0) - t0
            parts = nodes.setdefault(node, {})
            for column, values in power.series.items():
                parts.setdefault(column, []).append(values + offset if column == "t_s" else values)
    return {node: {c: np.concatenate(v) for c, v in cols.items()} for node, cols in nodes.items()}, t0


def _kernel_windows(run, t0):
    """[(kernel name, [(start, end)])] from the first node that has windows: the windows are
    bracketed by barriers, so every node's are the same moments."""
    out = []
    for k in run.kernels:
        for node in sorted(k.node_power):
            windows = k.node_power[node].windows
            if len(windows):
                offset = run.series_start_unix.get(node, t0) - t0
                out.append((k.kernel, [(a + offset, b + offset) for a, b in windows]))
                break
    return out


def _name_kernels(ax, windows):
    """Each kernel's name above its windows, on a higher row where it would overprint the
    previous name (short kernels sit close together)."""
    left, right = ax.get_xlim()
    gap = 0.07 * (right - left)
    last_x = []  # per row, the centre of the last name placed
    where = blended_transform_factory(ax.transData, ax.transAxes)
    for name, spans in windows:
        x = (spans[0][0] + spans[-1][1]) / 2
        row = next((i for i, prev in enumerate(last_x) if x - prev >= gap), len(last_x))
        if row == len(last_x):
            last_x.append(x)
        last_x[row] = x
        ax.text(x, 1.02 + 0.13 * row, name, transform=where, ha="center", va="bottom", fontsize=8)


def _node_label(run, node):
    index = int(node.split("-")[-1]) if node.split("-")[-1].isdigit() else -1
    host = run.hostnames[index] if 0 <= index < len(run.hostnames) else node
    return host if run.hostnames.count(host) == 1 else f"{node} ({host})"


def plot_run(run, saver):
    series, t0 = _node_series(run)
    if not any(len(s.get("t_s", [])) for s in series.values()):
        style.warn(f"timeline: skipped for {run.name}: no power/telemetry samples in the file")
        return None
    fig, axes = style.new_figure(height_in=6.5, nrows=len(PANELS), sharex=True)
    windows = _kernel_windows(run, t0)
    throttled_any, throttle_known = False, False
    for ax, (column, ylabel, missing) in zip(axes, PANELS):
        for i, (_, spans) in enumerate(windows):
            for a, b in spans:
                ax.axvspan(a, b, color=SHADES[i % len(SHADES)], zorder=0)
        measured = False
        for node in sorted(series):
            s = series[node]
            values = s.get(column, np.full_like(s["t_s"], np.nan))
            if np.isfinite(values).any():
                measured = True
                ax.plot(s["t_s"], values, lw=1.0, marker=".", ms=2.5, label=_node_label(run, node))
        if not measured:
            ax.text(0.5, 0.5, f"not measured ({missing})", transform=ax.transAxes,
                    ha="center", va="center", color="#777777")
            ax.set_yticks([])
        elif len(series) > 1 or column == "watts":
            ax.legend(loc="upper right", fontsize=7)
        ax.set_ylabel(ylabel)
        # Throttled samples: a red tick at the top of every panel.
        top = blended_transform_factory(ax.transData, ax.transAxes)
        for s in series.values():
            flags = s.get("throttled", np.array([]))
            known = np.isfinite(flags) & (flags >= 0)
            hit = known & ((np.where(known, flags, 0).astype(np.int64) & THROTTLED_NOW) != 0)
            throttle_known |= bool(known.any())
            if hit.any():
                throttled_any = True
                ax.plot(s["t_s"][hit], np.full(hit.sum(), 0.97), "v", color="red", ms=4,
                        transform=top, label="_throttled")
    _name_kernels(axes[0], windows)
    axes[-1].set_xlabel("seconds since the run's first sample")
    fig.suptitle(f"Power, temperature and clock over time: {run.name}")
    notes = ["Shaded: each kernel's timed windows (energy is integrated over these only); "
             "before the first: idle baseline and set-up."]
    scopes = {s for k in run.kernels for s in style.SCOPE_NAMES
              if np.isfinite(k.watts(s))}
    if "estimate" in scopes:
        notes.append("Watts are an estimate declared with --power fixed:W, not measured.")
    if throttled_any:
        notes.append("Red triangles: samples where the firmware reported throttling, a frequency cap or "
                     "under-voltage at that moment.")
    elif not throttle_known:
        notes.append("Throttle state not readable on these nodes (only Raspberry Pi firmware reports it).")
    style.finish(fig, notes, top=0.92)
    return saver.save(fig, f"timeline-{file_safe(run.name)}")
