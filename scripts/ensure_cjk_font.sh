#!/usr/bin/env bash
# Make sure a CJK (Chinese) font is installed, so charts label 第12项 新增贷款 without boxes.
#
# Idempotent and quick when a font is already there. Installs Debian's fonts-wqy-microhei
# (文泉驿微米黑) when running as root with apt-get; otherwise prints how to install one.
# Never fails the build: without a font the chart tests fail with their own message.
set -u

PACKAGE="fonts-wqy-microhei"
KNOWN_FILES=(
    /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
    /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
    /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
    /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
)

have_cjk_font() {
    local f
    for f in "${KNOWN_FILES[@]}"; do
        [ -f "$f" ] && return 0
    done
    if command -v fc-list >/dev/null 2>&1; then
        [ -n "$(fc-list :lang=zh file 2>/dev/null | head -n 1)" ] && return 0
        return 1
    fi
    # No fontconfig: look for the usual CJK font file names.
    find /usr/share/fonts /usr/local/share/fonts -type f \
        \( -iname '*cjk*' -o -iname 'wqy*' -o -iname '*droidsansfallback*' \
        -o -iname '*sourcehan*' -o -iname '*simhei*' -o -iname '*simsun*' \) \
        2>/dev/null | grep -q .
}

if have_cjk_font; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure_cjk_font: no CJK font found; installing ${PACKAGE} with apt-get" >&2
    if DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGE}" >/dev/null; then
        command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1
        if have_cjk_font; then
            echo "ensure_cjk_font: installed ${PACKAGE}" >&2
            exit 0
        fi
    fi
    echo "ensure_cjk_font: WARNING: installing ${PACKAGE} failed" >&2
else
    echo "ensure_cjk_font: WARNING: no CJK font found and cannot install one here" \
        "(needs root and apt-get)" >&2
fi
cat >&2 <<EOF
ensure_cjk_font: charts need a font with Chinese glyphs. Install one, e.g.
    sudo apt-get install fonts-wqy-microhei        # Debian/Ubuntu
    sudo dnf install wqy-microhei-fonts            # Fedora
    brew install --cask font-noto-sans-cjk-sc      # macOS
or copy any CJK .ttf/.ttc/.otf into ~/.local/share/fonts (or /usr/share/fonts).
EOF
exit 0
