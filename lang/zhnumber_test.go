package lang

import "testing"

func TestChineseNumber(t *testing.T) {
	for in, want := range map[string]int64{"三十万": 300000, "十": 10, "十五": 15, "一千零五": 1005, "壹万伍仟": 15000,
		"一亿二千万": 120000000, "两百": 200, "九千九百九十九": 9999, "一百零五": 105, "一百十": 110} {
		if got, ok := ChineseNumber(in); !ok || got != want {
			t.Errorf("%s = %d (%v), want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"二〇二三", "一一三", "三x"} {
		if n, ok := ChineseNumber(bad); ok {
			t.Errorf("%s read as %d", bad, n)
		}
	}
	for in, want := range map[string]int64{"二〇二四": 2024, "一一三": 113} {
		if got, ok := ChineseDigits(in); !ok || got != want {
			t.Errorf("digits %s = %d (%v), want %d", in, got, ok, want)
		}
	}
	if _, ok := ChineseDigits("二十"); ok {
		t.Error("二十 read digit by digit")
	}
}

func TestChineseNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 17: "十七", 20: "二十", 105: "一百零五", 110: "一百一十", 999: "九百九十九", 0: "", 1000: ""} {
		if got := ChineseNumeral(n); got != want {
			t.Errorf("ChineseNumeral(%d) = %s, want %s", n, got, want)
		}
		if want == "" {
			continue
		}
		if v, ok := ChineseNumber(want); !ok || v != int64(n) {
			t.Errorf("ChineseNumber(%s) = %d, want %d", want, v, n)
		}
	}
}
