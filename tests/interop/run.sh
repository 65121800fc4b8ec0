#!/usr/bin/env bash
# The interop suite: real authorization-server and client libraries (oidc-provider, @atproto/oauth-types,
# the MCP SDK) against a CimdHost that the suite starts on 127.0.0.1. Writes docs/interop.md.
#
#   bash tests/interop/run.sh [extra node --test arguments]
#
# CIMDHOST_DLL   the service to start (default: src/CimdHost/bin/Debug/net10.0/CimdHost.dll, built here
#                first when CIMDHOST_DLL is unset; INTEROP_SKIP_BUILD=1 skips that build)
# CIMDHOST_URL   test an already running CimdHost on http://127.0.0.1:<port> instead of starting one
# Exit code: node's test runner's (0 when every test passed).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

# npm ci when node_modules is missing or was installed from another package-lock.json.
lock_hash=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
stamp="$here/node_modules/.interop-lock-sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
    echo "# interop: npm ci (package-lock.json changed or node_modules missing)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
    echo "$lock_hash" > "$stamp"
fi

if [ -z "${CIMDHOST_DLL:-}" ] && [ -z "${CIMDHOST_URL:-}" ] && [ "${INTEROP_SKIP_BUILD:-}" != 1 ]; then
    log=$(mktemp)
    if ! dotnet build "$repo/src/CimdHost" --nologo -v quiet > "$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "# interop: dotnet build src/CimdHost failed" >&2
        exit 1
    fi
    rm -f "$log"
fi

cd "$here"
# TAP, so that the closing "# pass N" / "# fail N" lines are there whether or not stdout is a terminal.
exec node --test --test-reporter=tap "$@" interop.test.js
