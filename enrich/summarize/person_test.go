package summarize

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/lang"
)

func TestThirdPerson(t *testing.T) {
	cases := []struct{ in, who, want string }{
		{"We collect, use and share your data with our partners.", "the service", "The service collects, uses and shares your data with its partners."},
		{"We never swap or sell your details.", "the service", "The service never swaps or sells your details."},
		{"We sell shoes and hats.", "Acme", "Acme sells shoes and hats."},
		{"we do our best to keep the site safe but we cannot guarantee that. we need your help", "the service",
			"the service does its best to keep the site safe but it cannot guarantee that. the service needs your help"},
		{"We don't sell your data; we've never done so, and we'll tell you.", "Acme", "Acme doesn't sell your data; Acme has never done so, and it will tell you."},
		{"WE DON'T GUARANTEE THE SITE. IN NO EVENT WILL WE BE LIABLE FOR YOUR USE OF OUR WEBSITE.", "the service",
			"THE SERVICE DOESN'T GUARANTEE THE SITE. IN NO EVENT WILL THE SERVICE BE LIABLE FOR YOUR USE OF ITS WEBSITE."},
		{"extraction leaves we ll and we re and we don t", "the service", "extraction leaves the service will and it is and it doesn t"},
		{"We also automatically apply filters to our services.", "the service", "The service also automatically applies filters to the services."},
		{"We now offer refunds; we already collect less; we first check; we then create; we too must pay.", "the service",
			"The service now offers refunds; the service already collects less; the service first checks; the service then creates; the service too must pay."},
		{"We grew fast; we spent less; we heard you; we understood.", "Acme", "Acme grew fast; Acme spent less; Acme heard you; Acme understood."},
		{"What information do we collect? How do we use it? Are we sure?", "the service",
			"What information does the service collect? How does the service use it? Is the service sure?"},
		{"You and we agree to this. If you and we disagree, we may end the contract.", "the service", "You and the service agree to this. If you and the service disagree, it may end the contract."},
		{"Our partners and we put cookies on your device.", "the service", "The service's partners and it put cookies on your device."},
		{"We, as a small company, rely on you.", "Acme", "Acme, as a small company, relies on you."},
		{"We ourselves never read your mail.", "Acme", "Acme itself never reads your mail."},
		{"We will lock it and we will notify you.", "the service", "The service will lock it and the service will notify you."},
		{"Our policies apply in the US and in the us.", "Acme Inc", "Acme Inc's policies apply in the US and in the us."},
		{"data moves from the us to another country, and we tell you.", "the service", "data moves from the us to another country, and the service tells you."},
		{"Contact Us. We're here. Ours is yours.", "Acme", "Contact Us. Acme is here. Acme's is yours."},
		{"Don't we ask first? Why don't we sell data? Aren't we responsible? Won't we delete it?", "the service",
			"Doesn't the service ask first? Why doesn't the service sell data? Isn't the service responsible? Won't the service delete it?"},
		{"We'd already deleted your data, and we'd like to say so; we'd been told.", "Acme", "Acme had already deleted your data, and it would like to say so; Acme had been told."},
		{"WE'RE NOT RESPONSIBLE AND WE'LL NOTIFY YOU.", "Acme", "ACME IS NOT RESPONSIBLE AND IT WILL NOTIFY YOU."},
		{"We never sell, rent or trade your data.", "the service", "The service never sells, rents or trades your data."},
		{"Any dispute between us goes to Dublin. Neither we nor our partners sell data.", "Acme", "Any dispute between us goes to Dublin. Neither Acme nor its partners sell data."},
		{"Visit our About Us page or our Contact Us form.", "the service", "Visit the service's About Us page or its Contact Us form."},
		{"If you want to know how we work, write to us.", "the service", "If you want to know how the service works, write to it."},
		{"A banner reads 'we value your privacy' and we mean it.", "Acme", "A banner reads 'we value your privacy' and Acme means it."},
		{"In this policy, We, Our, Us means Zomo Ltd.", "Zomo", "In this policy, We, Our, Us means Zomo Ltd."},
		{"Our services are ours.", "the service", "The services are the service's."},
		{"If you use our services you grant us a license.", "the service", "If you use the services you grant the service a license."},
		{"We charge sellers a fee.", "eBay", "eBay charges sellers a fee."},
		{"We use your data to improve our services.", "Dropbox", "Dropbox uses your data to improve its services."},
		{"Siemens builds trains. We ship them.", "Siemens", "Siemens builds trains. Siemens ships them."},
	}
	for _, c := range cases {
		if got := thirdPersonAll([]string{c.in}, c.who); got[0] != c.want {
			t.Errorf("thirdPerson(%q)\n got %q\nwant %q", c.in, got[0], c.want)
		}
	}
}

// A quotation is the speaker's, however many sentences it runs over.
func TestThirdPersonLeavesQuotations(t *testing.T) {
	in := []string{
		`"We are excited about our new partnership," said the CEO.`,
		`"We believe in it. We've spent two years building this product.`,
		`We want you to try it," she added.`,
		`“We built this app with doctors. We know patients want answers fast,” said Anna Berg.`,
		`'We have had an exceptional quarter and we expect more,' said Sarah Cole.`,
		`We collect your data.`,
	}
	got := thirdPersonAll(in, "Acme")
	for i := range in[:len(in)-1] {
		if got[i] != in[i] {
			t.Errorf("quotation rewritten: %q -> %q", in[i], got[i])
		}
	}
	if got[len(in)-1] != "Acme collects your data." {
		t.Errorf("after the quotations: %q", got[len(in)-1])
	}
}

func TestSpeaker(t *testing.T) {
	cases := []struct{ in, want string }{
		{`These terms are between you and Dropbox, Inc. ("Dropbox", "we", "us" or "our"). We provide the services.`, "Dropbox"},
		{`Welcome! Acme Corporation (“we,” “us,” or “our”) runs this website.`, "Acme Corporation"},
		{`Welcome to Acme. This privacy policy applies to Acme Holdings Ltd (“we”, “us”, “our”). We collect your contact details.`, "Acme Holdings Ltd"},
		{`Effective date: 1 January 2024. Brightstar Learning Inc. (collectively, "we" or "us") runs the site.`, "Brightstar Learning Inc."},
		{`McDonald's Corporation ("McDonald's", "we", "us" or "our") respects your privacy.`, "McDonald's"},
		{`Helix Ltd ("Company", "we", "us" or "our") provides the app.`, "the Company"},
		{`We may update this privacy policy from time to time.`, "the service"},
		{`we will not sell your email address to anyone.`, "the service"},
		{`we reserve the rights to remove or modify any content submitted for any reason.`, "the service"},
		{`We currently do not offer a way for you to opt out of Do Not Track signals.`, "the service"},
		{`We will deliver the content of the report to the board.`, ""},
		{`We will pay you 5,000 dollars on 1 March.`, ""},
		{`You may cancel at any time by writing to the seller.`, ""},
		{`This Agreement is made between Acme Inc. and Beta LLC. We will provide the services on the terms below.`, ""},
		{`WHEREAS the Bank provides services; we shall open an account.`, ""},
		{"Dear Ms. Patel, We are writing about changes to your account and our privacy notice. Sincerely, The Bank", ""},
		{"Hi there, We've updated our privacy policy for the Pingo app.\nRegards, The Pingo Team", ""},
		{"We are Quanta Ltd, a company registered in Scotland, and we run the Quanta app.", "Quanta Ltd"},
		{`McDonald's Corporation ("McDonald's", "we") runs the app.`, "McDonald's"},
		{"Privacy policy of Save the Rivers. We are a registered charity. We use your donation details.", "Save the Rivers"},
		{"Dropbox Terms of Service\nWe provide the services to you.", "Dropbox"},
		{"Our Privacy Policy. We collect cookies.", "the service"},
		{"Employee Handbook of Corbin Hardware. We expect all employees to arrive on time. We pay employees every other Friday. Our products stay here.", ""},
		{`We pay employees every other Friday. Our leave policy allows 25 days.`, ""},
		// the writers of notes and papers, who mention users and products
		{"Team offsite notes. Attendees: Ana, Bo. We spent the morning reviewing the Q2 roadmap for the product. Users want exports. Action items: Bo drafts the spec.", ""},
		{"Internal memo: lawful basis for marketing e-mails. To: Marketing team From: Privacy Office (privacy@example.org). Our newsletter relies on consent of users; we must stop processing within 30 days.", ""},
		{"MEMORANDUM TO: All product managers. FROM: Legal. We must review cookies on every app before launch.", ""},
		{"The CCPA gives residents the right to know what a business collects. A business that sells personal information must offer a link on its homepage. In this post we explain how to respond to a consumer request and what to put in your privacy notice.", ""},
		{"Cookie consent, explained. In this guide we look at what a site must ask before it sets cookies on your device.", ""},
		{"Abstract. In this paper we present a tracing JIT for the platform; our experiments show users' scripts run faster.", ""},
		{`Zento Labs GmbH, hereinafter referred to as "Zento" or "we", provides the app. We may change these terms.`, "Zento"},
		{`The app is run by Zento Labs GmbH, hereinafter "we". We may change these terms.`, "Zento Labs GmbH"},
		// a name the terms call their service by, without defining it
		{"We use cookies if you have a Facebook account, use the Facebook Products or visit sites that use Facebook technologies.", "Facebook"},
		{"we use cookies if you have a facebook account or use the facebook products.", "facebook"},
		// words a dictionary knows name nobody; in a text with capitals, a name has one
		{"We may use third party services and mobile apps to run the service. Third party services have their own terms.", "the service"},
		{"We use cookies when you use the jagex products. Our privacy policy covers jagex accounts.", "the service"},
		// once is no name
		{"We may suspend your Zorbo account if you break these terms.", "the service"},
	}
	for _, c := range cases {
		if got := speaker([]string{c.in}); got != c.want {
			t.Errorf("speaker(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTrailingName(t *testing.T) {
	for in, want := range map[string]string{
		"This policy applies to Acme Holdings Ltd":              "Acme Holdings Ltd",
		"Welcome to Acme. These are the terms of Dropbox, Inc.": "Dropbox, Inc.",
		"Welcome! Bank of America":                              "Bank of America",
		"operated by Procter & Gamble Co. ":                     "Procter & Gamble Co.",
		"the bank of":                                           "",
		"Users trust the notes of Snapnote":                     "Snapnote",
	} {
		if got := trailingName(in); got != want {
			t.Errorf("trailingName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSummaryScoresTheTextsOwnWords: the name put in for "we" is no word of
// the text's; scored, it made the sentences that said "we" look central,
// and a 24-character summary of a cookie notice read "By using the
// service's".
func TestSummaryScoresTheTextsOwnWords(t *testing.T) {
	text := "Octo uses cookies to make interactions with our service easy and meaningful. " +
		"We use cookies and similar technologies like local storage to keep you logged in, remember your preferences and provide information for the future development of Octo. " +
		"We also use cookies to identify a device for security reasons. " +
		"By using our website, you agree that we can place these types of cookies on your computer or device. " +
		"If you disable your browser's ability to accept cookies, you will not be able to log in or use Octo's services. " +
		"We provide a web page on cookies and tracking that describes the cookies we set, the needs we have for those cookies and the types of cookies they are. " +
		"It also lists our third party analytics and service providers and details exactly which parts of our website we permit them to track."
	got := Summarize(lang.Sentences(text, lang.English), Options{MaxChars: 24})
	if !strings.HasPrefix(got, "Octo uses cookies") {
		t.Errorf("summary = %q, want the opening on cookies", got)
	}
}
