// Package scenarios embeds the scenario files that ship with Keyholder.
package scenarios

import (
	"embed"
	"io/fs"
	"sort"
)

// FS holds every shipped scenario file.
//
//go:embed *.toml
var FS embed.FS

// Main is the file played when none is named.
const Main = "westminster-2017.toml"

// Tutorial is the short scenario that teaches the mechanics.
const Tutorial = "tutorial.toml"

// List names the shipped scenario files: the main one first, then the
// tutorial, then the rest by name.
func List() []string {
	names, _ := fs.Glob(FS, "*.toml")
	rank := func(n string) int {
		switch n {
		case Main:
			return 0
		case Tutorial:
			return 1
		}
		return 2
	}
	sort.SliceStable(names, func(i, j int) bool {
		if rank(names[i]) != rank(names[j]) {
			return rank(names[i]) < rank(names[j])
		}
		return names[i] < names[j]
	})
	return names
}

// Read returns a shipped scenario file's bytes.
func Read(name string) ([]byte, error) { return FS.ReadFile(name) }
