module github.com/tsuna/gohbase

go 1.22
