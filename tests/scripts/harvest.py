#!/usr/bin/env python3
"""Harvests a tanu archive's OAI-PMH endpoint with Sickle, a real harvester,
and prints what it got as JSON (read by tests/oai.rs).

usage: harvest.py BASE_URL [SET ...]

Output: {"identify": {...}, "formats": [...], "sets": [...],
         "records": [{"id", "datestamp", "sets", "title", "identifier"}],   # ListRecords over GET
         "post_ids": [...],                                                   # ListIdentifiers over POST
         "by_set": {SET: [ids]}}                                              # ListIdentifiers per set
"""
import json
import sys

from sickle import Sickle
from sickle.oaiexceptions import NoRecordsMatch


def main():
    base = sys.argv[1]
    sets = sys.argv[2:]
    s = Sickle(base, max_retries=0, timeout=60)
    ident = s.Identify()
    out = {
        "identify": {
            "repositoryName": ident.repositoryName,
            "protocolVersion": ident.protocolVersion,
            "granularity": ident.granularity,
            "deletedRecord": ident.deletedRecord,
            "earliestDatestamp": ident.earliestDatestamp,
        },
        "formats": [f.metadataPrefix for f in s.ListMetadataFormats()],
        "sets": [x.setSpec for x in s.ListSets()],
        "records": [],
        "post_ids": [],
        "by_set": {},
    }
    for r in s.ListRecords(metadataPrefix="oai_dc"):
        md = r.metadata or {}
        out["records"].append({
            "id": r.header.identifier,
            "datestamp": r.header.datestamp,
            "sets": r.header.setSpecs,
            "title": md.get("title", []),
            "identifier": md.get("identifier", []),
        })
    post = Sickle(base, http_method="POST", max_retries=0, timeout=60)
    out["post_ids"] = [h.identifier for h in post.ListIdentifiers(metadataPrefix="oai_dc")]
    for spec in sets:
        try:
            ids = [h.identifier for h in s.ListIdentifiers(metadataPrefix="oai_dc", set=spec)]
        except NoRecordsMatch:
            ids = []
        out["by_set"][spec] = ids
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
