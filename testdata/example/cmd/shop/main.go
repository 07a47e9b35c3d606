// Command shop serves the example shop.
package main

import "example.com/shop/internal/http"

func main() { http.Serve() }
