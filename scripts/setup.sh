#!/usr/bin/env bash
# Installs what a fresh machine lacks for building and testing: npm packages, and a Chromium and a
# Firefox (firefox-esr) for the end-to-end tests (Debian's packages; browsers are never downloaded
# by the tests themselves).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-fund --no-audit
fi

have_chromium() {
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] && return 0
  for p in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /snap/bin/chromium; do
    [ -x "$p" ] && return 0
  done
  return 1
}

if ! have_chromium; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing Debian's chromium for the end-to-end tests…"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "No Chromium found and no apt-get: install Chromium and set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
have_firefox() {
  [ -n "${FIREFOX_PATH:-}" ] && [ -x "${FIREFOX_PATH}" ] && return 0
  for p in /usr/bin/firefox-esr /usr/bin/firefox; do
    [ -x "$p" ] && return 0
  done
  return 1
}

# Mesa's EGL and llvmpipe: headless Firefox without a GPU gets WebGL (the photo check's hand model)
# only over EGL (tests/e2e/firefox-harness.ts); firefox-esr does not depend on them.
have_mesa_egl() {
  compgen -G '/usr/lib/*/libEGL_mesa.so.0' >/dev/null || compgen -G '/usr/lib*/libEGL_mesa.so.0' >/dev/null
}

if ! have_firefox || ! have_mesa_egl; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing Debian's firefox-esr (and Mesa EGL) for the Firefox end-to-end tests…"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr libegl1 libegl-mesa0 libgl1-mesa-dri >/dev/null
  else
    echo "No Firefox or no Mesa EGL found and no apt-get: install Firefox (ESR 140 or later, set FIREFOX_PATH) and Mesa's EGL." >&2
    exit 1
  fi
fi
command -v openssl >/dev/null 2>&1 || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq openssl >/dev/null; }
