# Shared by the comparison scripts in this folder (sourced, not run).
# bramble_prepare: builds the release preset, sets the MPI environment, and gives
# $bramble (the executable) and $work (a temporary folder removed on exit).
# $launcher is how ranks start: plain mpirun, or across the testbed (use_testbed).
launcher=(mpirun)

bramble_prepare() {
  "$root/scripts/setup.sh" release >/dev/null
  . "$root/scripts/env.sh"
  bramble="$root/build/release/bramble"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}

# best A B: the larger of two numbers (rounds keep the best of each figure).
best() { awk -v a="$1" -v b="$2" 'BEGIN {print (b > a ? b : a)}'; }

# bramble_run RANKS FILE KERNEL [OPTION ...]: one `bramble run` into a fresh result FILE
# (removed first, so it holds this run only), console output dropped (figures are read
# back with bramble_figure); fails with a message if bramble does. With bramble_quiet=1
# its stderr is kept in FILE.err and shown only when the run fails.
bramble_run() {
  local np=$1 out=$2 rc=0
  shift 2
  rm -f "$out"
  if [ -n "${bramble_quiet:-}" ]; then
    "${launcher[@]}" -np "$np" "$bramble" run "$@" --out "$out" >/dev/null 2>"$out.err" || rc=$?
    [ "$rc" = 0 ] || tail -n 20 "$out.err" >&2
  else
    "${launcher[@]}" -np "$np" "$bramble" run "$@" --out "$out" >/dev/null || rc=$?
  fi
  [ "$rc" = 0 ] || { echo "bramble_run: bramble run $* --out $out on $np rank(s) failed (exit $rc)" >&2; return "$rc"; }
}

# bramble_figure FILE NAME: NAME's value in the last kernel row of `bramble show FILE
# --format csv`: the column NAME when the header has one (figure, blas_corename, verdict,
# ...), else NAME=value from the `figures` column (mlups, gbs_effective, load_balance,
# triad_gbs, gflops_best, ...). Fails with a message, printing nothing, when the file has
# no kernel row, when NAME is in neither, or when the row's verdict is not PASSED (so no
# failed run is ever compared; asking for `verdict` itself always prints it). Parses quoted
# CSV fields ("..." with "" for a quote, commas and newlines inside) in plain POSIX awk,
# as this machine's awk is mawk.
bramble_figure() {
  local csv
  csv=$("$bramble" show "$1" --format csv) || { echo "bramble_figure: bramble show $1 failed" >&2; return 1; }
  printf '%s\n' "$csv" | awk -v file="$1" -v want="$2" '
    # Splits one CSV record into cell[1..n]; returns n.
    function split_csv(rec, cell,   n, i, c, f, inq) {
      n = 0; f = ""; inq = 0
      for (i = 1; i <= length(rec); ++i) {
        c = substr(rec, i, 1)
        if (inq) {
          if (c != "\"") f = f c
          else if (substr(rec, i + 1, 1) == "\"") { f = f "\""; ++i }
          else inq = 0
        } else if (c == "\"") inq = 1
        else if (c == ",") { cell[++n] = f; f = "" }
        else f = f c
      }
      cell[++n] = f
      return n
    }
    {  # a record goes on over the next line while its count of quotes is odd
      rec = open ? rec "\n" $0 : $0
      q = rec; open = gsub(/"/, "", q) % 2
      if (open) next
      if (header == "") header = rec; else last = rec
    }
    END {
      if (last == "") { print "bramble_figure: " file ": no kernel row" > "/dev/stderr"; exit 1 }
      nh = split_csv(header, name); split_csv(last, value)
      for (i = 1; i <= nh; ++i) col[name[i]] = i
      if (want != "verdict" && value[col["verdict"]] != "PASSED") {
        print "bramble_figure: " file ": " value[col["kernel"]] " " value[col["problem"]] \
              " did not pass (verdict " value[col["verdict"]] "); not comparing it" > "/dev/stderr"
        exit 1
      }
      if (want in col) { print value[col[want]]; exit 0 }
      nf = split(value[col["figures"]], figs, ";")
      for (i = 1; i <= nf; ++i) {
        eq = index(figs[i], "=")
        if (eq && substr(figs[i], 1, eq - 1) == want) { print substr(figs[i], eq + 1); exit 0 }
      }
      print "bramble_figure: " file ": no column or figure named " want " (" value[col["kernel"]] ")" > "/dev/stderr"
      exit 1
    }'
}

# use_testbed K RATE: ranks start across a namespace testbed of K nodes, one rank per node,
# talking TCP at RATE (a tc rate such as 1gbit, or "unshaped"). The testbed is brought up
# (or reused when exactly that one is up) and left up for the next script.
use_testbed() {
  local k=$1 rate=$2
  if [ "$rate" = unshaped ]; then "$root/scripts/testbed/testbed.sh" ensure "$k" >/dev/null
  else "$root/scripts/testbed/testbed.sh" ensure "$k" --rate "$rate" >/dev/null; fi
  launcher=("$root/scripts/testbed/mpirun.sh" --map-by node)
}
