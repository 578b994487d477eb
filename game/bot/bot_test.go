package bot

import (
	"reflect"
	"strings"
	"testing"

	"github.com/keyholder-game/keyholder/game/scenario"
	"github.com/keyholder-game/keyholder/game/sim"
	"github.com/keyholder-game/keyholder/game/sim/simtest"
)

func loadMini(t testing.TB) *scenario.Scenario { return simtest.Mini(t) }

func specs(t testing.TB, sc *scenario.Scenario) []Spec {
	t.Helper()
	ban, err := ParseSettings(sc, "mandate=max,barriers=max,summit=demand")
	if err != nil {
		t.Fatal(err)
	}
	rnd := Random(0.5)
	return []Spec{Random(1), Random(0.5), Random(0.05), Hold(), Fixed("fixed", ban, nil), Fixed("fixed+random", ban, &rnd)}
}

// Every decision a bot makes must pass the engine's own checks: the
// record of each game replays, decision by decision, to the same ending.
func TestStrategiesMakeOnlyValidDecisions(t *testing.T) {
	sc := loadMini(t)
	for _, spec := range specs(t, sc) {
		for seed := uint64(1); seed <= 300; seed++ {
			r, err := Play(sc, seed, spec)
			if err != nil {
				t.Fatalf("%s seed %d: %v", spec.Name, seed, err)
			}
			if !r.Over() {
				t.Fatalf("%s seed %d: game not over", spec.Name, seed)
			}
			again, err := sim.Replay(sc, r.Record())
			if err != nil {
				t.Fatalf("%s seed %d: record does not replay: %v", spec.Name, seed, err)
			}
			if again.Ending().ID != r.Ending().ID {
				t.Fatalf("%s seed %d: replay ends %s, game ended %s", spec.Name, seed, again.Ending().ID, r.Ending().ID)
			}
		}
	}
}

func TestSameSeedSameGame(t *testing.T) {
	sc := loadMini(t)
	for _, spec := range specs(t, sc) {
		differ := false
		first, _ := Play(sc, 1, spec)
		for seed := uint64(1); seed <= 20; seed++ {
			a, _ := Play(sc, seed, spec)
			b, _ := Play(sc, seed, spec)
			if !reflect.DeepEqual(a.Record(), b.Record()) || !reflect.DeepEqual(a.Ledger(), b.Ledger()) {
				t.Fatalf("%s seed %d: two plays differ", spec.Name, seed)
			}
			differ = differ || !reflect.DeepEqual(a.Ledger(), first.Ledger())
		}
		if !differ {
			t.Errorf("%s: 20 seeds all gave the same game", spec.Name)
		}
	}
}

func TestFixedReachesItsTarget(t *testing.T) {
	sc := loadMini(t)
	// mandate moves one grade a turn, with a cooldown, and "ban" needs
	// turn >= 3: the bot must work its way there and stay.
	st, err := ParseSettings(sc, "mandate=ban")
	if err != nil {
		t.Fatal(err)
	}
	for seed := uint64(1); seed <= 50; seed++ {
		r, err := Play(sc, seed, Fixed("ban", st, nil))
		if err != nil {
			t.Fatal(err)
		}
		if r.Option("mandate") != "ban" && r.Ending().ID != "collapse" {
			t.Fatalf("seed %d: mandate ends at %s, want ban", seed, r.Option("mandate"))
		}
	}
	r, _ := Play(sc, 1, Hold())
	for _, rep := range r.Reports() {
		if len(rep.Decision.Options) > 0 || len(rep.Decision.Spend) > 0 && rep.Decision.Spend["barriers"] != 5 {
			t.Fatalf("hold changed a lever on turn %d: %+v", rep.Turn, rep.Decision)
		}
	}
}

func TestParseSettingsErrors(t *testing.T) {
	sc := loadMini(t)
	for spec, want := range map[string]string{
		"nosuch=1":                 `no lever or dilemma "nosuch"`,
		"mandate=nope":             `mandate has no option "nope" (options: none, notices, ban, or min/max)`,
		"barriers=3":               "barriers: 3 is not a step of 5 from 0",
		"barriers=25":              "barriers: 25 is outside 0..20",
		"barriers=lots":            `barriers: "lots" is not an amount`,
		"summit=maybe":             `event summit has no choice "maybe"`,
		"mandate":                  `"mandate": write LEVER=OPTION`,
		"mandate=ban,mandate=none": "mandate is set twice",
	} {
		_, err := ParseSettings(sc, spec)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseSettings(%q) = %v, want %q", spec, err, want)
		}
	}
	got, err := ParseSettings(sc, " mandate=max , barriers=min,summit=cooperate")
	if err != nil {
		t.Fatal(err)
	}
	if s := FormatSettings(got); s != "mandate=ban,barriers=0,summit=cooperate" {
		t.Errorf("FormatSettings = %q", s)
	}
}
