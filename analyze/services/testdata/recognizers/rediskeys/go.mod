module example.com/rediskeys

go 1.22

require (
	github.com/go-redis/cache/v9 v9.0.0
	github.com/go-redis/redis/v7 v7.0.0
	github.com/redis/go-redis/v9 v9.0.0
)
