package keywords

// enStop are English function words and the most generic verbs and
// discourse words: a key phrase neither starts nor ends with one, and none
// appears inside a candidate. The e-mail furniture among them (fyi, hello,
// cheers, regards) opens, closes or asides a message and says nothing of
// its subject: "FYI", "Hello team" and "Cheers Jonas" were key phrases of
// a thread about a supplier audit.
var enStop = setOf(`a about above according accordingly across actually after afterwards again against
all almost alone along already also although always am among amongst an and another any anybody anyhow
anyone anything anyway anyways anywhere apart are aren't around as aside at away be became because become
becomes becoming been before beforehand behind being below beside besides best better between beyond both
brief but by can can't cannot cant certain certainly clearly co could couldn't did didn't do does doesn't
doing don't done down during each eg e.g either else elsewhere enough especially et etc even ever every
everybody everyone everything everywhere ex exactly except far few following for former formerly from
further furthermore get gets getting given gives go goes going gone got gotten had hadn't has hasn't have
haven't having he he's hence her here hereafter hereby herein hereupon hers herself hi him himself his
hither how however i i'd i'll i'm i've ie i.e if in inasmuch inc indeed instead into inward is isn't it
it'd it'll it's its itself just keep keeps kept know known knows last lately later latter latterly least
less lest let let's like liked likely little ltd mainly many may maybe me meanwhile merely might more
moreover most mostly much must my myself namely near nearly necessary need needs neither never
nevertheless next no nobody non none noone nor not nothing now nowhere obviously of off often oh ok okay
on once one ones only onto or other others otherwise ought our ours ourselves out outside over overall own
particular particularly per perhaps please possible probably quite rather really regarding relatively
concerning notwithstanding pursuant excluding
respectively said same saw say saying says secondly see seeing seem seemed seeming seems seen self selves
several shall she should shouldn't since so some somebody somehow someone something sometime sometimes
somewhat somewhere soon still sub such sure take taken than thank thanks that that's thats the their
theirs them themselves then thence there there's thereafter thereby therefore therein thereof thereupon
these they they'd they'll they're they've this thorough thoroughly those though through throughout thru
thus to together too took toward towards truly try trying twice un under unless unlike unlikely until unto
up upon us use used uses using usually various very via viz vs was wasn't way we we'd we'll we're we've
well went were weren't what whatever when whence whenever where whereafter whereas whereby wherein
whereupon wherever whether which while whither who whoever whole whom whose why will with within without
won't would wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves
propose proposed proposes present presented presents describe described describes
show shown shows showed discuss discussed discusses consider considered considers investigate investigated
studied resulting new novel based different important various several also well first second third one two three four five
six seven eight nine ten many large small high low good main major general specific simple
use used using able due include includes including included obtain obtained provide provides
provided require required requires make makes made allow allows allowed give given find found
today yesterday tomorrow
fyi fya fwiw btw asap pfa hello hey cheers regards greetings
`)

// enGeneric are nouns too generic to be a key phrase alone; they may still
// head a longer phrase ("finite element method").
var enGeneric = setOf(`paper papers article articles study studies result results approach approaches
method methods technique techniques example examples problem problems work works case cases number numbers
way ways part parts type types kind kinds form forms order use value values time times term terms point
points process fact effect effects level levels area areas set sets field fields issue issues aspect aspects
feature features condition conditions purpose purposes
agreement agreements law laws party parties section sections exhibit exhibits schedule schedules clause clauses
paragraph paragraphs provision provisions company herein hereof thereof hereto
date dates minute minutes hour hours day days week weeks month months year years page pages annex annexes directive directives
regulation regulations act acts subpart subparts subchapter subchapters state states member members information service services product products
authority authorities counterparty counterparties
meeting meetings note notes step steps prerequisite prerequisites overview agenda attendee attendees
january february march april june july august september october november december
`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range SplitWords(s) {
		m[w] = true
	}
	for _, f := range fieldsSpace(s) {
		m[f] = true
	}
	return m
}

func fieldsSpace(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}
