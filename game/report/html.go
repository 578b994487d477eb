package report

import (
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/keyholder-game/keyholder/game/analysis"
)

// HTML writes the report as one self-contained, printable page: inline CSS
// and SVG, no scripts, no external assets. html/template escapes every text
// from the scenario and the record.
func (rep *Report) HTML(w io.Writer) error {
	return page.Execute(w, struct {
		*Report
		Charts []svgChart
	}{rep, rep.charts()})
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"num":    analysis.Num,
	"signed": Signed,
	"money":  analysis.Money,
	"turns":  Turns,
	"timing": func(c Cause) string { return strings.TrimSpace(timing(c)) },
	"date":   func(t time.Time) string { return t.Format("2 January 2006") },
	"sub":    func(a, b float64) float64 { return a - b },
	"short":  short,
	"web":    isWebURL,
	"ev":     evidenceClass,
	"trim":   func(s string) string { return strings.TrimSuffix(strings.TrimSpace(s), ".") },
}).Parse(pageHTML))

// evidenceClass maps an evidence label to a CSS class; the label itself is
// always printed too, so colour is never the only cue.
func evidenceClass(label string) string {
	switch label {
	case "fact":
		return "ev-fact"
	case "named claim":
		return "ev-claim"
	case "opinion":
		return "ev-opinion"
	case "contested":
		return "ev-contested"
	case "designer assumption":
		return "ev-assumption"
	case "error":
		return "ev-error"
	case "scenario event":
		return "ev-fiction"
	}
	return "ev-unknown"
}

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>After-action report: {{.Title}}</title>
<style>
body { font: 16px/1.45 Georgia, "Times New Roman", serif; color: #111; background: #fff; max-width: 52em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin-bottom: .2em; }
h2 { border-bottom: 2px solid #333; padding-bottom: .1em; margin-top: 1.8em; }
h3 { margin: 1.2em 0 .3em; }
.meta { color: #333; }
.meta dt { font-weight: bold; float: left; clear: left; width: 9em; }
.meta dd { margin-left: 9em; }
.ending { border: 2px solid #333; padding: .6em 1em; }
.rating { font-weight: bold; }
.turn { border-left: 4px solid #bbb; padding-left: .8em; margin: 1em 0; break-inside: avoid; }
.turn.decided { border-left-color: #2b5d9b; }
.turn h3 { font-size: 1.05em; }
.reason { font-style: italic; background: #f3f3f3; padding: .1em .4em; }
.fiction { font-weight: bold; font-variant: small-caps; }
ul.plain { padding-left: 1.2em; }
.cite { font: .78em/1 sans-serif; white-space: nowrap; border: 1px solid #888; border-radius: 3px; padding: 0 .3em; margin-left: .2em; color: #111; text-decoration: none; }
.ev-fact { background: #e3f1e3; } .ev-claim { background: #e6eefa; } .ev-opinion { background: #f5ecdd; }
.ev-contested { background: #fbe9c8; } .ev-assumption { background: #ececec; } .ev-error { background: #f7d9d9; }
.ev-fiction { background: #eadcf3; } .ev-unknown { background: #fff; border-style: dashed; }
figure.chart { margin: 1em 0; break-inside: avoid; }
figure.chart figcaption { font-weight: bold; }
figure.chart svg { width: 100%; height: auto; display: block; }
svg .axis { stroke: #444; stroke-width: 1; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .line { fill: none; stroke: #1f4e8c; stroke-width: 2.2; }
svg .dot { fill: #1f4e8c; }
svg .band { fill: #fbeec2; }
svg text { font: 11px sans-serif; fill: #333; }
table.causes { border-collapse: collapse; width: 100%; }
table.causes td { border-top: 1px solid #ccc; padding: .3em .4em; vertical-align: top; }
table.causes td.amt { text-align: right; font-weight: bold; white-space: nowrap; }
.sources li { margin-bottom: .4em; }
.small { font-size: .9em; color: #333; }
@page { margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .cite, .ev-fact, .ev-claim, .ev-opinion, .ev-contested, .ev-assumption, .ev-error, .ev-fiction, svg .band { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
</style>
</head>
<body>
<header>
<h1>After-action report: {{.Title}}</h1>
<p>{{.Summary}}</p>
<dl class="meta">
<dt>Your role</dt><dd>{{.Role}}</dd>
<dt>Scenario</dt><dd>{{.ScenarioID}}, version {{short .Hash}}</dd>
<dt>Seed</dt><dd>{{.Seed}} (replaying the record gives the same game)</dd>
<dt>Turns played</dt><dd>{{.Played}} of {{.Turns}}</dd>
</dl>
</header>

<section id="ending">
{{with .Ending}}<h2>Ending: {{.Title}}</h2>
<div class="ending">
<p class="rating">Rated {{.Rating}} of 5, reached after turn {{.Turn}}.{{template "cites" .Sources}}</p>
<p>{{.Text}}</p>
<p><strong>Assessment.</strong> {{.Assessment}}</p>
</div>
{{else}}<h2>Ending: not reached</h2>
<p>The record stops after turn {{.Played}} of {{.Turns}}.</p>
{{end}}</section>

<section id="charts">
<h2>Indicators over the game</h2>
<p class="small">Each chart uses the indicator's whole scale. Shaded columns are turns in which a decision was changed; the line there shows what that turn produced.</p>
{{range .Charts}}<figure class="chart">
<figcaption>{{.Name}}{{if .Note}} <span class="small">({{.Note}})</span>{{end}}</figcaption>
<svg viewBox="0 0 {{.W}} {{.H}}" role="img" aria-label="{{.Desc}}" xmlns="http://www.w3.org/2000/svg">
<desc>{{.Desc}}</desc>
{{$c := .}}{{range .Bands}}<rect class="band" fill="#fbeec2" stroke="none" x="{{.X}}" y="{{$c.Y0}}" width="{{.W}}" height="{{$c.PlotH}}"><title>{{.Title}}</title></rect>
{{end}}{{range .YTicks}}<line class="grid" stroke="#ddd" x1="{{$c.X0}}" x2="{{$c.X1}}" y1="{{.At}}" y2="{{.At}}"/><text x="{{$c.X0}}" dx="-6" y="{{.At}}" dy="4" text-anchor="end">{{.Label}}</text>
{{end}}{{range .XTicks}}<text x="{{.At}}" y="{{$c.Y1}}" dy="16" text-anchor="middle">{{.Label}}</text>
{{end}}<line class="axis" stroke="#444" x1="{{.X0}}" x2="{{.X1}}" y1="{{.Y1}}" y2="{{.Y1}}"/>
<line class="axis" stroke="#444" x1="{{.X0}}" x2="{{.X0}}" y1="{{.Y0}}" y2="{{.Y1}}"/>
<path class="line" fill="none" stroke="#1f4e8c" stroke-width="2.2" d="{{.Path}}"/>
{{range .Dots}}<circle class="dot" cx="{{.X}}" cy="{{.Y}}" r="3"><title>{{.Title}}</title></circle>
{{end}}</svg>
</figure>
{{end}}</section>

<section id="timeline">
<h2>Timeline</h2>
{{range .Timeline}}<div class="turn{{if .Decided}} decided{{end}}">
<h3>Turn {{.Turn}}: {{date .Date}}</h3>
<ul class="plain">
{{if not .Decided}}<li>Decisions: none; everything held as before.</li>{{end}}
{{range .Changes}}<li><strong>Decision:</strong> {{.}}</li>
{{end}}{{range .Answers}}<li><strong>Dilemma answered:</strong> {{.}}</li>
{{end}}{{if .Reason}}<li><strong>Reason given:</strong> <span class="reason">“{{.Reason}}”</span></li>
{{else if .Decided}}<li><strong>Reason given:</strong> none</li>
{{end}}{{if or .Money .Capital}}<li>Spent: {{money .Money $.Unit}}, {{num .Capital}} capital</li>
{{end}}{{range .News}}<li><strong>News: {{.Title}}</strong>{{if .Fiction}} <span class="fiction">(scenario event: did not really happen)</span>{{end}}{{if .RealDate}} <span class="fiction">(real, but out of time: it happened {{.RealDate}})</span>{{end}}: {{.Text}}{{template "cites" .Sources}}</li>
{{end}}{{range .Moves}}<li>{{.Name}}: {{num .Before}} → {{num .After}} ({{signed (sub .After .Before)}}){{if .Cause}}; largest cause: {{.Cause}}{{end}}</li>
{{end}}{{range .Warnings}}<li>Warning: {{.}}</li>
{{end}}{{if .Ending}}<li><strong>The game ended: {{.Ending}}</strong></li>
{{end}}</ul>
</div>
{{end}}</section>

<section id="causes">
<h2>What caused the outcome</h2>
<p class="small">The largest causes of each indicator's change, from the consequence ledger, summed over the game.</p>
{{range .Outcomes}}<h3>{{.Name}}: {{num .Start}} → {{num .Final}} ({{signed (sub .Final .Start)}})</h3>
{{if .Causes}}<table class="causes">
{{range .Causes}}<tr><td class="amt">{{signed .Amount}}</td><td><strong>{{.Label}}</strong>: {{trim .Explain}}. <span class="small">{{timing .}}</span>{{template "cites" .Sources}}</td></tr>
{{end}}</table>
{{else}}<p>Nothing moved it noticeably.</p>
{{end}}{{end}}</section>

{{if .Questions}}<section id="questions">
<h2>Questions for discussion</h2>
<ol>
{{range .Questions}}<li>{{.Text}}{{if .Turn}} <span class="small">(best asked at turn {{.Turn}})</span>{{end}}{{template "cites" .Sources}}</li>
{{end}}</ol>
</section>
{{end}}{{if .Facilitator}}<section id="facilitator">
<h2>Facilitator notes</h2>
<p>{{.Facilitator}}</p>
</section>
{{end}}
<section id="sources" class="sources">
<h2>Sources cited in this run</h2>
<p class="small">Every source behind an effect, a headline, an option chosen, the ending or a question, with its evidence label.</p>
<ul>
{{range .Sources}}<li id="src-{{.ID}}"><strong>[{{.ID}}]</strong> <span class="cite {{ev .Evidence}}">{{.Evidence}}</span> {{.Title}}{{if or .Outlet .Date}} ({{.Outlet}}{{if and .Outlet .Date}}, {{end}}{{.Date}}){{end}}{{if .Quote}}<br><q>{{.Quote}}</q>{{end}}{{if .Note}}<br><span class="small">{{.Note}}</span>{{end}}{{if web .URL}}<br><a href="{{.URL}}">{{.URL}}</a>{{else if .URL}}<br>{{.URL}}{{end}}</li>
{{end}}</ul>
</section>
<footer class="small"><p>Generated by kh report from a Keyholder run record. Effect sizes are design guesses; fictional events are labelled.</p></footer>
</body>
</html>
{{define "cites"}}{{range .}} <a class="cite {{ev .Evidence}}" href="#src-{{.ID}}">{{.ID}}: {{.Evidence}}</a>{{end}}{{end}}`
