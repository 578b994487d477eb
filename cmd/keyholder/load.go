package main

import "github.com/keyholder-game/keyholder/game/scenario"

func scenarioLoad(name string, data []byte) (*scenario.Scenario, scenario.Problems) {
	return scenario.Load(name, data)
}
