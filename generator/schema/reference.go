package schema

import (
	"fmt"
	"io"
	"reflect"
	"strings"

	"moteplass/generator/decode"
)

// Reference writes the Markdown field reference of every kind: what
// docs/content.md holds. Vocabulary values come from vocab where a list
// is fixed (modes, statuses); site lists are named, not repeated.
func Reference(w io.Writer, vocab map[string][]string) {
	fmt.Fprint(w, referenceIntro)
	for _, k := range Kinds {
		fmt.Fprintf(w, "\n## %s\n\n`%s`\n", k.Title, k.Path)
		table(w, k.Type, "", vocab)
	}
}

const referenceIntro = `# Innholdsreferanse

Generert fra Go-typene i generator/content og generator/site av
` + "`go test ./generator/schema -update`" + `; ikke rediger for hånd.

Hver innholdsfil er Markdown med felter i TOML mellom to linjer med ` + "`+++`" + `.
Ukjente felter er feil, så en skrivefeil mister aldri data. Datoer kan
skrives som TOML-datoer (` + "`2026-01-06`, `2026-01-06T19:00:00+01:00`" + `) eller som
tekst (` + "`\"2026-01-06\"`, `\"2026-01-06 19:00\"`, `\"06.01.2026\"`" + `); tider uten
tidssone er norsk tid. Lenker er https, mailto eller tel.
`

func table(w io.Writer, t reflect.Type, prefix string, vocab map[string][]string) {
	fields := decode.Fields(t)
	fmt.Fprintf(w, "\n| Felt | Type | Påkrevd | Betydning |\n| --- | --- | --- | --- |\n")
	var tables []decode.Field
	for _, f := range fields {
		if isTable(f.Type) {
			tables = append(tables, f)
		}
		req := ""
		if f.Required {
			req = "ja"
		}
		doc := f.Doc
		if values := fixedVocab(f.Vocab, vocab); values != "" {
			doc += ". Tillatt: " + values
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", f.Key, typeName(f.Type), req, escape(doc))
	}
	for _, f := range tables {
		name := prefix + f.Key
		elem := f.Type
		header := "[" + name + "]"
		if f.Type.Kind() == reflect.Slice {
			elem, header = f.Type.Elem(), "[["+name+"]]"
		}
		if f.Type.Kind() == reflect.Map {
			continue // described in its row
		}
		fmt.Fprintf(w, "\n### `%s`\n", header)
		table(w, elem, name+".", vocab)
	}
}

// fixedVocab lists the values of vocabularies that are the same on every
// site; site.toml's own lists (categories, audiences) and references to
// other files are named instead.
func fixedVocab(name string, vocab map[string][]string) string {
	switch name {
	case "":
		return ""
	case "categories":
		return "en `key` fra `[[categories]]` i site.toml"
	case "audiences":
		return "`key`-er fra `[[audiences]]` i site.toml"
	case "organisations":
		return "filnavnet (uten .md) til en fil i content/organisations/"
	case "projects":
		return "filnavnet (uten .md) til en fil i content/projects/"
	case "languages":
		return "språkkoder som nb, nn, en, se"
	}
	return "`" + strings.Join(vocab[name], "`, `") + "`"
}

func isTable(t reflect.Type) bool {
	if t == dateType || t == dateTimeType {
		return false
	}
	return t.Kind() == reflect.Struct || t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct || t.Kind() == reflect.Map
}

func typeName(t reflect.Type) string {
	switch {
	case t == dateType:
		return "dato"
	case t == dateTimeType:
		return "dato og tid"
	}
	switch t.Kind() {
	case reflect.String:
		return "tekst"
	case reflect.Bool:
		return "true/false"
	case reflect.Int:
		return "heltall"
	case reflect.Float64:
		return "tall"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct {
			return "liste av tabeller"
		}
		return "liste av " + typeName(t.Elem())
	case reflect.Map:
		return "tabell: år = kroner"
	case reflect.Struct:
		return "tabell"
	}
	return t.String()
}

func escape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
