module example.com/gopginflect

go 1.22

require github.com/go-pg/pg/v10 v10.14.0
