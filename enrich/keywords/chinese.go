package keywords

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
	"github.com/go-ego/gse"
)

// zhIDF is the background inverse document frequency of Chinese words: the
// IDF table that ships with gse (jieba's, Apache-2.0/MIT), loaded once.
type zhIDF struct {
	idf map[string]float64
	max float64 // for words the table does not know
	med float64
}

var (
	zhIDFOnce sync.Once
	zhTable   *zhIDF
)

func chineseIDF() *zhIDF {
	zhIDFOnce.Do(func() {
		t := &zhIDF{idf: make(map[string]float64, 360000)}
		var sum float64
		for line := range strings.SplitSeq(gse.ZhIdf, "\n") {
			w, v, ok := strings.Cut(strings.TrimSpace(line), " ")
			if !ok {
				continue
			}
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			t.idf[w] = f
			sum += f
			t.max = math.Max(t.max, f)
		}
		if len(t.idf) > 0 {
			t.med = sum / float64(len(t.idf))
		}
		zhTable = t
	})
	return zhTable
}

// of returns the IDF of a word; unknown words get the table's maximum,
// like jieba does for out-of-vocabulary words.
func (t *zhIDF) of(w string) float64 {
	if v, ok := t.idf[w]; ok {
		return v
	}
	if t.max == 0 {
		return 1
	}
	return t.max
}

// zhStop are Chinese function words and the generic verbs and nouns of
// abstracts that are never key phrases.
var zhStop = setOf(`的 了 和 与 及 或 是 在 对 为 以 于 由 从 把 被 将 并 而 且 其 之 中 上 下 等 个 这 那 该 此 各 每 本 也 都 就 又 还 但 如 若 所 可 能 会 要 应 有 无 不 没 很 更 最 一 二 三 已 并且 以及 以上 以下 之间 之后 之前 通过 进行 采用 利用 使用 基于 根据 提出 提供 表明 本文 文章 论文 我们 作者 一种 一些 一定 同时 不同 相关 具有 得到 实现 存在 发现 认为 进一步 目前 随着 针对 对于 关于 其中 以此 因此 所以 从而 然后 然而 此外 以便 可以 能够 需要 包括 作为 成为 具体 有效 有关 较好 较高 良好 显著 明显 大量 多种 各种 已经 开始 提高 降低 增加 减少 探讨 讨论 介绍 总结 阐述 论述 说明 指出 给出 建立 构建 解决 选择 确定 比较 结合 运用 以期 旨在 为了 并对 并以 进而 以往 近年来 近年 当前 现有 ` +
	// minutes' boilerplate (下次会议时间另行通知, 上次会议决议): no subject
	`上次 下次 另行通知`)

// zhLegalStop are the words every Chinese contract repeats that name
// nothing it is about: its parties' roles and "hereinafter" (简称).
var zhLegalStop = setOf(`甲方 乙方 丙方 双方 一方 对方 各方 甲乙双方 简称 以下简称 本合同 本协议 本合约 本契约 ` +
	// what a law or regulation calls itself and its parts (本法第二条第一款所称)
	`本法 本条例 本办法 本细则 本规定 本条 本款 本章 所称 ` +
	// what a company's procedure, policy or notice calls itself, and the
	// heading over whom it applies to: 本规程 and 适用范围 were a
	// confined-space procedure's key phrases
	`本规程 本制度 本政策 本流程 本标准 本手册 本指引 本指南 本须知 本通知 本公告 本纪要 适用范围 ` +
	// a contract's recitals (鉴于甲乙双方拟就), its signature block and its
	// parties' fields: they say who signs, not what is agreed
	`鉴于 依据 依照 按照 如下 盖章 签字 签章 签名 签署 授权代表 法定代表人 地址 住所 电话 传真 ` +
	// the modal verbs every duty is written with, which merged into
	// phrases (处理个人信息应当, 个人信息应当遵循 of a law's articles)
	`应当 必须 不得 可以 方可 ` +
	// when a rule applies and to whom (自发布之日起施行, 本规定适用于全体员工)
	`之日起 适用于 ` +
	// a law's parts by their titles (第一章 总则, 第八章 附则) and an
	// excerpt's marker: where a text stands, not what it is about
	`总则 分则 附则 节选 摘录`)

// zhPartRe is a numbered part of a law or a contract (第二条, 第一款, and
// the 十五条 of 第五十五条, which the segmenter parts): a citation, which
// the entities hold, never a key phrase nor a piece of one.
var zhPartRe = regexp.MustCompile(`^第?[0-9０-９零〇一二两三四五六七八九十百千]+[条款项章节编條項節編]$`)

// zhAmountTok is an amount written with its currency's code and no space
// (RMB30,000, HKD35000), which the segmenter cuts at the comma: "RMB30"
// was a contract's key phrase.
var zhAmountTok = regexp.MustCompile(`^(?i:rmb|cny|usd|hkd|twd|mop|eur|gbp|jpy)\d[\d,.]*$`)

// zhLegalGeneric are what a contract, a rule or a notice calls itself
// and its parts: a key phrase may end in them (劳动合同, 保密管理办法),
// none is one alone (通知 was a notice's key phrase as "Agreement" would
// be a contract's).
var zhLegalGeneric = setOf(`合同 协议 合约 契约 条款 约定 办法 通知 通告 公告`)

// zhGeneric are nouns too generic to be a key phrase alone that still head
// longer ones ("推荐系统", "风险评价").
var zhGeneric = setOf(`研究 分析 方法 结果 问题 过程 情况 方面 因素 影响 作用 基础 条件 特点 内容 部分 领域 技术 系统 模型 理论 实验 数据 试验 体系 意义 价值 发展 工作 效果 水平 能力 设计 应用研究`)

// zhVerbs are the verbs a notice or a contract orders with, before their
// object (加强员工保密意识, 履行竞业限制义务, 追究法律责任): glued to the
// object's first word they made fragments (加强员工, 履行竞业限制) the
// key phrases of a notice. Such a verb opens no key phrase; it may end
// one, where it is a noun (合同履行). Words that are as often nouns
// (管理, 保护) are left out. 规范 is a noun at a phrase's end (安全规范),
// but a verb where it opens one (规范员工离职交接, 规范离职手续): such a
// notice's key phrase hid its topic, 离职, behind the verb. 办理 (办理交接
// 手续) was a rule's key phrase alone. 印发 is what a notice does to the
// rules it issues (关于印发…的通知), and was such a notice's key phrase.
// 点击 (点击钓鱼邮件), 协商 (协商解决) and 提供 (提供数据平台运维服务)
// were a notice's and a contract's key phrases alone or glued to the
// first word of their object (提供数据). 汇报 and 通报 are what minutes
// record someone doing (张伟汇报了…), tagged nz by the segmenter, and 汇报
// was a key phrase of minutes about a product launch.
var zhVerbs = setOf(`点击 协商 提供 印发 规范 办理 加强 履行 开展 追究 遵守 督促 落实 做好 推进 违反 泄露 签订 承担 确保 严格执行 切实 认真 积极 及时 依法 按照 依照 遵照 汇报 通报`)

// zhDutyVerbs say who answers for a task (人力资源部负责核查, 负责解释):
// never a noun (负责人 is a word of its own), glued to the department
// before them they made 人力资源部负责 a rule's key phrase, so they are no
// word of one.
var zhDutyVerbs = setOf(`负责`)

// zhVerbWord reports a word of zhVerbs, or one with a function word glued
// on (追究其 of 追究其法律责任, one word of the segmenter's dictionary), or
// a four-character set phrase that one of two characters opens (遵照执行,
// 依法追究, 认真落实: one word each in the dictionary, and a notice's key
// phrases).
func zhVerbWord(w string) bool {
	if zhVerbs[w] || zhNegatedVerb(w) {
		return true
	}
	for i := range w {
		if i > 0 && zhVerbs[w[:i]] && (zhStop[w[i:]] || zhSetPhrase(w[:i], w[i:])) {
			return true
		}
	}
	return false
}

// zhNegatedVerb reports a verb of zhVerbs after a negation, one word of
// the segmenter's dictionary (未办理 of 未办理培训登记的员工): a notice's
// key phrase, as the verb alone was.
func zhNegatedVerb(w string) bool {
	for _, neg := range []string{"未", "不", "无需"} {
		if rest, ok := strings.CutPrefix(w, neg); ok && zhVerbs[rest] {
			return true
		}
	}
	return false
}

// zhSetPhrase reports whether verb and rest, both of two characters, make
// a four-character set phrase.
func zhSetPhrase(verb, rest string) bool {
	return utf8.RuneCountInString(verb) == 2 && utf8.RuneCountInString(rest) == 2 && isHanWord(rest)
}

// zhTok is a Chinese-document token.
type zhTok struct {
	text       string
	start, end int
	content    bool // may be part of a key phrase
	edge       bool // may start or end a key phrase
	generic    bool // may not be a key phrase alone
	verb       bool // may not open a key phrase (zhVerbs)
}

func zhTokens(text string) []zhTok {
	words := lang.Words(text, lang.Chinese)
	out := make([]zhTok, 0, len(words))
	for _, w := range words {
		t := zhTok{text: w.Text, start: w.Start, end: w.End}
		n := utf8.RuneCountInString(w.Text)
		folded, _ := lang.Simplified(w.Text) // 簡稱 is 简称
		switch {
		case zhStop[folded] || zhLegalStop[folded] || zhDutyVerbs[folded] || isNumeric(w.Text) || zhNumeralWord(w.Text) || zhAmountWord(w.Text) || zhShareRe.MatchString(w.Text) || zhPartRe.MatchString(w.Text) || zhAmountTok.MatchString(w.Text) ||
			enStop[strings.ToLower(w.Text)]:
		case zhRoleCut(text, w.Text, w.End):
			// 指甲 of 是指/甲方 cut 是/指甲/方: no word of the text
		case isHanWord(w.Text) && zhPronoun(folded):
			// 各区 of 各区县 (各区/县), 其他: whom or which, never what about
		case isHanWord(w.Text) && zhModalAdverb(folded):
			// 应立即, 须及时: how a duty is done, never what about
		case isHanWord(w.Text) && (zhSplitFragment(folded) || zhConjunctionGlued(folded)):
			// 方以 of 指甲/方以 (甲方以…), 自本 of 自本协议, 可识 of
			// 可识别: no word, so none of a phrase either
		case isHanWord(w.Text):
			t.content = true
			t.edge = n >= 2
			t.generic = zhGeneric[folded] || zhLegalGeneric[folded]
			t.verb = zhVerbWord(folded)
		default: // Latin words and acronyms inside Chinese text ("Lyapunov", "SOS")
			t.content = n >= 2
			t.edge = t.content
		}
		out = append(out, t)
	}
	return out
}

// zhRoleCut reports whether word, which ends at end of text, took the
// first character of a party's role (甲方, 乙方) that follows it: "是指甲方"
// is cut 是/指甲/方, and 指甲 (a fingernail) was an NDA's key phrase.
func zhRoleCut(text, word string, end int) bool {
	r, _ := utf8.DecodeLastRuneInString(word)
	return utf8.RuneCountInString(word) >= 2 && strings.ContainsRune("甲乙丙丁", r) && strings.HasPrefix(text[end:], "方")
}

// zhFunctionChars are the characters that stand alone as function words
// (以 of 以任何形式, 本 of 本协议, 可 of 可识别, 现 of 现印发): the segmenter,
// cutting a run it cannot read, pairs them with a neighbour's character
// (现印 of 现印发给你们, a notice's key phrase).
const zhFunctionChars = "的了和与及或是在对为以于由从自向把被将并而且其之等个这那该此各每本也都就又还但如若所可要应有无不没很更最已现"

// zhSplitFragment reports whether a two-character word is a segmenter's
// wrong cut across a word boundary: a function character and the edge of
// the next or previous word (方以 of 甲方以任何形式, cut 指甲/方以; 自本 of
// 自本协议签订之日起; 可识 of 可识别的, cut 可识/别的), which the
// dictionary does not hold as a word (gse keeps a word's prefixes with
// frequency 0). Such fragments were key phrases of contracts and laws.
func zhSplitFragment(w string) bool {
	r := []rune(w)
	if len(r) != 2 || !strings.ContainsRune(zhFunctionChars, r[0]) && !strings.ContainsRune(zhFunctionChars, r[1]) {
		return false
	}
	seg := lang.Segmenter()
	if seg == nil {
		return false
	}
	freq, _, ok := seg.Find(w)
	return !ok || freq <= 0
}

// zhConjunctionGlued reports whether a word of three or more characters
// is a conjunction glued to the word after it: the segmenter's dictionary
// holds such runs as people's names (和竞业, tagged nr, of
// 保密义务和竞业限制义务, cut 和竞业/限制), and 和竞业 was a rule's key
// phrase. 与, 及 and 或 open no surname, and 和 seldom does. The
// dictionary holds a demonstrative glued to a noun too (该软件, of a
// licence's 使用该软件, beside 软件): 该 opens no term.
func zhConjunctionGlued(w string) bool {
	r := []rune(w)
	if len(r) < 3 || !strings.ContainsRune("和与及或该", r[0]) {
		return false
	}
	seg := lang.Segmenter()
	if seg == nil {
		return false
	}
	if r[0] == '该' {
		freq, _, ok := seg.Find(string(r[1:]))
		return ok && freq > 0
	}
	_, pos, ok := seg.Find(w)
	return ok && pos == "nr"
}

// zhModals open a duty (应立即整改, 须及时上报); the segmenter's dictionary
// glues one to the adverb after it (应立即, one word).
const zhModals = "应须需要必"

// zhAdverb reports a word the segmenter's dictionary tags as an adverb (d,
// ad: 立即, 认真).
func zhAdverb(w string) bool {
	seg := lang.Segmenter()
	if seg == nil {
		return false
	}
	_, pos, ok := seg.Find(w)
	return ok && (pos == "d" || pos == "ad")
}

// zhModalAdverb reports an adverb after a modal character, one word of
// the segmenter's dictionary (应立即, tagged an idiom): a notice's 应立即
// was its key phrase. It is no word of one.
func zhModalAdverb(w string) bool {
	r := []rune(w)
	return len(r) >= 3 && strings.ContainsRune(zhModals, r[0]) && zhAdverb(string(r[1:]))
}

// zhPlainVerb reports a word the segmenter's dictionary tags as a verb
// only (v: 安排, 完成, 牵头), not a verbal noun (vn: 检查, 核查).
// zhPronoun reports a word the segmenter tags as a pronoun (各区, 其他,
// 本人): it says whom or which, and 各区 (各区/县 of 各区县应急管理局) was
// a key phrase of a notice on hazardous chemicals.
func zhPronoun(w string) bool {
	seg := lang.Segmenter()
	if seg == nil {
		return false
	}
	_, pos, ok := seg.Find(w)
	return ok && pos == "r"
}

func zhPlainVerb(w string) bool {
	seg := lang.Segmenter()
	if seg == nil {
		return false
	}
	_, pos, ok := seg.Find(w)
	return ok && pos == "v"
}

// zhNumeralChars are Chinese numerals (everyday and financial) and the
// date and time words that follow them.
const zhNumeralChars = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟贰參叁陸億萬年月日号時时分秒起止至内內前后後"

// zhNumeralWord reports whether a short word is a number or a piece of a
// date ("伍拾", "一日", "日起" of "自签订之日起"): no key phrase.
func zhNumeralWord(s string) bool {
	n := 0
	for _, r := range s {
		if !strings.ContainsRune(zhNumeralChars, r) {
			return false
		}
		n++
	}
	return n > 0 && n <= 4
}

// zhShareRe is a share written in words (百分之三十, 千分之五, and
// 百分之四点 of 百分之四点五, which the segmenter cuts there): a rate, no
// key phrase nor a piece of one.
var zhShareRe = regexp.MustCompile(`^[百千万]分之`)

// zhAmountUnit ends an amount written in Chinese numerals (五十万元,
// 仟元整 of 贰万伍仟元整, which the segmenter cuts there).
var zhAmountUnit = regexp.MustCompile(`(?:元整|圆整|元|圆|整)$`)

// zhAmountWord reports whether a word is an amount in Chinese numerals or
// a piece of one, with its unit: the entities hold amounts, and as key
// phrases 五万元 and 仟元整 were facet values of a regulation and a
// labour contract.
func zhAmountWord(s string) bool {
	n := zhAmountUnit.ReplaceAllString(s, "")
	if n == s || n == "" {
		return false
	}
	// a digit and 元 alone name other things too (四元 of 四元数, a
	// quaternion): an amount has a magnitude (五万元) or ends 整
	if !strings.HasSuffix(s, "整") && !strings.ContainsAny(n, "十百千万亿拾佰仟萬億") {
		return false
	}
	for _, r := range n {
		if !strings.ContainsRune(zhNumeralChars, r) {
			return false
		}
	}
	return true
}

func isHanWord(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// zhParams weigh the Chinese features; fixed on the non-test part of
// csl_zh_keywords (train and dev splits of the shared split rule; Domain on
// dev alone, since the domain table is built from train).
var zhParams = zhParamSet{MaxWords: 3, Position: 2, MergePenalty: 0.8, LengthChars: 0.05, MinMergeTF: 2, SingleCharIDF: 2, Domain: 0.6}

// zhParamSet are the Chinese extractor's weights.
type zhParamSet struct {
	MaxWords      int
	Position      float64 // weight of the early-occurrence prior
	MergePenalty  float64 // multiplier of a merged phrase's IDF sum per extra word
	LengthChars   float64 // bonus per character beyond two, capped
	MinMergeTF    int     // a merge must occur this often (or be in the first sentence)
	SingleCharIDF float64 // IDF credited to a one-character word inside a merge
	Domain        float64 // exponent of the domain (CSL train) IDF factor
}

// chineseCandidates builds words and merges of adjacent words (no
// punctuation or space between) and scores them by frequency, background
// IDF, position and length.
func chineseCandidates(text string) []Candidate { return chineseScored(text, zhParams) }

// chineseCandidatesRaw returns the candidates without the domain factor.
func chineseCandidatesRaw(text string) []Candidate {
	p := zhParams
	p.Domain = 0
	return chineseScored(text, p)
}

func chineseScored(text string, p zhParamSet) []Candidate {
	toks := zhTokens(text)
	idf := chineseIDF()
	type acc struct {
		c   Candidate
		idf float64
		// sents counts the distinct sentences it occurs in: occurrences
		// are met in token order, along which sentence numbers never
		// decrease, so a count and the last one seen stand for a set (a
		// map each was a fifth of what 1 MiB of Chinese allocated here)
		sents, lastSent int
	}
	byKey := map[string]*acc{}
	var order []*acc
	sent := 0
	sentOf := make([]int, len(toks))
	for i := range toks {
		if i > 0 && strings.ContainsAny(text[toks[i-1].end:toks[i].start], "。！？；.!?;\n") {
			sent++
		}
		sentOf[i] = sent
	}
	nSent := sent + 1
	for i := range toks {
		if !toks[i].edge || toks[i].verb {
			continue
		}
		sumIDF := 0.0
		for n := 1; n <= p.MaxWords && i+n <= len(toks); n++ {
			k := i + n - 1
			if !toks[k].content || (n > 1 && toks[k-1].end != toks[k].start) {
				break
			}
			if utf8.RuneCountInString(toks[k].text) == 1 {
				sumIDF += p.SingleCharIDF
			} else {
				sumIDF += idf.of(toks[k].text)
			}
			if !toks[k].edge || (n == 1 && toks[k].generic) {
				continue
			}
			key := text[toks[i].start:toks[k].end]
			a := byKey[key]
			if a == nil {
				a = &acc{c: Candidate{Text: key, Key: key, Words: n, FirstPos: float64(i) / float64(len(toks))}}
				a.idf = sumIDF / (1 + p.MergePenalty*float64(n-1))
				byKey[key] = a
				order = append(order, a)
			}
			a.c.Spans = append(a.c.Spans, [2]int{toks[i].start, toks[k].end})
			if a.sents == 0 || sentOf[i] != a.lastSent {
				a.sents++
				a.lastSent = sentOf[i]
			}
		}
	}
	labels := zhFieldSpans(text)
	usedLabels := zhUsedParticularLabels(text)
	titles := zhTitleRe.FindAllStringSubmatchIndex(text, -1)
	out := make([]Candidate, 0, len(order))
	for _, a := range order {
		c := a.c
		if len(labels) > 0 && inLabels(c.Spans, labels) || usedLabels[c.Text] || len(titles) > 0 && titleTails(text, c.Spans, titles) {
			continue
		}
		c.Freq = len(c.Spans)
		c.Spread = float64(a.sents) / float64(nSent)
		c.IDF = a.idf
		if c.Words > 1 && c.Freq < p.MinMergeTF && c.FirstPos > 0.05 {
			continue
		}
		chars := float64(utf8.RuneCountInString(c.Text))
		c.Score = (1 + math.Log(float64(c.Freq))) * c.IDF * (1 + p.Position/(1+20*c.FirstPos)) *
			(1 + p.LengthChars*math.Min(chars-2, 6)) * zhDomain().weight(c.Key, p.Domain)
		out = append(out, c)
	}
	return out
}

// zhFieldLabelRe is a field's label at the start of a line, before its
// colon, as a contract heads its parties' and its own particulars
// (统一社会信用代码：, 甲方开户行：, 法定代表人（签字）：, 合同编号：): group 1 is
// the label.
var zhFieldLabelRe = regexp.MustCompile(`(?m)^[ \t　]*(?:[甲乙丙丁]方)?(\p{Han}{2,8})(?:[（(][^）)\n]{1,8}[)）])?[ \t　]*[：:]`)

// zhTitleRe is a title in book-title marks (《中华人民共和国劳动合同法》):
// group 1 is the title.
var zhTitleRe = regexp.MustCompile(`《([^》\n]{2,60})》`)

// zhStatePrefix is how a national law's title opens: what follows it is
// the law's own name (个人信息保护法).
const zhStatePrefix = "中华人民共和国"

// titleTails reports whether every span is the tail of a title in
// book-title marks (titles: zhTitleRe matches in text order) that starts
// inside a word of it: 合同法 of 《中华人民共和国劳动合同法》, cut 劳动/合同法,
// named another law and was a labour contract's key phrase. A span that
// starts the title, or starts right after 中华人民共和国, is the law's
// name and stays.
func titleTails(text string, spans [][2]int, titles [][]int) bool {
	j := 0
	for _, sp := range spans {
		for j < len(titles) && titles[j][3] < sp[1] {
			j++
		}
		if j == len(titles) || sp[1] != titles[j][3] || sp[0] <= titles[j][2] {
			return false
		}
		if head := text[titles[j][2]:sp[0]]; head == zhStatePrefix {
			return false
		}
	}
	return len(spans) > 0
}

// zhParticularLabels are the labels of a party's or a contract's
// particulars: what follows them is a number, a name, an address or a
// phone, which says who and where, not what the document is about.
// HT-2024-0318 of 合同编号, 张伟 of 法定代表人, and 浦东新区 and 张江路 of 地址
// were a contract's key phrases. A party's own name (甲方：…) is not among
// them: it is what a contract is between.
var zhParticularLabels = setOf(`合同编号 协议编号 合同号 编号 文号 发文字号 法定代表人 法人代表 负责人 ` +
	`委托代理人 代理人 联系人 经办人 地址 住所 住所地 注册地址 通讯地址 联系地址 办公地址 ` +
	`联系电话 电话 手机 手机号码 传真 邮编 邮政编码 电子邮箱 邮箱 开户行 开户银行 开户名称 开户名 户名 ` +
	`账号 银行账号 账户 统一社会信用代码 社会信用代码 身份证号 身份证号码 签订地点 签约地点 ` +
	// minutes' header: when and where they met (三楼会议室 was a key phrase)
	`会议时间 会议地点 开会时间 开会地点 时间 地点 ` +
	// and who chaired, attended and took them: the chair of 主持人：王建国
	// was a key phrase, as the English particulars' attendees were
	`主持人 会议主持 主持 参会人员 参会人 与会人员 出席人员 出席 列席人员 列席 缺席人员 缺席 请假人员 记录人 记录 会议记录人`)

// zhDocNumberRe is an official document number (沪采字〔2024〕第18号,
// 国办发〔2023〕12号): its letters (采字) were a key phrase of the
// contract and the notice that carried it.
var zhDocNumberRe = regexp.MustCompile(`\p{Han}{1,8}[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*第?\s*\d{1,5}\s*号`)

// zhFieldSpans are the parts of text that name a field rather than say
// anything (in text order, not overlapping): every field label at a
// line's start (group 1 of zhFieldLabelRe), the value of a particulars
// label up to the line's end, official document numbers and the issuer's
// sign-off at the end (zhSignOff).
func zhFieldSpans(text string) [][2]int {
	var spans [][2]int
	for _, m := range zhFieldLabelRe.FindAllStringSubmatchIndex(text, -1) {
		spans = append(spans, [2]int{m[2], m[3]})
		if zhParticularLabels[text[m[2]:m[3]]] {
			end := strings.IndexByte(text[m[1]:], '\n')
			if end < 0 {
				end = len(text) - m[1]
			}
			spans = append(spans, [2]int{m[1], m[1] + end})
		}
	}
	for _, m := range zhDocNumberRe.FindAllStringIndex(text, -1) {
		spans = append(spans, [2]int{m[0], m[1]})
	}
	if start := zhSignOff(text); start < len(text) {
		spans = append(spans, [2]int{start, len(text)})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	merged := spans[:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], sp[1])
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// zhUsedParticularLabels are the particulars' labels (zhParticularLabels)
// that text uses as a field's label at a line's start. Such a label is
// no key phrase even where the body uses it too: minutes open with
// 会议时间： and close with 下次会议时间另行通知, and 会议时间 was their key
// phrase, though it names a field, not a subject.
func zhUsedParticularLabels(text string) map[string]bool {
	used := map[string]bool{}
	for _, m := range zhFieldLabelRe.FindAllStringSubmatchIndex(text, -1) {
		if l := text[m[2]:m[3]]; zhParticularLabels[l] {
			used[l] = true
		}
	}
	return used
}

// zhSignOffLineRe is a line of a notice's or a letter's sign-off: its
// issuer (a company, a department, a bureau), its date, or 特此通知.
var zhSignOffLineRe = regexp.MustCompile(`^(?:[\p{Han}（）()]{2,40}(?:公司|集团|部|局|厅|署|委员会|办公室|中心|政府|院|处)|(?:\d{4}|[〇零○一二三四五六七八九十]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}[日号]|特此(?:通知|公告|通告|函告))[。.]?$`)

// zhSignOff is where the sign-off of a text begins, the lines at its end
// that zhSignOffLineRe matches (len(text) when none): a notice's issuer
// under it (北京华清科技有限公司, 人力资源部, 2024年5月6日). Its
// company's name (北京华清科技) was a key phrase of the notice though it
// says who wrote it, not what about; a name the text uses elsewhere is
// kept (inLabels).
func zhSignOff(text string) int {
	start := len(strings.TrimRight(text, " \t\r\n　"))
	for start > 0 {
		ls := strings.LastIndexByte(text[:start], '\n') + 1
		line := strings.Trim(text[ls:start], " \t\r　")
		if line != "" && !zhSignOffLineRe.MatchString(line) {
			break
		}
		if ls == 0 {
			return len(text) // all of it: no body to sign off
		}
		start = ls - 1
	}
	return start
}

// inLabels reports whether every span lies inside one of the field spans
// (both lists in text order; see zhFieldSpans): 社会信用代码, 法定代表人,
// 合同编号, 开户行 and 账号 said what a contract's fields are called, not
// what it is about, and were its key phrases. A term that occurs
// elsewhere too is kept.
func inLabels(spans [][2]int, labels [][2]int) bool {
	j := 0
	for _, sp := range spans {
		for j < len(labels) && labels[j][1] <= sp[0] {
			j++
		}
		if j == len(labels) || sp[0] < labels[j][0] || sp[1] > labels[j][1] {
			return false
		}
	}
	return len(spans) > 0
}

// TFIDF is the plain baseline: single words (English: non-stopword
// tokens; Chinese: gse words of two or more characters) ranked by term
// frequency times background IDF, with no position, phrase or length
// information.
func TFIDF(text, language string, top int) []document.Keyword {
	if top <= 0 {
		top = 10
	}
	tf := map[string]int{}
	var order []string
	var idf func(string) float64
	if isZH(language) {
		t := chineseIDF()
		idf = t.of
		for _, w := range zhTokens(text) {
			if w.edge && !w.generic {
				if tf[w.text] == 0 {
					order = append(order, w.text)
				}
				tf[w.text]++
			}
		}
	} else {
		lx := english()
		idf = func(w string) float64 { return lx.idf(Stem(w)) }
		for _, w := range SplitWords(strings.ToLower(text)) {
			if !enStop[w] && !isNumeric(w) && len(w) > 1 {
				if tf[w] == 0 {
					order = append(order, w)
				}
				tf[w]++
			}
		}
	}
	cands := make([]Candidate, 0, len(order))
	for _, w := range order {
		cands = append(cands, Candidate{Text: w, Key: w, Words: 1, Score: float64(tf[w]) * idf(w)})
	}
	return Top(cands, Options{Top: top, MaxNgram: 1, Language: language})
}
