package scenarios

import (
	"fmt"
	"os"
	"strings"

	"github.com/keyholder-game/keyholder/game/scenario"
)

// Open loads a scenario named by a player: a file on disk if one exists at
// that path, otherwise a shipped scenario by file name, with or without
// ".toml". An empty name opens Main.
func Open(name string) (*scenario.Scenario, scenario.Problems) {
	if name == "" {
		name = Main
	}
	if _, err := os.Stat(name); err == nil {
		return scenario.LoadFile(name)
	}
	file := name
	if !strings.HasSuffix(file, ".toml") {
		file += ".toml"
	}
	if data, err := Read(file); err == nil {
		return scenario.Load(file, data)
	}
	return nil, scenario.Problems{{File: name, Line: 1, Col: 1, Severity: scenario.Error,
		Msg: fmt.Sprintf("no such file, and no shipped scenario of that name (shipped: %s)", strings.Join(List(), ", "))}}
}

// ByID finds the shipped scenario with a given [scenario] id, for replaying
// a record that names only the id.
func ByID(id string) *scenario.Scenario {
	for _, name := range List() {
		if sc, _ := Open(name); sc != nil && sc.Meta.ID == id {
			return sc
		}
	}
	return nil
}
