module github.com/ThreeDotsLabs/watermill-http

go 1.22

require github.com/ThreeDotsLabs/watermill v1.0.0
