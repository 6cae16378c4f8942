#!/bin/bash
# Try the kiosk's .deb in a clean root, without touching this machine: install, run
# `rls-kiosk --version` and `doctor` from it, upgrade over the clinic's changed settings, content
# and data (kept), remove and purge (kept), then lintian (no errors). CI runs it after the build.
#
#   bash packaging/linux/check_deb.sh dist/rls-kiosk_<version>_<arch>.deb
#
# The clean root is an empty dpkg database (dpkg --root), with the maintainer scripts run
# outside it (--force-script-chrootless; they honour DPKG_ROOT) and the package's dependencies
# taken from this machine: seconds, where a debootstrap chroot takes minutes.
set -euo pipefail

deb=$(cd "$(dirname "${1:?the .deb to check}")" && pwd)/$(basename "$1")
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "check_deb.sh: FAILED: $*" >&2; exit 1; }
dpkg_root() { dpkg --root="$root" --force-script-chrootless --force-depends --log=/dev/null "$@" \
    2> >(grep -v -e 'dependency problems' -e 'depends on' -e 'is not installed' >&2); }

mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
started=$(date +%s)

dpkg_root -i "$deb" >/dev/null
program="$root/opt/rls-kiosk/rls-kiosk"
conf="$root/etc/rls-kiosk/kiosk.toml"
data="$root/var/lib/rls-kiosk"
[ -f "$conf" ] && [ -d "$data/content/en" ] || fail "settings or content were not set up"
[ "$(readlink "$root/usr/bin/rls-kiosk")" = /opt/rls-kiosk/rls-kiosk ] || fail "no rls-kiosk command"
[ -f "$root/opt/rls-kiosk/THIRD-PARTY-NOTICES.txt" ] || fail "no THIRD-PARTY-NOTICES.txt"
"$program" --version | grep -q '^rls-kiosk ' || fail "--version"
echo "check_deb.sh: installed: $("$program" --version)"

# doctor on the installed settings, content and data folder, with a staff PIN set as IT would
# (offscreen: there is no screen here, which doctor reports as a warning only).
printf '%s\n' "# edited by the clinic" "content_dir = \"/var/lib/rls-kiosk/content\"" \
    "idle_timeout = 120" > "$conf"
export QT_QPA_PLATFORM=offscreen KIOSK_CONFIG="$conf" KIOSK_DATA_DIR="$data"
printf '13579\n13579\n' | "$program" set-pin >/dev/null
sed -i "s|^content_dir = .*|content_dir = \"$data/content\"|" "$conf"  # the root is not /
doctor=$("$program" doctor 2>&1) || fail "doctor says the installed kiosk is not ready:
$doctor"
# The shipped content still has the example clinic's details, which doctor warns about.
echo "$doctor" | grep -Eq "^  (OK|WARN) +content +$data/content: .*, 0 errors" \
    || fail "doctor did not read the installed content without errors: $doctor"
echo "check_deb.sh: doctor: ready ($(echo "$doctor" | grep -c '^  OK') checks OK)"
sed -i 's|^content_dir = .*|content_dir = "/var/lib/rls-kiosk/content"|' "$conf"

# Upgrade (the same package again: prerm upgrade, postinst configure with the old version).
echo "Edited by staff." >> "$data/content/en/01-what-is-rls.md"
echo "engagement" > "$data/engagement.sqlite3"
dpkg_root -i "$deb" >/dev/null
grep -q "idle_timeout = 120" "$conf" || fail "the upgrade replaced the clinic's settings"
grep -q "Edited by staff." "$data/content/en/01-what-is-rls.md" || fail "the upgrade replaced the content"
[ -f "$data/engagement.sqlite3" ] || fail "the upgrade lost the engagement data"
echo "check_deb.sh: upgrade kept settings, content and data"

dpkg_root -r rls-kiosk >/dev/null
[ ! -e "$program" ] || fail "remove left the program"
grep -q "idle_timeout = 120" "$conf" && [ -f "$data/engagement.sqlite3" ] \
    || fail "remove deleted the clinic's settings or data"
dpkg_root -P rls-kiosk >/dev/null
grep -q "idle_timeout = 120" "$conf" && grep -q "Edited by staff." "$data/content/en/01-what-is-rls.md" \
    || fail "purge deleted the clinic's settings or content"
echo "check_deb.sh: remove and purge kept settings, content and data ($(( $(date +%s) - started )) s)"

started=$(date +%s)
lint=$(lintian --fail-on error "$deb" 2>&1 | grep -v 'running with root') \
    || fail "lintian found errors:
$(echo "$lint" | grep '^E:')"
echo "check_deb.sh: lintian: no errors, $(echo "$lint" | grep -c '^W:') warnings" \
    "($(( $(date +%s) - started )) s)"
