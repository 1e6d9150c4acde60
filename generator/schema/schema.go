// Package schema describes the content model for tools: a JSON Schema per
// kind of file (for editors with TOML support and for forms) and the
// Markdown field reference in docs/content.md. Both are generated from the
// Go types of package content, so they cannot drift from what the build
// accepts.
package schema

import (
	"encoding/json"
	"reflect"

	"moteplass/generator/content"
	"moteplass/generator/decode"
	"moteplass/generator/site"
)

// A Kind is a kind of file and the type its front matter decodes into.
type Kind struct {
	Name  string // "activity"
	Title string // Norwegian, for headings
	Path  string // where the files live
	Type  reflect.Type
}

// Kinds lists every kind of file, site.toml first.
var Kinds = []Kind{
	{"site", "Nettstedet (site.toml)", "site.toml", reflect.TypeFor[site.Config]()},
	{"organisation", "Organisasjon", "content/organisations/<navn>.md", reflect.TypeFor[content.Organisation]()},
	{"project", "Prosjekt", "content/projects/<navn>.md", reflect.TypeFor[content.Project]()},
	{"activity", "Aktivitet", "content/activities/**/<navn>.md", reflect.TypeFor[content.Activity]()},
	{"handbook", "Håndbok", "content/handbooks/<navn>/index.md", reflect.TypeFor[content.Handbook]()},
	{"chapter", "Kapittel i en håndbok", "content/handbooks/<navn>/<nn-kapittel>.md", reflect.TypeFor[content.HandbookChapter]()},
	{"report", "Rapport", "content/reports/<navn>.md", reflect.TypeFor[content.Report]()},
	{"page", "Side", "content/pages/<navn>.md", reflect.TypeFor[content.Page]()},
}

var (
	dateType     = reflect.TypeFor[content.Date]()
	dateTimeType = reflect.TypeFor[content.DateTime]()
)

// Patterns of the dates content accepts as text; TOML dates are also
// accepted, which JSON Schema tools show as strings.
const (
	datePattern     = `^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$`
	dateTimePattern = `^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})([ T](kl\. )?\d{2}[:.]\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?$`
)

// JSON returns the JSON Schema of kind k, with vocabulary
// fields limited to the values in vocab.
func JSON(k Kind, vocab map[string][]string) ([]byte, error) {
	s := object(k.Type, vocab)
	// Draft 4: the newest draft Taplo (VS Code's Even Better TOML) reads;
	// the keywords used here mean the same in every later draft.
	s["$schema"] = "http://json-schema.org/draft-04/schema#"
	s["$id"] = "https://moteplass.example.org/schema/" + k.Name + ".json"
	s["title"] = k.Title
	s["description"] = "Møteplass: " + k.Path
	return json.MarshalIndent(s, "", "  ")
}

type obj = map[string]any

func object(t reflect.Type, vocab map[string][]string) obj {
	props := obj{}
	var required []string
	for _, f := range decode.Fields(t) {
		p := property(f.Type, f.Vocab, vocab)
		if !f.Required && (f.Type == dateType || f.Type == dateTimeType) {
			// "" is no date (what a form writes when one is cleared).
			p["pattern"] = "^$|" + p["pattern"].(string)
		}
		if f.Doc != "" {
			p["description"] = f.Doc
		}
		props[f.Key] = p
		if f.Required {
			required = append(required, f.Key)
		}
	}
	o := obj{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func property(t reflect.Type, vocabName string, vocab map[string][]string) obj {
	switch {
	case t == dateType:
		return obj{"type": "string", "pattern": datePattern}
	case t == dateTimeType:
		return obj{"type": "string", "pattern": dateTimePattern}
	}
	switch t.Kind() {
	case reflect.String:
		p := obj{"type": "string"}
		if values := vocab[vocabName]; len(values) > 0 {
			p["enum"] = values
		}
		return p
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int:
		return obj{"type": "integer", "minimum": 0}
	case reflect.Float64:
		return obj{"type": "number"}
	case reflect.Slice:
		return obj{"type": "array", "items": property(t.Elem(), vocabName, vocab)}
	case reflect.Map:
		return obj{"type": "object", "patternProperties": obj{`^\d{4}$`: property(t.Elem(), "", vocab)}, "additionalProperties": false}
	case reflect.Struct:
		return object(t, vocab)
	}
	return obj{}
}
