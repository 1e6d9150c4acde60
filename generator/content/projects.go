package content

import "slices"

// GrantTotal returns the sum of the project's grants in kroner.
func (p *Project) GrantTotal() int {
	total := 0
	for _, g := range p.GrantList {
		total += g.Amount
	}
	return total
}

// ReportsOf returns the reports on project p, newest first.
func (s *Site) ReportsOf(p *Project) []*Report {
	var out []*Report
	for _, r := range s.Reports {
		if r.Project == p.Slug {
			out = append(out, r)
		}
	}
	return out
}

// ActualReach returns how many people project p has reached, from its
// newest report that says so, or 0 if none does.
func (s *Site) ActualReach(p *Project) int {
	for _, r := range s.ReportsOf(p) {
		if r.Reach.Actual > 0 {
			return r.Reach.Actual
		}
	}
	return 0
}

// GrantYears returns every year any project has a grant for, in order.
func (s *Site) GrantYears() []int {
	seen := map[int]bool{}
	var years []int
	for _, p := range s.Projects {
		for _, g := range p.GrantList {
			if !seen[g.Year] {
				seen[g.Year] = true
				years = append(years, g.Year)
			}
		}
	}
	slices.Sort(years)
	return years
}
