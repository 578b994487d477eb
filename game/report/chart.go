package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/keyholder-game/keyholder/game/analysis"
)

// svgChart is the geometry of one indicator's chart, worked out in Go so the
// template only places numbers (and html/template escapes every text).
type svgChart struct {
	Name, Note string
	W, H       int
	X0, X1     string // plot area, as attribute values
	Y0, Y1     string
	PlotH      string
	Path       string // the line, as SVG path data
	Dots       []svgDot
	YTicks     []svgTick
	XTicks     []svgTick
	Bands      []svgBand
	Desc       string // text alternative for screen readers
}

type svgDot struct{ X, Y, Title string }
type svgTick struct{ At, Label string }
type svgBand struct{ X, W, Title string }

const (
	chartW, chartH         = 640, 170
	padL, padR, padT, padB = 44, 12, 10, 26
	plotX0, plotX1         = padL, chartW - padR
	plotY0, plotY1         = padT, chartH - padB // top, bottom
	maxXTicks              = 15
	bandTitleMax           = 300
	yTickCount             = 5
)

func coord(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// charts lays out every series. A band shades each turn in which the
// student changed a decision: the segment of the line that turn produced.
func (rep *Report) charts() []svgChart {
	changes := map[int]string{}
	for _, t := range rep.Timeline {
		if t.Decided() {
			s := strings.Join(append(append([]string{}, t.Changes...), t.Answers...), "; ")
			if r := []rune(s); len(r) > bandTitleMax {
				s = string(r[:bandTitleMax]) + "…"
			}
			changes[t.Turn] = s
		}
	}
	var out []svgChart
	for _, s := range rep.Series {
		out = append(out, chartOf(s, rep.Played, rep.Decided, changes))
	}
	return out
}

func chartOf(s Series, played int, decided []int, changes map[int]string) svgChart {
	c := svgChart{Name: s.Name, W: chartW, H: chartH, X0: coord(plotX0), X1: coord(plotX1), Y0: coord(plotY0), Y1: coord(plotY1),
		PlotH: coord(plotY1 - plotY0)}
	if s.Good == "down" {
		c.Note = "lower is better"
	}
	x := func(i int) float64 {
		if played == 0 {
			return (plotX0 + plotX1) / 2
		}
		return plotX0 + float64(i)/float64(played)*(plotX1-plotX0)
	}
	lo, hi := s.Min, s.Max
	if !(hi > lo) {
		lo, hi = lo-1, lo+1
	}
	y := func(v float64) float64 {
		v = math.Max(lo, math.Min(hi, v))
		return plotY1 - (v-lo)/(hi-lo)*(plotY1-plotY0)
	}
	var pts []string
	for i, v := range s.Values {
		px, py := coord(x(i)), coord(y(v))
		pts = append(pts, px+","+py)
		when := "Start"
		if i > 0 {
			when = "After turn " + strconv.Itoa(i)
		}
		c.Dots = append(c.Dots, svgDot{X: px, Y: py, Title: when + ": " + analysis.Num(v)})
	}
	c.Path = "M" + strings.Join(pts, " L")
	for _, t := range ticks(lo, hi, yTickCount) {
		c.YTicks = append(c.YTicks, svgTick{At: coord(y(t)), Label: analysis.Num(t)})
	}
	step := max(1, int(math.Ceil(float64(played)/maxXTicks)))
	for i := 0; i <= played; i += step {
		label := strconv.Itoa(i)
		if i == 0 {
			label = "start"
		}
		c.XTicks = append(c.XTicks, svgTick{At: coord(x(i)), Label: label})
	}
	for _, t := range decided {
		if t < 1 || t > played {
			continue
		}
		c.Bands = append(c.Bands, svgBand{X: coord(x(t - 1)), W: coord(x(t) - x(t-1)),
			Title: "Turn " + strconv.Itoa(t) + " decision: " + changes[t]})
	}
	if n := len(s.Values); n > 0 {
		c.Desc = s.Name + ": " + analysis.Num(s.Values[0]) + " at the start, " + analysis.Num(s.Values[n-1]) + " at the end, on a scale of " +
			analysis.Num(s.Min) + " to " + analysis.Num(s.Max) + "."
	}
	return c
}

// ticks returns about n round values (1, 2 or 5 times a power of ten)
// inside [lo, hi].
func ticks(lo, hi float64, n int) []float64 {
	if !(hi > lo) || n < 1 || math.IsInf(hi-lo, 0) {
		return []float64{lo}
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9 && len(out) < 50; v += step {
		out = append(out, math.Round(v/step)*step)
	}
	return out
}
