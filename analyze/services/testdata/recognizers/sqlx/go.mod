module example.com/sqlx

go 1.22

require (
	github.com/jmoiron/sqlx v1.0.0
)
