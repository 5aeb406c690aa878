package logs

import "testing"

// A Java stack trace in a container's log file (CRI, as under
// /var/log/pods) has the runtime's time on every line: each frame had a
// time of its own and was an entry and a template, and an error with its
// trace was seven entries, most of them frames.
func TestStackTraceInContainerLogIsOneEntry(t *testing.T) {
	s := Summarize([]string{
		"2026-11-30T09:00:00.100000000Z stdout F 2026-11-30 09:00:00.100  INFO 1 --- [main] c.s.Application : Started Application in 4.2 seconds",
		"2026-11-30T09:01:00.100000000Z stdout F 2026-11-30 09:01:00.100 ERROR 1 --- [nio-8080-exec-3] c.s.OrderController : Request failed",
		"2026-11-30T09:01:00.100000000Z stdout F java.lang.NullPointerException: Cannot invoke \"com.shop.User.getId()\" because \"user\" is null",
		"2026-11-30T09:01:00.100000000Z stdout F \tat com.shop.OrderController.place(OrderController.java:42)",
		"2026-11-30T09:01:00.100000000Z stdout F \tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
		"2026-11-30T09:01:00.100000000Z stdout F Caused by: java.lang.IllegalStateException: session expired",
		"2026-11-30T09:01:00.100000000Z stdout F \t... 12 more",
		`{"log":"\tat com.shop.OrderController.place(OrderController.java:42)\n","stream":"stderr","time":"2026-11-30T09:01:00.2Z"}`,
		"2026-11-30T09:02:00.100000000Z stdout F 2026-11-30 09:02:00.100  WARN 1 --- [nio-8080-exec-4] c.s.OrderController : Slow order placement: 2300 ms",
	}, nil)
	if s.Entries != 3 || len(s.Templates) != 3 {
		t.Errorf("%d entries, %d templates %+v, want 3 of each: the start, the error with its trace, the warning", s.Entries, len(s.Templates), s.Templates)
	}
	if s.ErrorShare < 0.66 || s.ErrorShare > 0.67 {
		t.Errorf("error share %.3f, want 2 of 3", s.ErrorShare)
	}
}
