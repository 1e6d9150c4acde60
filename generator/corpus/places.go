package corpus

// municipalities are real Norwegian municipalities by county key, enough
// to spread a corpus the way a national directory is spread.
var municipalities = map[string][]string{
	"oslo":            {"Oslo"},
	"rogaland":        {"Stavanger", "Sandnes", "Haugesund", "Karmøy", "Sola", "Time", "Klepp", "Eigersund", "Hå", "Strand"},
	"more-og-romsdal": {"Ålesund", "Molde", "Kristiansund", "Ørsta", "Volda", "Sula", "Giske", "Hustadvika", "Sunndal", "Surnadal"},
	"nordland":        {"Bodø", "Narvik", "Rana", "Vefsn", "Vågan", "Hadsel", "Alstahaug", "Brønnøy", "Fauske", "Sortland"},
	"ostfold":         {"Fredrikstad", "Sarpsborg", "Moss", "Halden", "Indre Østfold", "Råde", "Rakkestad", "Våler", "Hvaler", "Aremark"},
	"akershus":        {"Bærum", "Asker", "Lillestrøm", "Nordre Follo", "Ullensaker", "Lørenskog", "Vestby", "Ås", "Eidsvoll", "Nittedal"},
	"buskerud":        {"Drammen", "Kongsberg", "Ringerike", "Lier", "Øvre Eiker", "Modum", "Hole", "Nesbyen", "Gol", "Hol"},
	"innlandet":       {"Lillehammer", "Hamar", "Gjøvik", "Ringsaker", "Elverum", "Kongsvinger", "Østre Toten", "Nord-Fron", "Vang", "Lom"},
	"vestfold":        {"Tønsberg", "Sandefjord", "Larvik", "Horten", "Holmestrand", "Færder"},
	"telemark":        {"Skien", "Porsgrunn", "Notodden", "Bamble", "Kragerø", "Midt-Telemark", "Vinje", "Tinn"},
	"agder":           {"Kristiansand", "Arendal", "Grimstad", "Lillesand", "Mandal", "Farsund", "Flekkefjord", "Vennesla", "Tvedestrand", "Risør"},
	"vestland":        {"Bergen", "Voss", "Førde", "Stord", "Bømlo", "Askøy", "Øygarden", "Sogndal", "Kinn", "Odda"},
	"trondelag":       {"Trondheim", "Steinkjer", "Levanger", "Stjørdal", "Orkland", "Namsos", "Verdal", "Melhus", "Malvik", "Røros"},
	"troms":           {"Tromsø", "Harstad", "Senja", "Målselv", "Balsfjord", "Nordreisa", "Kvæfjord", "Skjervøy"},
	"finnmark":        {"Alta", "Hammerfest", "Sør-Varanger", "Vadsø", "Kautokeino", "Karasjok", "Porsanger", "Vardø"},
}

var counties = []string{"oslo", "rogaland", "more-og-romsdal", "nordland", "ostfold", "akershus", "buskerud", "innlandet", "vestfold", "telemark", "agder", "vestland", "trondelag", "troms", "finnmark"}

var streets = []string{"Storgata", "Kirkegata", "Torggata", "Parkveien", "Skolegata", "Jernbanegata", "Strandveien", "Sjøgata", "Fjellveien", "Bygdeveien"}

var venues = []string{"Frivilligsentralen", "Biblioteket", "Kulturhuset", "Menighetshuset", "Fontenehuset", "Helsehuset", "Bydelshuset", "Ungdomshuset", "Samfunnshuset", "Seniorsenteret"}
