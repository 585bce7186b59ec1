#!/usr/bin/env bash
# purge-durable.sh: the DURABLE PURGE path of one running Sluice node, next to the fsync cost of the
# disk it writes to, measured in the same run. Every purge is an fsynced SQLite commit (WAL,
# synchronous=FULL) before its reply, so the disk's fsync latency is the floor under these figures.
#
#   bench/scripts/purge-durable.sh                  # DURATION=10s, WORK=/tmp/sluice-purge-durable
#   DURATION=30s WORK=/tmp/pd bench/scripts/purge-durable.sh
#   SKIP_APT=1 ...                                  # wrk already installed (else apt installs it)
#   SLUICE_ARGS="..." ...                           # extra arguments after `bin/sluice serve --config F`
#   SLUICE_DIST=/tmp/dist ...                       # run a snapshot: $SLUICE_DIST/sluice-server.jar + lib/
#   WARMUP=3s CDNPRO_USERS=200 FSYNC_COUNT=2000 ...  # the other knobs, with their defaults
#
# Steps: 1. wrk (Debian package) when missing; a fresh WORK with the data directory in it.
# 2. fsync probe: FSYNC_COUNT appends of 4 KiB to a file in the data directory, each followed by
#    os.fsync, timed one by one (python3); the file is removed before Sluice starts.
# 3. Sluice up (bin/sluice serve) on two free loopback ports with a generated sluice.yaml: the site
#    acme/docs on docs.acme.test (Quant token s3cret), CDN_PRO users, CDN Pro quotas raised out of
#    reach, the store in WORK (a fresh SQLite store on the same disk as the probe).
# 4. Quant `POST /v1/purge` (Quant-Url /bench/t<thread>/p<n>, distinct per request), then CDN Pro
#    `POST /cdn/purges` with 100 fileUrls on http://docs.acme.test/ (distinct per request,
#    action delete, target production): each a short warm-up, then 1 client (wrk -t1 -c1) and 16
#    clients (wrk -t2 -c16), DURATION each. Any reply other than 200 (Quant) or 201 (CDN Pro), or
#    any socket error, stops the script with the first bad reply shown.
# 5. A markdown table; the raw wrk output is in WORK/*.wrk.txt, Sluice's log in WORK/sluice.log.
#
# CDN Pro's per-user rate limit (300 requests per 5 minutes) is fixed in code
# (server/.../VendorApis.java), not a config key, so the CDN Pro requests are spread over
# CDNPRO_USERS API users (as it/.../VendorPurgeBenchmark does) so that the limit does not decide the
# figure; each is signed once per run phase with openssl (the signature covers only the Date header
# and holds for ±15 minutes). The daily quotas are config keys and are raised in the generated yaml.
set -euo pipefail
NAME=purge-durable
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-/tmp/sluice-purge-durable}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
CDNPRO_USERS="${CDNPRO_USERS:-200}"
FSYNC_COUNT="${FSYNC_COUNT:-2000}"
READY_TIMEOUT="${READY_TIMEOUT:-600}"   # seconds; bin/sluice builds first when the jar is stale
CUSTOMER=acme PROJECT=docs TOKEN=s3cret HOST=docs.acme.test
COMMAND="WORK=$WORK DURATION=$DURATION${SLUICE_DIST:+ SLUICE_DIST=$SLUICE_DIST}${SLUICE_ARGS:+ SLUICE_ARGS=\"$SLUICE_ARGS\"} bench/scripts/purge-durable.sh"
sluice_pid=""
rows=()

. "$ROOT/bench/scripts/sluice-lib.sh"
die() { log "FAILED: $*"; exit 1; }

cleanup() {
  set +e
  stop_pid "$sluice_pid"
}
trap cleanup EXIT

# Step 1: wrk, a fresh WORK.
if ! command -v wrk >/dev/null; then
  [ "${SKIP_APT:-0}" = 1 ] && die "wrk is not installed and SKIP_APT=1"
  log "installing wrk (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -q wrk >&2
fi
for tool in python3 openssl base64 curl; do command -v "$tool" >/dev/null || die "$tool is required"; done
case "$WORK" in /|/tmp|/tmp/|"$HOME"|"") die "WORK=$WORK: refusing to empty it" ;; esac
rm -rf "$WORK"; mkdir -p "$WORK/data"

# Step 2: the fsync probe, in the data directory Sluice will use.
fs="$(df -PT "$WORK/data" | awk 'NR==2 {print $2 " on " $1 " (" $7 ")"}')"
fsync_line="$(python3 - "$WORK/data/fsync-probe.bin" "$FSYNC_COUNT" <<'PY'
import os, sys, time
path, n = sys.argv[1], int(sys.argv[2])
block = os.urandom(4096)
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
ms = []
try:
    for _ in range(n):
        t = time.perf_counter()
        os.write(fd, block)
        os.fsync(fd)
        ms.append((time.perf_counter() - t) * 1000)
finally:
    os.close(fd)
    os.unlink(path)
ms.sort()
rank = lambda p: ms[min(len(ms) - 1, max(0, int(round(p / 100 * len(ms))) - 1))]
print(f"n={n} p50_ms={rank(50):.3f} p99_ms={rank(99):.3f} mean_ms={sum(ms)/len(ms):.3f} max_ms={ms[-1]:.3f}")
PY
)"
field() { printf '%s\n' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }
FSYNC_P50="$(field "$fsync_line" p50_ms)"
FSYNC_P99="$(field "$fsync_line" p99_ms)"
FSYNC_MEAN="$(field "$fsync_line" mean_ms)"
FSYNC_MAX="$(field "$fsync_line" max_ms)"
echo "fsync of the data directory's disk ($fs): 4 KiB append + os.fsync x $FSYNC_COUNT:" \
  "p50 $FSYNC_P50 ms, p99 $FSYNC_P99 ms, mean $FSYNC_MEAN ms, max $FSYNC_MAX ms"

# Step 3: Sluice on free ports with a generated config.
read -r EDGE_PORT API_PORT < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
for s in socks:
    s.close()
PY
)
API="http://127.0.0.1:$API_PORT"
{
  cat <<YAML
edge:  { listen: "127.0.0.1:$EDGE_PORT" }
api:   { listen: "127.0.0.1:$API_PORT" }
store: { kind: embedded, path: "$WORK/data" }
tenants:
  $CUSTOMER:
    sites:
      $PROJECT:
        hosts: [$HOST]
        quant: { token: "$TOKEN" }
    credentials:
      cdnpro:
YAML
  for i in $(seq 0 $((CDNPRO_USERS - 1))); do
    echo "        - { user: \"bench-$i\", key: \"k-bench-$i\" }"
  done
  echo "    quotas: { cdnproFileUrlsPerDay: 1000000000000, cdnproDirUrlsPerDay: 1000000 }"
} > "$WORK/sluice.yaml"

# shellcheck disable=SC2086 # SLUICE_ARGS is a list of words
if [ -n "${SLUICE_DIST:-}" ]; then
  "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -XX:+UseG1GC --enable-native-access=ALL-UNNAMED \
    -cp "$SLUICE_DIST/sluice-server.jar:$SLUICE_DIST/lib/*" dev.sluice.server.Main \
    serve --config "$WORK/sluice.yaml" ${SLUICE_ARGS:-} > "$WORK/sluice.log" 2>&1 &
else
  "$ROOT/bin/sluice" serve --config "$WORK/sluice.yaml" ${SLUICE_ARGS:-} > "$WORK/sluice.log" 2>&1 &
fi
sluice_pid=$!
for _ in $(seq 1 $((READY_TIMEOUT * 5))); do
  grep -q "Sluice ready" "$WORK/sluice.log" && break
  kill -0 "$sluice_pid" 2>/dev/null || { tail -50 "$WORK/sluice.log" >&2; sluice_pid=""; die "sluice exited before ready"; }
  sleep 0.2
done
grep -q "Sluice ready" "$WORK/sluice.log" || die "sluice not ready after $READY_TIMEOUT s (log: $WORK/sluice.log)"
log "sluice up: pid $sluice_pid, management API $API, store $WORK/data"

# CDN Pro auth, exactly as control/.../DateSignature.java checks it:
# Authorization: Basic base64(user ":" base64(HMAC-SHA1(key, Date))), over the Date header as sent.
sign_cdnpro() {
  CDNPRO_DATE="$(LC_ALL=C TZ=GMT date -u '+%a, %d %b %Y %H:%M:%S GMT')"
  local auths=() pw i
  for i in $(seq 0 $((CDNPRO_USERS - 1))); do
    pw="$(printf '%s' "$CDNPRO_DATE" | openssl dgst -sha1 -hmac "k-bench-$i" -binary | base64 -w0)"
    auths+=("$(printf '%s:%s' "bench-$i" "$pw" | base64 -w0)")
  done
  CDNPRO_AUTHS="${auths[*]}"
  export CDNPRO_DATE CDNPRO_AUTHS
}

# One request of each by curl first, so a wrong setup fails with a readable reply.
out="$(curl -sS -o - -w ' HTTP %{http_code}' -X POST -H "Quant-Customer: $CUSTOMER" -H "Quant-Project: $PROJECT" \
  -H "Quant-Token: $TOKEN" -H "Quant-Url: /bench/check" -H 'Content-Length: 0' "$API/v1/purge")"
case "$out" in *" HTTP 200") log "quant check: $out" ;; *) die "POST /v1/purge: $out" ;; esac
sign_cdnpro
first_auth="${CDNPRO_AUTHS%% *}"
out="$(curl -sS -o /dev/null -D - -w 'HTTP %{http_code}' -X POST -H "Date: $CDNPRO_DATE" \
  -H "Authorization: Basic $first_auth" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  --data "{\"fileUrls\":[\"http://$HOST/bench/check\"],\"action\":\"delete\",\"target\":\"production\"}" \
  "$API/cdn/purges" | tr -d '\r')"
case "$out" in *"HTTP 201") log "cdnpro check: $(grep -i '^location:' <<<"$out")" ;; *) die "POST /cdn/purges: $out" ;; esac

# The wrk scripts. Each thread counts its requests; setup() numbers the threads so URLs never repeat;
# response() counts replies other than the expected status and keeps the first; done() sums them.
common_lua='
local threads, nthreads = {}, 0
function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
  table.insert(threads, thread)
end
n, bad, firstbad = 0, 0, ""
function response(status, headers, body)
  if status ~= expected then
    bad = bad + 1
    if firstbad == "" then firstbad = status .. " " .. string.sub(body or "", 1, 300) end
  end
end
function done(summary, latency, requests)
  local b, first = 0, ""
  for _, t in ipairs(threads) do
    b = b + (t:get("bad") or 0)
    local f = t:get("firstbad")
    if first == "" and f and f ~= "" then first = f end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f mean_ms=%.3f max_ms=%.3f bad=%d sockerr=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000, b,
    e.connect + e.read + e.write + e.timeout))
  if first ~= "" then io.write("FIRSTBAD " .. string.gsub(first, "\n", " ") .. "\n") end
end
'
cat > "$WORK/quant.lua" <<LUA
expected = 200
$common_lua
function init(args)
  wrk.method = "POST"
  wrk.body = ""   -- wrk.format then sends Content-Length: 0, as quant-cli does
  wrk.headers["Quant-Customer"] = os.getenv("Q_CUSTOMER")
  wrk.headers["Quant-Project"] = os.getenv("Q_PROJECT")
  wrk.headers["Quant-Token"] = os.getenv("Q_TOKEN")
end
function request()
  n = n + 1
  wrk.headers["Quant-Url"] = "/bench/t" .. tid .. "/p" .. n
  return wrk.format(nil, "/v1/purge")
end
LUA
cat > "$WORK/cdnpro.lua" <<LUA
expected = 201
$common_lua
local auths = {}
function init(args)
  for a in string.gmatch(os.getenv("CDNPRO_AUTHS"), "%S+") do table.insert(auths, "Basic " .. a) end
  wrk.method = "POST"
  wrk.headers["Date"] = os.getenv("CDNPRO_DATE")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end
local host = os.getenv("CDNPRO_HOST")
function request()
  n = n + 1
  wrk.headers["Authorization"] = auths[((tid * 7919 + n) % #auths) + 1]
  local urls, base = {}, '"http://' .. host .. "/bench/t" .. tid .. "/r" .. n .. "/"
  for i = 1, 100 do urls[i] = base .. i .. '.html"' end
  return wrk.format(nil, "/cdn/purges", nil,
    '{"fileUrls":[' .. table.concat(urls, ",") .. '],"action":"delete","target":"production"}')
end
LUA
export Q_CUSTOMER="$CUSTOMER" Q_PROJECT="$PROJECT" Q_TOKEN="$TOKEN" CDNPRO_HOST="$HOST"

# Step 4: run_wrk KEY LABEL LUA THREADS CONNS DURATION [row]: one wrk run, checked; a row if asked.
run_wrk() {
  local key="$1" label="$2" lua="$3" t="$4" c="$5" d="$6" row="${7:-}" file="$WORK/$1.wrk.txt"
  log "$label: wrk -t$t -c$c -d$d --latency --timeout 10s -s $lua"
  wrk -t"$t" -c"$c" -d"$d" --latency --timeout 10s -s "$lua" "$API" > "$file" 2>&1 || { cat "$file" >&2; die "wrk failed ($label)"; }
  cat "$file" >&2
  local res; res="$(grep '^RESULT ' "$file" || true)"
  [ -n "$res" ] || die "$label: no RESULT line from wrk (see $file)"
  local bad sockerr; bad="$(field "$res" bad)"; sockerr="$(field "$res" sockerr)"
  if [ "$bad" != 0 ] || [ "$sockerr" != 0 ]; then
    grep '^FIRSTBAD' "$file" >&2 || true
    grep -q '^FIRSTBAD 429' "$file" && log "429: CDN Pro's 300/5 min per user is hard-coded; raise CDNPRO_USERS"
    die "$label: $bad unexpected replies, $sockerr socket errors (see $file)"
  fi
  [ -n "$row" ] && rows+=("$(printf '| %s | %.0f | %.2f | %.2f |' "$label" "$(field "$res" rps)" \
    "$(field "$res" p50_ms)" "$(field "$res" p99_ms)")")
  return 0
}

run_wrk quant-warmup "Quant POST /v1/purge, warm-up" "$WORK/quant.lua" 2 4 "$WARMUP"
run_wrk quant-c1 "Quant POST /v1/purge, 1 client" "$WORK/quant.lua" 1 1 "$DURATION" row
run_wrk quant-c16 "Quant POST /v1/purge, 16 clients" "$WORK/quant.lua" 2 16 "$DURATION" row
sign_cdnpro
run_wrk cdnpro-warmup "CDN Pro POST /cdn/purges (100 fileUrls), warm-up" "$WORK/cdnpro.lua" 2 4 "$WARMUP"
sign_cdnpro
run_wrk cdnpro-c1 "CDN Pro POST /cdn/purges (100 fileUrls), 1 client" "$WORK/cdnpro.lua" 1 1 "$DURATION" row
sign_cdnpro
run_wrk cdnpro-c16 "CDN Pro POST /cdn/purges (100 fileUrls), 16 clients" "$WORK/cdnpro.lua" 2 16 "$DURATION" row

# Step 5: the table.
rev="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ] && rev="$rev+dirty"
[ -n "${SLUICE_DIST:-}" ] && rev="snapshot $SLUICE_DIST (tree at $rev)"
echo
echo "## Durable purge, Sluice $rev, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
echo
echo "fsync, same run, same disk ($fs), 4 KiB append + fsync x $FSYNC_COUNT:" \
  "p50 $FSYNC_P50 ms, p99 $FSYNC_P99 ms, mean $FSYNC_MEAN ms, max $FSYNC_MAX ms" \
  "(one fsync per request, one at a time: at most $(awk -v m="$FSYNC_MEAN" 'BEGIN {printf "%.0f", 1000 / m}') req/s)"
echo
echo "| measurement | req/s | p50 ms | p99 ms |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Every reply checked (Quant 200, CDN Pro 201); 1 client = wrk -t1 -c1, 16 clients = wrk -t2 -c16," \
  "$DURATION each after a $WARMUP warm-up. CDN Pro's rate limit (300 requests / 5 min per user) is" \
  "hard-coded, not configurable: its requests were spread over $CDNPRO_USERS API users; its daily quotas" \
  "were raised in the config."
echo
echo "Command: \`$COMMAND\`"
