module cloud.google.com/go/firestore

go 1.22
