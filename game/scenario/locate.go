package scenario

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a scenario file, 1-based.
type Pos struct{ Line, Col int }

// locator maps key paths such as "levers[2].options[0].id" to where they are
// written. BurntSushi/toml keeps key positions private, so this scans the
// source once more for positions only; the TOML meaning always comes from
// the library, and a file the library rejects is never located.
type locator struct {
	keys   map[string]Pos      // where the key is written
	vals   map[string]Pos      // where its value starts (array elements too: "sources[1]")
	byBare map[string][]string // "levers.options.labl" -> indexed paths, for unknown keys
}

func (l *locator) key(path string) Pos { return l.keys[path] }

// at returns the best position for path: the value, else the key, else the
// nearest enclosing table that was written down.
func (l *locator) at(path string) Pos {
	for p := path; p != ""; p = parentPath(p) {
		if pos, ok := l.vals[p]; ok {
			return pos
		}
		if pos, ok := l.keys[p]; ok {
			return pos
		}
	}
	return Pos{1, 1}
}

func parentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i > 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i > 0 {
		return p[:i]
	}
	return ""
}

// barePath drops the indices: "levers[2].options[0].id" -> "levers.options.id".
func barePath(p string) string {
	if strings.IndexByte(p, '[') < 0 {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '[' {
			if j := strings.IndexByte(p[i:], ']'); j > 1 && allDigits(p[i+1:i+j]) {
				i += j
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

type scan struct {
	src       string
	i         int
	line, col int
	loc       *locator
	arrays    map[string]int // indexed path of an array of tables -> elements so far
	table     string
	steps     int
}

func locate(src string) *locator {
	s := &scan{src: src, line: 1, col: 1, arrays: map[string]int{},
		loc: &locator{keys: map[string]Pos{}, vals: map[string]Pos{}, byBare: map[string][]string{}}}
	s.document()
	return s.loc
}

func (s *scan) eof() bool { return s.i >= len(s.src) }

func (s *scan) peek(n int) string {
	if s.i+n > len(s.src) {
		return s.src[s.i:]
	}
	return s.src[s.i : s.i+n]
}

func (s *scan) advance() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.col = 1
	} else if s.src[s.i]&0xC0 != 0x80 { // count runes, not bytes
		s.col++
	}
	s.i++
}

func (s *scan) pos() Pos { return Pos{s.line, s.col} }

// alive guards every loop: a malformed file can never make the scan hang.
func (s *scan) alive() bool {
	s.steps++
	return !s.eof() && s.steps < 4*len(s.src)+64
}

func (s *scan) skipSpace(newlines bool) {
	for s.alive() {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '\n' && newlines:
			s.advance()
		case c == '#':
			for !s.eof() && s.src[s.i] != '\n' {
				s.advance()
			}
		default:
			return
		}
	}
}

func (s *scan) skipLine() {
	for !s.eof() && s.src[s.i] != '\n' {
		s.advance()
	}
}

func (s *scan) record(path string, key Pos) {
	if _, dup := s.loc.keys[path]; !dup {
		s.loc.keys[path] = key
		bare := barePath(path)
		s.loc.byBare[bare] = append(s.loc.byBare[bare], path)
	}
}

func (s *scan) document() {
	for {
		s.skipSpace(true)
		if !s.alive() {
			return
		}
		start := s.i
		if s.src[s.i] == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
			s.skipLine()
		}
		if s.i == start {
			s.advance()
		}
	}
}

// indexed turns key parts into an indexed path, following arrays of tables.
func (s *scan) indexed(parts []string, lastIsArray bool) string {
	cur := ""
	for n, p := range parts {
		cur = joinPath(cur, p)
		if n == len(parts)-1 && lastIsArray {
			k := s.arrays[cur]
			s.arrays[cur] = k + 1
			return cur + "[" + strconv.Itoa(k) + "]"
		}
		if k, ok := s.arrays[cur]; ok {
			cur += "[" + strconv.Itoa(k-1) + "]"
		}
	}
	return cur
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func (s *scan) header() {
	at := s.pos()
	double := s.peek(2) == "[["
	s.advance()
	if double {
		s.advance()
	}
	parts := s.keyParts(']')
	s.table = s.indexed(parts, double)
	s.record(s.table, at)
	s.skipLine()
}

// keyParts reads a dotted key up to stop ('=' or ']'), which it leaves unread.
func (s *scan) keyParts(stop byte) []string {
	var parts []string
	for s.alive() {
		s.skipSpace(false)
		if s.eof() {
			break
		}
		c := s.src[s.i]
		switch {
		case c == stop || c == '\n':
			return parts
		case c == '.':
			s.advance()
		case c == '"' || c == '\'':
			startI := s.i
			s.str()
			raw := s.src[startI:s.i]
			if len(raw) >= 2 {
				if u, err := strconv.Unquote(`"` + raw[1:len(raw)-1] + `"`); err == nil && c == '"' {
					raw = u
				} else {
					raw = raw[1 : len(raw)-1]
				}
			}
			parts = append(parts, raw)
		default:
			startI := s.i
			for !s.eof() && isBareKeyChar(s.src[s.i]) {
				s.advance()
			}
			if s.i == startI {
				s.advance() // not a key character: step over it
				continue
			}
			parts = append(parts, s.src[startI:s.i])
		}
	}
	return parts
}

func isBareKeyChar(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (s *scan) keyValue(table string) {
	at := s.pos()
	parts := s.keyParts('=')
	if s.eof() || s.src[s.i] != '=' || len(parts) == 0 {
		return
	}
	s.advance()
	s.skipSpace(false)
	path := table
	for _, p := range parts {
		path = joinPath(path, p)
	}
	s.record(path, at)
	s.value(path)
}

// value steps over one value, recording where it and its elements start.
// An empty path records nothing: elements past MaxItems are only stepped
// over, so a huge list cannot fill the maps.
func (s *scan) value(path string) {
	if s.eof() {
		return
	}
	if _, dup := s.loc.vals[path]; !dup && path != "" {
		s.loc.vals[path] = s.pos()
	}
	switch s.src[s.i] {
	case '"', '\'':
		s.str()
	case '[':
		s.advance()
		for n := 0; s.alive(); n++ {
			s.skipSpace(true)
			if s.eof() || s.src[s.i] == ']' {
				break
			}
			start := s.i
			elem := ""
			if path != "" && n <= MaxItems {
				elem = path + "[" + strconv.Itoa(n) + "]"
			}
			s.value(elem)
			s.skipSpace(true)
			if !s.eof() && s.src[s.i] == ',' {
				s.advance()
			}
			if s.i == start {
				s.advance()
			}
		}
		s.advance()
	case '{':
		s.advance()
		for s.alive() {
			s.skipSpace(false)
			if s.eof() || s.src[s.i] == '}' || s.src[s.i] == '\n' {
				break
			}
			start := s.i
			if path == "" {
				s.keyParts('=') // an element not recorded: step over its keys
				if !s.eof() && s.src[s.i] == '=' {
					s.advance()
					s.skipSpace(false)
					s.value("")
				}
			} else {
				s.keyValue(path)
			}
			s.skipSpace(false)
			if !s.eof() && s.src[s.i] == ',' {
				s.advance()
			}
			if s.i == start {
				s.advance()
			}
		}
		s.advance()
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.src[s.i])) {
			s.advance()
		}
	}
}

// str steps over one string of any of TOML's four kinds.
func (s *scan) str() {
	q := s.src[s.i]
	triple := s.peek(3) == strings.Repeat(string(q), 3)
	n := 1
	if triple {
		n = 3
	}
	for k := 0; k < n; k++ {
		s.advance()
	}
	for s.alive() {
		c := s.src[s.i]
		if c == '\\' && q == '"' {
			s.advance()
			s.advance()
			continue
		}
		if c == '\n' && !triple {
			return
		}
		if c == q && (!triple || s.peek(3) == strings.Repeat(string(q), 3)) {
			for k := 0; k < n; k++ {
				s.advance()
			}
			// A triple-quoted string may end with up to two more quotes.
			for triple && !s.eof() && s.src[s.i] == q {
				s.advance()
			}
			return
		}
		s.advance()
	}
}

// inValue returns the position of the rune at offset inside the decoded
// string value at path. It steps over the opening quotes (and the newline
// TOML drops after a multi-line opener) and follows the source rune by
// rune, so that escapes such as \" or \u00e9, which are several runes in the
// file but one in the formula, and line-ending backslashes keep the column
// right.
func (l *locator) inValue(src, path string, offset int) Pos {
	start, ok := l.vals[path]
	if !ok {
		return l.at(path)
	}
	i := byteIndex(src, start)
	if i < 0 {
		return start
	}
	w := walker{src: src, i: i, pos: start}
	q := byte(0)
	triple := false
	if c := src[i]; c == '"' || c == '\'' {
		q = c
		triple = strings.HasPrefix(src[i:], strings.Repeat(string(c), 3))
		n := 1
		if triple {
			n = 3
		}
		w.step(n)
		if triple {
			if strings.HasPrefix(src[w.i:], "\n") {
				w.step(1)
			} else if strings.HasPrefix(src[w.i:], "\r\n") {
				w.step(2)
			}
		}
	}
	// A line-ending backslash in a multi-line basic string: it and the
	// white space after it are not part of the string.
	skipLineEnd := func() {
		for q == '"' && triple && strings.HasPrefix(src[w.i:], "\\") && w.i+1 < len(src) &&
			strings.IndexByte(" \t\r\n", src[w.i+1]) >= 0 {
			w.step(1)
			for w.i < len(src) && strings.IndexByte(" \t\r\n", src[w.i]) >= 0 {
				w.step(1)
			}
		}
	}
	for n := 0; n < offset && w.i < len(src); n++ {
		skipLineEnd()
		if w.i >= len(src) {
			break
		}
		if q == '"' && src[w.i] == '\\' && w.i+1 < len(src) {
			switch c := src[w.i+1]; c {
			case 'u':
				w.step(6)
			case 'U':
				w.step(10)
			case 'x':
				w.step(4)
			default:
				w.step(2)
			}
			continue
		}
		if !triple && (src[w.i] == q && q != 0 || src[w.i] == '\n') {
			break // the end of the string: never point past it
		}
		w.step(1)
	}
	skipLineEnd()
	return w.pos
}

// walker steps through source runes, keeping a line and column.
type walker struct {
	src string
	i   int
	pos Pos
}

// step moves n runes on.
func (w *walker) step(n int) {
	for ; n > 0 && w.i < len(w.src); n-- {
		_, size := utf8.DecodeRuneInString(w.src[w.i:])
		if w.src[w.i] == '\n' {
			w.pos = Pos{w.pos.Line + 1, 1}
		} else {
			w.pos.Col++
		}
		w.i += size
	}
}

// byteIndex finds the byte offset of a position, or -1.
func byteIndex(src string, p Pos) int {
	i := 0
	for line := 1; line < p.Line; line++ {
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	for col := 1; col < p.Col; col++ {
		if i >= len(src) || src[i] == '\n' {
			return -1
		}
		_, size := utf8.DecodeRuneInString(src[i:])
		i += size
	}
	if i >= len(src) {
		return -1
	}
	return i
}

// MaxNesting bounds how deeply lists and inline tables may nest. A scenario
// needs two or three levels; thousands make parsers slow.
const MaxNesting = 50

// tooDeep finds the first [ or { nested deeper than MaxNesting, outside
// strings and comments.
func tooDeep(src string) (Pos, bool) {
	s := &scan{src: src, line: 1, col: 1}
	depth := 0
	for s.alive() {
		switch c := s.src[s.i]; c {
		case '"', '\'':
			s.str()
			continue
		case '#':
			s.skipLine()
			continue
		case '[', '{':
			depth++
			if depth > MaxNesting {
				return s.pos(), true
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
		s.advance()
	}
	return Pos{}, false
}
