#!/usr/bin/env python3
"""Rewrites .properties files typed in UTF-8 into the ISO-8859-1 + \\uXXXX form that
java.util.Properties (and so Eclipse NLS and OSGi bundle localization) reads. Idempotent."""
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    escaped = "".join(c if ord(c) < 128 else "\\u%04x" % ord(c) for c in text)
    if escaped != text:
        with open(path, "w", encoding="ascii") as f:
            f.write(escaped)
        print("escaped", path)
