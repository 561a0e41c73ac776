// Word lists behind the handcrafted features of the utterance classifiers. Words are in wink's
// `normal` form: lower case, contractions expanded ("don't" → "do not", "I'd" → "i would").

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Sounds people make before the words that carry the sentence; skipped to find its head. */
export const fillers = set(`
  um umm uh uhh er erm ah oh hmm mm well okay ok alright right yeah yes yep yeah and but now
  anyway also then like actually just look listen see
`);

/** A sentence made only of these words is backchannel, thanks or a greeting. */
export const backchannelWords = set(`
  okay ok alright all right yeah yes yep yup sure mm mhm hmm huh uh um ah oh wow got it gotcha
  cool great nice good perfect fair enough absolutely exactly totally definitely true indeed i see
  thanks thank you cheers interesting awesome lovely sweet fine no nope of course makes sense
  that is sure thing wonderful excellent brilliant amazing hi hello hey morning afternoon bye
  see you later so really yea mmm ahh hm
`);

/** Days and deadlines: a leader's closing summary of next steps is full of them. */
export const timeWords = set(`
  today tonight tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday week
  weekend month morning afternoon evening eod end by next first second third fourth fifth
`);

/** Words that open a meeting, when they open a turn. */
export const greetingWords = set('hi hey hello morning afternoon evening welcome');

export const whWords = set('what how why where when who which whose whom');

export const auxiliaries = set(`
  do does did is are was were am have has had can could would will should shall may might must
`);

export const subjectPronouns = set('i you he she it we they there that this');

/** Base-form verbs that open an instruction ("Send it to Priya", "Loop in legal"). */
export const imperativeVerbs = set(`
  add ask avoid be block book bring build call cc change check clean close copy cut delete do
  document draft drop email escalate file find finish fix focus follow forward get give go grab
  hand have hold include keep kill leave let list lock log loop make mark move note open own pair
  pick ping plan post prepare present prioritise prioritize pull push put raise reach read reply
  reschedule review run schedule send set share ship sit skip slow sort split start stay stop
  take talk tell test think touch track try turn update use wait walk watch write
`);

/** Open invitations that are not grammatical questions ("Tell me more", "Walk me through it"). */
export const invitationVerbs = set('tell walk talk describe explain help share say');

export const feelingWords = set(`
  worried worry worries frustrated frustrating frustration anxious anxiety stuck overwhelmed
  overwhelming excited exciting proud nervous tired stressed stress stressful concerned concern
  unsure torn disappointed disappointing upset annoyed annoying hurt uncomfortable afraid scared
  fear relieved happy glad bored burnt burned exhausted exhausting angry pressure hard difficult
  tough struggle struggling struggled confused lonely isolated unheard undervalued unappreciated
  appreciated valued energised energized drained motivated demotivated frustrating rough heavy
  conflicted ambivalent hesitant reluctant eager keen ready sick fed discouraged defeated hopeful
  embarrassed guilty ashamed insecure doubt doubts confident confidence trust respected ignored
  left out blindsided surprised shocked sad mad
`);

export const wantWords = set('want wants wanted wish hope hoping need needs matter matters care');

/** Verbs of reporting another person's words, typical of reflections ("you said", "you mentioned"). */
export const reportingVerbs = set('said mentioned saying told describing described telling meant');

export const opinionVerbs = set('think believe guess reckon feel suspect suppose bet');

/** Words that close an instruction to check it landed ("…, okay?", "…, right?", "make sense?"). */
export const tagWords = set('okay ok right yeah yes no sense good alright fair');

/** Function words and discourse fillers: no help in telling what a turn is about. */
export const stopWords = set(`
  a an the and or but so if then than that this these those it its is are was were be been being am
  do does did have has had having i me my mine you your yours we us our they them their he him
  his she her to of in on at for from by with about as into over up down out off just really very
  quite kind sort like um uh er erm ah oh hmm mm okay ok yeah yes yep no not right well now also too
  can could would will should shall may might must what how why where when who which there here
  get got go going gonna wanna know think mean say said thing things something anything stuff lot
  bit maybe all any some more most much many one two way still even back again let us let's sure
  gotta yourself myself s t
`);

export const topicCues: Readonly<Record<string, ReadonlySet<string>>> = {
  status: set(`
    update status done finished finish shipped ship merged deploy deployed released ticket tickets
    blocked blocker blockers progress track eta sprint standup backlog jira pr review reviews qa
    numbers metrics dashboard pipeline tasks task deliverable deliverables week yesterday closed
    completed behind ahead delayed slipped slipping launch migration invoice invoices
  `),
  strategy: set(`
    goal goals priority priorities prioritise prioritize decision decide decisions option options
    tradeoff tradeoffs trade plan roadmap strategy strategic approach challenge challenges
    bet bets risk risks customers market quarter okr okrs direction vision hire hiring headcount
    budget bigger picture long-term longterm alternative alternatives focus
  `),
  mindset: set(`
    believe belief beliefs assumption assumptions assume assuming confident confidence doubt
    imposter impostor mindset perspective perfect perfectionism fear afraid owner ownership story
    telling yourself reframe failure fail failing permission capable enough deserve worth control
    attitude optimistic pessimistic perfectionist
  `),
  growth: set(`
    career skill skills learn learning learned promotion promoted course courses mentor mentoring
    grow growth develop development stretch certification training conference senior staff
    principal lead leadership manager management role path aspire aspiration level ladder
    strengths strength coaching practice
  `),
  feedback: set(`
    feedback came landed impression presentation perceive perceived noticed observation critique
    praise recognition appreciate appreciated review performance rating well badly improve
    improvement behaviour behavior how did i do heard comment comments
  `),
  personal: set(`
    family kids kid son daughter partner wife husband weekend vacation holiday holidays sick health
    doctor baby parents mom mum dad wedding move moving house home tired sleep birthday dog
    cat trip hobby marathon gym personally life
  `),
  logistics: set(`
    schedule reschedule calendar invite meeting meetings time slot room zoom link agenda notes
    tomorrow monday tuesday wednesday thursday friday minutes hour moved cancel cancelled
    ooo office timezone travel booked booking doc
  `),
};
