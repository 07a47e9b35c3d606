package domain

// The config does not check tests: their imports break no rule.
import _ "net/http"
