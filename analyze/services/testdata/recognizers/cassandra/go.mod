module example.com/cassandra

go 1.22

require github.com/gocql/gocql v1.0.0
