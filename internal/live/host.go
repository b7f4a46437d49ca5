package live

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// hostCheck is the Host check, against DNS rebinding: a page on a name
// that its owner points at 127.0.0.1 after it has loaded is, to the
// browser, of the same origin as the dev server, and could read the
// preview (drafts too) and the error stream, which names files. Such a
// request carries the attacker's name in its Host header, so the server
// answers only to names that cannot be rebound: localhost and IP
// addresses, and of these only the ones that reach it.
type hostCheck struct {
	port string     // the port the server listens on; "" answers to nothing
	ip   netip.Addr // the address it listens on; unspecified is every address of the machine
}

func newHostCheck(addr net.Addr) hostCheck {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return hostCheck{} // not a TCP address: no Host header names it
	}
	return hostCheck{port: strconv.Itoa(int(ap.Port())), ip: ap.Addr().Unmap()}
}

// allows tells whether a request's Host names this server: localhost, a
// loopback address or the address the server listens on, with its port.
// On 0.0.0.0 or :: the server is reachable at every address of the
// machine, so any IP address is allowed then, but still no other name.
func (h hostCheck) allows(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil { // no port: a browser leaves out :80
		name, port = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), "80"
	}
	if h.port == "" || port != h.port {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return true // browsers resolve localhost themselves, never through DNS
	}
	ip, err := netip.ParseAddr(name)
	if err != nil {
		return false // any other name is what DNS rebinding uses
	}
	ip = ip.Unmap()
	return ip.IsLoopback() || ip == h.ip || h.ip.IsUnspecified()
}

// use is the address to tell a refused request to use instead.
func (h hostCheck) use() string {
	if !h.ip.IsValid() || h.ip.IsUnspecified() {
		return net.JoinHostPort("localhost", h.port)
	}
	return net.JoinHostPort(h.ip.String(), h.port)
}

// guard answers requests whose Host is not this server's with 421
// Misdirected Request, saying why and where to go, and passes the others
// to next.
func (h hostCheck) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.allows(r.Host) {
			// The refused Host is not echoed: the body is for a person
			// who mistyped the address, and a rebinding page can read it.
			http.Error(w, "seutu serve answers only to its own address (localhost, a loopback address or the one it listens on): "+
				"a page under another name could read the preview (DNS rebinding). Open http://"+h.use()+"/ instead.",
				http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}
