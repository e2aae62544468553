#!/usr/bin/env python3
"""Writes knowledge/municipal_register.json from the CBS / Kadaster boundary files in knowledge/geo/.

The boundary files name every municipality (statcode, statnaam) but not its province, so the
province is found by geometry: a point inside the municipality (the middle of the widest stretch
of a few horizontal lines across it) is tested against the province outlines, and the province
that holds most of those points wins. Care-office and youth regions
and reorganisations are not in the boundary files; they come from regions.csv and
reorganisations.json beside this script when those exist (each with its own source).

Usage: python3 knowledge/tools/make_register.py   (from the repository root; stdlib only)
The C++ test RegisterFile.* checks the result against the same boundary files.
"""
import csv
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEO = os.path.join(ROOT, "geo")
YEAR = 2025


def load(name):
    with open(os.path.join(GEO, f"{name}_{YEAR}.topojson"), encoding="utf-8") as f:
        return json.load(f)


def absolute_arcs(topology):
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def ring_points(arcs, ring):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def rings_of(arcs, geometry):
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    else:
        polygons = geometry["arcs"]
    return [ring_points(arcs, ring) for polygon in polygons for ring in polygon]


def inside(rings, x, y):
    hit = False
    for ring in rings:
        n = len(ring)
        for i in range(n):
            x1, y1 = ring[i]
            x2, y2 = ring[(i + 1) % n]
            if (y1 > y) != (y2 > y):
                cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                if x < cross:
                    hit = not hit
    return hit


def interior_points(rings, lines=7):
    """Middles of the widest inside stretch on a few horizontal lines across the shape."""
    ys = [y for ring in rings for _, y in ring]
    low, high = min(ys), max(ys)
    points = []
    for k in range(1, lines + 1):
        y = low + (high - low) * k / (lines + 1) + 0.5  # never on a vertex (integer grid)
        crossings = []
        for ring in rings:
            n = len(ring)
            for i in range(n):
                x1, y1 = ring[i]
                x2, y2 = ring[(i + 1) % n]
                if (y1 > y) != (y2 > y):
                    crossings.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
        crossings.sort()
        best = None
        for a, b in zip(crossings[0::2], crossings[1::2]):
            if best is None or b - a > best[1] - best[0]:
                best = (a, b)
        if best:
            points.append(((best[0] + best[1]) / 2, y))
    return points


def regions_source():
    path = os.path.join(os.path.dirname(__file__), "regions_source.txt")
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return f.read().strip()


def main():
    provinces_topo = load("provincie")
    municipalities_topo = load("gemeente")
    if provinces_topo["transform"] != municipalities_topo["transform"]:
        sys.exit("province and municipality files are quantised differently")
    province_arcs = absolute_arcs(provinces_topo)
    municipality_arcs = absolute_arcs(municipalities_topo)
    provinces = []
    for g in provinces_topo["objects"][f"provincie_{YEAR}"]["geometries"]:
        provinces.append((g["properties"]["statcode"], g["properties"]["statnaam"],
                          rings_of(province_arcs, g)))

    regions = {}
    regions_file = os.path.join(os.path.dirname(__file__), "regions.csv")
    if os.path.exists(regions_file):
        with open(regions_file, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter=";"):
                regions[row["code"]] = row

    districts = {}
    wijken = load("wijk")
    for g in wijken["objects"][f"wijk_{YEAR}"]["geometries"]:
        p = g["properties"]
        districts.setdefault(p["gmCode"], []).append([p["statcode"], p["statnaam"]])

    municipalities = []
    for g in municipalities_topo["objects"][f"gemeente_{YEAR}"]["geometries"]:
        votes = {}
        rings = rings_of(municipality_arcs, g)
        for x, y in interior_points(rings):
            for code, _, province_rings in provinces:
                if inside(province_rings, x, y):
                    votes[code] = votes.get(code, 0) + 1
        if not votes:
            sys.exit(f"{g['properties']['statcode']}: in no province")
        province = max(votes, key=votes.get)
        entry = {"code": g["properties"]["statcode"], "name": g["properties"]["statnaam"],
                 "province": province}
        r = regions.get(entry["code"])
        if r:
            entry["care_office_region"] = r["zorgkantoorregio"]
            entry["youth_region"] = r["jeugdregio"]
        entry["districts"] = districts.get(entry["code"], [])
        municipalities.append(entry)

    reorganisations = []
    reorganisations_file = os.path.join(os.path.dirname(__file__), "reorganisations.json")
    if os.path.exists(reorganisations_file):
        with open(reorganisations_file, encoding="utf-8") as f:
            reorganisations = json.load(f)

    register = {
        "year": YEAR,
        "reference_date": f"{YEAR}-01-01",
        "source": "CBS, Gemeentelijke indeling op 1 januari 2025; grenzen: CBS / Kadaster, "
                  "gebiedsindelingen 2025 (PDOK), vereenvoudigd door cartomap/nl",
        "licence": "CC BY 4.0",
        "attribution": "Kadaster / Centraal Bureau voor de Statistiek, 2025",
        "regions_source": regions_source(),
        "provinces": [{"code": c, "name": n} for c, n, _ in provinces],
        "municipalities": municipalities,
        "reorganisations": reorganisations,
    }
    with open(os.path.join(ROOT, "municipal_register.json"), "w", encoding="utf-8") as f:
        # One municipality per line: readable in a diff, small in the binary.
        f.write("{\n")
        keys = list(register)
        for i, key in enumerate(keys):
            value = register[key]
            f.write(f" {json.dumps(key)}: ")
            if key == "municipalities":
                f.write("[\n" + ",\n".join("  " + json.dumps(m, ensure_ascii=False) for m in value) + "\n ]")
            else:
                f.write(json.dumps(value, ensure_ascii=False))
            f.write(",\n" if i + 1 < len(keys) else "\n")
        f.write("}")
        f.write("\n")
    counts = {}
    for m in municipalities:
        counts[m["province"]] = counts.get(m["province"], 0) + 1
    print(len(municipalities), "municipalities;", counts)


if __name__ == "__main__":
    main()
