// Command moteplass builds a Møteplass site: a searchable directory of
// peer-support activities, with handbooks and reports.
//
//	moteplass build  [--site DIR] [--out DIR] [--now DATE]
//	moteplass serve  [--site DIR] [--addr 127.0.0.1:1313]
//	moteplass check  [--site DIR] [--format text|json]
//	moteplass new    KIND NAME [--site DIR]
//	moteplass schema [--site DIR] [--out DIR]
//
// Exit status: 0 ok, 1 content errors (each printed as path:line:col:
// message), 2 usage or I/O error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"time"

	"moteplass/generator/build"
	"moteplass/generator/content"
	"moteplass/generator/diag"
)

const usage = `Møteplass builds a directory of peer-support activities.

Usage:
  moteplass build  [--site DIR] [--out DIR] [--now DATE]   build the site into --out (default public)
  moteplass serve  [--site DIR] [--addr 127.0.0.1:1313]    preview the site; reloads on every save
  moteplass check  [--site DIR] [--format text|json]       check all content and links, write nothing
  moteplass new    KIND NAME [--site DIR]                  start a new file: activity, organisation,
                                                           project, handbook, report or page
  moteplass schema [--site DIR] [--out DIR]                write JSON Schemas of the content files
                                                           and a Decap CMS config (decap-config.yml)

Run "moteplass COMMAND -h" for the flags of a command.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, args, stdout, stderr)
	case "check":
		return runCheck(ctx, args, stdout, stderr)
	case "serve":
		return runServe(ctx, args, stdout, stderr)
	case "new":
		return runNew(ctx, args, stdout, stderr)
	case "schema":
		return runSchema(ctx, args, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "moteplass: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("moteplass "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	siteDir := fs.String("site", ".", "the site `folder`, with site.toml and content/")
	out := fs.String("out", "public", "the output `folder`; replaced as a whole when the build succeeds")
	now := fs.String("now", "", "build as of this `date` (2026-01-06 or 2026-01-06T19:00:00+01:00) for reproducible builds; default: now")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to `file` (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a memory profile to `file` after the build")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "moteplass build: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			if f, err := os.Create(*memProfile); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}()
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "moteplass build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	tuneGC()
	opt := build.Options{Site: *siteDir, Out: *out}
	if !*quiet && isTerminal(stderr) {
		opt.Progress = stderr
	}
	if *now != "" {
		t, err := parseNow(*now)
		if err != nil {
			fmt.Fprintf(stderr, "moteplass build: --now: %v\n", err)
			return exitUsage
		}
		opt.Now = t
	}
	res, err := build.Build(ctx, opt)
	if code := report(err, stderr); code != exitOK {
		return code
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "warning: %v\n", w)
	}
	if !*quiet {
		res.Summary(stdout)
	}
	return exitOK
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	siteDir := fs.String("site", ".", "the site `folder`, with site.toml and content/")
	format := fs.String("format", "text", "`text` (one problem per line) or json")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	_, err := build.Load(ctx, os.DirFS(*siteDir))
	switch *format {
	case "json":
		return reportJSON(err, stdout, stderr)
	case "text":
	default:
		fmt.Fprintf(stderr, "moteplass check: --format must be text or json\n")
		return exitUsage
	}
	if code := report(err, stderr); code != exitOK {
		return code
	}
	fmt.Fprintln(stdout, "No problems found.")
	return exitOK
}

// report prints err for an editor and returns the exit status for it.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var list diag.List
	if errors.As(err, &list) {
		fmt.Fprintln(stderr, list.Error())
		n := len(list)
		fmt.Fprintf(stderr, "%d %s; nothing was written.\n", n, plural(n, "problem", "problems"))
		return exitContent
	}
	fmt.Fprintf(stderr, "moteplass: %v\n", err)
	return exitUsage
}

// isTerminal reports whether w is a terminal, where progress lines that
// rewrite themselves make sense; in a CI log they would not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func parseNow(s string) (time.Time, error) {
	var d content.DateTime
	if err := d.UnmarshalTOMLValue(strings.TrimSpace(s)); err != nil {
		return time.Time{}, errors.New("write a date as 2026-01-06 or a date and time as 2026-01-06T19:00:00+01:00")
	}
	return d.Time, nil
}
