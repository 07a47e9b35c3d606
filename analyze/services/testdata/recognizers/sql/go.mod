module example.com/sql

go 1.22

require (
	github.com/Masterminds/squirrel v1.0.0
	github.com/doug-martin/goqu/v9 v9.0.0
)
