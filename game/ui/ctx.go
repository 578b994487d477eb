package ui

import (
	"image/color"
	"math"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/keyholder-game/keyholder/game/focus"
	"github.com/keyholder-game/keyholder/game/input"
	"github.com/keyholder-game/keyholder/game/layout"
	"github.com/keyholder-game/keyholder/game/textwrap"
)

// Rect is layout.Rect, used everywhere in the screens.
type Rect = layout.Rect

type cmdKind uint8

const (
	cFill cmdKind = iota
	cStroke
	cText
	cPoly
	cLine
	cCircle
	cRing
	cClip
	cImage // a cached picture (see Cached)
)

// cmd is one drawing command of the display list the screens build in
// Update and Draw replays.
type cmd struct {
	k    cmdKind
	r    Rect
	w    float64
	col  color.RGBA
	s    string
	face *text.GoTextFace
	pts  []float32
}

// TextRec is one run of text on screen, recorded for tests: its box, the
// clip it was drawn in, and the layer (0 = screen, 1 = modal, 2 = tooltip).
type TextRec struct {
	S     string
	R     Rect
	Clip  Rect
	Layer int
}

type wrapKey struct {
	s    string
	w    int
	face *text.GoTextFace
}

type scrollState struct {
	id        string
	view      Rect
	origin    float64
	want      bool
	top, h    float64
	prevClip  Rect
	wheelHere bool
}

// Ctx is the immediate-mode context: each build, a screen lays itself out,
// declares its widgets (which answer whether they were activated) and draws
// into the display list.
type Ctx struct {
	T    *Theme
	W, H float64

	in        input.Frame
	list      []cmd
	Texts     []TextRec
	clip      Rect
	clipStack []Rect
	layer     int

	items, prevItems   []focus.Item
	arrows, prevArrows map[string]bool
	fields, prevFields map[string]bool
	Focus              string
	focusMoved         bool
	activate           string
	hover, prevHover   string
	hoverTip, shownTip string
	hoverTicks         int
	blocked            bool
	back               bool
	digit              int
	adjust             int
	page               int
	runes              []rune
	backspace          int
	scroll             map[string]float64
	sc                 *scrollState
	again              bool
	wrapCache          map[wrapKey][]string
	status             string
	faceOff            map[*text.GoTextFace]float64
	focusRect          Rect
	wantFocus          string
	tipRect            Rect
	caches             map[string]*cacheEntry
	texts              map[textKey]*textEntry
	drawN              int
}

// cacheEntry is a static part of a screen drawn once into its own image.
type cacheEntry struct {
	key   string
	w, h  float64
	list  []cmd     // relative to the area's top-left corner
	texts []TextRec // relative too, replayed for tests
	img   interface{ Deallocate() }
	fresh bool
}

// Cached draws the static content that draw declares into an image of r's
// size, kept under id while key and the size stay the same, and shows that
// image at r. Redrawing a screen then costs one image for all of it.
func (c *Ctx) Cached(id, key string, r Rect, draw func()) {
	if c.caches == nil {
		c.caches = map[string]*cacheEntry{}
	}
	e := c.caches[id]
	if e != nil && e.key == key && e.w == r.W && e.h == r.H {
		for _, t := range e.texts {
			t.R.X += r.X
			t.R.Y += r.Y
			t.Clip = layout.R(t.Clip.X+r.X, t.Clip.Y+r.Y, t.Clip.W, t.Clip.H).Intersect(c.clip)
			t.Layer = c.layer
			c.Texts = append(c.Texts, t)
		}
	} else {
		start, tstart := len(c.list), len(c.Texts)
		draw()
		ne := &cacheEntry{key: key, w: r.W, h: r.H, fresh: true}
		if e != nil {
			ne.img = e.img // reused if the size allows, else replaced at draw time
		}
		for _, m := range c.list[start:] {
			ne.list = append(ne.list, m.moved(-r.X, -r.Y))
		}
		for _, t := range c.Texts[tstart:] {
			t.R.X -= r.X
			t.R.Y -= r.Y
			t.Clip = layout.R(t.Clip.X-r.X, t.Clip.Y-r.Y, t.Clip.W, t.Clip.H)
			ne.texts = append(ne.texts, t)
		}
		c.list = c.list[:start]
		c.caches[id] = ne
	}
	c.list = append(c.list, cmd{k: cImage, s: id, r: r})
}

// moved returns the command shifted by (dx, dy).
func (m cmd) moved(dx, dy float64) cmd {
	m.r.X += dx
	m.r.Y += dy
	if len(m.pts) > 0 {
		pts := make([]float32, len(m.pts))
		for i := 0; i+1 < len(m.pts); i += 2 {
			pts[i], pts[i+1] = m.pts[i]+float32(dx), m.pts[i+1]+float32(dy)
		}
		m.pts = pts
	}
	return m
}

func newCtx(t *Theme) *Ctx {
	return &Ctx{T: t, scroll: map[string]float64{}, wrapCache: map[wrapKey][]string{},
		faceOff: map[*text.GoTextFace]float64{}, digit: -1}
}

// setTheme swaps the theme and drops caches that depend on it.
func (c *Ctx) setTheme(t *Theme) {
	c.T = t
	for _, e := range c.caches {
		if e.img != nil {
			e.img.Deallocate()
		}
	}
	c.caches = nil
	for _, e := range c.texts {
		e.img.Deallocate()
	}
	c.texts = nil
	c.wrapCache = map[wrapKey][]string{}
	c.faceOff = map[*text.GoTextFace]float64{}
}

// begin starts a build with this tick's input.
func (c *Ctx) begin(f input.Frame, w, h float64) {
	c.in = f
	c.W, c.H = w, h
	c.list = c.list[:0]
	c.Texts = c.Texts[:0]
	c.clip = layout.R(0, 0, w, h)
	c.clipStack = c.clipStack[:0]
	c.layer = 0
	c.prevItems, c.items = c.items, c.prevItems[:0]
	c.prevArrows, c.arrows = c.arrows, map[string]bool{}
	c.prevFields, c.fields = c.fields, map[string]bool{}
	c.prevHover, c.hover, c.hoverTip = c.hover, "", ""
	c.focusMoved, c.activate, c.back, c.digit, c.adjust, c.page = false, "", false, -1, 0, 0
	c.runes, c.backspace = c.runes[:0], 0
	c.blocked, c.again, c.status = false, false, ""
	if c.wantFocus != "" {
		c.Focus, c.wantFocus, c.focusMoved = c.wantFocus, "", true
	}
	if f.Target != "" {
		// A script's "press ID": focus the widget and activate it, as
		// Tab-ing to it and pressing Enter would (works while scrolled away).
		for _, it := range c.prevItems {
			if it.ID == f.Target {
				c.moveFocus(f.Target)
				c.activate = f.Target
			}
		}
	}
	inField := c.prevFields[c.Focus]
	for _, p := range f.Keys {
		switch p.Key {
		case input.KeyTab:
			d := 1
			if p.Shift {
				d = -1
			}
			c.moveFocus(focus.Step(c.prevItems, c.Focus, d))
		case input.KeyUp:
			c.moveFocus(focus.Move(c.prevItems, c.Focus, focus.Up))
		case input.KeyDown:
			c.moveFocus(focus.Move(c.prevItems, c.Focus, focus.Down))
		case input.KeyLeft, input.KeyRight:
			d := 1
			if p.Key == input.KeyLeft {
				d = -1
			}
			switch {
			case c.prevArrows[c.Focus]:
				c.adjust += d
			case inField:
			case d < 0:
				c.moveFocus(focus.Move(c.prevItems, c.Focus, focus.Left))
			default:
				c.moveFocus(focus.Move(c.prevItems, c.Focus, focus.Right))
			}
		case input.KeyEnter:
			c.activate = c.Focus
		case input.KeySpace:
			if !inField {
				c.activate = c.Focus
			}
		case input.KeyEscape:
			c.back = true
		case input.KeyPageUp:
			c.page--
		case input.KeyPageDown:
			c.page++
		case input.KeyHome:
			c.page -= 1000
		case input.KeyEnd:
			c.page += 1000
		case input.KeyBackspace:
			c.backspace++
		default:
			if d := p.Key.Digit(); d >= 0 && !inField {
				c.digit = d
			}
		}
	}
	for _, r := range f.Runes {
		if unicode.IsPrint(r) {
			c.runes = append(c.runes, r)
		}
	}
}

func (c *Ctx) moveFocus(id string) {
	if id != c.Focus {
		c.Focus = id
		c.focusMoved = true
	}
}

// end finishes a build: keeps focus on something that exists and places
// the tooltip.
func (c *Ctx) end() {
	if v := focus.Valid(c.items, c.Focus); v != c.Focus {
		c.Focus = v
		c.again = true
	}
	if c.hover != c.prevHover {
		c.hoverTicks = 0
		c.shownTip = ""
	}
	if c.shownTip != "" && c.hoverTip != "" {
		c.drawTooltip(c.hoverTip)
	}
}

// SetFocus asks for id to have focus from the next build on. It does
// nothing while widgets are blocked (under a modal).
func (c *Ctx) SetFocus(id string) {
	if c.blocked {
		return
	}
	c.wantFocus = id
	c.again = true
}

// Again asks for another build next tick (animations, transitions).
func (c *Ctx) Again() { c.again = true }

// Back reports whether Esc was pressed (and consumes it).
func (c *Ctx) Back() bool {
	b := c.back
	c.back = false
	if b {
		c.again = true
	}
	return b
}

// Digit returns the number key pressed this tick (and consumes it), or -1.
func (c *Ctx) Digit() int {
	d := c.digit
	c.digit = -1
	if d >= 0 {
		c.again = true
	}
	return d
}

// Block makes the widgets declared after it inert (under a modal).
func (c *Ctx) Block(b bool) { c.blocked = b }

// Status sets the help line for the footer (the last call wins).
func (c *Ctx) Status(s string) { c.status = s }

// --- drawing primitives ---

// Fill draws a filled rectangle.
func (c *Ctx) Fill(r Rect, col color.RGBA) {
	if r.Empty() {
		return
	}
	c.list = append(c.list, cmd{k: cFill, r: r, col: col})
}

// Border draws a rectangle outline of width w inside r.
func (c *Ctx) Border(r Rect, w float64, col color.RGBA) {
	c.list = append(c.list, cmd{k: cStroke, r: r, w: w, col: col})
}

// Poly fills a polygon given as x,y pairs.
func (c *Ctx) Poly(pts []float32, col color.RGBA) {
	c.list = append(c.list, cmd{k: cPoly, pts: pts, col: col})
}

// Polyline strokes an open line of width w.
func (c *Ctx) Polyline(pts []float32, w float64, col color.RGBA) {
	c.list = append(c.list, cmd{k: cLine, pts: pts, w: w, col: col})
}

// Circle fills a circle.
func (c *Ctx) Circle(x, y, r float64, col color.RGBA) {
	c.list = append(c.list, cmd{k: cCircle, r: Rect{X: x, Y: y}, w: r, col: col})
}

// Ring strokes a circle outline.
func (c *Ctx) Ring(x, y, r, width float64, col color.RGBA) {
	c.list = append(c.list, cmd{k: cRing, r: Rect{X: x, Y: y, W: width}, w: r, col: col})
}

// PushClip restricts drawing (and hits) to r within the current clip.
func (c *Ctx) PushClip(r Rect) {
	c.clipStack = append(c.clipStack, c.clip)
	c.clip = c.clip.Intersect(r)
	c.list = append(c.list, cmd{k: cClip, r: c.clip})
}

// PopClip undoes the last PushClip.
func (c *Ctx) PopClip() {
	n := len(c.clipStack) - 1
	c.clip = c.clipStack[n]
	c.clipStack = c.clipStack[:n]
	c.list = append(c.list, cmd{k: cClip, r: c.clip})
}

// --- text ---

// Measure returns the advance width of s.
func (c *Ctx) Measure(s string, f *text.GoTextFace) float64 { return text.Advance(s, f) }

func (c *Ctx) yOff(f *text.GoTextFace) float64 {
	if v, ok := c.faceOff[f]; ok {
		return v
	}
	m := f.Metrics()
	v := math.Round((c.T.lineH(f) - (m.HAscent + m.HDescent)) / 2)
	c.faceOff[f] = v
	return v
}

// Text draws one line with its top-left at (x, y) and returns its width.
func (c *Ctx) Text(s string, f *text.GoTextFace, x, y float64, col color.RGBA) float64 {
	if s == "" {
		return 0
	}
	w := c.Measure(s, f)
	x, y = math.Round(x), math.Round(y)
	c.list = append(c.list, cmd{k: cText, r: Rect{X: x, Y: y + c.yOff(f)}, s: s, face: f, col: col})
	c.Texts = append(c.Texts, TextRec{S: s, R: layout.R(x, y, w, c.T.lineH(f)), Clip: c.clip, Layer: c.layer})
	return w
}

// Label draws s on one line inside r, shortened with "…" if it does not
// fit, vertically centred; align 0 left, 1 centre, 2 right.
func (c *Ctx) Label(r Rect, s string, f *text.GoTextFace, col color.RGBA, align int) {
	s = textwrap.Ellipsis(s, r.W, func(t string) float64 { return c.Measure(t, f) })
	w := c.Measure(s, f)
	x := r.X
	switch align {
	case 1:
		x = r.X + (r.W-w)/2
	case 2:
		x = r.Right() - w
	}
	c.Text(s, f, x, r.Y+(r.H-c.T.lineH(f))/2, col)
}

// Wrap breaks s into lines of at most width w (cached).
func (c *Ctx) Wrap(s string, f *text.GoTextFace, w float64) []string {
	k := wrapKey{s, int(w), f}
	if l, ok := c.wrapCache[k]; ok {
		return l
	}
	l := textwrap.Wrap(s, math.Floor(w), func(t string) float64 { return c.Measure(t, f) })
	if len(c.wrapCache) > 4000 {
		c.wrapCache = map[wrapKey][]string{}
	}
	c.wrapCache[k] = l
	return l
}

// Para draws s wrapped to width w from (x, y) and returns its height.
// Lines entirely outside the clip are skipped.
func (c *Ctx) Para(x, y, w float64, s string, f *text.GoTextFace, col color.RGBA) float64 {
	lh := c.T.lineH(f)
	lines := c.Wrap(s, f, w)
	for i, l := range lines {
		ly := y + float64(i)*lh
		if ly+lh < c.clip.Y || ly > c.clip.Bottom() {
			continue
		}
		c.Text(l, f, x, ly, col)
	}
	return float64(len(lines)) * lh
}

// ParaH is the height Para would use.
func (c *Ctx) ParaH(w float64, s string, f *text.GoTextFace) float64 {
	return float64(len(c.Wrap(s, f, w))) * c.T.lineH(f)
}

// --- interaction ---

func (c *Ctx) hits(r Rect) bool {
	if c.blocked {
		return false
	}
	v := r.Intersect(c.clip)
	return !v.Empty() && v.Contains(c.in.X, c.in.Y)
}

// Widget registers a focusable area. It reports whether the cursor is over
// it and whether it was activated this tick (click, or Enter/Space while
// focused). tip is shown as a tooltip on hover and on the status line while
// focused.
func (c *Ctx) Widget(id string, r Rect, tip string) (hovered, activated bool) {
	if c.blocked {
		return false, false
	}
	c.items = append(c.items, focus.Item{ID: id, Rect: r})
	if c.hits(r) {
		hovered = true
		c.hover = id
		c.hoverTip = tip
		if c.in.Click {
			c.moveFocus(id)
			c.focusMoved = false
			activated = true
		}
	}
	if c.activate == id {
		activated = true
		c.activate = ""
	}
	if activated {
		// State may change after parts of the screen were drawn: build
		// once more so the picture matches.
		c.again = true
	}
	if id == c.Focus {
		c.focusRect = r
		if tip != "" {
			c.status = tip
		}
		if c.focusMoved && c.sc != nil {
			// Keep some context above the item (its heading) in view.
			m := c.T.LineH * 1.5
			c.sc.want, c.sc.top, c.sc.h = true, r.Y-c.sc.origin-m, r.H+m
		}
	}
	return hovered, activated
}

// TakesArrows marks id as using Left/Right itself (sliders) from next tick.
func (c *Ctx) TakesArrows(id string) { c.arrows[id] = true }

// Adjust returns the Left/Right presses for the focused slider id.
func (c *Ctx) Adjust(id string) int {
	if id != c.Focus {
		return 0
	}
	a := c.adjust
	c.adjust = 0
	if a != 0 {
		c.again = true
	}
	return a
}

// Focused reports whether id has keyboard focus.
func (c *Ctx) Focused(id string) bool { return c.Focus == id && !c.blocked }

// FocusRing draws the visible focus mark around r.
func (c *Ctx) FocusRing(r Rect) {
	w := math.Max(2, math.Round(c.T.Scale*3))
	c.Border(r.InsetXY(-w, -w), w, c.T.C.Focus)
}

// BtnOpt styles a button.
type BtnOpt struct {
	Tip      string
	Primary  bool
	Disabled bool
	Selected bool
	Face     *text.GoTextFace
	Align    int
}

// Button draws a button and reports whether it was activated (never when
// disabled: a disabled button still takes focus so its tooltip can say why).
func (c *Ctx) Button(id string, r Rect, label string, o BtnOpt) bool {
	hov, act := c.Widget(id, r, o.Tip)
	p := c.T.C
	bg, fg, bd := p.Panel, p.Ink, p.Border
	switch {
	case o.Disabled:
		bg, fg = p.PanelAlt, p.Muted
	case o.Primary || o.Selected:
		bg, fg, bd = p.Accent, p.AccentInk, p.Accent
	}
	if hov && !o.Disabled && !o.Primary && !o.Selected {
		bg = p.Hover
	}
	c.Fill(r, bg)
	c.Border(r, math.Max(1, c.T.Scale), bd)
	if o.Selected {
		// A tick mark as well as colour says which option is held.
		label = "✓ " + label
	}
	face := o.Face
	if face == nil {
		face = c.T.Body
	}
	pad := c.T.Pad * 0.8
	align := o.Align
	if align == 0 {
		align = 1
	} else if align < 0 {
		align = 0
	}
	inner := r.InsetXY(pad, 0)
	if lh := c.T.lineH(face); r.H >= lh*2 && c.Measure(label, face) > inner.W {
		// A tall button holds its label on several lines.
		lines := c.Wrap(label, face, inner.W)
		y := r.Y + (r.H-float64(len(lines))*lh)/2
		for _, l := range lines {
			c.Label(layout.R(inner.X, y, inner.W, lh), l, face, fg, align)
			y += lh
		}
	} else {
		c.Label(inner, label, face, fg, align)
	}
	if c.Focused(id) {
		c.FocusRing(r)
	}
	return act && !o.Disabled
}

// TextField is a one-line text input bound to *s (at most max runes).
// It reports true when Enter is pressed in it.
func (c *Ctx) TextField(id string, r Rect, s *string, placeholder string, max int) bool {
	_, act := c.Widget(id, r, "Type here; Enter to confirm")
	c.fields[id] = true
	p := c.T.C
	if c.Focused(id) {
		if len(c.runes) > 0 || c.backspace > 0 {
			c.again = true
		}
		if len(c.runes) > 0 {
			rs := []rune(*s)
			for _, ch := range c.runes {
				if len(rs) < max {
					rs = append(rs, ch)
				}
			}
			*s = string(rs)
		}
		for i := 0; i < c.backspace; i++ {
			rs := []rune(*s)
			if len(rs) > 0 {
				*s = string(rs[:len(rs)-1])
			}
		}
	}
	c.Fill(r, p.Panel)
	c.Border(r, math.Max(1, c.T.Scale), p.Border)
	in := r.InsetXY(c.T.Pad, 0)
	shown := *s
	col := p.Ink
	if shown == "" && !c.Focused(id) {
		shown, col = placeholder, p.Muted
	}
	// Show the end of long text so the caret stays visible.
	caret := ""
	if c.Focused(id) {
		caret = "|"
	}
	for shown != "" && c.Measure(shown+caret, c.T.Body) > in.W {
		_, n := firstRune(shown)
		shown = shown[n:]
	}
	c.Label(in, shown+caret, c.T.Body, col, 0)
	if c.Focused(id) {
		c.FocusRing(r)
	}
	return act && !c.in.Click
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
		_ = r
	}
	return 0, len(s)
}

// --- scrolling ---

// BeginScroll starts a scrolled region in view; content is laid out from
// the returned y. End it with EndScroll(content height).
func (c *Ctx) BeginScroll(id string, view Rect) float64 {
	off := c.scroll[id]
	c.sc = &scrollState{id: id, view: view, origin: view.Y - off}
	c.sc.wheelHere = c.hits(view)
	c.PushClip(view)
	return c.sc.origin
}

// EndScroll closes the region: applies the wheel, PageUp/PageDown when the
// cursor or focus is in it, keeps the focused widget visible and draws a
// scroll bar when the content is taller than the view.
func (c *Ctx) EndScroll(contentH float64) {
	s := c.sc
	c.sc = nil
	c.PopClip()
	off := c.scroll[s.id]
	old := off
	if s.wheelHere && c.in.WheelY != 0 {
		off -= c.in.WheelY * c.T.LineH * 2
	}
	focusIn := c.focusRect.Overlaps(s.view) || s.want
	if c.page != 0 && (s.wheelHere || focusIn) {
		off += float64(c.page) * s.view.H * 0.85
	}
	if s.want {
		off = layout.ScrollTo(off, s.top, s.h, s.view.H)
	}
	off = layout.ClampScroll(off, contentH, s.view.H)
	if off != old {
		c.scroll[s.id] = off
		c.again = true
	}
	if contentH > s.view.H+1 {
		p := c.T.C
		bw := math.Max(4, math.Round(5*c.T.Scale))
		track := Rect{X: s.view.Right() - bw, Y: s.view.Y, W: bw, H: s.view.H}
		c.Fill(track, p.PanelAlt)
		th := math.Max(bw*3, s.view.H*s.view.H/contentH)
		ty := s.view.Y + (s.view.H-th)*off/math.Max(1, contentH-s.view.H)
		c.Fill(Rect{X: track.X, Y: ty, W: bw, H: th}, p.Muted)
	}
}

// ScrollOffset returns the current offset of a region (for tests).
func (c *Ctx) ScrollOffset(id string) float64 { return c.scroll[id] }

// ResetScroll puts a region back at the top.
func (c *Ctx) ResetScroll(id string) { delete(c.scroll, id) }

// --- panels and modals ---

// Panel draws a panel background with an optional heading and returns the
// area below the heading.
func (c *Ctx) Panel(r Rect, heading string) Rect {
	p := c.T.C
	c.Fill(r, p.Panel)
	c.Border(r, math.Max(1, c.T.Scale), p.Border)
	in := r.Inset(c.T.Pad * 0.8)
	if heading != "" {
		h, rest := in.CutTop(c.T.LineH)
		c.Label(h, heading, c.T.Bold, p.Ink, 0)
		in = rest
	}
	return in
}

// Modal dims the screen and returns a centred panel of at most w by h,
// drawn on a new layer. Only widgets declared after it take focus; call
// Block(false) first so that they are live.
func (c *Ctx) Modal(w, h float64) Rect {
	c.layer++
	c.Fill(layout.R(0, 0, c.W, c.H), c.T.C.Shade)
	r := layout.R(0, 0, c.W, c.H).Inset(c.T.Pad).Centered(w, h)
	c.Fill(r, c.T.C.Panel)
	c.Border(r, math.Max(2, 2*c.T.Scale), c.T.C.Accent)
	c.items = c.items[:0] // only the modal's widgets take focus
	return r.Inset(c.T.Pad * 1.2)
}

func (c *Ctx) drawTooltip(tip string) {
	c.layer = 9
	saved := c.clip
	c.clip = layout.R(0, 0, c.W, c.H)
	c.list = append(c.list, cmd{k: cClip, r: c.clip})
	maxW := math.Min(c.T.LineH*16, c.W-2*c.T.Pad)
	lines := c.Wrap(tip, c.T.Small, maxW-2*c.T.Pad)
	w := 0.0
	for _, l := range lines {
		w = math.Max(w, c.Measure(l, c.T.Small))
	}
	h := float64(len(lines))*c.T.SmallH + c.T.Pad
	r := layout.Tooltip(c.in.X, c.in.Y, w+2*c.T.Pad, h, layout.R(0, 0, c.W, c.H))
	c.tipRect = r
	c.Fill(r, c.T.C.Ink)
	for i, l := range lines {
		c.Text(l, c.T.Small, r.X+c.T.Pad, r.Y+c.T.Pad/2+float64(i)*c.T.SmallH, c.T.C.Panel)
	}
	c.clip = saved
	c.list = append(c.list, cmd{k: cClip, r: c.clip})
}

// tick advances the hover timer; it reports whether the tooltip should
// appear now (which needs a rebuild).
func (c *Ctx) tick() bool {
	if c.hoverTip == "" || c.shownTip != "" {
		return false
	}
	c.hoverTicks++
	if c.hoverTicks >= 24 {
		c.shownTip = c.hoverTip
		return true
	}
	return false
}

// HasText reports whether any visible text run contains s (for tests).
func (c *Ctx) HasText(s string) bool {
	for _, t := range c.Texts {
		if strings.Contains(t.S, s) {
			return true
		}
	}
	return false
}
