module github.com/XSAM/otelsql

go 1.22
