module github.com/glebarez/sqlite

go 1.22

require gorm.io/gorm v1.0.0
