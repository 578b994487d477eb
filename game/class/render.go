package class

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/keyholder-game/keyholder/game/analysis"
	"github.com/keyholder-game/keyholder/game/report"
)

// JSON writes the summary as indented JSON, for spreadsheets and scripts.
func (s *Summary) JSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

func pct(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

// Markdown writes the summary as Markdown; all text from records and
// scenarios is escaped.
func (s *Summary) Markdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# How your class chose\n\n")
	p("%d record file(s): %d summarised, %d left out.\n", s.Records, s.Counted, len(s.Skipped))
	for _, n := range s.Notes {
		p("\n> %s\n", md(n))
	}
	for _, g := range s.Groups {
		p("\n## %s\n\n", md(g.Title))
		p("- Scenario `%s`, version %.12s: %d student(s) played this same version; %d finished.\n",
			g.Scenario, g.Hash, g.Students, g.Finished)
		p("- Turns played: %d in all (the scenario has %d turns).\n", g.TurnsTotal, g.Turns)

		p("\n### Endings\n\n| Ending | Rating | Students | Share |\n|---|---:|---:|---:|\n")
		for _, e := range g.Endings {
			rating := "–"
			if e.ID != "" {
				rating = fmt.Sprintf("%d of 5", e.Rating)
			}
			p("| %s | %s | %d | %s |\n", md(e.Title), rating, e.Count, pct(e.Share))
		}

		p("\n### How the levers were held\n\nShare of all turns played on which each option was in force; for budget lines, the average amount a turn.\n\n")
		for _, l := range g.Levers {
			if l.Kind == "spend" {
				p("- **%s** (budget line): average %s a turn, from %s to %s\n", md(l.Name),
					md(money(l.Average, g.Unit)), md(money(l.Min, g.Unit)), md(money(l.Max, g.Unit)))
				continue
			}
			var parts []string
			for _, o := range l.Options {
				parts = append(parts, fmt.Sprintf("%s %s", md(o.Label), pct(o.Share)))
			}
			p("- **%s**: %s\n", md(l.Name), strings.Join(parts, ", "))
		}
		if len(g.Dilemmas) > 0 {
			p("\n### Dilemmas\n\n")
			for _, d := range g.Dilemmas {
				var parts []string
				for _, a := range d.Answers {
					parts = append(parts, fmt.Sprintf("%s %d", md(a.Label), a.N))
				}
				p("- **%s**: %s\n", md(d.Title), strings.Join(parts, ", "))
			}
		}

		p("\n### Where the indicators finished\n\n| Indicator | Start | Mean | Lowest | Highest |\n|---|---:|---:|---:|---:|\n")
		for _, ind := range g.Indicators {
			name := md(ind.Name)
			if ind.Good == "down" {
				name += " (lower is better)"
			}
			p("| %s | %s | %s | %s | %s |\n", name, analysis.Num(ind.Start), analysis.Num(ind.Mean), analysis.Num(ind.Min), analysis.Num(ind.Max))
		}

		if len(g.Splits) > 0 {
			p("\n### Turns on which the class decided most differently\n\n")
			for _, t := range g.Splits {
				p("- **Turn %d** (%d students):", t.Turn, t.Students)
				for i, l := range t.Levers {
					sep := ";"
					if i == 0 {
						sep = ""
					}
					p("%s %s: %s", sep, md(l.Name), md(counts(l.Counts)))
				}
				p("\n")
			}
		}

		p("\n### Reasons students gave, by decision\n")
		if len(g.Reasons) == 0 {
			p("\nNo decisions or reasons were recorded.\n")
		}
		for _, r := range g.Reasons {
			p("\n**%s** (%d student(s))\n\n", md(r.Decision), r.Students)
			if len(r.Reasons) == 0 {
				p("- no reason given\n")
			}
			for _, x := range r.Reasons {
				times := ""
				if x.Count > 1 {
					times = fmt.Sprintf(", ×%d", x.Count)
				}
				p("- “%s” (turn %s%s)\n", md(x.Text), report.Turns(x.Turns), times)
			}
		}
	}
	if len(s.Skipped) > 0 {
		p("\n## Records left out\n\n")
		for _, k := range s.Skipped {
			p("- `%s`: %s\n", strings.ReplaceAll(k.File, "`", "'"), md(k.Why))
		}
	}
	return b.Flush()
}

func counts(cs []Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s %d", c.Label, c.N)
	}
	return strings.Join(parts, ", ")
}

// md escapes text the way after-action reports do.
func md(s string) string { return report.EscapeMarkdown(s) }

// HTML writes the summary as one self-contained, printable page.
func (s *Summary) HTML(w io.Writer) error { return classPage.Execute(w, s) }

var classPage = template.Must(template.New("class").Funcs(template.FuncMap{
	"pct":    pct,
	"num":    analysis.Num,
	"money":  money,
	"turns":  report.Turns,
	"counts": counts,
	"bar":    func(x float64) string { return fmt.Sprintf("%.1f", 200*x) },
}).Parse(classHTML))

const classHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>How your class chose</title>
<style>
body { font: 16px/1.45 Georgia, "Times New Roman", serif; color: #111; background: #fff; max-width: 52em; margin: 1.5em auto; padding: 0 1em; }
h2 { border-bottom: 2px solid #333; margin-top: 1.8em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border-bottom: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; }
.note { border-left: 4px solid #c77d00; padding: .3em .8em; background: #fff6e5; }
svg.bar { width: 200px; height: 12px; vertical-align: middle; }
svg.bar rect.fill { fill: #1f4e8c; } svg.bar rect.back { fill: #e5e5e5; }
.reason { font-style: italic; }
.small { font-size: .9em; color: #333; }
section { break-inside: auto; } table, .turn { break-inside: avoid; }
@page { margin: 15mm; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } svg.bar rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
</style>
</head>
<body>
<h1>How your class chose</h1>
<p>{{.Records}} record file(s): {{.Counted}} summarised, {{len .Skipped}} left out.</p>
{{range .Notes}}<p class="note">{{.}}</p>
{{end}}{{range .Groups}}{{$g := .}}<section>
<h2>{{.Title}}</h2>
<p>Scenario <code>{{.Scenario}}</code>, version {{printf "%.12s" .Hash}}: {{.Students}} student(s) played this same version; {{.Finished}} finished. {{.TurnsTotal}} turns played in all (the scenario has {{.Turns}}).</p>

<h3>Endings</h3>
<table><tr><th>Ending</th><th>Rating</th><th>Students</th><th>Share</th><th></th></tr>
{{range .Endings}}<tr><td>{{.Title}}</td><td class="n">{{if .ID}}{{.Rating}} of 5{{else}}–{{end}}</td><td class="n">{{.Count}}</td><td class="n">{{pct .Share}}</td><td>{{template "bar" .Share}}</td></tr>
{{end}}</table>

<h3>How the levers were held</h3>
<p class="small">Share of all turns played on which each option was in force; for budget lines, the average amount a turn.</p>
<table>
{{range .Levers}}{{if eq .Kind "spend"}}<tr><th>{{.Name}}</th><td colspan="3">budget line: average {{money .Average $g.Unit}} a turn, from {{money .Min $g.Unit}} to {{money .Max $g.Unit}}</td></tr>
{{else}}{{$name := .Name}}{{range $i, $o := .Options}}<tr>{{if eq $i 0}}<th>{{$name}}</th>{{else}}<td></td>{{end}}<td>{{$o.Label}}</td><td class="n">{{pct $o.Share}}</td><td>{{template "bar" $o.Share}}</td></tr>
{{end}}{{end}}{{end}}</table>

{{if .Dilemmas}}<h3>Dilemmas</h3>
<table>{{range .Dilemmas}}<tr><th>{{.Title}}</th><td>{{counts .Answers}}</td></tr>
{{end}}</table>
{{end}}
<h3>Where the indicators finished</h3>
<table><tr><th>Indicator</th><th>Start</th><th>Mean</th><th>Lowest</th><th>Highest</th></tr>
{{range .Indicators}}<tr><td>{{.Name}}{{if eq .Good "down"}} <span class="small">(lower is better)</span>{{end}}</td><td class="n">{{num .Start}}</td><td class="n">{{num .Mean}}</td><td class="n">{{num .Min}}</td><td class="n">{{num .Max}}</td></tr>
{{end}}</table>

{{if .Splits}}<h3>Turns on which the class decided most differently</h3>
<ul>{{range .Splits}}<li class="turn"><strong>Turn {{.Turn}}</strong> ({{.Students}} students):{{range $i, $l := .Levers}}{{if $i}};{{end}} {{$l.Name}}: {{counts $l.Counts}}{{end}}</li>
{{end}}</ul>
{{end}}
<h3>Reasons students gave, by decision</h3>
{{range .Reasons}}<h4>{{.Decision}} <span class="small">({{.Students}} student(s))</span></h4>
<ul>{{range .Reasons}}<li><span class="reason">“{{.Text}}”</span> <span class="small">(turn {{turns .Turns}}{{if gt .Count 1}}, ×{{.Count}}{{end}})</span></li>
{{else}}<li>no reason given</li>
{{end}}</ul>
{{else}}<p>No decisions or reasons were recorded.</p>
{{end}}</section>
{{end}}{{if .Skipped}}<section>
<h2>Records left out</h2>
<ul>{{range .Skipped}}<li><code>{{.File}}</code>: {{.Why}}</li>
{{end}}</ul>
</section>
{{end}}</body>
</html>
{{define "bar"}}<svg class="bar" viewBox="0 0 200 12" role="img" aria-label="{{pct .}}"><rect class="back" width="200" height="12"/><rect class="fill" width="{{bar .}}" height="12"/></svg>{{end}}`
