package ui

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

var (
	whiteImg = func() *ebiten.Image {
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		return img
	}
	white     *ebiten.Image
	vertBuf   []ebiten.Vertex
	indexBuf  []uint16
	textOpBuf text.DrawOptions
	imgOpBuf  ebiten.DrawImageOptions
)

type textKey struct {
	s    string
	face *text.GoTextFace
}

type textEntry struct {
	img  *ebiten.Image
	used int
}

// textImage returns s drawn in white with face, cached: shaping and
// drawing glyphs is the costly part of a redraw, so each run of text is
// rendered once and then drawn as one image, tinted to its colour.
func (c *Ctx) textImage(s string, f *text.GoTextFace) *ebiten.Image {
	if c.texts == nil {
		c.texts = map[textKey]*textEntry{}
	}
	k := textKey{s, f}
	if e := c.texts[k]; e != nil {
		e.used = c.drawN
		return e.img
	}
	w := int(math.Ceil(text.Advance(s, f))) + 3
	m := f.Metrics()
	h := int(math.Ceil(m.HAscent+m.HDescent)) + 2
	img := ebiten.NewImage(max(1, w), max(1, h))
	op := &textOpBuf
	op.GeoM.Reset()
	op.GeoM.Translate(1, 0)
	op.ColorScale.Reset()
	text.Draw(img, s, f, op)
	c.texts[k] = &textEntry{img: img, used: c.drawN}
	return img
}

// trimTexts frees cached text images not drawn in the last few frames.
func (c *Ctx) trimTexts() {
	if len(c.texts) < 1500 {
		return
	}
	for k, e := range c.texts {
		if c.drawN-e.used > 2 {
			e.img.Deallocate()
			delete(c.texts, k)
		}
	}
}

// replay draws the display list onto dst.
func (c *Ctx) replay(dst *ebiten.Image) {
	if white == nil {
		white = whiteImg()
	}
	c.drawN++
	dst.Fill(c.T.C.Bg)
	c.drawList(dst, c.list)
	c.trimTexts()
}

func (c *Ctx) drawList(dst *ebiten.Image, list []cmd) {
	cur := dst
	for i := range list {
		m := &list[i]
		switch m.k {
		case cImage:
			e := c.caches[m.s]
			if e == nil {
				continue
			}
			w, h := int(math.Ceil(e.w)), int(math.Ceil(e.h))
			img, _ := e.img.(*ebiten.Image)
			if img == nil || img.Bounds().Dx() != w || img.Bounds().Dy() != h {
				if img != nil {
					img.Deallocate()
				}
				img = ebiten.NewImage(max(1, w), max(1, h))
				e.img, e.fresh = img, true
			}
			if e.fresh {
				img.Clear()
				c.drawList(img, e.list)
				e.fresh = false
			}
			op := &ebiten.DrawImageOptions{}
			op.GeoM.Translate(math.Round(m.r.X), math.Round(m.r.Y))
			cur.DrawImage(img, op)
		case cClip:
			b := image.Rect(int(math.Floor(m.r.X)), int(math.Floor(m.r.Y)), int(math.Ceil(m.r.Right())), int(math.Ceil(m.r.Bottom())))
			cur = dst.SubImage(b.Intersect(dst.Bounds())).(*ebiten.Image)
		case cFill:
			vector.DrawFilledRect(cur, float32(m.r.X), float32(m.r.Y), float32(m.r.W), float32(m.r.H), m.col, false)
		case cStroke:
			w := float32(m.w)
			vector.StrokeRect(cur, float32(m.r.X)+w/2, float32(m.r.Y)+w/2, float32(m.r.W)-w, float32(m.r.H)-w, w, m.col, false)
		case cCircle:
			vector.DrawFilledCircle(cur, float32(m.r.X), float32(m.r.Y), float32(m.w), m.col, false)
		case cRing:
			vector.StrokeCircle(cur, float32(m.r.X), float32(m.r.Y), float32(m.w), float32(m.r.W), m.col, false)
		case cText:
			img := c.textImage(m.s, m.face)
			op := &imgOpBuf
			op.GeoM.Reset()
			op.GeoM.Translate(m.r.X-1, m.r.Y)
			op.ColorScale.Reset()
			op.ColorScale.ScaleWithColor(m.col)
			cur.DrawImage(img, op)
		case cPoly, cLine:
			if len(m.pts) < 4 {
				continue
			}
			var p vector.Path
			p.MoveTo(m.pts[0], m.pts[1])
			for j := 2; j+1 < len(m.pts); j += 2 {
				p.LineTo(m.pts[j], m.pts[j+1])
			}
			vertBuf, indexBuf = vertBuf[:0], indexBuf[:0]
			if m.k == cPoly {
				p.Close()
				vertBuf, indexBuf = p.AppendVerticesAndIndicesForFilling(vertBuf, indexBuf)
			} else {
				vertBuf, indexBuf = p.AppendVerticesAndIndicesForStroke(vertBuf, indexBuf, &vector.StrokeOptions{
					Width: float32(m.w), LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound})
			}
			r, g, b, a := float32(m.col.R)/255, float32(m.col.G)/255, float32(m.col.B)/255, float32(m.col.A)/255
			for j := range vertBuf {
				vertBuf[j].SrcX, vertBuf[j].SrcY = 1, 1
				vertBuf[j].ColorR, vertBuf[j].ColorG, vertBuf[j].ColorB, vertBuf[j].ColorA = r, g, b, a
			}
			op := &ebiten.DrawTrianglesOptions{AntiAlias: false}
			if m.k == cPoly {
				op.FillRule = ebiten.FillRuleNonZero
			}
			cur.DrawTriangles(vertBuf, indexBuf, white.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image), op)
		}
	}
}
