"""Statement classes on many phrasings (SPEC §8.4). These sentences were written before tuning,
from the SPEC's definitions; most use words that are in no lexicon of ours on purpose."""

from __future__ import annotations

import pytest

from stratlint.model import Cls, Kind
from stratlint.read.parse import parse
from stratlint.understand.analysis import analyse_document

GOALS = [
    "Increase sales by 50% this year.",
    "Lift bookings 30%.",
    "Get to $4M ARR by December.",
    "Triple our logo count.",
    "Double revenue in the Nordics by FY28.",
    "Grow ARR to $8M.",
    "Reach 1,200 active merchants.",
    "Get back to $4M in placement fees.",
    "We will hit $12M in new bookings next year.",
    "Our goal is to close 40 new dental groups by Q4.",
    "Cut churn to 2% a month.",
    "Become the #1 payroll provider for restaurants in Texas.",
    "Be the go-to platform for independent pharmacies.",
    "Target: 300 paying schools by June.",
    "Raise average deal size from $18k to $25k.",
    "Boost renewals to 95% by year end.",
    "Add 600 healthcare MQLs per quarter.",
    "Win 25 new hospital logos in FY27.",
    "Improve sales.",
    "Grow pipeline meaningfully this quarter.",
    "Land 40 new dental groups.",
    "Shorten the sales cycle to 45 days.",
    "Quadruple subscriptions in the UK.",
    "Sign 12 new distributors by end of Q3.",
    "Take win rate back above 30% by the second half.",
    "Cut average discount from 28% to 15%.",
    "Make the Midwest our largest region by revenue.",
    "Reach profitability in the SMB segment by Q4.",
    "Bring churn under 1% a month.",
    "Be in the top three vendors for mid-market banks by 2028.",
    "Increase average deal size.",
]
CONTEXT = [
    "Our win rate fell from 30% to 18% last year.",
    "ARR grew 40% last year.",
    "Churn is 4% a month among firms under 20 seats.",
    "We lost six of our ten largest deals to Vendorly in 2025.",
    "Hospitals lose $2M a year to claim denials.",
    "Most buyers evaluate three vendors.",
    "Pipeline coverage was 2.1x at the start of Q3.",
    "Competitors have cut prices by 20% since March.",
    "Average contract value has doubled since 2023 as buyers consolidate vendors.",
    "Three competitors now offer a free tier, which halves our trial-to-paid conversion.",
    "Our share of the mid-market fell to 11% after the price increase.",
    "Procurement teams now demand SOC 2 reports before a first call.",
    "Each deal needs sign-off from three departments, which adds 40 days to the cycle.",
    "Buyers increasingly want usage-based pricing.",
    "We closed 14 enterprise deals last year, twice as many as the year before.",
    "Nearly 60% of churned customers never finished onboarding.",
    "In 2025 we ran 40 webinars and sourced almost no pipeline from them.",
    "Last quarter the SDR team booked 210 meetings, but only 18 turned into opportunities.",
    "Competitors attend every major trade show and spend heavily on paid search.",
    "Each hospital evaluates vendors over roughly nine months.",
]
CHOICES = [
    "Focus on enterprise healthcare clients with a value-based selling approach.",
    "Sell through partners rather than direct.",
    "Sell to SMB only through certified partners; no direct field team.",
    "Win mid-market 3PLs by bundling onboarding into the subscription.",
    "We will not chase deals under $10k ACV.",
    "Enter the Nordics through distributors that already serve mid-size manufacturers.",
    "Compete on time-to-value rather than on price.",
    "Our buyer is the VP of Operations at regional hospital networks.",
    "Prioritise veterinary chains with five or more clinics.",
    "Concentrate field sales on hospital systems that already run Epic.",
    "Price per location so franchise owners can predict their costs.",
    "Lead with the compliance module for credit unions, where audits drive urgency.",
    "We win where the buyer has already tried to build this in spreadsheets and failed.",
    "Target independent pharmacies with two to ten locations; chains buy centrally.",
    "Position the product as a compliance tool for the CFO, not a productivity tool for IT.",
    "We will stay out of the public sector until we have FedRAMP.",
    "Serve regional grocers through their wholesalers rather than store by store.",
    "Win on implementation speed: customers are live in 30 days, against 6 months for incumbents.",
    "Enter Germany in 2027 through two system integrators rather than hiring a local team.",
    "Target the 300 independent pharmacies in the tri-state area that still bill on paper.",
    "We compete on price per seat, which is half what Salesforce charges.",
    "Focus the first two years on Texas and Florida, where we already have 40 reference sites.",
]
ACTIONS = [
    "Make 50 calls a day.",
    "Attend HIMSS in March.",
    "Nadia posts a teardown every Thursday.",
    "Each rep walks 20 blocks a week.",
    "Hire two SDRs for EMEA by March 31.",
    "Run four webinars for hospital CFOs in Q3.",
    "Launch the partner referral program in Q2.",
    "Clean up CRM data before the board meeting.",
    "Publish a case study with St. Mary's by June.",
    "AEs will book 8 discovery calls a week.",
    "Translate the pitch deck into German by May 15.",
    "Schedule QBRs with the top 20 accounts.",
    "Set up Gong for the whole sales team in April.",
    "Priya reviews the forecast every Monday.",
    "Run a pricing experiment on the self-serve plan in March.",
    "Send every lost-deal note to product within a week.",
    "Dana will rebuild the territory map before the kickoff.",
    "Interview 15 churned customers by the end of May.",
    "Stand up a deal desk with two analysts in Q2.",
    "The SDR team calls every inbound lead within a day of sign-up.",
    "SDRs make 60 dials a day into the 100-1,000 employee list.",
    "Every partner takes two developer clients to lunch each month.",
    "Book 15 discovery meetings with pharmacy owners each month.",
    "Sponsor the NACDS conference in April and host a customer dinner there.",
    "Our two SDRs run a 12-step sequence for each new lead.",
    "Maria runs the weekly win-loss review on Fridays.",
]


def _classify(sentence: str, use_models: bool = False) -> Cls:
    """The hand classifier's class (a feature of the learned model) of a sentence on its own."""
    doc = parse(f"## Notes\n\n- {sentence}\n", "t.md")
    a = analyse_document(doc, use_models=use_models)
    (st,) = [s for s in doc.statements if s.form == "item"]
    return a.cls(st)


def test_the_learned_classes_of_the_paraphrases_hold_their_measured_share():
    # The learned model on the same sentences, alone under a neutral heading (no section to
    # help): measured 2026-12-03 at 53 of 99 (the hand classifier gets all 99: it was written
    # for them); a model that does worse fails here.
    cases = (
        [(s, Cls.GOAL) for s in GOALS]
        + [(s, Cls.CONTEXT) for s in CONTEXT]
        + [(s, Cls.CHOICE) for s in CHOICES]
        + [(s, Cls.ACTION) for s in ACTIONS]
    )
    right = sum(_classify(s, use_models=True) == c for s, c in cases)
    assert right >= 53, f"{right} of {len(cases)}"


@pytest.mark.parametrize("sentence", GOALS)
def test_goal_phrasings_are_goals(sentence):
    assert _classify(sentence) == Cls.GOAL, sentence


@pytest.mark.parametrize("sentence", CONTEXT)
def test_numbers_told_as_facts_are_context(sentence):
    assert _classify(sentence) == Cls.CONTEXT, sentence


@pytest.mark.parametrize("sentence", CHOICES)
def test_choices_are_choices_even_as_imperatives(sentence):
    assert _classify(sentence) == Cls.CHOICE, sentence


@pytest.mark.parametrize("sentence", ACTIONS)
def test_activities_are_actions(sentence):
    assert _classify(sentence) == Cls.ACTION, sentence


@pytest.mark.parametrize(
    "heading,kind",
    [
        ("Sales Strategy", Kind.STRATEGY),
        ("Strategy execution plan", Kind.PLAN),
        ("Strategy & Plan", Kind.MIXED),
        ("Strategies and tactics", Kind.MIXED),
        ("Q3 Goals", Kind.GOALS),
        ("OKRs", Kind.GOALS),
        ("Where we play", Kind.STRATEGY),
        ("Target market", Kind.STRATEGY),
        ("30-60-90", Kind.PLAN),
        ("Next steps", Kind.PLAN),
        ("Pillar 4: Utility make-ready programs", Kind.STRATEGY),
        ("Budget", None),
        ("Playbook", None),
        ("Vision", None),
        ("Future plans", None),  # intentions beyond the period (SPEC §8.9)
        ("Ideas for the roadmap", None),
        ("Our strategy for the future", Kind.STRATEGY),
        # A label before a colon names the section; a name that holds a kind word does not.
        ("Objective 2: Build the partner plan", Kind.GOALS),
        ("Q3 plan: strategy refresh", Kind.PLAN),
        ("Kestrel wellness plans: sales strategy 2027", Kind.STRATEGY),
    ],
)
def test_heading_kinds(heading, kind):
    from stratlint.understand.headings import heading_kind

    assert heading_kind(heading).kind == kind


def test_a_number_in_a_goals_section_is_a_goal_not_a_finding():
    from stratlint import lint_text

    text = "## Goals\n\n- Grow ARR to $8M by Q4.\n"
    assert lint_text(text) == []
