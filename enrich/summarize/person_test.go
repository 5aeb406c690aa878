package summarize

import "testing"

func TestThirdPerson(t *testing.T) {
	cases := []struct{ in, who, want string }{
		// a second verb is left as it was (known gap)
		{"We collect your data and share it with our partners.", "the service", "The service collects your data and share it with its partners."},
		{"we do our best to keep it safe but we cannot guarantee it. we need your help", "the service",
			"the service does its best to keep it safe but it cannot guarantee it. the service needs your help"},
		{"We don't sell your data; we've never done so, and we'll tell you.", "Acme", "Acme doesn't sell your data; Acme has never done so, and it will tell you."},
		{"extraction leaves we ll and we re and we don t", "the service", "extraction leaves the service will and it is and it doesn t"},
		{"We also automatically apply filters to our services.", "the service", "The service also automatically applies filters to the services."},
		{"You and we agree to this. If you and we disagree, we may end it.", "the service", "You and the service agree to this. If you and the service disagree, it may end it."},
		{"We apply these rules and rely on you to reach out to us and ourselves.", "Dropbox",
			"Dropbox applies these rules and rely on you to reach out to it and itself."},
		{"We rely on you. We reach out.", "Dropbox", "Dropbox relies on you. Dropbox reaches out."},
		{"Our policies apply in the US.", "Acme Inc", "Acme Inc's policies apply in the US."},
		{"We collected it and we are sorry.", "the service", "The service collected it and it is sorry."},
		{"Contact Us. We're here. Ours is yours.", "Acme", "Contact Acme. Acme is here. Acme's is yours."},
		{"Our services are ours.", "the service", "The services are the service's."},
		{"If you use our services you grant us a license.", "the service", "If you use the services you grant the service a license."},
		{`"We are excited about our new partnership," said the CEO; we agree.`, "Acme", `"We are excited about our new partnership," said the CEO; Acme agrees.`},
		{`“We are excited,” he said.`, "Acme", `“We are excited,” he said.`},
	}
	for _, c := range cases {
		if got := thirdPerson(c.in, c.who); got != c.want {
			t.Errorf("thirdPerson(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestSpeaker(t *testing.T) {
	cases := []struct{ in, want string }{
		{`These terms are between you and Dropbox, Inc. ("Dropbox", "we", "us" or "our"). We provide the services.`, "Dropbox"},
		{`Welcome! Acme Corporation (“we,” “us,” or “our”) runs this website.`, "Acme Corporation"},
		{`We may update this privacy policy from time to time.`, "the service"},
		{`We will pay you 5,000 dollars on 1 March.`, ""},
		{`This Agreement is made between Acme Inc. and Beta LLC. We will provide the services on the terms below.`, ""},
		{`WHEREAS the Bank provides services; we shall open an account.`, ""},
		{`You may cancel at any time by writing to the seller.`, ""},
	}
	for _, c := range cases {
		if got := speaker([]string{c.in}); got != c.want {
			t.Errorf("speaker(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
