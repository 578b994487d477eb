package scenario

import (
	"fmt"
	"sort"
	"strings"
)

// Severity of a problem.
const (
	Error   = "error"
	Warning = "warning"
)

// Problem is one thing wrong with a scenario file, at a position.
type Problem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Msg      string `json:"message"`
}

func (p Problem) String() string {
	sev := ""
	if p.Severity == Warning {
		sev = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", p.File, p.Line, p.Col, sev, p.Msg)
}

// Problems is every problem found, sorted by position.
type Problems []Problem

// HasErrors reports whether any problem is an error rather than a warning.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
}

// reporter collects problems with positions from the locator.
type reporter struct {
	file  string
	loc   *locator
	probs Problems
	max   int
	// quiet holds the places of values that had the wrong type: they were
	// left at zero, so the checker's complaints there would only repeat
	// the type error.
	quiet map[Pos]bool
	// renamed holds paths of keys that are missing because an unknown key
	// next to them was reported as a likely misspelling of them.
	renamed  map[string]bool
	checking bool
	tooMany  bool // a list was too long to decode: the checker is not run
}

func (r *reporter) add(sev string, pos Pos, format string, args ...any) {
	if len(r.probs) >= r.max || r.checking && r.quiet[pos] {
		return
	}
	if len(r.probs) == r.max-1 {
		r.probs = append(r.probs, Problem{r.file, pos.Line, pos.Col, Error,
			fmt.Sprintf("too many problems (%d); fix these first and check again", r.max)})
		return
	}
	r.probs = append(r.probs, Problem{r.file, pos.Line, pos.Col, sev, fmt.Sprintf(format, args...)})
}

// errAt reports an error at the value (or key) of path.
func (r *reporter) errAt(path, format string, args ...any) {
	if r.checking && r.renamed[path] {
		return
	}
	r.add(Error, r.loc.at(path), format, args...)
}

func (r *reporter) warnAt(path, format string, args ...any) {
	r.add(Warning, r.loc.at(path), format, args...)
}
