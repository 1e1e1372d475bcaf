"""Runs `bramble compare FILE --published --format json` and checks that the output is
valid JSON (NaN written as null) with the user's run ranked per node and per watt.

    check_json.py RESULT_FILE LABEL    (BRAMBLE and MPIEXEC from the environment)
"""
import json
import os
import subprocess
import sys

result_file, label = sys.argv[1], sys.argv[2]
out = subprocess.run([os.environ.get("MPIEXEC", "mpiexec"), "-n", "1", os.environ["BRAMBLE"], "compare", result_file,
                      "--published", "--format", "json"], capture_output=True, text=True, check=True).stdout
doc = json.loads(out)  # fails on NaN, on a trailing comma, on anything but one JSON value
for ranking in ("per_node", "per_watt"):
    mine = [s for s in doc[ranking] if s["yours"]]
    assert [s["system"] for s in mine] == [label], (ranking, mine)
    assert mine[0]["rank"] >= 1, mine
    assert all(s["power_scope"] == "wall" for s in doc[ranking] if not s["yours"]), ranking
    assert mine[0]["benchmark"] == "HPL-style", mine  # bramble's LU is not an official HPL run
assert any("not wall power" in w for w in doc["warnings"]), doc["warnings"]
print("ok:", label, "per node rank", [s["rank"] for s in doc["per_node"] if s["yours"]][0])
