// Package legacy has an exception for net/http, and none for log.
package legacy

import (
	_ "log" // want `which domain-is-pure forbids \[domain-is-pure\]$`
	_ "net/http"
)
