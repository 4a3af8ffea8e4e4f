"""`lawgap agreement A.yaml B.yaml`: two codings of one jurisdiction × domain compared fact by fact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawgap.cli import main
from lawgap.contribute.agreement import compare, draw_sample, overall_agreement

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "valid" / "laws" / "ke"
CODING = (FIXTURE / "human-trafficking.yaml").read_text(encoding="utf-8")
# Facts the human-trafficking fixture codes: 2 measures; the offence's core flag, 5 acts, 3 means,
# 3 purposes and 4 yes/no fields; its one penalty version's prison maximum, minimum and fine.
FIXTURE_FACTS = 2 + 1 + 5 + 3 + 3 + 4 + 3

TIERED = """schema_version: 1
jurisdiction: KE
domain: wildlife
last_reviewed: "2026-01-15"
instruments:
  - {id: act, title: "Example Wildlife Act, 2013", url: "https://example.org/act"}
offences:
  - id: dealing
    title: Dealing in endangered species
    core: true
    source: {instrument: act, provision: s. 92, url: "https://example.org/act#s92", retrieved: "2026-01-15", verification: source-text}
    conduct: {trade: true}
    penalty_history:
      - effective: "2014-01-10"
        penalty: {prison: {max_years: 10}}
        source: {instrument: act, provision: s. 92(1), url: "https://example.org/act#s92", retrieved: "2026-01-15", verification: source-text}
    aggravated_tiers:
      - id: TIER_ID
        circumstances: [protected-species, organised-criminal-group]
        penalty_history:
          - effective: "2014-01-10"
            penalty: {prison: {min_years: 10, max_years: TIER_MAX}}
            source: {instrument: act, provision: s. 92(2), url: "https://example.org/act#s92", retrieved: "2026-01-15", verification: source-text}
measures: {}
"""


@pytest.fixture
def codings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder outside any laws/ tree: a second coding is usually a reviewer's own copy."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, name: str, text: str, *replacements: tuple[str, str]) -> Path:
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def agreement(*args: str):
    result = CliRunner().invoke(main, ["agreement", *args])
    assert "Traceback" not in result.output
    return result


def as_json(*args: str) -> dict:
    result = agreement(*args, "--format", "json")
    return {"exit": result.exit_code, **json.loads(result.stdout)}


def test_identical_codings_agree(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING)
    result = agreement("a.yaml", "b.yaml")
    assert result.exit_code == 0, result.output
    assert f"Facts coded in either file: {FIXTURE_FACTS}; divergent: 0" in result.output
    assert "divergence rate 0.0 %" in result.output
    report = as_json("a.yaml", "b.yaml")
    assert report["exit"] == 0 and report["agree"] is True
    assert (report["facts_coded"], report["divergences"], report["divergence_rate"]) == (FIXTURE_FACTS, 0, 0.0)


def test_one_flipped_fact_is_named(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ("forced-labour: true", "forced-labour: false"))
    result = agreement("a.yaml", "b.yaml")
    assert result.exit_code == 1, result.output
    assert "offences[s. 3].purposes.forced-labour\n      A: true  [ctip-act s. 3]\n      B: false  [ctip-act s. 3]" in result.output
    report = as_json("a.yaml", "b.yaml")
    assert report["exit"] == 1 and report["divergences"] == 1
    assert report["divergent_facts"] == [{"fact": "offences[s. 3].purposes.forced-labour", "kind": "value", "a": True, "b": False,
                                          "provision_a": "ctip-act s. 3", "provision_b": "ctip-act s. 3"}]
    assert report["divergence_rate"] == round(1 / FIXTURE_FACTS, 4)
    assert report["one_side_unknown"] == 0  # both coders know it: a contradiction


def test_known_in_one_file_only_diverges_and_unknown_in_both_is_not_coded(codings: Path) -> None:
    unknown_in_both = "  victim-privacy:\n    value: null\n"
    write(codings, "a.yaml", CODING + unknown_in_both)
    write(codings, "b.yaml", CODING + unknown_in_both, ("    consent_irrelevant: true\n", ""))
    report = as_json("a.yaml", "b.yaml")
    assert report["exit"] == 1 and report["facts_coded"] == FIXTURE_FACTS
    [divergence] = report["divergent_facts"]
    assert (divergence["fact"], divergence["a"], divergence["b"]) == ("offences[s. 3].consent_irrelevant", True, None)
    assert report["one_side_unknown"] == 1  # a fact one coder did not reach, not a contradiction
    assert "(value 1, of which 1 known to one coder only; provision 0)" in agreement("a.yaml", "b.yaml").output


def test_a_different_provision_is_a_divergence_of_its_own_kind(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ("provision: s. 15\n", "provision: s. 16\n"))
    result = agreement("a.yaml", "b.yaml")
    assert result.exit_code == 1
    assert "measures.victim-assistance  (provision only)" in result.output
    assert "(value 0, of which 0 known to one coder only; provision 1)" in result.output
    [divergence] = as_json("a.yaml", "b.yaml")["divergent_facts"]
    assert divergence == {"fact": "measures.victim-assistance", "kind": "provision", "a": True, "b": True,
                          "provision_a": "ctip-act s. 15", "provision_b": "ctip-act s. 16"}


def test_coders_own_ids_and_spelling_do_not_count(codings: Path) -> None:
    """Offences match by the provision that creates them; instruments by title; 's. 15' is 's.15'."""
    write(codings, "a.yaml", CODING)
    renamed = CODING.replace("ctip-act", "counter-trafficking-act-2010").replace("id: trafficking-in-persons", "id: tip")
    write(codings, "b.yaml", renamed, ("provision: s. 15\n", "provision: s.15\n"))
    result = agreement("a.yaml", "b.yaml")
    assert result.exit_code == 0, result.output


def test_an_offence_in_one_coding_only_diverges_on_each_of_its_facts(codings: Path) -> None:
    extra = CODING.replace("measures:\n", """  - id: forced-labour
    title: Forced labour
    source: {instrument: ctip-act, provision: s. 4, url: "https://example.org/ctip#s4", retrieved: "2026-01-15", verification: source-text}
    purposes: {forced-labour: true}
measures:
""", 1)
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", extra)
    report = as_json("a.yaml", "b.yaml")
    assert [(d["fact"], d["a"], d["b"]) for d in report["divergent_facts"]] == [
        ("offences[s. 4].core", None, False), ("offences[s. 4].purposes.forced-labour", None, True)]
    assert report["facts_coded"] == FIXTURE_FACTS + 2


def test_an_offence_cited_to_another_provision_is_matched_by_id(codings: Path) -> None:
    """Every fact of the offence then diverges in its provision; the penalty, cited on its own, does not."""
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ("provision: s. 3\n", "provision: s. 30\n"))
    report = as_json("a.yaml", "b.yaml")
    assert {d["kind"] for d in report["divergent_facts"]} == {"provision"}
    # named as A names it, so that a spot-check sample drawn from A finds the offence however B cites it
    assert {d["fact"].split("]")[0] for d in report["divergent_facts"]} == {"offences[s. 3"}
    assert report["divergences"] == 1 + 5 + 3 + 3 + 4 and report["facts_coded"] == FIXTURE_FACTS


@pytest.mark.parametrize(("cited_a", "cited_b"), [("s. 3", "s. 3(1)"), ("s. 3(2)", "s. 3(2)-(3)"), ("s. 3", "S.3.")])
def test_subsections_of_the_same_section_are_the_same_provision(codings: Path, cited_a: str, cited_b: str) -> None:
    """Citing the section or one of its subsections is detail, not a second coder's disagreement."""
    write(codings, "a.yaml", CODING, ("provision: s. 3\n", f"provision: {cited_a}\n"))
    write(codings, "b.yaml", CODING, ("provision: s. 3\n", f"provision: {cited_b}\n"))
    report = as_json("a.yaml", "b.yaml")
    assert report["divergences"] == 0 and report["facts_coded"] == FIXTURE_FACTS


def test_offences_sharing_a_provision_are_matched_by_id() -> None:
    def coding(second_trade: bool) -> dict:
        source = {"instrument": "act", "provision": "s. 5", "url": "https://example.org", "retrieved": "2026-01-15",
                  "verification": "source-text"}
        offences = [{"id": "dealing", "title": "Dealing", "core": True, "source": source, "conduct": {"trade": True}},
                    {"id": "export", "title": "Export", "source": source, "conduct": {"trade": second_trade}}]
        return {"jurisdiction": "KE", "domain": "wildlife", "instruments": [], "offences": offences, "measures": {}}

    result = compare(coding(True), coding(False))
    assert [(d.fact, d.a.value, d.b.value) for d in result.divergences] == [("offences[export].conduct.trade", True, False)]
    assert result.facts_coded == 4


def test_an_unpaired_offence_of_the_second_coder_does_not_rename_the_first_coders() -> None:
    """B codes an offence of another Act under the same provision words as A's (both unread article numbers): they do
    not pair, and A's facts keep the names a sample drawn from A gives them; B's offence takes its id."""
    def coding(instrument: str, offence_id: str) -> dict:
        source = {"instrument": instrument, "provision": "penalty article (not identified)", "url": "https://example.org",
                  "retrieved": "2026-01-15", "verification": "secondary"}
        return {"jurisdiction": "CM", "domain": "wildlife", "offences": [
                    {"id": offence_id, "title": "Trafficking", "core": True, "source": source, "conduct": {"trade": True}}],
                "instruments": [{"id": instrument, "title": f"Wildlife Law {instrument}", "url": f"https://example.org/{instrument}"}],
                "measures": {}}

    first, second = coding("law-2024", "trafficking"), coding("law-1994", "protected-wildlife")
    sample = draw_sample(first, 1, 1)
    assert sample == ["offences[penalty article (not identified)].core", "offences[penalty article (not identified)].conduct.trade"]
    result = compare(first, second, sample=sample)
    assert [(d.fact, d.a.value, d.b) for d in result.divergences] == [(fact, True, None) for fact in sample]
    facts = {d.fact for d in compare(first, second).divergences}
    assert "offences[penalty article (not identified) (protected-wildlife)].conduct.trade" in facts


def test_offences_of_subsections_of_one_section_are_matched_by_their_subsection() -> None:
    """s. 170(1) and s. 170(2) are two offences; coders naming them differently are still paired, and a coder
    citing the whole section for one of them is paired on the section once the other is taken."""
    def coding(ids: tuple[str, str], provisions: tuple[str, str], second_trade: bool) -> dict:
        def source(provision: str) -> dict:
            return {"instrument": "act", "provision": provision, "url": "https://example.org", "retrieved": "2026-01-15",
                    "verification": "source-text"}
        offences = [{"id": ids[0], "title": "Evasion", "core": True, "source": source(provisions[0]), "conduct": {"trade": True}},
                    {"id": ids[1], "title": "Fraudulent evasion", "source": source(provisions[1]), "conduct": {"trade": second_trade}}]
        return {"jurisdiction": "KE", "domain": "wildlife", "instruments": [{"id": "act", "title": "Customs Act"}],
                "offences": offences, "measures": {}}

    result = compare(coding(("s170-1", "s170-2"), ("s. 170(1)", "s. 170(2)"), True),
                     coding(("evasion", "fraud"), ("s. 170(1)(b)", "s. 170(2)"), False))
    assert [(d.fact, d.a.value, d.b.value) for d in result.divergences] == [("offences[s. 170(2)].conduct.trade", True, False)]
    whole = compare(coding(("s170-1", "s170-2"), ("s. 170(1)", "s. 170(2)"), True),
                    coding(("evasion", "fraud"), ("s. 170", "s. 170(2)"), True))
    assert whole.divergences == () and whole.facts_coded == 4
    # a German paragraph's sentence, and the designator as each coder writes it, do not keep an offence from its pair
    german = compare(coding(("232-1", "232-2"), ("§ 232(1) Satz 1", "§ 232(2)"), True),
                     coding(("trafficking", "forced"), ("s. 232(1)", "section 232(2)"), False))
    assert [(d.fact, d.a.value, d.b.value) for d in german.divergences] == [("offences[§ 232(2)].conduct.trade", True, False)]


@pytest.mark.parametrize(("instrument_b", "provision_a", "provision_b"), [
    ({"id": "l9605", "title": "Lei 9.605/1998 (crimes ambientais)", "number": "Lei nº 9.605/1998"}, "art. 29", "art. 29"),  # same number
    ({"id": "l9605", "title": "Environmental Crimes Law", "url": "http://planalto.gov.br/ccivil_03/leis/L9605.htm#art29"},
     "art. 29", "art. 29"),  # same address
    ({"id": "law", "title": "Lei nº 9.605, de 12 de fevereiro de 1998"}, "art. 29, caput", "art. 29 (as amended in 2014)"),
    ({"id": "law", "title": "Lei nº 9.605, de 12 de fevereiro de 1998"}, "art. 3º", "art. 3"),
    ({"id": "law", "title": "Lei nº 9.605, de 12 de fevereiro de 1998"}, "s. 274e(a)", "42 U.S.C. 274e(a)"),
    ({"id": "law", "title": "Lei nº 9.605, de 12 de fevereiro de 1998"}, "§ 29", "section 29"),
])
def test_the_same_law_and_article_are_recognised_however_coders_write_them(instrument_b: dict, provision_a: str,
                                                                           provision_b: str) -> None:
    def coding(instrument: dict, provision: str, offence_id: str) -> dict:
        source = {"instrument": instrument["id"], "provision": provision, "url": "https://example.org", "retrieved": "2026-01-15",
                  "verification": "secondary"}
        offences = [{"id": offence_id, "title": "Hunting", "core": True, "source": source, "conduct": {"taking": True}}]
        return {"jurisdiction": "BR", "domain": "wildlife", "instruments": [instrument], "offences": offences, "measures": {}}

    instrument_a = {"id": "lei-9605-1998", "title": "Lei nº 9.605, de 12 de fevereiro de 1998", "number": "Lei nº 9.605/1998",
                    "url": "https://www.planalto.gov.br/ccivil_03/leis/L9605.htm"}
    result = compare(coding(instrument_a, provision_a, "hunting"), coding(instrument_b, provision_b, "art29"))
    assert result.divergences == () and result.facts_coded == 2


def test_different_laws_are_not_confused_by_a_shared_article_number() -> None:
    def coding(title: str) -> dict:
        source = {"instrument": "law", "provision": "art. 29", "url": "https://example.org", "retrieved": "2026-01-15",
                  "verification": "secondary"}
        return {"jurisdiction": "BR", "domain": "wildlife", "instruments": [{"id": "law", "title": title}],
                "offences": [{"id": "o", "title": "Hunting", "core": True, "source": source, "conduct": {"taking": True}}],
                "measures": {}}

    result = compare(coding("Lei nº 9.605/1998"), coding("Decreto nº 3.607/2000"))
    assert {d.kind for d in result.divergences} == {"provision"}


def test_a_changed_basic_penalty_is_named_by_its_date(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ("{min_years: 30, max_years: life}", "{min_years: 30, max_years: 20}"))
    [divergence] = as_json("a.yaml", "b.yaml")["divergent_facts"]
    assert (divergence["fact"], divergence["a"], divergence["b"]) == ("offences[s. 3].penalty[2012-10-02].prison.max_years", "life", 20)


def test_a_version_one_coder_left_undated_is_compared_with_the_other_coders_dated_one(codings: Path) -> None:
    """Its values are compared under the dated label; the missing date is one divergence, not one per value."""
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ('      - effective: "2012-10-02"\n        penalty:', "      - penalty:"))
    report = as_json("a.yaml", "b.yaml")
    assert [(d["fact"], d["a"], d["b"]) for d in report["divergent_facts"]] == [
        ("offences[s. 3].penalty[2012-10-02].effective", "2012-10-02", None)]
    assert report["facts_coded"] == FIXTURE_FACTS + 1 and report["one_side_unknown"] == 1


def test_a_version_the_first_coder_left_undated_keeps_the_first_coders_name(codings: Path) -> None:
    """The second coder's dated version is compared under A's label, so a spot-check sample drawn from A finds it."""
    write(codings, "a.yaml", CODING, ('      - effective: "2012-10-02"\n        penalty:', "      - penalty:"))
    write(codings, "b.yaml", CODING)
    report = as_json("a.yaml", "b.yaml")
    assert [(d["fact"], d["a"], d["b"]) for d in report["divergent_facts"]] == [
        ("offences[s. 3].penalty[undated].effective", None, "2012-10-02")]
    sample = codings / "sample.txt"
    sample.write_text("offences[s. 3].penalty[undated].prison.max_years\n", encoding="utf-8")
    sampled = as_json("a.yaml", "b.yaml", "--sample", str(sample))
    assert (sampled["exit"], sampled["sampled"], sampled["divergences"]) == (0, 1, 0)


def test_a_changed_tier_is_named_by_its_circumstances(codings: Path) -> None:
    write(codings, "a.yaml", TIERED, ("TIER_ID", "appendix-i"), ("TIER_MAX", "life"))
    write(codings, "b.yaml", TIERED, ("TIER_ID", "cites-i-group"), ("TIER_MAX", "20"))  # another id: matched by circumstances
    result = agreement("a.yaml", "b.yaml")
    assert result.exit_code == 1, result.output
    report = as_json("a.yaml", "b.yaml")
    assert [(d["fact"], d["a"], d["b"]) for d in report["divergent_facts"]] == [
        ("offences[s. 92].aggravated[organised-criminal-group+protected-species].penalty[2014-01-10].prison.max_years", "life", 20)]
    same = write(codings, "c.yaml", TIERED, ("TIER_ID", "appendix-i"), ("TIER_MAX", "life"))
    assert agreement("a.yaml", same.name).exit_code == 0


def test_a_tier_in_one_coding_only_diverges(codings: Path) -> None:
    write(codings, "a.yaml", TIERED, ("TIER_ID", "appendix-i"), ("TIER_MAX", "life"))
    without_tier = TIERED[: TIERED.index("    aggravated_tiers:")] + "measures: {}\n"
    write(codings, "b.yaml", without_tier)
    facts = [(d["fact"], d["a"], d["b"]) for d in as_json("a.yaml", "b.yaml")["divergent_facts"]]
    tier = "offences[s. 92].aggravated[organised-criminal-group+protected-species]"
    assert facts == [(tier, True, None), (f"{tier}.penalty[2014-01-10].prison.max_years", "life", None),
                     (f"{tier}.penalty[2014-01-10].prison.min_years", 10, None)]


def test_uplifts_compare_as_fractions() -> None:
    def coding(max_by: str) -> dict:
        version = {"effective": "2019-01-01", "uplift": {"max_by": max_by},
                   "source": {"instrument": "code", "provision": "art. 4", "url": "https://example.org", "retrieved": "2026-01-15",
                              "verification": "secondary"}}
        offence = {"id": "o", "title": "O", "core": True, "source": version["source"],
                   "aggravated_tiers": [{"id": "t", "circumstances": ["repeat-offence"], "penalty_history": [version]}]}
        return {"jurisdiction": "IT", "domain": "wildlife", "instruments": [], "offences": [offence], "measures": {}}

    assert compare(coding("1/3"), coding("2/6")).agree
    [divergence] = compare(coding("1/3"), coding("1/2")).divergences
    assert divergence.fact == "offences[art. 4].aggravated[repeat-offence].penalty[2019-01-01].uplift.max_by"
    assert (divergence.a.value, divergence.b.value) == ("1/3", "1/2")


def test_a_fine_compares_as_a_whole_and_an_explicit_false_flag_changes_nothing(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ("min: {amount: 30000000, currency: KES}\n", "min: {amount: 30000000, currency: KES}\n            unlimited: false\n"))
    assert agreement("a.yaml", "b.yaml").exit_code == 0
    write(codings, "c.yaml", CODING, ("{amount: 30000000, currency: KES}", "{amount: 3000000, currency: KES}"))
    [divergence] = as_json("a.yaml", "c.yaml")["divergent_facts"]
    assert divergence["fact"] == "offences[s. 3].penalty[2012-10-02].fine"
    assert (divergence["a"], divergence["b"]) == ({"min": {"amount": 30000000, "currency": "KES"}}, {"min": {"amount": 3000000, "currency": "KES"}})


def test_codings_of_different_jurisdictions_are_an_error(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ("jurisdiction: KE", "jurisdiction: TZ"))
    result = agreement("a.yaml", "b.yaml")
    assert result.exit_code == 2
    assert "a.yaml codes KE human-trafficking but b.yaml codes TZ human-trafficking" in result.output


def test_an_invalid_coding_is_reported_at_its_line(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ("verification: source-text\nmeasures:", "verification: maybe\nmeasures:"))
    result = agreement("a.yaml", "b.yaml", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""  # nothing half-written where a tool expects JSON
    assert "b.yaml:57: $.offences[0].penalty_history[0].source.verification: 'maybe' is not an allowed value" in result.output
    assert "problem(s) in the files compared" in result.output


def test_files_that_are_not_codings_are_errors(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", "schema_version: 1\ncode: KE\n")
    result = agreement("a.yaml", "b.yaml")
    assert result.exit_code == 2 and "b.yaml:1: $: not a domain file" in result.output
    missing = agreement("a.yaml", "nowhere.yaml")
    assert missing.exit_code == 2 and "nowhere.yaml:1:" in missing.output


def test_overall_agreement_counts_only_compared_codings() -> None:
    reviews = [{"method": "double", "facts_compared": 60, "divergences": 3},
               {"method": "spot-check", "facts_compared": 40, "divergences": 1},
               {"method": "single", "facts_compared": 0, "divergences": 0}, None]
    assert overall_agreement(reviews) == (2, 100, 4)
    assert overall_agreement([{"method": "single", "facts_compared": 0, "divergences": 0}]) == (0, 0, 0)


# -- spot-checks: a second coder re-codes a sample of the facts -------------------------------------


def spot_check(*args: str):
    result = CliRunner().invoke(main, ["spot-check", *args])
    assert "Traceback" not in result.output
    return result


def sampled_paths(output: str) -> list[str]:
    return [line for line in output.splitlines() if line and not line.startswith("#")]


def test_a_spot_check_sample_is_a_reproducible_share_of_the_known_facts_without_their_values(codings: Path) -> None:
    write(codings, "a.yaml", CODING + "  victim-privacy:\n    value: null\n")  # an unknown fact is never drawn
    first = spot_check("a.yaml", "--seed", "7")
    assert first.exit_code == 0, first.output
    drawn = sampled_paths(first.output)
    assert len(drawn) == 5  # 20 % of the 21 known facts, rounded up
    assert len(set(drawn)) == 5 and not any("victim-privacy" in path for path in drawn)
    assert f"5 of {FIXTURE_FACTS} known facts (20 %), seed 7" in first.output
    assert spot_check("a.yaml", "--seed", "7").output == first.output
    other_draws = {tuple(sampled_paths(spot_check("a.yaml", "--seed", str(seed)).output)) for seed in range(8)}
    assert len(other_draws) > 1  # the seed decides the draw
    assert not any(word in path for path in drawn for word in (": true", ": false", "KES"))  # names, not values
    everything = sampled_paths(spot_check("a.yaml", "--seed", "1", "--share", "1").output)
    assert len(everything) == FIXTURE_FACTS
    assert spot_check("a.yaml", "--seed", "1", "--share", "0").exit_code == 2
    write(codings, "broken.yaml", CODING, ("verification: source-text\nmeasures:", "verification: maybe\nmeasures:"))
    broken = spot_check("broken.yaml", "--seed", "1")
    assert broken.exit_code == 2 and "broken.yaml:57:" in broken.output
    assert "1 problem(s) in broken.yaml; fix them (lawgap validate) before drawing a sample" in broken.output


def test_a_sample_since_an_earlier_version_draws_only_what_the_change_added_or_corrected(codings: Path) -> None:
    write(codings, "earlier.yaml", CODING, ("consent_irrelevant: true", "consent_irrelevant: false"))
    write(codings, "a.yaml", CODING + "  victim-privacy:\n    value: false\n    source: {instrument: ctip-act, provision: s. 1,"
          " url: \"https://example.org/ctip\", retrieved: \"2026-01-15\", verification: source-text,"
          " absence: {read: \"ss. 1-30 read in full\", looked_for: a privacy rule}}\n")
    everything = spot_check("a.yaml", "--seed", "1", "--share", "1", "--since", "earlier.yaml")
    assert everything.exit_code == 0, everything.output
    assert sampled_paths(everything.output) == ["measures.victim-privacy", "offences[s. 3].consent_irrelevant"]
    assert "2 of 2 facts known and added or changed since earlier.yaml (100 %), seed 1" in everything.output
    one = spot_check("a.yaml", "--seed", "1", "--since", "earlier.yaml")  # 20 % of 2, rounded up
    assert len(sampled_paths(one.output)) == 1 and set(sampled_paths(one.output)) < set(sampled_paths(everything.output))
    unchanged = spot_check("earlier.yaml", "--seed", "1", "--since", "earlier.yaml")
    assert unchanged.exit_code == 2 and "earlier.yaml adds or changes no known fact relative to earlier.yaml" in unchanged.output
    write(codings, "other.yaml", CODING, ("jurisdiction: KE", "jurisdiction: UG"))
    mismatch = spot_check("a.yaml", "--seed", "1", "--since", "other.yaml")
    assert mismatch.exit_code == 2 and "other.yaml codes UG human-trafficking, not KE human-trafficking: it is not an earlier version of a.yaml" in mismatch.output
    broken = write(codings, "broken.yaml", CODING, ("verification: source-text\nmeasures:", "verification: maybe\nmeasures:"))
    result = spot_check("a.yaml", "--seed", "1", "--since", str(broken))
    assert result.exit_code == 2 and "broken.yaml:57:" in result.output
    assert f"1 problem(s) in a.yaml and {broken}" in result.output


def test_the_sample_size_is_rounded_up_in_exact_arithmetic() -> None:
    data = {"instruments": [], "offences": [], "measures": {f"m{i}": {"value": True} for i in range(30)}}
    assert len(draw_sample(data, 0.1, 1)) == 3  # 0.1 × 30 in floating point is 3.0000000000000004
    assert len(draw_sample(data, 0.2, 1)) == 6 and len(draw_sample(data, 0.21, 1)) == 7


def test_agreement_on_a_sample_compares_only_the_sampled_facts(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    sample = codings / "sample.txt"
    sample.write_text("# drawn by hand\n\noffences[s. 3].purposes.forced-labour\nmeasures.victim-assistance\n", encoding="utf-8")
    unsampled_flip = write(codings, "b.yaml", CODING, ("consent_irrelevant: true", "consent_irrelevant: false"))
    report = as_json("a.yaml", str(unsampled_flip), "--sample", str(sample))
    assert report["exit"] == 0 and (report["sampled"], report["facts_coded"], report["divergences"]) == (2, 2, 0)
    assert "Spot-check: the 2 sampled facts only." in agreement("a.yaml", "b.yaml", "--sample", str(sample)).output
    write(codings, "b.yaml", CODING, ("forced-labour: true", "forced-labour: false"))
    report = as_json("a.yaml", "b.yaml", "--sample", str(sample))
    assert report["exit"] == 1 and [d["fact"] for d in report["divergent_facts"]] == ["offences[s. 3].purposes.forced-labour"]
    assert as_json("a.yaml", "b.yaml")["sampled"] is None  # a full comparison


def test_a_sample_finds_an_offence_the_second_coder_cites_to_another_provision(codings: Path) -> None:
    """B cites the offence to the amending Act's section: it is paired by id, still named as A names it."""
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING, ("provision: s. 3\n", "provision: s. 30\n"))
    sample = codings / "sample.txt"
    sample.write_text(spot_check("a.yaml", "--seed", "3", "--share", "1").output, encoding="utf-8")
    report = as_json("a.yaml", "b.yaml", "--sample", str(sample))
    assert report["exit"] == 1 and report["sampled"] == FIXTURE_FACTS
    assert {d["kind"] for d in report["divergent_facts"]} == {"provision"}


def test_a_sample_drawn_from_another_coding_is_an_error(codings: Path) -> None:
    write(codings, "a.yaml", CODING)
    write(codings, "b.yaml", CODING)
    stale = codings / "stale.txt"
    stale.write_text("offences[s. 99].conduct.trade\n", encoding="utf-8")
    result = agreement("a.yaml", "b.yaml", "--sample", str(stale))
    assert result.exit_code == 2
    assert "the sample names 1 fact(s) that neither a.yaml nor b.yaml has, first 'offences[s. 99].conduct.trade'" in result.output
    (codings / "empty.txt").write_text("# nothing\n", encoding="utf-8")
    assert agreement("a.yaml", "b.yaml", "--sample", "empty.txt").exit_code == 2
    missing = agreement("a.yaml", "b.yaml", "--sample", "nowhere.txt")
    assert missing.exit_code == 2 and "nowhere.txt: cannot read the sample" in missing.output
