package scenario

import (
	"math"
	"reflect"

	"github.com/expr-lang/expr/ast"
)

// expr parses and type-checks every formula and is the reference for what a
// formula means. Its VM boxes every intermediate value, though, and formulas
// are most of a turn's work, so the common subset (numbers, names,
// arithmetic, comparisons, and/or/not, a ? b : c, the numeric builtins and
// clamp) is lowered here from the type-checked tree to plain Go closures.
// Anything else keeps running on the VM. TestNativeMatchesVM holds the two
// to the same results.

type (
	numFn  func(map[string]any) float64
	boolFn func(map[string]any) bool
	strFn  func(map[string]any) string
)

func isNumeric(t reflect.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Float64:
		return true
	}
	return false
}

func isInt(t reflect.Type) bool {
	return t != nil && (t.Kind() == reflect.Int || t.Kind() == reflect.Int64)
}

func kindIs(t reflect.Type, k reflect.Kind) bool { return t != nil && t.Kind() == k }

// typeOf is a node's checked type; constants folded by the optimiser carry
// their value instead.
func typeOf(n ast.Node) reflect.Type {
	if c, ok := n.(*ast.ConstantNode); ok {
		return reflect.TypeOf(c.Value)
	}
	return n.Type()
}

func nativeNum(n ast.Node) numFn {
	switch n := n.(type) {
	case *ast.IntegerNode:
		v := float64(n.Value)
		return func(map[string]any) float64 { return v }
	case *ast.FloatNode:
		v := n.Value
		return func(map[string]any) float64 { return v }
	case *ast.ConstantNode:
		switch v := n.Value.(type) {
		case int:
			f := float64(v)
			return func(map[string]any) float64 { return f }
		case float64:
			return func(map[string]any) float64 { return v }
		}
	case *ast.IdentifierNode:
		name := n.Value
		switch {
		case kindIs(n.Type(), reflect.Float64):
			return func(env map[string]any) float64 { v, _ := env[name].(float64); return v }
		case kindIs(n.Type(), reflect.Int):
			return func(env map[string]any) float64 { v, _ := env[name].(int); return float64(v) }
		}
	case *ast.UnaryNode:
		x := nativeNum(n.Node)
		if x == nil {
			return nil
		}
		switch n.Operator {
		case "-":
			return func(env map[string]any) float64 { return -x(env) }
		case "+":
			return x
		}
	case *ast.BinaryNode:
		return nativeArith(n)
	case *ast.ConditionalNode:
		c, a, b := nativeBool(n.Cond), nativeNum(n.Exp1), nativeNum(n.Exp2)
		if c == nil || a == nil || b == nil {
			return nil
		}
		return func(env map[string]any) float64 {
			if c(env) {
				return a(env)
			}
			return b(env)
		}
	case *ast.BuiltinNode:
		return nativeBuiltin(n.Name, n.Arguments)
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok && id.Value == "clamp" && len(n.Arguments) == 3 {
			x, lo, hi := nativeNum(n.Arguments[0]), nativeNum(n.Arguments[1]), nativeNum(n.Arguments[2])
			if x == nil || lo == nil || hi == nil {
				return nil
			}
			return func(env map[string]any) float64 { return Clamp(x(env), lo(env), hi(env)) }
		}
	}
	return nil
}

func nativeArith(n *ast.BinaryNode) numFn {
	if !isNumeric(typeOf(n.Left)) || !isNumeric(typeOf(n.Right)) {
		return nil
	}
	a, b := nativeNum(n.Left), nativeNum(n.Right)
	if a == nil || b == nil {
		return nil
	}
	switch n.Operator {
	case "+":
		return func(env map[string]any) float64 { return a(env) + b(env) }
	case "-":
		return func(env map[string]any) float64 { return a(env) - b(env) }
	case "*":
		return func(env map[string]any) float64 { return a(env) * b(env) }
	case "/":
		return func(env map[string]any) float64 { return a(env) / b(env) }
	case "**", "^":
		return func(env map[string]any) float64 { return math.Pow(a(env), b(env)) }
	case "%":
		if !isInt(typeOf(n.Left)) || !isInt(typeOf(n.Right)) {
			return nil
		}
		return func(env map[string]any) float64 {
			d := int(b(env))
			if d == 0 {
				return math.NaN() // the VM fails here; the engine treats both as no effect
			}
			return float64(int(a(env)) % d)
		}
	}
	return nil
}

func nativeBuiltin(name string, args []ast.Node) numFn {
	fns := make([]numFn, len(args))
	for i, a := range args {
		if !isNumeric(typeOf(a)) {
			return nil
		}
		if fns[i] = nativeNum(a); fns[i] == nil {
			return nil
		}
	}
	one := func(f func(float64) float64) numFn {
		if len(fns) != 1 {
			return nil
		}
		x := fns[0]
		return func(env map[string]any) float64 { return f(x(env)) }
	}
	switch name {
	case "abs":
		return one(math.Abs)
	case "floor":
		return one(math.Floor)
	case "ceil":
		return one(math.Ceil)
	case "round":
		return one(math.Round)
	case "float":
		return one(func(x float64) float64 { return x })
	case "int":
		return one(math.Trunc)
	case "min", "max":
		if len(fns) == 0 {
			return nil
		}
		pick := math.Min
		if name == "max" {
			pick = math.Max
		}
		return func(env map[string]any) float64 {
			v := fns[0](env)
			for _, f := range fns[1:] {
				v = pick(v, f(env))
			}
			return v
		}
	}
	return nil
}

func nativeBool(n ast.Node) boolFn {
	switch n := n.(type) {
	case *ast.BoolNode:
		v := n.Value
		return func(map[string]any) bool { return v }
	case *ast.ConstantNode:
		if v, ok := n.Value.(bool); ok {
			return func(map[string]any) bool { return v }
		}
	case *ast.IdentifierNode:
		if kindIs(n.Type(), reflect.Bool) {
			name := n.Value
			return func(env map[string]any) bool { v, _ := env[name].(bool); return v }
		}
	case *ast.UnaryNode:
		if n.Operator == "!" || n.Operator == "not" {
			if x := nativeBool(n.Node); x != nil {
				return func(env map[string]any) bool { return !x(env) }
			}
		}
	case *ast.ConditionalNode:
		c, a, b := nativeBool(n.Cond), nativeBool(n.Exp1), nativeBool(n.Exp2)
		if c == nil || a == nil || b == nil {
			return nil
		}
		return func(env map[string]any) bool {
			if c(env) {
				return a(env)
			}
			return b(env)
		}
	case *ast.BinaryNode:
		return nativeCompare(n)
	}
	return nil
}

func nativeCompare(n *ast.BinaryNode) boolFn {
	lt, rt := typeOf(n.Left), typeOf(n.Right)
	switch n.Operator {
	case "and", "&&", "or", "||":
		a, b := nativeBool(n.Left), nativeBool(n.Right)
		if a == nil || b == nil {
			return nil
		}
		if n.Operator == "and" || n.Operator == "&&" {
			return func(env map[string]any) bool { return a(env) && b(env) }
		}
		return func(env map[string]any) bool { return a(env) || b(env) }
	}
	if isNumeric(lt) && isNumeric(rt) {
		a, b := nativeNum(n.Left), nativeNum(n.Right)
		if a == nil || b == nil {
			return nil
		}
		switch n.Operator {
		case "<":
			return func(env map[string]any) bool { return a(env) < b(env) }
		case "<=":
			return func(env map[string]any) bool { return a(env) <= b(env) }
		case ">":
			return func(env map[string]any) bool { return a(env) > b(env) }
		case ">=":
			return func(env map[string]any) bool { return a(env) >= b(env) }
		case "==":
			return func(env map[string]any) bool { return a(env) == b(env) }
		case "!=":
			return func(env map[string]any) bool { return a(env) != b(env) }
		}
		return nil
	}
	if n.Operator != "==" && n.Operator != "!=" {
		return nil
	}
	eq := func(f func(map[string]any) bool) boolFn {
		if n.Operator == "!=" {
			return func(env map[string]any) bool { return !f(env) }
		}
		return f
	}
	switch {
	case kindIs(lt, reflect.String) && kindIs(rt, reflect.String):
		a, b := nativeStr(n.Left), nativeStr(n.Right)
		if a == nil || b == nil {
			return nil
		}
		return eq(func(env map[string]any) bool { return a(env) == b(env) })
	case kindIs(lt, reflect.Bool) && kindIs(rt, reflect.Bool):
		a, b := nativeBool(n.Left), nativeBool(n.Right)
		if a == nil || b == nil {
			return nil
		}
		return eq(func(env map[string]any) bool { return a(env) == b(env) })
	}
	return nil
}

func nativeStr(n ast.Node) strFn {
	switch n := n.(type) {
	case *ast.StringNode:
		v := n.Value
		return func(map[string]any) string { return v }
	case *ast.ConstantNode:
		if v, ok := n.Value.(string); ok {
			return func(map[string]any) string { return v }
		}
	case *ast.IdentifierNode:
		if kindIs(n.Type(), reflect.String) {
			name := n.Value
			return func(env map[string]any) string { v, _ := env[name].(string); return v }
		}
	}
	return nil
}
