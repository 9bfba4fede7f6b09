#!/usr/bin/env python3
"""Writes a synthetic national submission of about 5 000 cells in the layout of the NL mapping
(mappings/NL-mensenhandel-synthetic.yaml): registered victims by sex x age x nationality x form of
exploitation, every total and subtotal given, 2015-2023. The figures are invented (seeded, so the
file is the same on every run) and add up exactly, as a real questionnaire would.

usage: gen_submission.py OUT.csv [first_year last_year]
"""
import itertools
import math
import random
import sys

SEX = {"F": "vrouw", "M": "man", "UNK": "onbekend"}
AGE = {"Y_LT18": "minderjarig", "Y_GE18": "meerderjarig", "UNK": "onbekend"}
CIT = {"NAT": "Nederlands", "EU": "EU", "NEU": "niet-EU", "UNK": "onbekend"}
# a victim falls in one form here, so that all sums are exact; ORG_OTH = CRIM + OTH
FORM = {"SEX": "seksueel", "LAB_SERV": "arbeid", "CRIM": "criminele uitbuiting", "OTH": "overig", "UNK": "onbekend"}
MEAN = {"F": 3.0, "M": 1.8, "UNK": 0.3}


def poisson(rng, mean):
    # Knuth's method: fine for small means
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    out = sys.argv[1]
    first, last = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (2015, 2023)
    rng = random.Random(20240601)
    rows = []
    for year in range(first, last + 1):
        leaf = {}
        for s, a, c, f in itertools.product(SEX, AGE, CIT, FORM):
            leaf[(s, a, c, f)] = poisson(rng, MEAN[s] * (2.0 if f in ("SEX", "LAB_SERV") else 1.0))
        sexes = list(SEX) + ["T"]
        ages = list(AGE) + ["TOTAL"]
        cits = list(CIT) + ["TOTAL"]
        forms = list(FORM) + ["ORG_OTH", "TOTAL"]
        for s, a, c, f in itertools.product(sexes, ages, cits, forms):
            total = sum(v for (ls, la, lc, lf), v in leaf.items()
                        if (s == "T" or ls == s) and (a == "TOTAL" or la == a) and (c == "TOTAL" or lc == c)
                        and (f == "TOTAL" or lf == f or (f == "ORG_OTH" and lf in ("CRIM", "OTH"))))
            rows.append((year, "slachtoffer",
                         "totaal" if s == "T" else SEX[s],
                         "totaal" if a == "TOTAL" else AGE[a],
                         "totaal" if c == "TOTAL" else CIT[c],
                         "totaal" if f == "TOTAL" else ("criminele en overige uitbuiting" if f == "ORG_OTH" else FORM[f]),
                         total))
    with open(out, "w", encoding="utf-8", newline="") as w:
        w.write("jaar;status;geslacht;leeftijd;nationaliteit;uitbuiting;aantal;markering\n")
        for r in rows:
            w.write(";".join(str(x) for x in r) + ";\n")
    print(f"{out}: {len(rows)} cells, {first}-{last}")


if __name__ == "__main__":
    main()
