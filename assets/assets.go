// Package assets holds the files embedded in the game: the DejaVu Sans fonts
// (Bitstream Vera / DejaVu licence, see fonts/LICENSE-DejaVu.txt).
package assets

import _ "embed"

// FontRegular is DejaVu Sans, the body font.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

// FontBold is DejaVu Sans Bold, used for headings.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte

// FontLicence is the licence the fonts are distributed under.
//
//go:embed fonts/LICENSE-DejaVu.txt
var FontLicence string
