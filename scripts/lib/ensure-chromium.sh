#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing (Playwright's own browser
# download is not used). CI runs as root on a fresh Debian machine.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
echo "Installing Debian's chromium for the browser tests..."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
