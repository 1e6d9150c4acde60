// Command moteplass-corpus writes a complete, valid Møteplass site with N
// activities, for measuring build, search and serve at scale:
//
//	go run ./cmd/moteplass-corpus -n 10000 -out /tmp/corpus-10k
//
// See package corpus for what the site holds. The same -n and -seed give
// the same files.
package main

import (
	"flag"
	"fmt"
	"os"

	"moteplass/generator/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of activities")
	out := flag.String("out", "", "the `folder` to write the site into (must not exist or be empty)")
	seed := flag.Uint64("seed", 1, "random seed: the same -n and -seed give the same site")
	flag.Parse()
	if *out == "" || *n < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.Write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "moteplass-corpus:", err)
		os.Exit(1)
	}
	fmt.Printf("Wrote a site with %d activities to %s\n", *n, *out)
}
