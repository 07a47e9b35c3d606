// Command asynq enqueues and schedules tasks and handles them: the task
// type is the topic.
package main

import (
	"context"

	"github.com/hibiken/asynq"
)

type report struct{}

func (report) ProcessTask(context.Context, *asynq.Task) error { return nil }

func send(context.Context, *asynq.Task) error { return nil }

func main() {
	c := asynq.NewClient()
	c.Enqueue(asynq.NewTask("email:send", nil))                                // want "publish asynq email:send"
	c.EnqueueContext(context.Background(), asynq.NewTask("email:digest", nil)) // want "publish asynq email:digest"
	s := asynq.NewScheduler()
	s.Register("@daily", asynq.NewTask("report:daily", nil)) // want "publish asynq report:daily"

	mux := asynq.NewServeMux()
	mux.HandleFunc("email:send", send)   // want "consume asynq email:send"
	mux.Handle("report:daily", report{}) // want "consume asynq report:daily"
}
