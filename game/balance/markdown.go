package balance

import (
	"fmt"
	"math"
	"strings"
)

// Markdown writes the report as BALANCE.md; command is how to make it again.
func (r *Report) Markdown(command string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	verdict := "every criterion holds"
	if !r.OK() {
		verdict = fmt.Sprintf("%d criteria fail", len(r.Failures))
	}
	p("# Balance of %s\n\n", r.File)
	p("Made by `%s` (scenario hash `%.12s`): %s.\n\n", command, r.Hash, verdict)
	p("Bots play the scenario; no game here was played by a person. Game i uses seed %d+i, so any one\n", r.Config.Seed)
	p("game can be watched with `kh play -seed N`. The random bot re-rolls each lever with a 50%% chance each\n")
	p("turn; a fixed strategy holds one setting per lever all game, and either one answer per dilemma (in the\n")
	p("search) or random answers (where its settings name none).\n\n")
	for _, f := range r.Failures {
		p("- **FAILS:** %s\n", f)
	}
	if len(r.Failures) > 0 {
		p("\n")
	}

	p("## 1. Every ending happens, none dominates\n\n")
	p("Criterion: each ending in at least %.0f%% and at most %.0f%% of %d random games.\n\n",
		100*r.Criteria.EndingMin, 100*r.Criteria.EndingMax, r.Random.Games)
	p("| ending | rating | share | verdict |\n| --- | --- | --- | --- |\n")
	for _, e := range r.Random.Endings {
		p("| %s (%s) | %d | %.1f%% | %s |\n", e.Title, e.ID, e.Rating, 100*e.Share,
			ok(e.Share >= r.Criteria.EndingMin && e.Share <= r.Criteria.EndingMax))
	}

	p("\n## 2. No fixed strategy wins by itself\n\n")
	p("Criterion: no fixed strategy reaches the best-rated ending (rating %d) in more than %.0f%% of seeds.\n",
		r.Random.BestRating, 100*r.Criteria.FixedMax)
	p("Random bots reach it in %.1f%% of games. %d fixed strategies were tried on %d seeds each: every\n",
		100*r.Random.BestShare, r.Tried, r.Config.FixedGames)
	p("lever pushed to an extreme, %d random full strategies (levers and dilemma answers), and the best %d\nimproved one setting at a time.\n\n",
		r.Config.Samples, r.Config.Climbs)
	p("| strategy | settings | best ending | most common ending | stories | verdict |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, f := range r.Named {
		r.fixedRow(&b, f)
	}
	p("| **strongest found** | | | | | |\n")
	for _, f := range r.Best {
		r.fixedRow(&b, f)
	}

	p("\n## 3. Every lever option matters\n\n")
	p("Criterion: choosing a setting instead of some other setting of the same lever, held all game with the other\n")
	p("levers random on the same seeds, moves a visible indicator's final mean by at least %.0f%% of its range.\n", r.Criteria.OptionMin)
	p("%d games per setting; budget lines are tried at their minimum, middle and maximum.\n\n", r.Config.SweepGames)
	p("| setting | against | shift | on | best-ending share | verdict |\n| --- | --- | --- | --- | --- | --- |\n")
	for i, m := range r.Options {
		best := 0.0
		if i < len(r.Sweep.Variants) {
			best = r.Sweep.Variants[i].BestShare
		}
		p("| %s | %s | %+.1f%% | %s | %.1f%% | %s |\n", m.Setting, m.Against, m.Shift, m.On, 100*best,
			ok(math.Abs(m.Shift) >= r.Criteria.OptionMin))
	}

	p("\n## 4. Chance varies the story; a seed fixes it\n\n")
	p("Random games told %d distinct stories (events by turn, and the ending) in %d games. Every fixed strategy\n",
		r.Random.Stories, r.Random.Games)
	p("above told at least %d different stories over its seeds (the stories column). %d games of the named\n",
		r.Criteria.StoryMin, r.Replays)
	p("strategies were replayed from their records and gave the identical ledger and reports.\n")

	p("\n## Final indicators under random play\n\n")
	p("| indicator | good | start | mean | p10 | p90 |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, ind := range r.Random.Indicators {
		p("| %s | %s | %g | %.1f | %.1f | %.1f |\n", ind.Name, ind.Good, ind.Start, ind.Mean, ind.P10, ind.P90)
	}
	return b.String()
}

func (r *Report) fixedRow(b *strings.Builder, f Fixed) {
	fmt.Fprintf(b, "| %s | `%s` | %.1f%% | %s (%.0f%%) | %d | %s |\n", f.Name, f.Settings, 100*f.BestShare,
		f.TopEnding, 100*f.TopShare, f.Stories, ok(f.BestShare <= r.Criteria.FixedMax && f.Stories >= r.Criteria.StoryMin))
}

func ok(b bool) string {
	if b {
		return "ok"
	}
	return "**fails**"
}
