module example.com/watermill

go 1.22

require (
	github.com/ThreeDotsLabs/watermill v1.0.0
)
