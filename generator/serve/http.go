package serve

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strings"

	"moteplass/generator/diag"
)

// Paths the server answers itself. They live under a name no content
// file can have, and never reach the built site.
const (
	eventsPath = "/_moteplass/events"
	scriptPath = "/_moteplass/reload.js"
)

// reloadScript reloads the page when the server says the site changed.
// The server injects it into every HTML page it serves; `build` never
// writes it.
const reloadScript = `(function () {
  var es = new EventSource(%q);
  es.addEventListener("reload", function () { location.reload(); });
})();
`

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprintf(w, reloadScript, eventsPath)
		return
	}
	s.page(w, r)
}

// page serves a file of the site. URL paths map onto the map of built
// files only, never onto the disk, so "/../" and its encodings cannot
// reach anything else.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	st := s.state
	s.mu.RUnlock()
	if st != nil && st.err != nil {
		s.errorPage(w, st.err)
		return
	}
	base := "/"
	if st != nil {
		base = st.base
	}
	p := path.Clean("/" + r.URL.Path)
	if !strings.HasPrefix(p+"/", base) {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	name := strings.TrimPrefix(p, base)
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	name = strings.TrimPrefix(name, "/")
	data, found, st, err := s.render(name)
	if err != nil {
		s.errorPage(w, err)
		return
	}
	if !found && !strings.HasSuffix(name, "index.html") {
		// "/aktiviteter/kor" → "/aktiviteter/kor/", as a static host would.
		if _, ok, _, _ := s.render(name + "/index.html"); ok {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !found {
		status = http.StatusNotFound
		name = "404.html"
		if data, found, _, err = s.render(name); err != nil || !found {
			http.NotFound(w, r)
			return
		}
	}
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// types are the content types of files a site has that Go's mime table
// may not know without the system's.
var types = map[string]string{
	".ics":  "text/calendar; charset=utf-8",
	".csv":  "text/csv; charset=utf-8",
	".xml":  "application/xml; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".json": "application/json",
}

func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// inject adds the reload script before </body>.
func inject(page []byte) []byte {
	tag := []byte(`<script src="` + scriptPath + `"></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	return append(page[:i:i], append(tag, page[i:]...)...)
}

var errorTemplate = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feil i innholdet – Møteplass</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1e21; line-height: 1.5; }
h1 { color: #8a1c1c; }
li { margin: 0.5rem 0; }
code { font-size: 1rem; background: #fff4d6; padding: 0.1rem 0.3rem; }
.hint { display: block; color: #4a5258; }
</style></head>
<body>
<main>
<h1>Innholdet har {{len .Problems}} {{if eq (len .Problems) 1}}feil{{else}}feil{{end}}</h1>
<p>Rett filene under og lagre. Siden lastes inn på nytt av seg selv.</p>
<ol>
{{- range .Problems}}
<li><code>{{.Pos}}</code> {{.Msg}}{{with .Hint}}<span class="hint">{{.}}</span>{{end}}</li>
{{- end}}
</ol>
{{- with .Other}}<pre>{{.}}</pre>{{end}}
</main>
<script src="` + scriptPath + `"></script>
</body>
</html>
`))

// errorPage shows what is wrong with the content.
func (s *Server) errorPage(w http.ResponseWriter, err error) {
	data := struct {
		Problems diag.List
		Other    string
	}{}
	if !errors.As(err, &data.Problems) {
		data.Other = err.Error()
		data.Problems = diag.List{{Pos: diag.Pos{Path: "site"}, Msg: "the site could not be built"}}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	errorTemplate.Execute(w, data)
}
