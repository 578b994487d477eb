package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/analysis"
	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
)

// richMini is mini.toml with more sources and a fictional event, so the
// source list and fiction marks have something to show.
func richMini(t testing.TB) *scenario.Scenario {
	t.Helper()
	s := string(simtest.MiniTOML)
	for _, r := range [][2]string{
		{"[[indicators]]", `[[sources]]
id = "D2"
title = "Trust survey"
outlet = "Pollster"
date = "2017"
url = "https://example.org/survey?a=1&b=2"
evidence = "fact"

[[sources]]
id = "F1"
title = "Invented plot"
evidence = "scenario event"

[[indicators]]`},
		{"cooldown = 1\nsets = [\"alarm\"]\nsources = [\"D1\"]", "cooldown = 1\nfiction = true\nsets = [\"alarm\"]\nsources = [\"F1\"]"},
		{"explain = \"A mandate costs trust.\"\nsources = [\"D1\"]", "explain = \"A mandate costs trust.\"\nsources = [\"D2\"]"},
	} {
		if !strings.Contains(s, r[0]) {
			t.Fatalf("mini.toml no longer contains %q", r[0])
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	sc, probs := scenario.Load("rich-mini.toml", []byte(s))
	if sc == nil {
		t.Fatalf("rich mini: %v", probs.Error())
	}
	return sc
}

const evilReason = `protect the bridge <script>alert("x")</script> first & *now*`

// script plays a fixed game and returns its record.
func script(t testing.TB, sc *scenario.Scenario, seed uint64) sim.Record {
	t.Helper()
	r := sim.New(sc, seed)
	ds := []sim.Decision{
		{Spend: map[string]float64{"barriers": 10}, Options: map[string]string{"mandate": "notices"}, Reason: evilReason},
		{Answers: map[string]string{"summit": "cooperate"}, Reason: "work with the firms"},
	}
	for t2 := 0; !r.Over(); t2++ {
		var d sim.Decision
		if t2 < len(ds) {
			d = ds[t2]
		}
		if _, err := r.Resolve(d); err != nil {
			t.Fatalf("turn %d: %v", t2+1, err)
		}
	}
	return r.Record()
}

func build(t *testing.T) (*Report, *sim.Run) {
	t.Helper()
	sc := richMini(t)
	rep, r, err := FromRecord(sc, script(t, sc, 5))
	if err != nil {
		t.Fatal(err)
	}
	return rep, r
}

// cited lists every source id the run touched, from the engine's own
// outputs, for checking the report's list against.
func cited(r *sim.Run) map[string]bool {
	ids := map[string]bool{}
	for _, e := range r.Ledger() {
		for _, id := range e.Sources {
			ids[id] = true
		}
	}
	for _, rp := range r.Reports() {
		for _, n := range rp.News {
			for _, id := range n.Sources {
				ids[id] = true
			}
		}
	}
	for _, id := range r.Ending().Sources {
		ids[id] = true
	}
	for _, q := range r.Scenario().Debrief.Questions {
		for _, id := range q.Sources {
			ids[id] = true
		}
	}
	return ids
}

func TestMarkdownReport(t *testing.T) {
	rep, r := build(t)
	var b bytes.Buffer
	if err := rep.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	e := r.Ending()
	for _, want := range []string{
		"# After-action report: Mini", "Seed: 5", "## Ending: " + e.Title, "Rated **" + string(rune('0'+e.Rating)) + " of 5**",
		e.Assessment, "### Turn 1 (27 March 2017)", "Decision: Barriers: £5m → £10m", "Decision: Mandate: None → Notices",
		"Reason given: “work with the firms”", "Dilemma answered: Tech summit: Work together",
		`protect the bridge \<script\>alert("x")\</script\> first \& \*now\*`, // escaped, words intact
		"| Indicator | start | 1* | 2* | 3 |", "## What caused the outcome", "Barriers (budget line)",
		"## Questions for discussion", "1. Why?", "## Sources cited in this run",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if strings.Contains(out, "<script>") {
		t.Error("Markdown carries a raw <script> tag")
	}
	for id := range cited(r) {
		label := r.Scenario().Source(id).Evidence
		if !strings.Contains(out, "**["+id+"]** *"+label+"*") {
			t.Errorf("source %s (%s) missing from the source list", id, label)
		}
	}
	if !strings.Contains(out, "**A plot** *(scenario event: did not really happen)*") {
		t.Error("the fictional plot is not marked as fiction")
	}
	if strings.Contains(out, "Trust survey") != cited(r)["D2"] {
		t.Error("D2 listed although not cited, or cited but not listed")
	}
}

func TestHTMLReportIsSelfContainedAndEscaped(t *testing.T) {
	rep, r := build(t)
	var b bytes.Buffer
	if err := rep.HTML(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	visible := 0
	for _, ind := range r.Scenario().Indicators {
		if !ind.Hidden {
			visible++
		}
	}
	if n := strings.Count(out, "<svg "); n != visible {
		t.Errorf("%d charts, want one per visible indicator (%d)", n, visible)
	}
	if !strings.Contains(out, `<rect class="band"`) || !strings.Contains(out, `<path class="line"`) {
		t.Error("charts lack decision bands or lines")
	}
	if strings.Contains(strings.ToLower(out), "<script") {
		t.Error("HTML contains a script element")
	}
	if !strings.Contains(out, "protect the bridge &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; first &amp; *now*") {
		t.Error("the reason is not shown escaped")
	}
	// No external assets: the only http(s) addresses are source links.
	for _, m := range regexp.MustCompile(`(?i)(src|href)="([^"#][^"]*)"`).FindAllStringSubmatch(out, -1) {
		if m[1] != "href" || !strings.HasPrefix(m[2], "https://example.org/") {
			t.Errorf("external reference %s=%q", m[1], m[2])
		}
	}
	for _, bad := range []string{"<link", "<img", "@import", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML uses %q", bad)
		}
	}
	for id := range cited(r) {
		label := r.Scenario().Source(id).Evidence
		if !strings.Contains(out, `<li id="src-`+id+`"><strong>[`+id+`]</strong> <span class="cite `+evidenceClass(label)+`">`+label+`</span>`) {
			t.Errorf("source %s (%s) missing from the HTML source list", id, label)
		}
	}
	if !strings.Contains(out, "(scenario event: did not really happen)") {
		t.Error("fiction not marked in HTML")
	}
	if !strings.Contains(out, "@media print") {
		t.Error("no print styles")
	}
}

func TestCausesAddUpAndCarrySources(t *testing.T) {
	rep, r := build(t)
	for _, o := range rep.Outcomes {
		var id string
		for _, s := range rep.Series {
			if s.Name == o.Name {
				id = s.ID
			}
		}
		total := 0.0
		for _, g := range Group(r.Scenario(), r.Why(id, 0)) {
			total += g.Amount
		}
		if d := total - (o.Final - o.Start); d > 1e-6 || d < -1e-6 {
			t.Errorf("%s: grouped causes add to %g, change is %g", o.Name, total, o.Final-o.Start)
		}
		for _, c := range o.Causes {
			if c.Effect != "" && len(c.Sources) == 0 {
				t.Errorf("%s: cause %q has no sources", o.Name, c.Label)
			}
			for _, s := range c.Sources {
				if s.Evidence == "" {
					t.Errorf("cause %q cites %s without a label", c.Label, s.ID)
				}
			}
		}
	}
	// Barriers funded on turn 1 land from turn 2: the report shows the delay.
	var found bool
	for _, o := range rep.Outcomes {
		for _, c := range o.Causes {
			if c.Label == "Barriers (budget line)" && c.CausedOn[0] == 1 && c.Landed[0] == 2 {
				found = true
			}
		}
	}
	if !found {
		t.Error("the barriers' delayed effect is not traced to turn 1")
	}
}

func TestUnfinishedRecord(t *testing.T) {
	sc := richMini(t)
	rec := script(t, sc, 5)
	rec.Decisions, rec.Ending = rec.Decisions[:2], ""
	rep, _, err := FromRecord(sc, rec)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	rep.Markdown(&b)
	if rep.Ending != nil || !strings.Contains(b.String(), "The record stops after turn 2 of 6") {
		t.Errorf("unfinished record not reported as such:\n%s", b.String())
	}
	b.Reset()
	if err := rep.HTML(&b); err != nil || !strings.Contains(b.String(), "Ending: not reached") {
		t.Errorf("HTML of unfinished record: %v", err)
	}
}

func TestTicksAndTurns(t *testing.T) {
	if got := Turns([]int{1, 2, 3, 5, 7, 8}); got != "1-3, 5, 7-8" {
		t.Errorf("Turns = %q", got)
	}
	got := ticks(0, 100, 5)
	if len(got) != 6 || got[0] != 0 || got[5] != 100 {
		t.Errorf("ticks(0,100,5) = %v", got)
	}
	if Signed(-0.01) != "±0" || Signed(2.25) != "+2.3" || analysis.Money(10, "£m") != "£10m" {
		t.Error("number formatting")
	}
}
