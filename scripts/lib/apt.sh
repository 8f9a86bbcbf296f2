#!/usr/bin/env bash
# Sourced (`. scripts/lib/apt.sh`): ensure_apt CMD:PACKAGE... installs each
# Debian PACKAGE whose command CMD is missing, with one `apt-get update`
# before the first install of the run. Needs root (CI and the project's
# machines run as root); services the packages ship are not started
# (policy-rc.d), so installing nginx or haproxy opens no port.

ensure_apt() {
    local want=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || want+=("${pair#*:}")
    done
    [ "${#want[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "apt: missing ${want[*]}; install them (apt-get install ${want[*]}) or run as root" >&2
        return 1
    fi
    echo "apt: installing ${want[*]}" >&2
    local policy=/usr/sbin/policy-rc.d made=
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made=1
    fi
    local code=0
    if [ -z "${RGYM_APT_UPDATED:-}" ]; then
        apt-get -q update -o DPkg::Lock::Timeout=300 >&2 || code=$?
        export RGYM_APT_UPDATED=1
    fi
    [ "$code" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get -q install -y \
        --no-install-recommends -o DPkg::Lock::Timeout=300 "${want[@]}" >&2 || code=$?
    [ -n "$made" ] && rm -f "$policy"
    return "$code"
}
