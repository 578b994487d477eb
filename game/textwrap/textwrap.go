// Package textwrap breaks text into lines that fit a width. It knows nothing
// about fonts: the caller passes a function that measures a string, so the
// same code serves the game (text/v2 advances) and tests (fixed widths).
package textwrap

import (
	"strings"
	"unicode/utf8"
)

// Measure returns the drawn width of s.
type Measure func(s string) float64

// Wrap breaks s into lines no wider than width. Newlines in s start new
// lines (an empty line stays empty). Runs of spaces between words collapse
// to one. A word wider than width on its own is broken between runes; a
// width too small for even one rune still yields one rune per line, so Wrap
// always terminates and never drops text.
func Wrap(s string, width float64, measure Measure) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapPara(para, width, measure)...)
	}
	return out
}

func wrapPara(p string, width float64, measure Measure) []string {
	words := strings.Fields(p)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := ""
	for _, w := range words {
		if line == "" {
			line = w
		} else if cand := line + " " + w; measure(cand) <= width {
			line = cand
			continue
		} else {
			lines = append(lines, line)
			line = w
		}
		// line holds a single word here: break it if it is too wide.
		for measure(line) > width && utf8.RuneCountInString(line) > 1 {
			head, tail := splitFit(line, width, measure)
			lines = append(lines, head)
			line = tail
		}
	}
	return append(lines, line)
}

// splitFit returns the longest prefix of s (at least one rune) that fits width.
func splitFit(s string, width float64, measure Measure) (string, string) {
	best := 0
	for i := range s {
		if i == 0 {
			continue
		}
		if measure(s[:i]) > width {
			break
		}
		best = i
	}
	if best == 0 {
		_, n := utf8.DecodeRuneInString(s)
		best = n
	}
	return s[:best], s[best:]
}

// Ellipsis shortens s with a trailing "…" so that it fits width. It returns s
// unchanged when it already fits, and "…" alone when nothing else fits.
func Ellipsis(s string, width float64, measure Measure) string {
	if measure(s) <= width {
		return s
	}
	const dots = "…"
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi { // largest n with runes[:n]+dots fitting
		mid := (lo + hi + 1) / 2
		if measure(strings.TrimRight(string(runes[:mid]), " ")+dots) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + dots
}
