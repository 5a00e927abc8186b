#!/bin/bash
# Resident memory (VmRSS) of a steady watch that has mailed one report, beside the least a JVM
# program can do of the same job (src/bench/poller/MinimalPoller.java) run with the same options at
# the same time: starts stealwatch watch on a copy of this machine's /proc/stat, makes the copy's
# steal counter jump by 1.8e12 ticks (the article's figure) after 3 s, so that the watch records and
# mails one report through the SMTP server at SMTP_HOST:SMTP_PORT (default localhost:25, e.g.
# postfix), reads both VmRSS at WAIT s (60) and prints them with their ratio.
# TEXTFILE=1 also has it publish its metrics (--textfile-dir), every 15 s as under systemd.
# The watch starts as its unit starts it: one run checks the options and writes the settings
# (--write-settings, the unit's ExecStartPre=), and the watch measured starts from them alone
# (--settings), without the command line's parser. PICOCLI=1 starts it from its options instead,
# as a watch typed by hand: what the parser costs a watch that keeps it.
#
# Usage: src/bench/footprint.sh [JVM option...]   (default: the options of systemd/stealwatch.service)
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/bench/lib.sh
SMTP_HOST=${SMTP_HOST:-localhost}
SMTP_PORT=${SMTP_PORT:-25}
WAIT=${WAIT:-60}
if ! (echo > "/dev/tcp/$SMTP_HOST/$SMTP_PORT") 2>/dev/null; then
    echo "no SMTP server at $SMTP_HOST:$SMTP_PORT (apt-get install postfix && postfix start)" >&2
    exit 1
fi
ensure_jar
if (($# == 0)); then
    read -r -a options <<< "$(unit_jvm_options systemd/stealwatch.service)"
else
    options=("$@")
fi
root=$(mktemp -d)
trap 'kill -TERM $(jobs -p) 2>/dev/null || true; rm -rf "$root"' EXIT
cp /proc/stat "$root/stat"
# The host's name and kernel, which the watch reads from its proc root as it does from /proc.
mkdir -p "$root/sys/kernel"
cp /proc/sys/kernel/hostname /proc/sys/kernel/osrelease "$root/sys/kernel/"
mkdir "$root/poller"
javac -d "$root/poller" src/bench/poller/MinimalPoller.java
java "${options[@]}" -cp "$root/poller" MinimalPoller /proc/stat &
poller=$!
# Logs go to a file that the watch takes for the journal, as it would under systemd (JOURNAL_STREAM
# names the file's device and inode), so that it runs the code it runs as a service.
touch "$root/log"
publish=()
if [[ ${TEXTFILE:-} == 1 ]]; then
    mkdir "$root/textfiles"
    publish=(--textfile-dir "$root/textfiles")
fi
watch=(--proc-root "$root" --spool-dir "$root/spool" --mail-to root --smtp-host "$SMTP_HOST" --smtp-port "$SMTP_PORT"
    "${publish[@]}")
if [[ ${PICOCLI:-} != 1 ]]; then
    java -jar target/stealwatch.jar watch "${watch[@]}" --write-settings "$root/watch.settings" 2> /dev/null
    watch=(--settings "$root/watch.settings")
fi
JOURNAL_STREAM=$(stat -c '%d:%i' "$root/log") java "${options[@]}" -jar target/stealwatch.jar watch "${watch[@]}" \
    2>>"$root/log" &
pid=$!
sleep 3
# The jump, written beside and renamed over, as a test would: the watch sees the new file.
awk '$1 == "cpu" { $9 = sprintf("%.0f", $9 + 1844670130367); sub(/^cpu /, "cpu  ") } { print }' "$root/stat" > "$root/stat.new"
mv "$root/stat.new" "$root/stat"
sleep $((WAIT - 3))
rss=$(rss_kib $pid)
poller_rss=$(rss_kib $poller)
grep -q "report sent to" "$root/log" || { echo "the watch did not mail its report:" >&2; cat "$root/log" >&2; exit 1; }
if ((${#publish[@]})) && ! grep -Eq '^stealwatch_anomalies_total\{command="watch",kind="jumped"\} 1(\.0)?$' \
        "$root/textfiles/stealwatch_watch.prom"; then
    echo "the watch's metrics do not count the jump:" >&2
    cat "$root/textfiles/stealwatch_watch.prom" >&2
    exit 1
fi
mib() { echo "$(($1 / 1024)).$(($1 % 1024 * 10 / 1024)) MiB"; }
echo "VmRSS at ${WAIT} s with: ${options[*]}"
echo "  watch ($([[ ${PICOCLI:-} == 1 ]] && echo "from its options" || echo "from its settings file")), after mailing one report${publish[*]:+, publishing metrics}: $(mib "$rss")"
echo "  minimal poller: $(mib "$poller_rss")"
echo "  ratio: $(awk -v a="$rss" -v b="$poller_rss" 'BEGIN { printf "%.2f", a / b }')"
