module example.com/pgx

go 1.22

require (
	github.com/jackc/pgx/v5 v5.0.0
)
