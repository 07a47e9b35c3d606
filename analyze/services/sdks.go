package services

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A service's calls to a system on the internet often go through that
// system's own client library: paymentintent.New(params) is a request to
// Stripe's API, though no URL is in the service's code, and the library's
// HTTP requests are in a dependency, whose code archie does not read.
// Each such library sends to one host, which it names itself: its calls
// are calls to that host, as an http.Get of the URL would be.

// An sdk is the client library of a service on the internet.
type sdk struct {
	module string // its module path, without a major version
	url    string // the API's URL its requests go to
	name   string // the service's name, as evidence says it
	// sends reports whether a function of the library sends a request:
	// rel is its package below the module ("" for the root), recv its
	// receiver's type name ("" for a function). Parameter helpers,
	// constructors and local checks (a webhook's signature) send none.
	sends func(rel, recv, name string) bool
}

var sdks = []sdk{
	{module: "github.com/stripe/stripe-go", url: "https://api.stripe.com", name: "Stripe", sends: func(rel, recv, name string) bool {
		switch rel {
		case "":
			// The root holds parameter helpers (stripe.String) and
			// types; since v82 its client's V1…Service methods send.
			return strings.HasSuffix(recv, "Service")
		case "webhook", "form", "client", "stripetest":
			return false // local signature checks, encoding, a constructor
		}
		// A resource's package: paymentintent.New, its Client's methods,
		// its list iterator.
		return true
	}},
	{module: "github.com/sendgrid/sendgrid-go", url: "https://api.sendgrid.com", name: "SendGrid", sends: func(rel, recv, name string) bool {
		if rel != "" {
			return false // helpers/mail builds the message
		}
		if recv == "Client" {
			return name == "Send" || name == "SendWithContext"
		}
		return recv == "" && (strings.HasPrefix(name, "API") || strings.HasPrefix(name, "MakeRequest"))
	}},
	{module: "github.com/slack-go/slack", url: "https://slack.com/api", name: "Slack", sends: func(rel, recv, name string) bool {
		return rel == "" && recv == "Client" && !strings.HasPrefix(name, "Debug")
	}},
	{module: "github.com/svix/svix-webhooks/go", url: "https://api.svix.com", name: "Svix", sends: func(rel, recv, name string) bool {
		// svix.New(token, nil).Message.Create(…): each resource's
		// methods; a Webhook only verifies a signature.
		return rel == "" && recv != "" && recv != "Webhook" && recv != "Svix"
	}},
}

// sdkCall records a call of a client library of a service on the
// internet that sends a request: a call to the host the library names.
func (x *extractor) sdkCall(f *facts, fn *ssa.Function, c *ssa.CallCommon, ev Evidence) bool {
	callee := c.StaticCallee()
	if callee == nil || fn.Synthetic != "" {
		return false // a wrapper the compiler makes runs what it wraps
	}
	if p := funcPkg(fn); p != nil && sdkOf(normPath(p.Path())) != nil {
		return false // the library's own calls: the service's call into it is the one
	}
	pkg := funcPkg(callee)
	if pkg == nil {
		return false
	}
	path := normPath(pkg.Path())
	if s := sdkOf(path); s != nil {
		rel := strings.TrimPrefix(strings.TrimPrefix(path, s.module), "/")
		recv := ""
		if r := callee.Signature.Recv(); r != nil {
			t := r.Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok {
				recv = n.Obj().Name()
			}
		}
		name := callee.Name()
		if o := callee.Origin(); o != nil {
			name = o.Name()
		}
		if !s.sends(rel, recv, name) {
			return false
		}
		called := name
		if recv != "" {
			called = recv + "." + name
		} else if i := strings.LastIndexByte(path, '/'); i >= 0 {
			called = path[i+1:] + "." + name
		}
		ev.Detail = s.name + "'s API (" + called + ")"
		f.calls = append(f.calls, &call{protocol: "http", targets: []value{{text: s.url, lit: true, fixed: true}}, ev: ev, fn: fn})
		return true
	}
	return false
}

// sdkOf returns the client library a package (by normPath) is of, or nil.
func sdkOf(path string) *sdk {
	for i, s := range sdks {
		if rel, ok := strings.CutPrefix(path, s.module); ok && (rel == "" || rel[0] == '/') {
			return &sdks[i]
		}
	}
	return nil
}
