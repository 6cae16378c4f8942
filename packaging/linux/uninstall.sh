#!/bin/bash
# Remove the RLS waiting-room kiosk. Settings, content and engagement data are kept unless
# --purge is given, so a reinstall carries on where the old one stopped.
#
#   sudo /opt/rls-kiosk/uninstall.sh            # remove the program and the kiosk session
#   sudo /opt/rls-kiosk/uninstall.sh --purge    # ... and /etc/rls-kiosk and /var/lib/rls-kiosk
#   ./uninstall.sh --destdir /tmp/root          # the same inside a staging folder
set -euo pipefail

PREFIX=/opt/rls-kiosk
CONF=/etc/rls-kiosk
DATA=/var/lib/rls-kiosk
UNIT=/etc/systemd/system/rls-kiosk.service
PAM=/etc/pam.d/rls-kiosk
SLEEP_TARGETS="sleep.target suspend.target hibernate.target hybrid-sleep.target"

purge=0
destdir="${DESTDIR:-}"
die() { echo "uninstall.sh: $*" >&2; exit 1; }
say() { echo "uninstall.sh: $*"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --purge) purge=1; shift ;;
        --destdir) destdir=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done

live=1
if [ -n "$destdir" ]; then
    live=0
    [ -d "$destdir" ] || die "$destdir does not exist"
elif [ "$(id -u)" -ne 0 ]; then
    die "run as root (sudo), or use --destdir"
fi
root=$destdir
state="$root$CONF/install-state"
get_state() { if [ -f "$state" ]; then sed -n "s/^$1=//p" "$state" | tail -1; fi; }
user=$(get_state user)
user=${user:-rls-kiosk}

if [ "$live" -eq 1 ]; then
    systemctl disable --now rls-kiosk.service 2>/dev/null || true
    if [ "$(get_state masked_sleep)" = 1 ]; then
        systemctl unmask $SLEEP_TARGETS
        say "suspend and hibernate allowed again"
    fi
    home=$(getent passwd "$user" | cut -d: -f6 || true)
else
    home=/home/$user
fi
rm -f "$root$UNIT" "$root$PAM" "$root/usr/local/bin/rls-kiosk"
if [ -n "$home" ]; then rm -f "$root$home/.config/autostart/rls-kiosk.desktop"; fi
[ "$live" -eq 1 ] && systemctl daemon-reload
rm -rf "$root$PREFIX"
say "program and kiosk session removed"

if [ "$purge" -eq 1 ]; then
    created=$(get_state created_user)
    rm -rf "$root$CONF" "$root$DATA"
    if [ "$live" -eq 1 ] && [ -n "$created" ] && id "$created" >/dev/null 2>&1; then
        userdel "$created" || say "could not remove the account $created; remove it by hand"
    fi
    say "settings, content and data removed (--purge)"
else
    sed -i '/^masked_sleep=/d' "$state" 2>/dev/null || true
    say "kept: settings in $CONF, content and data in $DATA (remove them with --purge)"
fi
