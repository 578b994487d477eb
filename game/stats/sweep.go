package stats

import (
	"github.com/keyholder-game/keyholder/game/bot"
	"github.com/keyholder-game/keyholder/game/scenario"
)

// Sweep measures what each lever option causes: for every variant the same
// seeds are played again with one lever forced to one setting all game and
// everything else left to the base strategy, and the results are compared
// with the base strategy's own games. Because the seeds are shared, the
// differences come from the forced setting, not from luck.
type Sweep struct {
	Base     Result    `json:"base"`
	Variants []Variant `json:"variants"`
}

// Variant is one forced setting compared with the base strategy.
type Variant struct {
	Setting   string       `json:"setting"` // e.g. "mandate=ban"
	Lever     string       `json:"lever"`
	Games     int          `json:"games"`
	Stuck     int          `json:"stuck"`
	BestShare float64      `json:"best_share"` // share of games with the highest-rated ending
	TopEnding string       `json:"top_ending"` // most frequent ending
	TopShare  float64      `json:"top_share"`
	Endings   []EndingStat `json:"endings"`
	// Shift[k] is mean final indicator k minus the base's, in percent of
	// its range; MaxShift is the largest in size, on indicator MaxShiftOn.
	Shift      []float64 `json:"shift_pct"`
	MaxShift   float64   `json:"max_shift_pct"`
	MaxShiftOn string    `json:"max_shift_on"`
}

// SweepAll plays the base strategy and then every variant (bot.Variants
// when settings is nil) with base deciding the other levers. done, if set in
// cfg, counts games over the whole sweep: (1+len(variants))*cfg.Games.
func SweepAll(sc *scenario.Scenario, base bot.Spec, settings []bot.Setting, cfg Config) Sweep {
	if settings == nil {
		settings = bot.Variants(sc)
	}
	sw := Sweep{Base: Play(sc, base, cfg)}
	for _, st := range settings {
		name := bot.FormatSettings([]bot.Setting{st})
		spec := bot.Fixed(name, []bot.Setting{st}, &base)
		res := Play(sc, spec, cfg)
		v := Variant{Setting: name, Lever: st.Lever, Games: res.Games, Stuck: res.Stuck, BestShare: res.BestShare,
			Endings: res.Endings}
		for _, e := range res.Endings {
			if e.Games > 0 && e.Share > v.TopShare {
				v.TopEnding, v.TopShare = e.ID, e.Share
			}
		}
		v.Shift = make([]float64, len(sc.Indicators))
		for k, ind := range sc.Indicators {
			v.Shift[k] = 100 * (res.Indicators[k].Mean - sw.Base.Indicators[k].Mean) / (ind.Max - ind.Min)
			if abs(v.Shift[k]) > abs(v.MaxShift) {
				v.MaxShift, v.MaxShiftOn = v.Shift[k], ind.ID
			}
		}
		sw.Variants = append(sw.Variants, v)
	}
	return sw
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
