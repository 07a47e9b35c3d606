module example.com/asynq

go 1.22

require (
	github.com/hibiken/asynq v1.0.0
)
