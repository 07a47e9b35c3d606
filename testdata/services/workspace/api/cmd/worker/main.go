// Command worker is api's worker; billing has one too, so both take their
// module's folder: api-worker and billing-worker.
package main

import "os"

func main() { os.Exit(0) }
