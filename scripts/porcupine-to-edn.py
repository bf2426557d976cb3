#!/usr/bin/env python3
"""Converts Porcupine's public test histories (github.com/anishathalye/porcupine, test_data/; MIT licence) into
Jepsen EDN histories for `trustlab lin --bench`. The data is not part of trustlab: fetch it, convert it locally.

  scripts/porcupine-to-edn.py PORCUPINE_CHECKOUT OUT_DIR

writes OUT_DIR/etcd/{good,bad}/etcd_NNN.edn (Jepsen's etcd logs, one folder per the verdict Porcupine's own tests
expect; model cas-register, initial value nil) and OUT_DIR/kv/cNN-{ok,bad}.edn (key-value logs, model kv,
partitioned by :key). A Jepsen log line 'INFO jepsen.util - P<TAB>:type<TAB>:f<TAB>value' becomes one operation
map; other lines (nemesis, set-up) are left out.
"""
import os
import re
import sys

LOG_LINE = re.compile(r"^INFO\s+jepsen\.util\s+-\s+(\d+)\t(:\w+)\t(:[\w-]+)\t(.*)$")
EXPECT = re.compile(r"checkJepsen\(t, (\d+), (true|false)\)")


def convert_etcd(src, out_dir, expected):
    for name in sorted(os.listdir(src)):
        m = re.match(r"etcd_(\d+)\.log$", name)
        if not m or int(m.group(1)) not in expected:
            continue
        ops = []
        with open(os.path.join(src, name)) as f:
            for line in f:
                lm = LOG_LINE.match(line.rstrip("\n"))
                if not lm:
                    continue
                process, typ, fn, value = lm.groups()
                if typ == ":info":
                    value = "nil"  # a timed-out operation's outcome is unknown
                ops.append("{:process %s, :type %s, :f %s, :value %s}" % (process, typ, fn, value.strip()))
        verdict = "good" if expected[int(m.group(1))] else "bad"
        os.makedirs(os.path.join(out_dir, "etcd", verdict), exist_ok=True)
        with open(os.path.join(out_dir, "etcd", verdict, name[:-4] + ".edn"), "w") as w:
            w.write("[" + "\n ".join(ops) + "]\n")


def convert_kv(src, out_dir):
    os.makedirs(os.path.join(out_dir, "kv"), exist_ok=True)
    for name in sorted(os.listdir(src)):
        if name.endswith(".txt"):
            with open(os.path.join(src, name)) as f, open(os.path.join(out_dir, "kv", name[:-4] + ".edn"), "w") as w:
                w.write(f.read())


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, out_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, "porcupine_test.go")) as f:
        expected = {int(n): v == "true" for n, v in EXPECT.findall(f.read())}
    convert_etcd(os.path.join(root, "test_data", "jepsen"), out_dir, expected)
    convert_kv(os.path.join(root, "test_data", "kv"), out_dir)


if __name__ == "__main__":
    main()
