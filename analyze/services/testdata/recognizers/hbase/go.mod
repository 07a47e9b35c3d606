module example.com/hbase

go 1.22

require github.com/tsuna/gohbase v1.0.0
