# Shared by the benchmark scripts: sourced, not run.

# The JVM options between "java" and "-jar" on the ExecStart line(s) of a unit file.
unit_jvm_options() {
    sed -n '/^ExecStart=/,/[^\\]$/p' "$1" | tr -d '\\\n' \
        | sed -e 's/^ExecStart=[^ ]*java //' -e 's/ -jar .*//' -e 's/  */ /g'
}

# Resident memory of a process, in KiB.
rss_kib() {
    awk '/^VmRSS:/ { print $2 }' /proc/"$1"/status
}

# Builds target/stealwatch.jar unless it is there.
ensure_jar() {
    [[ -f target/stealwatch.jar ]] || mvn -q package -DskipTests
}
