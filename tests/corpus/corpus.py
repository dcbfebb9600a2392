"""Where the real-resume corpus is: $RESUMELINT_CORPUS, or ../shared/corpus
beside the project. Tests that need it exit 77 (meson's "skipped") without it."""
import os, sys

SKIP = 77


def corpus_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    for d in (os.environ.get("RESUMELINT_CORPUS"),
              os.path.join(here, "..", "..", "..", "shared", "corpus")):
        if d and os.path.isdir(os.path.join(d, "md")):
            return os.path.abspath(d)
    print("corpus not found (set RESUMELINT_CORPUS): skipped")
    sys.exit(SKIP)
