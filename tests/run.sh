#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need when it is missing:
# Debian's Chromium for the browser tests, linux-source-6.12 for the kernel-citation
# tests of the machine, qemu-system-x86 for the QEMU backend's tests, and gcc for
# packing the native tool (they fail, never skip, without them).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# The browser tests launch this exact binary; axe-core comes with their NuGet packages.
[ -x /usr/bin/chromium ] || need+=(chromium)
# The tree the KVM profiles model; the tests extract the files rules cite from its tarball.
[ -f /usr/src/linux-source-6.12.tar.xz ] || need+=(linux-source-6.12)
# The QEMU backend runs scenarios on qemu-system-x86_64 found on PATH.
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
# The tool package test packs the native tool: ahead-of-time compilation links with the C toolchain
# (zlib comes with the runtime pack, linked statically).
command -v gcc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# The console logger at minimal prints each failing test with its message and stack, which a CI log needs.
dotnet test Errata.sln --nologo -v q --logger "console;verbosity=minimal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test project: 'N passed, N failed, N skipped'.
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  f += $(i+1) + 0
         if ($i == "Passed:")  p += $(i+1) + 0
         if ($i == "Skipped:") s += $(i+1) + 0
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
