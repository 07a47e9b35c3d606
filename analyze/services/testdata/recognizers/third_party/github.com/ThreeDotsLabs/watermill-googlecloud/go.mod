module github.com/ThreeDotsLabs/watermill-googlecloud

go 1.22

require github.com/ThreeDotsLabs/watermill v1.0.0
