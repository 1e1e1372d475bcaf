"""Where do I stand: HPL Gflop/s against watts, log-log, the user's runs among published
systems (results/reference/published.csv), with dashed lines of equal Gflop/s per watt."""
import csv
import math

from matplotlib.ticker import LogLocator, NullFormatter

from . import style

REQUIRED = ("system", "nodes", "cores", "gflops", "watts", "source")


def read_published(path):
    """[(system, gflops, watts)] of the CSV's usable rows; None where the file is absent.
    Lines starting with '#' are comments; a row that does not parse is named and skipped."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            numbered = [(n, line) for n, line in enumerate(f, 1) if not line.lstrip().startswith("#")]
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        style.warn(f"{path}: cannot be read ({err}); plotting your runs only")
        return None
    numbered = [(n, line) for n, line in numbered if line.strip()]
    reader = csv.DictReader(line for _, line in numbered)
    rows = []
    for (n, _), row in zip(numbered[1:], reader):
        missing = [k for k in REQUIRED if not (row.get(k) or "").strip()]
        try:
            if missing:
                raise ValueError(f"empty {', '.join(missing)}")
            gflops, watts = float(row["gflops"]), float(row["watts"])
            if not (gflops > 0 and watts > 0 and math.isfinite(gflops * watts)):
                raise ValueError("gflops and watts must be positive numbers")
        except ValueError as err:
            style.warn(f"{path}:{n}: row skipped: {err}")
            continue
        rows.append((row["system"].strip(), gflops, watts))
    return rows


def _user_points(runs):
    """[(label, gflops, watts, scope)]: each run's best passed HPL case (by Gflop/s, as
    HPL reports Rmax) among those with a per-watt figure."""
    points = []
    for run in runs:
        cases = [(k, k.per_watt()) for k in run.kernels if k.kernel == "hpl" and k.passed]
        cases = [(k, m) for k, m in cases if m is not None]
        if not cases:
            continue
        # Gflop/s over every timed window: the rate behind the per-watt figure, so the point
        # lies on the line of its own Gflop/s per W (not the best repetition's rate).
        rates = [(m[1] * k.watts(m[0]), k.watts(m[0]), m[0]) for k, m in cases]
        gflops, watts, scope = max(rates)
        label = run.name if len(cases) == 1 else f"{run.name} (best of {len(cases)})"
        points.append((label, gflops, watts, scope))
    return points


def _efficiency_lines(ax, xlim, ylim, efficiencies):
    """Dashed lines of equal Gflop/s per W, powers of two around the points' own range."""
    lo, hi = min(efficiencies) / 2, max(efficiencies) * 2
    powers = [2.0 ** e for e in range(-12, 13) if lo <= 2.0 ** e <= hi]
    step = max(1, math.ceil(len(powers) / 8))
    for eff in powers[::step]:
        ax.plot(xlim, [eff * xlim[0], eff * xlim[1]], ls="--", lw=0.8, color="#888888", zorder=1)
        x_end = min(xlim[1], ylim[1] / eff)  # where the line leaves the axes
        ax.annotate(f"{eff:.3g} Gflop/s/W", (x_end, eff * x_end), fontsize=7, color="#555555",
                    ha="right", va="top", xytext=(-3, -3), textcoords="offset points",
                    bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.8))


def _label_points(ax, points, taken, always, **text_style):
    """Names beside points where they neither overprint another name (or the boxes in
    `taken`, display pixels, which grows) nor leave the axes, stepping further up or down
    with a leader line when crowded. A published point with no room stays unnamed rather
    than unreadable; one of `always` (the user's runs) takes its first place regardless."""
    renderer = ax.figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    offsets = [(dx, dy * step) for step in range(6) for dy in ((1, -1) if step else (0,))
               for dx in (7, -7)]
    for name, x, y in sorted(points, key=lambda p: -p[2]):
        for i, (dx, dy) in enumerate(offsets):
            note = ax.annotate(name, (x, y), xytext=(dx, dy * 11), textcoords="offset points",
                               ha="left" if dx > 0 else "right", va="center",
                               arrowprops=dict(arrowstyle="-", lw=0.4, color="#999999") if dy else None,
                               **text_style)
            extent = note.get_window_extent(renderer).expanded(1.02, 1.25)  # a little air
            fits = (inside.x0 <= extent.x0 and extent.x1 <= inside.x1
                    and inside.y0 <= extent.y0 and extent.y1 <= inside.y1)
            if (fits and not any(extent.overlaps(other) for other in taken)) or \
                    (always and i == len(offsets) - 1):
                taken.append(extent)
                break
            note.remove()


def plot(runs, published_path, saver):
    points = _user_points(runs)
    published = read_published(published_path)
    notes = []
    if published is None:
        notes.append(f"No published figures ({published_path} absent): your runs only.")
        published = []
    if not points:
        style.warn("where_do_i_stand: skipped: no passed HPL run with a per-watt figure "
                   "(run hpl with --power)")
        return None
    fig, ax = style.new_figure()
    xs = [p[2] for p in points] + [r[2] for r in published]
    ys = [p[1] for p in points] + [r[1] for r in published]
    xlim = (min(xs) / 2, max(xs) * 2)
    ylim = (min(ys) / 2, max(ys) * 2)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    for axis in (ax.xaxis, ax.yaxis):  # 1, 2, 5, 10, 20, ... written out: watts read as watts
        axis.set_major_locator(LogLocator(subs=(1, 2, 5)))
        axis.set_major_formatter("{x:g}")
        axis.set_minor_formatter(NullFormatter())
    _efficiency_lines(ax, xlim, ylim, [y / x for x, y in zip(xs, ys)])
    if published:
        ax.scatter([r[2] for r in published], [r[1] for r in published], s=22, color="#4d4d4d",
                   label="published (wall power)", zorder=2)
    scopes = sorted({p[3] for p in points})
    for scope in scopes:
        mine = [p for p in points if p[3] == scope]
        ax.scatter([p[2] for p in mine], [p[1] for p in mine], s=90, marker="*", zorder=3,
                   color="#d62728", edgecolor="black", linewidth=0.5,
                   label=f"your runs ({style.SCOPE_NAMES[scope]} power)")
    if published:
        notes.append(f"Published systems whose names would overprint are left unnamed: "
                     f"all rows are in {published_path}.")
    ax.set_xlabel("watts (mean over the timed phase)")
    ax.set_ylabel("HPL Gflop/s")
    ax.set_title("Where do I stand: HPL Gflop/s against watts")
    ax.legend(loc="upper left")
    not_wall = [style.SCOPE_NAMES[s] for s in scopes if s != "wall"]
    if not_wall:
        notes.append(f"Your watts are {', '.join(not_wall)} power, the published figures wall "
                     "power: not like for like" + (" (estimate = a declared number, not measured)."
                                                   if "estimate" in scopes else "."))
    notes.append("Your Gflop/s: the rate over every timed repetition, the one behind bramble's per-watt figure.")
    notes.append(style.trust_note(runs))
    style.finish(fig, notes)
    # After the layout, in the axes' final pixels: the user's runs first, every one named.
    taken = [ax.get_legend().get_window_extent(fig.canvas.get_renderer())]
    _label_points(ax, [(f"{name}: {g / w:.3g} Gflop/s/W", w, g) for name, g, w, _ in points], taken,
                  always=True, fontsize=7.5, fontweight="bold", color="#a01010")
    _label_points(ax, [(system, w, g) for system, g, w in published], taken, always=False,
                  fontsize=6.5, color="#333333")
    return saver.save(fig, "where_do_i_stand")
