package report

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/keyholder-game/keyholder/game/analysis"
)

// Markdown writes the report as Markdown. Every piece of text from the
// scenario or the record is escaped, so a reason such as "<script>" or
// "*really*" shows as typed and cannot break the page.
func (rep *Report) Markdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# After-action report: %s\n\n", md(rep.Title))
	p("%s\n\n", md(rep.Summary))
	p("- Scenario: `%s`, version %s\n", rep.ScenarioID, short(rep.Hash))
	p("- Seed: %d (replaying the record with this seed gives the same game)\n", rep.Seed)
	p("- Turns played: %d of %d\n", rep.Played, rep.Turns)
	if e := rep.Ending; e != nil {
		p("\n## Ending: %s\n\n", md(e.Title))
		p("Rated **%d of 5**, reached after turn %d.%s\n\n", e.Rating, e.Turn, mdCites(e.Sources))
		p("%s\n\n", md(e.Text))
		p("**Assessment.** %s\n", md(e.Assessment))
	} else {
		p("\n## Ending: not reached\n\nThe record stops after turn %d of %d.\n", rep.Played, rep.Turns)
	}

	p("\n## Timeline\n")
	for _, t := range rep.Timeline {
		p("\n### Turn %d (%s)\n\n", t.Turn, t.Date.Format("2 January 2006"))
		if !t.Decided() {
			p("- Decisions: none; everything held as before.\n")
		}
		for _, c := range t.Changes {
			p("- Decision: %s\n", md(c))
		}
		for _, a := range t.Answers {
			p("- Dilemma answered: %s\n", md(a))
		}
		if t.Reason != "" {
			p("- Reason given: “%s”\n", md(t.Reason))
		} else if t.Decided() {
			p("- Reason given: none\n")
		}
		if t.Money > 0 || t.Capital > 0 {
			p("- Spent: %s, %s capital\n", md(analysis.Money(t.Money, rep.Unit)), analysis.Num(t.Capital))
		}
		for _, n := range t.News {
			tag := ""
			if n.Fiction {
				tag = " *(scenario event: did not really happen)*"
			}
			if n.RealDate != "" {
				tag = " *(real, but out of time: it happened " + md(n.RealDate) + ")*"
			}
			p("- News: **%s**%s: %s%s\n", md(n.Title), tag, md(n.Text), mdCites(n.Sources))
		}
		for _, m := range t.Moves {
			cause := ""
			if m.Cause != "" {
				cause = "; largest cause: " + md(m.Cause)
			}
			p("- %s: %s → %s (%s)%s\n", md(m.Name), analysis.Num(m.Before), analysis.Num(m.After), Signed(m.After-m.Before), cause)
		}
		for _, wn := range t.Warnings {
			p("- Warning: %s\n", md(wn))
		}
		if t.Ending != "" {
			p("- **The game ended: %s**\n", md(t.Ending))
		}
	}

	p("\n## Indicators over the game\n\n")
	p("Values at the start and after each turn. A * marks a turn in which a decision was changed.\n\n")
	decided := map[int]bool{}
	for _, t := range rep.Decided {
		decided[t] = true
	}
	p("| Indicator | start |")
	for t := 1; t <= rep.Played; t++ {
		mark := ""
		if decided[t] {
			mark = "*"
		}
		p(" %d%s |", t, mark)
	}
	p(" trend |\n|---|---:|")
	for t := 1; t <= rep.Played; t++ {
		p("---:|")
	}
	p("---|\n")
	for _, s := range rep.Series {
		name := md(s.Name)
		if s.Good == "down" {
			name += " (lower is better)"
		}
		p("| %s |", name)
		for _, v := range s.Values {
			p(" %s |", tableNum(v, s.Max-s.Min))
		}
		p(" %s |\n", sparkline(s))
	}

	p("\n## What caused the outcome\n\n")
	p("The largest causes of each indicator's change, from the consequence ledger, summed over the game.\n")
	for _, o := range rep.Outcomes {
		p("\n### %s: %s → %s (%s)\n\n", md(o.Name), analysis.Num(o.Start), analysis.Num(o.Final), Signed(o.Final-o.Start))
		if len(o.Causes) == 0 {
			p("Nothing moved it noticeably.\n")
		}
		for _, c := range o.Causes {
			p("- **%s** %s: %s.%s%s\n", Signed(c.Amount), md(c.Label), md(strings.TrimSuffix(c.Explain, ".")),
				md(timing(c)), mdCites(c.Sources))
		}
	}

	if len(rep.Questions) > 0 {
		p("\n## Questions for discussion\n\n")
		for i, q := range rep.Questions {
			when := ""
			if q.Turn > 0 {
				when = fmt.Sprintf(" *(best asked at turn %d)*", q.Turn)
			}
			p("%d. %s%s%s\n", i+1, md(q.Text), when, mdCites(q.Sources))
		}
	}
	if rep.Facilitator != "" {
		p("\n## Facilitator notes\n\n%s\n", md(rep.Facilitator))
	}

	p("\n## Sources cited in this run\n\n")
	p("Every source behind an effect, a headline, an option chosen, the ending or a question, with its evidence label.\n\n")
	for _, s := range rep.Sources {
		p("- **[%s]** *%s*: %s", md(s.ID), md(s.Evidence), md(s.Title))
		if by := strings.TrimSpace(s.Outlet + " " + s.Date); by != "" {
			p(" (%s)", md(by))
		}
		if s.Note != "" {
			p(". %s", md(s.Note))
		}
		if isWebURL(s.URL) {
			p(" <%s>", mdURL(s.URL))
		} else if s.URL != "" {
			p(" %s", md(s.URL))
		}
		p("\n")
	}
	return b.Flush()
}

// timing says when a cause happened and when it landed, which shows delays.
func timing(c Cause) string {
	switch {
	case c.Kind == "drift" || c.Kind == "limit" || len(c.Landed) == 0:
		return fmt.Sprintf(" (turn%s %s)", plural(len(c.Landed)), Turns(c.Landed))
	case equalTurns(c.CausedOn, c.Landed):
		return fmt.Sprintf(" (turn%s %s)", plural(len(c.Landed)), Turns(c.Landed))
	}
	return fmt.Sprintf(" (caused on turn%s %s, landed on turn%s %s)", plural(len(c.CausedOn)), Turns(c.CausedOn),
		plural(len(c.Landed)), Turns(c.Landed))
}

func equalTurns(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func short(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}

// tableNum keeps the table narrow: whole numbers for wide scales.
func tableNum(v, span float64) string {
	if span >= 20 {
		return analysis.Num(math.Round(v))
	}
	return analysis.Num(v)
}

// sparkline draws a series with block characters, scaled to the
// indicator's whole range so two lines compare.
func sparkline(s Series) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	var b strings.Builder
	for _, v := range s.Values {
		k := 0
		if s.Max > s.Min {
			k = int(math.Round((v - s.Min) / (s.Max - s.Min) * float64(len(blocks)-1)))
		}
		b.WriteRune(blocks[max(0, min(len(blocks)-1, k))])
	}
	return b.String()
}

func mdCites(cs []Cite) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = md(c.ID) + ": " + md(c.Evidence)
	}
	return " \\[" + strings.Join(parts, "\\] \\[") + "\\]"
}

func md(s string) string { return EscapeMarkdown(s) }

// EscapeMarkdown escapes text for Markdown: punctuation that could start
// markup or raw HTML is backslash-escaped, and line breaks become spaces so
// text cannot start a heading or a list.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '!', '{', '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isWebURL admits only http and https links, so a scenario cannot plant a
// javascript: link in a report.
func isWebURL(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

// mdURL keeps an autolink intact: characters that would end it are encoded.
func mdURL(u string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "").Replace(u)
}
