#!/usr/bin/env bash
# The whole test suite from a fresh clone with only Node 20 and npm:
# installs the pinned pnpm through npx, the dependencies from the lockfile,
# then format check, lint, typecheck and every package's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
pnpm() { npx --yes "pnpm@${PNPM_VERSION}" "$@"; }
pnpm install --frozen-lockfile
# strongSwan and OpenVPN for the tests that prove peer and client configurations (as root).
bash scripts/ensure-daemons.sh
pnpm run verify
