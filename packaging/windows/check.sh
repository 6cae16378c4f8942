#!/usr/bin/env bash
# Install, run, upgrade and uninstall the Windows kiosk in a fresh wine prefix, as a clinic's IT
# would on a Windows PC, and print a table of what was checked. Exit 1 on any failure.
#
#   packaging/windows/build.sh && packaging/windows/check.sh
#
# Runs under its own Xvfb (setup and the windowed kiosk need a display). The prefix gets the
# two test-only stand-in DLLs of wine-stand-ins/ (wine lacks them; every Windows 10/11 has
# them); they never enter the bundle or the installer. INSTALL.md ("Checked in CI under wine")
# lists these steps one for one.
set -uo pipefail
# shellcheck source=packaging/windows/wine-lib.sh
source "$(dirname "$0")/wine-lib.sh"
if [ -z "${RLS_CHECK_IN_XVFB:-}" ]; then
    RLS_CHECK_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" "$0" "$@"
fi
cd "$ROOT"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kiosk/__init__.py)
SETUP="$ROOT/dist/rls-kiosk-$VERSION-setup.exe"
APP_ID="{66F3CDF1-B784-4FFD-84A6-92C4AF55CAE0}_is1"
UNINSTALL_KEY="Uninstall\\\\$APP_ID"  # as a pattern for setup's logs
TASK_FAILED_EXIT=10  # setup's exit code when the logon task could not be created
FOLDER_FAILED_EXIT=11  # ... when the data folder's permissions could not be set
BOTH_FAILED_EXIT=12  # ... both
for python in "${RLS_LINUX_PYTHON:-}" "$ROOT/.venv-ci/bin/python" "$ROOT/.venv/bin/python"; do
    [ -n "$python" ] && [ -x "$python" ] && break
done
[ -f "$SETUP" ] || die "$SETUP is missing: run packaging/windows/build.sh first"
[ -x "$python" ] || die "no Linux venv with the kiosk to compare previews with (.venv-ci, .venv)"

results=()
failures=0
work=$(mktemp -d /tmp/rls-kiosk-wine-check.XXXXXX)
sup_pid=""
cleanup() {
    [ -n "$sup_pid" ] && kill "$sup_pid" 2>/dev/null
    end_prefix
    [ "$failures" -gt 0 ] || rm -rf "$work"
}
trap cleanup EXIT
DRIVE="$work/prefix/drive_c"
PROGRAM="$DRIVE/Program Files/rls-kiosk"
DATA="$DRIVE/ProgramData/rls-kiosk"
MENU="$DRIVE/ProgramData/Microsoft/Windows/Start Menu/Programs/RLS kiosk"

record() {  # record PASS|FAIL WHAT [DETAIL]
    results+=("$1|$2|${3:-}")
    [ "$1" = PASS ] || failures=$((failures + 1))
    echo "$1: $2${3:+ ($3)}"
}
expect() {  # expect WHAT COMMAND...: PASS when the command succeeds
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then record PASS "$what"; else record FAIL "$what"; fi
}
kiosk() {  # kiosk ARGS...: the installed console program, offscreen, output in $work/out
    QT_QPA_PLATFORM=offscreen win "$PROGRAM/rls-kiosk.exe" "$@" >"$work/out" 2>&1
}
has() { grep -aqE "$1" "${2:-$work/out}"; }
has_text() { grep -aqF -- "$1" "$2"; }  # has_text TEXT FILE: TEXT as it is, no pattern
no_traceback() { ! grep -aq "Traceback" "${1:-$work/out}"; }
install() {  # install LOG: silent setup; its exit code in $setup_code
    setup_code=0
    win "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /KIOSKUSER=kiosk "/LOG=C:\\$1" \
        >"$work/setup.out" 2>&1 || setup_code=$?
}
logon_task_reported() {  # the log has schtasks' exit code; setup's own code says the same
    local log="$DRIVE/$1"
    has "Logon task: schtasks /Create .* exited with code" "$log" || return 1
    if has "exited with code 0$" "$log"; then
        [ "$setup_code" -eq 0 ]
    else  # wine's schtasks rejects /SC: a real failure, which setup must report
        [ "$setup_code" -eq "$TASK_FAILED_EXIT" ] && has "Logon task NOT created" "$log"
    fi
}
data_folder_restricted() {  # LOG: setup ran the three icacls commands on the data folder and
    # kiosk.toml with well-known SIDs and the kiosk account, each exit code 0, and said nothing
    # failed (wine's icacls is a stub that changes nothing: the log is what can be checked here)
    local log="$DRIVE/$1" ran="Data folder permissions: icacls \"C:\\ProgramData\\rls-kiosk"
    local grants='"*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F" "kiosk:(OI)(CI)M"'
    local every_account='*S-1-5-32-545 *S-1-1-0 *S-1-5-11 *S-1-5-4'
    has_text "$ran\" /inheritance:r /grant:r $grants exited with code 0" "$log" &&
        has_text "$ran\" /remove:g $every_account exited with code 0" "$log" &&
        has_text "$ran\\kiosk.toml*\" /reset exited with code 0" "$log" &&
        ! has "Data folder permissions NOT set" "$log" &&
        [ "$setup_code" -ne "$FOLDER_FAILED_EXIT" ] && [ "$setup_code" -ne "$BOTH_FAILED_EXIT" ]
}
heartbeats() {  # heartbeats N SECONDS: the kiosk's heartbeat counter reaches N in time
    local deadline=$((SECONDS + $2)) count
    while [ $SECONDS -lt $deadline ]; do
        count=$(cut -d' ' -f2 "$DATA/heartbeat" 2>/dev/null || true)
        [ -n "$count" ] && [ "$count" -ge "$1" ] && return 0
        sleep 1
    done
    return 1
}
gone() {  # gone FILE SECONDS: wait until FILE no longer exists
    local deadline=$((SECONDS + $2))
    while [ -e "$1" ]; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 1
    done
}

step "Fresh wine prefix"
new_prefix "$work/prefix"

step "Install: setup.exe /VERYSILENT /SUPPRESSMSGBOXES /KIOSKUSER=kiosk"
install setup-1.log
expect "setup installs silently (exit code $setup_code)" \
    test "$setup_code" -eq 0 -o "$setup_code" -eq "$TASK_FAILED_EXIT"
expect "setup checks schtasks' exit code and says so (log, exit code $setup_code)" \
    logon_task_reported setup-1.log
expect "setup gives the data folder to the kiosk account, Administrators, SYSTEM (icacls, log)" \
    data_folder_restricted setup-1.log
expect "program files: rls-kiosk.exe, rls-kiosk-w.exe, _internal, INSTALL.md" \
    test -f "$PROGRAM/rls-kiosk.exe" -a -f "$PROGRAM/rls-kiosk-w.exe" \
    -a -d "$PROGRAM/_internal" -a -f "$PROGRAM/INSTALL.md"
expect "no stand-in DLL in the program folder" \
    test -z "$(find "$PROGRAM" -iname icuuc.dll -o -iname bcryptprimitives.dll)"
expect "content copied to C:\\ProgramData\\rls-kiosk\\content (en, es)" \
    test -d "$DATA/content/en" -a -d "$DATA/content/es"
expect "kiosk.toml names that content folder, once" \
    test "$(grep -ac "^content_dir = 'C:\\\\ProgramData\\\\rls-kiosk\\\\content'" \
            "$DATA/kiosk.toml")" -eq 1
expect "Start menu: 4 shortcuts" test "$(find "$MENU" -name '*.lnk' | wc -l)" -eq 4
expect "uninstall entry: written to the registry (log), unins000.exe in place" \
    eval 'has "Writing uninstall key values" "$DRIVE/setup-1.log" &&
          has "new uninstall key: .*$UNINSTALL_KEY" "$DRIVE/setup-1.log" &&
          test -f "$PROGRAM/unins000.exe"'

step "The installed program's commands"
kiosk --version
expect "rls-kiosk.exe --version says rls-kiosk $VERSION" has "^rls-kiosk $VERSION"
kiosk validate
expect "validate: 0 errors on the installed content" test $? -eq 0
printf '2468\r\n2468\r\n' | QT_QPA_PLATFORM=offscreen wine "$PROGRAM/rls-kiosk.exe" set-pin 2>&1 \
    | cat >"$work/out"
expect "set-pin with piped input writes one staff_pin_hash to kiosk.toml" \
    test "$(grep -ac '^staff_pin_hash = ' "$DATA/kiosk.toml")" -eq 1
# Wine's icacls changes nothing, and wine gives a file the access list of its Unix mode: 0644
# is read for Everyone, which doctor must report; 0600 (below) is the kiosk's own account only.
chmod 644 "$DATA/kiosk.toml"
kiosk doctor
cp "$work/out" "$work/doctor.out"
expect "doctor: staff PIN set, kiosk.toml readable by Everyone (mode 0644 under wine) is a WARN" \
    has "WARN +staff PIN +set, but .*kiosk.toml .*readable by Everyone"
expect "doctor: settings read without a finding" has "OK +settings .*kiosk.toml is valid"
expect "doctor: the kiosk's font is loaded" has "OK +fonts +Atkinson Hyperlegible loaded"
expect "doctor: reports the logon task (none under wine) and the kiosk account" \
    bash -c "grep -aqE 'WARN +logon task +no task' '$work/out' &&
             grep -aq ' kiosk account ' '$work/out'"
expect "doctor: QtTextToSpeech loads, with the SAPI and WinRT engines" \
    has "read-aloud .*engines here: .*(winrt.*sapi|sapi.*winrt)"
expect "doctor: no traceback" no_traceback
sed 's/^/    /' "$work/doctor.out"
chmod 600 "$DATA/kiosk.toml"
kiosk doctor
expect "doctor: staff PIN set, kiosk.toml not readable by every account (mode 0600) is OK" \
    has "OK +staff PIN +set; .*kiosk.toml is not readable by Users, Everyone"

step "Preview of every screen in both languages, compared with Linux"
kiosk preview --out 'C:\preview' --size 1366x768 --lang all
expect "preview under wine exits 0" test $? -eq 0
QT_QPA_PLATFORM=offscreen "$python" -m kiosk preview --out "$work/linux-preview" \
    --size 1366x768 --lang all >/dev/null 2>&1
windows_screens=$(cd "$DRIVE/preview" 2>/dev/null && ls ./*.png | sort)
linux_screens=$(cd "$work/linux-preview" && ls ./*.png | sort)
expect "the same $(wc -l <<<"$linux_screens") screens as on Linux (en and es)" \
    test -n "$linux_screens" -a "$windows_screens" = "$linux_screens"
expect "every PNG is 1366x768 and not blank" \
    env QT_QPA_PLATFORM=offscreen "$python" "$WIN_DIR/pngs_drawn.py" 1366x768 "$DRIVE/preview"

step "The kiosk itself: rls-kiosk-w.exe supervise under Xvfb"
rm -f "$DATA/heartbeat"
(cd "$work" && wine "$PROGRAM/rls-kiosk-w.exe" supervise </dev/null 2>&1 | cat >"$work/supervise.out") &
sup_pid=$!
expect "supervise starts the kiosk; its heartbeat counts (2 beats within 120 s)" heartbeats 2 120
expect "the supervisor logged the kiosk's start" has "Kiosk started" "$DATA/logs/supervisor.log"
kiosk report
expect "report on the data folder the kiosk wrote (exit 0, no traceback)" \
    eval "[ $? -eq 0 ] && no_traceback"
# Wine's taskkill finds no process by name, so setup cannot stop the kiosk here (on Windows it
# does): stop every program of this prefix, then start its services again.
end_prefix
expect "the kiosk stops with its prefix" timeout 60 bash -c "while kill -0 $sup_pid; do sleep 1; done"
sup_pid=""
wine_up

step "Upgrade over the installed kiosk"
page=$(find "$DATA/content/en" -name '*.md' | sort | head -1)
echo "Edited by the clinic." >> "$page"
settings_before=$(sha256sum < "$DATA/kiosk.toml")
install setup-2.log
expect "upgrade installs silently (exit code $setup_code)" \
    test "$setup_code" -eq 0 -o "$setup_code" -eq "$TASK_FAILED_EXIT"
expect "upgrade sets the data folder's permissions again (icacls, log)" \
    data_folder_restricted setup-2.log
expect "upgrade runs taskkill for a running kiosk first (log)" \
    has "Stopping a running kiosk: taskkill exited with code [0-9]+" "$DRIVE/setup-2.log"
expect "upgrade keeps kiosk.toml as it was (PIN, content_dir; no line twice)" \
    test "$(sha256sum < "$DATA/kiosk.toml")" = "$settings_before"
expect "upgrade keeps the clinic's content edits" has "^Edited by the clinic.$" "$page"
expect "upgrade: rls-kiosk.exe --version still runs" kiosk --version

step "Uninstall: unins000.exe /VERYSILENT"
win "$PROGRAM/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES '/LOG=C:\uninstall.log' \
    >"$work/uninstall.out" 2>&1
expect "uninstall removes the program" gone "$PROGRAM/rls-kiosk.exe" 90
sleep 2  # the uninstaller finishes its log after the files
expect "uninstall runs schtasks /Delete for the logon task (log)" \
    has 'schtasks\.exe.*|Parameters: /Delete /F /TN "RLS kiosk"' "$DRIVE/uninstall.log"
expect "uninstall removes the uninstall entry (log)" \
    has "Deleting registry key: .*$UNINSTALL_KEY" "$DRIVE/uninstall.log"
expect "uninstall removes the Start menu shortcuts" test ! -e "$MENU"
expect "uninstall keeps the data folder: settings, content, heartbeat" \
    test -f "$DATA/kiosk.toml" -a -f "$page" -a -f "$DATA/heartbeat"

step "Results"
printf '\n%-5s %s\n' "" "packaging/windows/check.sh: $SETUP in a fresh wine prefix"
for row in "${results[@]}"; do
    IFS='|' read -r status what detail <<<"$row"
    printf '%-5s %s%s\n' "$status" "$what" "${detail:+ ($detail)}"
done
if [ "$failures" -gt 0 ]; then
    echo "check.sh: $failures check(s) FAILED; setup's logs and outputs are in $work" >&2
    for log in setup-1.log setup-2.log uninstall.log; do
        [ -f "$DRIVE/$log" ] && { echo "--- $log"; tail -40 "$DRIVE/$log"; }
    done
    exit 1
fi
echo "check.sh: all ${#results[@]} checks passed"
