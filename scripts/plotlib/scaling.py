"""Scaling: speedup and parallel efficiency against ranks, the ideal line and the fitted
Amdahl curve (strong scaling) or Gustafson line (weak: scaling.sh --weak, stencil --weak,
STREAM), one figure per kernel found at two or more rank counts with the same problem."""
import numpy as np

from . import style
from .results import file_safe

# Parameters that change with the rank count, or are bookkeeping: the same problem run at
# 1 and 4 ranks differs in these only.
LAYOUT = {"p", "q", "px", "py", "pz", "grid_order", "image", "reps", "rounds", "blocks", "seed"}


# Sizes that grow with the ranks in a weak study (scripts/scaling.sh): left out of its key.
WEAK_SIZES = {"n", "nx", "ny", "nz", "spp", "n_per_rank"}


def _is_weak(run, k):
    """Weak scaling: scripts/scaling.sh's label says so, the stencil ran with --weak, or the
    kernel is STREAM, which is sized per rank whatever the rank count."""
    label = run.name  # the label, when the run has one
    if label.startswith("scaling weak "):
        return True
    if label.startswith("scaling strong "):
        return False
    return k.parameters.get("weak") == 1 or k.kernel == "stream"


def _problem_key(run, k):
    weak = _is_weak(run, k)
    params = {n: v for n, v in k.parameters.items() if n not in LAYOUT and not (weak and n in WEAK_SIZES)}
    return k.kernel, weak, tuple(sorted((n, str(v)) for n, v in params.items()))


def _series(runs):
    """{kernel: [series]}, a series being one problem at 2+ rank counts:
    dict(weak, problem, ranks [sorted], rates [mean figure of merit per rank count], unit)."""
    groups = {}
    for run in runs:
        for k in run.kernels:
            if k.passed and np.isfinite(k.figure_of_merit) and k.ranks > 0:
                groups.setdefault(_problem_key(run, k), []).append((run, k))
    out = {}
    for (kernel, weak, _), pairs in groups.items():
        members = [k for _, k in pairs]
        by_ranks = {}
        for k in members:
            by_ranks.setdefault(k.ranks, []).append(k.figure_of_merit)
        if len(by_ranks) < 2:
            continue
        ranks = sorted(by_ranks)
        smallest = min(members, key=lambda k: k.ranks)
        out.setdefault(kernel, []).append(dict(
            weak=weak, problem=smallest.problem, unit=smallest.unit,
            ranks=np.array(ranks, dtype=float),
            rates=np.array([np.mean(by_ranks[p]) for p in ranks]),
            repeated=any(len(v) > 1 for v in by_ranks.values()),
            runs=list({id(run): run for run, _ in pairs}.values())))
    return out


def fit_serial_fraction(p, speedup, weak):
    """Least-squares serial fraction f in [0, 1]. Strong (Amdahl, S = 1/(f + (1-f)/p)):
    1/S - 1/p = f (1 - 1/p). Weak (Gustafson, S = p - f (p-1)): p - S = f (p - 1)."""
    x = (p - 1) if weak else (1 - 1 / p)
    y = (p - speedup) if weak else (1 / speedup - 1 / p)
    denominator = float(np.sum(x * x))
    if denominator == 0:
        return float("nan")
    return float(np.clip(np.sum(x * y) / denominator, 0.0, 1.0))


def _model(p, f, weak):
    return p - f * (p - 1) if weak else 1 / (f + (1 - f) / p)


def _plot_kernel(kernel, series, saver):
    fig, (ax_s, ax_e) = style.new_figure(ncols=2)
    p_all = np.concatenate([s["ranks"] for s in series])
    dense = np.geomspace(p_all.min(), p_all.max(), 100)
    # The ideal drawn wide and grey underneath, so a fit lying on it does not hide it.
    ax_s.plot(dense, dense, color="0.6", lw=4, alpha=0.5, label="ideal", zorder=1)
    ax_e.plot(dense, np.ones_like(dense), color="0.6", lw=4, alpha=0.5, label="ideal", zorder=1)
    baselines = set()
    for i, s in enumerate(series):
        colour = f"C{i}"
        p, rates = s["ranks"], s["rates"]
        base = 1.0 if p[0] == 1 else p[0]  # without a 1-rank run, take the smallest as ideal
        baselines.add(int(base))
        speedup = rates / rates[0] * base
        f = fit_serial_fraction(p, speedup, s["weak"])
        kind = "weak" if s["weak"] else "strong"
        label = s["problem"] if kind in s["problem"] else f"{s['problem']} ({kind})"
        ax_s.plot(p, speedup, "o-", color=colour, label=label)
        ax_e.plot(p, speedup / p, "o-", color=colour, label=label)
        if np.isfinite(f):
            law = "Gustafson" if s["weak"] else "Amdahl"
            fitted = _model(dense, f, s["weak"])
            bound = " (at its bound: the law does not fit)" if f in (0.0, 1.0) else ""
            ax_s.plot(dense, fitted, "--", color=colour, lw=1,
                      label=f"{law} fit, serial fraction {f:.3g}{bound}")
            ax_e.plot(dense, fitted / dense, "--", color=colour, lw=1)
    kinds = {"weak" if s["weak"] else "strong" for s in series}
    word = "scaled speedup" if kinds == {"weak"} else "speedup"
    if baselines == {1}:
        ax_s.set_ylabel(f"{word} (rate / rate at 1 rank)")
    else:
        ax_s.set_ylabel(f"{word} (relative to {min(baselines)} ranks, taken as ideal there)")
    ax_e.set_ylabel("parallel efficiency (speedup / ranks)")
    ax_s.set_yscale("log", base=2)  # with log ranks, the ideal is the diagonal
    ax_s.yaxis.set_major_formatter("{x:g}")
    for ax in (ax_s, ax_e):
        ax.set_xscale("log", base=2)
        ax.set_xticks(sorted(set(p_all)), [f"{int(v)}" for v in sorted(set(p_all))])
        ax.minorticks_off()
        ax.set_xlabel("ranks")
    low, high = (2.0 ** np.floor(np.log2(ax_s.get_ylim()[0])), 2.0 ** np.ceil(np.log2(ax_s.get_ylim()[1])))
    ax_s.set_ylim(low, high)  # whole powers of two, each one labelled
    ax_s.set_yticks([2.0 ** e for e in range(int(np.log2(low)), int(np.log2(high)) + 1)])
    ax_e.set_ylim(0, max(1.15, ax_e.get_ylim()[1]))
    handles, labels = ax_s.get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.95), ncol=min(3, len(labels)),
               fontsize=7.5, frameon=False)
    fig.suptitle(f"Scaling of {kernel}: {' and '.join(sorted(kinds))}")
    notes = []
    if any(s["repeated"] for s in series):
        notes.append("Rank counts run more than once: the mean figure of merit is used.")
    notes.append(style.trust_note([run for s in series for run in s["runs"]]))
    style.finish(fig, notes, top=0.95 - 0.035 * (1 + len(labels) // 3))
    return saver.save(fig, f"scaling-{file_safe(kernel)}")


def plot(runs, saver):
    by_kernel = _series(runs)
    if not by_kernel:
        style.warn("scaling: skipped: no kernel appears with the same problem at 2 or more rank "
                   "counts (scripts/scaling.sh writes such a file)")
        return []
    return [_plot_kernel(kernel, series, saver) for kernel, series in sorted(by_kernel.items())]
