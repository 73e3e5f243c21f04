#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine (as root) and starts PostgreSQL on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=()
# clamav: the virus-scan check (its tests build their own signature database); mediainfo: audio and video headers.
for p in postgresql chromium fonts-noto-cjk fonts-noto-core fonts-wqy-zenhei poppler-utils clamav mediainfo; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
.ci/start-postgres.sh
dotnet tool restore >/dev/null
dotnet restore Lantai.slnx >/dev/null
