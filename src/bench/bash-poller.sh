#!/bin/bash
# A poller in the style of the article's script, for the comparison with stealwatch: every 100 ms
# it forks head to read the first line of /proc/stat and sleep to wait, and flags a steal change
# that is negative or above 100000 ticks. On SIGTERM it writes the wall time of each read, in
# nanoseconds, to the file named by its argument.
stamp_file=${1:?usage: bash-poller.sh STAMP_FILE}
stamps=()
trap 'printf "%s\n" "${stamps[@]}" > "$stamp_file"; exit 0' TERM
previous=
while :; do
    line=$(head -n 1 /proc/stat)
    now=${EPOCHREALTIME/./}
    stamps+=("${now}000")
    read -r _ _ _ _ _ _ _ _ steal _ <<< "$line"
    if [[ -n $previous ]] && (( steal < previous || steal - previous > 100000 )); then
        echo "steal went from $previous to $steal" >&2
    fi
    previous=$steal
    sleep 0.1
done
