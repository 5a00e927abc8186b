#!/bin/bash
# Makes the trace fixtures of steal that the kernel accounts in lumps (and of the anomalies that
# hide among such lumps), one file per scenario, a sample every 100 ms. Every CPU starts from the
# counters of a real capture from a 2-CPU KVM guest (CPU N takes the capture's cpu(N mod 2)); its
# steal then follows the scenario, and its user, system and idle time share the rest of its
# 10 ticks per 100 ms at the scenario's average steal rate, so no other counter ever goes back.
# The aggregate line is the column sums of the cpuN lines, as the kernel prints it.
#
# Usage: src/test/make-scenario-traces.sh   (rewrites the scenario traces in src/test/resources/traces/)
set -euo pipefail
cd "$(dirname "$0")/resources/traces"
capture=../proc-stat/kvm-guest-2cpu-linux-6.18.txt

# name, CPUs, samples, and what the header says of it
scenarios=(
    "lumps-every-500ms-2cpu|2|300|cpu1 is 50 % stolen, and its steal lands as +25 ticks every fifth sample (each 500 ms); cpu0 is 2 % stolen."
    "unaccounted-20s-then-lump-2cpu|2|300|cpu1 is 90 % stolen; from 5 s to 25 s none of it is accounted, then the 20 s land at once (+1800 ticks)."
    "steal-from-before-start-2cpu|2|200|The second sample carries 25 s of steal that cpu1 accrued before the first (+2500 ticks); then cpu1 is 50 % stolen."
    "lumps-staggered-8cpu|8|200|8 CPUs, each 80 % stolen; CPU k's steal lands every 2, 3, 5, 10, 4, 7, 20 or 30 samples, at staggered times."
    "throttled-20pct-per-second-1cpu|1|300|A vCPU throttled to 20 % of each 1 s period: 80 ticks of steal land once a second."
    "over-rate-2x-1cpu|1|700|A broken steal counter that rises at twice wall-clock rate: 20 ticks per 100 ms on 1 CPU, for 70 s."
    "wrap-among-lumps-2cpu|2|200|cpu0 is 50 % stolen in lumps every 500 ms, cpu1 40 % in lumps every second; at 12.3 s cpu1's steal clock steps back and the counter wraps (+1844670129583), then counts on normally."
    "drop-among-lumps-2cpu|2|200|cpu1 is 50 % stolen in lumps of +25 every 500 ms; cpu0 is 10 % stolen, and at 7.5 s its counter drops by 3 ticks while cpu1's lump lifts the aggregate by 22."
)

for scenario in "${scenarios[@]}"; do
    IFS='|' read -r name cpus samples what <<<"$scenario"
    {
        echo "# Scenario: $what"
        echo "# Made by src/test/make-scenario-traces.sh from the counters of proc-stat/kvm-guest-2cpu-linux-6.18.txt."
        echo "# host: lumpy-guest"
        echo "# kernel: 6.18.44"
        echo
        awk -v name="$name" -v cpus="$cpus" -v samples="$samples" '
            # The cumulative steal of CPU k at sample i, since the first sample.
            function steal(k, i,    p) {
                if (name == "lumps-every-500ms-2cpu") return k == 0 ? int(i / 5) : 25 * int(i / 5)
                if (name == "unaccounted-20s-then-lump-2cpu") {
                    if (k == 0) return int(i / 5)
                    return (i >= 50 && i < 250) ? 450 : 9 * i
                }
                if (name == "steal-from-before-start-2cpu") {
                    if (k == 0) return int(i / 5)
                    return i == 0 ? 0 : 2500 + 5 * (i - 1)
                }
                if (name == "lumps-staggered-8cpu") {
                    split("2 3 5 10 4 7 20 30", periods, " ")
                    p = periods[k + 1]
                    return 8 * p * int((i + k) / p)
                }
                if (name == "throttled-20pct-per-second-1cpu") return 80 * int(i / 10)
                if (name == "over-rate-2x-1cpu") return 20 * i
                if (name == "wrap-among-lumps-2cpu") {
                    if (k == 0) return 25 * int(i / 5)
                    return 40 * int(i / 10) + (i >= 123 ? 1844670129583 : 0)
                }
                if (name == "drop-among-lumps-2cpu") {
                    if (k == 1) return 25 * int(i / 5)
                    return i < 75 ? i : i - 4
                }
                exit 1
            }
            # The ticks of steal CPU k accrues per 100 ms on average, which its other time makes up to 10.
            function stolenTicksPerSample(k) {
                if (name == "lumps-every-500ms-2cpu" || name == "steal-from-before-start-2cpu") return k == 0 ? 0.2 : 5
                if (name == "unaccounted-20s-then-lump-2cpu") return k == 0 ? 0.2 : 9
                if (name == "lumps-staggered-8cpu" || name == "throttled-20pct-per-second-1cpu") return 8
                if (name == "over-rate-2x-1cpu") return 10
                if (name == "wrap-among-lumps-2cpu") return k == 0 ? 5 : 4
                return k == 0 ? 1 : 5
            }
            /^cpu[0-9]/ { n = substr($1, 4); for (c = 2; c <= NF; c++) base[n, c] = $c; columns = NF }
            END {
                for (i = 0; i < samples; i++) {
                    for (c = 2; c <= columns; c++) sum[c] = 0
                    for (k = 0; k < cpus; k++) {
                        for (c = 2; c <= columns; c++) v[c] = base[k % 2, c]
                        other = int((10 - stolenTicksPerSample(k)) * i)
                        v[2] += int(other * 0.3)                       # user
                        v[4] += int(other * 0.1)                       # system
                        v[5] += other - int(other * 0.3) - int(other * 0.1) # idle
                        v[9] += steal(k, i)                            # steal
                        line[k] = sprintf("%d cpu%d", i * 100, k)
                        for (c = 2; c <= columns; c++) { line[k] = line[k] sprintf(" %.0f", v[c]); sum[c] += v[c] }
                    }
                    aggregate = sprintf("%d cpu ", i * 100)
                    for (c = 2; c <= columns; c++) aggregate = aggregate sprintf(" %.0f", sum[c])
                    print aggregate
                    for (k = 0; k < cpus; k++) print line[k]
                }
            }
        ' "$capture"
    } >"$name.trace"
done
