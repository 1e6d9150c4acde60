package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden runs each testdata/*.txtar case: the files under site/ make a
// site, "args" are the command line (--site is added), and stdout, stderr
// and exit are what the command must print and return.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var args []string
			for _, f := range ar.Files {
				if name, ok := strings.CutPrefix(f.Name, "site/"); ok {
					p := filepath.Join(dir, filepath.FromSlash(name))
					os.MkdirAll(filepath.Dir(p), 0o755)
					os.WriteFile(p, f.Data, 0o644)
				}
				if f.Name == "args" {
					args = strings.Fields(string(f.Data))
				}
			}
			args = append(args, "--site", dir)
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), args, &stdout, &stderr)
			got := map[string]string{"stdout": stdout.String(), "stderr": stderr.String(), "exit": strconv.Itoa(code) + "\n"}
			for i, f := range ar.Files {
				want, ok := got[f.Name]
				if !ok {
					continue
				}
				if *update {
					ar.Files[i].Data = []byte(want)
				} else if string(f.Data) != want {
					t.Errorf("%s:\ngot\n%s\nwant\n%s", f.Name, want, f.Data)
				}
			}
			if *update {
				os.WriteFile(file, txtar.Format(ar), 0o644)
			}
		})
	}
}

func miniSite(t *testing.T) string {
	t.Helper()
	ar, err := txtar.ParseFile("../../generator/build/testdata/mini.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	return dir
}

func TestExitStatus(t *testing.T) {
	dir := miniSite(t)
	out := filepath.Join(t.TempDir(), "public")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"build", "--site", dir, "--out", out, "--now", "2026-11-23"}, 0, "Activities"},
		{[]string{"check", "--site", dir}, 0, "No problems found."},
		{[]string{"check", "--site", dir, "--format", "json"}, 0, "[]"},
		{[]string{"build", "--site", filepath.Join(dir, "nope")}, 1, "site.toml is missing"},
		{[]string{"build", "--now", "i morgen"}, 2, "--now"},
		{[]string{"bygg"}, 2, `unknown command "bygg"`},
		{[]string{"check", "--format", "xml", "--site", dir}, 2, "--format"},
		{nil, 2, "Usage"},
		{[]string{"new", "activity", "kafe", "--site", dir}, 0, "Wrote"},
		{[]string{"new", "--site", dir, "activity", "kafe"}, 2, "already exists"},
		{[]string{"new", "podcast", "x", "--site", dir}, 2, "unknown kind"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stdout.String()+stderr.String(), tt.want) {
			t.Errorf("moteplass %s: exit %d, want %d with %q\nstdout: %s\nstderr: %s", strings.Join(tt.args, " "), code, tt.code, tt.want, stdout.String(), stderr.String())
		}
	}
}

func TestCheckJSON(t *testing.T) {
	dir := miniSite(t)
	os.WriteFile(filepath.Join(dir, "content/pages/om.md"), []byte("+++\ntitel = \"Om\"\n+++\n"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "--site", dir, "--format", "json"}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var problems []struct {
		Path, Message, Hint string
		Line, Column        int
	}
	if err := json.Unmarshal(stdout.Bytes(), &problems); err != nil {
		t.Fatal(err)
	}
	if len(problems) != 2 || problems[1].Path != "content/pages/om.md" || problems[1].Line != 2 || problems[1].Hint != `did you mean "title"?` {
		t.Errorf("%+v", problems)
	}
}
