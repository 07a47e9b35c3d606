module github.com/go-redis/cache/v9

go 1.22
