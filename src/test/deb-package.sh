#!/usr/bin/env bash
# The Debian package, checked the way an administrator meets it: its control data and file list,
# lintian, then, as root on a machine with apt-get (CI's), a real install, the launcher, the man
# pages, TAB completion, the units, the triggers, an upgrade that keeps an edited conffile, and a
# purge that leaves no file behind. systemd is not PID 1 on CI's machines: the install must succeed
# all the same. Needs target/stealwatch_<version>_all.deb (mvn package). Skips what it cannot do,
# saying so.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() {
    echo "deb-package: $*" >&2
    exit 1
}
say() {
    echo "deb-package: $*"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
debs=(target/stealwatch_*_all.deb)
if [ "${#debs[@]}" -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "expected one target/stealwatch_*_all.deb, found: ${debs[*]}"
fi
deb=${debs[0]}
if ! command -v dpkg-deb >/dev/null; then
    say "dpkg-deb not found: skipping the package's checks"
    exit 0
fi

# --- What the package declares.
info=$(dpkg-deb --info "$deb")
for field in 'Package: stealwatch' 'Architecture: all' 'Section: admin' \
        'Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless'; do
    grep -qxF " $field" <<<"$info" || fail "control has no '$field'"
done
[ "$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)" = /etc/stealwatch/stealwatch.properties ] \
    || fail "conffiles must name /etc/stealwatch/stealwatch.properties alone"
version=$(dpkg-deb --field "$deb" Version)
# The changelog's newest entry must be this version: src/deb/changelog needs an entry per release.
changelog_top=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/stealwatch/changelog.gz | gzip -dc | head -1)
[[ $changelog_top == "stealwatch ($version) "* ]] || fail "changelog's newest entry is not $version: $changelog_top"

# Every file with its mode and owner; directories are root's and 755.
contents=$(dpkg-deb --contents "$deb" | awk '{ print $1, $2, $6 }')
expected="-rw-r--r-- root/root ./usr/share/stealwatch/stealwatch.jar
-rwxr-xr-x root/root ./usr/bin/stealwatch
-rw-r--r-- root/root ./usr/lib/systemd/system/stealwatch-audit.service
-rw-r--r-- root/root ./usr/lib/systemd/system/stealwatch-audit.timer
-rw-r--r-- root/root ./usr/lib/systemd/system/stealwatch.service
-rw-r--r-- root/root ./usr/lib/sysusers.d/stealwatch.conf
-rw-r--r-- root/root ./usr/lib/tmpfiles.d/stealwatch.conf
-rw-r--r-- root/root ./etc/stealwatch/stealwatch.properties
-rw-r--r-- root/root ./usr/share/man/man1/stealwatch-audit.1.gz
-rw-r--r-- root/root ./usr/share/man/man1/stealwatch-check.1.gz
-rw-r--r-- root/root ./usr/share/man/man1/stealwatch-flush.1.gz
-rw-r--r-- root/root ./usr/share/man/man1/stealwatch-record.1.gz
-rw-r--r-- root/root ./usr/share/man/man1/stealwatch-replay.1.gz
-rw-r--r-- root/root ./usr/share/man/man1/stealwatch-watch.1.gz
-rw-r--r-- root/root ./usr/share/man/man1/stealwatch.1.gz
-rw-r--r-- root/root ./usr/share/bash-completion/completions/stealwatch
-rw-r--r-- root/root ./usr/share/doc/stealwatch/README.md
-rw-r--r-- root/root ./usr/share/doc/stealwatch/manual.html
-rw-r--r-- root/root ./usr/share/doc/stealwatch/copyright
-rw-r--r-- root/root ./usr/share/doc/stealwatch/stealwatch-rules.yml
-rw-r--r-- root/root ./usr/share/doc/stealwatch/changelog.gz"
files=$(grep -v '^d' <<<"$contents" | sort)
[ "$files" = "$(sort <<<"$expected")" ] || fail "the package's files differ:
$(diff <(sort <<<"$expected") <(echo "$files") || true)"
bad_dirs=$(grep '^d' <<<"$contents" | grep -v '^drwxr-xr-x root/root ' || true)
[ -z "$bad_dirs" ] || fail "directories not root's 755: $bad_dirs"
say "control, conffiles and $(wc -l <<<"$files") files with their modes: as expected"

# The manual reads offline on a host: one page, its stylesheet inside, nothing fetched from the web.
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/stealwatch/manual.html > "$work/manual.html"
grep -q '<style>' "$work/manual.html" || fail "manual.html has no embedded stylesheet"
grep -q 'id="troubleshooting"' "$work/manual.html" || fail "manual.html has no Troubleshooting chapter"
if grep -qE '<link|<script|src="https?:' "$work/manual.html"; then
    fail "manual.html loads something: $(grep -oE '<link[^>]*>|<script[^>]*>|src="https?:[^"]*"' "$work/manual.html" | head -3)"
fi
say "manual.html: in the package, self-contained"

if command -v lintian >/dev/null; then
    if ! lintian --fail-on error,warning "$deb" > "$work/lintian" 2>&1; then
        grep -v 'running with root privileges' "$work/lintian" >&2
        fail "lintian found errors or warnings"
    fi
    say "lintian: no error, no warning"
else
    say "lintian not found: skipping it"
fi

# --- A real install, upgrade and purge.
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    say "not root, or no apt-get: skipping install, upgrade and purge"
    exit 0
fi
if dpkg-query -W -f='${Status}' stealwatch 2>/dev/null | grep -q 'install ok'; then
    fail "stealwatch is installed on this machine already: purge it first (apt-get purge stealwatch)"
fi

trap 'apt-get purge -y -qq stealwatch >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# Every file name under the trees a package touches, but for apt's, dpkg's and man-db's own
# bookkeeping; systemd's runtime files in /run/systemd (systemd-analyze verify leaves one); the
# backups systemd-sysusers makes of the user database (the system user stays after a purge, as
# Debian leaves every system user); and this build's own directory.
snapshot() {
    find /etc /usr /var /opt /run -xdev \
        \( -path /var/lib/dpkg -o -path /var/lib/apt -o -path /var/cache/apt -o -path /var/log \
           -o -path /var/cache/man -o -path /var/cache/debconf -o -path /var/cache/ldconfig \
           -o -path "$PWD" -o -path /run/user -o -path /run/systemd \) -prune -o -print 2>/dev/null \
        | grep -vxE '/etc/(passwd|group|shadow|gshadow)-' | sort
}
snapshot > "$work/before"

DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" > "$work/install.log" 2>&1 \
    || { cat "$work/install.log"; fail "apt-get install failed"; }
say "installed $version with apt-get"

[ "$(stealwatch --version)" = "stealwatch $version" ] || fail "stealwatch --version: $(stealwatch --version)"
set +e
stealwatch replay src/test/resources/traces/article-xen-guest.trace --mail-to - > "$work/report" 2>&1
status=$?
set -e
[ "$status" -eq 2 ] || fail "replay through the launcher exited $status, not 2"
grep -q 'stepped back by 4277788 ticks' "$work/report" || fail "the replayed report lacks the article's step"
say "/usr/bin/stealwatch: --version and the article's replay"

getent passwd stealwatch >/dev/null || fail "no system user stealwatch"
for name in stealwatch_watch.prom stealwatch_audit.prom; do
    [ "$(stat -c %U "/run/stealwatch/$name")" = stealwatch ] || fail "/run/stealwatch/$name is not stealwatch's"
    if [ -d /var/lib/prometheus/node-exporter ]; then
        [ "$(readlink "/var/lib/prometheus/node-exporter/$name")" = "/run/stealwatch/$name" ] \
            || fail "no link to $name in node_exporter's textfile directory"
    fi
done
[ -L /etc/systemd/system/multi-user.target.wants/stealwatch.service ] || fail "stealwatch.service not enabled"
[ -L /etc/systemd/system/timers.target.wants/stealwatch-audit.timer ] || fail "the audit timer not enabled"
say "the user, /run/stealwatch, the node_exporter links, the units enabled"

# The class-data archive: the launcher maps it (-Xshare:on fails if it cannot), and a JDK's
# change, as dpkg's trigger on /usr/lib/jvm reports it, makes it again.
archive=/var/cache/stealwatch/stealwatch.jsa
[ -s "$archive" ] || fail "no class-data archive $archive"
JAVA_OPTS=-Xshare:on stealwatch --version >/dev/null || fail "the launcher cannot map $archive"
rm "$archive"
dpkg-trigger --no-await /usr/lib/jvm
dpkg --triggers-only --pending >/dev/null
[ -s "$archive" ] || fail "the /usr/lib/jvm trigger did not make the archive again"
say "the class-data archive, mapped by the launcher and made again by the JDK trigger"

# node_exporter installed after stealwatch: its package's textfile directory fires the other trigger.
if [ -d /var/lib/prometheus/node-exporter ]; then
    rm /var/lib/prometheus/node-exporter/stealwatch_*.prom
    dpkg-trigger --no-await /var/lib/prometheus/node-exporter
    dpkg --triggers-only --pending >/dev/null
    [ -L /var/lib/prometheus/node-exporter/stealwatch_watch.prom ] || fail "the node_exporter trigger made no links"
    say "the node_exporter trigger links the metrics again"
fi

pages=(/usr/share/man/man1/stealwatch*.1.gz)
for page in "${pages[@]}"; do
    MANWIDTH=80 man -l "$page" > "$work/page" 2>"$work/man-errors" || fail "man -l $page failed"
    [ ! -s "$work/man-errors" ] || fail "man -l $page: $(cat "$work/man-errors")"
    grep -q '^EXIT STATUS' "$work/page" || fail "$page has no EXIT STATUS"
done
[ "$(man -w stealwatch-watch)" = /usr/share/man/man1/stealwatch-watch.1.gz ] \
    || fail "man does not find stealwatch-watch"
say "man: ${#pages[@]} pages"

# TAB as bash's programmable completion asks it: the words, the cursor after the last.
complete_words() {
    bash -c 'source /usr/share/bash-completion/completions/stealwatch 2>/dev/null
        complete -p stealwatch >/dev/null || exit 1
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _complete_stealwatch 2>/dev/null; echo "${COMPREPLY[*]}"' complete "$@"
}
[ "$(complete_words stealwatch '')" = "watch check audit flush replay record" ] \
    || fail "stealwatch <TAB> offers: $(complete_words stealwatch '')"
[ "$(complete_words stealwatch audit --st)" = "--state-file" ] \
    || fail "stealwatch audit --st<TAB> offers: $(complete_words stealwatch audit --st)"
say "completion: stealwatch <TAB> and stealwatch audit --st<TAB>"

if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify --man=no /usr/lib/systemd/system/stealwatch.service \
        /usr/lib/systemd/system/stealwatch-audit.service /usr/lib/systemd/system/stealwatch-audit.timer
    say "systemd-analyze verify: the installed units load"
fi

# An upgrade (the same package as a later version) keeps an edited conffile, and a unit the
# administrator disabled stays disabled.
sed -i 's/^#mail-to=root$/mail-to=ops@example.org/' /etc/stealwatch/stealwatch.properties
grep -qx 'mail-to=ops@example.org' /etc/stealwatch/stealwatch.properties || fail "could not edit the conffile"
systemctl disable stealwatch.service 2>/dev/null
dpkg-deb -R "$deb" "$work/next"
sed -i "s/^Version: .*/Version: $version+next/" "$work/next/DEBIAN/control"
dpkg-deb -b --root-owner-group "$work/next" "$work/stealwatch_next_all.deb" >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$work/stealwatch_next_all.deb" > "$work/upgrade.log" 2>&1 \
    || { cat "$work/upgrade.log"; fail "the upgrade failed"; }
[ "$(dpkg-query -W -f='${Version}' stealwatch)" = "$version+next" ] || fail "the upgrade did not take"
grep -qx 'mail-to=ops@example.org' /etc/stealwatch/stealwatch.properties || fail "the upgrade lost the edit"
[ -z "$(find /etc/stealwatch -name '*.dpkg-*')" ] || fail "the upgrade left $(find /etc/stealwatch -name '*.dpkg-*')"
[ ! -e /etc/systemd/system/multi-user.target.wants/stealwatch.service ] || fail "the upgrade enabled a disabled watch"
[ -L /etc/systemd/system/timers.target.wants/stealwatch-audit.timer ] || fail "the upgrade disabled the timer"
say "upgrade to $version+next: the edited conffile kept, the disabled watch left disabled"

# A removal takes an enabled unit's links with it (left, they dangle, and systemd keeps listing a
# timer that is gone); installed again, the timer is enabled again and the disabled watch is not.
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq stealwatch > "$work/remove.log" 2>&1 \
    || { cat "$work/remove.log"; fail "apt-get remove failed"; }
dangling=$(find /etc/systemd/system -name 'stealwatch*' 2>/dev/null)
[ -z "$dangling" ] || fail "the removal left $dangling"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$work/stealwatch_next_all.deb" > "$work/reinstall.log" 2>&1 \
    || { cat "$work/reinstall.log"; fail "installing again after the removal failed"; }
[ -L /etc/systemd/system/timers.target.wants/stealwatch-audit.timer ] || fail "the timer came back disabled"
[ ! -e /etc/systemd/system/multi-user.target.wants/stealwatch.service ] || fail "the disabled watch came back enabled"
say "remove: no unit link left; installed again: the timer enabled, the disabled watch still disabled"

DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq stealwatch > "$work/purge.log" 2>&1 \
    || { cat "$work/purge.log"; fail "apt-get purge failed"; }
snapshot > "$work/after"
left=$(comm -13 "$work/before" "$work/after")
[ -z "$left" ] || fail "purge left behind:
$left"
gone=$(comm -23 "$work/before" "$work/after")
[ -z "$gone" ] || fail "install and purge removed files that were there before:
$gone"
say "purge: no file left behind"
