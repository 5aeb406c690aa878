package logs

import "testing"

// zeekConn is a Zeek conn.log in its TSV format.
const zeekConn = "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2024-10-11-22-14-15\n" +
	"#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\n" +
	"#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\n" +
	"1728684855.123456\tC1\t10.0.0.5\t53000\t10.0.0.2\t53\tudp\tdns\t0.001\t40\t80\tSF\n" +
	"1728684856.223456\tC2\t10.0.0.5\t53001\t93.184.216.34\t443\ttcp\tssl\t1.5\t1000\t5000\tSF\n" +
	"1728684857.323456\tC3\t203.0.113.9\t4444\t10.0.0.8\t22\ttcp\t-\t-\t-\t-\tS0\n" +
	"#close\t2024-10-11-23-00-00\n"

// A Zeek log's directive lines describe its columns: they are no entries
// (they were 9 of 12), and the records' epoch times give the span.
func TestZeekDirectivesAreNoEntries(t *testing.T) {
	s := SummarizeText(zeekConn, nil, Budget{})
	if s.Entries != 3 {
		t.Errorf("entries %d, want the 3 connections", s.Entries)
	}
	if s.Start != "2024-10-11T22:14:15.123456Z" || s.End != "2024-10-11T22:14:17.323456Z" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
}
