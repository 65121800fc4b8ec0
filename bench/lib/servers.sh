# shellcheck shell=bash
# Building and starting the servers for bench/run.sh. Sourced, not run.
# Every server listens on 127.0.0.1 only and runs pinned to $SERVER_CPU.

# The document CimdHost must serve for instance 7 (the shipped clients.d/example.yaml); nginx and
# bare Kestrel serve exactly these bytes for every request.
EXPECTED_7='{"client_id":"https://example.com/client.json?instance_id=7","client_name":"Example workload","token_endpoint_auth_method":"spiffe_jwt","grant_types":["client_credentials"],"response_types":[],"spiffe_id":"spiffe://example.org/client/7","spiffe_bundle_endpoint":"https://example.org/bundle"}'
# The mailing-list sample returned client_id without the query.
EXPECTED_7_SINATRA='{"client_id":"https://example.com/client.json","client_name":"Example workload","token_endpoint_auth_method":"spiffe_jwt","grant_types":["client_credentials"],"response_types":[],"spiffe_id":"spiffe://example.org/client/7","spiffe_bundle_endpoint":"https://example.org/bundle"}'

DOTNET_SERVER_ENV=(
    ASPNETCORE_ENVIRONMENT=Production
    Logging__LogLevel__Default=Warning
    DOTNET_CLI_TELEMETRY_OPTOUT=1
    DOTNET_NOLOGO=1
)

# Copies the sources a .NET project needs (the root build files and one folder) into the work
# directory, so publishing never touches bin/ or obj/ in the working tree.
snapshot_sources() {
    local dest=$1
    shift
    mkdir -p "$dest"
    tar -C "$REPO" --exclude=bin --exclude=obj -cf - \
        Directory.Build.props Directory.Packages.props global.json nuget.config .editorconfig "$@" |
        tar -C "$dest" -xf -
}

build_headload() {
    cc -O2 -Wall -Wextra -o "$WORK/headload" "$BENCH/headload/headload.c" >"$LOGS/build-headload.log" 2>&1 ||
        die "could not compile headload; see $LOGS/build-headload.log"
}

build_kestrel() {
    snapshot_sources "$WORK/src-kestrel" bench/BareKestrel
    log "publishing bench/BareKestrel (Release)"
    dotnet publish "$WORK/src-kestrel/bench/BareKestrel" -c Release -o "$WORK/barekestrel" \
        >"$LOGS/publish-kestrel.log" 2>&1 || die "BareKestrel did not build; see $LOGS/publish-kestrel.log"
}

# Publishes CimdHost. Returns non-zero (and says why in $NOTES) when it cannot.
build_cimdhost() {
    [[ -f $REPO/src/CimdHost/CimdHost.csproj ]] || {
        note "cimdhost: src/CimdHost/CimdHost.csproj not found"
        return 1
    }
    snapshot_sources "$WORK/src-cimdhost" src
    # For this machine's runtime, so the build is ReadyToRun as the Dockerfile's is (see the project file).
    log "publishing src/CimdHost (Release, ReadyToRun)"
    if ! dotnet publish "$WORK/src-cimdhost/src/CimdHost" -c Release --use-current-runtime --self-contained false \
        -o "$WORK/cimdhost" \
        >"$LOGS/publish-cimdhost.log" 2>&1; then
        note "cimdhost: dotnet publish failed (see logs/publish-cimdhost.log)"
        return 1
    fi
    CIMDHOST_REVISION=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "uncommitted")
    if [[ -n $(git -C "$REPO" status --porcelain -- src 2>/dev/null) ]]; then
        CIMDHOST_REVISION="$CIMDHOST_REVISION+dirty"
    fi
}

# start_cimdhost NAME CLIENTS_DIR [SETTING=VALUE...]: starts a published CimdHost, with any extra
# environment settings given, and waits for /readyz.
# Sets PORT[NAME], MGMT_PORT[NAME] and READY_MS (process start to the first /readyz 200).
# Never call it inside $(...): the server must be a child of the main shell.
declare -A PORT=() MGMT_PORT=()
start_cimdhost() {
    local name=$1 dir=$2 port mgmt
    shift 2
    port=$(free_port "$NEXT_PORT")
    mgmt=$(free_port $((port + 1)))
    NEXT_PORT=$((mgmt + 1))
    PORT[$name]=$port
    MGMT_PORT[$name]=$mgmt
    start_server "$name" "$LOGS/$name.log" env "${DOTNET_SERVER_ENV[@]}" \
        "Management__Urls=http://127.0.0.1:$mgmt" "Clients__Directory=$dir" "$@" \
        dotnet "$WORK/cimdhost/CimdHost.dll" --urls "http://127.0.0.1:$port"
    wait_ready "$name"
}

# The CimdHost configurations measured against the baselines, on the shipped example: the default
# (output cache on) and cimdhost-nocache, which adds these settings (output cache off).
CIMDHOST_NOCACHE_ENV=(Clients__CacheSizeLimitMegabytes=0)

is_cimdhost_config() {
    [[ $1 == cimdhost || $1 == cimdhost-nocache ]]
}

# start_cimdhost_config NAME: starts one of the two configurations; same return as start_cimdhost.
start_cimdhost_config() {
    case $1 in
        cimdhost) start_cimdhost cimdhost "$WORK/clients-example" ;;
        cimdhost-nocache) start_cimdhost cimdhost-nocache "$WORK/clients-example" "${CIMDHOST_NOCACHE_ENV[@]}" ;;
        *) die "not a CimdHost configuration: $1" ;;
    esac
}

# Why a server did not start, in one line of its log: its own "CimdHost: ..." error line when it
# printed one, else the first line naming an exception or error, else the last line.
log_reason() {
    local file=$LOGS/$1.log line
    if [[ ! -s $file ]]; then
        echo "its log is empty"
        return 0
    fi
    line=$(grep -m1 '^CimdHost: ' "$file" || grep -m1 -E '[Ee]xception|[Ee]rror' "$file" || tail -n 1 "$file")
    line=${line#"${line%%[![:space:]]*}"}
    printf '%s\n' "${line:0:300}"
}

# Waits for /readyz 200 on the management port (or, failing that, the public port).
# Sets READY_MS, counted from the moment start_server launched the process.
wait_ready() {
    local name=$1 pid=${SERVER_PID[$1]} start=${SERVER_START_NS[$1]} now
    local first_404=""
    READY_MS=
    local mgmt_code public_code
    while :; do
        mgmt_code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${MGMT_PORT[$name]}/readyz" 2>/dev/null) || true
        public_code=000
        if [[ $mgmt_code != 200 ]]; then
            public_code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${PORT[$name]}/readyz" 2>/dev/null) || true
        fi
        if [[ $mgmt_code == 200 || $public_code == 200 ]]; then
            now=$(date +%s%N)
            READY_MS=$(((now - start) / 1000000))
            return 0
        fi
        if [[ $mgmt_code == 000 && $public_code == 404 ]]; then
            [[ -n $first_404 ]] || first_404=$(date +%s)
        else
            first_404=""
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            log "$name exited before it was ready; see $LOGS/$name.log"
            return 1
        fi
        now=$(date +%s%N)
        # No management listener and a 404 for /readyz on the public port, for 10 s: no such endpoint.
        if [[ -n $first_404 ]] && (($(date +%s) - first_404 >= 10)); then
            log "$name answers 404 to /readyz; it has no readiness endpoint yet"
            return 1
        fi
        if (((now - start) / 1000000000 >= READY_TIMEOUT)); then
            log "$name not ready after ${READY_TIMEOUT}s"
            return 1
        fi
        sleep 0.01
    done
}

start_nginx() {
    local port root="$WORK/nginx"
    port=$(free_port "$NEXT_PORT")
    NEXT_PORT=$((port + 1))
    PORT[nginx]=$port
    mkdir -p "$root/www" "$root/temp"
    printf '%s' "$EXPECTED_7" >"$root/www/client.json"
    # The worker runs as nobody: it must be able to read the document root.
    chmod 755 "$WORK" "$root" "$root/www"
    chmod 644 "$root/www/client.json"
    cat >"$root/nginx.conf" <<EOF
# Generated by bench/run.sh: one worker, no access log, loopback only.
worker_processes 1;
daemon off;
pid $root/nginx.pid;
error_log $root/error.log warn;
events {
    worker_connections 1024;
}
http {
    access_log off;
    client_body_temp_path $root/temp/body;
    proxy_temp_path $root/temp/proxy;
    fastcgi_temp_path $root/temp/fastcgi;
    uwsgi_temp_path $root/temp/uwsgi;
    scgi_temp_path $root/temp/scgi;
    types {
        application/json json;
    }
    keepalive_requests 100000000;
    server {
        listen 127.0.0.1:$port;
        root $root/www;
        # The same check the example declares ([0-9]{1,6}), so the errors scenario maps onto nginx.
        # A 'return 400' without text would close the connection (nginx turns keep-alive off for
        # its own 400 page); with a body it keeps the connection open, as CimdHost does.
        location = /client.json {
            default_type application/problem+json;
            if (\$arg_instance_id !~ "^[0-9]{1,6}\$") {
                return 400 '{"title":"Bad Request","status":400}';
            }
        }
    }
}
EOF
    nginx -t -q -c "$root/nginx.conf" -p "$root" >"$LOGS/nginx-configtest.log" 2>&1 ||
        die "nginx rejected its config; see $LOGS/nginx-configtest.log"
    start_server nginx "$LOGS/nginx.log" nginx -c "$root/nginx.conf" -p "$root"
    wait_http "http://127.0.0.1:$port/client.json?instance_id=7" 200 20 "${SERVER_PID[nginx]}" >/dev/null ||
        die "nginx did not answer; see $LOGS/nginx.log and $root/error.log"
}

start_kestrel() {
    local port
    port=$(free_port "$NEXT_PORT")
    NEXT_PORT=$((port + 1))
    PORT[kestrel]=$port
    start_server kestrel "$LOGS/kestrel.log" env "${DOTNET_SERVER_ENV[@]}" \
        dotnet "$WORK/barekestrel/BareKestrel.dll" --urls "http://127.0.0.1:$port"
    wait_http "http://127.0.0.1:$port/client.json?instance_id=7" 200 30 "${SERVER_PID[kestrel]}" >/dev/null ||
        die "bare Kestrel did not answer; see $LOGS/kestrel.log"
}

start_sinatra() {
    local port
    port=$(free_port "$NEXT_PORT")
    NEXT_PORT=$((port + 1))
    PORT[sinatra]=$port
    # Single mode (no forked workers), five threads, production: one process to measure.
    start_server sinatra "$LOGS/sinatra.log" puma -e production -w 0 -t 5:5 \
        -b "tcp://127.0.0.1:$port" "$BENCH/sinatra/config.ru"
    wait_http "http://127.0.0.1:$port/client.json?instance_id=7" 200 30 "${SERVER_PID[sinatra]}" >/dev/null ||
        die "Sinatra/puma did not answer; see $LOGS/sinatra.log"
}

# Checks a server's answer for instance 7 against the expected bytes.
check_body() {
    local name=$1 want=$2 got
    got=$(http_get "http://127.0.0.1:${PORT[$name]}/client.json?instance_id=7") || got=""
    if [[ $got == "$want" ]]; then
        return 0
    fi
    printf '%s\n' "$got" >"$LOGS/$name-body-7.json"
    return 1
}
