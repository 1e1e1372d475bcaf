"""Where each rank's time went: stacked bars per rank of a kernel's phases, coloured by
what the phase is (computing, communicating, waiting), one panel per kernel of a run.
The teaching plot: a rank whose bar is mostly orange or grey is not computing."""
import math
import textwrap

from . import style
from .results import file_safe

# What each kernel's phases are (results/README.md lists them); unknown ones are "other".
CATEGORY = {
    "panel_factor": "compute", "trailing_update": "compute", "solve": "compute",
    "interior_compute": "compute", "boundary_compute": "compute", "render": "compute",
    "copy": "compute", "scale": "compute", "add": "compute", "triad": "compute",
    "panel_broadcast": "communication", "row_swap": "communication",
    "halo_exchange": "communication", "gather": "communication", "schedule": "communication",
    "waiting": "waiting", "idle": "waiting",
}
MAX_PANELS = 6  # a sweep's dozens of cases would need a poster; the first ones teach the same
PALETTE = {"compute": ("#08519c", "#3182bd", "#6baed6", "#9ecae1", "#c6dbef"),
           "communication": ("#d94801", "#fd8d3c", "#fdbe85"),
           "waiting": ("#636363", "#bdbdbd"),
           "other": ("#756bb1", "#bcbddc")}


def _colours(phase_names):
    used = {c: 0 for c in PALETTE}
    out = []
    for name in phase_names:
        category = CATEGORY.get(name, "other")
        shades = PALETTE[category]
        out.append((category, shades[used[category] % len(shades)]))
        used[category] += 1
    return out


def _panel(ax, k):
    seconds = k.phase_seconds
    ranks = range(seconds.shape[0])
    bottom = [0.0] * seconds.shape[0]
    names = k.phase_names or [f"phase {i}" for i in range(seconds.shape[1])]
    for i, (name, (category, colour)) in enumerate(zip(names, _colours(names))):
        column = [v if math.isfinite(v) else 0.0 for v in seconds[:, i]]
        ax.bar(ranks, column, bottom=bottom, color=colour, edgecolor="white", linewidth=0.4,
               label=f"{name} ({category})")
        bottom = [b + c for b, c in zip(bottom, column)]
    verdict = "" if k.passed else "  FAILED"
    description = textwrap.fill(k.phase_description, 60)
    ax.set_title(f"{k.kernel} {k.problem}{verdict}\n{description}", fontsize=8.5)
    ax.set_xlabel("rank")
    ax.set_ylabel("seconds")
    step = max(1, math.ceil(len(ranks) / 16))
    ax.set_xticks(list(ranks)[::step])
    legend_rows = math.ceil(len(names) / 2)
    ax.set_ylim(0, max(bottom + [1e-9]) * (1.1 + 0.17 * legend_rows))  # room for the legend
    ax.legend(loc="upper center", ncol=2, fontsize=6.5, framealpha=0.9)
    ax.grid(axis="x", visible=False)


def plot_run(run, saver):
    kernels = [k for k in run.kernels if k.phase_seconds is not None and k.phase_seconds.size]
    if not kernels:
        style.warn(f"time_split: skipped for {run.name}: no kernel has phase_seconds")
        return None
    shown = kernels[:MAX_PANELS]
    if len(kernels) > MAX_PANELS:
        style.warn(f"time_split: {run.name}: the first {MAX_PANELS} of {len(kernels)} kernel cases shown")
    cols = 1 if len(shown) == 1 else 2
    rows = math.ceil(len(shown) / cols)
    fig, axes = style.new_figure(height_in=max(5.5, 3.2 * rows), nrows=rows, ncols=cols, squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax, k in zip(flat, shown):
        _panel(ax, k)
    for ax in flat[len(shown):]:
        ax.set_visible(False)
    fig.suptitle(f"Per-rank time split (compute / communication / waiting): {run.name}")
    notes = ["Blue: computing; orange: communicating (including the wait inside a message); "
             "grey: waiting for other ranks.", style.trust_note([run])]
    if len(kernels) > MAX_PANELS:
        notes.insert(0, f"The first {MAX_PANELS} of this run's {len(kernels)} kernel cases (a sweep).")
    style.finish(fig, notes, top=0.93)
    return saver.save(fig, f"time_split-{file_safe(run.name)}")
