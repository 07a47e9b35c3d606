// Package domain may import neither the web layer nor I/O.
package domain

import (
	_ "example.com/shop/web" // want `^domain imports web \(a layer above it\) \[layers\]$`
	_ "log"                  // want `^domain imports log, which domain-is-pure forbids \[domain-is-pure\]$`
	_ "strings"
)
