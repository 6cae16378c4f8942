#!/bin/bash
# Build the kiosk's Debian package from the built bundle, through the same staged tree install.sh
# makes (so the two ways of installing put the same files in the same places).
#
#   bash packaging/linux/build_deb.sh                    # dist/rls-kiosk -> dist/rls-kiosk_<v>_<arch>.deb
#   bash packaging/linux/build_deb.sh --bundle DIR --out DIR [--version V]
#
# The package owns the program (/opt/rls-kiosk), the `rls-kiosk` command, the systemd unit and
# the PAM file of the cage kiosk session. The clinic's settings (/etc/rls-kiosk) and data and
# content (/var/lib/rls-kiosk) are made by the maintainer scripts when missing and are never
# part of the package, so upgrades, removal and purge leave them alone (debian/postrm says so).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
bundle=$top/dist/rls-kiosk
out=$top/dist
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$top/kiosk/__init__.py")
while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) bundle=${2:?}; shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        --version) version=${2:?}; shift 2 ;;
        *) echo "build_deb.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -x "$bundle/rls-kiosk" ] || { echo "build_deb.sh: no bundle in $bundle; run packaging/build.py" >&2; exit 1; }

arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash "$here/install.sh" --bundle "$bundle" --destdir "$work/staged" --session cage >/dev/null
pkg=$work/pkg
install -d "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/lib/systemd/system" "$pkg/etc/pam.d" \
    "$pkg/usr/share/doc/rls-kiosk" "$pkg/usr/share/lintian/overrides"
cp -a "$work/staged/opt/rls-kiosk" "$pkg/opt/"
rm "$pkg/opt/rls-kiosk/uninstall.sh"  # dpkg removes the package; its scripts do the rest
# Shared libraries need no execute bit, and the build machine's Python leaves RUNPATHs to its own
# folders in its libraries, which must not be searched on a clinic PC ($ORIGIN ones stay).
find "$pkg/opt" -type f -name '*.so*' -exec chmod 0644 {} +
find "$pkg/opt" -type f -name '*.so*' -print0 | while IFS= read -r -d '' library; do
    case "$(patchelf --print-rpath "$library" 2>/dev/null || echo '$ORIGIN')" in
        ''|'$ORIGIN'*) ;;
        *) patchelf --remove-rpath "$library" ;;
    esac
done
cp "$work/staged/etc/systemd/system/rls-kiosk.service" "$pkg/lib/systemd/system/"
cp "$work/staged/etc/pam.d/rls-kiosk" "$pkg/etc/pam.d/"
ln -s /opt/rls-kiosk/rls-kiosk "$pkg/usr/bin/rls-kiosk"

for script in postinst prerm postrm; do
    install -m 0755 "$here/debian/$script" "$pkg/DEBIAN/$script"
done
install -m 0644 "$here/debian/conffiles" "$pkg/DEBIAN/conffiles"
installed_kb=$(du -sk --apparent-size "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$installed_kb/" \
    "$here/debian/control" > "$pkg/DEBIAN/control"
{ cat "$here/debian/copyright"; sed 's/^/ /; s/^ $/ ./' "$top/LICENSE"; } \
    > "$pkg/usr/share/doc/rls-kiosk/copyright"
sed "s/@VERSION@/$version/" "$here/debian/changelog" | gzip -9n \
    > "$pkg/usr/share/doc/rls-kiosk/changelog.gz"
install -m 0644 "$here/debian/lintian-overrides" "$pkg/usr/share/lintian/overrides/rls-kiosk"

mkdir -p "$out"
target="$out/rls-kiosk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$pkg" "$target" >/dev/null
echo "$target"
