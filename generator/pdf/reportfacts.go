package pdf

import "moteplass/generator/content"

// projectFacts are the fact box rows: what the funder granted, when, to
// whom, for whom, and how many it reached.
func projectFacts(rep *content.Report, proj *content.Project, org *content.Organisation, t reportText) []Fact {
	var facts []Fact
	add := func(label, value string) {
		if value != "" {
			facts = append(facts, Fact{label, value})
		}
	}
	if org != nil {
		add(t.ui("organisation"), org.Title)
	}
	add(t.ui("programme"), proj.Programme)
	add(t.ui("funder"), proj.Funder)
	for _, g := range proj.GrantList {
		add(t.ui("grant_year", "year", g.Year), t.l.Kroner(g.Amount))
	}
	if len(proj.GrantList) > 0 {
		add(t.ui("grants_in_total"), t.l.Kroner(proj.GrantTotal()))
	}
	period := t.date(proj.Start)
	if e := t.date(proj.End); e != "" {
		period += " – " + e
	}
	add(t.ui("period"), period)
	if proj.Status != "" {
		add(t.ui("status"), t.ui("status_"+proj.Status))
	}
	add(t.ui("leader"), proj.Leader)
	add(t.ui("target_group"), proj.AudienceText)
	add(t.ui("reach"), reachText(rep, proj, t))
	return facts
}

// keyNumbers are the figures a funder looks for first: the money, the
// people reached, and how that compares with the plan.
func keyNumbers(rep *content.Report, proj *content.Project, t reportText) []KeyNumber {
	var k []KeyNumber
	if proj != nil && len(proj.GrantList) > 0 {
		k = append(k, KeyNumber{t.l.Kroner(proj.GrantTotal()), t.ui("key_granted")})
	}
	planned := plannedReach(rep, proj)
	if rep.Reach.Actual > 0 || planned > 0 {
		label := t.ui("actual_reach")
		if planned > 0 {
			label = t.ui("key_reached", "planned", t.l.Number(planned))
		}
		k = append(k, KeyNumber{t.l.Number(rep.Reach.Actual), label})
	}
	if planned > 0 {
		k = append(k, KeyNumber{t.ui("percent_n", "n", t.l.Number(percent(rep.Reach.Actual, planned))), t.ui("key_goal")})
	}
	return k
}

func plannedReach(rep *content.Report, proj *content.Project) int {
	if rep.Reach.Planned == 0 && proj != nil {
		return proj.TargetReach
	}
	return rep.Reach.Planned
}

// percent rounds actual as a percentage of planned, as the report page
// does.
func percent(actual, planned int) int { return (actual*100 + planned/2) / planned }

// reachText returns "230 av 200 (115 %)": the people reached against the
// plan of the report, or of the project if the report gives none.
func reachText(rep *content.Report, proj *content.Project, t reportText) string {
	planned := plannedReach(rep, proj)
	actual := rep.Reach.Actual
	switch {
	case planned > 0:
		return t.ui("reach_of", "actual", t.l.Number(actual), "planned", t.l.Number(planned), "percent", percent(actual, planned))
	case actual > 0:
		return t.l.Number(actual)
	}
	return ""
}
