#!/usr/bin/env bash
# hit-compare.sh: cache-HIT throughput of Sluice serving PUBLISHED CONTENT beside Varnish and nginx
# proxy_cache serving the same bytes from the origin nginx, rounds interleaved (the shared peers'
# run-interleaved.sh does the measuring). pull-compare.sh does the same for a pull zone.
#
#   bench/scripts/hit-compare.sh            # ROUNDS=3 CONNS=32 DURATION=10s by default
#   ROUNDS=5 WORK=/tmp/hc bench/scripts/hit-compare.sh
#   SKIP_APT=1 ...                          # peers already installed
#
# Steps (compare-lib.sh): 1. a private copy of /work/shared/bench, installed by its setup.sh;
# 2. a 1 KiB page and a 64 KiB asset in the origin's content/static/; 3. origin nginx, Varnish and
# nginx proxy_cache up; 4. Sluice up, the same two files pushed through the Quant API (JSON content
# for the page, multipart for the asset); 5. same bytes checked, caches warmed, interleaved rounds,
# a median table; 6. stops what it started.
set -euo pipefail
NAME=hit-compare
WORK="${WORK:-/tmp/sluice-hit-compare}"
. "$(dirname "${BASH_SOURCE[0]}")/compare-lib.sh"
AUTH=(-H "Quant-Customer: bench" -H "Quant-Project: hits" -H "Quant-Token: bench-token")

start_peers
cat > "$WORK/sluice/sluice.yaml" <<YAML
edge:  { listen: "127.0.0.1:$EDGE_PORT" }
api:   { listen: "127.0.0.1:$API_PORT" }
store: { kind: embedded, path: "$WORK/sluice/data" }
tenants:
  bench:
    sites:
      hits:
        hosts: [127.0.0.1, localhost]
        quant: { token: "bench-token" }
YAML
start_sluice
jq -n --rawfile c "$CONTENT/static/page-1k.html" --arg u "$PAGE" '{url: $u, content: $c, published: true}' \
  | curl -fsS "${AUTH[@]}" -H "Content-Type: application/json" --data-binary @- "$API" >&2; echo >&2
curl -fsS "${AUTH[@]}" -H "Quant-File-Url: $ASSET" -F "data=@$CONTENT/static/asset-64k.bin" "$API" >&2; echo >&2
measure
