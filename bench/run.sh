#!/usr/bin/env bash
# CimdHost benchmark harness: CimdHost (with its output cache on, the default, and off) against nginx
# (static file), bare Kestrel (constant bytes) and the mailing-list sample in Sinatra, on this
# machine's loopback only. See docs/performance.md.
#
#   bench/run.sh            full run (about 23 minutes on 2 cores)
#   bench/run.sh --quick    smoke test: 1 s runs, 2 rounds, small growth figures (about 4 minutes)
#   bench/run.sh --help     every option
#
# Servers run on core $SERVER_CPU, the load generator on core $LOAD_CPU. Each load run is bounded by
# its duration; every wait is bounded in time; every server started here is stopped by PID on exit.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH/.." && pwd)
# shellcheck source=lib/common.sh
source "$BENCH/lib/common.sh"
# shellcheck source=lib/servers.sh
source "$BENCH/lib/servers.sh"
# shellcheck source=lib/growth.sh
source "$BENCH/lib/growth.sh"

# ---- settings (each has an option below) ----
DURATION=5          # seconds per measured load run
ROUNDS=6            # interleaved rounds (A B C D E, A B C D E, ...)
WARMUP_FIRST=15     # least seconds of unmeasured load per server before its first scenario (.NET tiers up)
WARMUP_MAX=75       # most seconds of that first warm-up, when CPU per request does not settle sooner
WARMUP_WINDOW=3     # the first warm-up runs in windows this long, each measured like a run
WARMUP_STEADY_PCT=10  # settled: three consecutive windows' CPU per request within this many percent
WARMUP=3            # seconds of unmeasured load per server for each further scenario
CONNECTIONS=32
WRK_THREADS=1
SERVER_CPU=0
LOAD_CPU=1
RANGE_HIGH=999999   # instance values are drawn from 1..RANGE_HIGH
ETAG_VALUES=64      # the conditional scenario's fixed set of values (ETags fetched first)
WALK_TOTAL=1000000  # distinct instance values for the memory-growth walk
WALK_MAX_S=300      # upper bound on the walk's time
DEF_SIZES="10 1000 10000"
STARTUP_REPS=3
RELOAD_REPS=5
RELOAD_TIMEOUT=30
READY_TIMEOUT=90
QUIET_THRESHOLD_PCT=25  # the rest of the machine counts as quiet below this share of one core
QUIET_MAX_S=15          # the longest wait for quiet before one measured run
QUIET_BUDGET_S=300      # the most waiting for quiet in a whole run
SERVERS="cimdhost cimdhost-nocache nginx kestrel sinatra"
SCENARIOS="cached hot conditional errors head"
HOT_VALUES=1000     # the "hot" scenario draws from 1..HOT_VALUES, so after warm-up every value is cached
GROWTH=1
INSTALL=1
PUBLISH=0
QUICK=0
REQUIRE_CIMDHOST=0
RESULTS_ROOT="$BENCH/results"
BENCH_HOST=example.com
NEXT_PORT=${BENCH_PORT_BASE:-18480}

usage() {
    cat <<EOF
usage: bench/run.sh [options]
  --quick              1 s runs, 2 rounds, first warm-up 2-6 s, walk of 50,000 values,
                       1 startup and 2 reload repetitions
  --duration S         seconds per measured run (default $DURATION)
  --rounds N           interleaved rounds (default $ROUNDS)
  --warmup-first S     least unmeasured seconds per server before its first scenario (default
                       $WARMUP_FIRST). The first warm-up loads the server in ${WARMUP_WINDOW} s windows, takes each
                       window's CPU per request from /proc, and stops once three consecutive windows
                       are within ${WARMUP_STEADY_PCT}% of each other and S seconds have passed (.NET's tiered
                       JIT and PGO need 30-60 s of load on one core before CimdHost's cost settles)
  --warmup-max S       most seconds of that first warm-up, settled or not (default $WARMUP_MAX); the
                       summary says per server how long it took and whether it settled
  --warmup S           unmeasured seconds per server for each further scenario (default $WARMUP)
  --connections N      wrk connections (default $CONNECTIONS)
  --servers LIST       subset of "cimdhost cimdhost-nocache nginx kestrel sinatra" (quoted,
                       space-separated; cimdhost-nocache is CimdHost started with
                       ${CIMDHOST_NOCACHE_ENV[*]}, its output cache off)
  --scenarios LIST     subset of "cached hot conditional errors head"
  --walk N             distinct values in the memory-growth walk (default $WALK_TOTAL)
  --def-sizes LIST     definition counts for startup (default "$DEF_SIZES"; the largest is used for cost)
  --no-growth          skip the CimdHost growth measurements
  --no-quiet-wait      measure at once even when other processes are busy on the machine
  --require-cimdhost   fail instead of going on without it when a CimdHost configuration in
                       --servers cannot serve
  --no-install         do not apt-get install missing tools
  --publish            copy the plot to docs/performance.png when the run completes
  --results DIR        results root (default bench/results)
Environment: BENCH_PORT_BASE (first port tried, default 18480).
EOF
}

while (($#)); do
    case $1 in
        --quick) QUICK=1 ;;
        --duration) DURATION=$2; shift ;;
        --rounds) ROUNDS=$2; shift ;;
        --warmup-first) WARMUP_FIRST=$2; shift ;;
        --warmup-max) WARMUP_MAX=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --connections) CONNECTIONS=$2; shift ;;
        --servers) SERVERS=$2; shift ;;
        --scenarios) SCENARIOS=$2; shift ;;
        --walk) WALK_TOTAL=$2; shift ;;
        --def-sizes) DEF_SIZES=$2; shift ;;
        --no-growth) GROWTH=0 ;;
        --no-quiet-wait) QUIET_MAX_S=0 ;;
        --require-cimdhost) REQUIRE_CIMDHOST=1 ;;
        --no-install) INSTALL=0 ;;
        --publish) PUBLISH=1 ;;
        --results) RESULTS_ROOT=$2; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done

if ((QUICK)); then
    DURATION=1 ROUNDS=2 WARMUP_FIRST=2 WARMUP_MAX=9 WARMUP=1 WALK_TOTAL=50000 STARTUP_REPS=1 RELOAD_REPS=2
    QUIET_MAX_S=5 QUIET_BUDGET_S=60
fi
for v in DURATION ROUNDS WARMUP_FIRST WARMUP_MAX WARMUP CONNECTIONS WALK_TOTAL; do
    if ! [[ ${!v} =~ ^[0-9]+$ ]] || ((${!v} == 0)); then
        opt=${v,,}
        die "--${opt//_/-} must be a positive integer"
    fi
done
((WARMUP_MAX >= WARMUP_FIRST)) || die "--warmup-max ($WARMUP_MAX) must be at least --warmup-first ($WARMUP_FIRST)"
((DURATION <= 120 && ROUNDS <= 50 && WALK_TOTAL <= 10000000 && WARMUP_MAX <= 600)) ||
    die "a run that long is not bounded enough"
for name in $SERVERS; do
    case $name in
        cimdhost | cimdhost-nocache | nginx | kestrel | sinatra) ;;
        *) die "unknown server $name (known: cimdhost cimdhost-nocache nginx kestrel sinatra)" ;;
    esac
done

install_tools() {
    local -a need=()
    command -v nginx >/dev/null || need+=(nginx)
    command -v wrk >/dev/null || need+=(wrk)
    command -v ruby >/dev/null || need+=(ruby)
    ruby -e 'require "sinatra/base"' >/dev/null 2>&1 || need+=(ruby-sinatra)
    command -v puma >/dev/null || need+=(puma)
    command -v gnuplot >/dev/null || need+=(gnuplot-nox)
    command -v curl >/dev/null || need+=(curl)
    command -v cc >/dev/null || need+=(gcc libc6-dev)
    command -v taskset >/dev/null || need+=(util-linux)
    command -v ps >/dev/null || need+=(procps)
    ((${#need[@]})) || return 0
    ((INSTALL)) || die "missing tools (${need[*]}); run without --no-install or apt-get install them"
    log "installing: ${need[*]}"
    # Debian's nginx package starts a server on port 80 of every address when it can; a
    # policy-rc.d that says no keeps the package from starting anything while it installs.
    local guard=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        guard=1
    fi
    local rc=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } \
        >"$LOGS/apt.log" 2>&1 || rc=$?
    ((guard)) && rm -f /usr/sbin/policy-rc.d
    ((rc == 0)) || die "apt-get install failed; see $LOGS/apt.log"
}

# ---- run directory, cleanup ----
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
SUFFIX=""
((QUICK)) && SUFFIX=-quick
RUN_DIR="$RESULTS_ROOT/$STAMP$SUFFIX"
LOGS="$RUN_DIR/logs"
mkdir -p "$LOGS"
WORK=$(mktemp -d /tmp/cimdbench.XXXXXX)
NOTES="$RUN_DIR/notes.txt"
: >"$NOTES"
: >"$RUN_DIR/skip.tsv"
printf 'server\tscenario\twhen\tseconds\tsettled\tlast_us_per_req\twindows_us_per_req\n' >"$RUN_DIR/warmup.tsv"

note() {
    log "note: $*"
    printf '%s\n' "$*" >>"$NOTES"
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_all
    rm -rf "$WORK"
    if ((rc != 0)); then
        log "stopped early (exit $rc); partial results in $RUN_DIR"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "results: $RUN_DIR"
install_tools
command -v dotnet >/dev/null || die "dotnet is not on PATH"
export BENCH_LUA_DIR="$BENCH/lua" BENCH_HOST BENCH_WRK_THREADS=$WRK_THREADS
CLK_TCK=$(getconf CLK_TCK)
RUN_START=$(date +%s)

# ---- build ----
build_headload
build_kestrel
# CIMDHOST_OK: the default configuration serves (the growth measurements need it).
CIMDHOST_OK=0
CIMDHOST_BUILT=0
CIMDHOST_REVISION=""
WANTED_CIMDHOST=()
for name in $SERVERS; do
    if is_cimdhost_config "$name"; then
        WANTED_CIMDHOST+=("$name")
    fi
done
if ((${#WANTED_CIMDHOST[@]})) && build_cimdhost; then
    CIMDHOST_BUILT=1
fi

# ---- start ----
mkdir -p "$WORK/clients-example"
cp "$REPO/clients.d/example.yaml" "$WORK/clients-example/"
# served_from_cache NAME: true when a document fetched a third time came from the output cache,
# which the framework marks with an Age header (CimdHost stores a document the second time it is asked for).
served_from_cache() {
    local url="http://127.0.0.1:${PORT[$1]}/client.json?instance_id=8"
    http_get "$url" >/dev/null || true
    http_get "$url" >/dev/null || true
    [[ -n $(http_header "$url" Age) ]]
}

# check_cimdhost NAME: the instance-7 body check, then whether the output cache is on or off as the
# configuration says. Fails (with a note) when the server does not serve the document at all.
check_cimdhost() {
    local name=$1 code
    if ! check_body "$name" "$EXPECTED_7"; then
        code=$(http_status "http://127.0.0.1:${PORT[$name]}/client.json?instance_id=7") || true
        if [[ $code != 200 ]]; then
            note "$name: ready, but GET /client.json?instance_id=7 answered ${code:-nothing}, so not benchmarked: $(log_reason "$name") (logs/$name.log)"
            return 1
        fi
        note "$name: the document for instance 7 differs from the expected bytes (logs/$name-body-7.json); benchmarked anyway"
    fi
    if served_from_cache "$name"; then
        [[ $name != cimdhost-nocache ]] ||
            note "$name: a document came from the output cache (Age header) although it was started with ${CIMDHOST_NOCACHE_ENV[*]}; this build ignores the setting, so its figures are CimdHost with the cache on"
    else
        [[ $name != cimdhost ]] ||
            note "$name: no document came from the output cache (no Age header on the third GET of one URL)"
    fi
}

ACTIVE=()
for name in $SERVERS; do
    case $name in
        cimdhost | cimdhost-nocache)
            ((CIMDHOST_BUILT)) || continue
            if ! start_cimdhost_config "$name"; then
                note "$name: did not become ready, so not benchmarked: $(log_reason "$name") (logs/$name.log)"
                stop_server "$name"
            elif ! check_cimdhost "$name"; then
                stop_server "$name"
            else
                ACTIVE+=("$name")
                [[ $name != cimdhost ]] || CIMDHOST_OK=1
            fi
            ;;
        nginx) start_nginx; check_body nginx "$EXPECTED_7" || die "nginx serves other bytes"; ACTIVE+=(nginx) ;;
        kestrel) start_kestrel; check_body kestrel "$EXPECTED_7" || die "bare Kestrel serves other bytes"; ACTIVE+=(kestrel) ;;
        sinatra) start_sinatra; check_body sinatra "$EXPECTED_7_SINATRA" || die "Sinatra serves other bytes"; ACTIVE+=(sinatra) ;;
    esac
done
MISSING_CIMDHOST=()
for name in "${WANTED_CIMDHOST[@]}"; do
    [[ " ${ACTIVE[*]} " == *" $name "* ]] || MISSING_CIMDHOST+=("$name")
done
if ((${#MISSING_CIMDHOST[@]})); then
    ((!REQUIRE_CIMDHOST)) || die "not available: ${MISSING_CIMDHOST[*]} (see $NOTES)"
    if ((${#MISSING_CIMDHOST[@]} == ${#WANTED_CIMDHOST[@]})); then
        note "cimdhost: unavailable in this run; only the baselines were measured"
    else
        note "${MISSING_CIMDHOST[*]}: unavailable in this run; the other servers were measured"
    fi
fi
((${#ACTIVE[@]})) || die "no server to benchmark"

# ---- map each scenario onto each server, checking with curl first ----
declare -A SKIP=()
skip() {
    SKIP[$1:$2]=$3
    printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RUN_DIR/skip.tsv"
    log "skip $1/$2: $3"
}

prepare_conditional() {
    local name=$1 base="http://127.0.0.1:${PORT[$1]}" file="$WORK/etags-$1.tsv" v etag code
    : >"$file"
    for ((v = 1; v <= ETAG_VALUES; v++)); do
        etag=$(http_header "$base/client.json?instance_id=$v" ETag)
        if [[ -z $etag ]]; then
            skip "$name" conditional "no ETag header on the document"
            return
        fi
        printf '/client.json?instance_id=%d\t%s\n' "$v" "$etag" >>"$file"
    done
    code=$(http_status "$base/client.json?instance_id=1" -H "If-None-Match: $(head -1 "$file" | cut -f2)")
    [[ $code == 304 ]] || skip "$name" conditional "If-None-Match with the ETag answered $code, not 304"
}

for name in "${ACTIVE[@]}"; do
    base="http://127.0.0.1:${PORT[$name]}"
    for scen in $SCENARIOS; do
        case $scen in
            cached) ;;
            hot)
                [[ $name != sinatra ]] || skip sinatra hot "the sample caches nothing, so this is its documents scenario again"
                ;;
            conditional)
                if [[ $name == sinatra ]]; then
                    skip sinatra conditional "the sample sets no ETag, so there is nothing to revalidate"
                else
                    prepare_conditional "$name"
                fi
                ;;
            errors)
                code=$(http_status "$base/client.json?instance_id=abc")
                if [[ $name == sinatra ]]; then
                    note "sinatra/errors: answers $code to instance_id=abc (the sample does no validation); measured as it behaves"
                elif [[ $code != 400 ]]; then
                    note "$name/errors: instance_id=abc answered $code, not 400"
                fi
                ;;
            head)
                code=$(curl -s -I -o /dev/null -w '%{http_code}' --max-time 5 -H "Host: $BENCH_HOST" "$base/client.json?instance_id=7")
                [[ $code == 200 ]] || skip "$name" head "HEAD answered $code"
                ;;
            *) die "unknown scenario $scen" ;;
        esac
    done
done

# set_load SCENARIO SERVER SECONDS: fills LOAD with the load generator's command line.
set_load() {
    local scen=$1 name=$2 secs=$3 url="http://127.0.0.1:${PORT[$2]}"
    local -a wrk=(taskset -c "$LOAD_CPU" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency --timeout 5s)
    case $scen in
        cached) LOAD=("${wrk[@]}" -s "$BENCH/lua/random.lua" "$url" -- GET '/client.json?instance_id=' '' 1 "$RANGE_HIGH") ;;
        warm | hot) LOAD=("${wrk[@]}" -s "$BENCH/lua/random.lua" "$url" -- GET '/client.json?instance_id=' '' 1 "$HOT_VALUES") ;;
        conditional) LOAD=("${wrk[@]}" -s "$BENCH/lua/conditional.lua" "$url" -- "$WORK/etags-$name.tsv") ;;
        errors) LOAD=("${wrk[@]}" -s "$BENCH/lua/errors.lua" "$url" -- '/client.json?instance_id=') ;;
        spread) LOAD=("${wrk[@]}" -s "$BENCH/lua/spread.lua" "$url" -- "$SPREAD_COUNT" "$RANGE_HIGH") ;;
        head)
            LOAD=(taskset -c "$LOAD_CPU" "$WORK/headload" -a 127.0.0.1 -p "${PORT[$name]}" -c "$CONNECTIONS"
                -d "$secs" -H "$BENCH_HOST" -P '/client.json?instance_id=' -l 1 -u "$RANGE_HIGH")
            ;;
        *) die "no load for $scen" ;;
    esac
}

json_field() {
    sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" <<<"$1"
}

# measure FILE ROUND SCENARIO SERVER: runs LOAD against SERVER, appends one JSON line to FILE, and
# sets MEASURED_REQUESTS and MEASURED_CPU_TICKS (the server's CPU during the run).
# Returns 1, recording nothing, when the server is gone afterwards.
MEASURED_REQUESTS=0
MEASURED_CPU_TICKS=0
measure() {
    local file=$1 round=$2 scen=$3 name=$4 pid=${SERVER_PID[$4]} out c0 c1 t0 t1 rss json req dur
    local s0 s1 st0 st1 l0 l1
    out="$LOGS/load-$scen-$name-r$round.txt"
    [[ $round == 0 ]] || wait_quiet
    read -r s0 st0 < <(system_ticks)
    child_ticks
    l0=$CHILD_TICKS
    c0=$(cpu_ticks "$pid")
    t0=$(date +%s%N)
    "${LOAD[@]}" >"$out" 2>&1 || log "load generator exited non-zero for $name/$scen (see $out)"
    t1=$(date +%s%N)
    c1=$(cpu_ticks "$pid")
    child_ticks
    l1=$CHILD_TICKS
    read -r s1 st1 < <(system_ticks)
    rss=$(status_kb "$pid" VmRSS)
    if ! kill -0 "$pid" 2>/dev/null || [[ $(awk '{ print $3 }' /proc/"$pid"/stat 2>/dev/null) == Z ]]; then
        note "$name stopped during $scen round $round (its log: logs/$name.log); that run is discarded"
        return 1
    fi
    json=$(sed -n 's/^BENCHJSON //p' "$out" | tail -1)
    [[ -n $json ]] || json=null
    # other_ticks: CPU that neither the server nor the load generator used (kernel networking not
    # charged to either, and anything else running on the machine).
    printf '{"round":%d,"scenario":"%s","server":"%s","cpu_ticks":%d,"clk_tck":%d,"wall_ms":%d,"rss_kb":%d,"loadgen_ticks":%d,"other_ticks":%d,"steal_ticks":%d,"load":%s}\n' \
        "$round" "$scen" "$name" $((c1 - c0)) "$CLK_TCK" $(((t1 - t0) / 1000000)) "$rss" $((l1 - l0)) \
        $((s1 - s0 - (c1 - c0) - (l1 - l0))) $((st1 - st0)) "$json" >>"$file"
    req=$(json_field "$json" requests)
    dur=$(json_field "$json" duration_us)
    MEASURED_REQUESTS=${req:-0}
    MEASURED_CPU_TICKS=$((c1 - c0))
    awk -v r="${req:-0}" -v d="${dur:-1}" -v c=$((c1 - c0)) -v t="$CLK_TCK" -v n="$name" -v s="$scen" -v k="$round" \
        -v o=$((s1 - s0 - (c1 - c0) - (l1 - l0))) -v w=$(((t1 - t0) / 1000000)) \
        -v p="$(json_field "$json" lat_p99_us)" 'BEGIN {
            printf "  r%s %-11s %-18s %9.0f req/s  %7.1f us CPU/req  p99 %6.2f ms  other %4.2f cores\n", k, s, n,
                r / (d / 1e6), r ? c / t / r * 1e6 : 0, p / 1000, w ? o / t / (w / 1000) : 0 }' >&2
}

# warm_until_steady SCENARIO SERVER WHEN: a server's first warm-up. Loads it in windows of
# WARMUP_WINDOW seconds, each measured as a run is (warmup.jsonl, round 0), and stops once the CPU per
# request of three consecutive windows differs by at most WARMUP_STEADY_PCT percent (of the lower) and
# WARMUP_FIRST seconds have passed, or after WARMUP_MAX seconds. Appends one line to warmup.tsv
# (WHEN says which warm-up it was: first, restart, growth). Returns 1 when the server stopped.
warm_until_steady() {
    local scen=$1 name=$2 when=$3 elapsed=0 secs cur prev="" prev2="" settled=0 series=""
    while ((elapsed < WARMUP_MAX)); do
        secs=$((WARMUP_MAX - elapsed < WARMUP_WINDOW ? WARMUP_MAX - elapsed : WARMUP_WINDOW))
        set_load "$scen" "$name" "$secs"
        measure "$RUN_DIR/warmup.jsonl" 0 "$scen" "$name" || return 1
        elapsed=$((elapsed + secs))
        cur=""
        if ((MEASURED_REQUESTS > 0)); then
            cur=$(awk -v c="$MEASURED_CPU_TICKS" -v t="$CLK_TCK" -v r="$MEASURED_REQUESTS" 'BEGIN { printf "%.1f", c / t / r * 1e6 }')
        fi
        series+="${series:+,}${cur:-na}"
        # Settled: the last three windows within WARMUP_STEADY_PCT of each other (two can agree by chance
        # while the JIT is still promoting code).
        settled=0
        if [[ -n $prev2 && -n $prev && -n $cur ]] && awk -v a="$prev2" -v b="$prev" -v c="$cur" -v p="$WARMUP_STEADY_PCT" 'BEGIN {
            lo = a; hi = a; if (b < lo) lo = b; if (b > hi) hi = b; if (c < lo) lo = c; if (c > hi) hi = c
            exit !(lo > 0 && hi <= lo * (1 + p / 100)) }'; then
            settled=1
        fi
        prev2=$prev
        prev=$cur
        ((!settled || elapsed < WARMUP_FIRST)) || break
    done
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$scen" "$when" "$elapsed" "$settled" "${cur:-}" "$series" \
        >>"$RUN_DIR/warmup.tsv"
    if ((settled)); then
        log "warm-up of $name: settled after ${elapsed}s at ${cur} us CPU/request"
    else
        log "warm-up of $name: not settled after ${elapsed}s (last window ${cur:-n/a} us CPU/request); measuring anyway"
    fi
}

# Starts a main server again after it stopped during the rounds (bounded: MAX_RESTARTS in all).
RESTARTS=0
MAX_RESTARTS=3
restart_server() {
    local name=$1
    RESTARTS=$((RESTARTS + 1))
    ((RESTARTS <= MAX_RESTARTS)) || die "servers stopped $RESTARTS times; giving up"
    stop_server "$name"
    case $name in
        cimdhost | cimdhost-nocache)
            start_cimdhost_config "$name" || die "$name did not start again: $(log_reason "$name") (logs/$name.log)"
            ;;
        nginx) start_nginx ;;
        kestrel) start_kestrel ;;
        sinatra) start_sinatra ;;
    esac
    if [[ " $SCENARIOS " == *" conditional "* && -z ${SKIP[$name:conditional]:-} ]]; then
        prepare_conditional "$name" # nginx's ETag carries the file's new mtime
    fi
    warm_until_steady cached "$name" restart || die "$name stopped again during its warm-up"
}

# ---- warm-up, then interleaved rounds ----
RUNS="$RUN_DIR/runs.jsonl"
: >"$RUNS"
# .NET's tiered JIT and dynamic PGO need 30-60 s of load on one core before CimdHost's CPU per
# request settles (measured: it starts near 300 us and settles near 80), hence a first warm-up that
# runs until three consecutive windows agree, within bounds.
log "warm-up: per server until CPU/request settles (${WARMUP_WINDOW}s windows, ${WARMUP_FIRST}-${WARMUP_MAX}s), then ${WARMUP}s per further scenario"
declare -A WARMED=()
for scen in $SCENARIOS; do
    for name in "${ACTIVE[@]}"; do
        [[ -z ${SKIP[$name:$scen]:-} ]] || continue
        if [[ -z ${WARMED[$name]:-} ]]; then
            WARMED[$name]=1
            warm_until_steady "$scen" "$name" first || restart_server "$name"
        else
            set_load "$scen" "$name" "$WARMUP"
            measure "$RUN_DIR/warmup.jsonl" 0 "$scen" "$name" || restart_server "$name"
        fi
    done
done
for ((round = 1; round <= ROUNDS; round++)); do
    log "round $round of $ROUNDS"
    for scen in $SCENARIOS; do
        for name in "${ACTIVE[@]}"; do
            [[ -z ${SKIP[$name:$scen]:-} ]] || continue
            set_load "$scen" "$name" "$DURATION"
            if ! measure "$RUNS" "$round" "$scen" "$name"; then
                restart_server "$name"
                set_load "$scen" "$name" "$DURATION"
                measure "$RUNS" "$round" "$scen" "$name" || die "$name stopped again"
            fi
            sleep 0.3
        done
    done
done
for name in "${ACTIVE[@]}"; do
    printf '%s\t%s\n' "$name" "$(status_kb "${SERVER_PID[$name]}" VmRSS)" >>"$RUN_DIR/rss-after-rounds.tsv"
done
stop_all

# ---- CimdHost compared with itself ----
if ((GROWTH && CIMDHOST_OK)); then
    run_growth
elif ((GROWTH)) && [[ " $SERVERS " != *" cimdhost "* ]]; then
    note "growth: skipped; it measures the default CimdHost, which is not among --servers"
elif ((GROWTH)); then
    note "growth: skipped, CimdHost is unavailable"
fi

# ---- environment, then the summary ----
{
    printf 'date_utc\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf 'quick\t%s\n' "$QUICK"
    printf 'duration_s\t%s\nrounds\t%s\nwarmup_first_s\t%s\nwarmup_s\t%s\nconnections\t%s\nwrk_threads\t%s\n' \
        "$DURATION" "$ROUNDS" "$WARMUP_FIRST" "$WARMUP" "$CONNECTIONS" "$WRK_THREADS"
    printf 'warmup_max_s\t%s\nwarmup_window_s\t%s\nwarmup_steady_pct\t%s\n' "$WARMUP_MAX" "$WARMUP_WINDOW" "$WARMUP_STEADY_PCT"
    printf 'servers\t%s\nactive_servers\t%s\ncimdhost_nocache_env\t%s\n' "$SERVERS" "${ACTIVE[*]}" "${CIMDHOST_NOCACHE_ENV[*]}"
    printf 'range_high\t%s\nwalk_total\t%s\nserver_cpu\t%s\nload_cpu\t%s\n' "$RANGE_HIGH" "$WALK_TOTAL" "$SERVER_CPU" "$LOAD_CPU"
    printf 'cimdhost_revision\t%s\n' "${CIMDHOST_REVISION:-n/a}"
    printf 'cpu_model\t%s\n' "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    printf 'kernel\t%s\n' "$(uname -r)"
    printf 'dotnet\t%s\n' "$(dotnet --version 2>/dev/null)"
    printf 'aspnetcore\t%s\n' "$(dotnet --list-runtimes 2>/dev/null | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')"
    printf 'nginx\t%s\n' "$(nginx -v 2>&1 | sed 's/.*nginx\///')"
    printf 'ruby\t%s\n' "$(ruby -e 'print RUBY_VERSION')"
    printf 'sinatra\t%s\n' "$(ruby -e 'require "sinatra/version"; print Sinatra::VERSION' 2>/dev/null)"
    printf 'puma\t%s\n' "$(puma --version 2>/dev/null | awk '{ print $3 }')"
    printf 'wrk\t%s\n' "$(dpkg-query -W -f='${Version}' wrk 2>/dev/null)"
    printf 'quiet_wait_s\t%s\nrestarts\t%s\n' "$QUIET_SPENT" "$RESTARTS"
    printf 'elapsed_s\t%s\n' $(($(date +%s) - RUN_START))
} >"$RUN_DIR/meta.tsv"

python3 "$BENCH/analyze.py" "$RUN_DIR"
LATEST="$RESULTS_ROOT/latest$SUFFIX"
mkdir -p "$LATEST"
cp "$RUN_DIR"/summary.{md,json,csv} "$RUN_DIR/performance.png" "$LATEST/"
if ((PUBLISH)); then
    cp "$RUN_DIR/performance.png" "$REPO/docs/performance.png"
    log "copied the plot to docs/performance.png"
fi
log "done in $(($(date +%s) - RUN_START)) s: $RUN_DIR/summary.md (copied to $LATEST)"
