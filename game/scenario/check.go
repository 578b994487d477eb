package scenario

import (
	"fmt"
	"github.com/expr-lang/expr/conf"
	"maps"
	"math"
	"regexp"
	"strings"

	"github.com/expr-lang/expr/vm"
)

var (
	idRE       = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	sourceIDRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
)

// checker holds what the semantic checks share.
type checker struct {
	sc      *Scenario
	r       *reporter
	env     map[string]any
	known   map[string]map[string]bool // namespace -> ids, and "opt=LEVER" -> option ids
	cited   map[string]bool
	effects map[string]string // effect id -> path, for duplicates

	configs map[formulaKind]*conf.Config // prepared once: see newCompileConfig
	probes  []map[string]any             // start, low and high environments for probeNumber
}

func check(sc *Scenario, r *reporter) {
	c := &checker{sc: sc, r: r, cited: map[string]bool{}, effects: map[string]string{}}
	sc.loc = r.loc
	c.meta()
	c.sources()
	c.indicators()
	c.locations()
	c.levers() // before the environment: ids decide the names formulas may use
	c.buildEnv()
	c.budget()
	c.leverFormulas()
	for i := range sc.Effects {
		c.effect(fmt.Sprintf("effects[%d]", i), &sc.Effects[i], true)
	}
	c.stakeholders()
	c.arguments()
	c.events()
	c.endings()
	c.briefingAndDebrief()
	c.lengths()
	for _, s := range sc.Sources {
		if !c.cited[s.ID] && s.ID != "" {
			// A source nobody cites is usually a typo elsewhere.
			r.warnAt(c.pathOfSource(s.ID), "source %q is never cited", s.ID)
		}
	}
	if !r.probs.HasErrors() {
		sc.buildIndex()
		sc.env = sc.buildEnv()
	}
}

func (c *checker) pathOfSource(id string) string {
	for i, s := range c.sc.Sources {
		if s.ID == id {
			return fmt.Sprintf("sources[%d].id", i)
		}
	}
	return ""
}

func (c *checker) required(path, value, what string) {
	if strings.TrimSpace(value) == "" {
		c.r.errAt(path, "missing %q: %s", lastKey(path), what)
	}
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// id checks an id's form and uniqueness within seen.
func (c *checker) id(path, id, kind string, seen map[string]string) {
	switch {
	case id == "":
		c.r.errAt(path+".id", "missing \"id\": every %s needs an id", kind)
		return
	case kind == "source" && !sourceIDRE.MatchString(id):
		c.r.errAt(path+".id", "source id %q: use letters, digits, _ and -, starting with a letter", id)
	case kind != "source" && !idRE.MatchString(id):
		c.r.errAt(path+".id", "%s id %q: use lowercase letters, digits and _, starting with a letter", kind, id)
	}
	if first, dup := seen[id]; dup {
		c.r.errAt(path+".id", "duplicate %s id %q (first used at line %d)", kind, id, c.r.loc.at(first).Line)
		return
	}
	seen[id] = path + ".id"
}

func (c *checker) meta() {
	m, p := c.sc.Meta, "scenario"
	if c.r.loc.keys[p] == (Pos{}) {
		c.r.add(Error, Pos{1, 1}, "missing [scenario] table: a scenario starts with [scenario] and its id, title, ...")
		return
	}
	if m.ID == "" {
		c.r.errAt(p+".id", "missing \"id\" in [scenario]: a short id such as \"my-scenario\", used in run records")
	} else if !regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`).MatchString(m.ID) {
		c.r.errAt(p+".id", "scenario id %q: use lowercase letters, digits, _ and -", m.ID)
	}
	c.required(p+".title", m.Title, "the scenario's title")
	c.required(p+".summary", m.Summary, "one or two sentences shown on the title screen")
	c.required(p+".role", m.Role, "who the player is")
	c.required(p+".language", m.Language, `a language code such as "en"`)
	c.required(p+".licence", m.Licence, `e.g. "CC-BY-4.0"`)
	if m.StartDate.IsZero() {
		c.r.errAt(p+".start_date", "missing \"start_date\": the date of turn 1, written like 2017-03-27")
	}
	if m.TurnDays < 1 || m.TurnDays > 366 {
		c.r.errAt(p+".turn_days", "turn_days must be 1..366 (days one turn covers), not %d", m.TurnDays)
	}
	if m.Turns < 1 || m.Turns > 200 {
		c.r.errAt(p+".turns", "turns must be 1..200, not %d", m.Turns)
	}
	if len(m.Objectives) == 0 {
		c.r.errAt(p+".objectives", "missing \"objectives\": list what a student should learn")
	}
	if m.PlayMinutes < 1 {
		c.r.errAt(p+".play_minutes", "missing \"play_minutes\": the expected play time in minutes")
	}
	if len(m.Authors) == 0 {
		c.r.errAt(p+".authors", "missing \"authors\": a list of names")
	}
	if m.Map != "" && m.Map != "westminster" {
		c.r.errAt(p+".map", "map %q is unknown: use \"westminster\" or leave it out", m.Map)
	}
}

func (c *checker) sources() {
	seen := map[string]string{}
	for i, s := range c.sc.Sources {
		p := fmt.Sprintf("sources[%d]", i)
		c.id(p, s.ID, "source", seen)
		c.required(p+".title", s.Title, "what the source is")
		if s.Evidence == "" {
			c.r.errAt(p+".evidence", "missing \"evidence\": one of %s", strings.Join(quoteAll(EvidenceLabels), ", "))
		} else if !contains(EvidenceLabels, s.Evidence) {
			c.r.errAt(p+".evidence", "evidence %q is not a label; use one of %s", s.Evidence, strings.Join(quoteAll(EvidenceLabels), ", "))
		}
	}
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// cites checks a list of source ids; need says whether one is required.
func (c *checker) cites(path string, ids []string, need bool, what string) {
	if need && len(ids) == 0 {
		c.r.errAt(path+".sources", "%s cites no source: add sources = [\"...\"] (a designer assumption is a source too)", what)
	}
	for i, id := range ids {
		c.cited[id] = true
		if c.sc.sourceByID(id) == nil {
			c.r.errAt(fmt.Sprintf("%s.sources[%d]", path, i), "source %q does not exist%s", id, suggest(id, c.sourceIDs()))
		}
	}
}

func (c *checker) sourceIDs() map[string]bool {
	out := map[string]bool{}
	for _, s := range c.sc.Sources {
		out[s.ID] = true
	}
	return out
}

func (c *checker) indicators() {
	seen := map[string]string{}
	if len(c.sc.Indicators) == 0 {
		c.r.add(Error, Pos{1, 1}, "no [[indicators]]: a scenario needs at least one meter")
	}
	for i, ind := range c.sc.Indicators {
		p := fmt.Sprintf("indicators[%d]", i)
		c.id(p, ind.ID, "indicator", seen)
		c.notReserved(p, ind.ID)
		c.required(p+".name", ind.Name, "the meter's name")
		if !(ind.Min < ind.Max) {
			c.r.errAt(p+".max", "max (%g) must be greater than min (%g)", ind.Max, ind.Min)
		} else if ind.Start < ind.Min || ind.Start > ind.Max {
			c.r.errAt(p+".start", "start %g is outside %g..%g", ind.Start, ind.Min, ind.Max)
		}
		if ind.Good != "up" && ind.Good != "down" {
			c.r.errAt(p+".good", "good must be \"up\" or \"down\" (which direction is better), not %q", ind.Good)
		}
		if ind.Drift < 0 || ind.Drift > 1 {
			c.r.errAt(p+".drift", "drift must be between 0 and 1, not %g", ind.Drift)
		}
		if ind.Baseline != nil && (*ind.Baseline < ind.Min || *ind.Baseline > ind.Max) {
			c.r.errAt(p+".baseline", "baseline %g is outside %g..%g", *ind.Baseline, ind.Min, ind.Max)
		}
		checkFinite(c, p, map[string]float64{"start": ind.Start, "min": ind.Min, "max": ind.Max, "drift": ind.Drift})
	}
}

func checkFinite(c *checker, path string, vals map[string]float64) {
	for k, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			c.r.errAt(path+"."+k, "%s must be a finite number", k)
		}
	}
}

func (c *checker) notReserved(path, id string) {
	if Reserved[id] {
		c.r.errAt(path+".id", "id %q is a reserved name in formulas; choose another", id)
	}
}

func (c *checker) locations() {
	seen := map[string]string{}
	for i, l := range c.sc.Locations {
		p := fmt.Sprintf("locations[%d]", i)
		c.id(p, l.ID, "location", seen)
		c.required(p+".name", l.Name, "the place's name")
		if l.X < 0 || l.X > 1000 || math.IsNaN(l.X) {
			c.r.errAt(p+".x", "x must be 0..1000 (map units, left to right), not %g", l.X)
		}
		if l.Y < 0 || l.Y > 1000 || math.IsNaN(l.Y) {
			c.r.errAt(p+".y", "y must be 0..1000 (map units, top to bottom), not %g", l.Y)
		}
		if l.Kind != "" && !contains([]string{"bridge", "gate", "building", "street", "area"}, l.Kind) {
			c.r.errAt(p+".kind", "kind %q: use bridge, gate, building, street or area", l.Kind)
		}
	}
}

func (c *checker) location(path, id string) {
	if id != "" && c.sc.locationByID(id) == nil {
		ids := map[string]bool{}
		for _, l := range c.sc.Locations {
			ids[l.ID] = true
		}
		c.r.errAt(path+".location", "location %q does not exist in [[locations]]%s", id, suggest(id, ids))
	}
}

func (c *checker) levers() {
	seen := map[string]string{}
	for i, ind := range c.sc.Indicators {
		seen[ind.ID] = fmt.Sprintf("indicators[%d].id", i)
	}
	for i := range c.sc.Levers {
		l := &c.sc.Levers[i]
		p := fmt.Sprintf("levers[%d]", i)
		if first, clash := seen[l.ID]; clash && strings.HasPrefix(first, "indicators") {
			c.r.errAt(p+".id", "lever id %q is already an indicator id (line %d); formulas need one meaning per name", l.ID, c.r.loc.at(first).Line)
		} else {
			c.id(p, l.ID, "lever", seen)
		}
		c.notReserved(p, l.ID)
		c.required(p+".name", l.Name, "the lever's name")
		c.location(p, l.Location)
		c.cites(p, l.Sources, false, "")
		if l.Cooldown < 0 {
			c.r.errAt(p+".cooldown", "cooldown must be 0 or more")
		}
		switch l.Kind {
		case LeverChoice:
			c.choiceLever(p, l)
		case LeverSpend:
			c.spendLever(p, l)
		case "":
			c.r.errAt(p+".kind", "missing \"kind\": \"choice\" (graded options) or \"spend\" (a budget line)")
		default:
			c.r.errAt(p+".kind", "kind %q: use \"choice\" or \"spend\"", l.Kind)
		}
	}
}

func (c *checker) choiceLever(p string, l *Lever) {
	if len(l.Options) < 2 {
		c.r.errAt(p, "choice lever %q needs at least two [[levers.options]]", l.ID)
	}
	seen := map[string]string{}
	for j, o := range l.Options {
		op := fmt.Sprintf("%s.options[%d]", p, j)
		c.id(op, o.ID, "option", seen)
		c.required(op+".label", o.Label, "what the player sees on the button")
		if o.Cost < 0 || o.Capital < 0 {
			c.r.errAt(op, "cost and capital must be 0 or more")
		}
		c.cites(op, o.Sources, false, "")
	}
	if l.Start != "" && seen[l.Start] == "" {
		ids := make([]string, len(l.Options))
		for j, o := range l.Options {
			ids[j] = fmt.Sprintf("%q", o.ID)
		}
		c.r.errAt(p+".start", "start %q is not one of this lever's options (%s)", l.Start, strings.Join(ids, ", "))
	}
	if l.MaxStep < 0 {
		c.r.errAt(p+".max_step", "max_step must be 0 (any) or more")
	}
	if l.Max != 0 || l.Step != 0 || l.Initial != 0 {
		c.r.warnAt(p, "min, max, step and initial apply to spend levers only")
	}
}

func (c *checker) spendLever(p string, l *Lever) {
	if len(l.Options) > 0 {
		c.r.errAt(p+".options[0]", "a spend lever has no options; use kind = \"choice\" for graded options")
	}
	if l.Max <= l.Min || l.Min < 0 {
		c.r.errAt(p+".max", "a spend lever needs 0 <= min < max, not %g..%g", l.Min, l.Max)
	}
	if l.Step <= 0 {
		c.r.errAt(p+".step", "missing \"step\": the amount one click adds, more than 0")
	} else if l.Max > l.Min && (l.Max-l.Min)/l.Step > 1000 {
		c.r.errAt(p+".step", "step %g makes more than 1000 settings; use a larger step", l.Step)
	}
	if l.Max > l.Min && l.Min >= 0 && (l.Initial < l.Min || l.Initial > l.Max) {
		c.r.errAt(p+".initial", "initial %g is outside %g..%g", l.Initial, l.Min, l.Max)
	}
	checkFinite(c, p, map[string]float64{"min": l.Min, "max": l.Max, "step": l.Step, "initial": l.Initial})
}

func (c *checker) buildEnv() {
	sc := c.sc
	c.env = sc.NewEnv()
	k := map[string]map[string]bool{NSOption: {}, NSHeld: {}, NSTotal: {}, NSFlag: {}, NSFired: {}, NSLast: {}, NSChose: {}}
	for _, l := range sc.Levers {
		k[NSHeld][l.ID] = true
		if l.Kind == LeverSpend {
			k[NSTotal][l.ID] = true
			continue
		}
		k[NSOption][l.ID] = true
		opts := map[string]bool{}
		for _, o := range l.Options {
			opts[o.ID] = true
		}
		k[NSOption+"="+l.ID] = opts
	}
	for _, e := range sc.Events {
		k[NSFired][e.ID], k[NSLast][e.ID], k[NSChose][e.ID] = true, true, true
		choices := map[string]bool{}
		for _, ch := range e.Choices {
			choices[ch.ID] = true
		}
		if k[NSChose+"="+e.ID] == nil { // a duplicate event id is reported elsewhere: keep the first's choices too
			k[NSChose+"="+e.ID] = map[string]bool{}
		}
		maps.Copy(k[NSChose+"="+e.ID], choices)
	}
	for f := range sc.Flags() {
		k[NSFlag][f] = true
	}
	c.known = k
}

func (c *checker) budget() {
	b, p := c.sc.Budget, "budget"
	if b.Indicator != "" && c.sc.indicatorByID(b.Indicator) == nil {
		ids := map[string]bool{}
		for _, ind := range c.sc.Indicators {
			ids[ind.ID] = true
		}
		c.r.errAt(p+".indicator", "indicator %q does not exist in [[indicators]]%s", b.Indicator, suggest(b.Indicator, ids))
	}
	if b.PerTurn < 0 || b.CapitalStart < 0 || b.CapitalPerTurn < 0 || b.CapitalMax < 0 {
		c.r.errAt(p, "budget amounts must be 0 or more")
	}
	if b.CapitalMax > 0 && b.CapitalStart > b.CapitalMax {
		c.r.errAt(p+".capital_start", "capital_start %g is more than capital_max %g", b.CapitalStart, b.CapitalMax)
	}
	checkFinite(c, p, map[string]float64{"per_turn": b.PerTurn, "capital_start": b.CapitalStart,
		"capital_per_turn": b.CapitalPerTurn, "capital_max": b.CapitalMax})
}

func (c *checker) leverFormulas() {
	for i := range c.sc.Levers {
		for j := range c.sc.Levers[i].Options {
			c.formula(fmt.Sprintf("levers[%d].options[%d].requires", i, j), &c.sc.Levers[i].Options[j].Requires, kindBool)
		}
	}
}

// formula compiles f and reports errors at their place inside the file.
func (c *checker) formula(path string, f *Formula, kind formulaKind) {
	if c.configs == nil {
		c.configs = map[formulaKind]*conf.Config{kindBool: newCompileConfig(c.env, kindBool),
			kindNumber: newCompileConfig(c.env, kindNumber)}
	}
	for _, fe := range f.compile(c.configs[kind], kind, c.known) {
		c.r.add(Error, c.r.loc.inValue(string(c.sc.Src), path, fe.offset), "%s: %s", lastKey(path), fe.msg)
	}
	if f.prog != nil && kind == kindNumber {
		c.probeNumber(path, f)
	}
}

// probeNumber runs a number formula at the start and at the extremes of
// every indicator and lever, to catch NaN, Inf and division by zero before
// anyone plays.
func (c *checker) probeNumber(path string, f *Formula) {
	var m vm.VM
	words := map[string]string{"start": "start", "low": "lowest", "high": "highest"}
	if c.probes == nil {
		c.probes = []map[string]any{c.probeEnv("start"), c.probeEnv("low"), c.probeEnv("high")}
	}
	for k, probe := range []string{"start", "low", "high"} {
		env := c.probes[k]
		v, err := f.Number(&m, env, 0)
		if err != nil {
			c.r.add(Error, c.r.loc.inValue(string(c.sc.Src), path, f.lead), "%s fails when indicators and levers are at their %s values: %v", lastKey(path), words[probe], err)
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			c.r.add(Error, c.r.loc.inValue(string(c.sc.Src), path, f.lead), "%s gives %v when indicators and levers are at their %s values (a division by zero?); guard the divisor, e.g. x / max(y, 1)", lastKey(path), v, words[probe])
			return
		}
	}
}

func (c *checker) probeEnv(probe string) map[string]any {
	env := c.sc.NewEnv()
	env["turn"] = 1
	for _, ind := range c.sc.Indicators {
		v := ind.Start
		if probe == "low" {
			v = ind.Min
		} else if probe == "high" {
			v = ind.Max
		}
		env[ind.ID] = v
	}
	for _, l := range c.sc.Levers {
		if l.Kind == LeverSpend {
			v := l.Initial
			if probe == "low" {
				v = l.Min
			} else if probe == "high" {
				v = l.Max
			}
			env[l.ID] = v
		} else if probe == "high" && len(l.Options) > 0 {
			env[l.ID] = len(l.Options) - 1
		}
	}
	return env
}

var modes = []string{ModeEveryTurn, ModeOnStart, ModeOnce}

func (c *checker) effect(p string, e *Effect, topLevel bool) {
	if e.ID == "" {
		c.r.errAt(p+".id", "missing \"id\": every effect needs an id (the ledger shows it)")
	} else if !idRE.MatchString(e.ID) {
		c.r.errAt(p+".id", "effect id %q: use lowercase letters, digits and _, starting with a letter", e.ID)
	} else if first, dup := c.effects[e.ID]; dup {
		c.r.errAt(p+".id", "duplicate effect id %q (first used at line %d)", e.ID, c.r.loc.at(first).Line)
	} else {
		c.effects[e.ID] = p + ".id"
	}
	if e.Target == "" {
		c.r.errAt(p+".target", "missing \"target\": the indicator this effect changes")
	} else if c.sc.indicatorByID(e.Target) == nil {
		ids := map[string]bool{}
		for _, ind := range c.sc.Indicators {
			ids[ind.ID] = true
		}
		c.r.errAt(p+".target", "target %q is not an indicator%s", e.Target, suggest(e.Target, ids))
	}
	if !e.Value.Set() {
		c.r.errAt(p+".value", "missing \"value\": the change per turn, a number or a formula")
	}
	c.formula(p+".when", &e.When, kindBool)
	c.formula(p+".value", &e.Value, kindNumber)
	if e.Delay < 0 || e.Delay > 200 {
		c.r.errAt(p+".delay", "delay must be 0..200 turns, not %d", e.Delay)
	}
	if e.Duration < 0 || e.Duration > 200 {
		c.r.errAt(p+".duration", "duration must be 0..200 turns, not %d", e.Duration)
	}
	if e.Decay < 0 || e.Decay > 1 || math.IsNaN(e.Decay) {
		c.r.errAt(p+".decay", "decay must be more than 0 and at most 1 (each later turn is multiplied by it), not %g", e.Decay)
	}
	if e.Mode != "" && !contains(modes, e.Mode) {
		c.r.errAt(p+".mode", "mode %q: use every_turn, on_start or once", e.Mode)
	}
	if e.Mode != "" && !topLevel {
		c.r.warnAt(p+".mode", "mode has no meaning inside an event or choice: those effects fire when it happens")
	}
	if topLevel && e.Delay >= c.sc.Meta.Turns && c.sc.Meta.Turns > 0 {
		c.r.warnAt(p+".delay", "delay %d is as long as the game (%d turns): this effect can never land", e.Delay, c.sc.Meta.Turns)
	}
	c.required(p+".explain", e.Explain, "a sentence saying why, shown in the ledger")
	c.cites(p, e.Sources, true, "effect")
}

func (c *checker) stakeholders() {
	seen := map[string]string{}
	for i, s := range c.sc.Stakeholders {
		p := fmt.Sprintf("stakeholders[%d]", i)
		c.id(p, s.ID, "stakeholder", seen)
		c.required(p+".name", s.Name, "the voice's name")
	}
}

func (c *checker) arguments() {
	seen := map[string]string{}
	for i, a := range c.sc.Arguments {
		p := fmt.Sprintf("arguments[%d]", i)
		c.id(p, a.ID, "argument", seen)
		if c.sc.stakeholderByID(a.By) == nil {
			ids := map[string]bool{}
			for _, s := range c.sc.Stakeholders {
				ids[s.ID] = true
			}
			if a.By == "" {
				c.r.errAt(p+".by", "missing \"by\": the id of the stakeholder who makes this argument")
			} else {
				c.r.errAt(p+".by", "by %q is not a stakeholder id%s", a.By, suggest(a.By, ids))
			}
		}
		c.about(p, a.About)
		if a.Stance != "for" && a.Stance != "against" {
			c.r.errAt(p+".stance", "stance must be \"for\" or \"against\", not %q", a.Stance)
		}
		c.required(p+".text", a.Text, "what the stakeholder says")
		c.cites(p, a.Sources, true, "argument")
	}
}

func (c *checker) about(p, about string) {
	lever, option, hasOpt := strings.Cut(about, ".")
	l := c.sc.leverByID(lever)
	switch {
	case about == "":
		c.r.errAt(p+".about", "missing \"about\": a lever id, or lever.option")
	case l == nil:
		ids := map[string]bool{}
		for _, l := range c.sc.Levers {
			ids[l.ID] = true
		}
		c.r.errAt(p+".about", "about %q: there is no lever %q%s", about, lever, suggest(lever, ids))
	case hasOpt && l.Kind == LeverSpend:
		c.r.errAt(p+".about", "about %q: %q is a spend lever and has no options", about, lever)
	case hasOpt && l.option(option) < 0:
		ids := map[string]bool{}
		for _, o := range l.Options {
			ids[o.ID] = true
		}
		c.r.errAt(p+".about", "about %q: lever %q has no option %q%s", about, lever, option, suggest(option, ids))
	}
}

func (c *checker) events() {
	seen := map[string]string{}
	for i := range c.sc.Events {
		e := &c.sc.Events[i]
		p := fmt.Sprintf("events[%d]", i)
		c.id(p, e.ID, "event", seen)
		c.required(p+".title", e.Title, "the headline")
		c.required(p+".text", e.Text, "the news text")
		c.formula(p+".when", &e.When, kindBool)
		c.formula(p+".chance", &e.Chance, kindNumber)
		if e.Cooldown < 0 {
			c.r.errAt(p+".cooldown", "cooldown must be 0 or more")
		}
		if e.Cooldown > 0 && !e.Repeat {
			c.r.warnAt(p+".cooldown", "cooldown has no meaning without repeat = true")
		}
		c.location(p, e.Location)
		if e.Fiction && e.RealDate != "" {
			c.r.errAt(p+".real_date", "a fiction event has no real date: remove real_date, or fiction if it really happened")
		}
		c.flags(p+".sets", e.Sets)
		c.flags(p+".clears", e.Clears)
		c.cites(p, e.Sources, true, "event")
		for j := range e.Effects {
			c.effect(fmt.Sprintf("%s.effects[%d]", p, j), &e.Effects[j], false)
		}
		cs := map[string]string{}
		for j := range e.Choices {
			ch := &e.Choices[j]
			cp := fmt.Sprintf("%s.choices[%d]", p, j)
			c.id(cp, ch.ID, "choice", cs)
			c.required(cp+".label", ch.Label, "the answer's button text")
			c.flags(cp+".sets", ch.Sets)
			c.flags(cp+".clears", ch.Clears)
			c.cites(cp, ch.Sources, false, "")
			if ch.Cost < 0 || ch.Capital < 0 {
				c.r.errAt(cp, "cost and capital must be 0 or more")
			}
			for k := range ch.Effects {
				c.effect(fmt.Sprintf("%s.effects[%d]", cp, k), &ch.Effects[k], false)
			}
		}
		if len(e.Choices) == 1 {
			c.r.warnAt(p+".choices[0]", "a dilemma with one choice is no choice; add another or make it an effect")
		}
	}
}

func (c *checker) flags(path string, names []string) {
	for i, f := range names {
		if !idRE.MatchString(f) {
			c.r.errAt(fmt.Sprintf("%s[%d]", path, i), "flag %q: use lowercase letters, digits and _", f)
		}
	}
}

func (c *checker) endings() {
	seen := map[string]string{}
	fallback := false
	if len(c.sc.Endings) == 0 {
		c.r.add(Error, Pos{1, 1}, "no [[endings]]: add at least one, the last without \"when\"")
	}
	for i := range c.sc.Endings {
		e := &c.sc.Endings[i]
		p := fmt.Sprintf("endings[%d]", i)
		c.id(p, e.ID, "ending", seen)
		c.required(p+".title", e.Title, "the ending's title")
		c.required(p+".text", e.Text, "what happened")
		c.required(p+".assessment", e.Assessment, "an honest account of what the player's choices did")
		c.formula(p+".when", &e.When, kindBool)
		if e.Rating < 1 || e.Rating > 5 {
			c.r.errAt(p+".rating", "rating must be 1 (worst) to 5 (best), not %d", e.Rating)
		}
		if !e.When.Set() {
			fallback = true // an early one without "when" is reported below
		}
		if !e.When.Set() && e.Early {
			c.r.errAt(p+".early", "an early ending needs a \"when\", or it ends every game on turn 1")
		}
		c.cites(p, e.Sources, false, "")
	}
	if len(c.sc.Endings) > 0 && !fallback {
		c.r.errAt(fmt.Sprintf("endings[%d]", len(c.sc.Endings)-1),
			"no ending without \"when\": remove \"when\" from the last ending so that some ending always applies")
	}
}

func (c *checker) briefingAndDebrief() {
	for i, b := range c.sc.Briefing {
		p := fmt.Sprintf("briefing[%d]", i)
		c.required(p+".title", b.Title, "the page's title")
		c.required(p+".text", b.Text, "the page's text")
		c.cites(p, b.Sources, false, "")
	}
	for i, q := range c.sc.Debrief.Questions {
		p := fmt.Sprintf("debrief.questions[%d]", i)
		c.required(p+".text", q.Text, "the question")
		c.cites(p, q.Sources, true, "question")
		if q.Turn < 0 || q.Turn > c.sc.Meta.Turns && c.sc.Meta.Turns >= 1 {
			c.r.errAt(p+".turn", "turn must be 0 (the end) to %d, not %d", c.sc.Meta.Turns, q.Turn)
		}
	}
}

// Text limits the game's panels are laid out for; longer text still works
// but wraps into more lines than the layout expects, so it is a warning.
const (
	maxName     = 28 // lever names
	maxMeter    = 22 // indicator names
	maxLabel    = 32 // option and choice labels
	maxTitle    = 60 // event, ending and briefing titles
	maxArgument = 220
	maxNews     = 300
)

func (c *checker) lengths() {
	long := func(path, text string, limit int, what string) {
		if n := len([]rune(strings.TrimSpace(text))); n > limit {
			c.r.warnAt(path, "%s is %d characters; the game lays it out for at most %d, so shorten it", what, n, limit)
		}
	}
	for i, ind := range c.sc.Indicators {
		long(fmt.Sprintf("indicators[%d].name", i), ind.Name, maxMeter, "indicator name")
	}
	for i, l := range c.sc.Levers {
		long(fmt.Sprintf("levers[%d].name", i), l.Name, maxName, "lever name")
		for j, o := range l.Options {
			long(fmt.Sprintf("levers[%d].options[%d].label", i, j), o.Label, maxLabel, "option label")
		}
	}
	for i, a := range c.sc.Arguments {
		long(fmt.Sprintf("arguments[%d].text", i), a.Text, maxArgument, "argument text")
	}
	for i, e := range c.sc.Events {
		long(fmt.Sprintf("events[%d].title", i), e.Title, maxTitle, "event title")
		long(fmt.Sprintf("events[%d].text", i), e.Text, maxNews, "event text")
		for j, ch := range e.Choices {
			long(fmt.Sprintf("events[%d].choices[%d].label", i, j), ch.Label, maxLabel, "choice label")
		}
	}
	for i, e := range c.sc.Endings {
		long(fmt.Sprintf("endings[%d].title", i), e.Title, maxTitle, "ending title")
	}
	for i, b := range c.sc.Briefing {
		long(fmt.Sprintf("briefing[%d].title", i), b.Title, maxTitle, "briefing title")
	}
}
