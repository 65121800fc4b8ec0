# shellcheck shell=bash
# CimdHost compared with itself: memory after many distinct values, startup and memory for many
# definitions, reload time, and request cost with many definitions. Sourced by bench/run.sh.

# gen_defs DIR COUNT: COUNT definitions; odd k is the query form (/c/k.json?instance_id=v), even k
# the path form (/t/k/{instance_id}.json). bench/lua/spread.lua relies on this numbering.
gen_defs() {
    local dir=$1 count=$2 k file
    local mid="token_endpoint_auth_method: spiffe_jwt
grant_types: [client_credentials]
response_types: []
"
    local tail="spiffe_bundle_endpoint: https://example.org/bundle
hosting:
  parameters:
    instance_id:
      pattern: '[0-9]{1,6}'
"
    mkdir -p "$dir"
    for ((k = 1; k <= count; k++)); do
        printf -v file '%s/def-%05d.yaml' "$dir" "$k"
        if ((k % 2)); then
            printf 'client_id: https://example.com/c/%d.json\nclient_name: Bench %d\n%sspiffe_id: spiffe://example.org/c%d/{instance_id}\n%s' \
                "$k" "$k" "$mid" "$k" "$tail" >"$file"
        else
            printf 'client_id: https://example.com/t/%d/{instance_id}.json\nclient_name: Bench %d\n%sspiffe_id: spiffe://example.org/t%d/{instance_id}\n%s' \
                "$k" "$k" "$mid" "$k" "$tail" >"$file"
        fi
    done
}

# The request target of generated definition k for instance value v.
def_target() {
    if (($1 % 2)); then
        echo "/c/$1.json?instance_id=$2"
    else
        echo "/t/$1/$2.json"
    fi
}

# Checks that the first and last generated definitions are served; notes it when they are not.
check_defs_served() {
    local name=$1 count=$2 k code ok=0
    for k in 1 2 "$count"; do
        ((k <= count)) || continue
        code=$(http_status "http://127.0.0.1:${PORT[$name]}$(def_target "$k" 7)")
        if [[ $code != 200 ]]; then
            note "growth: with $count definitions, $(def_target "$k" 7) answered $code"
            ok=1
        fi
    done
    return $ok
}

largest_size() {
    tr ' ' '\n' <<<"$DEF_SIZES" | sort -n | tail -1
}

# ---- memory after WALK_TOTAL distinct instance values ----
growth_memory() {
    local name=g-memory pid out c0 c1 rss_warm rss_after rss_idle hwm wrk_pid i done_count
    start_cimdhost "$name" "$WORK/clients-example" || {
        note "growth/memory: CimdHost did not start"
        stop_server "$name"
        return
    }
    pid=${SERVER_PID[$name]}
    # Warm the JIT on a small set of values, so 'warm' is a served steady state, not a cold process.
    warm_until_steady warm "$name" growth || {
        stop_server "$name"
        return
    }
    sleep 2
    rss_warm=$(status_kb "$pid" VmRSS)

    wait_quiet
    log "growth: walking $WALK_TOTAL distinct instance values (at most ${WALK_MAX_S}s)"
    out="$LOGS/load-walk-$name.txt"
    rm -f "$WORK"/walk-done.*
    c0=$(cpu_ticks "$pid")
    BENCH_WALK_DONE="$WORK/walk-done" BENCH_WALK_THREADS=2 taskset -c "$LOAD_CPU" \
        wrk -t2 -c"$CONNECTIONS" -d"${WALK_MAX_S}s" --latency --timeout 5s -s "$BENCH/lua/walk.lua" \
        "http://127.0.0.1:${PORT[$name]}" -- "$WALK_TOTAL" '/client.json?instance_id=' '' >"$out" 2>&1 &
    wrk_pid=$!
    BENCH_PIDS+=("$wrk_pid")
    for ((i = 0; i < WALK_MAX_S * 10; i++)); do
        done_count=$(find "$WORK" -maxdepth 1 -name 'walk-done.*' | wc -l)
        ((done_count < 2)) || break
        kill -0 "$wrk_pid" 2>/dev/null || break
        sleep 0.1
    done
    # wrk sleeps for its whole -d unless interrupted; SIGINT makes it report and exit now.
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" 2>/dev/null || true
    c1=$(cpu_ticks "$pid")
    if ! kill -0 "$pid" 2>/dev/null; then
        note "growth/memory: CimdHost stopped during the walk; no memory figures"
        stop_server "$name"
        return
    fi
    ((done_count >= 2)) || note "growth/memory: the walk did not finish within ${WALK_MAX_S}s; figures are for a partial walk"
    rss_after=$(status_kb "$pid" VmRSS)
    sleep 5
    rss_idle=$(status_kb "$pid" VmRSS)
    hwm=$(status_kb "$pid" VmHWM)
    {
        printf 'rss_warm_kb\t%s\nrss_after_walk_kb\t%s\nrss_after_walk_idle5s_kb\t%s\nvmhwm_kb\t%s\n' \
            "$rss_warm" "$rss_after" "$rss_idle" "$hwm"
        printf 'walk_values\t%s\nwalk_completed\t%s\nwalk_cpu_ticks\t%s\nclk_tck\t%s\n' \
            "$WALK_TOTAL" "$((done_count >= 2))" $((c1 - c0)) "$CLK_TCK"
        printf 'walk_load\t%s\n' "$(sed -n 's/^BENCHJSON //p' "$out" | tail -1)"
    } >"$RUN_DIR/growth_memory.tsv"
    log "growth: RSS warm $((rss_warm / 1024)) MB, after walk $((rss_after / 1024)) MB, after 5 s idle $((rss_idle / 1024)) MB"
    stop_server "$name"
}

# ---- startup time and memory for 1 (the example) and DEF_SIZES definitions ----
growth_startup() {
    local size rep dir name rss
    printf 'definitions\trep\tready_ms\trss_kb\tserved\n' >"$RUN_DIR/growth_startup.tsv"
    for size in 1 $DEF_SIZES; do
        if ((size == 1)); then
            dir="$WORK/clients-example"
        else
            dir="$WORK/defs-$size"
            [[ -d $dir ]] || gen_defs "$dir" "$size"
        fi
        for ((rep = 1; rep <= STARTUP_REPS; rep++)); do
            name=g-start-$size
            wait_quiet
            if ! start_cimdhost "$name" "$dir"; then
                note "growth/startup: $size definitions: not ready within ${READY_TIMEOUT}s"
                printf '%s\t%s\t\t\t0\n' "$size" "$rep" >>"$RUN_DIR/growth_startup.tsv"
                stop_server "$name"
                continue
            fi
            rss=$(status_kb "${SERVER_PID[$name]}" VmRSS)
            local served=1
            if ((size > 1)); then
                check_defs_served "$name" "$size" || served=0
            fi
            printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$rep" "$READY_MS" "$rss" "$served" >>"$RUN_DIR/growth_startup.tsv"
            log "growth: $size definitions ready in $READY_MS ms, RSS $((rss / 1024)) MB"
            stop_server "$name"
        done
    done
}

# ---- reload: rewrite one file, poll until the change is served ----
growth_reload() {
    local size dir name rep start now body ms target file
    printf 'definitions\trep\treload_ms\n' >"$RUN_DIR/growth_reload.tsv"
    for size in $(tr ' ' '\n' <<<"$DEF_SIZES" | sort -n | head -1) "$(largest_size)"; do
        dir="$WORK/reload-$size"
        rm -rf "$dir"
        cp -r "$WORK/defs-$size" "$dir"
        name=g-reload-$size
        start_cimdhost "$name" "$dir" || {
            note "growth/reload: $size definitions: CimdHost did not start"
            stop_server "$name"
            continue
        }
        target="http://127.0.0.1:${PORT[$name]}$(def_target 1 7)"
        file="$dir/def-00001.yaml"
        for ((rep = 1; rep <= RELOAD_REPS; rep++)); do
            http_get "$target" >/dev/null || true # make sure the old document is cached
            wait_quiet
            sleep 0.5
            # Rewrite in place, as an editor saving the file does.
            sed -i "s/^client_name: .*/client_name: Bench 1 rev $rep/" "$file"
            start=$(date +%s%N)
            ms=""
            while :; do
                body=$(http_get "$target") || body=""
                now=$(date +%s%N)
                if [[ $body == *"Bench 1 rev $rep"* ]]; then
                    ms=$(((now - start) / 1000000))
                    break
                fi
                (((now - start) / 1000000000 < RELOAD_TIMEOUT)) || break
                sleep 0.01
            done
            [[ -n $ms ]] || note "growth/reload: $size definitions: change not served within ${RELOAD_TIMEOUT}s"
            printf '%s\t%s\t%s\n' "$size" "$rep" "$ms" >>"$RUN_DIR/growth_reload.tsv"
            log "growth: reload with $size definitions served after ${ms:-timeout} ms"
        done
        stop_server "$name"
    done
}

# ---- request cost: 1 definition against the largest set (plus the example) ----
growth_cost() {
    local many round
    many=$(largest_size)
    SPREAD_COUNT=$many
    mkdir -p "$WORK/cost-many"
    cp "$WORK/defs-$many"/*.yaml "$WORK/cost-many/"
    cp "$REPO/clients.d/example.yaml" "$WORK/cost-many/"
    start_cimdhost cimdhost-1def "$WORK/clients-example" || {
        note "growth/cost: CimdHost did not start"
        stop_all
        return
    }
    start_cimdhost "cimdhost-${many}defs" "$WORK/cost-many" || {
        note "growth/cost: CimdHost with $many definitions did not start"
        stop_all
        return
    }
    check_defs_served "cimdhost-${many}defs" "$many" || true
    local -a plan=("cached cimdhost-1def" "cached cimdhost-${many}defs" "spread cimdhost-${many}defs")
    local item
    for item in "${plan[@]}"; do
        warm_until_steady "${item% *}" "${item#* }" growth || {
            stop_all
            return
        }
    done
    : >"$RUN_DIR/growth_cost.jsonl"
    for ((round = 1; round <= ROUNDS; round++)); do
        log "growth: cost round $round of $ROUNDS"
        for item in "${plan[@]}"; do
            set_load "${item% *}" "${item#* }" "$DURATION"
            measure "$RUN_DIR/growth_cost.jsonl" "$round" "${item% *}" "${item#* }" || {
                stop_all
                return
            }
            sleep 0.3
        done
    done
    stop_all
}

run_growth() {
    local size
    log "growth: generating definitions ($DEF_SIZES)"
    for size in $DEF_SIZES; do
        gen_defs "$WORK/defs-$size" "$size"
    done
    growth_memory
    growth_startup
    growth_reload
    growth_cost
}
