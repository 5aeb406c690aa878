package lang

import (
	"strings"
	"testing"
)

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
	for n, want := range map[int]string{1: "一", 10: "十", 17: "十七", 20: "二十", 105: "一百零五", 110: "一百一十", 999: "九百九十九",
		1000: "一千", 1005: "一千零五", 1010: "一千零一十", 1032: "一千零三十二", 1165: "一千一百六十五", 1200: "一千二百", 1260: "一千二百六十",
		0: "", 10000: ""} {
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

// Every financial numeral, in both scripts, reads as its everyday form:
// 參 (3, folded to 参, not to 叁) was not read at all.
func TestChineseFinancialNumerals(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"零", 0}, {"〇", 0}, {"壹", 1}, {"贰", 2}, {"貳", 2}, {"两", 2}, {"兩", 2},
		{"叁", 3}, {"叄", 3}, {"参", 3}, {"參", 3}, {"弎", 3}, {"肆", 4}, {"伍", 5},
		{"陆", 6}, {"陸", 6}, {"柒", 7}, {"捌", 8}, {"玖", 9},
		{"拾", 10}, {"壹佰", 100}, {"壹仟", 1000}, {"壹万", 10000}, {"壹萬", 10000}, {"壹亿", 100000000}, {"壹億", 100000000},
		{"參佰萬", 3000000}, {"参佰万", 3000000}, {"叄佰萬", 3000000}, {"叁佰万", 3000000}, {"弎佰萬", 3000000},
		{"壹仟貳佰參拾肆萬伍仟陸佰柒拾捌", 12345678}, {"壹仟贰佰叁拾肆万伍仟陆佰柒拾捌", 12345678},
		{"玖億捌仟萬零柒佰", 980000700}, {"兩萬〇伍佰", 20500}, {"壹拾", 10},
	} {
		if got, ok := ChineseNumber(c.in); !ok || got != c.want {
			t.Errorf("%s = %d (%v), want %d", c.in, got, ok, c.want)
		}
	}
	// Numerals lists exactly what ChineseNumber reads
	for _, r := range Numerals {
		if _, ok := ChineseNumber(string(r)); !ok {
			t.Errorf("Numerals holds %c, which ChineseNumber does not read", r)
		}
	}
	for r := range zhDigits {
		if !strings.ContainsRune(Numerals, r) {
			t.Errorf("Numerals lacks the digit %c", r)
		}
	}
	for r := range zhUnits {
		if !strings.ContainsRune(Numerals, r) {
			t.Errorf("Numerals lacks the unit %c", r)
		}
	}
}
