// Command cron purges old orders; archie.yaml makes it a service, so its
// import of api's model is a smell.
package main

import (
	"context"
	"database/sql"
	"os"

	"example.com/tools/cmd/api/model" // want cross-service-import
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("CRON_DATABASE_URL"))
	model.Save(context.Background(), db, model.Order{})
}
