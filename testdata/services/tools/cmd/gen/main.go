// Command gen generates code from api's model: a tool, run by go
// generate. Importing api's package is no smell.
package main

import (
	"fmt"
	"reflect"

	"example.com/tools/cmd/api/model"
)

func main() {
	fmt.Println(reflect.TypeOf(model.Order{}).NumField())
}
