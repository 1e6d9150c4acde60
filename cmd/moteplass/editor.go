package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"moteplass/generator/build"
	"moteplass/generator/content"
	"moteplass/generator/diag"
	"moteplass/generator/scaffold"
	"moteplass/generator/schema"
	"moteplass/generator/serve"
	"moteplass/generator/site"
)

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", stderr)
	siteDir := fs.String("site", ".", "the site `folder`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: moteplass new KIND NAME [--site DIR]\n\nKIND is one of: activity, organisation, project, handbook, report, page\n")
		fs.PrintDefaults()
	}
	// Flags may come before or after KIND and NAME.
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 2 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := site.Load(os.DirFS(*siteDir))
	if err != nil {
		return report(err, stderr)
	}
	// References (organisations, projects) are listed when the content
	// loads; a site with errors still gets a scaffold.
	s, _ := build.Load(ctx, os.DirFS(*siteDir))
	files, err := scaffold.Files(pos[0], pos[1], scaffold.Vocab(cfg, s), time.Now().In(content.Oslo))
	if err != nil {
		fmt.Fprintf(stderr, "moteplass new: %v\n", err)
		return exitUsage
	}
	if err := scaffold.Write(*siteDir, files); err != nil {
		fmt.Fprintf(stderr, "moteplass new: %v\n", err)
		return exitUsage
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "Wrote %s\n", filepath.Join(*siteDir, f.Path))
	}
	fmt.Fprintln(stdout, "Fill in the fields marked «må fylles ut», then run moteplass check.")
	return exitOK
}

func runSchema(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema", stderr)
	siteDir := fs.String("site", ".", "the site `folder`")
	out := fs.String("out", "schemas", "the `folder` to write one JSON Schema per kind and decap-config.yml (Decap CMS) into")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	cfg, err := site.Load(os.DirFS(*siteDir))
	if err != nil {
		return report(err, stderr)
	}
	s, _ := build.Load(ctx, os.DirFS(*siteDir))
	vocab := scaffold.Vocab(cfg, s)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "moteplass schema: %v\n", err)
		return exitUsage
	}
	for _, k := range schema.Kinds {
		data, err := schema.JSON(k, vocab)
		if err == nil {
			err = os.WriteFile(filepath.Join(*out, k.Name+".json"), append(data, '\n'), 0o644)
		}
		if err != nil {
			fmt.Fprintf(stderr, "moteplass schema: %v\n", err)
			return exitUsage
		}
	}
	folders, err := schema.ActivityFolders(os.DirFS(*siteDir))
	var decap []byte
	if err == nil {
		decap, err = schema.Decap(vocab, schema.DecapOptions{Title: cfg.Title, BaseURL: cfg.BaseURL, ActivityFolders: folders})
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(*out, "decap-config.yml"), decap, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "moteplass schema: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "Wrote %d schemas and a Decap CMS config (decap-config.yml) to %s\n", len(schema.Kinds), *out)
	return exitOK
}

// jsonProblem is one problem in `check --format json`.
type jsonProblem struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

// reportJSON prints err as a JSON array of problems ([] when there are
// none) and returns the exit status for it.
func reportJSON(err error, stdout, stderr io.Writer) int {
	var list diag.List
	if err != nil && !errors.As(err, &list) {
		fmt.Fprintf(stderr, "moteplass: %v\n", err)
		return exitUsage
	}
	out := make([]jsonProblem, len(list))
	for i, e := range list {
		out[i] = jsonProblem{e.Pos.Path, e.Pos.Line, e.Pos.Col, e.Msg, e.Hint}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.Encode(out)
	if len(list) > 0 {
		return exitContent
	}
	return exitOK
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	siteDir := fs.String("site", ".", "the site `folder`")
	addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on; keep it on loopback unless you mean to share the preview")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "moteplass serve: --addr: %v\n", err)
		return exitUsage
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "moteplass serve: warning: listening on %s, so other machines can see the preview\n", *addr)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	srv := serve.New(serve.Options{Site: *siteDir, Addr: *addr, Log: log})
	fmt.Fprintf(stdout, "Serving %s at http://%s/ (Ctrl-C to stop)\n", *siteDir, *addr)
	if err := srv.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "moteplass serve: %v\n", err)
		return exitUsage
	}
	return exitOK
}
