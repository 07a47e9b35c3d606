// Package oauth stands in for stripe-go's Connect OAuth helpers.
package oauth

func AuthorizeURL(params any) string { return "https://connect.stripe.com/oauth/authorize" }
