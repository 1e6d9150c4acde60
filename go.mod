module moteplass

go 1.26.0

require golang.org/x/text v0.43.0

require (
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/tools v0.52.0 // indirect
)
