#!/usr/bin/env python3
"""Decide every shipped example with --explain and validate each decision against schemas/decision.schema.json.

Usage: python3 scripts/validate-decisions.py KENSA_BINARY [REPO_ROOT]. Exits 1 and lists the invalid decisions.
Needs jsonschema.
"""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema

kensa = sys.argv[1]
root = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent
validator = jsonschema.Draft202012Validator(json.loads((root / "schemas/decision.schema.json").read_text()))
problems = []
count = 0
for records in sorted(root.glob("policies/*/examples/records.jsonl")):
    policy = records.parent.parent
    run = subprocess.run([kensa, "decide", "--explain", "--policy", str(policy), str(records)],
                         capture_output=True, text=True, check=True)
    for line in run.stdout.splitlines():
        decision = json.loads(line)
        count += 1
        for error in validator.iter_errors(decision):
            problems.append(f"{policy.name} {decision.get('id')}: {error.message} at {list(error.path)}")
for problem in problems:
    print(problem)
if problems:
    sys.exit(1)
print(f"ok: {count} decisions with traces match schemas/decision.schema.json")
