#!/usr/bin/env bash
# The installed package under a real init: a Debian 12 root booted with systemd as PID 1
# (systemd-nspawn), postfix delivering locally, Debian's node_exporter, and the package installed
# with apt-get as a user installs it. Checks that the watch starts and stays up without a sandbox
# denial, the audit timer and service, node_exporter serving both metrics files, the exposure of
# the running units, a hand-run audit as root leaving the unit's files usable, the article's jump
# mailed to root through postfix, a report waiting in the spool while postfix is down and mailed
# once when it is back, and reinstall, remove and purge. Needs root, target/stealwatch_*_all.deb,
# debootstrap and systemd-nspawn (systemd-container); skips with one line without them.
#
# The container shares this machine's network: postfix and node_exporter in it listen on loopback
# only (ports 25 and 9100), and those must be free. The debootstrapped root is cached under
# $STEALWATCH_PID1_CACHE (default /var/cache/stealwatch-pid1), keyed on its recipe, so a machine
# pays for debootstrap (about 80 s) once; each run boots an overlay of it and throws the overlay away.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { echo "pid1-e2e: $*"; }
leader=
fail() {
    echo "pid1-e2e: FAILED: $*" >&2
    if [ -n "$leader" ]; then # what the container's journal says, for whoever reads CI's log
        echo "pid1-e2e: the container's journal, last 60 lines:" >&2
        nsenter -t "$leader" -a journalctl --no-pager -q -n 60 >&2 || true
    fi
    exit 1
}

if [ "$(id -u)" != 0 ]; then
    say "not root: skipping the package under systemd as PID 1"
    exit 0
fi
for tool in debootstrap systemd-nspawn nsenter; do
    if ! command -v "$tool" > /dev/null; then
        say "no $tool (apt-get install debootstrap systemd-container): skipping the package under systemd as PID 1"
        exit 0
    fi
done
deb=$(ls target/stealwatch_*_all.deb 2> /dev/null | head -n 1)
[ -n "$deb" ] || fail "no target/stealwatch_*_all.deb: run mvn package first"
for port in 25 9100; do
    if (echo > "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
        fail "127.0.0.1:$port is taken on this machine; the container's postfix and node_exporter need it"
    fi
done

# --- The cached root: Debian 12 with systemd, postfix and node_exporter, set up for loopback.
suite=bookworm
mirror=http://deb.debian.org/debian
packages=systemd,systemd-sysv,dbus,postfix,prometheus-node-exporter,default-jre-headless,curl,ca-certificates,procps
hostname=stealwatch-pid1
recipe="$suite $mirror $packages $hostname loopback-1"
cache=${STEALWATCH_PID1_CACHE:-/var/cache/stealwatch-pid1}
base=$cache/root-$(echo "$recipe" | sha256sum | cut -c1-16)
if [ ! -d "$base" ]; then
    say "debootstrapping $suite into $base (once per machine)"
    mkdir -p "$cache"
    find "$cache" -maxdepth 1 -name 'root-*' -exec rm -rf {} + # roots of older recipes
    building=$(mktemp -d -p "$cache" building.XXXXXX)
    debootstrap --variant=minbase --include="$packages" "$suite" "$building/root" "$mirror" \
        > "$building/debootstrap.log" 2>&1 || { tail -n 20 "$building/debootstrap.log"; fail "debootstrap failed"; }
    echo "$hostname" > "$building/root/etc/hostname"
    # Local delivery only, on loopback only: the container shares the host's network.
    sed -i -e 's/^inet_interfaces = .*/inet_interfaces = loopback-only/' \
        -e "s/^myhostname = .*/myhostname = $hostname/" "$building/root/etc/postfix/main.cf"
    echo 'ARGS="--web.listen-address=127.0.0.1:9100"' > "$building/root/etc/default/prometheus-node-exporter"
    mv "$building/root" "$base"
    rm -rf "$building"
fi

# --- This run: an overlay of the cached root, booted. A run killed before its cleanup left its
# directory: gone now, unless its overlay is still mounted (a run going on).
for stale in "$cache"/run.*; do
    if [ -d "$stale" ] && ! mountpoint -q "$stale/merged"; then
        rm -rf "$stale"
    fi
done
work=$(mktemp -d -p "$cache" run.XXXXXX)
root=$work/merged
mkdir -p "$work/upper" "$work/overlay-work" "$root"
nspawn_pid=
finish() {
    if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2> /dev/null; then
        kill -TERM "$nspawn_pid" 2> /dev/null || true # nspawn powers the container off
        for _ in $(seq 100); do
            kill -0 "$nspawn_pid" 2> /dev/null || break
            sleep 0.2
        done
        kill -KILL "$nspawn_pid" 2> /dev/null || true
        wait "$nspawn_pid" 2> /dev/null || true
    fi
    # The container's last processes may hold the overlay for a moment after nspawn exits.
    for _ in $(seq 50); do
        mountpoint -q "$root" || break
        umount "$root" 2> /dev/null || sleep 0.2
    done
    if mountpoint -q "$root"; then
        umount -l "$root" || true
    fi
    rm -rf "$work"
}
trap finish EXIT
mount -t overlay overlay -o "lowerdir=$base,upperdir=$work/upper,workdir=$work/overlay-work" "$root"

systemd-nspawn -D "$root" -b --register=no --keep-unit --console=passive --machine="$hostname" \
    > "$work/boot.log" 2>&1 &
nspawn_pid=$!
for _ in $(seq 100); do
    child=$(pgrep -P "$nspawn_pid" | head -n 1 || true)
    if [ -n "$child" ] && [ "$(cat "/proc/$child/comm" 2> /dev/null)" = systemd ]; then
        leader=$child
        break
    fi
    sleep 0.1
done
[ -n "$leader" ] || fail "the container did not start: $(cat "$work/boot.log")"
in_root() { nsenter -t "$leader" -a "$@"; }
# Until its bus is up, systemctl cannot even ask; then it says starting until the boot is done.
state=
for _ in $(seq 300); do
    state=$(in_root systemctl is-system-running 2> /dev/null || true)
    case "$state" in
        running | degraded | maintenance | stopping) break ;;
    esac
    sleep 0.2
done
[ "$state" = running ] || fail "the container's systemd is $state: $(in_root systemctl --failed --no-pager)"
say "booted Debian $suite with systemd as PID 1 ($(in_root systemctl --version | head -n 1))"

unit_property() { in_root systemctl show -p "$2" --value "$1"; }
journal_of() { in_root journalctl --no-pager -q -o cat "${@/#/-u}"; }
# Mail to root as postfix delivered it: one mbox, each message starting with a "From " line.
mails_with() { in_root sh -c 'n=$(grep -c -F -- "$1" /var/mail/root 2> /dev/null); echo "${n:-0}"' sh "$1"; }
# What a sandbox that refuses the JVM something shows: an errno in a message, or a killed process.
denials='permission denied|operation not permitted|bad system call|SIGSYS|seccomp|status=31'
no_denials() { # where
    if in_root systemctl status stealwatch.service --no-pager -n 100 | grep -E -i "$denials"; then
        fail "systemctl status stealwatch.service shows a denial $1"
    fi
    if journal_of stealwatch.service stealwatch-audit.service | grep -E -i "$denials"; then
        fail "the journal of the units shows a denial $1"
    fi
}
wait_for() { # seconds, description, command...
    local seconds=$1 what=$2
    shift 2
    for _ in $(seq $((seconds * 5))); do
        "$@" > /dev/null 2>&1 && return 0
        sleep 0.2
    done
    fail "$what, within $seconds s"
}

# A drop-in's ExecStartPre=: the installed one (continuation lines joined) with options added; the
# watch it starts reads them from the settings file ExecStartPre writes.
installed_pre_with() {
    echo 'ExecStartPre='
    sed -n '/^ExecStartPre=/,/[^\\]$/p' "$root/usr/lib/systemd/system/stealwatch.service" \
        | sed 's/\\$//' | tr -d '\n' | sed "s|\$| $1\n|"
}

# --- Install as a user would.
cp "$deb" "$root/root/stealwatch.deb"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /root/stealwatch.deb > "$work/install.log" 2>&1 \
    || { cat "$work/install.log"; fail "apt-get install ./$(basename "$deb") failed"; }
say "installed $(basename "$deb") with apt-get install"

# The watch is up, and stays up.
wait_for 30 "stealwatch.service did not become active" \
    sh -c "[ \"\$(nsenter -t $leader -a systemctl is-active stealwatch.service)\" = active ]"
first_pid=$(unit_property stealwatch.service MainPID)
sleep 5
[ "$(in_root systemctl is-active stealwatch.service)" = active ] || fail "stealwatch.service did not stay up:
$(in_root systemctl status stealwatch.service --no-pager)"
[ "$(unit_property stealwatch.service MainPID)" = "$first_pid" ] \
    && [ "$(unit_property stealwatch.service NRestarts)" = 0 ] || fail "stealwatch.service restarted"
no_denials "after the start"
say "stealwatch.service is active and stayed up (PID $first_pid, no restart); no denial in its status or journal"

# The audit: its timer is listed, and its service runs clean.
in_root systemctl list-timers --all --no-pager > "$work/timers.txt"
grep -q 'stealwatch-audit.timer' "$work/timers.txt" || fail "systemctl list-timers does not list stealwatch-audit.timer"
in_root systemctl start stealwatch-audit.service || fail "starting stealwatch-audit.service failed:
$(journal_of stealwatch-audit.service)"
[ "$(unit_property stealwatch-audit.service Result)" = success ] || fail "the audit's result is not success"
say "stealwatch-audit.timer is listed; stealwatch-audit.service ran: $(journal_of stealwatch-audit.service | tail -n 1)"

# node_exporter serves both metrics files.
wait_for 20 "node_exporter did not serve the watch's and the audit's metrics" sh -c \
    "curl -fsS http://127.0.0.1:9100/metrics | grep -q '^stealwatch_samples_total{command=\"audit\"}' \
     && curl -fsS http://127.0.0.1:9100/metrics | grep -q '^stealwatch_samples_total{command=\"watch\"}'"
curl -fsS http://127.0.0.1:9100/metrics > "$work/metrics.txt" || fail "node_exporter did not answer"
grep -qx 'node_textfile_scrape_error 0' "$work/metrics.txt" \
    || fail "node_exporter reports a textfile scrape error: $(grep textfile "$work/metrics.txt")"
say "node_exporter serves stealwatch_watch.prom and stealwatch_audit.prom, node_textfile_scrape_error 0"

# The running units' exposure, as systemd itself scores them.
for unit in stealwatch.service stealwatch-audit.service; do
    exposure=$(in_root systemd-analyze security --no-pager "$unit" 2> /dev/null \
        | sed -n 's/^→ Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
    [ -n "$exposure" ] || fail "cannot read the exposure of the running $unit"
    awk -v e="$exposure" 'BEGIN { exit !(e <= 1.5) }' || fail "$unit: exposure $exposure is above 1.5"
    say "$unit, running: exposure $exposure (at most 1.5)"
done

# The watch runs from the settings its ExecStartPre wrote, and a bad setting fails the unit there:
# one line in the journal and in systemctl status, exit code 3.
settings_file=$(in_root stat -c '%U %a %n' /run/stealwatch/watch.settings) || fail "no /run/stealwatch/watch.settings"
[ "$settings_file" = "stealwatch 600 /run/stealwatch/watch.settings" ] || fail "the settings file is $settings_file"
watch_cmdline=$(in_root sh -c "tr '\\0' ' ' < /proc/$(unit_property stealwatch.service MainPID)/cmdline")
case "$watch_cmdline" in
    *"watch --settings /run/stealwatch/watch.settings "*) ;;
    *) fail "the watch was not started from its settings file: $watch_cmdline" ;;
esac
mkdir -p "$root/etc/systemd/system/stealwatch.service.d"
{ echo '[Service]'; installed_pre_with "--interval 0ms"; } > "$root/etc/systemd/system/stealwatch.service.d/bad.conf"
in_root systemctl daemon-reload
in_root systemctl restart stealwatch.service 2> /dev/null && fail "the watch started with --interval 0ms"
# systemctl status shows the lines of the unit's current invocation: the error must carry its id
# (JournalStream.lingerBeforeExit), and journald takes it a moment after systemd saw the exit.
status_shows() {
    in_root systemctl status stealwatch.service --no-pager -n 20 > "$work/bad-status.txt" || true
    grep -q "$1" "$work/bad-status.txt"
}
for text in 'ExecStartPre=.*status=3' 'stealwatch watch: --interval must be positive'; do
    for _ in $(seq 50); do
        status_shows "$text" && break
        sleep 0.2
    done
    status_shows "$text" || fail "systemctl status does not show \"$text\":
$(cat "$work/bad-status.txt")"
done
[ "$(journal_of stealwatch.service | grep -c 'stealwatch watch: --interval must be positive')" -ge 1 ] \
    || fail "the journal lacks the one-line error"
if journal_of stealwatch.service | grep -E '^\s+at |Exception'; then fail "a stack trace in the journal"; fi
rm -f "$root/etc/systemd/system/stealwatch.service.d/bad.conf"
in_root systemctl daemon-reload
in_root systemctl reset-failed stealwatch.service
in_root systemctl restart stealwatch.service || fail "the watch did not start again once the bad setting was gone"
say "the watch runs from /run/stealwatch/watch.settings (stealwatch's, 0600); --interval 0ms in a drop-in: ExecStartPre exits 3 with one line in systemctl status and the journal"

# An audit typed by hand as root, the one-shot way the manual offers, then the unit's own run: the
# state and the lock stay the unit user's, and the unit keeps its baseline.
in_root stealwatch audit > "$work/hand-audit.log" 2>&1 || { cat "$work/hand-audit.log"; fail "stealwatch audit as root failed"; }
in_root systemctl start stealwatch-audit.service || fail "the unit's audit after one by hand failed"
owners=$(in_root stat -c '%U %n' /var/lib/stealwatch/audit.state /var/lib/stealwatch/.audit.state.lock)
[ "$(echo "$owners" | grep -vc '^stealwatch ')" = 0 ] || fail "an audit by hand left files root's: $owners"
if journal_of stealwatch-audit.service | grep -E -i 'permission denied|new baseline'; then
    fail "the unit's audit lost its baseline after an audit by hand; by hand:
$(cat "$work/hand-audit.log")
the unit:
$(journal_of stealwatch-audit.service)"
fi
say "an audit by hand as root, then the unit's: the state and the lock stay stealwatch's, the baseline kept"

# --- The real fault path: the installed watch, given a proc root the script writes the article's
# jump into, mails the report to root through postfix.
# The watch takes the host's name and kernel from its proc root too: the container's own.
fake_proc=/srv/fake-proc
mkdir -p "$root$fake_proc/sys/kernel"
echo "$hostname" > "$root$fake_proc/sys/kernel/hostname"
uname -r > "$root$fake_proc/sys/kernel/osrelease"
write_stat() { # the steal counter of a one-CPU guest, the other counters as in the article's excerpt
    printf 'cpu  5322 0 4376 12720669 37879 0 59 %s 0 0\ncpu0 5322 0 4376 12720669 37879 0 59 %s 0 0\n' "$1" "$1" \
        > "$root$fake_proc/.stat.new"
    printf 'intr 0\nctxt 0\nbtime 0\nprocesses 1\nprocs_running 1\nprocs_blocked 0\n' >> "$root$fake_proc/.stat.new"
    mv "$root$fake_proc/.stat.new" "$root$fake_proc/stat"
}
watch_with_fake_proc() {
    write_stat "$1"
    mkdir -p "$root/etc/systemd/system/stealwatch.service.d"
    {
        echo '[Service]'
        installed_pre_with "--proc-root $fake_proc"
    } > "$root/etc/systemd/system/stealwatch.service.d/pid1-e2e.conf"
    in_root systemctl daemon-reload
    in_root systemctl restart stealwatch.service
    wait_for 20 "the watch did not start on $fake_proc" sh -c \
        "nsenter -t $leader -a journalctl -q -o cat -u stealwatch.service | grep -q 'watching $fake_proc/stat'"
    sleep 1 # a few samples of the steady counter before it moves
}
watch_with_fake_proc 781
for steal in 782 783 784 1844670130367 1844664564089 1844659554439 1844655101417; do
    write_stat "$steal"
    sleep 0.3
done
wait_for 60 "no report reached /var/mail/root" sh -c \
    "nsenter -t $leader -a grep -q 'Subject: Steal time jumped! on $hostname' /var/mail/root"
for text in 1844670130367 'Diagnosis:' 'Pattern:' 'Known issue:' 'What to do:'; do
    [ "$(mails_with "$text")" -ge 1 ] || fail "the mailed report lacks \"$text\":
$(in_root cat /var/mail/root)"
done
say "the article's jump on $fake_proc: mailed to root through postfix, with the table and the diagnosis"

# A relay that is down: the report waits in the spool, and goes out once postfix is back, once.
in_root systemctl stop postfix.service
watch_with_fake_proc 1844655101417 # a new watch: no cooldown from the last report
write_stat 1844655100000
spool=/var/lib/stealwatch/spool
wait_for 60 "the report did not wait in $spool while postfix was down" \
    sh -c "[ -n \"\$(nsenter -t $leader -a find $spool -maxdepth 1 -type f ! -name '.*')\" ]"
[ "$(mails_with 'Subject: Steal time went back!')" = 0 ] || fail "a report went out while postfix was down"
say "postfix stopped: the report waits in $spool"
in_root systemctl start postfix.service
wait_for 120 "the spooled report did not go out once postfix was back" \
    sh -c "nsenter -t $leader -a grep -q 'Subject: Steal time went back! on $hostname' /var/mail/root"
in_root systemctl start stealwatch-audit.service || true # it flushes the spool too: nothing may go twice
sleep 3
[ "$(mails_with 'Subject: Steal time went back!')" = 1 ] || fail "the spooled report went out $(mails_with 'Subject: Steal time went back!') times"
[ -z "$(in_root find $spool -maxdepth 1 -type f ! -name '.*')" ] || fail "the spool is not empty after delivery"
say "postfix back: the spooled report mailed exactly once, the spool empty"

no_denials "after mailing, spooling and flushing"
say "no denial in the units' journal after mailing, spooling and flushing"

# The watch the manual starts without a unit, under systemd-run: it parses its own options.
in_root systemd-run --unit=stealwatch-trial -p User=stealwatch -p StateDirectory=stealwatch \
    /usr/bin/java -Xmx16m -XX:+UseSerialGC -jar /usr/share/stealwatch/stealwatch.jar watch --mail-to - \
    > /dev/null 2>&1 || fail "systemd-run could not start a watch"
wait_for 20 "the watch under systemd-run did not start" sh -c \
    "nsenter -t $leader -a journalctl -q -o cat -u stealwatch-trial.service | grep -q 'watching /proc/stat'"
in_root systemctl stop stealwatch-trial.service
say "stealwatch watch under systemd-run, as the manual starts it without a unit: watching /proc/stat"

# --- Reinstall restarts the watch, remove stops it, purge leaves nothing.
rm -rf "$root/etc/systemd/system/stealwatch.service.d" "$root$fake_proc"
in_root systemctl daemon-reload
in_root systemctl restart stealwatch.service
before=$(unit_property stealwatch.service MainPID)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install --reinstall -y -q /root/stealwatch.deb > "$work/reinstall.log" 2>&1 \
    || { cat "$work/reinstall.log"; fail "apt-get install --reinstall failed"; }
wait_for 30 "stealwatch.service is not active after the reinstall" \
    sh -c "[ \"\$(nsenter -t $leader -a systemctl is-active stealwatch.service)\" = active ]"
[ "$(unit_property stealwatch.service MainPID)" != "$before" ] || fail "the reinstall did not restart the watch"
say "reinstall: the watch restarted (PID $before, then $(unit_property stealwatch.service MainPID))"

in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q stealwatch > "$work/remove.log" 2>&1 \
    || { cat "$work/remove.log"; fail "apt-get remove failed"; }
[ "$(in_root systemctl is-active stealwatch.service || true)" != active ] || fail "the removal left the watch running"
if in_root systemctl list-timers --all --no-pager | grep stealwatch; then
    fail "systemctl list-timers --all still lists a timer of the removed package"
fi
say "remove: the watch stopped, no timer of it listed"

# Installed again, then purged. Persistent= keeps the timer's last run in a stamp; the timer fires
# every 10 minutes, so the stamp it would leave is made here by hand.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /root/stealwatch.deb > "$work/install2.log" 2>&1 \
    || { cat "$work/install2.log"; fail "installing again after the removal failed"; }
[ "$(in_root systemctl is-enabled stealwatch-audit.timer)" = enabled ] || fail "the timer came back disabled"
in_root touch /var/lib/systemd/timers/stamp-stealwatch-audit.timer
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q stealwatch > "$work/purge.log" 2>&1 \
    || { cat "$work/purge.log"; fail "apt-get purge failed"; }
rm -f "$root/root/stealwatch.deb"
left=$(in_root find / -xdev \( -path /proc -o -path /sys -o -path /dev \) -prune -o -name '*stealwatch*' -print)
[ -z "$left" ] || fail "purge left behind:
$left"
if in_root systemctl list-timers --all --no-pager | grep stealwatch; then
    fail "systemctl list-timers --all lists a timer of the purged package"
fi
say "purge: no file of the package left (the timer's stamp among them)"
