#!/bin/sh
# Re-render the synthetic page-fit set with LibreOffice and rewrite expected.tsv (about 10 s on
# 2 cores; needs soffice 7.4, pandoc 2.17, poppler-utils and the corpus fonts: see the top of
# tools/gen-pagefit-set.py). The inputs are not regenerated.
#   tests/pagefit/regen.sh            rewrite tests/pagefit/synthetic/expected.tsv
#   tests/pagefit/regen.sh --check    re-render and compare, write nothing (exit 1 on a difference)
here=$(cd "$(dirname "$0")" && pwd)
exec /usr/bin/python3 "$here/../../tools/gen-pagefit-set.py" --render-only "$@"
