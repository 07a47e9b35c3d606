// Command firestore opens Firestore in a project and names a collection.
package main

import (
	"context"

	"cloud.google.com/go/firestore"
)

func main() {
	fs, _ := firestore.NewClient(context.Background(), "shop") // want "store firestore project shop"
	fs.Collection("audit")                                     // want "store firestore collection audit"
}
