"""What every figure shares: size, notes under the axes, saving, messages on stderr."""
import os
import sys

import matplotlib
matplotlib.use("Agg")  # files only: no display needed, none assumed
import matplotlib.pyplot as plt

WIDTH_IN, HEIGHT_IN, DPI = 9.0, 5.5, 120
SCOPE_NAMES = {"wall": "wall", "wall_model": "wall-model", "wall_declared": "wall-declared", "board": "board",
               "cpu_package": "cpu-package", "estimate": "estimate"}
# Scopes drawn from solid (measured at the wall) to faint (a declared number, not measured).
SCOPE_STYLE = {"wall": dict(facecolor="#1b6ca8", hatch=""),
               "wall_model": dict(facecolor="#6fa8d6", hatch="\\\\"),
               "wall_declared": dict(facecolor="#a9c9e4", hatch="--"),
               "board": dict(facecolor="#3fa34d", hatch="//"),
               "cpu_package": dict(facecolor="#e0a100", hatch="xx"),
               "estimate": dict(facecolor="#b0b0b0", hatch="..")}

plt.rcParams.update({"font.size": 9, "axes.titlesize": 10, "figure.titlesize": 11,
                     "legend.fontsize": 8, "axes.grid": True, "grid.alpha": 0.3})


def warn(message):
    print(f"plot.py: {message}", file=sys.stderr)


def new_figure(height_in=HEIGHT_IN, **subplots):
    return plt.subplots(figsize=(WIDTH_IN, height_in), dpi=DPI, **subplots)


def finish(fig, notes, right=1.0, top=0.94):
    """Notes in small print under the axes (what the reader must know to read the figure
    fairly: scopes that are not wall power, runs left out, untrusted figures), then the
    axes laid out in the space left above them."""
    notes = [n for n in notes if n]
    lines = sum(1 + len(n) // 150 for n in notes)
    bottom = min(0.4, 0.02 + 0.026 * lines) if notes else 0
    if notes:
        fig.text(0.01, 0.008, "\n".join(notes), fontsize=7.5, va="bottom", ha="left", wrap=True)
    fig.tight_layout(rect=(0, bottom, right, top))


def trust_note(runs):
    """One line: the reasons bramble gave for not trusting these runs' figures, each with
    how many of the runs it concerns (the reason's first clause: "..., so timings ..." cut)."""
    counts = {}
    for run in runs:
        for warning in dict.fromkeys(w.split(", so ")[0].split(": ")[0][:100] for w in run.trust_warnings):
            counts[warning] = counts.get(warning, 0) + 1
    if not counts:
        return ""
    reasons = [f"{w} ({n} of {len(runs)} runs)" for w, n in counts.items()]
    return "Figures bramble does not trust: " + "; ".join(reasons[:3]) + (" ..." if len(reasons) > 3 else "")


class Saver:
    """Writes figures into one directory, never overwriting one written in this invocation
    (two run names can sanitize to the same file name)."""

    def __init__(self, directory):
        self.directory = directory
        self.written = []

    def save(self, fig, stem):
        path = os.path.join(self.directory, f"{stem}.png")
        n = 2
        while path in self.written:
            path = os.path.join(self.directory, f"{stem}-{n}.png")
            n += 1
        fig.savefig(path, dpi=DPI)
        plt.close(fig)
        self.written.append(path)
        return path
