// Command scheduler settles accounts every hour, forever: a daemon that
// neither listens nor is named by a deployment file.
package main

import "github.com/robfig/cron/v3"

func settle() {}

func main() {
	c := cron.New()
	c.AddFunc("@hourly", settle)
	c.Run()
}
