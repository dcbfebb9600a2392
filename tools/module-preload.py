#!/usr/bin/env python3
"""Writes the libraries a resumelint module should load one by one before it.

Usage: module-preload.py MODULE OUT

A library loaded as a dependency of a module resolves its symbols through the
module's whole dependency list; loaded on its own first, through its own few.
For the Word module on Debian 12 that is libcrypto (4,200 symbols resolved at
load, through libzip) and libstdc++ (3,300, through ICU): loading them first
saved 0.18 ms of a 4.6 ms run. OUT lists, one soname a line and dependencies
first, the module's dependencies with more than HEAVY symbol relocations
resolved at load time. It is empty when ldd or readelf is missing: the module
then loads as usual. Run at build time (src/word/meson.build)."""
import re, subprocess, sys

HEAVY = 1000


def run(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ""


def dependencies(module):
    """(soname, path) in the order the dynamic loader loads them."""
    out = []
    for line in run(["ldd", module]).splitlines():
        m = re.match(r"\s*(\S+)\s+=>\s+(/\S+)", line)
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def load_time_symbols(path):
    """Relocations that name a symbol and are resolved when the library is
    loaded (all of them with BIND_NOW; otherwise all but the lazy PLT ones)."""
    bind_now = re.search(r"\bBIND_NOW\b|\bNOW\b", run(["readelf", "-dW", path])) is not None
    n = 0
    for line in run(["readelf", "-rW", path]).splitlines():
        f = line.split()
        if len(f) < 5 or not re.fullmatch(r"[0-9a-f]+", f[0]) or "RELATIVE" in f[2]:
            continue
        if "JUMP_SLOT" in f[2] or "JUMP_SLO" in f[2]:
            n += bind_now
        else:
            n += 1
    return n


def main():
    module, out = sys.argv[1], sys.argv[2]
    heavy = [name for name, path in reversed(dependencies(module)) if load_time_symbols(path) > HEAVY]
    with open(out, "w") as f:
        f.write("".join(name + "\n" for name in heavy))


main()
