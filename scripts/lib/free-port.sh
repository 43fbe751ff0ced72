#!/usr/bin/env bash
# free-port.sh [PREFERRED]: prints PREFERRED if nothing listens there, else a free loopback port.
set -euo pipefail
if [ -n "${1:-}" ] && ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
  echo "$1"
  exit 0
fi
node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
