#!/usr/bin/env python3
"""Generates the synthetic sensor readings of examples/data/observations/ (every number is made up).

Run from the project root:  python3 tools/observations/generate.py
The random generator is seeded, so the files come out the same on every run (Python 3.6+).

What the files are made to show (examples/data/observations/README.md lists it too):
  air-2023.csv          hourly readings of 2023 at four stations of Sampleville, start-of-hour UTC stamps:
    S1 centre      pm25, pm10, no2 (no2 in ppb); ~1 % of hours missing at random and a 5-day outage
                   in March; passes the EU 90 % rule
    S2 traffic     pm25, no2 (ug/m3); some readings flagged invalid (validity -1), a few small
                   negative values near zero (kept, with a warning)
    S3 suburb      pm25 only, from 1 April (a partial year: capture 75.3 % of the calendar's hours,
                   which passes the EEA 75 % rule but not the EU 90 % rule)
    S4 park        pm25, pm10; on 10 January exactly 18 valid hours (the day counts) and on 11 January
                   exactly 17 (it does not)
  stations.csv          station,city,weight: the four stations of Sampleville (weights: population served)
  sensorthings-page1/2/3.json   three saved pages of a SensorThings Observations collection (48 hourly
                   PM10 readings of one Thing, $expand=Datastream($expand=Thing,ObservedProperty)),
                   one result as a string, one null, one with resultQuality "invalid", one interval
  ngsi-ld-temporal.json an AirQualityObserved entity (pm25 normalized, no2 simplified) and a
                   NoiseLevelObserved entity (LAeq simplified, unitCode 2N), two days of hourly values
"""
import datetime
import json
import math
import os
import random

OUT = os.path.join("examples", "data", "observations")
YEAR = 2023
START = datetime.datetime(YEAR, 1, 1, tzinfo=datetime.timezone.utc)
HOURS = 8760


def stamp(h):
    return (START + datetime.timedelta(hours=h)).strftime("%Y-%m-%dT%H:%M:%SZ")


def level(rnd, base, h, amp_day, amp_year):
    """A diurnal and seasonal pattern with noise: higher in winter and at the rush hours."""
    hour = h % 24
    day = h // 24
    diurnal = amp_day * (math.exp(-((hour - 8) ** 2) / 8.0) + math.exp(-((hour - 18) ** 2) / 8.0))
    seasonal = amp_year * math.cos(2 * math.pi * day / 365.0)
    return max(base + diurnal + seasonal + rnd.gauss(0, base * 0.15), 0.3)


def air(rnd):
    rows = []
    outage = range(24 * 60, 24 * 65)  # 2 to 6 March
    for h in range(HOURS):
        if h in outage or rnd.random() < 0.01:
            continue
        rows.append(("S1", h, "pm25", level(rnd, 11, h, 5, 4), "ug/m3", 1))
        rows.append(("S1", h, "pm10", level(rnd, 19, h, 7, 5), "ug/m3", 1))
        rows.append(("S1", h, "no2", level(rnd, 14, h, 10, 3), "ppb", 1))
    for h in range(HOURS):
        if rnd.random() < 0.02:
            continue
        valid = -1 if rnd.random() < 0.01 else 1
        pm25 = level(rnd, 14, h, 6, 5)
        no2 = level(rnd, 38, h, 25, 6)
        if rnd.random() < 0.002:
            pm25 = -round(rnd.uniform(0.1, 0.9), 1)  # an analyser reading just below zero
        rows.append(("S2", h, "pm25", pm25, "ug/m3", valid))
        rows.append(("S2", h, "no2", no2, "ug/m3", valid))
    april = 24 * 90  # 1 April is day 90 of 2023
    for h in range(april, HOURS):
        rows.append(("S3", h, "pm25", level(rnd, 9, h, 3, 3), "ug/m3", 1))
    for h in range(HOURS):
        day = h // 24
        hour = h % 24
        if day == 9 and hour >= 18:  # 10 January: 18 valid hours
            continue
        if day == 10 and hour >= 17:  # 11 January: 17 valid hours
            continue
        if day not in (9, 10) and rnd.random() < 0.015:
            continue
        rows.append(("S4", h, "pm25", level(rnd, 7, h, 2, 2), "ug/m3", 1))
        rows.append(("S4", h, "pm10", level(rnd, 12, h, 3, 3), "ug/m3", 1))
    with open(os.path.join(OUT, "air-2023.csv"), "w", newline="\n") as w:
        w.write("station,time,pollutant,value,unit,validity\n")
        for s, h, p, v, u, ok in rows:
            w.write("%s,%s,%s,%.1f,%s,%d\n" % (s, stamp(h), p, v, u, ok))


def stations():
    with open(os.path.join(OUT, "stations.csv"), "w", newline="\n") as w:
        w.write("station,city,weight\nS1,Sampleville,120000\nS2,Sampleville,60000\nS3,Sampleville,45000\n"
                "S4,Sampleville,25000\n")


def sensorthings(rnd):
    thing = {"@iot.id": 17, "name": "ST-7 Harbour"}
    stream = {"@iot.id": 3, "name": "PM10 at ST-7",
              "unitOfMeasurement": {"name": "microgram per cubic metre", "symbol": "µg/m³",
                                    "definition": "http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html"},
              "Thing": thing,
              "ObservedProperty": {"@iot.id": 5, "name": "PM10",
                                   "definition": "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5"}}
    obs = []
    for h in range(48):
        o = {"@iot.id": 1000 + h, "phenomenonTime": stamp(h), "resultTime": stamp(h + 1),
             "result": round(level(rnd, 18, h, 6, 0), 1)}
        obs.append(o)
    obs[5]["result"] = str(obs[5]["result"])  # servers sometimes write numbers as strings
    obs[9]["result"] = None  # no value: skipped and counted
    obs[20]["resultQuality"] = "invalid"
    obs[30]["phenomenonTime"] = stamp(30) + "/" + stamp(31)  # an interval
    pages = [obs[0:16], obs[16:32], obs[32:48]]
    for i, page in enumerate(pages):
        body = {"@iot.count": 48}
        if i < 2:
            body["@iot.nextLink"] = ("https://sensors.example.org/v1.1/Datastreams(3)/Observations"
                                     "?$expand=Datastream($expand=Thing,ObservedProperty)&$top=16&$skip=%d"
                                     % (16 * (i + 1)))
        body["value"] = [dict(o, Datastream=stream) for o in page]
        with open(os.path.join(OUT, "sensorthings-page%d.json" % (i + 1)), "w", newline="\n") as w:
            json.dump(body, w, ensure_ascii=False, indent=1)
            w.write("\n")


def ngsi(rnd):
    air_entity = {
        "id": "urn:ngsi-ld:AirQualityObserved:Sampleville-N1",
        "type": "AirQualityObserved",
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [10.1, 59.9]}},
        "pm25": [{"type": "Property", "value": round(level(rnd, 10, h, 4, 0), 1), "observedAt": stamp(h),
                  "unitCode": "GQ"} for h in range(48)],
        "no2": {"type": "Property", "unitCode": "GQ",
                "values": [[round(level(rnd, 30, h, 15, 0), 1), stamp(h)] for h in range(48)]},
        "airQualityLevel": [{"type": "Property", "value": "moderate", "observedAt": stamp(0)}],
        "@context": ["https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld",
                     "https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/master/context.jsonld"],
    }
    noise_entity = {
        "id": "urn:ngsi-ld:NoiseLevelObserved:Sampleville-N2",
        "type": "NoiseLevelObserved",
        "LAeq": {"type": "Property", "unitCode": "2N",
                 "values": [[round(48 + 12 * math.exp(-((h % 24 - 13) ** 2) / 30.0) + rnd.gauss(0, 1.5), 1),
                             stamp(h)] for h in range(48)]},
    }
    with open(os.path.join(OUT, "ngsi-ld-temporal.json"), "w", newline="\n") as w:
        json.dump([air_entity, noise_entity], w, ensure_ascii=False, indent=1)
        w.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rnd = random.Random(20230101)
    air(rnd)
    stations()
    sensorthings(rnd)
    ngsi(rnd)


if __name__ == "__main__":
    main()
