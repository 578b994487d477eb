// Package ui is Keyholder's desktop game on Ebitengine: the screens, a thin
// immediate-mode widget layer on text/v2 and vector, and the App that
// Ebitengine runs. Only this package (and cmd/keyholder) import Ebitengine;
// layout, wrapping, focus, map geometry, chart maths and saving live in pure
// packages beside it.
package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"sync"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/keyholder-game/keyholder/assets"
)

// TextSizes names the text-size settings, smallest first.
var TextSizes = []string{"Small", "Normal", "Large", "Largest"}

var textPx = []float64{14, 16, 19, 22}

// Palette is the set of colours a screen uses. The default is calm and
// colour-blind safe (Okabe–Ito hues); meaning never rests on colour alone.
type Palette struct {
	Bg, Panel, PanelAlt, Ink, Muted, Accent, AccentInk, Focus, Hover,
	Good, Bad, Neutral, Warn, Border, Shade,
	Water, WaterInk, Land, Road, Stone, Gate, Event color.RGBA
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

var calm = Palette{
	Bg: rgb(0xF3F0E8), Panel: rgb(0xFFFDF8), PanelAlt: rgb(0xE9E4D8), Ink: rgb(0x1F2630), Muted: rgb(0x5A6270),
	Accent: rgb(0x0B5C8E), AccentInk: rgb(0xFFFFFF), Focus: rgb(0xC46A00), Hover: rgb(0xE3EEF6),
	Good: rgb(0x0072B2), Bad: rgb(0xB35000), Neutral: rgb(0x5A6270), Warn: rgb(0xA33B00),
	Border: rgb(0xC9C2B2), Shade: color.RGBA{0x1F, 0x26, 0x30, 0xA0},
	Water: rgb(0xA9CBE0), WaterInk: rgb(0x2D5C7A), Land: rgb(0xE7E2D3), Road: rgb(0xFFFFFF),
	Stone: rgb(0xCDB98C), Gate: rgb(0x6B4E1E), Event: rgb(0xD55E00),
}

var contrast = Palette{
	Bg: rgb(0x000000), Panel: rgb(0x0A0A0A), PanelAlt: rgb(0x202020), Ink: rgb(0xFFFFFF), Muted: rgb(0xE0E0E0),
	Accent: rgb(0xFFFFFF), AccentInk: rgb(0x000000), Focus: rgb(0xFFD400), Hover: rgb(0x303848),
	Good: rgb(0x56B4E9), Bad: rgb(0xFFB000), Neutral: rgb(0xE0E0E0), Warn: rgb(0xFFB000),
	Border: rgb(0xFFFFFF), Shade: color.RGBA{0, 0, 0, 0xD0},
	Water: rgb(0x00385C), WaterInk: rgb(0xFFFFFF), Land: rgb(0x141414), Road: rgb(0x8A8A8A),
	Stone: rgb(0x6E6E6E), Gate: rgb(0xFFD400), Event: rgb(0xFFB000),
}

// Theme holds the faces and sizes for one text size and scale.
type Theme struct {
	Size     int // index into TextSizes
	Contrast bool
	Scale    float64 // device scale factor
	C        Palette

	Body, Bold, Small, SmallBold, Title, Huge *text.GoTextFace
	LineH, SmallH, TitleH, HugeH, Pad         float64
}

var (
	fontOnce          sync.Once
	regular, boldFace *text.GoTextFaceSource
	fontErr           error
)

func fonts() (*text.GoTextFaceSource, *text.GoTextFaceSource, error) {
	fontOnce.Do(func() {
		regular, fontErr = text.NewGoTextFaceSource(bytes.NewReader(assets.FontRegular))
		if fontErr == nil {
			boldFace, fontErr = text.NewGoTextFaceSource(bytes.NewReader(assets.FontBold))
		}
		if fontErr != nil {
			fontErr = fmt.Errorf("embedded font: %w", fontErr)
		}
	})
	return regular, boldFace, fontErr
}

// NewTheme builds a theme. size is clamped to the known sizes.
func NewTheme(size int, highContrast bool, scale float64) (*Theme, error) {
	if size < 0 {
		size = 0
	}
	if size >= len(textPx) {
		size = len(textPx) - 1
	}
	if scale <= 0 {
		scale = 1
	}
	r, b, err := fonts()
	if err != nil {
		return nil, err
	}
	px := textPx[size] * scale
	t := &Theme{Size: size, Contrast: highContrast, Scale: scale, C: calm}
	if highContrast {
		t.C = contrast
	}
	t.Body = &text.GoTextFace{Source: r, Size: px}
	t.Bold = &text.GoTextFace{Source: b, Size: px}
	t.Small = &text.GoTextFace{Source: r, Size: px * 0.86}
	t.SmallBold = &text.GoTextFace{Source: b, Size: px * 0.86}
	t.Title = &text.GoTextFace{Source: b, Size: px * 1.3}
	t.Huge = &text.GoTextFace{Source: b, Size: px * 2.6}
	t.LineH = float64(int(px*1.4 + 0.5))
	t.SmallH = float64(int(px*0.86*1.4 + 0.5))
	t.TitleH = float64(int(px*1.3*1.35 + 0.5))
	t.HugeH = float64(int(px*2.6*1.25 + 0.5))
	t.Pad = float64(int(px*0.5 + 0.5))
	return t, nil
}

// lineH returns the line height for a face of this theme.
func (t *Theme) lineH(f *text.GoTextFace) float64 {
	switch f {
	case t.Small, t.SmallBold:
		return t.SmallH
	case t.Title:
		return t.TitleH
	case t.Huge:
		return t.HugeH
	}
	return t.LineH
}

// Preload starts parsing the embedded fonts in the background.
func Preload() { go fonts() }
