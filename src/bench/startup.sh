#!/bin/bash
# Start-up of the one-shot commands, as the median wall time of RUNS (10) runs each, and its ratio
# to a bare "java -cp DIR Hello" on the same machine: --version, and check and audit with a 1 s
# window (the window is subtracted). Each with the JVM's defaults, with the one-shot options of
# systemd/stealwatch-audit.service, and with those plus an AppCDS archive (Java 17's
# -XX:ArchiveClassesAtExit) made by one training run of audit.
#
# Usage: src/bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh
RUNS=${RUNS:-10}
ensure_jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"

# Median wall time in ms of RUNS runs of a command, less $subtract ms.
median_ms() {
    local subtract=$1; shift
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 - subtract ))
    done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

read -r -a oneshot <<< "$(unit_jvm_options systemd/stealwatch-audit.service)"
# The unit points at the installed archive: here the columns are without one, then with one made here.
for i in "${!oneshot[@]}"; do
    [[ ${oneshot[i]} == -XX:SharedArchiveFile=* ]] && unset 'oneshot[i]'
done
oneshot=("${oneshot[@]}")
training=(audit --duration 1s --state-file "$work/state" --spool-dir "$work/spool" --mail-to -)
java -XX:ArchiveClassesAtExit="$work/stealwatch.jsa" -Xlog:disable "${oneshot[@]}" -jar target/stealwatch.jar \
    "${training[@]}" > /dev/null 2>&1 || true
with_cds=("${oneshot[@]}" -XX:SharedArchiveFile="$work/stealwatch.jsa")

hello=$(median_ms 0 java -cp "$work" Hello)
echo "$(nproc) CPUs, $(java -version 2>&1 | head -1); median of $RUNS runs, wall time"
echo "java -cp DIR Hello: $hello ms (the 1.0x)"
echo "one-shot options: ${oneshot[*]}"
printf '%-34s %14s %16s %22s\n' "" "JVM defaults" "one-shot options" "+ AppCDS archive"
row() {
    local label=$1 subtract=$2; shift 2
    local cells=()
    for options in "" "${oneshot[*]}" "${with_cds[*]}"; do
        # shellcheck disable=SC2086 # options are words on purpose
        local ms; ms=$(median_ms "$subtract" java $options -jar target/stealwatch.jar "$@")
        cells+=("$ms ms $(awk -v a="$ms" -v b="$hello" 'BEGIN { printf "%.1fx", a / b }')")
    done
    printf '%-34s %14s %16s %22s\n' "$label" "${cells[@]}"
}
row "stealwatch --version" 0 --version
row "stealwatch check (less its 1 s)" 1000 check --duration 1s
rm -rf "$work/state" "$work/spool"
row "stealwatch audit (less its 1 s)" 1000 "${training[@]}"
