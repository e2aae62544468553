#!/usr/bin/env python3
"""Copies the CBS / Kadaster boundary files from shared/data/cbs-2025 into knowledge/geo/ with
only the properties aantafel reads (statcode, statnaam, gmCode). Arcs, transform and geometries
stay exactly as published; the dropped properties (jrstatcode, rubriek, id, FID) are derivable or
PDOK-internal, and leaving them out keeps the district file under 1 MiB in the repository and
the binary.

Usage: python3 knowledge/tools/trim_boundaries.py [path/to/shared/data/cbs-2025]
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "..", "shared", "data",
                                                            "cbs-2025")
KEEP = ("statcode", "statnaam", "gmCode")

for name in ("provincie", "gemeente", "wijk"):
    with open(os.path.join(SOURCE, f"{name}_2025.topojson"), encoding="utf-8") as f:
        topology = json.load(f)
    for geometry in topology["objects"][f"{name}_2025"]["geometries"]:
        geometry["properties"] = {k: v for k, v in geometry["properties"].items() if k in KEEP}
    text = json.dumps(topology, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(ROOT, "geo", f"{name}_2025.topojson"), "w", encoding="utf-8") as f:
        f.write(text)
    print(name, len(text.encode("utf-8")), "bytes")
