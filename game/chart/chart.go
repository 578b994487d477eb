// Package chart holds the arithmetic of the debrief chart: linear scales and
// readable tick values.
package chart

import (
	"math"
	"sort"
)

// Scale maps a domain [D0,D1] linearly onto a range [R0,R1].
type Scale struct{ D0, D1, R0, R1 float64 }

// At maps v. A zero-width domain maps everything to the middle of the range.
func (s Scale) At(v float64) float64 {
	if s.D1 == s.D0 {
		return (s.R0 + s.R1) / 2
	}
	return s.R0 + (v-s.D0)/(s.D1-s.D0)*(s.R1-s.R0)
}

// Ticks returns about n round values (1, 2 or 5 times a power of ten) that
// cover [lo, hi].
func Ticks(lo, hi float64, n int) []float64 {
	if n < 1 || math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		return []float64{lo}
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9; v += step {
		out = append(out, math.Round(v/step)*step)
	}
	return out
}

// Norm returns v as a share 0..1 of [min,max], clamped.
func Norm(v, min, max float64) float64 {
	if max <= min {
		return 0.5
	}
	return math.Max(0, math.Min(1, (v-min)/(max-min)))
}

// Spread moves label positions (sorted or not) apart so that neighbours are
// at least gap apart, keeping them within [lo, hi] where possible. It
// returns the new positions in the input order.
func Spread(ys []float64, gap, lo, hi float64) []float64 {
	n := len(ys)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ys[idx[a]] < ys[idx[b]] })
	out := make([]float64, n)
	prev := math.Inf(-1)
	for _, i := range idx {
		v := math.Max(ys[i], lo)
		if v < prev+gap {
			v = prev + gap
		}
		out[i] = v
		prev = v
	}
	// Push back up from the bottom if we ran past hi.
	next := math.Inf(1)
	for k := n - 1; k >= 0; k-- {
		i := idx[k]
		v := math.Min(out[i], hi)
		if v > next-gap {
			v = next - gap
		}
		out[i] = v
		next = v
	}
	return out
}
