// Package game is the root of Keyholder's own packages: the engine and the
// scenario format (pure Go, no cgo) and, under ui, the only code that may
// draw with Ebitengine.
package game
