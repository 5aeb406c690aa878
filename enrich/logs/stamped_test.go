package logs

import "testing"

// A program's own header of time and level under journald's (nginx's
// error log, php-fpm's) is read as the line's: left in the content,
// nginx's "[error]" was no error and the templates opened with the
// program's time ("[<*> <*>] ERROR: FPM initialization failed").
func TestStampedHeaderUnderSyslog(t *testing.T) {
	for _, c := range []struct{ line, level, content string }{
		{`2024-03-14T10:01:00+0000 web01 nginx[1200]: 2024/03/14 10:01:00 [error] 1201#1201: *55 connect() to unix:/run/php/php8.2-fpm.sock failed (111: Connection refused) while connecting to upstream`, "ERROR",
			"connect() to unix:/run/php/php8.2-fpm.sock failed (111: Connection refused) while connecting to upstream"},
		{`2024-03-14T10:00:00+0000 web01 php-fpm8.2[2211]: [14-Mar-2024 10:00:00] ERROR: FPM initialization failed`, "ERROR", "FPM initialization failed"},
		{`Mar 14 10:00:00 web01 backup[77]: 2024-03-14 10:00:00 started nightly run`, "", "2024-03-14 10:00:00 started nightly run"},
		{`Mar 14 10:00:00 web01 app[78]: [job 12] error reading queue`, "", "[job 12] error reading queue"},
	} {
		h, content := SplitHeader(c.line)
		if h.Level != c.level || content != c.content {
			t.Errorf("%q: level %q content %q, want %q %q", c.line, h.Level, content, c.level, c.content)
		}
	}
}
