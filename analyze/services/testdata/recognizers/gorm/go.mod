module example.com/gorm

go 1.22

require (
	gorm.io/gorm v1.0.0
	gorm.io/driver/postgres v1.0.0
	github.com/jinzhu/gorm v1.0.0
	github.com/glebarez/sqlite v1.0.0
)
