#!/bin/bash
# Install (or upgrade) the RLS waiting-room kiosk on Debian 12 / Ubuntu 22.04 or newer.
#
#   sudo ./install.sh                      # kiosk session: cage on tty1, starts at boot
#   sudo ./install.sh --session desktop --user clinic   # start at login to a normal desktop
#   ./install.sh --destdir /tmp/root       # files only, into a staging folder (no root needed)
#
# Where things go (the same on every kiosk; INSTALL.md explains why):
#   /opt/rls-kiosk/                 the program (replaced on every upgrade)
#   /usr/local/bin/rls-kiosk        link to it, for `rls-kiosk doctor` and friends
#   /etc/rls-kiosk/kiosk.toml       settings (kept; content_dir added if missing)
#   /var/lib/rls-kiosk/             data: engagement database, logs, heartbeat (kept)
#   /var/lib/rls-kiosk/content/     the content staff edit (copied from the program once)
#   /etc/systemd/system/rls-kiosk.service, /etc/pam.d/rls-kiosk   the cage kiosk session
#   ~USER/.config/autostart/rls-kiosk.desktop                      --session desktop only
set -euo pipefail

PREFIX=/opt/rls-kiosk
CONF=/etc/rls-kiosk
DATA=/var/lib/rls-kiosk
UNIT=/etc/systemd/system/rls-kiosk.service
PAM=/etc/pam.d/rls-kiosk
SLEEP_TARGETS="sleep.target suspend.target hibernate.target hybrid-sleep.target"
RUNTIME_DEPS="libegl1 libgl1 libfontconfig1 fonts-dejavu-core libxkbcommon0 libdbus-1-3
  libwayland-client0 libwayland-cursor0 libwayland-egl1"
X11_DEPS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xkb1"

here=$(cd "$(dirname "$0")" && pwd)
bundle=""
user=rls-kiosk
session=cage
destdir="${DESTDIR:-}"
install_deps=1
allow_sleep=0

die() { echo "install.sh: $*" >&2; exit 1; }
say() { echo "install.sh: $*"; }

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --bundle DIR        the built program folder (default: ./rls-kiosk beside this script,
                      or dist/rls-kiosk in a source checkout)
  --session KIND      cage (default): the kiosk is the whole screen, from boot
                      desktop: start the kiosk when --user logs in to a desktop
                      none: install the program only
  --user NAME         account the kiosk runs as (default rls-kiosk, created if missing;
                      --session desktop needs an existing account with a home folder)
  --destdir DIR       install into DIR as if it were / (also DESTDIR=); no packages, users
                      or services are touched
  --no-deps           do not apt-get install cage and the libraries Qt needs
  --allow-sleep       do not switch off suspend and hibernate (cage session)
EOF
}

while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) bundle=${2:?}; shift 2 ;;
        --session) session=${2:?}; shift 2 ;;
        --user) user=${2:?}; shift 2 ;;
        --destdir) destdir=${2:?}; shift 2 ;;
        --no-deps) install_deps=0; shift ;;
        --allow-sleep) allow_sleep=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done

case "$session" in cage|desktop|none) ;; *) die "--session must be cage, desktop or none" ;; esac
if [ -z "$bundle" ]; then
    for candidate in "$here/rls-kiosk" "$here/../../dist/rls-kiosk"; do
        if [ -x "$candidate/rls-kiosk" ]; then bundle=$(cd "$candidate" && pwd); break; fi
    done
fi
[ -n "$bundle" ] && [ -x "$bundle/rls-kiosk" ] || die "no built program found; build it with \
\`python3 packaging/build.py\` or pass --bundle DIR"
[ -d "$bundle/_internal/content" ] || die "$bundle has no _internal/content; is it the kiosk?"

live=1
if [ -n "$destdir" ]; then
    live=0
    mkdir -p "$destdir"
    destdir=$(cd "$destdir" && pwd)
elif [ "$(id -u)" -ne 0 ]; then
    die "run as root (sudo ./install.sh), or use --destdir to stage the files"
fi
root=$destdir  # "" on a live install

run_live() { if [ "$live" -eq 1 ]; then "$@"; fi; }

# --- packages and the account -------------------------------------------------------------
if [ "$live" -eq 1 ] && [ "$install_deps" -eq 1 ]; then
    packages="$RUNTIME_DEPS"
    # cage (0.1.4 in Debian 12) refuses to start without Xwayland, though it does not depend on it.
    [ "$session" = cage ] && packages="$packages cage xwayland"
    [ "$session" = desktop ] && packages="$packages $X11_DEPS"
    say "installing system packages: $(echo $packages)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages
fi

created_user=0
home=""
if [ "$live" -eq 1 ]; then
    if ! id "$user" >/dev/null 2>&1; then
        [ "$session" = desktop ] && die "account $user does not exist; create it (with a \
desktop login) first, or choose another with --user"
        say "creating the system account $user"
        useradd --system --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin \
            --user-group "$user"
        created_user=1
    fi
    for group in video input render; do
        getent group "$group" >/dev/null && usermod -a -G "$group" "$user"
    done
    home=$(getent passwd "$user" | cut -d: -f6)
else
    home=/home/$user
fi
group=$(run_live id -gn "$user" || echo "$user")

# --- the program --------------------------------------------------------------------------
was_running=0
if [ "$live" -eq 1 ] && systemctl is-active --quiet rls-kiosk.service 2>/dev/null; then
    say "stopping the running kiosk for the upgrade"
    systemctl stop rls-kiosk.service
    was_running=1
fi
mkdir -p "$root$(dirname "$PREFIX")"
rm -rf "$root$PREFIX.new"
cp -a "$bundle" "$root$PREFIX.new"
cp "$here/uninstall.sh" "$root$PREFIX.new/uninstall.sh"
for doc in "$here/INSTALL.md" "$here/../../INSTALL.md"; do
    if [ -f "$doc" ]; then cp "$doc" "$root$PREFIX.new/INSTALL.md"; break; fi
done
rm -rf "$root$PREFIX"
mv "$root$PREFIX.new" "$root$PREFIX"
mkdir -p "$root/usr/local/bin"
ln -sfn "$PREFIX/rls-kiosk" "$root/usr/local/bin/rls-kiosk"
say "program installed in $PREFIX"
[ ! -f "$root$PREFIX/THIRD-PARTY-NOTICES.txt" ] \
    || say "licences of everything it carries: $PREFIX/THIRD-PARTY-NOTICES.txt"

# --- data and the content staff edit (never overwritten) ----------------------------------
mkdir -p "$root$DATA"
if [ ! -d "$root$DATA/content" ]; then
    cp -a "$root$PREFIX/_internal/content" "$root$DATA/content"
    say "content copied to $DATA/content (staff edit it there)"
else
    say "content in $DATA/content kept; the new version's content is in $PREFIX/_internal/content"
fi
run_live chown -R "$user:$group" "$DATA"
chmod 0750 "$root$DATA"

# --- settings (kept; content_dir added when missing) --------------------------------------
mkdir -p "$root$CONF"
settings="$root$CONF/kiosk.toml"
if [ ! -f "$settings" ]; then
    printf '%s\n' "# RLS kiosk settings (README.md lists every key). Written by install.sh." \
        "content_dir = \"$DATA/content\"" > "$settings"
    say "settings written to $CONF/kiosk.toml"
elif ! grep -Eq '^[[:space:]]*content_dir[[:space:]]*=' "$settings"; then
    # First line, so it can never land inside a [table] further down.
    { echo "content_dir = \"$DATA/content\""; cat "$settings"; } > "$settings.new"
    mv "$settings.new" "$settings"
    say "content_dir added to the existing $CONF/kiosk.toml"
else
    say "settings in $CONF/kiosk.toml kept"
fi
# The kiosk account changes settings from staff mode (PIN, text size), so it may write here.
# Only it and root read them: the file holds the staff PIN's hash, and a 4-digit PIN's hash is
# cracked offline in minutes by anyone who can read it.
run_live chown root:"$group" "$CONF" "$settings"
chmod 2770 "$root$CONF"
chmod 0660 "$settings"
[ ! -f "$settings.bak" ] || chmod 0660 "$settings.bak"

# --- how it starts -------------------------------------------------------------------------
state="$root$CONF/install-state"
touch "$state"
set_state() { grep -v "^$1=" "$state" > "$state.new" || true; echo "$1=$2" >> "$state.new"; mv "$state.new" "$state"; }
set_state user "$user"
set_state session "$session"
[ "$created_user" -eq 1 ] && set_state created_user "$user"

if [ "$session" = cage ]; then
    mkdir -p "$root$(dirname "$UNIT")" "$root$(dirname "$PAM")"
    sed "s/^User=rls-kiosk$/User=$user/" "$here/rls-kiosk.service" > "$root$UNIT"
    cp "$here/rls-kiosk.pam" "$root$PAM"
    chmod 0644 "$root$UNIT" "$root$PAM"
    if [ "$live" -eq 1 ]; then
        if systemctl is-enabled --quiet display-manager.service 2>/dev/null; then
            say "WARNING: a desktop login screen (display-manager.service) is enabled; the" \
                "kiosk takes tty1 anyway. Disable it for a dedicated kiosk, or reinstall with" \
                "--session desktop."
        fi
        systemctl daemon-reload
        systemctl enable rls-kiosk.service
        systemctl set-default graphical.target
        if [ "$allow_sleep" -eq 0 ]; then
            systemctl mask $SLEEP_TARGETS
            set_state masked_sleep 1
            say "suspend and hibernate switched off (uninstall.sh switches them back on)"
        fi
    fi
    say "kiosk session installed: $UNIT (cage on tty1, as $user)"
elif [ "$session" = desktop ]; then
    autostart="$root$home/.config/autostart"
    mkdir -p "$autostart"
    cp "$here/rls-kiosk-autostart.desktop" "$autostart/rls-kiosk.desktop"
    run_live chown -R "$user:$group" "$home/.config/autostart"
    say "the kiosk starts when $user logs in ($home/.config/autostart/rls-kiosk.desktop);" \
        "turn on automatic login for $user in the desktop's settings"
fi

if [ "$live" -eq 1 ] && [ "$session" = cage ]; then
    systemctl restart rls-kiosk.service
    say "kiosk started on tty1"
elif [ "$was_running" -eq 1 ]; then
    systemctl start rls-kiosk.service
fi
say "done. Check it with: sudo -u $user rls-kiosk doctor"
