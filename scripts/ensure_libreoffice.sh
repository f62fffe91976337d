#!/usr/bin/env bash
# CI only: install LibreOffice Writer (headless) and poppler-utils (pdftoppm) so the docx test
# can convert the report to PDF, count its pages and render a page to PNG. Without it that one test is skipped with its reason.
# Never fails the build: a machine without apt-get or root simply skips the check.
set -u
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure_libreoffice: installing libreoffice-writer-nogui with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    if apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 \
             && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null; }; then
        exit 0
    fi
fi
echo "ensure_libreoffice: LibreOffice not installed; the docx→PDF page-count test will be skipped" >&2
exit 0
