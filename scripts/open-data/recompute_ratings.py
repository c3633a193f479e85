#!/usr/bin/env python3
"""Recompute CPSX integrity ratings from the published open data alone.

Downloads the current published ratings of one period from the open data API
(/api/open/v1/ratings) and recomputes, for every institution, each factor's
points, the score and the grade from the published counts (REPORTING-SPEC §7,
§10, methodology v1):

* shares and complaints per 10,000 customers as exact fractions of the counts;
* percentile ranks recomputed within each peer group (institutions of the same
  type) from the peers' published counts:
  rank = (members below + 1/2 x members equal, itself included) / members,
  among members with at least one case; an institution with no cases takes 1/2;
* an empty denominator earns half the factor's points;
* each factor's points half-up to 2 decimals, the score = their sum half-up to
  1 decimal; A >= 85, B >= 70, C >= 55, D below; a major penalty caps at C.

It also checks that every published share, per10k and rank equals the exact
value rounded half-up to the published decimals.

Usage:
    python3 recompute_ratings.py --base-url http://127.0.0.1:8080 --period 2025

Exit status: 0 when every rating agrees, 1 when any does not (each
disagreement is listed), 2 when the data cannot be fetched.
Python 3.8+, standard library only.
"""

import argparse
import json
import sys
import urllib.parse
import urllib.request
from decimal import Decimal
from fractions import Fraction

HALF = Fraction(1, 2)
MAX = {
    "COMPLAINT_INTENSITY": 25, "TIMELINESS": 20, "RESOLUTION": 15, "ESCALATION": 10,
    "REPORTING_DISCIPLINE": 10, "SELF_ASSESSMENT": 10, "ENFORCEMENT": 10,
}


def fetch(base_url, period, page_size=500):
    """Every current published rating of the period, all pages."""
    items, page = [], 1
    while True:
        query = urllib.parse.urlencode({"period": period, "size": page_size, "page": page})
        url = base_url.rstrip("/") + "/api/open/v1/ratings?" + query
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            # parse_float=Decimal keeps 0.5000000000 exactly as published
            answer = json.loads(response.read().decode("utf-8"), parse_float=Decimal)
        items.extend(answer["items"])
        if len(items) >= answer["total"] or not answer["items"]:
            return items
        page += 1


def half_up(value, places):
    """A non-negative Fraction rounded half-up to `places` decimals, as a Decimal."""
    scale = 10 ** places
    scaled = value * scale
    rounded = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    return Decimal(rounded).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def ratio(numerator, denominator):
    return None if denominator == 0 else Fraction(numerator, denominator)


def figures(item):
    return {f["factor"]: f["figures"] for f in item["factors"]}


def percentile_ranks(group, value):
    """uscc -> rank (Fraction) or None, per §10."""
    ranks, ranked = {}, []
    for item in group:
        if figures(item)["COMPLAINT_INTENSITY"]["complaints"] == 0:
            ranks[item["uscc"]] = HALF
        elif value(item) is not None:
            ranked.append((value(item), item["uscc"]))
        else:
            ranks[item["uscc"]] = None
    n = len(ranked)
    for v, uscc in ranked:
        below = sum(1 for w, _ in ranked if w < v)
        equal = sum(1 for w, _ in ranked if w == v)
        ranks[uscc] = Fraction(2 * below + equal, 2 * n)
    return ranks


def per10k(item):
    f = figures(item)["COMPLAINT_INTENSITY"]
    return ratio(f["complaints"] * 10000, f["retailCustomers"])


def escalation(item):
    f = figures(item)["ESCALATION"]
    return ratio(f["escalated"], f["complaints"])


def grade_of(score):
    if score >= 85:
        return "A"
    if score >= 70:
        return "B"
    if score >= 55:
        return "C"
    return "D"


def recompute(item, intensity_rank, escalation_rank):
    """(points by factor, exact figures to check, score, grade, capped, limitedData)."""
    f = figures(item)
    exact = {}

    def higher(share, factor):
        return half_up((HALF if share is None else share) * MAX[factor], 2)

    def lower(rank, factor):
        return half_up((1 - (HALF if rank is None else rank)) * MAX[factor], 2)

    points = {}
    points["COMPLAINT_INTENSITY"] = lower(intensity_rank, "COMPLAINT_INTENSITY")
    exact[("COMPLAINT_INTENSITY", "per10k")] = per10k(item)
    exact[("COMPLAINT_INTENSITY", "percentileRank")] = intensity_rank

    t = f["TIMELINESS"]
    share = ratio(t["closedWithinDeadline"], t["closed"])
    points["TIMELINESS"] = higher(share, "TIMELINESS")
    exact[("TIMELINESS", "share")] = share

    r = f["RESOLUTION"]
    share = ratio(r["satisfied"], r["surveyed"])
    points["RESOLUTION"] = higher(share, "RESOLUTION")
    exact[("RESOLUTION", "share")] = share

    points["ESCALATION"] = lower(escalation_rank, "ESCALATION")
    exact[("ESCALATION", "share")] = escalation(item)
    exact[("ESCALATION", "percentileRank")] = escalation_rank

    d = f["REPORTING_DISCIPLINE"]
    share = ratio(d["goodFilings"], d["due"])
    points["REPORTING_DISCIPLINE"] = higher(share, "REPORTING_DISCIPLINE")
    exact[("REPORTING_DISCIPLINE", "share")] = share

    s = f["SELF_ASSESSMENT"]
    if s["meanSelfScore"] is None:
        points["SELF_ASSESSMENT"] = Decimal("0.00")
    else:
        # the mean is published to 10 decimals; mean x 0.10 rounded to 2 decimals is unaffected
        value = Fraction(s["meanSelfScore"]) / 10 - Fraction(s["supervisorAdjustment"] or 0)
        points["SELF_ASSESSMENT"] = half_up(max(value, Fraction(0)), 2)

    e = f["ENFORCEMENT"]
    points["ENFORCEMENT"] = Decimal(max(0, 10 - 3 * e["minor"] - 6 * e["serious"] - 10 * e["major"])).quantize(Decimal("0.01"))

    score = half_up(Fraction(sum(points.values())), 1)
    grade = grade_of(score)
    capped = e["major"] > 0 and grade in ("A", "B")
    limited = f["COMPLAINT_INTENSITY"]["complaints"] < 30
    return points, exact, score, "C" if capped else grade, capped, limited


def check(items):
    """Every disagreement, as readable lines."""
    problems = []
    groups = {}
    for item in items:
        groups.setdefault(item["institutionType"], []).append(item)
    for group in groups.values():
        intensity = percentile_ranks(group, per10k)
        escalated = percentile_ranks(group, escalation)
        for item in group:
            who = "%s %s %s v%s" % (item["uscc"], item["name"], item["period"], item["version"])
            f = figures(item)
            if f["COMPLAINT_INTENSITY"]["complaints"] != f["ESCALATION"]["complaints"]:
                problems.append("%s: complaints differ between intensity and escalation" % who)
            points, exact, score, grade, capped, limited = recompute(
                item, intensity[item["uscc"]], escalated[item["uscc"]])
            for factor in item["factors"]:
                name = factor["factor"]
                if Decimal(str(factor["points"])) != points[name]:
                    problems.append("%s: %s points published %s, recomputed %s"
                                    % (who, name, factor["points"], points[name]))
            for (name, figure), value in exact.items():
                published = f[name][figure]
                if value is None or published is None:
                    if value is not published:
                        problems.append("%s: %s.%s published %s, recomputed %s"
                                        % (who, name, figure, published, value))
                    continue
                places = max(4, -Decimal(published).as_tuple().exponent)
                if Decimal(published) != half_up(value, places):
                    problems.append("%s: %s.%s published %s, recomputed %s"
                                    % (who, name, figure, published, half_up(value, places)))
            if Decimal(str(item["score"])) != score:
                problems.append("%s: score published %s, recomputed %s" % (who, item["score"], score))
            if item["grade"] != grade:
                problems.append("%s: grade published %s, recomputed %s" % (who, item["grade"], grade))
            if bool(item["capped"]) != capped:
                problems.append("%s: capped published %s, recomputed %s" % (who, item["capped"], capped))
            if bool(item["limitedData"]) != limited:
                problems.append("%s: limitedData published %s, recomputed %s"
                                % (who, item["limitedData"], limited))
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True, help="the portal, e.g. http://127.0.0.1:8080")
    parser.add_argument("--period", required=True, help="a year (2025) or a quarter (2025-Q3)")
    args = parser.parse_args(argv)
    try:
        items = fetch(args.base_url, args.period)
    except Exception as error:  # network, HTTP or JSON: nothing to compare
        print("cannot fetch the ratings: %s" % error, file=sys.stderr)
        return 2
    problems = check(items)
    for line in problems:
        print("DISAGREES " + line)
    print("%d ratings of %s recomputed, %d disagreement(s)" % (len(items), args.period, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
