package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// A small JSON Schema validator for the part of draft 4 that package
// schema writes: type, properties, patternProperties, additionalProperties,
// required, enum, pattern, minimum and items. A keyword it does not know
// is an error, so a schema that grows past it fails the test instead of
// passing unchecked. (A dependency such as santhosh-tekuri/jsonschema
// would check all of draft 4, but the generator uses a dozen keywords,
// and sixty lines keep go.mod as it is.)

// validate checks v, a value as encoding/json decodes it into any,
// against schema s and returns every problem, each with the path of the
// value ("schedule.start").
func validate(s map[string]any, v any, at string) []string {
	var errs []string
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s: %s", orRoot(at), fmt.Sprintf(format, args...)))
	}
	for _, k := range slices.Sorted(maps.Keys(s)) {
		switch k {
		case "$schema", "$id", "title", "description":
		case "type":
			if !hasType(v, s[k].(string)) {
				fail("%s where the schema wants %s", kindOf(v), s[k])
				return errs // the other keywords assume the type
			}
		case "enum":
			if !slices.ContainsFunc(s[k].([]any), func(e any) bool { return e == v }) {
				fail("%v is not one of %v", v, s[k])
			}
		case "pattern":
			if str, ok := v.(string); ok && !regexp.MustCompile(s[k].(string)).MatchString(str) {
				fail("%q does not match %s", str, s[k])
			}
		case "minimum":
			if n, ok := v.(float64); ok && n < s[k].(float64) {
				fail("%v is less than %v", n, s[k])
			}
		case "items":
			for i, e := range asArray(v) {
				errs = append(errs, validate(s[k].(map[string]any), e, fmt.Sprintf("%s[%d]", at, i))...)
			}
		case "required":
			if o, ok := v.(map[string]any); ok {
				for _, r := range s[k].([]any) {
					if _, ok := o[r.(string)]; !ok {
						fail("required key %q is missing", r)
					}
				}
			}
		case "properties", "patternProperties", "additionalProperties":
			// below, together
		default:
			fail("the test's validator does not know the schema keyword %q", k)
		}
	}
	if s["properties"] != nil || s["patternProperties"] != nil || s["additionalProperties"] != nil {
		errs = append(errs, validateObject(s, v, at)...)
	}
	return errs
}

// validateObject applies properties, patternProperties and
// additionalProperties to each key of the object v.
func validateObject(s map[string]any, v any, at string) []string {
	o, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	props, _ := s["properties"].(map[string]any)
	patterns, _ := s["patternProperties"].(map[string]any)
	var errs []string
	for _, key := range slices.Sorted(maps.Keys(o)) {
		where := strings.TrimPrefix(at+"."+key, ".")
		matched := false
		if p, ok := props[key]; ok {
			matched = true
			errs = append(errs, validate(p.(map[string]any), o[key], where)...)
		}
		for _, pat := range slices.Sorted(maps.Keys(patterns)) {
			if regexp.MustCompile(pat).MatchString(key) {
				matched = true
				errs = append(errs, validate(patterns[pat].(map[string]any), o[key], where)...)
			}
		}
		if matched {
			continue
		}
		switch add := s["additionalProperties"].(type) {
		case bool:
			if !add {
				errs = append(errs, fmt.Sprintf("%s: key %q is not allowed", orRoot(at), key))
			}
		case map[string]any:
			errs = append(errs, validate(add, o[key], where)...)
		}
	}
	return errs
}

func hasType(v any, t string) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		n, ok := v.(float64)
		return ok && n == math.Trunc(n)
	}
	return false
}

func kindOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

func asArray(v any) []any { a, _ := v.([]any); return a }

func orRoot(at string) string {
	if at == "" {
		return "(top level)"
	}
	return at
}

// tomlAsJSON decodes TOML front matter into the values a JSON Schema
// tool sees: TOML dates and times become the text the editor wrote
// (2026-01-06, 2026-01-06T19:00:00+01:00), as Taplo shows them.
func tomlAsJSON(src string) (map[string]any, error) {
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		return nil, err
	}
	data, err := json.Marshal(jsonable(raw))
	if err != nil {
		return nil, err
	}
	var out map[string]any
	err = json.Unmarshal(data, &out)
	return out, err
}

func jsonable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, e := range v {
			m[k] = jsonable(e)
		}
		return m
	case []map[string]any:
		a := make([]any, len(v))
		for i, e := range v {
			a[i] = jsonable(e)
		}
		return a
	case []any:
		a := make([]any, len(v))
		for i, e := range v {
			a[i] = jsonable(e)
		}
		return a
	case time.Time:
		switch v.Location().String() { // BurntSushi/toml's zones for local values
		case "date-local":
			return v.Format(time.DateOnly)
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05")
		case "time-local":
			return v.Format(time.TimeOnly)
		}
		return v.Format(time.RFC3339)
	}
	return v
}
