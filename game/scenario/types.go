// Package scenario holds the Keyholder scenario format: the types a TOML
// scenario file decodes into, the loader, and the checker that reports every
// problem with its file:line:col position.
package scenario

import "time"

// Scenario is one decoded scenario file. Field names follow the TOML keys
// documented in scenarios/FORMAT.md.
type Scenario struct {
	Meta         Meta          `toml:"scenario"`
	Briefing     []Page        `toml:"briefing"`
	Budget       Budget        `toml:"budget"`
	Sources      []Source      `toml:"sources"`
	Indicators   []Indicator   `toml:"indicators"`
	Levers       []Lever       `toml:"levers"`
	Effects      []Effect      `toml:"effects"`
	Stakeholders []Stakeholder `toml:"stakeholders"`
	Arguments    []Argument    `toml:"arguments"`
	Events       []Event       `toml:"events"`
	Endings      []Ending      `toml:"endings"`
	Locations    []Location    `toml:"locations"`
	Debrief      Debrief       `toml:"debrief"`

	// Filled by the loader, not by TOML.
	File string         `toml:"-"` // name used in messages
	Hash string         `toml:"-"` // sha256 of the file's bytes, hex
	Src  []byte         `toml:"-"`
	idx  *indexes       `toml:"-"`
	loc  *locator       `toml:"-"`
	env  map[string]any `toml:"-"` // NewEnv's template, once checked
}

// Meta is the [scenario] table.
type Meta struct {
	ID          string    `toml:"id"`
	Title       string    `toml:"title"`
	Summary     string    `toml:"summary"`
	Role        string    `toml:"role"`
	StartDate   time.Time `toml:"start_date"`
	TurnDays    int       `toml:"turn_days"`
	Turns       int       `toml:"turns"`
	Objectives  []string  `toml:"objectives"`
	PlayMinutes int       `toml:"play_minutes"`
	Authors     []string  `toml:"authors"`
	Language    string    `toml:"language"`
	Licence     string    `toml:"licence"`
	Map         string    `toml:"map"` // "westminster" draws the stylised Westminster map; empty draws pins only
	Tutorial    bool      `toml:"tutorial"`
}

// Page is one screen of the briefing.
type Page struct {
	Title   string   `toml:"title"`
	Text    string   `toml:"text"`
	Sources []string `toml:"sources"`
}

// Budget is the [budget] table: money shared by all spending each turn, and
// political capital spent when a graded lever is moved.
type Budget struct {
	Unit           string  `toml:"unit"`
	PerTurn        float64 `toml:"per_turn"`  // money each turn when Indicator is empty
	Indicator      string  `toml:"indicator"` // money each turn is this indicator's value
	CapitalName    string  `toml:"capital_name"`
	CapitalStart   float64 `toml:"capital_start"`
	CapitalPerTurn float64 `toml:"capital_per_turn"`
	CapitalMax     float64 `toml:"capital_max"`
}

// Evidence labels a source (FACTS.md's labels, in words a student reads).
const (
	EvidenceFact       = "fact"
	EvidenceClaim      = "named claim"
	EvidenceOpinion    = "opinion"
	EvidenceContested  = "contested"
	EvidenceAssumption = "designer assumption"
	EvidenceError      = "error"
	EvidenceScenario   = "scenario event" // fiction written for the game, never presented as real
)

// EvidenceLabels lists every allowed label, in the order shown to players.
var EvidenceLabels = []string{EvidenceFact, EvidenceClaim, EvidenceOpinion, EvidenceContested,
	EvidenceAssumption, EvidenceError, EvidenceScenario}

// Source is one cited item: a fact-sheet entry, an article claim, or a
// designer assumption.
type Source struct {
	ID       string `toml:"id"`
	Title    string `toml:"title"`
	Outlet   string `toml:"outlet"` // outlet or author
	Date     string `toml:"date"`   // free text: "2017-03-26", "March 2017"
	URL      string `toml:"url"`
	Quote    string `toml:"quote"`
	Evidence string `toml:"evidence"`
	Note     string `toml:"note"` // the fact sheet's verdict, in a sentence
}

// Indicator is a meter the player watches.
type Indicator struct {
	ID          string   `toml:"id"`
	Name        string   `toml:"name"`
	Description string   `toml:"description"`
	Start       float64  `toml:"start"`
	Min         float64  `toml:"min"`
	Max         float64  `toml:"max"`
	Good        string   `toml:"good"`     // "up" or "down"
	Baseline    *float64 `toml:"baseline"` // where drift pulls the value; default Start
	Drift       float64  `toml:"drift"`    // share of the gap to Baseline closed each turn, 0..1
	Unit        string   `toml:"unit"`
	Hidden      bool     `toml:"hidden"` // used by formulas, not shown as a meter
}

// Lever kinds.
const (
	LeverChoice = "choice" // graded options, one held at a time
	LeverSpend  = "spend"  // a budget line: an amount of money each turn
)

// Lever is a decision the player makes each turn.
type Lever struct {
	ID          string   `toml:"id"`
	Name        string   `toml:"name"`
	Description string   `toml:"description"`
	Kind        string   `toml:"kind"`
	Group       string   `toml:"group"` // heading in the policy room, e.g. "Encryption"
	Location    string   `toml:"location"`
	Options     []Option `toml:"options"`  // choice levers
	Start       string   `toml:"start"`    // choice levers: starting option id; default the first
	MaxStep     int      `toml:"max_step"` // choice levers: most grades moved in one turn; 0 = any
	Cooldown    int      `toml:"cooldown"` // turns after a change before the next one
	Min         float64  `toml:"min"`      // spend levers
	Max         float64  `toml:"max"`
	Step        float64  `toml:"step"`
	Initial     float64  `toml:"initial"` // spend levers: amount on turn 1
	Sources     []string `toml:"sources"`
}

// Option is one grade of a choice lever.
type Option struct {
	ID          string   `toml:"id"`
	Label       string   `toml:"label"`
	Description string   `toml:"description"`
	Cost        float64  `toml:"cost"`     // money each turn while held
	Capital     float64  `toml:"capital"`  // political capital to switch to it
	Requires    Formula  `toml:"requires"` // condition; empty = always allowed
	Sources     []string `toml:"sources"`
}

// Effect modes.
const (
	ModeEveryTurn = "every_turn" // fires on every turn its condition holds
	ModeOnStart   = "on_start"   // fires when its condition becomes true
	ModeOnce      = "once"       // fires the first time its condition holds, never again
)

// Effect changes one indicator. Top-level effects are checked every turn;
// effects inside events and choices fire when those happen.
type Effect struct {
	ID       string   `toml:"id"`
	Target   string   `toml:"target"`
	When     Formula  `toml:"when"`     // condition; empty = always
	Value    Formula  `toml:"value"`    // formula: change per turn
	Delay    int      `toml:"delay"`    // turns before it starts
	Duration int      `toml:"duration"` // turns it lasts; 0 means 1
	Decay    float64  `toml:"decay"`    // each later turn is multiplied by this; 0 means 1
	Mode     string   `toml:"mode"`
	Explain  string   `toml:"explain"`
	Sources  []string `toml:"sources"`
}

// Stakeholder is a named voice in the debate.
type Stakeholder struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	Role        string `toml:"role"`
	Description string `toml:"description"`
}

// Argument is one stakeholder's case for or against a lever or option.
type Argument struct {
	ID      string   `toml:"id"`
	By      string   `toml:"by"`
	About   string   `toml:"about"`  // "lever" or "lever.option"
	Stance  string   `toml:"stance"` // "for" or "against"
	Text    string   `toml:"text"`
	Sources []string `toml:"sources"`
}

// Event is news that happens when its condition and chance allow.
type Event struct {
	ID       string   `toml:"id"`
	Title    string   `toml:"title"`
	Text     string   `toml:"text"`
	When     Formula  `toml:"when"`   // condition; empty = always
	Chance   Formula  `toml:"chance"` // formula, probability per turn 0..1; empty = 1
	Repeat   bool     `toml:"repeat"` // false: at most once per game
	Cooldown int      `toml:"cooldown"`
	Location string   `toml:"location"`
	Fiction  bool     `toml:"fiction"`   // a scenario event, not a historical one
	RealDate string   `toml:"real_date"` // a real event shown on another turn than its date: when it happened
	Sets     []string `toml:"sets"`      // flags switched on
	Clears   []string `toml:"clears"`    // flags switched off
	Effects  []Effect `toml:"effects"`
	Choices  []Choice `toml:"choices"` // a dilemma answered at the start of next turn
	Sources  []string `toml:"sources"`
}

// Choice is one answer to an event's dilemma.
type Choice struct {
	ID      string   `toml:"id"`
	Label   string   `toml:"label"`
	Text    string   `toml:"text"`
	Cost    float64  `toml:"cost"`    // money, once
	Capital float64  `toml:"capital"` // political capital, once
	Sets    []string `toml:"sets"`
	Clears  []string `toml:"clears"`
	Effects []Effect `toml:"effects"`
	Sources []string `toml:"sources"`
}

// Ending closes the game.
type Ending struct {
	ID         string   `toml:"id"`
	Title      string   `toml:"title"`
	Text       string   `toml:"text"`
	Assessment string   `toml:"assessment"`
	When       Formula  `toml:"when"`
	Early      bool     `toml:"early"`  // may end the game before the last turn
	Rating     int      `toml:"rating"` // 1 (worst) .. 5 (best)
	Sources    []string `toml:"sources"`
}

// Location is a place on the map, in map units 0..1000 by 0..1000.
type Location struct {
	ID   string  `toml:"id"`
	Name string  `toml:"name"`
	Kind string  `toml:"kind"` // bridge, gate, building, street, area
	X    float64 `toml:"x"`
	Y    float64 `toml:"y"`
}

// Debrief is the [debrief] table.
type Debrief struct {
	Facilitator string     `toml:"facilitator"`
	Questions   []Question `toml:"questions"`
}

// Question is one discussion question.
type Question struct {
	Text    string   `toml:"text"`
	Turn    int      `toml:"turn"` // a good turn to pause and ask it; 0 = at the debrief
	Sources []string `toml:"sources"`
}
