#!/usr/bin/env bash
# pull-compare.sh: cache-HIT throughput of Sluice as a PULL ZONE beside Varnish and nginx
# proxy_cache, all three in front of the same origin nginx, rounds interleaved (the shared peers'
# run-interleaved.sh does the measuring). hit-compare.sh does the same for a content-store site.
#
#   bench/scripts/pull-compare.sh           # ROUNDS=3 CONNS=32 DURATION=10s by default
#   ROUNDS=5 WORK=/tmp/pc bench/scripts/pull-compare.sh
#   SLUICE_DIST=/tmp/dist bench/scripts/pull-compare.sh   # run a snapshot: $SLUICE_DIST/sluice-server.jar + lib/
#   PATHS=/static/page-1k.html ROUNDS=3 bench/scripts/pull-compare.sh   # the 1 KiB page only
#   SKIP_APT=1 ...                                        # peers already installed
#
# Steps (compare-lib.sh): 1. a private copy of /work/shared/bench, installed by its setup.sh;
# 2. a 1 KiB page and a 64 KiB asset in the origin's content/static/; 3. origin nginx, Varnish and
# nginx proxy_cache up; 4. Sluice up with one site whose origin is that origin nginx
# (Cache-Control max-age=3600 and Surrogate-Key tags, exactly what Varnish and nginx see);
# 5. same bytes checked, caches warmed, interleaved rounds, a median table; 6. stops what it started.
set -euo pipefail
NAME=pull-compare
WORK="${WORK:-/tmp/sluice-pull-compare}"
. "$(dirname "${BASH_SOURCE[0]}")/compare-lib.sh"

start_peers
cat > "$WORK/sluice/sluice.yaml" <<YAML
edge:  { listen: "127.0.0.1:$EDGE_PORT" }
api:   { listen: "127.0.0.1:$API_PORT" }
store: { kind: embedded, path: "$WORK/sluice/data" }
tenants:
  bench:
    sites:
      pull:
        hosts: [127.0.0.1, localhost]
        origin: { url: "$ORIGIN_URL", maxConnections: 64 }
YAML
start_sluice
measure
