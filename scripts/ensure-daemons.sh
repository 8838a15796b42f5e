#!/usr/bin/env bash
# Makes sure the real daemons that prove exported configurations are present: strongSwan
# (charon + swanctl, kernel-libipsec from libcharon-extra-plugins, openssl from the standard
# plugins) and OpenVPN, plus iproute2 and ping for the network namespaces the tests build.
# As root with apt-get it installs what is missing; elsewhere it says what is missing and the
# daemon tests skip with that reason (they also skip where /dev/net/tun is absent).
set -euo pipefail

PACKAGES=(strongswan-charon strongswan-swanctl libcharon-extra-plugins
  libstrongswan-standard-plugins openvpn iputils-ping iproute2)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-daemons: installing ${missing[*]} with apt-get." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
  exit 0
fi

echo "ensure-daemons: missing ${missing[*]}; the real-daemon tests will skip and say why." >&2
echo "ensure-daemons: on Debian/Ubuntu as root: apt-get install -y ${missing[*]}" >&2
exit 0
