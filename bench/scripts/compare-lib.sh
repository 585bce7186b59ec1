# compare-lib.sh: the parts hit-compare.sh and pull-compare.sh share. Source it after setting NAME
# and WORK; it defines the peers, Sluice's ports, and the functions below, and stops on exit only
# what it started (Sluice by its PID, the peers by their PID files).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${SHARED_BENCH:-/work/shared/bench}"
PEERS="$WORK/peers"
EDGE_PORT="${SLUICE_EDGE_PORT:-19080}"
API_PORT="${SLUICE_API_PORT:-19081}"
SLUICE="http://127.0.0.1:$EDGE_PORT"
API="http://127.0.0.1:$API_PORT/v1"
PAGE=/static/page-1k.html
ASSET=/static/asset-64k.bin
sluice_pid=""
started_peers=()

. "$ROOT/bench/scripts/sluice-lib.sh"

cleanup() {
  set +e
  stop_pid "$sluice_pid"
  for s in "${started_peers[@]}"; do "$PEERS/stop-$s.sh" >&2; done
}
trap cleanup EXIT

# Steps 1-3: a private copy of the shared bench, installed; the same bytes for everyone; peers up.
start_peers() {
  rm -rf "$WORK"; mkdir -p "$WORK/sluice"
  cp -r "$SHARED" "$PEERS"
  chmod 755 "$WORK" && chmod -R a+rX "$PEERS" && chmod 755 "$PEERS"/*.sh
  "$PEERS/setup.sh" >&2
  . "$PEERS/lib.sh"
  python3 - "$CONTENT/static/page-1k.html" <<'PY'
import sys
head = "<!doctype html>\n<html><head><title>Sluice 1 KiB page</title></head><body>\n<p>"
tail = "</p>\n</body></html>\n"
body = head + ("sluice " * 200)[: 1024 - len(head) - len(tail)] + tail
assert len(body.encode()) == 1024
open(sys.argv[1], "w").write(body)
PY
  head -c 65536 /dev/urandom > "$CONTENT/static/asset-64k.bin"
  chmod -R a+rX "$CONTENT"
  for s in origin varnish nginx-cache; do
    "$PEERS/start-$s.sh" >&2
    started_peers=("$s" "${started_peers[@]}")
  done
}

# Step 4: Sluice with $WORK/sluice/sluice.yaml (bin/sluice, or the snapshot in $SLUICE_DIST).
start_sluice() {
  if [ -n "${SLUICE_DIST:-}" ]; then
    "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -XX:+UseG1GC --enable-native-access=ALL-UNNAMED \
      -cp "$SLUICE_DIST/sluice-server.jar:$SLUICE_DIST/lib/*" dev.sluice.server.Main \
      serve --config "$WORK/sluice/sluice.yaml" > "$WORK/sluice/sluice.log" 2>&1 &
  else
    "$ROOT/bin/sluice" serve --config "$WORK/sluice/sluice.yaml" > "$WORK/sluice/sluice.log" 2>&1 &
  fi
  sluice_pid=$!
  for _ in $(seq 1 600); do
    grep -q "Sluice ready" "$WORK/sluice/sluice.log" && break
    kill -0 "$sluice_pid" 2>/dev/null || { cat "$WORK/sluice/sluice.log" >&2; log "sluice exited"; exit 1; }
    sleep 0.2
  done
  grep -q "Sluice ready" "$WORK/sluice/sluice.log" || { log "sluice not ready after 120 s"; exit 1; }
  log "sluice up: pid $sluice_pid edge $SLUICE api $API"
}

# Step 5: the same bytes everywhere, caches warm (Sluice must say "hit": hit.sh looks for X-Cache,
# Sluice reports RFC 9211 Cache-Status), then the interleaved rounds and a median table.
measure() {
  for base in "$SLUICE" "$VARNISH_URL" "$NGINX_CACHE_URL"; do
    for p in "$PAGE" "$ASSET"; do
      for _ in 1 2 3; do curl -fsS -o "$WORK/got" "$base$p"; done
      cmp -s "$WORK/got" "$CONTENT$p" || { log "$base$p does not serve the origin's bytes"; exit 1; }
    done
  done
  for p in "$PAGE" "$ASSET"; do
    status=$(curl -fsS -o /dev/null -D - "$SLUICE$p" | tr -d '\r' | awk -F': ' 'tolower($1)=="cache-status" {print $2}')
    case "$status" in *hit*) log "sluice $p: Cache-Status: $status" ;; *) log "sluice $p is not a hit: '$status'"; exit 1 ;; esac
  done
  out="$WORK/interleaved.log"
  PATHS="${PATHS:-$PAGE $ASSET}" ROUNDS="${ROUNDS:-3}" "$PEERS/run-interleaved.sh" \
    sluice="$SLUICE" varnish="$VARNISH_URL" nginx="$NGINX_CACHE_URL" | tee "$out"
  echo
  echo "median over rounds (conns=${CONNS:-32}, duration=${DURATION:-10s}; srv_cpu in % of one core)"
  printf '%-8s %-22s %10s %8s %8s %8s\n' target path req/s p50_ms p99_ms srv_cpu
  awk '/^HIT /{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
         n = split(v["url"], u, "/"); key = v["label"] " /static/" u[n]
         rps[key] = rps[key] " " v["rps"]; p50[key] = p50[key] " " v["p50_ms"]
         p99[key] = p99[key] " " v["p99_ms"]; cpu[key] = cpu[key] " " v["srv_cpu"]; keys[key] = 1 }
       function med(s,   a, n, i, j, t) { n = split(s, a, " ")
         for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
         return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
       END { for (k in keys) { split(k, kk, " ")
         printf "%-8s %-22s %10.0f %8.2f %8.2f %8s\n", kk[1], kk[2], med(rps[k]), med(p50[k]), med(p99[k]), med(cpu[k]) } }' "$out" | sort -b -k2,2 -k3,3nr
}
