module example.com/mongo

go 1.22

require (
	go.mongodb.org/mongo-driver v1.0.0
)
