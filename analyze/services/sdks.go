package services

import (
	"go/types"
	"slices"
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
	// constructors, accessors and local checks (a webhook's signature)
	// send none.
	sends func(rel, recv, name string) bool
	// elsewhere reports whether a call may point the library's clients
	// at another host (slack.OptionAPIURL, a Stripe backend, svix's
	// ServerUrl option, sendgrid's Twilio client): where the service
	// makes one, which host its requests go to is not known.
	elsewhere func(rel, recv, name string, args []ssa.Value) bool
}

// setsField reports whether the code stores a field of the struct v
// points to (ServerUrl: &u in its literal, or opts.ServerUrl = u), or
// whether v is a struct archie cannot follow to where it is built.
func setsField(v ssa.Value, field string) bool {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return false
	}
	st := structOf(v.Type())
	if st == nil {
		return true
	}
	i := fieldIndex(st, field)
	if i < 0 {
		return false
	}
	if _, built := v.(*ssa.Alloc); !built {
		return true // handed in: its fields are set elsewhere, maybe
	}
	return len(storedAt(v, i)) > 0
}

var sdks = []sdk{
	{module: "github.com/stripe/stripe-go", url: "https://api.stripe.com", name: "Stripe", sends: func(rel, recv, name string) bool {
		if strings.HasSuffix(recv, "Iter") || strings.HasSuffix(recv, "Error") || strings.Contains(recv, "OAuth") {
			return false // a list's iterator, an error's accessors; OAuth is connect.stripe.com's
		}
		switch rel {
		case "":
			// The root holds parameter helpers (stripe.String) and
			// types; since v82 its client's V1…Service methods send.
			return strings.HasSuffix(recv, "Service")
		case "webhook", "form", "client", "stripetest", "oauth":
			return false // local signature checks, encoding, a constructor, another host
		}
		// A resource's package: paymentintent.New, its Client's methods.
		return true
	}, elsewhere: func(rel, recv, name string, args []ssa.Value) bool {
		// A backend configured with a URL of its own (a mock, a proxy).
		return rel == "" && recv == "" && (strings.HasPrefix(name, "GetBackendWithConfig") || name == "NewBackendsWithConfig") && len(args) > 0 && setsField(args[len(args)-1], "URL")
	}},
	{module: "github.com/sendgrid/sendgrid-go", url: "https://api.sendgrid.com", name: "SendGrid", sends: func(rel, recv, name string) bool {
		// API and MakeRequest send to the host the request names.
		return rel == "" && recv == "Client" && (name == "Send" || name == "SendWithContext")
	}, elsewhere: func(rel, recv, name string, args []ssa.Value) bool {
		return rel == "" && recv == "" && strings.Contains(name, "Twilio") // email.twilio.com
	}},
	{module: "github.com/slack-go/slack", url: "https://slack.com/api", name: "Slack", sends: func(rel, recv, name string) bool {
		return rel == "" && recv == "Client" && !strings.HasPrefix(name, "Debug")
	}, elsewhere: func(rel, recv, name string, args []ssa.Value) bool {
		return rel == "" && recv == "" && name == "OptionAPIURL"
	}},
	{module: "github.com/svix/svix-webhooks/go", url: "https://api.svix.com", name: "Svix", sends: func(rel, recv, name string) bool {
		// svix.New(token, nil).Message.Create(…): each resource's
		// methods; a Webhook only verifies a signature.
		return rel == "" && recv != "" && recv != "Webhook" && recv != "Svix" && !strings.HasSuffix(recv, "Error") && !strings.HasSuffix(recv, "Options")
	}, elsewhere: func(rel, recv, name string, args []ssa.Value) bool {
		// Options with a server URL: a Svix server of its own, maybe.
		return rel == "" && recv == "" && name == "New" && len(args) > 1 && setsField(args[1], "ServerUrl")
	}},
}

// sdkCall records a call of a client library of a service on the
// internet that sends a request: a call to the host the library names.
func (x *extractor) sdkCall(f *facts, fn *ssa.Function, c *ssa.CallCommon, ev Evidence) bool {
	callee := c.StaticCallee()
	if callee == nil || fn.Synthetic != "" {
		return false // a wrapper the compiler makes runs what it wraps
	}
	pkg := funcPkg(callee)
	if pkg == nil {
		return false
	}
	path := normPath(pkg.Path())
	if s := sdkOf(path); s != nil {
		if p := funcPkg(fn); p != nil && sdkOf(normPath(p.Path())) != nil {
			return false // the library's own calls: the service's call into it is the one
		}
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
		if s.elsewhere(rel, recv, name, c.Args) {
			if f.sdkElsewhere == nil {
				f.sdkElsewhere = make(map[string]bool)
			}
			f.sdkElsewhere[s.module] = true
			return false
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
		f.calls = append(f.calls, &call{protocol: "http", targets: []value{{text: s.url, lit: true, fixed: true}}, ev: ev, fn: fn, sdk: s.module})
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

// dropElsewhere removes the calls through client libraries that the
// service may point at another host (sdk.elsewhere): where they go is
// not known.
func dropElsewhere(f *facts) {
	if len(f.sdkElsewhere) == 0 {
		return
	}
	f.calls = slices.DeleteFunc(f.calls, func(c *call) bool { return c.sdk != "" && f.sdkElsewhere[c.sdk] })
}
