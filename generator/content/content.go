// Package content holds the content model (organisations, projects,
// activities, handbooks, reports, pages), loads it from a site's content/
// folder and validates it.
//
// Loading parses every file once: TOML front matter into the typed structs
// of model.go, the Markdown body into one goldmark AST that every renderer
// walks. Validation then resolves references between files and collects
// every problem with its path, line and column.
package content
