package content

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"moteplass/generator/markdown"
	"moteplass/generator/site"
)

// TestCacheFollowsChanges loads a site through a Cache while files are
// edited, added, removed and saved the way editors save (a temporary
// file renamed over the original), telling the cache as a watcher would.
func TestCacheFollowsChanges(t *testing.T) {
	mfs, _ := fixture(t, "testdata/base.txtar")
	dir := t.TempDir()
	for name, f := range mfs {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	fsys := os.DirFS(dir)
	cfg, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	cache := NewCache()
	load := func() *Site {
		t.Helper()
		s, err := cache.Load(context.Background(), fsys, cfg, md)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := load()
	kor := "content/activities/trondelag/kor.md"
	src, _ := os.ReadFile(filepath.Join(dir, kor))

	// Unchanged: the very same parsed activity comes back.
	if again := load(); again.Activities[0] != first.Activities[0] {
		t.Error("an unchanged file was parsed again")
	}

	// Saved through a temporary file.
	tmp := filepath.Join(dir, kor+".swp")
	os.WriteFile(tmp, []byte(strings.Replace(string(src), "Kor for alle", "Kor for alle i Trondheim", 1)), 0o644)
	future := time.Now().Add(2 * time.Second)
	os.Chtimes(tmp, future, future)
	os.Rename(tmp, filepath.Join(dir, kor))
	cache.Changed(kor+".swp", kor)
	if got := load().Activities[0].Title; got != "Kor for alle i Trondheim" {
		t.Errorf("edit not seen: %q", got)
	}

	// A new file in a new folder, then removed.
	nytt := "content/activities/ny/dypere/tur.md"
	os.MkdirAll(filepath.Join(dir, "content/activities/ny/dypere"), 0o755)
	os.WriteFile(filepath.Join(dir, nytt), []byte(strings.Replace(string(src), "Kor for alle", "Tur", 1)), 0o644)
	cache.Changed("content/activities/ny")
	if n := len(load().Activities); n != 2 {
		t.Errorf("%d activities after adding one", n)
	}
	os.Remove(filepath.Join(dir, nytt))
	cache.Changed(nytt)
	if n := len(load().Activities); n != 1 {
		t.Errorf("%d activities after removing one", n)
	}
}

// TestCacheLoadMatchesLoad edits a site at random, the way a day of
// editing would, and checks after every save that a load through the
// Cache (which keeps sorted lists and checked references between loads)
// gives the lists and problems a fresh Load gives.
func TestCacheLoadMatchesLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = \"Test\"\nbase_url = \"https://test.example.org/\"\n"+
		"[[categories]]\nkey = \"kultur\"\ntitle = \"Kultur\"\n[[audiences]]\nkey = \"unge\"\ntitle = \"Unge\"\n")
	titles := []string{"Kor", "kor", "Ærøy", "Østfold", "Ålesund", "Zeta", "Aa", "Kafé", "Kafe", "Tur"}
	orgs := []string{"alfa", "beta", "gamma", "finnes-ikke"}
	org := func(slug, title string) {
		write("content/organisations/"+slug+".md", "+++\ntitle = \""+title+"\"\n[[chapters]]\nid = \"lag\"\ntitle = \"Lag\"\n+++\n")
	}
	activity := func(name, title, org string, draft bool, link string) {
		d := ""
		if draft {
			d = "draft = true\n"
		}
		write(name, "+++\ntitle = \""+title+"\"\nsummary = \"S.\"\norganisation = \""+org+"\"\nchapter = \"lag\"\n"+d+
			"category = \"kultur\"\naudiences = [\"unge\"]\nmode = \"digital\"\n[schedule]\nstart = \"2026-01-07 18:00\"\n+++\n"+
			"## Om\n\nSe [mer](https://example.org/)"+link+".\n")
	}
	for _, o := range orgs[:3] {
		org(o, strings.ToUpper(o))
	}
	rnd := uint64(1)
	rand := func(n int) int { // xorshift: the same steps every run
		rnd ^= rnd << 13
		rnd ^= rnd >> 7
		rnd ^= rnd << 17
		return int(rnd % uint64(n))
	}
	var names []string
	for i := range 40 {
		name := fmt.Sprintf("content/activities/%c/a-%02d.md", 'a'+rune(i%3), i)
		names = append(names, name)
		activity(name, titles[rand(len(titles))], orgs[rand(3)], false, "")
	}
	fsys := os.DirFS(dir)
	cfg, err := site.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	cache := NewCache()
	order := func(s *Site) string {
		var b strings.Builder
		for _, a := range s.Activities {
			b.WriteString(a.Path + " ")
		}
		b.WriteString("| ")
		for _, a := range s.Drafts {
			b.WriteString(a.Path + " ")
		}
		for _, o := range s.Organisations {
			b.WriteString(o.Path + " ")
		}
		return b.String()
	}
	for step := range 120 {
		var changed []string
		switch i := rand(len(names)); rand(6) {
		case 0, 1:
			link := ""
			if rand(4) == 0 { // a link to another file, with an anchor
				link = " og [den](../" + strings.TrimPrefix(names[rand(len(names))], "content/activities/") + "#om)"
			}
			activity(names[i], titles[rand(len(titles))], orgs[rand(len(orgs))], rand(5) == 0, link)
			changed = append(changed, names[i])
		case 2:
			os.Remove(filepath.Join(dir, names[i]))
			changed = append(changed, names[i])
		case 3:
			name := fmt.Sprintf("content/activities/ny-%d/a.md", step)
			names = append(names, name)
			activity(name, titles[rand(len(titles))], orgs[rand(3)], false, "")
			changed = append(changed, filepath.Dir(name))
		case 4:
			o := orgs[rand(3)]
			org(o, titles[rand(len(titles))])
			changed = append(changed, "content/organisations/"+o+".md")
		case 5:
			if rand(2) == 0 {
				os.Remove(filepath.Join(dir, "content/organisations/gamma.md"))
			} else {
				org("gamma", "Gamma")
			}
			changed = append(changed, "content/organisations/gamma.md")
		}
		cache.Changed(changed...)
		got, gotErr := cache.Load(context.Background(), fsys, cfg, md)
		want, wantErr := Load(context.Background(), fsys, cfg, md)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("step %d (%v): through the cache:\n%v\nfresh:\n%v", step, changed, gotErr, wantErr)
		}
		if g, w := order(got), order(want); g != w {
			t.Fatalf("step %d (%v): through the cache the lists are\n%s\nfresh\n%s", step, changed, g, w)
		}
	}
}
