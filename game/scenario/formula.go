package scenario

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	exprchecker "github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/vm"
)

// Formula is an expr-lang expression written in a scenario, compiled once at
// load time against the scenario's names so that a misspelt name or a type
// error is an author's error, not a surprise during play.
type Formula struct {
	Src  string
	prog *vm.Program
	lead int // runes of white space trimmed from the front, for positions

	// Native closures for the common subset (see native.go); nil when the
	// formula needs the VM.
	num  numFn
	cond boolFn

	names []string // environment names it reads, sorted, each once
}

// Names lists the environment names the formula reads (an indicator or
// lever id, or a flat NS.ID such as "held.mandate"), sorted.
func (f Formula) Names() []string { return f.names }

// nameCollector gathers the identifiers of a compiled formula.
type nameCollector struct{ seen map[string]bool }

func (c *nameCollector) Visit(n *ast.Node) {
	if id, ok := (*n).(*ast.IdentifierNode); ok {
		c.seen[id.Value] = true
	}
}

// Native reports whether the formula runs as Go closures rather than on
// expr's VM (both give the same results; the closures are faster).
func (f Formula) Native() bool { return f.num != nil || f.cond != nil }

// UnmarshalText keeps the source; numbers and booleans arrive as text too,
// so `value = -2` and `value = "-2"` mean the same.
func (f *Formula) UnmarshalText(b []byte) error {
	s := string(b)
	f.Src = strings.TrimSpace(s)
	f.lead = utf8.RuneCountInString(s[:len(s)-len(strings.TrimLeftFunc(s, unicode.IsSpace))])
	return nil
}

// Set reports whether the author wrote a formula.
func (f Formula) Set() bool { return f.Src != "" }

// Program is the compiled formula; nil when not set or not compiled.
func (f Formula) Program() *vm.Program { return f.prog }

// Namespaces in formulas: NAME.ID lookups into per-id maps.
const (
	NSOption = "opt"
	NSHeld   = "held"
	NSTotal  = "total"
	NSFlag   = "flag"
	NSFired  = "fired"
	NSLast   = "last"
	NSChose  = "chose"
)

// Reserved lists names that scenario ids may not take.
var Reserved = map[string]bool{
	"turn": true, "turns": true, "money": true, "capital": true, "clamp": true,
	NSOption: true, NSHeld: true, NSTotal: true, NSFlag: true, NSFired: true, NSLast: true, NSChose: true,
	"true": true, "false": true, "nil": true, "and": true, "or": true, "not": true, "in": true,
	"matches": true, "contains": true, "startsWith": true, "endsWith": true, "let": true, "if": true,
	"else": true, "abs": true, "ceil": true, "floor": true, "round": true, "min": true, "max": true,
	"int": true, "float": true,
}

// safeBuiltins are the expr builtins a scenario may call; the rest (now,
// date, ...) would break determinism or make no sense here.
var safeBuiltins = []string{"abs", "ceil", "floor", "round", "min", "max", "int", "float"}

// Clamp keeps x within lo..hi; formulas call it as clamp(x, lo, hi).
func Clamp(x, lo, hi float64) float64 {
	if lo > hi {
		lo, hi = hi, lo
	}
	return math.Max(lo, math.Min(hi, x))
}

// NewEnv builds the formula environment with every name at its zero value.
// The engine fills the same map in place each turn; the checker compiles
// against it so that types are known.
func (s *Scenario) NewEnv() map[string]any {
	if s.env != nil { // a checked scenario keeps one to copy: a run starts many times in kh sim
		return maps.Clone(s.env)
	}
	return s.buildEnv()
}

func (s *Scenario) buildEnv() map[string]any {
	env := map[string]any{
		"turn": 0, "turns": s.Meta.Turns, "money": 0.0, "capital": 0.0,
	}
	for _, ind := range s.Indicators {
		env[ind.ID] = 0.0
	}
	for _, l := range s.Levers {
		env[Key(NSHeld, l.ID)] = 0
		if l.Kind == LeverSpend {
			env[l.ID] = 0.0
			env[Key(NSTotal, l.ID)] = 0.0
		} else {
			env[l.ID] = 0
			env[Key(NSOption, l.ID)] = ""
		}
	}
	for _, e := range s.Events {
		env[Key(NSFired, e.ID)], env[Key(NSLast, e.ID)], env[Key(NSChose, e.ID)] = 0, 0, ""
	}
	for name := range s.Flags() {
		env[Key(NSFlag, name)] = false
	}
	return env
}

// Key is the environment key of NS.ID. Formulas write held.mandate; the
// compiler rewrites that to one flat name, so that reading it costs a map
// lookup instead of expr's reflective member access.
func Key(ns, id string) string { return ns + "." + id }

// namespaces are the NAME.ID prefixes formulas may use.
var namespaces = map[string]bool{NSOption: true, NSHeld: true, NSTotal: true, NSFlag: true, NSFired: true,
	NSLast: true, NSChose: true}

// flattener rewrites NS.ID (and NS["ID"]) into the identifier "NS.ID" before
// type checking; NewEnv holds those flat names with their types.
type flattener struct{}

func (flattener) Visit(n *ast.Node) {
	m, ok := (*n).(*ast.MemberNode)
	if !ok {
		return
	}
	ns, ok1 := m.Node.(*ast.IdentifierNode)
	prop, ok2 := m.Property.(*ast.StringNode)
	if ok1 && ok2 && namespaces[ns.Value] {
		ast.Patch(n, &ast.IdentifierNode{Value: Key(ns.Value, prop.Value)})
	}
}

// Flags returns every flag name that some event or choice sets or clears.
func (s *Scenario) Flags() map[string]bool {
	out := map[string]bool{}
	for _, e := range s.Events {
		for _, f := range append(append([]string{}, e.Sets...), e.Clears...) {
			out[f] = true
		}
		for _, c := range e.Choices {
			for _, f := range append(append([]string{}, c.Sets...), c.Clears...) {
				out[f] = true
			}
		}
	}
	return out
}

type formulaKind int

const (
	kindBool formulaKind = iota
	kindNumber
)

// formulaError is a problem at an offset (in runes) inside the formula.
type formulaError struct {
	offset int
	msg    string
}

// newCompileConfig prepares expr's configuration once per scenario and kind:
// turning the environment into types is the costly part of compiling, and
// a scenario has hundreds of formulas over the same names.
func newCompileConfig(env map[string]any, kind formulaKind) *conf.Config {
	opts := []expr.Option{expr.Env(env), expr.DisableAllBuiltins(), expr.MaxNodes(500), expr.Patch(flattener{}),
		expr.Function("clamp", func(p ...any) (any, error) {
			return Clamp(toFloat(p[0]), toFloat(p[1]), toFloat(p[2])), nil
		}, new(func(float64, float64, float64) float64))}
	for _, b := range safeBuiltins {
		opts = append(opts, expr.EnableBuiltin(b))
	}
	if kind == kindBool {
		opts = append(opts, expr.AsBool())
	} else {
		opts = append(opts, expr.AsFloat64())
	}
	// The same steps as expr.Compile, kept so the result can be reused.
	config := conf.CreateNew()
	for _, op := range opts {
		op(config)
	}
	for name := range config.Disabled {
		delete(config.Builtins, name)
	}
	config.Check()
	return config
}

// compileWith runs expr's pipeline (parse and type-check, optimise,
// compile) with a prepared configuration.
func compileWith(src string, config *conf.Config) (*vm.Program, error) {
	tree, err := exprchecker.ParseCheck(src, config)
	if err != nil {
		return nil, err
	}
	if config.Optimize {
		if err := optimizer.Optimize(&tree.Node, config); err != nil {
			var fe *file.Error
			if errors.As(err, &fe) {
				return nil, fe.Bind(tree.Source)
			}
			return nil, err
		}
	}
	return compiler.Compile(tree, config)
}

func toFloat(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case int:
		return float64(n)
	case int64:
		return float64(n)
	}
	return 0
}

// compile compiles f in place. known says which ids each namespace holds,
// so that opt.mandat or flag.gate_clossed is caught here.
func (f *Formula) compile(config *conf.Config, kind formulaKind, known map[string]map[string]bool) []formulaError {
	if f.Src == "" {
		return nil
	}
	if len(f.Src) > 2000 {
		return []formulaError{{0, "formula is longer than 2000 characters; split the idea into several effects"}}
	}
	prog, err := compileWith(f.Src, config)
	if err != nil {
		if fe, ok := err.(*file.Error); ok {
			off := fe.From
			if strings.Contains(fe.Message, "unexpected token EOF") {
				off = utf8.RuneCountInString(f.Src) // just after the last character
			}
			if msg, ok := namespaceError(fe.Message, known); ok {
				return []formulaError{{f.lead + off, msg}}
			}
			return []formulaError{{f.lead + off, friendlyExprMessage(fe.Message, kind)}}
		}
		return []formulaError{{f.lead, friendlyExprMessage(err.Error(), kind)}}
	}
	var probs []formulaError
	node := prog.Node()
	nv := &nsVisitor{known: known, src: []rune(f.Src), report: func(off int, msg string) {
		probs = append(probs, formulaError{f.lead + off, msg})
	}}
	ast.Walk(&node, nv)
	if nv.banned != nil {
		return []formulaError{{f.lead + nv.banned.offset, nv.banned.msg}}
	}
	if len(probs) > 0 {
		return probs
	}
	f.prog = prog
	nc := &nameCollector{seen: map[string]bool{}}
	ast.Walk(&node, nc)
	f.names = make([]string, 0, len(nc.seen))
	for name := range nc.seen {
		f.names = append(f.names, name)
	}
	sort.Strings(f.names)
	if kind == kindBool {
		f.cond = nativeBool(prog.Node())
	} else {
		f.num = nativeNum(prog.Node())
	}
	return nil
}

var expectedRE = regexp.MustCompile(`^expected (\S+), but got (\S+)$`)

func friendlyExprMessage(msg string, kind formulaKind) string {
	if m := expectedRE.FindStringSubmatch(msg); m != nil {
		if kind == kindBool {
			return fmt.Sprintf("a condition must be true or false, but this gives %s; compare it, e.g. x > 0", exprTypeName(m[2]))
		}
		return fmt.Sprintf("a value must be a number, but this gives %s; use a ? b : c to turn a condition into a number", exprTypeName(m[2]))
	}
	switch {
	case strings.HasPrefix(msg, "unknown name "):
		return msg + " (use an indicator, lever or event id, or a name listed in FORMAT.md)"
	case strings.Contains(msg, "unexpected token EOF"):
		return "the formula ends too early: something is missing after the last word or sign"
	case strings.Contains(msg, "expected bool"):
		return "a condition must be true or false: " + msg + " (compare with <, >, == ...)"
	case strings.Contains(msg, "expected float64"):
		return "a value must be a number: " + msg
	}
	return msg
}

func exprTypeName(t string) string {
	switch {
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "float") || strings.HasPrefix(t, "int"):
		return "a number"
	case t == "string":
		return "text"
	case t == "nil" || t == "<nil>":
		return "nothing (nil)"
	}
	return t
}

// nsVisitor checks NAME.ID lookups against the ids that exist, and string
// comparisons against opt.LEVER and chose.EVENT against their option and
// choice ids.
type nsVisitor struct {
	known  map[string]map[string]bool
	report func(offset int, msg string)
	src    []rune
	banned *formulaError // the outermost construct that is not allowed
}

// ban keeps the outermost (first in the text) construct that scenario
// formulas may not use; what is inside it is not worth reporting too.
func (v *nsVisitor) ban(off int, msg string) {
	if v.banned == nil || off < v.banned.offset {
		v.banned = &formulaError{off, msg}
	}
}

func (v *nsVisitor) Visit(n *ast.Node) {
	switch node := (*n).(type) {
	case *ast.NilNode, *ast.IdentifierNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.StringNode,
		*ast.ConstantNode, *ast.UnaryNode, *ast.ChainNode, *ast.CallNode, *ast.ConditionalNode, *ast.ArrayNode,
		*ast.MapNode, *ast.PairNode, *ast.SliceNode:
	case *ast.BuiltinNode:
		if !contains(safeBuiltins, node.Name) {
			v.ban(node.Location().From, fmt.Sprintf("%s(...) is not allowed in a scenario formula; use min, max, abs, floor, ceil, round or clamp", node.Name))
		}
	case *ast.PredicateNode, *ast.PointerNode:
		v.ban(node.Location().From, "predicates (# and { ... }) are not allowed in a scenario formula")
	case *ast.VariableDeclaratorNode, *ast.SequenceNode:
		off := node.Location().From
		if off >= 4 && off <= len(v.src) && string(v.src[off-4:off]) == "let " {
			off -= 4 // point at "let", not at the name after it
		}
		v.ban(off, "let and ; are not allowed in a scenario formula; write one expression")
	default:
		v.ban((*n).Location().From, fmt.Sprintf("%T is not allowed in a scenario formula", node))
	case *ast.MemberNode:
		// NS.ID was flattened before type checking; any other member access
		// fails the type check, since the environment has no nested values.
	case *ast.BinaryNode:
		if node.Operator == ".." {
			v.ban(node.Location().From, "ranges (a..b) are not allowed in a scenario formula")
			return
		}
		if node.Operator != "==" && node.Operator != "!=" {
			return
		}
		v.checkValue(node.Left, node.Right)
		v.checkValue(node.Right, node.Left)
	}
}

// namespaceError explains "unknown name" for NS.ID and for a bare NS.
// (expr places a member access at its property, which is where the id is.)
func namespaceError(msg string, known map[string]map[string]bool) (string, bool) {
	name, ok := strings.CutPrefix(msg, "unknown name ")
	if !ok {
		return "", false
	}
	if namespaces[name] {
		return fmt.Sprintf("write %s.ID with a fixed id, not a computed one", name), true
	}
	ns, id, dotted := strings.Cut(name, ".")
	if !dotted || !namespaces[ns] {
		return "", false
	}
	return fmt.Sprintf("%s.%s: %s%s", ns, id, nsWhat(ns, id), suggest(id, known[ns])), true
}

// nsWhat says why NS.ID names nothing.
func nsWhat(ns, id string) string {
	switch ns {
	case NSOption:
		return fmt.Sprintf("there is no choice lever %q", id)
	case NSHeld:
		return fmt.Sprintf("there is no lever %q", id)
	case NSTotal:
		return fmt.Sprintf("there is no spend lever %q (total is for spend levers)", id)
	case NSFlag:
		return fmt.Sprintf("no event or choice sets or clears the flag %q, so it is always false; add sets = [%q] where it should turn on", id, id)
	case NSFired, NSLast, NSChose:
		return fmt.Sprintf("there is no event %q", id)
	}
	return fmt.Sprintf("no such id in %q", ns)
}

// checkValue: in `opt.mandate == "ban"`, "ban" must be an option of mandate.
func (v *nsVisitor) checkValue(side, other ast.Node) {
	ident, ok1 := side.(*ast.IdentifierNode)
	lit, ok2 := other.(*ast.StringNode)
	if !ok1 || !ok2 || lit.Value == "" {
		return
	}
	ns, id, dotted := strings.Cut(ident.Value, ".")
	if !dotted {
		return
	}
	values := v.known[ns+"="+id]
	if values != nil && !values[lit.Value] {
		v.report(other.Location().From, fmt.Sprintf("%q is not a choice of %s.%s%s", lit.Value, ns, id,
			suggest(lit.Value, values)))
	}
}

// suggest offers the nearest known name for a typo.
func suggest(got string, known map[string]bool) string {
	if best := nearest(got, known); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// nearest is the known name closest to got, within three edits, or "".
func nearest(got string, known map[string]bool) string {
	if len(got) > 100 {
		return "" // no typo is that long, and the distance is quadratic
	}
	best, bestD := "", 4
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if d := editDistance(got, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Bool runs a condition; an unset condition is true.
func (f Formula) Bool(m *vm.VM, env map[string]any) (bool, error) {
	if f.cond != nil {
		return f.cond(env), nil
	}
	return f.vmBool(m, env)
}

func (f Formula) vmBool(m *vm.VM, env map[string]any) (bool, error) {
	if f.prog == nil {
		return true, nil
	}
	out, err := m.Run(f.prog, env)
	if err != nil {
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		return false, fmt.Errorf("condition %q gave %v, not true or false", f.Src, out)
	}
	return b, nil
}

// Number runs a value formula; def is used when the formula is unset.
func (f Formula) Number(m *vm.VM, env map[string]any, def float64) (float64, error) {
	if f.num != nil {
		return f.num(env), nil
	}
	return f.vmNumber(m, env, def)
}

func (f Formula) vmNumber(m *vm.VM, env map[string]any, def float64) (float64, error) {
	if f.prog == nil {
		return def, nil
	}
	out, err := m.Run(f.prog, env)
	if err != nil {
		return 0, err
	}
	switch n := out.(type) {
	case float64:
		return n, nil
	case int:
		return float64(n), nil
	}
	return 0, fmt.Errorf("formula %q gave %v (%s), not a number", f.Src, out, reflect.TypeOf(out))
}
