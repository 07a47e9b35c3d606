module example.com/firestore

go 1.22

require (
	cloud.google.com/go/firestore v1.0.0
)
