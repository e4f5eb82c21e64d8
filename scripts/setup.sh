#!/usr/bin/env bash
# Installs what aesh needs on a fresh Debian machine (run as root): GNU readline, OpenBLAS, gnuplot, SQLite
# (and python3-venv where python3 cannot make a virtualenv).
# Idempotent and quiet when everything is already there.
set -euo pipefail

# libsqlite3-dev: the run log (aesh-runs.sqlite) goes through GRDB, which links the system SQLite.
packages=(libreadline-dev libopenblas-dev gnuplot-nox libsqlite3-dev)
# The ONNX export tests run the real clients from a virtualenv (scripts/test.sh makes it).
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    packages+=(python3 python3-venv)
fi
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    echo "setup: installing ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        echo "setup: need root to install ${missing[*]} (try: sudo $0)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: the Swift toolchain (swift) is not on PATH; install Swift 6 from swift.org" >&2
    exit 1
fi
