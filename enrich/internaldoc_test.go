package enrich

import (
	"context"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/stages/parse"
)

// An organisation's memos, notices, staff policies, procedures, minutes
// and resolutions bind no party that agreed to them; short ones, which
// unbound never reads, were contract/terms_of_service in both tiers (QA:
// a memo to all staff about a car park, a fire-alarm notice, an
// acceptable-use policy that mentions liability, a board resolution that
// approves a supply agreement).
func TestInternalPaperIsNoContract(t *testing.T) {
	for _, c := range []struct{ name, title, text string }{
		{"memo", "", "MEMO\n\nTo: All Staff\nFrom: Daniel Frost, Facilities Manager\nDate: 3 March 2025\nSubject: Car park resurfacing\n\n" +
			"The staff car park will be closed on Saturday 8 March while the surface is replaced. Any vehicle left there may be moved at the owner's expense. " +
			"The company will reimburse parking at the Riverside multi-storey on production of a receipt.\n"},
		{"memo without a title", "", "To: All Staff\nFrom: Finance Department\nRe: Year-end expense claims\n\n" +
			"All expense claims must be submitted by Friday 28 March. Claims received after that date will be paid in the new financial year.\n"},
		{"notice", "", "NOTICE\n\nFire alarm test\n\nThe weekly fire alarm test will take place every Wednesday at 10:00. Contractors and visitors must sign in at reception and follow the instructions of the fire marshals.\n\nFacilities Team\n"},
		{"HTML notice", "Notice: Office closure on 26 May", "Office closure – Bank Holiday Monday\n\nPlease note that all offices will be closed on Monday 26 May for the bank holiday. " +
			"Normal opening hours resume on Tuesday 27 May at 8:30.\n\nIf you need urgent IT help during the closure, call the out-of-hours line on 0161 555 0100.\n\nHR Team\n"},
		{"staff policy", "", "ACCEPTABLE USE POLICY\nNorthgate Logistics Ltd — Information Technology\n\n" +
			"This policy applies to all employees and contractors who use company IT resources. It protects the company from legal liability and damage to our reputation. " +
			"Users must not share passwords. Breaches may result in disciplinary action. The company may suspend access to systems while an investigation is carried out.\n"},
		{"board resolution", "", "BOARD RESOLUTION\n\nRESOLUTIONS OF THE BOARD OF DIRECTORS OF FENWICK ROBOTICS LIMITED\n\n" +
			"IT WAS RESOLVED THAT the company enter into a supply agreement with Lindqvist Components AB and that David Okoro be authorised to execute the agreement.\n\nSigned: ____________\n"},
		{"procedure", "", "STANDARD OPERATING PROCEDURE\nSOP-IT-014: Leaver access\n\nOn the last working day the Service Desk disables the account and revokes all sessions.\n"},
		{"expense claim form", "EXPENSE CLAIM FORM", "| EXPENSE CLAIM FORM\n\nEmployee name | John Carter\n\nDepartment | Finance\n\n" +
			"I certify that these expenses were incurred wholly for business purposes. The company may recover any amount claimed in error from my salary.\n"},
		{"HTML guidance for staff", "Home Working Guidance", "Home Working Guidance for Staff\n\nThis guidance is for colleagues who work from home for part of the week under our hybrid working arrangements. " +
			"Keep confidential papers out of sight and lock your laptop when you step away. The company will contribute £6 a week towards household costs.\n"},
		{"staff policy the reader agrees to", "", "IT Acceptable Use Policy\n\nApplies to: all employees, contractors and temporary staff of Fenwick Robotics Ltd\n\n" +
			"By logging on to any company computer you agree to comply with this policy. You must not install software that the IT Service Desk has not approved. " +
			"Breaches of this policy will be dealt with under the Disciplinary Procedure.\n"},
		{"leave request form", "", "Form HR-7 | Leave Request\n\nEmployee | ________\nFirst day of leave | ________\n\nI confirm that my line manager has approved these dates. Leave taken beyond the entitlement is unpaid.\n"},
	} {
		doc := &document.Parsed{Title: c.title, Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != "other" {
			t.Errorf("%s: %s, want other", c.name, got)
		}
	}
}

// A website's policies and notices are terms with its users, and an
// agreement or an insurance policy titled with those words binds: each
// stays a contract.
func TestInternalPaperKeepsTerms(t *testing.T) {
	for _, c := range []struct{ name, title, text string }{
		{"website acceptable use policy", "", "Acceptable Use Policy\n\nThis Acceptable Use Policy applies to everyone who uses the Cloudnest services. " +
			"By using the services you agree to this policy. Our staff may remove content that breaks it.\n"},
		{"privacy notice", "", "Privacy Notice\n\nHalfpenny Books Ltd collects your name and address when you order. We process your data to deliver your order. Our staff never sell it.\n"},
		{"returns policy", "", "Returns Policy\n\nOur staff will refund any item returned within 30 days in its original packaging. Sale items are non-refundable.\n"},
		{"insurance policy", "", "HOMESAFE CONTENTS INSURANCE\nPolicy Wording and Schedule\n\nPolicyholder: Mr J Evans\nWe will pay for loss or damage to your contents, including your employees' belongings.\n"},
		{"memorandum of understanding", "", "MEMORANDUM OF UNDERSTANDING\n\nbetween Greenways Youth Trust (\"Greenways\") and Riverside Food Bank (\"Riverside\").\n\nThe parties will share a van and staff on Saturdays.\n"},
		{"memo that is an agreement", "", "To: Acme Ltd\nFrom: Beta Ltd\nRe: Supply of widgets\n\nThis Agreement is made on 1 May 2025 between Acme Ltd and Beta Ltd. Beta shall supply 1,000 widgets a month.\n"},
		{"terms clause", "", "the company reserves the right to refuse any user access to the services without notice for any reason including but not limited to a violation of the terms.\n"},
		{"order form", "", "ORDER FORM\n\nThis Order Form is governed by the Master Subscription Agreement between Cloudnest Ltd and the Customer. The Customer shall pay the fees below.\n"},
		{"licence wrapped at 'form'", "", "This is free and unencumbered software released into the public domain.\n\nAnyone is free to copy, modify, publish, use, compile, sell, or\n" +
			"distribute this software, either in source code form or as a compiled\nbinary, for any purpose, commercial or non-commercial, and by any\nmeans.\n"},
		{"form of agreement", "", "EXHIBIT 10.1\nFORM OF DISTRIBUTION AGREEMENT\n\nThis Distribution Agreement is entered into between the Company and the Distributor.\n"},
		{"community guidelines", "Community Guidelines", "These Guidelines apply to every member of the Chirp community. By posting you agree to follow them; our staff may suspend accounts that break them.\n"},
	} {
		doc := &document.Parsed{Title: c.title, Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != "contract" {
			t.Errorf("%s: %s, want contract", c.name, got)
		}
	}
}

// An organisation's staff policy is written by the organisation: its "we"
// is the council, and the summary leaves it as written (it read "Social
// media helps the service talk to residents").
func TestInternalPaperSummaryKeepsWe(t *testing.T) {
	text := "SOCIAL MEDIA POLICY\n\nFernbrook District Council\n\n" +
		"Social media helps us talk to residents, but what our people post can affect the council's reputation. " +
		"This policy explains what we expect of staff when they use social media, both for work and in their own time.\n\n" +
		"Only officers approved by the Communications Team may post on our official accounts. " +
		"Staff must not post personal data about residents or colleagues. " +
		"We will investigate concerns about social media use under the disciplinary procedure.\n"
	doc := &document.Parsed{ID: "socmed", Text: text, Language: "en", ContentType: document.TypeText}
	a, err := NewFree(FreeOptions{}).Analyze(context.Background(), doc, Request{Tasks: []string{TaskSummary}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Summary, "the service") || !strings.Contains(a.Summary, "our official accounts") {
		t.Errorf("summary speaks of a service: %q", a.Summary)
	}
}

// A privacy notice an employer gives its own staff says what it collects
// and why, as a website's does, yet is an HR paper no one agreed to: it
// was contract/terms_of_service in both tiers. A website's privacy notice
// that mentions its employees stays terms with its users.
func TestStaffPrivacyNoticeIsNoContract(t *testing.T) {
	body := "Brightwater Foods Ltd is the controller of the personal data we hold about you as an employee, worker or contractor. " +
		"We collect your name, address, bank details, salary and sickness absence records. We process your data to pay you and to manage your employment. " +
		"We share your data with our payroll provider and with HMRC. You have the right to access your data and to complain to the Information Commissioner's Office.\n"
	for _, c := range []struct{ name, title, text string }{
		{"staff data protection notice", "", "Staff Data Protection Notice\n\nHow Brightwater Foods Ltd uses the personal data of its employees\n\n" + body},
		{"privacy notice for employees", "", "PRIVACY NOTICE FOR EMPLOYEES\n\n" + body},
		{"HTML employee privacy notice", "Employee Privacy Notice | HR Intranet", body},
		{"recruitment privacy notice", "", "How we use your personal data when you apply for a job with us\n\n" + body},
		{"candidate privacy notice", "", "Job Applicant Privacy Notice\n\n" + body},
	} {
		doc := &document.Parsed{Title: c.title, Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != "other" {
			t.Errorf("%s: %s, want other", c.name, got)
		}
	}
	site := "Privacy Notice\n\nHalfpenny Books Ltd collects your name and address when you order. We process your data to deliver your order. " +
		"Only employees who need it to fulfil your order can see it.\n"
	if got := structureClass(&document.Parsed{Text: site, Language: "en"}, site, "contract", false); got != "contract" {
		t.Errorf("website privacy notice: %s, want contract", got)
	}
	loan := "How we use your personal data when you apply for a credit card\n\nHalfpenny Bank plc collects your income and address when you apply. We process your data to assess your application.\n"
	if got := structureClass(&document.Parsed{Text: loan, Language: "en"}, loan, "contract", false); got != "contract" {
		t.Errorf("bank's privacy notice to applicants for credit: %s, want contract", got)
	}
}

// internalPapers are an organisation's own papers with the sub-type a
// records manager files them by; each was "other" with no sub-type.
var internalPapers = []struct{ name, text, subtype string }{
	{"clean_desk.txt", "Clean Desk and Clear Screen Policy\n\nVersion 2.1 | Owner: Information Security\n\n" +
		"This policy applies to all employees, agency workers and contractors who work in any Harbourline office. " +
		"At the end of each working day, desks must be cleared of all papers that contain personal or confidential information. " +
		"Screens must be locked whenever a workstation is left unattended. Failure to comply may result in disciplinary action.\n", "other/policy"},
	{"leave.html", "<html><head><title>Annual Leave Procedure - HR Intranet</title></head><body><h1>Annual Leave Procedure</h1>" +
		"<p>This procedure applies to all permanent and fixed-term employees of Calder Valley Council.</p>" +
		"<p>Submit your request in the MyHR portal at least two weeks before the first day of leave. Your line manager will approve or decline it within five working days.</p></body></html>", "other/procedure"},
	{"memo.txt", "MEMORANDUM\n\nTo: All Warehouse Staff\nFrom: Priya Nair, Operations Director\nDate: 12 February 2026\nSubject: New shift pattern from 2 March\n\n" +
		"Following the consultation in January, we will move to a four-on, four-off shift pattern from Monday 2 March. Overtime will continue to be paid at time and a half.\n", "other/memo"},
	{"minutes.txt", "Minutes of the Health and Safety Committee\n\nMeeting held on 14 January 2026\n\nPresent: Sarah Whitfield (Chair), Tom Adeyemi\n\n" +
		"1. Minutes of the previous meeting were approved.\n2. Two minor injuries in the warehouse in December. Tom will arrange refresher training.\n", "other/minutes"},
	{"staff_privacy.txt", "Staff Data Protection Notice\n\nBrightwater Foods Ltd is the controller of the personal data we hold about you as an employee. " +
		"We collect your name, bank details and salary. We process your data to pay you. You have the right to access your data.\n", "other/notice"},
	{"recruitment_privacy.txt", "How we use your personal data when you apply for a job with us\n\nNorthfield Housing Association is the controller of the personal data you give us when you apply for a job. " +
		"We collect your name, contact details and employment history. If your application is unsuccessful, we keep your information for six months. You have the right to access your data.\n", "other/notice"},
	{"kaoqin.txt", "上海恒远科技有限公司员工考勤管理办法\n\n第一条 为规范公司考勤管理，制定本办法。\n第二条 本办法适用于公司全体员工。\n" +
		"第三条 员工应按时上下班，不得迟到、早退。\n第四条 本办法自2026年1月1日起施行。\n", "other/policy"},
	{"baoxiao.txt", "员工报销制度\n\n第一条 为规范公司员工费用报销管理，制定本制度。\n第二条 本制度适用于公司全体员工。\n" +
		"第三条 员工应在费用发生后三十日内提交报销单，并附原始票据。\n第四条 本制度由财务部负责解释。\n", "other/policy"},
	{"chailv.txt", "差旅费报销规定\n\n一、为加强差旅费管理，制定本规定。\n二、员工出差应事先填写出差申请单，经部门负责人批准。\n三、住宿费按实际发生额在标准内报销。\n", "other/policy"},
	{"liucheng.txt", "费用报销流程\n\n一、本流程适用于公司全体员工的日常费用报销。\n二、员工填写报销单并附发票，提交部门负责人审核。\n三、财务部复核后，由出纳付款。\n", "other/procedure"},
	{"tongzhi.txt", "关于2026年春节放假安排的通知\n\n各部门、全体员工：\n\n现将2026年春节放假安排通知如下：2月15日至2月23日放假调休，共9天。各部门应在放假前做好安全检查工作。\n\n特此通知。\n\n行政人事部\n", "other/notice"},
}

// An organisation's internal papers get their kind as sub-type in the
// model-free tier (other/policy, other/procedure, other/memo, ...), and
// a man page or a docstring that says "procedure" or "form" in a
// sentence gets none.
func TestInternalPaperSubtype(t *testing.T) {
	free := NewFree(FreeOptions{})
	for _, c := range internalPapers {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: c.name, Data: []byte(c.text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a, err := free.Analyze(context.Background(), doc, Request{Tasks: []string{TaskClassify}})
		if err != nil {
			t.Fatal(err)
		}
		if a.Class != "other" || a.Subtype != c.subtype {
			t.Errorf("%s: %s/%s, want %s", c.name, a.Class, a.Subtype, c.subtype)
		}
	}
	for name, text := range map[string]string{
		"perlivp.1": "NAME\nperlivp - Perl Installation Verification Procedure\n\nSYNOPSIS\nperlivp [-p] [-v] [-h]\n\nDESCRIPTION\nThe perlivp program is set up at Perl source code build time to test the Perl version it was built under.\n",
		"pdb.txt":   "The Python Debugger Pdb\n=======================\n\nTo use the debugger in its simplest form:\n\n        >>> import pdb\n        >>> pdb.run('<a statement>')\n",
		"zh.txt":    "与新闻同步——新华社建立健全24小时发稿制度\n24小时发稿制度是相对于传统的半夜关机制度而言的通讯社发稿机制。新华社国际、体育新闻对外报道通过在北京、纽约分时区发稿的做法，早已实现24小时不间断发稿。\n",
	} {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a, err := free.Analyze(context.Background(), doc, Request{Tasks: []string{TaskClassify}})
		if err != nil {
			t.Fatal(err)
		}
		if a.Subtype != "" {
			t.Errorf("%s: %s/%s, want no sub-type", name, a.Class, a.Subtype)
		}
	}
}

// A short intranet page that tells staff what they may do ("Parental
// leave", "Jury service": no kind of paper in its title, fewer words than
// unbound reads) is no contract and no regulation: both tiers read such
// pages as terms of service or as a regulation. A page of terms its
// reader accepts, and an agreement or a law saved as a page, stay so.
func TestStaffPageIsNoContract(t *testing.T) {
	for _, text := range []string{
		"Parental leave\n\nEmployees who become parents are entitled to up to 52 weeks of parental leave. The first 26 weeks are paid at full salary for employees with one year of service.\n\nNotify HR at least 15 weeks before the expected week of childbirth.\n",
		"Jury service\n\nEmployees called for jury service will receive full pay for up to ten working days. Provide HR with a copy of the summons as soon as it is received.\n",
	} {
		doc := &document.Parsed{Text: text, Language: "en", ContentType: document.TypeHTML}
		for _, class := range []string{"contract", "regulation"} {
			if got := structureClass(doc, text, class, false); got != "other" {
				t.Errorf("%q read as %s: %s, want other", text[:20], class, got)
			}
		}
	}
	for _, text := range []string{
		"Membership\n\nBy joining the gym you agree to these terms. Our staff may cancel your membership if you break the house rules.\n",
		"Employment\n\nThe Employee shall work 37.5 hours a week. Either party may end this Agreement on one month's notice to the other. Our staff handbook does not form part of it.\n",
		"Working Time\n\nArticle 6: Member States shall ensure that the average working time of employees does not exceed 48 hours.\n",
	} {
		doc := &document.Parsed{Text: text, Language: "en", ContentType: document.TypeHTML}
		if got := structureClass(doc, text, "contract", false); got == "other" {
			t.Errorf("%q: other, want it kept", text[:20])
		}
	}
}

// An intranet page that states rules for staff ("You are entitled to ...",
// "Employees must ...") is a policy though its title names no kind
// ("Parental leave", "Working from home"): it was "other" with no
// sub-type in both tiers. A news item that gives one instruction is none.
func TestStaffRulesPageIsPolicy(t *testing.T) {
	free := NewFree(FreeOptions{})
	analyze := func(name, page string) *document.Analysis {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(page)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a, err := free.Analyze(context.Background(), doc, Request{Tasks: []string{TaskClassify}})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for name, page := range map[string]string{
		"parental.html": `<html><head><title>Parental leave - HR Hub</title></head><body><main><h1>Parental leave</h1>
<p>You are entitled to up to 52 weeks of maternity or adoption leave, whatever your length of service.</p>
<p>You must tell your line manager at least 15 weeks before the baby is due. Please send a copy of your MATB1 form to HR so we can arrange your pay.</p>
<p>Partners are entitled to two weeks of paternity leave, which must be taken within 56 days of the birth.</p></main></body></html>`,
		"wfh.html": `<html><head><title>Working from home | HR Hub</title></head><body><main><h1>Working from home</h1>
<p>Staff may work from home up to three days a week where their role allows it. Employees must be reachable on Teams during core hours.</p>
<p>You are responsible for keeping company equipment secure. You are entitled to a one-off home office allowance of 150 pounds.</p></main></body></html>`,
	} {
		if a := analyze(name, page); a.Class != "other" || a.Subtype != "other/policy" {
			t.Errorf("%s: %s/%s, want other/policy", name, a.Class, a.Subtype)
		}
	}
	news := `<html><head><title>Canteen reopens</title></head><body><main><h1>Canteen reopens on Monday</h1>
<p>The staff canteen reopens on Monday after a six-week refit, with a new salad bar and longer opening hours.</p>
<p>You must bring your staff pass to pay at the till. The coffee bar on the second floor stays open as usual.</p></main></body></html>`
	if a := analyze("news.html", news); a.Subtype != "" {
		t.Errorf("news.html: %s/%s, want no sub-type", a.Class, a.Subtype)
	}
}

// An e-mail is correspondence: classed other, its sub-type other/email in
// both tiers, though its subject names a policy (it was other/policy) or
// no kind at all (it had none).
func TestEmailSubtypeIsEmail(t *testing.T) {
	free := NewFree(FreeOptions{})
	for name, msg := range map[string]string{
		"policy.eml": "From: Tom Baker <tom.baker@acme.example>\r\nTo: Records Team <records@acme.example>\r\nDate: Tue, 4 Mar 2025 09:14:00 +0000\r\n" +
			"Subject: FW: Retention schedule policy\r\n\r\nFYI.\r\n\r\n-----Original Message-----\r\nFrom: Ann <ann@acme.example>\r\nSubject: Retention schedule policy\r\n\r\n" +
			"Retention schedule policy\r\n\r\nInvoices and ledgers must be kept for seven years. Payroll records must be kept for six years.\r\n",
		"note.eml": "From: Tom Baker <tom.baker@acme.example>\r\nTo: Ann <ann@acme.example>\r\nSubject: Lunch\r\n\r\nShall we meet at noon on Friday to go through the archive boxes?\r\n",
	} {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(msg)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		for tier, an := range map[string]Analyzer{"free": free, "composed": WithFallback(free, NewFree(FreeOptions{}))} {
			a, err := an.Analyze(context.Background(), doc, Request{Tasks: []string{TaskClassify}})
			if err != nil {
				t.Fatal(err)
			}
			if a.Class != "other" || a.Subtype != "other/email" {
				t.Errorf("%s %s: %s/%s, want other/email", tier, name, a.Class, a.Subtype)
			}
		}
	}
}

// A bounce is a delivery report, no one's correspondence: its sub-type
// other/delivery report in both tiers; it had been other/email.
func TestBounceSubtypeIsDeliveryReport(t *testing.T) {
	free := NewFree(FreeOptions{})
	msg := "From: MAILER-DAEMON@mail.acme.example\r\nTo: ann@acme.example\r\nSubject: failure notice\r\n\r\n" +
		"Hi. This is the qmail-send program at mail.acme.example.\r\nI'm afraid I wasn't able to deliver your message to the following addresses.\r\n\r\n" +
		"<bob@globex.example>:\r\nRemote host said: 550 5.1.1 User unknown\r\n\r\n--- Below this line is a copy of the message.\r\n\r\n" +
		"From: Ann <ann@acme.example>\r\nSubject: Signed NDA\r\n\r\nThe signed NDA is attached.\r\n"
	doc, err := parse.Parse(context.Background(), parse.Input{Filename: "bounce.eml", Data: []byte(msg)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for tier, an := range map[string]Analyzer{"free": free, "composed": WithFallback(free, NewFree(FreeOptions{}))} {
		a, err := an.Analyze(context.Background(), doc, Request{Tasks: []string{TaskClassify}})
		if err != nil {
			t.Fatal(err)
		}
		if a.Class != "other" || a.Subtype != "other/delivery report" {
			t.Errorf("%s: %s/%s, want other/delivery report", tier, a.Class, a.Subtype)
		}
	}
}

// A regulator's guidance to the firms it regulates ("firms should ...",
// "notify us") is no agreement with its reader and no law: other/guidance
// (QA qa-classify: an FCA guide on outsourcing to the cloud was
// contract/terms_of_service in both tiers). Community guidelines that
// speak of no regulated firm stay terms (TestInternalPaperKeepsTerms).
func TestRegulatorGuidanceIsGuidance(t *testing.T) {
	text := "Guidance on the use of cloud services by regulated firms\n\n1. Introduction\n" +
		"1.1 This guidance is for firms that are considering outsourcing to the cloud. It explains how firms can meet their regulatory obligations when using cloud and other third-party IT services.\n" +
		"2. Legal and regulatory considerations\n2.1 Firms should identify the requirements relevant to the outsourcing and ensure that the arrangement allows them to continue to comply with them.\n" +
		"2.2 Firms should notify us before entering into a material outsourcing arrangement.\n"
	doc, err := parse.Parse(context.Background(), parse.Input{Filename: "cloud_guidance.txt", Data: []byte(text)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewFree(FreeOptions{}).Analyze(context.Background(), doc, Request{Tasks: []string{TaskClassify}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Class != "other" || a.Subtype != "other/guidance" {
		t.Errorf("regulator's guidance: %s/%s, want other/guidance", a.Class, a.Subtype)
	}
}
