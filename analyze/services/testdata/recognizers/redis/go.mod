module example.com/redis

go 1.22

require (
	github.com/redis/go-redis/v9 v9.0.0
	github.com/go-redis/redis/v8 v8.0.0
	github.com/go-redis/redis/v7 v7.0.0
)
