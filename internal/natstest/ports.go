package natstest

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"testing"
)

// Ports returns n distinct loopback ports that were free a moment ago, for
// listeners that must be named before their servers start (cluster routes
// name every node). They are drawn from below the kernel's ephemeral range:
// a port taken from that range with ":0" and released can be handed out
// again to any outgoing connection, such as a route dialling a node that is
// not up yet, and the node's listener then fails to bind. That happened in
// CI ("nats-1 not ready").
func Ports(t testing.TB, n int) []int {
	t.Helper()
	lo := ephemeralLow()
	seen := map[int]bool{}
	var ports []int
	for tries := 0; len(ports) < n; tries++ {
		if tries > 1000 {
			t.Fatalf("no %d free ports below %d", n, lo)
		}
		p := 10000 + rand.IntN(lo-10000)
		if seen[p] {
			continue
		}
		seen[p] = true
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err != nil {
			continue
		}
		l.Close()
		ports = append(ports, p)
	}
	return ports
}

// Port is Ports(t, 1)[0].
func Port(t testing.TB) int {
	t.Helper()
	return Ports(t, 1)[0]
}

// ephemeralLow is the first port of Linux's ephemeral range, or the
// IANA one's where /proc does not say.
func ephemeralLow() int {
	lo, hi := 49152, 0
	if b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range"); err == nil {
		fmt.Sscan(string(b), &lo, &hi)
	}
	if lo <= 11000 {
		lo = 49152 // a range opened wide leaves no safe ports: fall back and hope
	}
	return lo
}
