#!/usr/bin/env bash
# startup-history.sh: start-up time and heap of a node whose purge log holds N commands (default
# 1,000,000) beside one whose log is empty, in one run. A node starts at the log's head, so neither
# should grow with history.
#
#   bench/scripts/startup-history.sh                 # N=1000000 ROUNDS=3 WORK=/tmp/sluice-startup-history
#
# Steps: 1. two data directories, each created by a first start (the schema) and one purge through
# the Quant API (a real row to copy); 2. python3's sqlite3 copies that row into the full store's log
# N times (ids and sequences varied, issued now, so retention keeps them); 3. ROUNDS alternating
# starts of each: wall time from exec to "Sluice ready" and /healthz answering, then a full GC
# (jcmd) and the heap in use from /metrics; 4. a markdown table of medians.
set -euo pipefail
NAME=startup-history
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-/tmp/sluice-startup-history}"
N="${N:-1000000}"
ROUNDS="${ROUNDS:-3}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
pid=""
. "$ROOT/bench/scripts/sluice-lib.sh"
trap 'stop_pid "$pid"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

write_config() { # dir edge api
  cat > "$1/sluice.yaml" <<YAML
edge:  { listen: "127.0.0.1:$2" }
api:   { listen: "127.0.0.1:$3" }
store: { kind: embedded, path: "$1/data" }
tenants:
  acme:
    sites:
      docs:
        hosts: [docs.acme.test]
        quant: { token: "s3cret" }
YAML
}

# Starts the node in $1; sets pid, API and MS (the ms from exec to /healthz answering).
start() {
  local dir=$1 edge api t0 t1
  edge=$(free_port); api=$(free_port); API="http://127.0.0.1:$api"
  write_config "$dir" "$edge" "$api"
  t0=$(date +%s%N)
  "$ROOT/bin/sluice" serve --config "$dir/sluice.yaml" > "$dir/sluice.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null "$API/healthz" && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/sluice.log" >&2; log "sluice exited"; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  MS=$(( (t1 - t0) / 1000000 ))
}

stop() {
  kill -TERM "$pid"; wait "$pid" || true; pid=""
}

heap_mib() { # after a full GC, the heap in use as /metrics reports it
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run > /dev/null
  curl -fs "$API/metrics" | awk 'index($0, "jvm_memory_used_bytes{area=\"heap\"") == 1 {s += $NF} END {printf "%.1f", s / 1048576}'
}

rm -rf "$WORK"; mkdir -p "$WORK/empty" "$WORK/full"
(cd "$ROOT" && [ -f server/target/sluice-server.jar ]) || log "bin/sluice will build first"
for d in empty full; do
  start "$WORK/$d"
  curl -fs -X POST -H 'Quant-Customer: acme' -H 'Quant-Project: docs' -H 'Quant-Token: s3cret' \
    -H 'Quant-Url: /seed' "$API/v1/purge" > /dev/null
  stop
done
log "filling the full store's log with $N commands"
python3 - "$WORK/full/data/sluice.db" "$N" <<'PY'
import sqlite3, sys, time
db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
seq, ident, request, at = c.execute("SELECT seq, id, request, issued_at_millis FROM purge_log ORDER BY seq DESC LIMIT 1").fetchone()
now = int(time.time() * 1000)
rows = ((seq + i, "hist-%d" % i, request.replace("/seed", "/h/%d" % i), now) for i in range(1, n + 1))
c.executemany("INSERT INTO purge_log (seq, id, request, issued_at_millis) VALUES (?, ?, ?, ?)", rows)
c.commit()
print(c.execute("SELECT COUNT(*), MAX(seq) FROM purge_log").fetchone(), file=sys.stderr)
PY
du -sh "$WORK/full/data/sluice.db" >&2

declare -A ms heap
for r in $(seq 1 "$ROUNDS"); do
  for d in empty full; do
    start "$WORK/$d"; t=$MS; h=$(heap_mib); seq=$(grep -o 'Purge log at seq [0-9]*' "$WORK/$d/sluice.log" | tail -1)
    stop
    log "round $r $d: ${t} ms to /healthz, heap ${h} MiB after GC, $seq"
    ms[$d]+="$t "; heap[$d]+="$h "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "## Start-up with $N logged purges vs an empty log, $(date -u +%Y-%m-%d), $(git -C "$ROOT" rev-parse --short HEAD)"
echo
echo "| store | ms from exec to /healthz (median of $ROUNDS) | heap in use after start and a full GC, MiB |"
echo "|---|---|---|"
for d in empty full; do
  echo "| $d log | $(echo "${ms[$d]}" | median) | $(echo "${heap[$d]}" | median) |"
done
echo
echo "Command: \`N=$N ROUNDS=$ROUNDS bench/scripts/startup-history.sh\`"
