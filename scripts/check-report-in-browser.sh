#!/usr/bin/env bash
# Opens a real report.html in a real browser (headless Chromium) and fails if the page is blank, a trust graph or
# sequence diagram is missing, or two labels of a sequence diagram overlap or one is cut. CI runs it after `mvn -B verify` (.ci/run). Installs Debian's chromium if it is
# missing (needs root or passwordless sudo, and network access to the Debian mirrors).
#
# The report comes from a small mutant campaign run through the CLI jar, so it has a counterexample with a
# sequence diagram and a trust graph. TRUSTLAB_REPORT_INPUT=DIR reports on an existing result directory instead.
# The screenshot and the DOM are kept in trustlab-out/browser-check/ (override with TRUSTLAB_BROWSER_CHECK_OUT).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${TRUSTLAB_JAR:-$root/cli/target/trustlab.jar}"
out="${TRUSTLAB_BROWSER_CHECK_OUT:-$root/trustlab-out/browser-check}"

fail() { echo "check-report-in-browser: FAIL: $*" >&2; exit 1; }

[ -f "$jar" ] || fail "$jar is missing; build it first (mvn -B verify, or mvn -B -DskipTests -pl cli -am package)"

browser=""
for b in chromium chromium-browser; do
    if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
    echo "check-report-in-browser: chromium is missing; installing Debian's chromium" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
        fail "chromium is not installed and this user cannot install it (needs root or passwordless sudo)"
    fi
    $sudo apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null || fail "apt-get install chromium failed"
    browser=chromium
fi

rm -rf "$out"
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/trustlab-browser-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ -n "${TRUSTLAB_REPORT_INPUT:-}" ]; then
    input="$TRUSTLAB_REPORT_INPUT"
else
    input="$work/campaign"
    # Exit 1 means "an invariant was violated": expected against a mutant.
    set +e
    java -jar "$jar" campaign --protocol autojoin --mutant autojoin.no-replay-cache --runs 30 --seed 7 --no-report \
        --out "$input" > "$out/campaign.log" 2>&1
    status=$?
    set -e
    [ "$status" -le 1 ] || { cat "$out/campaign.log" >&2; fail "trustlab campaign exited $status"; }
fi

# The report gets a folder of its own: trustlab writes only into folders that hold nothing but its own output.
html="$(java -jar "$jar" report "$input" --out "$out/report" | tail -n 1)"
[ -f "$html" ] || fail "trustlab report did not print the path of report.html (got '$html')"
html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile")
"$browser" "${flags[@]}" --screenshot="$out/report.png" --window-size=1280,2000 "file://$html" \
    > "$out/chromium.log" 2>&1 || { cat "$out/chromium.log" >&2; fail "chromium could not take a screenshot"; }
"$browser" "${flags[@]}" --dump-dom "file://$html" > "$out/dom.html" 2>> "$out/chromium.log" \
    || { cat "$out/chromium.log" >&2; fail "chromium could not load the page"; }

java "$root/scripts/ScreenshotCheck.java" "$out/report.png" || fail "the screenshot $out/report.png looks blank"

grep -q 'id="verdict-table"' "$out/dom.html" || fail "the verdict table is missing from the rendered page"
graphs=$(grep -o '<svg[^>]*id="trust-graph-[^"]*"' "$out/dom.html" | wc -l)
[ "$graphs" -ge 1 ] || fail "no trust graph (<svg id=\"trust-graph-...\">) in the rendered page"
nodes=$(grep -o 'class="node"' "$out/dom.html" | wc -l)
[ "$nodes" -ge 2 ] || fail "the trust graphs have no drawn devices"
if [ -z "${TRUSTLAB_REPORT_INPUT:-}" ]; then
    grep -q 'class="sequence-diagram"' "$out/dom.html" || fail "the counterexample's sequence diagram is missing"
fi

# No two labels of a sequence diagram overlap, and none is cut: measured by the browser's own layout. The report
# has no script of its own, so a copy of it gets one that measures every <text> of every sequence-diagram SVG
# (getBoundingClientRect, pairwise) and writes what it found into the page, which --dump-dom then prints.
measured="$work/measured.html"
cp "$root/scripts/sequence-text-overlaps.js" "$work/"
sed 's#</body>#<script src="sequence-text-overlaps.js"></script></body>#' "$html" > "$measured"
"$browser" "${flags[@]}" --virtual-time-budget=5000 --window-size=1280,2000 --dump-dom "file://$measured" \
    > "$out/dom-measured.html" 2>> "$out/chromium.log" || { cat "$out/chromium.log" >&2; fail "chromium could not load the page"; }
result="$(grep -o '<pre id="sequence-text-overlaps">[^<]*</pre>' "$out/dom-measured.html" | sed 's/<[^>]*>//g')"
[ -n "$result" ] || fail "the overlap measurement did not run (no #sequence-text-overlaps in $out/dom-measured.html)"
echo "check-report-in-browser: sequence diagrams: $result"
case "$result" in
    *" 0 overlapping pairs, 0 cut labels"*) ;;
    *) fail "labels of the sequence diagrams overlap or are cut: $result" ;;
esac
diagrams="$(echo "$result" | sed -n 's/^\([0-9]*\) diagrams.*/\1/p')"
if [ -z "${TRUSTLAB_REPORT_INPUT:-}" ] && [ "${diagrams:-0}" -lt 1 ]; then
    fail "no sequence diagram was measured: $result"
fi

echo "check-report-in-browser: OK: $html renders in $("$browser" --version 2>/dev/null | head -n 1):" \
     "$graphs trust graph(s), $nodes drawn devices; $result; screenshot $out/report.png"
