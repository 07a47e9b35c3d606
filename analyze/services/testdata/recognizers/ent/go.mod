module example.com/ent

go 1.22

require (
	entgo.io/ent v0.12.0
	github.com/XSAM/otelsql v0.23.0
)
