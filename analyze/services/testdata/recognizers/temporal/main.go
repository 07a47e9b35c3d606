// Command temporal starts workflows on Temporal task queues and runs a
// worker of one: the task queue is the topic, and the Temporal frontend
// the broker.
package main

import (
	"context"
	"fmt"
	"os"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

const ordersQueue = "orders-task-queue"

func Checkout(ctx workflow.Context) error {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{TaskQueue: "payments-task-queue"}) // want "publish temporal payments-task-queue"
	workflow.ExecuteActivity(ctx, "Charge")
	child := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{TaskQueue: "shipping-task-queue"}) // want "publish temporal shipping-task-queue"
	workflow.ExecuteChildWorkflow(child, "Ship")
	workflow.ExecuteActivity(workflow.WithTaskQueue(ctx, "emails"), "Send") // want "publish temporal emails"
	return nil
}

func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// queueName prefixes a queue with the deployment's id, where one is set:
// never with an empty one.
func queueName(q string) string {
	uid := getenv("DEPLOYMENT_UID", "")
	if uid == "" {
		return q
	}
	return fmt.Sprintf("%s-%s", uid, q)
}

func main() {
	c, _ := client.Dial(client.Options{HostPort: "temporal:7233"})                                         // want "broker temporal temporal:7233"
	client.NewClient(client.Options{HostPort: "temporal-frontend:7233"})                                   // want "broker temporal temporal-frontend:7233"
	client.NewLazyClient(client.Options{HostPort: "temporal-lazy:7233"})                                   // want "broker temporal temporal-lazy:7233"
	client.DialContext(context.Background(), client.Options{HostPort: "temporal-ctx:7233"})                // want "broker temporal temporal-ctx:7233"
	c.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{TaskQueue: ordersQueue}, Checkout) // want "publish temporal orders-task-queue"
	opts := client.StartWorkflowOptions{ID: "refund-1", TaskQueue: "refunds"}
	c.SignalWithStartWorkflow(context.Background(), "refund-1", "go", nil, opts, "Refund") // want "publish temporal refunds"

	w := worker.New(c, ordersQueue, worker.Options{}) // want "consume temporal orders-task-queue"
	w.RegisterWorkflow(Checkout)
	w.Run(worker.InterruptCh())

	worker.New(c, queueName("billing"), worker.Options{}) // want "consume temporal billing" "consume temporal ${DEPLOYMENT_UID}-billing"
}
