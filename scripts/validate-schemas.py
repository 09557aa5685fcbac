#!/usr/bin/env python3
"""Validate the JSON Schemas, the shipped policy sets and their example records.

Checks, for every policy set under policies/:
  1. schemas/policy.schema.json and schemas/record.schema.json are valid draft 2020-12 schemas;
  2. every policy file (*.yaml, *.yml directly in the set's directory) is one YAML mapping without duplicate keys
     and validates against policy.schema.json (YAML dates are read as text, as yaml-language-server reads them);
  3. every line of examples/records.jsonl is a JSON object that validates against record.schema.json;
  4. examples/expected.jsonl has one line per record, same ids in the same order, a known outcome, `decided_by`
     sorted and naming rules of the set, `exemptions_applied` naming exemptions of the set;
  5. cross-references the schema cannot see: `$parameters` are defined, `cites` name sources, rule scopes and
     exemption rules exist, exemptions do not name rules with `waivable: false`, `in_group` names groups of the
     registry, and no two registry names normalise alike (an approximation of the language's name matching).

The test fixtures under Tests/KensaTests/Cases that have no `.diagnostics.txt` golden are sets the compiler accepts;
checks 2 and 5 run on them too, so the schema cannot fall behind the language.

Usage: python3 scripts/validate-schemas.py [REPO_ROOT]. Exits 1 and lists every problem when one check fails.
Needs PyYAML and jsonschema.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


class PolicyLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and rejects duplicate keys."""


PolicyLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key `{key}` (first at line {seen[key] + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


PolicyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)

LEGAL_SUFFIX = re.compile(
    r"(?:^|(?<=[\s,.]))(co\.?,?\s*ltd\.?|corporation|corp\.?|inc\.?|k\.\s?k\.|kk|llc|limited|ltd\.?|plc|gmbh)\s*$"
    r"|(株式会社|有限公司)\s*$")


def normalise(name):
    """Approximates docs/language.md, name matching: fold width and case, drop legal suffixes and punctuation."""
    s = unicodedata.normalize("NFKC", name).casefold().strip()
    while True:
        t = LEGAL_SUFFIX.sub("", s).rstrip(" ,.")
        t = re.sub(r"^株式会社", "", t)
        if t == s:
            break
        s = t
    return "".join(c for c in s if unicodedata.category(c)[0] in "LNM")


def load_schema(name):
    path = ROOT / "schemas" / name
    schema = json.loads(path.read_text(encoding="utf-8"))
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        problem(path, f"not a valid draft 2020-12 schema: {e.message}")
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def where_of(error):
    return "/".join(str(p) for p in error.absolute_path) or "(top)"


def walk_conditions(node, visit):
    """Calls visit on every mapping of a condition tree."""
    if isinstance(node, dict):
        visit(node)
        for key in ("all", "any"):
            for c in node.get(key, []) or []:
                walk_conditions(c, visit)
        for key in ("not", "where"):
            if key in node:
                walk_conditions(node[key], visit)


def check_set(set_dir, policy_validator, record_validator):
    files = sorted(p for p in set_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        return
    merged = {"parameters": {}, "sources": [], "entities": [], "vendors": [], "scopes": [], "rules": [],
              "exemptions": []}
    text_of_params = []
    for path in files:
        rel = path.relative_to(ROOT)
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"), Loader=PolicyLoader)
        except yaml.YAMLError as e:
            problem(rel, f"YAML: {e}")
            continue
        if not isinstance(doc, dict):
            problem(rel, "a policy file is one YAML mapping")
            continue
        for error in sorted(policy_validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
            problem(rel, f"{where_of(error)}: {error.message}")
        for name, value in (doc.get("parameters") or {}).items():
            if name in merged["parameters"]:
                problem(rel, f"parameter `{name}` defined twice")
            merged["parameters"][name] = value.get("value") if isinstance(value, dict) else value
        merged["sources"] += (doc.get("policy") or {}).get("sources") or []
        for key in ("entities", "vendors", "scopes", "rules", "exemptions"):
            merged[key] += doc.get(key) or []
        text_of_params.append((rel, json.dumps({k: v for k, v in doc.items() if k != "parameters"},
                                               ensure_ascii=False)))

    name = set_dir.relative_to(ROOT)
    # $parameters used must be defined
    for rel, text in text_of_params:
        for ref in set(re.findall(r'"\$([A-Za-z_][A-Za-z0-9_]*)"', text)):
            if ref not in merged["parameters"]:
                problem(rel, f"`${ref}` is not a parameter of the set")
    # ids unique, references resolve
    sources = {s.get("id") for s in merged["sources"]}
    for key in ("scopes", "rules", "exemptions"):
        ids = [x.get("id") for x in merged[key]]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            problem(name, f"duplicate {key[:-1]} id `{dup}`")
    scope_ids = {s["id"] for s in merged["scopes"]}
    rules = {r["id"]: r for r in merged["rules"]}
    exemptions = {x["id"]: x for x in merged["exemptions"]}
    groups = {v["group"] for v in merged["vendors"]}
    cited = [("scope " + s["id"], s.get("cites")) for s in merged["scopes"]]
    cited += [("rule " + r["id"], r.get("cites")) for r in merged["rules"]]
    cited += [("exemption " + x["id"], x.get("cites")) for x in merged["exemptions"]]
    for who, cite in cited:
        if cite is not None and cite not in sources:
            problem(name, f"{who} cites `{cite}`, which is not a source of the set")
    for r in merged["rules"]:
        scopes = r.get("scope", [])
        for s in [scopes] if isinstance(scopes, str) else scopes:
            if s not in scope_ids:
                problem(name, f"rule {r['id']} names scope `{s}`, which the set does not define")
    for x in merged["exemptions"]:
        for rid in x.get("rules", []):
            if rid not in rules:
                problem(name, f"exemption {x['id']} names rule `{rid}`, which the set does not define")
            elif rules[rid].get("waivable") is False:
                problem(name, f"exemption {x['id']} names rule `{rid}`, which is not waivable")

    def check_groups(node):
        value = node.get("in_group")
        if isinstance(value, str) and value.startswith("$"):
            value = merged["parameters"].get(value[1:], [])
        for g in value or []:
            if g not in groups:
                problem(name, f"`in_group` names `{g}`, which is not a group of the vendor registry")
    for item in merged["scopes"] + merged["rules"]:
        walk_conditions(item.get("when"), check_groups)
        for u in item.get("unless", []) or []:
            walk_conditions(u.get("when"), check_groups)
    # registry names must not normalise alike
    for registry, entries in (("vendor", merged["vendors"]), ("entity", merged["entities"])):
        seen = {}
        for e in entries:
            names = [e.get("group") or e.get("name")] + list(e.get("aliases") or [])
            for m in e.get("members") or []:
                names += [m["name"]] + list(m.get("aliases") or [])
            for n in names:
                key = normalise(str(n))
                if key in seen and seen[key] != n:
                    problem(name, f"{registry} registry: `{n}` and `{seen[key]}` normalise alike (`{key}`)")
                elif key in seen:
                    problem(name, f"{registry} registry: `{n}` is listed twice")
                seen[key] = n

    # examples
    records_path = set_dir / "examples" / "records.jsonl"
    expected_path = set_dir / "examples" / "expected.jsonl"
    record_ids = []
    if records_path.exists():
        for i, line in enumerate(records_path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{records_path.relative_to(ROOT)}:{i}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                problem(where, f"JSON: {e}")
                continue
            record_ids.append(record.get("id"))
            for error in record_validator.iter_errors(record):
                problem(where, f"{where_of(error)}: {error.message}")
        for dup in sorted({i for i in record_ids if record_ids.count(i) > 1}):
            problem(records_path.relative_to(ROOT), f"duplicate record id `{dup}`")
    if expected_path.exists():
        expected_ids = []
        for i, line in enumerate(expected_path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{expected_path.relative_to(ROOT)}:{i}"
            try:
                e = json.loads(line)
            except json.JSONDecodeError as err:
                problem(where, f"JSON: {err}")
                continue
            expected_ids.append(e.get("id"))
            if set(e) != {"id", "outcome", "decided_by", "exemptions_applied", "why"}:
                problem(where, "keys must be id, outcome, decided_by, exemptions_applied, why")
            if e.get("outcome") not in ("prohibited", "review_required", "permitted", "not_applicable"):
                problem(where, f"unknown outcome `{e.get('outcome')}`")
            decided = e.get("decided_by", [])
            if decided != sorted(decided):
                problem(where, "decided_by is not sorted")
            for rid in decided:
                if rid not in rules:
                    problem(where, f"decided_by names `{rid}`, which is not a rule of the set")
            if e.get("outcome") in ("permitted", "not_applicable") and decided:
                problem(where, f"a {e['outcome']} decision has no deciding rule")
            for xid in e.get("exemptions_applied", []):
                if xid not in exemptions:
                    problem(where, f"exemptions_applied names `{xid}`, which is not an exemption of the set")
        if expected_ids != record_ids:
            problem(expected_path.relative_to(ROOT), "ids differ from records.jsonl (one line per record, same order)")


def accepted_fixture_sets():
    """Fixture directories of policy files that the tests expect to compile: those without a diagnostics golden."""
    cases = ROOT / "Tests" / "KensaTests" / "Cases"
    if not cases.is_dir():
        return []
    return sorted(
        d for d in cases.rglob("*")
        if d.is_dir() and any(d.glob("*.yaml"))
        and not d.with_name(d.name + ".diagnostics.txt").exists())


def main():
    policy_validator = load_schema("policy.schema.json")
    record_validator = load_schema("record.schema.json")
    sets = sorted(p for p in (ROOT / "policies").iterdir() if p.is_dir())
    fixtures = accepted_fixture_sets()
    for set_dir in sets + fixtures:
        check_set(set_dir, policy_validator, record_validator)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: 2 schemas, {len(sets)} policy sets ({', '.join(p.name for p in sets)}), "
          f"{len(fixtures)} accepted test fixture sets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
