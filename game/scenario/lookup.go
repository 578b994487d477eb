package scenario

import "fmt"

// indexes make id lookups constant-time once a scenario has passed the checker.
type indexes struct {
	indicators   map[string]int
	levers       map[string]int
	sources      map[string]int
	stakeholders map[string]int
	events       map[string]int
	endings      map[string]int
	locations    map[string]int
}

func (s *Scenario) buildIndex() {
	ix := &indexes{map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{},
		map[string]int{}, map[string]int{}}
	for i, x := range s.Indicators {
		ix.indicators[x.ID] = i
	}
	for i, x := range s.Levers {
		ix.levers[x.ID] = i
	}
	for i, x := range s.Sources {
		ix.sources[x.ID] = i
	}
	for i, x := range s.Stakeholders {
		ix.stakeholders[x.ID] = i
	}
	for i, x := range s.Events {
		ix.events[x.ID] = i
	}
	for i, x := range s.Endings {
		ix.endings[x.ID] = i
	}
	for i, x := range s.Locations {
		ix.locations[x.ID] = i
	}
	s.idx = ix
}

func find[T any](xs []T, ix map[string]int, id string, idOf func(*T) string) *T {
	if ix != nil {
		if i, ok := ix[id]; ok {
			return &xs[i]
		}
		return nil
	}
	for i := range xs {
		if idOf(&xs[i]) == id {
			return &xs[i]
		}
	}
	return nil
}

func (s *Scenario) ix() *indexes {
	if s.idx == nil {
		return &indexes{}
	}
	return s.idx
}

func (s *Scenario) indicatorByID(id string) *Indicator {
	return find(s.Indicators, s.ix().indicators, id, func(x *Indicator) string { return x.ID })
}
func (s *Scenario) leverByID(id string) *Lever {
	return find(s.Levers, s.ix().levers, id, func(x *Lever) string { return x.ID })
}
func (s *Scenario) sourceByID(id string) *Source {
	return find(s.Sources, s.ix().sources, id, func(x *Source) string { return x.ID })
}
func (s *Scenario) stakeholderByID(id string) *Stakeholder {
	return find(s.Stakeholders, s.ix().stakeholders, id, func(x *Stakeholder) string { return x.ID })
}
func (s *Scenario) locationByID(id string) *Location {
	return find(s.Locations, s.ix().locations, id, func(x *Location) string { return x.ID })
}

// Indicator returns the indicator with this id, or nil.
func (s *Scenario) Indicator(id string) *Indicator { return s.indicatorByID(id) }

// Lever returns the lever with this id, or nil.
func (s *Scenario) Lever(id string) *Lever { return s.leverByID(id) }

// Source returns the source with this id, or nil.
func (s *Scenario) Source(id string) *Source { return s.sourceByID(id) }

// Stakeholder returns the stakeholder with this id, or nil.
func (s *Scenario) Stakeholder(id string) *Stakeholder { return s.stakeholderByID(id) }

// Location returns the location with this id, or nil.
func (s *Scenario) Location(id string) *Location { return s.locationByID(id) }

// Event returns the event with this id, or nil.
func (s *Scenario) Event(id string) *Event {
	return find(s.Events, s.ix().events, id, func(x *Event) string { return x.ID })
}

// Ending returns the ending with this id, or nil.
func (s *Scenario) Ending(id string) *Ending {
	return find(s.Endings, s.ix().endings, id, func(x *Ending) string { return x.ID })
}

// ArgumentsAbout lists the arguments about a lever as a whole and, when
// option is given, about that option, in file order.
func (s *Scenario) ArgumentsAbout(lever, option string) []Argument {
	var out []Argument
	for _, a := range s.Arguments {
		if a.About == lever || (option != "" && a.About == lever+"."+option) {
			out = append(out, a)
		}
	}
	return out
}

// option returns the index of an option id, or -1.
func (l *Lever) option(id string) int {
	for i, o := range l.Options {
		if o.ID == id {
			return i
		}
	}
	return -1
}

// OptionIndex returns the grade of option id (0 for the first), or -1.
func (l *Lever) OptionIndex(id string) int { return l.option(id) }

// StartOption is the option held on turn 1.
func (l *Lever) StartOption() string {
	if l.Start != "" {
		return l.Start
	}
	if len(l.Options) > 0 {
		return l.Options[0].ID
	}
	return ""
}

// Where returns the position of a key path such as "events[3].when", for
// messages produced outside this package (e.g. reachability warnings).
func (s *Scenario) Where(path string) Pos {
	if s.loc == nil {
		return Pos{1, 1}
	}
	return s.loc.at(path)
}

// PathOf returns the key path of an event or ending id, for Where.
func (s *Scenario) PathOf(kind, id string) string {
	switch kind {
	case "event":
		for i, e := range s.Events {
			if e.ID == id {
				return fmt.Sprintf("events[%d].id", i)
			}
		}
	case "ending":
		for i, e := range s.Endings {
			if e.ID == id {
				return fmt.Sprintf("endings[%d].id", i)
			}
		}
	}
	return ""
}
