// Package themes embeds the default theme in the binary: its HTML layouts,
// static files (CSS, search client), PDF fonts and UI strings. A site's own
// themes/<name>/ folder overrides single files of it.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default returns the default theme; paths look like "layouts/base.html".
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // "default" is embedded above
	}
	return sub
}
