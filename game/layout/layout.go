// Package layout is the pure geometry of Keyholder's screens: rectangles,
// splitting, flowing chips into rows, scrolling and the screen plans. It does
// not import Ebitengine, so it is tested without a display.
package layout

import "math"

// Rect is an axis-aligned rectangle in pixels.
type Rect struct{ X, Y, W, H float64 }

// R makes a Rect.
func R(x, y, w, h float64) Rect { return Rect{x, y, w, h} }

// Right and Bottom are the far edges.
func (r Rect) Right() float64  { return r.X + r.W }
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Contains reports whether the point lies inside r.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.Right() && y >= r.Y && y < r.Bottom()
}

// Inside reports whether r lies entirely within o (with a small tolerance for
// rounding).
func (r Rect) Inside(o Rect) bool {
	const eps = 0.5
	return r.X >= o.X-eps && r.Y >= o.Y-eps && r.Right() <= o.Right()+eps && r.Bottom() <= o.Bottom()+eps
}

// Overlaps reports whether r and o share area.
func (r Rect) Overlaps(o Rect) bool {
	const eps = 0.5
	return r.X < o.Right()-eps && o.X < r.Right()-eps && r.Y < o.Bottom()-eps && o.Y < r.Bottom()-eps
}

// Intersect returns the common part of r and o (possibly empty).
func (r Rect) Intersect(o Rect) Rect {
	x0, y0 := math.Max(r.X, o.X), math.Max(r.Y, o.Y)
	x1, y1 := math.Min(r.Right(), o.Right()), math.Min(r.Bottom(), o.Bottom())
	if x1 <= x0 || y1 <= y0 {
		return Rect{x0, y0, 0, 0}
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// Inset shrinks r by d on every side (never below zero size).
func (r Rect) Inset(d float64) Rect { return r.InsetXY(d, d) }

// InsetXY shrinks r by dx left and right and dy top and bottom.
func (r Rect) InsetXY(dx, dy float64) Rect {
	w, h := math.Max(0, r.W-2*dx), math.Max(0, r.H-2*dy)
	return Rect{r.X + dx, r.Y + dy, w, h}
}

// CutTop splits off the top h pixels: (top, rest).
func (r Rect) CutTop(h float64) (Rect, Rect) {
	h = clamp(h, 0, r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h, r.W, r.H - h}
}

// CutBottom splits off the bottom h pixels: (bottom, rest).
func (r Rect) CutBottom(h float64) (Rect, Rect) {
	h = clamp(h, 0, r.H)
	return Rect{r.X, r.Bottom() - h, r.W, h}, Rect{r.X, r.Y, r.W, r.H - h}
}

// CutLeft splits off the left w pixels: (left, rest).
func (r Rect) CutLeft(w float64) (Rect, Rect) {
	w = clamp(w, 0, r.W)
	return Rect{r.X, r.Y, w, r.H}, Rect{r.X + w, r.Y, r.W - w, r.H}
}

// CutRight splits off the right w pixels: (right, rest).
func (r Rect) CutRight(w float64) (Rect, Rect) {
	w = clamp(w, 0, r.W)
	return Rect{r.Right() - w, r.Y, w, r.H}, Rect{r.X, r.Y, r.W - w, r.H}
}

// Columns splits r into columns with the given relative weights and gap
// between them. Widths are whole pixels and fill r exactly.
func (r Rect) Columns(gap float64, weights ...float64) []Rect {
	sizes := split(r.W, gap, weights)
	out := make([]Rect, len(sizes))
	x := r.X
	for i, w := range sizes {
		out[i] = Rect{x, r.Y, w, r.H}
		x += w + gap
	}
	return out
}

// Rows splits r into rows with the given relative weights and gap.
func (r Rect) Rows(gap float64, weights ...float64) []Rect {
	sizes := split(r.H, gap, weights)
	out := make([]Rect, len(sizes))
	y := r.Y
	for i, h := range sizes {
		out[i] = Rect{r.X, y, r.W, h}
		y += h + gap
	}
	return out
}

func split(total, gap float64, weights []float64) []float64 {
	n := len(weights)
	if n == 0 {
		return nil
	}
	avail := math.Max(0, total-gap*float64(n-1))
	sum := 0.0
	for _, w := range weights {
		sum += math.Max(0, w)
	}
	out := make([]float64, n)
	used := 0.0
	for i, w := range weights {
		if sum == 0 {
			out[i] = math.Floor(avail / float64(n))
		} else {
			out[i] = math.Floor(avail * math.Max(0, w) / sum)
		}
		used += out[i]
	}
	out[n-1] += avail - used
	return out
}

// Centered returns a rectangle of at most w by h centred in r.
func (r Rect) Centered(w, h float64) Rect {
	w, h = math.Min(w, r.W), math.Min(h, r.H)
	return Rect{math.Floor(r.X + (r.W-w)/2), math.Floor(r.Y + (r.H-h)/2), w, h}
}

// Flow places items of the given widths left to right in rows of height
// rowH inside width maxW, with gap between items and rows. An item wider than
// maxW gets a row of its own and is narrowed to maxW. It returns each item's
// rectangle relative to (0,0) and the total height used.
func Flow(widths []float64, maxW, rowH, gap float64) ([]Rect, float64) {
	out := make([]Rect, len(widths))
	x, y := 0.0, 0.0
	for i, w := range widths {
		w = math.Min(w, maxW)
		if x > 0 && x+w > maxW {
			x = 0
			y += rowH + gap
		}
		out[i] = Rect{x, y, w, rowH}
		x += w + gap
	}
	if len(widths) == 0 {
		return out, 0
	}
	return out, y + rowH
}

// ClampScroll keeps a scroll offset within 0..content-view.
func ClampScroll(offset, content, view float64) float64 {
	return clamp(offset, 0, math.Max(0, content-view))
}

// ScrollTo returns the offset that keeps the span [top, top+h) of the content
// visible in a view of height view, moving as little as possible.
func ScrollTo(offset, top, h, view float64) float64 {
	if top < offset {
		return top
	}
	if top+h > offset+view {
		return math.Min(top, top+h-view)
	}
	return offset
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
