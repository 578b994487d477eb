package sim

import (
	"encoding/json"
	"testing"
)

// Records and saves come from players and teachers: parsing and replaying
// any bytes must end in a run or an error, never a panic or a hang.
func FuzzReplayRecord(f *testing.F) {
	sc := loadMini(f)
	r := New(sc, 3)
	for !r.Over() {
		if _, err := r.Resolve(r.Fit(answerAll(r, Decision{Spend: map[string]float64{"barriers": 10}, Reason: "x"}))); err != nil {
			f.Fatal(err)
		}
	}
	good, _ := json.Marshal(r.Record())
	f.Add(good)
	f.Add([]byte(`{"format":1,"scenario":"mini","hash":"` + sc.Hash + `","seed":1,"decisions":[{"options":{"mandate":"ban"}}]}`))
	f.Add([]byte(`{"format":1,"scenario":"mini","hash":"` + sc.Hash + `","seed":1,"decisions":[{"spend":{"barriers":1e308}},{}]}`))
	f.Add([]byte(`{"format":1,"scenario":"mini","hash":"` + sc.Hash + `","seed":18446744073709551615,"decisions":[{"answers":{"summit":"x"}}],"ending":"safe"}`))
	f.Add([]byte(`[1,2`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := ParseRecord("fuzz.json", data)
		if err != nil {
			return
		}
		if len(rec.Decisions) > 50 {
			rec.Decisions = rec.Decisions[:50] // a game is a few turns; longer lists only repeat the refusal
		}
		run, err := Replay(sc, rec)
		if err == nil && len(run.Reports()) != len(rec.Decisions) {
			t.Fatalf("replayed %d turns of %d decisions without an error", len(run.Reports()), len(rec.Decisions))
		}
	})
}
