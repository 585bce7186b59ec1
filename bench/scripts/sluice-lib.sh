# sluice-lib.sh: what every bench script shares. Source it after setting NAME.

log() { printf '[%s] %s\n' "$NAME" "$*" >&2; }

# Stops a process this script started, by its PID: SIGTERM, up to 10 s, then SIGKILL.
stop_pid() {
  local pid=$1
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then return 0; fi
  log "stopping pid $pid"
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  return 0
}
