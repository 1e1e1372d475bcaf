"""Performance per watt: one panel per kernel (their units differ, so they share no axis),
a bar per run, the bar's colour and hatch its power scope."""
from matplotlib.patches import Patch

from . import style


def _bars(runs):
    """{kernel: [(tick label, scope, value, green500_valid)]} and the runs left out. A run
    with several cases of a kernel (an HPL.dat sweep) gets one bar, its best, and says so."""
    bars, units, left_out = {}, {}, []
    for run in runs:
        cases = {}
        for k in run.kernels:
            measured = k.per_watt()
            if measured is not None and k.passed:
                cases.setdefault(k.kernel, []).append((measured, k))
        if not cases:
            left_out.append(run.name)
        for kernel, measured in cases.items():
            (scope, value, valid), k = max(measured, key=lambda m: m[0][1])
            tick = run.name if len(measured) == 1 else f"{run.name}\n(best of {len(measured)})"
            bars.setdefault(kernel, []).append((tick, scope, value, valid))
            units[kernel] = f"{k.work_unit} per W ({k.work_name})"
    return bars, units, left_out


def plot(runs, saver):
    bars, units, left_out = _bars(runs)
    if left_out and bars:
        style.warn(f"per_watt: left out (no per-watt figure: no power measured, or a scope "
                   f"not covering every node): {', '.join(left_out)}")
    if not bars:
        style.warn("per_watt: skipped: no run has a per-watt figure (run with --power)")
        return None
    fig, axes = style.new_figure(ncols=len(bars), squeeze=False)
    scopes_seen, any_starred = set(), False
    for ax, (kernel, rows) in zip(axes[0], sorted(bars.items())):
        for x, (tick, scope, value, valid) in enumerate(rows):
            ax.bar(x, value, width=0.7, edgecolor="black", linewidth=0.6, **style.SCOPE_STYLE[scope])
            ax.annotate(f"{value:.3g}{'' if valid else '*'}", (x, value), ha="center", va="bottom",
                        fontsize=7.5, xytext=(0, 2), textcoords="offset points")
            scopes_seen.add(scope)
            any_starred |= not valid
        ax.set_xticks(range(len(rows)), [r[0] for r in rows], rotation=30, ha="right", fontsize=7.5)
        ax.set_title(kernel)
        ax.set_ylabel(units[kernel])
        ax.set_ylim(0, max(r[2] for r in rows) * 1.15)
        ax.set_xlim(-0.75, max(len(rows), 2) - 0.25)  # a lone bar no wider than one of two
        ax.grid(axis="x", visible=False)
    handles = [Patch(edgecolor="black", label=style.SCOPE_NAMES[s], **style.SCOPE_STYLE[s])
               for s in style.SCOPE_STYLE if s in scopes_seen]
    fig.legend(handles=handles, title="power scope", loc="upper right", fontsize=8)
    fig.suptitle("Performance per watt (work per joule over every timed window)")
    notes = []
    if "estimate" in scopes_seen:
        notes.append("estimate: watts declared with --power fixed:W, not measured: the bar is only "
                     "as true as that number.")
    if len(scopes_seen) > 1:
        notes.append("Scopes differ in what they count (wall > board > cpu-package): compare bars of one scope only.")
    if any_starred:
        notes.append("* not Green500-valid (needs wall power on every node, >= 1 sample/s, "
                     "10 samples, a timed phase >= 60 s).")
    if left_out:
        notes.append(f"Left out, no per-watt figure: {', '.join(left_out)}")
    notes.append(style.trust_note(runs))
    style.finish(fig, notes, right=0.86)
    return saver.save(fig, "per_watt")
