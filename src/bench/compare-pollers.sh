#!/bin/bash
# Runs three pollers of /proc/stat side by side on this machine for 60 s (DURATION) and prints, for
# each, its steady-state CPU time per sample (measured from 10 s, WARMUP, to the end), its resident
# memory at the end, and how far the time between its samples strays from 100 ms:
#   - stealwatch watch, started as systemd/stealwatch.service starts it and with its JVM options;
#   - steal-poller.c, a minimal C poller, compiled here with gcc;
#   - bash-poller.sh, a loop in the style of the article's script (fork head, fork sleep).
# CPU comes from /proc/PID/task/*/schedstat (nanoseconds, every thread) for stealwatch and the C
# poller, and from utime+stime+cutime+cstime for the bash loop, whose forked children count too.
#
# Usage: src/bench/compare-pollers.sh        (builds target/stealwatch.jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
work=$(mktemp -d)
trap 'kill -TERM $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

source src/bench/lib.sh
ensure_jar
gcc -O2 -Wall -o "$work/steal-poller" src/bench/steal-poller.c
jvm_options=$(unit_jvm_options systemd/stealwatch.service)

# As the unit starts it: the options checked and written by one run, the watch started from them.
java -jar target/stealwatch.jar watch --mail-to - --write-settings "$work/watch.settings" 2> /dev/null
java $jvm_options -jar target/stealwatch.jar watch --settings "$work/watch.settings" >"$work/java.out" 2>"$work/java.err" &
java_pid=$!
"$work/steal-poller" "$work/c.stamps" 2>"$work/c.err" &
c_pid=$!
src/bench/bash-poller.sh "$work/bash.stamps" 2>"$work/bash.err" &
bash_pid=$!

# CPU nanoseconds of every thread of a process that is still alive.
threads_cpu_ns() {
    local sum=0 ns _
    for stat in /proc/"$1"/task/*/schedstat; do
        read -r ns _ < "$stat" && sum=$((sum + ns))
    done
    echo "$sum"
}
# CPU nanoseconds of a process and of the children it has waited for, at the kernel's tick.
tree_cpu_ns() {
    local stat
    stat=$(< /proc/"$1"/stat)
    read -r -a fields <<< "${stat##*) }"  # from field 3 on: utime is field 14, cstime field 17
    echo $(( (fields[11] + fields[12] + fields[13] + fields[14]) * 1000000000 / $(getconf CLK_TCK) ))
}
now_ns() { date +%s%N; }

sleep "$WARMUP"
from=$(now_ns)
java_from=$(threads_cpu_ns $java_pid); java_threads=$(ls /proc/$java_pid/task | wc -l)
c_from=$(threads_cpu_ns $c_pid)
bash_from=$(tree_cpu_ns $bash_pid)
sleep $((DURATION - WARMUP))
to=$(now_ns)
java_cpu=$(( $(threads_cpu_ns $java_pid) - java_from ))
c_cpu=$(( $(threads_cpu_ns $c_pid) - c_from ))
bash_cpu=$(( $(tree_cpu_ns $bash_pid) - bash_from ))
java_rss=$(rss_kib $java_pid); c_rss=$(rss_kib $c_pid); bash_rss=$(rss_kib $bash_pid)
[[ $(ls /proc/$java_pid/task | wc -l) == "$java_threads" ]] \
    || echo "note: stealwatch's thread count changed during the measurement: a thread's CPU may be missing"

kill -TERM $java_pid $c_pid $bash_pid
wait $java_pid $c_pid $bash_pid || true

# Samples taken in the measured window, and p50/p99/max of |interval - 100 ms| over the whole run.
samples_between() { awk -v from="$from" -v to="$to" '$1 >= from && $1 <= to' "$1" | wc -l; }
cadence() {
    awk 'NR > 1 { d = $1 - last - 100000000; print (d < 0 ? -d : d) / 1e6 } { last = $1 }' "$1" | sort -g \
        | awk '{ v[NR] = $1 } END { printf "%.2f / %.2f / %.2f", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR] }'
}
java_samples=$(( (to - from) / 100000000 ))
c_samples=$(samples_between "$work/c.stamps")
bash_samples=$(samples_between "$work/bash.stamps")
java_cadence=$(sed -n 's/.*off by at most \([0-9.]*\) ms (half of them), \([0-9.]*\) ms (99%), \([0-9.]*\) ms (all).*/\1 \/ \2 \/ \3/p' \
    "$work/java.err")

per_sample_ms() { awk -v ns="$1" -v n="$2" 'BEGIN { printf "%.3f", ns / n / 1e6 }'; }
java_ms=$(per_sample_ms $java_cpu $java_samples)
c_ms=$(per_sample_ms $c_cpu $c_samples)
bash_ms=$(per_sample_ms $bash_cpu $bash_samples)

echo "$(nproc) CPUs, $(uname -r), $(java -version 2>&1 | head -1)"
echo "stealwatch JVM options: $jvm_options"
echo "CPU per sample from ${WARMUP} s to ${DURATION} s; RSS at ${DURATION} s; cadence = |interval - 100 ms|"
printf '%-12s %12s %9s %10s  %s\n' poller "CPU/sample" samples "RSS" "cadence p50 / p99 / max (ms)"
printf '%-12s %9s ms %9s %6s MiB  %s\n' stealwatch "$java_ms" "$java_samples" "$((java_rss / 1024))" "${java_cadence:-?}"
printf '%-12s %9s ms %9s %6s MiB  %s\n' "C poller" "$c_ms" "$c_samples" "$((c_rss / 1024))" "$(cadence "$work/c.stamps")"
printf '%-12s %9s ms %9s %6s MiB  %s\n' "bash loop" "$bash_ms" "$bash_samples" "$((bash_rss / 1024))" \
    "$(cadence "$work/bash.stamps")"
awk -v j="$java_ms" -v c="$c_ms" -v b="$bash_ms" 'BEGIN {
    printf "stealwatch / C poller: %.2fx CPU per sample (target: at most 2x, aim 1.5x)\n", j / c
    printf "bash loop / stealwatch: %.1fx CPU per sample (target: at least 15x)\n", b / j }'
