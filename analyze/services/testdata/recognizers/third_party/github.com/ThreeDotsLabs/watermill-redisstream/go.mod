module github.com/ThreeDotsLabs/watermill-redisstream

go 1.22

require github.com/ThreeDotsLabs/watermill v1.0.0
