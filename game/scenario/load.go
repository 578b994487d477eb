package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Limits keep a shared file from using unbounded time or memory.
const (
	MaxFileSize = 2 << 20 // bytes
	MaxItems    = 2000    // entries in any one list (sources, events, ...)
	MaxProblems = 200
)

// LoadFile reads and checks a scenario file from disk.
func LoadFile(path string) (*Scenario, Problems) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, Problems{{path, 1, 1, Error, fmt.Sprintf("cannot read the scenario: %v", unwrapPathErr(err))}}
	}
	if info.IsDir() {
		return nil, Problems{{path, 1, 1, Error, "this is a folder; give the path of a .toml scenario file"}}
	}
	if info.Size() > MaxFileSize {
		return nil, Problems{{path, 1, 1, Error, fmt.Sprintf("file is %d bytes; a scenario may be at most %d bytes", info.Size(), MaxFileSize)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, Problems{{path, 1, 1, Error, fmt.Sprintf("cannot read the scenario: %v", unwrapPathErr(err))}}
	}
	return Load(path, data)
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load decodes and checks a scenario. The scenario is nil when any problem
// is an error; warnings come back with a usable scenario.
func Load(name string, data []byte) (*Scenario, Problems) {
	if len(data) > MaxFileSize {
		return nil, Problems{{name, 1, 1, Error, fmt.Sprintf("file is %d bytes; a scenario may be at most %d bytes", len(data), MaxFileSize)}}
	}
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		return nil, Problems{{name, line, col, Error, "the file is not valid UTF-8 text; save it as UTF-8"}}
	}
	src := string(data)
	if pos, deep := tooDeep(src); deep {
		return nil, Problems{{name, pos.Line, pos.Col, Error,
			fmt.Sprintf("lists and tables are nested more than %d deep here; a scenario needs only a few levels", MaxNesting)}}
	}
	var tree map[string]any
	if _, err := toml.Decode(src, &tree); err != nil {
		return nil, Problems{decodeProblem(name, src, err)}
	}
	if len(tree) == 0 {
		return nil, Problems{{name, 1, 1, Error, "the file holds no scenario: start from the example in scenarios/FORMAT.md"}}
	}
	sc := &Scenario{File: name, Src: data}
	loc := locate(src)
	r := &reporter{file: name, loc: loc, max: MaxProblems, quiet: map[Pos]bool{}, renamed: map[string]bool{}}
	decodeTree(r, tree, sc)
	sum := sha256.Sum256(data)
	sc.Hash = hex.EncodeToString(sum[:])
	r.checking = true
	if !r.tooMany && !tooMany(r, sc) {
		check(sc, r)
	}
	r.probs.sort()
	if r.probs.HasErrors() {
		return nil, r.probs
	}
	return sc, r.probs
}

func firstInvalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

var redefinedRE = regexp.MustCompile(`^Key '(.*)' has already been defined\.$`)

// decodeProblem turns the library's syntax error into file:line:col and a
// message an author can act on.
func decodeProblem(name, src string, err error) Problem {
	var perr toml.ParseError
	if !errors.As(err, &perr) {
		return Problem{name, 1, 1, Error, "TOML: " + err.Error()}
	}
	// The library's byte offset is right where its line is not (after a
	// newline it counts the next line), so the position comes from it.
	line, col := 1, 1
	if perr.Position.Line > 0 || perr.Position.Start > 0 {
		p := posAt(src, perr.Position.Start)
		line, col = p.Line, p.Col
	}
	msg := perr.Message
	switch {
	case msg == "strings cannot contain newlines":
		msg = "this text has no closing quote: end it with \" on the same line, or use \"\"\" for text over several lines"
	case strings.HasPrefix(msg, "expected value but found"):
		msg += ": text must be in quotes, e.g. \"en\""
	case redefinedRE.MatchString(msg):
		// The library points past the key; point at it, and at the first one.
		key := redefinedRE.FindStringSubmatch(msg)[1]
		col = firstNonSpace(src, line)
		loc := locate(src)
		first, firstPath := Pos{}, ""
		for _, p := range loc.byBare[key] {
			if pos := loc.keys[p]; pos.Line < line && pos.Line > first.Line {
				first, firstPath = pos, p
			}
		}
		where := ""
		if i := strings.LastIndexByte(key, '.'); i >= 0 {
			if strings.HasSuffix(parentPath(firstPath), "]") {
				where = " in [[" + key[:i] + "]]"
			} else {
				where = " in [" + key[:i] + "]"
			}
			key = key[i+1:]
		}
		msg = fmt.Sprintf("%q is set twice%s", key, where)
		if first.Line > 0 {
			msg += fmt.Sprintf(" (first on line %d)", first.Line)
		}
		msg += "; keep one"
	}
	if u := strings.TrimSpace(perr.Usage); u != "" {
		msg += " (" + strings.Join(strings.Fields(u), " ") + ")"
	}
	return Problem{name, line, col, Error, "TOML: " + msg}
}

// posAt is the position of the byte at offset i (clamped to the file).
func posAt(src string, i int) Pos {
	i = max(0, min(i, len(src)))
	for i > 0 && i < len(src) && !utf8.RuneStart(src[i]) {
		i-- // an offset inside a character means that character
	}
	line := 1 + strings.Count(src[:i], "\n")
	lineStart := strings.LastIndexByte(src[:i], '\n') + 1
	return Pos{line, 1 + utf8.RuneCountInString(src[lineStart:i])}
}

// firstNonSpace is the column of the first character on line that is not
// white space, or 1.
func firstNonSpace(src string, line int) int {
	i := byteIndex(src, Pos{line, 1})
	if i < 0 {
		return 1
	}
	col := 1
	for ; i < len(src) && (src[i] == ' ' || src[i] == '\t'); i++ {
		col++
	}
	return col
}

func fieldByTag(t reflect.Type, tag string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("toml") == tag {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// tooMany caps every list so that checking stays fast on hostile files.
func tooMany(r *reporter, sc *Scenario) bool {
	lists := []struct {
		path string
		n    int
	}{
		{"sources", len(sc.Sources)}, {"indicators", len(sc.Indicators)}, {"levers", len(sc.Levers)},
		{"effects", len(sc.Effects)}, {"stakeholders", len(sc.Stakeholders)}, {"arguments", len(sc.Arguments)},
		{"events", len(sc.Events)}, {"endings", len(sc.Endings)}, {"locations", len(sc.Locations)},
		{"briefing", len(sc.Briefing)}, {"debrief.questions", len(sc.Debrief.Questions)},
	}
	over := false
	for _, l := range lists {
		if l.n > MaxItems {
			r.errAt(l.path+"[0]", "%d entries in [[%s]]; at most %d are allowed", l.n, l.path, MaxItems)
			over = true
		}
	}
	n := 0
	for _, l := range sc.Levers {
		n += len(l.Options)
	}
	for _, e := range sc.Events {
		n += len(e.Effects) + len(e.Choices)
		for _, c := range e.Choices {
			n += len(c.Effects)
		}
	}
	if n > 4*MaxItems {
		r.errAt("", "%d options, event effects and choices in all; at most %d are allowed", n, 4*MaxItems)
		over = true
	}
	return over
}
