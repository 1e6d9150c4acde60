package calendar

// TZID is the time zone every time in the files is written in.
const TZID = "Europe/Oslo"

// vtimezone describes Europe/Oslo with the EU rules Norway has followed
// since 1996: summer time from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October. DTSTART of each observance is
// local time before the change (02:00 CET, 03:00 CEST). A test checks
// the rules against Go's tzdata; if Europe ever drops summer time, that
// test fails and this block needs an end (RRULE UNTIL) and a new
// observance.
var vtimezone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:" + TZID,
	"X-LIC-LOCATION:" + TZID,
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"TZNAME:CEST",
	"DTSTART:19960331T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"TZNAME:CET",
	"DTSTART:19961027T030000",
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
}
