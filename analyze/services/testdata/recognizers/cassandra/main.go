// Command cassandra opens a Cassandra cluster with gocql and names tables
// in the CQL it runs.
package main

import "github.com/gocql/gocql"

func main() {
	cluster := gocql.NewCluster("cassandra:9042") // want "store cassandra dsn cassandra:9042"
	cluster.Keyspace = "chat"
	session, _ := cluster.CreateSession()
	session.Query("INSERT INTO messages (id, body) VALUES (?, ?)", 1, "hi").Exec() // want "store cassandra table messages"
	session.Query("SELECT * FROM channels WHERE id = ?", 1).Exec()                 // want "store cassandra table channels"
}
