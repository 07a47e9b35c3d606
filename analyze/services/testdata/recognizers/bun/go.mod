module example.com/bun

go 1.22

require github.com/uptrace/bun v1.0.0
