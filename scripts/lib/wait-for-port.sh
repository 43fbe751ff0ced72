#!/usr/bin/env bash
# wait-for-port.sh PORT [SECONDS] [PID]: succeeds once something listens on 127.0.0.1:PORT;
# fails after SECONDS (default 30), or at once if process PID exits first.
set -euo pipefail
port=$1
limit=${2:-30}
pid=${3:-}
deadline=$((SECONDS + limit))
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
    echo "The process that should listen on 127.0.0.1:$port has exited." >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "Nothing listened on 127.0.0.1:$port within $limit s" >&2
    exit 1
  fi
  sleep 0.1
done
