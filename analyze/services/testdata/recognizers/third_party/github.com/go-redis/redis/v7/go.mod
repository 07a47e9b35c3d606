module github.com/go-redis/redis/v7

go 1.22
