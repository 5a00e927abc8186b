#!/bin/bash
# Makes the large /proc/stat fixtures the benchmark and tests use, by scaling up a real capture
# from a 2-CPU KVM guest taken 5 minutes after boot: CPU N gets the counters of the captured
# cpu(N mod 2) scaled to a month of uptime (x 7919) and nudged by N so no two lines are alike; the aggregate line is their column sums, as the kernel prints it; the intr
# line gets 256 + 8 entries per CPU, the size x86 gives it (arch_probe_nr_irqs: legacy and IO-APIC
# interrupts plus 8 vectors per CPU), filled by cycling through the capture's own counts.
#
# Usage: src/bench/make-large-fixtures.sh   (rewrites src/test/resources/proc-stat/scaled-*cpu.txt)
set -euo pipefail
cd "$(dirname "$0")/../test/resources/proc-stat"
capture=kvm-guest-2cpu-linux-6.18.txt

for cpus in 64 256 1024; do
    awk -v cpus="$cpus" '
        /^cpu[0-9]/ { n = substr($1, 4); for (c = 2; c <= NF; c++) base[n, c] = $c; columns = NF; next }
        /^cpu / { next }
        /^intr / {
            for (c = 3; c <= NF; c++) counts[c - 3] = $c
            ncounts = NF - 2
            entries = 256 + 8 * cpus
            intr = ""; total = 0
            for (e = 0; e < entries; e++) {
                v = counts[e % ncounts] * 7919 * (1 + int(e / ncounts))
                intr = intr " " sprintf("%.0f", v); total += v
            }
            rest[++lines] = "intr " sprintf("%.0f", total) intr
            next
        }
        { rest[++lines] = $0 }
        END {
            for (cpu = 0; cpu < cpus; cpu++) {
                line = "cpu" cpu
                for (c = 2; c <= columns; c++) {
                    v = base[cpu % 2, c]
                    if (v > 0) v = v * 7919 + cpu * (c + 1)
                    line = line " " sprintf("%.0f", v); sum[c] += v
                }
                cpuline[cpu] = line
            }
            aggregate = "cpu "
            for (c = 2; c <= columns; c++) aggregate = aggregate " " sprintf("%.0f", sum[c])
            print aggregate
            for (cpu = 0; cpu < cpus; cpu++) print cpuline[cpu]
            for (l = 1; l <= lines; l++) print rest[l]
        }' "$capture" > "scaled-${cpus}cpu.txt"
done
wc -c scaled-*cpu.txt
