package scenario

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The library parses the TOML into its generic tree (so syntax and the TOML
// meaning always come from BurntSushi/toml); this file assigns that tree to
// the Scenario types. Doing the assignment here, rather than with
// toml.Decode into the struct, means that every wrong type and every unknown
// key is reported, each at its own indexed path ("levers[2].options[0].cost"),
// instead of the library stopping at the first one and naming only the last
// place a key of that name was written. A value of the wrong type is left at
// its zero value, and the checker's follow-on complaints at the same place
// are dropped (see reporter.quiet), so the author sees one message per
// mistake.

var (
	timeType          = reflect.TypeOf(time.Time{})
	textUnmarshalType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

type decoder struct {
	r *reporter
}

// decodeTree assigns the generic TOML tree to sc.
func decodeTree(r *reporter, tree map[string]any, sc *Scenario) {
	d := &decoder{r: r}
	d.table("", tree, reflect.ValueOf(sc).Elem())
}

// pos is where a value at path is written: the value, else its key, else
// the first [[header]] of an array of tables, else the enclosing table.
func (d *decoder) pos(path string) Pos {
	l := d.r.loc
	if p, ok := l.vals[path]; ok {
		return p
	}
	if p, ok := l.keys[path]; ok {
		return p
	}
	if p, ok := l.keys[path+"[0]"]; ok {
		return p
	}
	return l.at(path)
}

func (d *decoder) typeErr(path string, format string, args ...any) {
	pos := d.pos(path)
	d.r.add(Error, pos, format, args...)
	d.r.quiet[pos] = true
}

// table assigns a TOML table to a struct, reporting keys the struct lacks.
func (d *decoder) table(path string, m map[string]any, rv reflect.Value) {
	t := rv.Type()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Problems are sorted by position later; sorting keys keeps the order
	// of equal positions deterministic.
	sort.Strings(keys)
	var known map[string]bool
	for _, k := range keys {
		kp := joinPath(path, k)
		f, ok := fieldByTag(t, k)
		if !ok {
			if known == nil {
				known = map[string]bool{}
				for i := 0; i < t.NumField(); i++ {
					if tag := t.Field(i).Tag.Get("toml"); tag != "" && tag != "-" {
						known[tag] = true
					}
				}
			}
			if best := d.unknownKey(path, k, known); best != "" && m[best] == nil {
				// "labl" for a missing "label": one message, not two.
				d.r.renamed[joinPath(path, best)] = true
			}
			continue
		}
		d.value(kp, k, m[k], rv.FieldByIndex(f.Index))
	}
}

// unknownKey reports a key the format doesn't have, with the nearest known
// key as a suggestion. The table is named as the author wrote it:
// [budget] for a table, [[levers.options]] for an array of tables.
func (d *decoder) unknownKey(path, key string, known map[string]bool) (best string) {
	where := "at the top level"
	if path != "" {
		bare := barePath(path)
		if strings.HasSuffix(path, "]") {
			where = "in [[" + bare + "]]"
		} else {
			where = "in [" + bare + "]"
		}
	}
	kp := joinPath(path, key)
	pos, ok := d.r.loc.keys[kp]
	if !ok {
		pos = d.pos(kp)
	}
	d.r.add(Error, pos, "unknown key %q %s%s (FORMAT.md lists the keys)", key, where, suggest(key, known))
	return nearest(key, known)
}

// value assigns one TOML value to rv, or reports why it cannot.
func (d *decoder) value(path, key string, data any, rv reflect.Value) {
	t := rv.Type()
	if t == timeType {
		d.date(path, key, data, rv)
		return
	}
	if reflect.PointerTo(t).Implements(textUnmarshalType) {
		d.text(path, key, data, rv)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		elem := reflect.New(t.Elem())
		before := len(d.r.probs)
		if d.value(path, key, data, elem.Elem()); len(d.r.probs) == before {
			rv.Set(elem)
		}
	case reflect.Struct:
		m, ok := data.(map[string]any)
		if !ok {
			d.typeErr(path, "%q should be a table, not %s", key, tomlKind(data))
			return
		}
		d.table(path, m, rv)
	case reflect.Slice:
		d.list(path, key, data, rv)
	case reflect.String:
		s, ok := data.(string)
		if !ok {
			d.typeErr(path, "%q should be text in quotes, not %s%s", key, tomlKind(data), quoteHint(data))
			return
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := data.(bool)
		if !ok {
			hint := ""
			if s, isStr := data.(string); isStr && (s == "true" || s == "false") {
				hint = "; remove the quotes"
			}
			d.typeErr(path, "%q should be true or false, not %s%s", key, tomlKind(data), hint)
			return
		}
		rv.SetBool(b)
	case reflect.Int:
		switch n := data.(type) {
		case int64:
			rv.SetInt(n)
		case float64:
			d.typeErr(path, "%q should be a whole number, not %v", key, n)
		default:
			d.typeErr(path, "%q should be a whole number, not %s%s", key, tomlKind(data), numberHint(data))
		}
	case reflect.Float64:
		switch n := data.(type) {
		case float64:
			rv.SetFloat(n)
		case int64:
			rv.SetFloat(float64(n))
		default:
			d.typeErr(path, "%q should be a number, not %s%s", key, tomlKind(data), numberHint(data))
		}
	default:
		d.typeErr(path, "%q has a type the loader does not know (%s)", key, t)
	}
}

// list assigns a TOML array (or array of tables) to a slice. An element of
// the wrong type keeps its place, at its zero value, so that later messages
// about the list still point at the right element.
func (d *decoder) list(path, key string, data any, rv reflect.Value) {
	var elems []any
	switch xs := data.(type) {
	case []any:
		elems = xs
	case []map[string]any:
		elems = make([]any, len(xs))
		for i, x := range xs {
			elems[i] = x
		}
	default:
		what := "a list in [ ]"
		if rv.Type().Elem().Kind() == reflect.Struct {
			what = "a list of tables, written [[" + barePath(path) + "]]"
		} else if _, isStr := data.(string); isStr {
			what = `a list in [ ], e.g. ["` + fmt.Sprint(data) + `"]`
		}
		d.typeErr(path, "%q should be %s, not %s", key, what, tomlKind(data))
		return
	}
	if len(elems) > MaxItems {
		kind := fmt.Sprintf("in %q", key)
		if rv.Type().Elem().Kind() == reflect.Struct {
			kind = "in [[" + barePath(path) + "]]"
		}
		d.r.add(Error, d.pos(path), "%d entries %s; at most %d are allowed", len(elems), kind, MaxItems)
		d.r.tooMany = true
		return
	}
	out := reflect.MakeSlice(rv.Type(), len(elems), len(elems))
	for i, x := range elems {
		d.value(fmt.Sprintf("%s[%d]", path, i), fmt.Sprintf("%s[%d]", key, i), x, out.Index(i))
	}
	rv.Set(out)
}

// date accepts a TOML date (2017-03-27, unquoted) or date-time.
func (d *decoder) date(path, key string, data any, rv reflect.Value) {
	t, ok := data.(time.Time)
	if !ok {
		hint := ""
		if s, isStr := data.(string); isStr {
			if _, err := time.Parse("2006-01-02", s); err == nil {
				hint = "; remove the quotes"
			}
		}
		d.typeErr(path, "%q should be a date like 2017-03-27 (without quotes), not %s%s", key, tomlKind(data), hint)
		return
	}
	// As BurntSushi/toml does: through the text form, so that a local date
	// becomes the same time.Time as with toml.Decode.
	b, err := t.MarshalText()
	if err == nil {
		err = rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(b)
	}
	if err != nil {
		d.typeErr(path, "%q: %v", key, err)
	}
}

// text feeds a formula: text, and numbers and booleans written bare, so that
// `value = -2` and `value = "-2"` mean the same.
func (d *decoder) text(path, key string, data any, rv reflect.Value) {
	var s string
	switch x := data.(type) {
	case string:
		s = x
	case bool:
		s = strconv.FormatBool(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			d.typeErr(path, "%q must be a finite number, not %v", key, x)
			return
		}
		s = strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
	default:
		d.typeErr(path, "%q should be a formula in quotes, not %s", key, tomlKind(data))
		return
	}
	if err := rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
		d.typeErr(path, "%q: %v", key, err)
	}
}

// tomlKind names a TOML value's type in an author's words.
func tomlKind(v any) string {
	switch x := v.(type) {
	case string:
		return "text"
	case int64:
		return fmt.Sprintf("the number %d", x)
	case float64:
		return fmt.Sprintf("the number %v", x)
	case bool:
		return fmt.Sprintf("%v", x)
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case []map[string]any:
		return "a list of tables"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

func numberHint(v any) string {
	if s, ok := v.(string); ok {
		if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			return "; remove the quotes"
		}
	}
	return ""
}

func quoteHint(v any) string {
	switch v.(type) {
	case int64, float64, bool, time.Time:
		return "; put it in quotes"
	}
	return ""
}
