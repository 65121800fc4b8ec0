# shellcheck shell=bash
# Process bookkeeping and /proc measurements for bench/run.sh. Sourced, not run.

# Every server the harness starts is recorded here and stopped by PID on exit.
BENCH_PIDS=()

log() {
    printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

die() {
    log "error: $*"
    exit 1
}

# All PIDs of a process tree (the process and its descendants), one per line.
tree_pids() {
    local pid=$1 child
    [[ -d /proc/$pid ]] || return 0
    echo "$pid"
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
        tree_pids "$child"
    done
}

# utime+stime in clock ticks, summed over a process tree (all threads of each process).
cpu_ticks() {
    local total=0 p stat rest
    local -a f
    for p in $(tree_pids "$1"); do
        stat=$(cat /proc/"$p"/stat 2>/dev/null) || continue
        rest=${stat##*) }
        read -r -a f <<<"$rest"
        total=$((total + f[11] + f[12]))
    done
    echo "$total"
}

# A /proc/<pid>/status field in kB (VmRSS, VmHWM), summed over a process tree.
status_kb() {
    local pid=$1 field=$2 total=0 p v
    for p in $(tree_pids "$pid"); do
        v=$(awk -v f="$field:" '$1 == f { print $2 }' /proc/"$p"/status 2>/dev/null)
        total=$((total + ${v:-0}))
    done
    echo "$total"
}

# True when something already listens on 127.0.0.1:PORT.
port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the first free port at or above $1.
free_port() {
    local p=$1 tries=0
    while port_busy "$p"; do
        p=$((p + 1))
        tries=$((tries + 1))
        ((tries < 200)) || die "no free port near $1"
    done
    echo "$p"
}

# start_server NAME LOGFILE CMD... : starts CMD pinned to the server core in the background and
# records its PID under NAME. The command must exec the server (no wrapper shell in between).
declare -A SERVER_PID=() SERVER_START_NS=()
start_server() {
    local name=$1 logfile=$2
    shift 2
    SERVER_START_NS[$name]=$(date +%s%N)
    taskset -c "$SERVER_CPU" "$@" >"$logfile" 2>&1 &
    local pid=$!
    BENCH_PIDS+=("$pid")
    SERVER_PID[$name]=$pid
    log "started $name (pid $pid): $*"
}

# Stops one PID and its descendants: TERM, then KILL after a bounded wait.
stop_pid() {
    local pid=$1 i p
    local -a pids
    [[ -d /proc/$pid ]] || return 0
    mapfile -t pids < <(tree_pids "$pid")
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        [[ -d /proc/$pid ]] || break
        # Reap it if it is our child so /proc/$pid goes away.
        if ! kill -0 "$pid" 2>/dev/null; then break; fi
        if [[ $(awk '{ print $3 }' /proc/"$pid"/stat 2>/dev/null) == Z ]]; then
            wait "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.1
    done
    for p in "${pids[@]}"; do
        if [[ -d /proc/$p ]] && [[ $(awk '{ print $3 }' /proc/"$p"/stat 2>/dev/null) != Z ]]; then
            log "pid $p did not stop on TERM; sending KILL"
            kill -KILL "$p" 2>/dev/null || true
        fi
    done
    wait "$pid" 2>/dev/null || true
}

stop_server() {
    local name=$1 pid=${SERVER_PID[$1]:-}
    [[ -n $pid ]] || return 0
    stop_pid "$pid"
    unset "SERVER_PID[$name]"
    log "stopped $name (pid $pid)"
}

stop_all() {
    local pid
    for pid in "${BENCH_PIDS[@]}"; do
        stop_pid "$pid"
    done
    BENCH_PIDS=()
}

# wait_http URL STATUS TIMEOUT_S [PID]: polls URL every 20 ms until it answers STATUS.
# Prints the elapsed milliseconds; fails on timeout or when PID has exited.
wait_http() {
    local url=$1 want=$2 timeout_s=$3 pid=${4:-} start now code
    start=$(date +%s%N)
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Host: $BENCH_HOST" "$url" 2>/dev/null) || true
        now=$(date +%s%N)
        if [[ $code == "$want" ]]; then
            echo $(((now - start) / 1000000))
            return 0
        fi
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        if (((now - start) / 1000000000 >= timeout_s)); then
            return 1
        fi
        sleep 0.02
    done
}

# http_get URL [curl args...]: body on stdout, nothing on failure.
http_get() {
    local url=$1
    shift
    curl -s --max-time 5 -H "Host: $BENCH_HOST" "$@" "$url"
}

http_status() {
    local url=$1
    shift
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Host: $BENCH_HOST" "$@" "$url"
}

http_header() {
    local url=$1 name=$2
    curl -s -D - -o /dev/null --max-time 5 -H "Host: $BENCH_HOST" "$url" |
        awk -v n="$(tr '[:upper:]' '[:lower:]' <<<"$name")" -F': ' 'tolower($1) == n { sub(/\r$/, "", $2); print $2; exit }'
}

median() {
    sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) { print "" } else if (NR % 2) { print a[(NR + 1) / 2] } else { print (a[NR / 2] + a[NR / 2 + 1]) / 2 } }'
}

# "BUSY STEAL" clock ticks over all CPUs from /proc/stat: busy is user+nice+system+irq+softirq.
system_ticks() {
    awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8, $9; exit }' /proc/stat
}

# Sets CHILD_TICKS to the user+system ticks of every child this shell has waited for (bash's `times`,
# second line). Call it directly: in a pipeline or $(...) `times` runs in a subshell, which has no children.
child_ticks() {
    local report="${WORK:-/tmp}/times.$$"
    times >"$report"
    CHILD_TICKS=$(awk -v t="$CLK_TCK" 'NR == 2 {
        n = split($1 " " $2, f, " "); s = 0
        for (i = 1; i <= n; i++) { split(f[i], p, "m"); sub("s", "", p[2]); s += p[1] * 60 + p[2] }
        printf "%d\n", s * t + 0.5 }' "$report")
    rm -f "$report"
}

# Waits (bounded) until the rest of the machine is quiet: this is a shared machine, and a compiler
# running beside the benchmark skews it. Gives up after QUIET_MAX_S for this run or when the run's
# whole QUIET_BUDGET_S is spent, and measures anyway (each run records how busy the machine was).
QUIET_SPENT=0
wait_quiet() {
    local waited=0 b0 b1 busy
    ((QUIET_MAX_S > 0)) || return 0
    while :; do
        read -r b0 _ < <(system_ticks)
        sleep 0.5
        read -r b1 _ < <(system_ticks)
        busy=$(((b1 - b0) * 2))
        if ((busy * 100 < QUIET_THRESHOLD_PCT * CLK_TCK)); then
            ((waited == 0)) || log "machine quiet again after ${waited}s"
            return 0
        fi
        if ((waited >= QUIET_MAX_S || QUIET_SPENT >= QUIET_BUDGET_S)); then
            log "machine still busy ($((busy * 100 / CLK_TCK))% of a core besides the benchmark); measuring anyway"
            return 0
        fi
        ((waited == 0)) && log "machine busy ($((busy * 100 / CLK_TCK))% of a core); waiting up to ${QUIET_MAX_S}s"
        sleep 0.5
        waited=$((waited + 1))
        QUIET_SPENT=$((QUIET_SPENT + 1))
    done
}
