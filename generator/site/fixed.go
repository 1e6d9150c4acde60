package site

import (
	"strconv"

	"moteplass/generator/slug"
)

// A County is one of Norway's counties as of 2024.
type County struct {
	Key    string // URL slug, written in front matter: "more-og-romsdal"
	Name   string // "Møre og Romsdal"
	Number string // the county number
}

// Counties are Norway's fifteen counties from 1 January 2024, in county
// number order.
var Counties = []County{
	{"oslo", "Oslo", "03"},
	{"rogaland", "Rogaland", "11"},
	{"more-og-romsdal", "Møre og Romsdal", "15"},
	{"nordland", "Nordland", "18"},
	{"ostfold", "Østfold", "31"},
	{"akershus", "Akershus", "32"},
	{"buskerud", "Buskerud", "33"},
	{"innlandet", "Innlandet", "34"},
	{"vestfold", "Vestfold", "39"},
	{"telemark", "Telemark", "40"},
	{"agder", "Agder", "42"},
	{"vestland", "Vestland", "46"},
	{"trondelag", "Trøndelag", "50"},
	{"troms", "Troms", "55"},
	{"finnmark", "Finnmark", "56"},
}

// CountyKeys lists the keys of Counties.
func CountyKeys() []string {
	keys := make([]string, len(Counties))
	for i, c := range Counties {
		keys[i] = c.Key
	}
	return keys
}

// LookupCounty finds a county by key or by name ("Trøndelag" and
// "trondelag" both work: editors write either).
func LookupCounty(s string) (County, bool) {
	if c, ok := countyIndex[s]; ok {
		return c, true // the common case: a key or a name as written
	}
	c, ok := countyIndex[slug.Make(s)]
	return c, ok
}

// countyIndex finds counties by key and by name.
var countyIndex = func() map[string]County {
	m := map[string]County{}
	for _, c := range Counties {
		m[c.Key], m[c.Name] = c, c
	}
	return m
}()

// Modes say how an activity meets.
var Modes = []string{"digital", "physical", "hybrid"}

// Statuses are the states of a funded project.
var Statuses = []string{"planned", "ongoing", "completed"}

// ReportKinds are the kinds of evaluation report.
var ReportKinds = []string{"midterm", "final", "annual"}

func quote(s string) string { return strconv.Quote(s) }
func itoa(i int) string     { return strconv.Itoa(i) }
