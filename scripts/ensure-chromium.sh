#!/usr/bin/env bash
# Makes sure a Chromium the e2e suite and the Lighthouse benchmark can drive is present.
# Playwright's own browser download cannot work here (only the npm and Debian registries are
# reachable), so the suite drives the system Chromium: Debian's `chromium` package by default,
# or whatever CHROMIUM_PATH points at.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  echo "ensure-chromium: point it at a Chromium or Chrome binary (for example /usr/bin/chromium)." >&2
  exit 1
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium package with apt-get." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
  if [ -x "$CHROMIUM" ]; then
    exit 0
  fi
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi

cat >&2 <<MSG
ensure-chromium: no Chromium found at $CHROMIUM, and it cannot be installed automatically here
(that needs root and apt-get, as on Debian or Ubuntu CI machines).

Do one of these, then run the command again:
  - Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  - Fedora:         sudo dnf install chromium
  - macOS:          brew install --cask chromium   (or use an installed Google Chrome)
  - any system:     export CHROMIUM_PATH=/path/to/chromium-or-chrome
                    e.g. CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"

The e2e suite never downloads a browser of its own (no 'npx playwright install').
MSG
exit 1
