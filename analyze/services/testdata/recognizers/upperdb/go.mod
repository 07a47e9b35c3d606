module example.com/upperdb

go 1.22

require github.com/upper/db/v4 v4.0.0
