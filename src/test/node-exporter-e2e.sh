#!/usr/bin/env bash
# The fleet-monitoring path end to end, as on a Debian host and on 127.0.0.1 only: the user and the
# runtime directory made by the shipped sysusers.d and tmpfiles.d files (under a scratch root, so
# the machine's own /etc and /run are left alone), the metrics files linked into a textfile
# directory with the manual's command, node_exporter reading them as user prometheus, and the built
# jar writing them as user stealwatch: a watch that sees the article's jump on a fixture proc root,
# and two audits. A real Prometheus scrapes node_exporter every second with the shipped rules
# loaded, and must fire StealCounterBroken for the jump. Checks what node_exporter serves and
# promtool's verdict on the files, then stops every process it started by its PID. Needs root,
# target/stealwatch.jar, prometheus (with promtool) and prometheus-node-exporter; .ci/run installs
# the last two packages.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
chmod 755 "$work"
pids=()
finish() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap finish EXIT
fail() {
    echo "node-exporter-e2e: $*" >&2
    exit 1
}

# The user and /run/stealwatch as the packaged files make them, under a scratch root.
root=$work/root
mkdir -p "$root/etc"
cp /etc/passwd /etc/group "$root/etc/"
systemd-sysusers --root="$root" "$PWD/systemd/sysusers.d/stealwatch.conf"
systemd-tmpfiles --root="$root" --create "$PWD/systemd/tmpfiles.d/stealwatch.conf"
runtime=$root/run/stealwatch
uid=$(awk -F: '$1 == "stealwatch" { print $3 }' "$root/etc/passwd")
gid=$(awk -F: '$1 == "stealwatch" { print $3 }' "$root/etc/group")
as_stealwatch=(setpriv --reuid="$uid" --regid="$gid" --clear-groups)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
install -m 644 target/stealwatch.jar "$work/stealwatch.jar"

# node_exporter's textfile directory, root's as Debian ships it, and the manual's link command.
textfiles=$work/node-exporter
install -d -m 755 "$textfiles"
ln -s "$runtime/stealwatch_watch.prom" "$runtime/stealwatch_audit.prom" "$textfiles/"

# A port nothing listens on (bash's /dev/tcp fails to connect to it), below the kernel's range of
# ephemeral ports: one of those can be the local end of a connection a test left in TIME_WAIT or
# open, and then node_exporter's bind fails with "address already in use" (seen on 35026).
free_port() {
    local candidate ephemeral_low span
    read -r ephemeral_low _ < /proc/sys/net/ipv4/ip_local_port_range
    span=$((ephemeral_low > 11000 ? ephemeral_low - 10000 : 1000))
    while :; do
        candidate=$((10000 + RANDOM % span))
        if ! (echo > "/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then
            echo "$candidate"
            return
        fi
    done
}
port=$(free_port)
setpriv --reuid=prometheus --regid=prometheus --init-groups prometheus-node-exporter \
    --collector.disable-defaults --collector.textfile --collector.textfile.directory="$textfiles" \
    --web.listen-address="127.0.0.1:$port" 2> "$work/node-exporter.log" &
pids+=($!)
scrape() {
    curl -fsS "http://127.0.0.1:$port/metrics"
}
for _ in $(seq 100); do
    scrape > /dev/null 2>&1 && break
    sleep 0.1
done
scrape > "$work/before.txt" || fail "node_exporter did not start: $(cat "$work/node-exporter.log")"
grep -qx 'node_textfile_scrape_error 0' "$work/before.txt" \
    || fail "the empty files made at boot are a scrape error: $(grep textfile "$work/before.txt")"

# Prometheus, scraping node_exporter and evaluating the shipped rules every second.
prometheus_port=$(free_port)
cat > "$work/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $work/stealwatch-rules.yml
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['127.0.0.1:$port']
YAML
install -m 644 src/dist/prometheus/stealwatch-rules.yml "$work/" # where user prometheus can read it
install -d -o prometheus -g prometheus "$work/tsdb"
setpriv --reuid=prometheus --regid=prometheus --init-groups prometheus --config.file="$work/prometheus.yml" \
    --storage.tsdb.path="$work/tsdb" --web.listen-address="127.0.0.1:$prometheus_port" 2> "$work/prometheus.log" &
pids+=($!)
api() {
    curl -fsS "http://127.0.0.1:$prometheus_port/api/v1/$1"
}
for _ in $(seq 300); do
    curl -fsS "http://127.0.0.1:$prometheus_port/-/ready" > /dev/null 2>&1 && break
    sleep 0.1
done
api rules > "$work/rules.json" || fail "Prometheus did not start: $(tail -5 "$work/prometheus.log")"
for alert in StealCounterBroken StealwatchWatchStale StealwatchAuditStale StealwatchReportsNotMailed HighCpuSteal \
        ImpossibleCpuStealRate; do
    grep -q "\"name\":\"$alert\"" "$work/rules.json" \
        || fail "Prometheus did not load $alert: $(cat "$work/rules.json"; grep -i rule "$work/prometheus.log")"
done

# A fixture proc root whose aggregate steal jumps by the article's 1.8e12 ticks while the watch runs.
proc=$work/proc
mkdir -p "$proc/sys/kernel/random"
healthy=$(cat src/test/resources/proc-stat/kvm-guest-2cpu-linux-6.18.txt)
printf '%s\n' "$healthy" > "$proc/stat"
echo 8f9561f7-0d62-453c-ac20-269c00c0b540 > "$proc/sys/kernel/random/boot_id"
echo '1000.00 1900.00' > "$proc/uptime"
chmod -R a+rX "$proc"

"${as_stealwatch[@]}" "$java" -XX:-UsePerfData -jar "$work/stealwatch.jar" -q watch --once --proc-root "$proc" \
    --interval 20ms --samples 3 --mail-to - --textfile-dir "$runtime" > "$work/watch.out" 2> "$work/watch.err" &
watch=$!
pids+=("$watch")
# The watch writes its first file (all zeros) just before its first sample: jump after that.
for _ in $(seq 300); do
    [ -s "$runtime/stealwatch_watch.prom" ] && break
    kill -0 "$watch" 2> /dev/null || break
    sleep 0.1
done
grep -q '^stealwatch_samples_total{command="watch"} 0$' "$runtime/stealwatch_watch.prom" \
    || fail "the watch's first file is not all zeros: $(cat "$runtime/stealwatch_watch.prom" "$work/watch.err")"
# Prometheus must have seen the counter at 0 before it becomes 1, as it does in a fleet.
series='stealwatch_anomalies_total{command="watch",kind="jumped"}'
for _ in $(seq 300); do
    curl -fsS -G --data-urlencode "query=$series" "http://127.0.0.1:$prometheus_port/api/v1/query" \
        | grep -q '"value":\[[0-9.]*,"0"\]' && seen_zero=yes && break
    sleep 0.1
done
[ -n "${seen_zero:-}" ] || fail "Prometheus never scraped the watch's first file, all zeros"
sed '1s/^\(cpu  \([0-9]* \)\{7\}\)[0-9]*/\11844670130367/' "$proc/stat" > "$proc/stat.new"
chmod 644 "$proc/stat.new"
mv "$proc/stat.new" "$proc/stat"
status=0
wait "$watch" || status=$?
[ "$status" = 2 ] || fail "watch --once exited $status, not 2: $(cat "$work/watch.err")"
printf '%s\n' "$healthy" > "$proc/stat"

# Two audits: the first saves a baseline, the second compares; both publish.
install -d -m 700 -o "$uid" -g "$gid" "$work/state"
for run in 1 2; do
    "${as_stealwatch[@]}" "$java" -XX:-UsePerfData -jar "$work/stealwatch.jar" -q audit --proc-root "$proc" \
        --duration 1s --state-file "$work/state/audit.state" --mail-to - --textfile-dir "$runtime" \
        > "$work/audit.out" 2> "$work/audit.err" || fail "audit $run failed: $(cat "$work/audit.err")"
done

for file in "$runtime"/stealwatch_{watch,audit}.prom; do
    promtool check metrics < "$file" || fail "promtool check metrics $file"
    [ "$(stat -c '%a %u' "$file")" = "644 $uid" ] || fail "$file: mode and owner $(stat -c '%a %u' "$file")"
done

# The alert fires within a few evaluations; the metrics file stays after the watch's exit.
for _ in $(seq 300); do
    api alerts > "$work/alerts.json"
    grep -q '"alertname":"StealCounterBroken"' "$work/alerts.json" && grep -q '"state":"firing"' "$work/alerts.json" \
        && break
    sleep 0.1
done
grep -q '"alertname":"StealCounterBroken"' "$work/alerts.json" && grep -q '"kind":"jumped"' "$work/alerts.json" \
    && grep -q '"state":"firing"' "$work/alerts.json" \
    || fail "Prometheus did not fire StealCounterBroken for the jump: $(cat "$work/alerts.json")"
[ "$(grep -o '"alertname":"[A-Za-z]*"' "$work/alerts.json" | sort -u)" = '"alertname":"StealCounterBroken"' ] \
    || fail "other alerts fire too: $(cat "$work/alerts.json")"

scrape > "$work/after.txt"
grep -qx 'node_textfile_scrape_error 0' "$work/after.txt" || fail "scrape error: $(cat "$work/node-exporter.log")"
jumps=$(sed -n 's/^stealwatch_anomalies_total{command="watch",kind="jumped"} //p' "$work/after.txt")
[ -n "$jumps" ] && [ "$jumps" -ge 1 ] || fail "no jump served: $(grep stealwatch "$work/after.txt")"
audit_samples=$(sed -n 's/^stealwatch_samples_total{command="audit"} //p' "$work/after.txt")
[ -n "$audit_samples" ] && [ "$audit_samples" -gt 10 ] || fail "audit's samples not served: $audit_samples"
echo "node-exporter-e2e: node_exporter served stealwatch_anomalies_total{command=\"watch\",kind=\"jumped\"} $jumps" \
    "and stealwatch_samples_total{command=\"audit\"} $audit_samples, node_textfile_scrape_error 0;" \
    "Prometheus loaded the rules and fired StealCounterBroken{kind=\"jumped\"}"
