#!/usr/bin/env python3
"""Writes a seeded, fictional Wie is wie data set for bench/people_search.sh:
a CBS-shaped municipalities file and a people CSV (PEOPLE people, four positions each)."""
import json
import random
import sys

out_dir, people = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
municipalities = [(f"GM{9000 + i:04d}", f"Benchstad {i}") for i in range(20)]
properties = [
    {"ID": 0, "ParentID": None, "Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
    {"ID": 1, "ParentID": None, "Type": "TopicGroup", "Key": "", "Title": "Gemeenten"},
    {"ID": 2, "ParentID": 1, "Type": "Topic", "Key": "Naam_2", "Title": "Naam"},
]
rows = [{"RegioS": code + "  ", "Naam_2": name} for code, name in municipalities]
with open(f"{out_dir}/cbs.json", "w") as f:
    json.dump({"DataProperties": properties, "TypedDataSet": rows}, f)

first = ["Anna", "Bram", "Chantal", "Dirk", "Esra", "Frank", "Greet", "Hamid", "Ilse", "Joost",
         "Karin", "Lotte", "Mohamed", "Noor", "Omar", "Petra", "Quinten", "Rosa", "Sem", "Tess"]
last = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos",
        "Vos", "Peters", "Hendriks", "van Dijk", "Yilmaz", "El Amrani", "Dekker", "Brouwer"]
kinds = ["raadslid", "raadslid", "raadslid", "wethouder", "beleidsadviseur", "beleidsadviseur",
         "burgerlid", "griffier"]
parties = ["Lokaal Samen", "Stadsbelang", "Groen en Sociaal", "Vooruit Lokaal", "Buurtpartij"]
domains = ["Wmo", "Jeugd", "Wonen", "Schuldhulp", "Participatie"]
with open(f"{out_dir}/people.csv", "w") as f:
    f.write("naam;gemeente;functie;partij;domeinen;begindatum;einddatum;fictief\n")
    for i in range(people):
        name = f"{rng.choice(first)} {rng.choice(last)} {i:05d}"
        for p in range(4):
            code = rng.choice(municipalities)[0]
            kind = rng.choice(kinds)
            party = rng.choice(parties) if kind in ("raadslid", "wethouder", "burgerlid") else ""
            domain = rng.choice(domains) if kind == "beleidsadviseur" else ""
            start = f"{2010 + p * 4}-0{rng.randint(1, 9)}-01"
            end = "" if p == 3 else f"{2013 + p * 4}-12-31"
            f.write(f"{name};{code};{kind};{party};{domain};{start};{end};ja\n")
