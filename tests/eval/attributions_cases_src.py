# Source of tests/eval/attributions_cases.jsonl (texts and gold by substring).
# Each attribution: c=content, k=kind, s=speaker (str|list|None), cue, out, v=vague, b=belief, cont
C = []
def case(id, text, attrs, terms=(), note=""):
    C.append(dict(id=id, text=text, attrs=attrs, terms=list(terms), note=note))
def A(c, k, s, cue=None, out=None, v=False, b=False, cont=False):
    return dict(content=c, kind=k, speaker=s, cue=cue, outlet=out, vague=v, belief=b, continuation=cont)

case("said_after_name",
 "Mayor Elena Duarte defended the new bus lanes on Monday. “The lanes cut journey times by a fifth in the first month,” Duarte said.",
 [A("The lanes cut journey times by a fifth in the first month,", "direct", "Elena Duarte", "said")])
case("said_inverted",
 "The harbour authority approved the dredging plan after a three-hour hearing. “We cannot let the port silt up while we argue about money,” said Tomas Lindqvist, the authority’s chairman.",
 [A("We cannot let the port silt up while we argue about money,", "direct", "Tomas Lindqvist", "said")])
case("colon_said",
 "Finance Minister Rafael Ortiz was blunt about the deficit. Ortiz said: “Every ministry will have to find savings, including mine.”",
 [A("Every ministry will have to find savings, including mine.", "direct", "Rafael Ortiz", "said")])
case("interrupted",
 "“The treaty is not perfect,” Amara Nwosu said, “but it is the best deal this parliament will see for a decade.”",
 [A("The treaty is not perfect,", "direct", "Amara Nwosu", "said"),
  A("but it is the best deal this parliament will see for a decade.", "direct", "Amara Nwosu", "said")])
case("apposition_indirect",
 "Priya Raman, an associate professor of economics at Lakeshore University, said the rate rise would hit renters hardest.",
 [A("the rate rise would hit renters hardest", "indirect", "Priya Raman", "said")])
case("apposition_quote",
 "“Wages have simply not kept up with rents,” Priya Raman, an associate professor of economics at Lakeshore University, told the Harbor Times.",
 [A("Wages have simply not kept up with rents,", "direct", "Priya Raman", "told", "Harbor Times")])
case("indirect_said",
 "Governor Mark Feldt said the state would release emergency funds for farmers hit by the drought.",
 [A("the state would release emergency funds for farmers hit by the drought", "indirect", "Mark Feldt", "said")])
case("he_added_that",
 "Defence Secretary Alan Brooke said the navy would receive two new frigates. He added that the first would be delivered in 2028.",
 [A("the navy would receive two new frigates", "indirect", "Alan Brooke", "said"),
  A("the first would be delivered in 2028", "indirect", "Alan Brooke", "added")])
case("parenthetical_she_said",
 "Health Minister Ingrid Solberg said hospitals had cleared most of the winter backlog. Waiting lists, she said, are now shorter than before the pandemic.",
 [A("hospitals had cleared most of the winter backlog", "indirect", "Ingrid Solberg", "said"),
  A("Waiting lists, she said, are now shorter than before the pandemic", "indirect", "Ingrid Solberg", "said")])
case("mixed_fragment",
 "Opposition leader Grace Mbeki said the budget would “push thousands of families over the edge” this winter.",
 [A("the budget would “push thousands of families over the edge” this winter", "mixed", "Grace Mbeki", "said")])
case("mixed_that",
 "Senator Paul Hagen argued that the bill was “a blank cheque for the surveillance state.”",
 [A("the bill was “a blank cheque for the surveillance state.”", "mixed", "Paul Hagen", "argued")])
case("told_outlet",
 "“The fire spread faster than any model predicted,” fire chief Rosa Klein told Radio Nordwind.",
 [A("The fire spread faster than any model predicted,", "direct", "Rosa Klein", "told", "Radio Nordwind")])
case("told_reporters_that",
 "Coach Darius Webb told reporters that the team would appeal the suspension.",
 [A("the team would appeal the suspension", "indirect", "Darius Webb", "told")])
case("according_to_outlet",
 "“We were never consulted about the closure,” Omar Haddad said, according to the Valley Gazette.",
 [A("We were never consulted about the closure,", "direct", "Omar Haddad", "said", "Valley Gazette")])
case("according_to_source_lead",
 "According to the Transport Ministry, the new rail line will open in the spring.",
 [A("the new rail line will open in the spring", "indirect", ["Transport Ministry", "the Transport Ministry"], "According to")])
case("according_to_secondary_ministry",
 "Prime Minister Hana Kovac promised to double aid to the region, according to the Foreign Ministry.",
 [A("to double aid to the region", "indirect", "Hana Kovac", "promised", "Foreign Ministry")])
case("interview_with_outlet",
 "In an interview with the Baltic Courier, Lina Petrauskas said the port strike could last until March.",
 [A("the port strike could last until March", "indirect", "Lina Petrauskas", "said", "Baltic Courier")])
case("posted_on_platform",
 "Deputy Mayor Chen Wei posted on X that the bridge would reopen by Friday.",
 [A("the bridge would reopen by Friday", "indirect", "Chen Wei", "posted", "X")])
case("warned_that",
 "Central bank governor Miguel Santos warned that inflation could stay above target until 2027.",
 [A("inflation could stay above target until 2027", "indirect", "Miguel Santos", "warned")])
case("noting_participle",
 "“The reforms are working,” Anika Sharma said, noting that exports rose for a sixth straight month.",
 [A("The reforms are working,", "direct", "Anika Sharma", "said"),
  A("exports rose for a sixth straight month", "indirect", "Anika Sharma", "noting")])
case("describing_it_as",
 "Foreign Minister Jonas Berg welcomed the ceasefire, describing it as “a fragile but real chance for peace.”",
 [A("it as “a fragile but real chance for peace.”", "mixed", "Jonas Berg", "describing")])
case("colon_lead_in",
 "Karin Vogel put it plainly: “If the dam fails, the valley floods within an hour.”",
 [A("If the dam fails, the valley floods within an hour.", "direct", "Karin Vogel", ":")])
case("tail_verbs_conceded",
 "“We underestimated the cost of the stadium,” conceded Martin Ruiz, the project’s director.",
 [A("We underestimated the cost of the stadium,", "direct", "Martin Ruiz", "conceded")])
case("tail_verbs_quipped",
 "“At least the rain kept the tourists away,” Bella Okafor quipped.",
 [A("At least the rain kept the tourists away,", "direct", "Bella Okafor", "quipped")])
case("tail_verbs_accused",
 "Union leader Sam Doyle accused the company of breaking its promises. The company, he said, had “never intended to keep the plant open.”",
 [A("the company of breaking its promises", "indirect", "Sam Doyle", "accused"),
  A("The company, he said, had “never intended to keep the plant open.”", "mixed", "Sam Doyle", "said")],
 note="an accusation is a reported claim (PolNeAR's convention); not gold before issue 13")
case("vague_analysts",
 "Shares in the airline fell 8 percent. Analysts said the drop reflected fears about fuel prices.",
 [A("the drop reflected fears about fuel prices", "indirect", None, "said", v=True)])
case("vague_sources",
 "The talks could collapse as early as Thursday, sources said.",
 [A("The talks could collapse as early as Thursday", "indirect", None, "said", v=True)])
case("vague_critics_labeled",
 "The scheme, which critics labeled “a giveaway to developers,” passed by one vote.",
 [A("a giveaway to developers,", "direct", None, "labeled", v=True)])
case("vague_widely_believed",
 "It is widely believed that the minister will resign before the summer.",
 [A("the minister will resign before the summer", "indirect", None, "believed", v=True, b=True)])
case("belief_thinks",
 "Economist Lars Holm thinks the housing market has already peaked.",
 [A("the housing market has already peaked", "indirect", "Lars Holm", "thinks", b=True)])
case("belief_hopes",
 "Tourism chief Nadia Farouk hopes the new airport will double visitor numbers.",
 [A("the new airport will double visitor numbers", "indirect", "Nadia Farouk", "hopes", b=True)])
case("continuation_paragraph",
 "“The flood defences held,” said Peter Olsen, the county engineer.\n“Without them, the whole town centre would have been under water by midnight.”",
 [A("The flood defences held,", "direct", "Peter Olsen", "said"),
  A("Without them, the whole town centre would have been under water by midnight.", "direct", "Peter Olsen", None, cont=True)])
case("continuation_same_paragraph",
 "“We have stabilised the currency,” Ana Lima said. “The next task is to bring down food prices.”",
 [A("We have stabilised the currency,", "direct", "Ana Lima", "said"),
  A("The next task is to bring down food prices.", "direct", "Ana Lima", None, cont=True)])
case("no_continuation_across_speaker",
 "“The vote was rigged,” said Hugo Brandt, the opposition candidate.\nElection commissioner Maria Kowalski rejected the claim. “Every ballot was counted twice,” she said.\n“We invite anyone to inspect the records.”",
 [A("The vote was rigged,", "direct", "Hugo Brandt", "said"),
  A("Every ballot was counted twice,", "direct", "Maria Kowalski", "said"),
  A("We invite anyone to inspect the records.", "direct", "Maria Kowalski", None, cont=True)])
case("multi_paragraph_quote",
 "Rescue coordinator Joel Mensah described the night: “We had eleven boats and forty volunteers.\n“By dawn we had pulled ninety people from the water.”",
 [A("We had eleven boats and forty volunteers.", "direct", "Joel Mensah", ":"),
  A("By dawn we had pulled ninety people from the water.", "direct", "Joel Mensah", ":", cont=True)])
case("two_speakers_paragraphs",
 "“Prices will keep rising,” Finance Minister Olga Petrova said.\n“That forecast is far too gloomy,” central bank chief Ivan Sokolov said.",
 [A("Prices will keep rising,", "direct", "Olga Petrova", "said"),
  A("That forecast is far too gloomy,", "direct", "Ivan Sokolov", "said")])
case("bare_surname",
 "Climate envoy Sofia Marquez arrived in Nairobi on Tuesday. “Adaptation money has to reach villages, not consultants,” Marquez said.",
 [A("Adaptation money has to reach villages, not consultants,", "direct", "Sofia Marquez", "said")])
case("org_speaker",
 "“The recall affects about 12,000 vehicles,” the company said in a statement.",
 [A("The recall affects about 12,000 vehicles,", "direct", None, "said")])
case("clause_then_speaker",
 "The ferry service will resume next week, the port operator said on Sunday.",
 [A("The ferry service will resume next week", "indirect", None, "said")])
case("pronoun_they_unresolved",
 "“We will strike again if nothing changes,” they said.",
 [A("We will strike again if nothing changes,", "direct", None, "said")])
case("scare_quotes",
 "The government’s “green growth” agenda has drawn criticism from farmers, who say the “reforms” raise costs.",
 [A("the “reforms” raise costs", "mixed", None, "say")],
 ["green growth"])
case("title_quotes",
 "Her memoir, “The Long Road Home,” sold 40,000 copies in its first week.",
 [], ["The Long Road Home"])
case("heading_quotes",
 "‘A Fragile Truce’\nBoth sides agreed to pull back heavy weapons from the border.",
 [], ["A Fragile Truce"])
case("no_speaker_quote",
 "“Nobody is coming to help us.” The message was painted on a wall in the flooded district.",
 [A("Nobody is coming to help us.", "direct", None, None)])
case("straight_quotes",
 "\"We are not afraid of an audit,\" said club president Lukas Meier.",
 [A("We are not afraid of an audit,", "direct", "Lukas Meier", "said")])
case("nested_quotes",
 "“When the minister says ‘temporary,’ he means years,” union organiser Dina Katz said.",
 [A("When the minister says ‘temporary,’ he means years,", "direct", "Dina Katz", "said")])
case("unbalanced_open",
 "The councillor said “the plan is dead.\nResidents gathered outside the town hall on Friday evening.",
 [A("the plan is dead", "indirect", None, "said")])
case("near_miss_added_jobs",
 "Northwind Motors added 2,000 jobs last year and said it would hire more engineers.",
 [A("it would hire more engineers", "indirect", ["Northwind Motors"], "said")])
case("near_miss_told_person",
 "Prime Minister Ruth Abbey told Ian Cole the summit would go ahead.",
 [A("the summit would go ahead", "indirect", "Ruth Abbey", "told")])
case("near_miss_continue",
 "Farmers will continue to receive subsidies until the end of the year.",
 [])
case("near_miss_called",
 "The minister called for calm after the protests.",
 [A("calm after the protests", "indirect", None, "called for")],
 note="a demand is reported speech (PolNeAR's convention); was a near miss before issue 13")
case("ambiguous_pronoun",
 "Judge Oscar Lind met defence lawyer Felix Brandt on Monday. “The trial will start in May,” he said.",
 [A("The trial will start in May,", "direct", None, "said")],
 note="two men named just before: the pronoun must stay unresolved")
case("said_x_title",
 "“This is a victory for every small shop owner,” said Councillor Mei Tanaka.",
 [A("This is a victory for every small shop owner,", "direct", "Mei Tanaka", "said")])
case("insisted_asked",
 "“Why should taxpayers pay for a private stadium?” asked Rita Costa. Club owner Ben Hart insisted that the public would benefit.",
 [A("Why should taxpayers pay for a private stadium?", "direct", "Rita Costa", "asked"),
  A("the public would benefit", "indirect", "Ben Hart", "insisted")])
case("table_cell_like",
 "Speaker\tStatement\nNoor Aziz\t“We need more teachers.”",
 [A("We need more teachers.", "direct", None, None)])

# ---------------------------------------------------------------- held out
# Written after the rules above were tuned, and scored before any change made
# for them (see docs/attributions.md for the first-run numbers).
HELDOUT_FROM = len(C)
case("h_told_reporters_apposition",
 "Senate Majority Leader Tom Reyes, a Democrat from Ohio, told reporters on Tuesday that the vote would take place next week.",
 [A("the vote would take place next week", "indirect", "Tom Reyes", "told")])
case("h_straight_wire",
 "Tom Reyes spoke after the caucus lunch. \"We're not going to negotiate with ourselves,\" Reyes said.",
 [A("We're not going to negotiate with ourselves,", "direct", "Tom Reyes", "said")])
case("h_org_statement",
 "The White House said in a statement that the president had spoken with the Canadian prime minister.",
 [A("the president had spoken with the Canadian prime minister", "indirect", "White House", "said")])
case("h_anonymous_aide",
 "\"It's a disaster,\" said one senior Republican aide, who spoke on condition of anonymity.",
 [A("It's a disaster,", "direct", None, "said", v=True)])
case("h_according_to_cbo",
 "The measure, which passed 52-48, would cut taxes for most households, according to the Congressional Budget Office.",
 [A("The measure, which passed 52-48, would cut taxes for most households", "indirect", "Congressional Budget Office", "according to")])
case("h_post_truth_social",
 "In a post on Truth Social, former governor Ellen Marsh called the indictment \"a political hit job.\"",
 [A("the indictment \"a political hit job.\"", "mixed", "Ellen Marsh", "called", "Truth Social")])
case("h_lawyer_apposition",
 "Ellen Marsh was indicted on Friday. Marsh's lawyer, Daniel Ames, said his client would plead not guilty.",
 [A("his client would plead not guilty", "indirect", "Daniel Ames", "said")])
case("h_asked_whether",
 "Asked whether she would run again, Ellen Marsh said: \"That's a question for another day.\"",
 [A("That's a question for another day.", "direct", "Ellen Marsh", "said")])
case("h_analysts_cautioned",
 "Polls show the race is tightening, but analysts cautioned that turnout remains hard to predict.",
 [A("turnout remains hard to predict", "indirect", None, "cautioned", v=True)])
case("h_minister_told_parliament",
 "\"I have no intention of resigning,\" the minister told parliament.",
 [A("I have no intention of resigning,", "direct", None, "told")])
case("h_age_apposition",
 "Jan Kowalczyk organised the first march. Kowalczyk, 54, said the protest would continue until the government backed down.",
 [A("the protest would continue until the government backed down", "indirect", "Jan Kowalczyk", "said")])
case("h_continuation_paragraph",
 "\"We will rebuild,\" Mayor Ruth Okoye said.\n\"Every school, every clinic and every road will be repaired before the winter.\"",
 [A("We will rebuild,", "direct", "Ruth Okoye", "said"),
  A("Every school, every clinic and every road will be repaired before the winter.", "direct", "Ruth Okoye", None, cont=True)])
case("h_pronoun_no_antecedent",
 "He said the cuts were unavoidable.",
 [A("the cuts were unavoidable", "indirect", None, "said")])
case("h_officials_said",
 "Officials said at least 14 people were killed in the collapse.",
 [A("at least 14 people were killed in the collapse", "indirect", None, "said", v=True)])
case("h_declined_to_comment",
 "A spokesperson for the ministry declined to comment on the leaked memo.",
 [])
case("h_report_warned",
 "The report, published by the Institute for Fiscal Studies, warned that debt would reach 110 percent of GDP by 2030.",
 [A("debt would reach 110 percent of GDP by 2030", "indirect", None, "warned")])
case("h_ms_surname",
 "Leila Haddad led the strike committee for a decade. \"This is not over,\" Ms. Haddad said.",
 [A("This is not over,", "direct", "Leila Haddad", "said")])
case("h_same_paragraph_continuation",
 "\"The numbers simply do not add up,\" said Karl Jensen, chief economist at Nordbank. \"Growth will be half of what the government expects.\"",
 [A("The numbers simply do not add up,", "direct", "Karl Jensen", "said"),
  A("Growth will be half of what the government expects.", "direct", "Karl Jensen", None, cont=True)])
case("h_vowed_on_monday",
 "President Amara Diallo on Monday vowed to restore order in the capital.",
 [A("to restore order in the capital", "indirect", "Amara Diallo", "vowed")])
case("h_role_noun_back_reference",
 "Senator Mary Quinn criticised the deal. The senator later said she regretted her choice of words.",
 [A("she regretted her choice of words", "indirect", "Mary Quinn", "said")])
case("h_critics_say",
 "Critics say the law gives police too much power.",
 [A("the law gives police too much power", "indirect", None, "say", v=True)])
case("h_film_title",
 "The film \"Silent Harbor\" opened in 300 cinemas on Friday.",
 [], ["Silent Harbor"])
case("h_so_called",
 "The so-called \"peace dividend\" never arrived.",
 [], ["peace dividend"])
case("h_short_yes",
 "Reporters asked Judge Nina Ortiz whether the hearing would be public. \"Yes,\" she said.",
 [A("Yes,", "direct", "Nina Ortiz", "said")])
case("h_told_cnn_mixed",
 "Senator Raul Lopez told CNN that the deal was \"dead on arrival.\"",
 [A("the deal was \"dead on arrival.\"", "mixed", "Raul Lopez", "told", "CNN")])
case("h_speaking_to_reporters",
 "Speaking to reporters in Brussels, Dutch Prime Minister Maarten Visser said Europe must spend more on defence.",
 [A("Europe must spend more on defence", "indirect", "Maarten Visser", "said")])
case("h_single_surname_only",
 "\"We'll see what happens,\" Trump said.",
 [A("We'll see what happens,", "direct", "Trump", "said")])
case("h_residents_said",
 "Residents said the water had risen within minutes.",
 [A("the water had risen within minutes", "indirect", None, "said", v=True)])
case("h_declined_to_say",
 "The company declined to say how many jobs would go.",
 [])
case("h_two_women",
 "Prosecutor Hanna Berg questioned witness Julia Stone for three hours. \"I saw the car leave at nine,\" she said.",
 [A("I saw the car leave at nine,", "direct", None, "said")],
 note="two women just named: unresolved is right")

# ---------------------------------------------------------------- held out, round 2
# Whole short articles, written and annotated before the system was run on them.
HELDOUT2_FROM = len(C)
case("h2_article_budget",
 "OSLO, March 3 (Reuters-style draft) — Norway's government will raise defence spending by 18 percent next year, Finance Minister Kari Dahl said on Tuesday.\n"
 "\"The security situation in our region has changed, and our budget must change with it,\" Dahl told a news conference in Oslo.\n"
 "\"We will not borrow to pay for it.\"\n"
 "Opposition leader Erik Moen said the plan relied on optimistic oil revenue forecasts. He warned that cuts to local services would follow if prices fell.\n"
 "Economists at Nordbank said the increase was affordable but would leave little room for tax cuts before the 2029 election.\n"
 "The budget, which must pass parliament by December, includes new air-defence systems and a second naval base in the north, according to the finance ministry.",
 [A("Norway's government will raise defence spending by 18 percent next year", "indirect", "Kari Dahl", "said"),
  A("The security situation in our region has changed, and our budget must change with it,", "direct", "Kari Dahl", "told"),
  A("We will not borrow to pay for it.", "direct", "Kari Dahl", None, cont=True),
  A("the plan relied on optimistic oil revenue forecasts", "indirect", "Erik Moen", "said"),
  A("cuts to local services would follow if prices fell", "indirect", "Erik Moen", "warned"),
  A("the increase was affordable but would leave little room for tax cuts before the 2029 election", "indirect", None, "said", v=True),
  A("The budget, which must pass parliament by December, includes new air-defence systems and a second naval base in the north", "indirect", ["finance ministry", "the finance ministry"], "according to")])
case("h2_article_court",
 "A federal judge on Friday blocked the state's new voting law, ruling that it placed an unfair burden on elderly voters.\n"
 "Judge Patricia Alvarez wrote in her opinion that the law's identification rules \"serve no purpose that the state has been able to explain.\"\n"
 "The state's attorney general, Mark Lindholm, said he would appeal. \"This ruling ignores the will of the legislature,\" Lindholm said in a statement.\n"
 "Voting rights groups welcomed the decision. \"Today is a good day for every voter in this state,\" said Maya Chen, director of the Civic Access Project.\n"
 "Legal experts said the appeals court was likely to hear the case before the November election.",
 [A("the law's identification rules \"serve no purpose that the state has been able to explain.\"", "mixed", "Patricia Alvarez", "wrote"),
  A("he would appeal", "indirect", "Mark Lindholm", "said"),
  A("This ruling ignores the will of the legislature,", "direct", "Mark Lindholm", "said"),
  A("Today is a good day for every voter in this state,", "direct", "Maya Chen", "said"),
  A("the appeals court was likely to hear the case before the November election", "indirect", None, "said", v=True)])
case("h2_article_strike",
 "Rail workers across the country walked off the job on Monday after talks with operators collapsed overnight.\n"
 "\"We gave them every chance,\" union general secretary Colin Reid told BBC Radio Scotland. \"They chose to walk away from the table.\"\n"
 "Transport Secretary Helen Grant called the strike \"completely unjustified\" and urged the union to return to talks.\n"
 "A spokesperson for the operators said services would be cut by about two thirds until Thursday.\n"
 "Commuters faced long queues for buses in Glasgow and Edinburgh. \"I have no idea how I'll get home,\" said Fiona Watt, a nurse waiting at Queen Street station.",
 [A("We gave them every chance,", "direct", "Colin Reid", "told", "BBC Radio Scotland"),
  A("They chose to walk away from the table.", "direct", "Colin Reid", None, "BBC Radio Scotland", cont=True),
  A("the strike \"completely unjustified\"", "mixed", "Helen Grant", "called"),
  # added in round 3 of issue 13: "urged X to …" is a demand, reported like "called for"
  A("the union to return to talks", "indirect", "Helen Grant", "urged"),
  A("services would be cut by about two thirds until Thursday", "indirect", None, "said", v=True),
  A("I have no idea how I'll get home,", "direct", "Fiona Watt", "said")])
case("h2_article_summit",
 "Brazilian President Lucia Ferreira and Argentine President Tomas Quiroga agreed on Wednesday to revive a stalled trade corridor, their offices said.\n"
 "\"Our two economies grow faster together than apart,\" Ferreira said at a joint news conference in Brasilia.\n"
 "Quiroga said the corridor would cut freight times between Sao Paulo and Buenos Aires by a third. \"It is a road, but it is also a message,\" he said.\n"
 "Neither leader took questions about the dispute over beef tariffs, which analysts say remains the biggest obstacle to a wider deal.",
 [A("Brazilian President Lucia Ferreira and Argentine President Tomas Quiroga agreed on Wednesday to revive a stalled trade corridor", "indirect", None, "said"),
  A("Our two economies grow faster together than apart,", "direct", "Lucia Ferreira", "said"),
  A("the corridor would cut freight times between Sao Paulo and Buenos Aires by a third", "indirect", "Tomas Quiroga", "said"),
  A("It is a road, but it is also a message,", "direct", "Tomas Quiroga", "said"),
  A("remains the biggest obstacle to a wider deal", "indirect", None, "say", v=True)])

# ---------------------------------------------------------------- held out, round 3
# Political-news articles written and annotated after round 2's fixes, scored
# once with the entity stage in place before any change made for them.
HELDOUT3_FROM = len(C)
case("h3_election_night",
 "Prime Minister Daniel Okafor conceded defeat shortly after midnight, telling supporters in Lagos that the party would \"rebuild from the ground up.\"\n"
 "\"The voters have spoken, and we accept their verdict,\" Okafor said.\n"
 "His rival, Funmi Adeyemi, thanked her campaign staff and promised to form a government within two weeks.\n"
 "\"This victory belongs to every young person who queued in the sun,\" Adeyemi told a cheering crowd in Abuja.\n"
 "Turnout was 61 percent, the electoral commission said.",
 [A("the party would \"rebuild from the ground up.\"", "mixed", "Daniel Okafor", "telling"),
  A("The voters have spoken, and we accept their verdict,", "direct", "Daniel Okafor", "said"),
  A("to form a government within two weeks", "indirect", "Funmi Adeyemi", "promised"),
  A("This victory belongs to every young person who queued in the sun,", "direct", "Funmi Adeyemi", "told"),
  A("Turnout was 61 percent", "indirect", "electoral commission", "said")])
case("h3_sanctions",
 "The European Union will impose new sanctions on three shipping companies accused of breaching the oil embargo, diplomats said on Thursday.\n"
 "\"We will close every loophole we find,\" the EU's foreign policy chief, Ingrid Larsen, said in Brussels.\n"
 "Larsen declined to name the companies but said the measures would take effect next month.\n"
 "Hungary, which has opposed previous packages, did not object this time, according to two officials familiar with the talks.",
 [A("The European Union will impose new sanctions on three shipping companies accused of breaching the oil embargo", "indirect", None, "said", v=True),
  A("We will close every loophole we find,", "direct", "Ingrid Larsen", "said"),
  A("the measures would take effect next month", "indirect", "Ingrid Larsen", "said"),
  A("Hungary, which has opposed previous packages, did not object this time", "indirect", None, "according to", v=True)])
case("h3_hearing",
 "At Tuesday's hearing, Senator Rachel Moore pressed the defence secretary on the cost overruns.\n"
 "\"Who signed off on a budget that was wrong by four billion dollars?\" Moore asked.\n"
 "Defence Secretary Owen Hart replied that the estimates had been prepared under the previous administration.\n"
 "\"I am not here to blame anyone,\" Hart said. \"I am here to fix it.\"\n"
 "Moore said afterward that she was not satisfied with his answers.",
 [A("Who signed off on a budget that was wrong by four billion dollars?", "direct", "Rachel Moore", "asked"),
  A("the estimates had been prepared under the previous administration", "indirect", "Owen Hart", "replied"),
  A("I am not here to blame anyone,", "direct", "Owen Hart", "said"),
  A("I am here to fix it.", "direct", "Owen Hart", None, cont=True),
  A("she was not satisfied with his answers", "indirect", "Rachel Moore", "said")])
case("h3_protest",
 "Thousands marched through the capital on Saturday against the new pension law.\n"
 "\"They want us to work until we drop,\" said Ahmed Benali, a 58-year-old bus driver.\n"
 "Police estimated the crowd at 40,000; organisers put it at 120,000.\n"
 "Labour Minister Sophie Lambert told France Info radio that the government would not withdraw the law but was \"open to discussing how it is applied.\"",
 [A("They want us to work until we drop,", "direct", "Ahmed Benali", "said"),
  A("the government would not withdraw the law but was \"open to discussing how it is applied.\"", "mixed", "Sophie Lambert", "told", "France Info")])
case("h3_minister_quote_first",
 "\"There will be no new taxes this year,\" Treasury Minister Paulo Reis said on Wednesday, a day after the central bank warned that the deficit was growing.\n"
 "Reis added that spending on hospitals would be protected.",
 [A("There will be no new taxes this year,", "direct", "Paulo Reis", "said"),
  A("the deficit was growing", "indirect", ["central bank", "the central bank"], "warned"),
  A("spending on hospitals would be protected", "indirect", "Paulo Reis", "added")])
case("h3_no_attribution",
 "The bridge, completed in 1931, carries about 90,000 vehicles a day and was last renovated in 2004.\n"
 "Engineers inspect it twice a year.",
 [])

# ---------------------------------------------------------------- held out, round 4
# Written at 14:07 after all fixes above, scored once before any change for them.
HELDOUT4_FROM = len(C)
case("h4_city_council",
 "The city council voted 7-2 on Monday to ban cars from the old town on weekends.\n"
 "\"Our streets belong to people, not traffic jams,\" said council member Rosa Delgado, who proposed the measure.\n"
 "Shop owners are divided. Marco Bianchi, who runs a bakery on Via Roma, says he expects to lose a third of his weekend customers.\n"
 "\"Nobody asked us,\" he says.\n"
 "The mayor's office said in a statement that delivery vans would still be allowed before 10 a.m.",
 [A("Our streets belong to people, not traffic jams,", "direct", "Rosa Delgado", "said"),
  A("he expects to lose a third of his weekend customers", "indirect", "Marco Bianchi", "says"),
  A("Nobody asked us,", "direct", "Marco Bianchi", "says"),
  # Gold corrected after the first run: the speaker phrase is the institution itself.
  A("delivery vans would still be allowed before 10 a.m", "indirect", ["mayor's office", "The mayor's office"], "said")])
case("h4_ap_interview",
 "Former foreign minister Yusuf Demir told The Associated Press that the ceasefire was \"the last chance we will get.\"\n"
 "Demir, who negotiated the 2019 truce, said both sides had lost patience with mediators.\n"
 "\"If this fails, I do not see another round,\" he said. \"Not this year, not next year.\"",
 [A("the ceasefire was \"the last chance we will get.\"", "mixed", "Yusuf Demir", "told", "The Associated Press"),
  A("both sides had lost patience with mediators", "indirect", "Yusuf Demir", "said"),
  A("If this fails, I do not see another round,", "direct", "Yusuf Demir", "said"),
  A("Not this year, not next year.", "direct", "Yusuf Demir", None, cont=True)])
case("h4_report_findings",
 "A government-commissioned report published on Wednesday found that one in five hospitals lacked enough nurses for night shifts.\n"
 "Health Minister Clara Voss called the findings \"deeply worrying\" and said she would present a recruitment plan within a month.\n"
 "The nurses' union welcomed the report but warned that pay, not recruitment, was the real problem.",
 [A("one in five hospitals lacked enough nurses for night shifts", "indirect", None, "found"),
  A("the findings \"deeply worrying\"", "mixed", "Clara Voss", "called"),
  A("she would present a recruitment plan within a month", "indirect", "Clara Voss", "said"),
  A("pay, not recruitment, was the real problem", "indirect", ["nurses' union", "The nurses' union"], "warned")])
case("h4_multi_paragraph",
 "Veteran diplomat Hiroshi Tanaka described the negotiations in detail.\n"
 "\"The first night, nobody spoke for an hour,\" Tanaka said. \"Then the Finnish envoy ordered coffee for everyone and told a joke about reindeer.\n"
 "\"By the morning we had a draft. By the evening we had a deal.\"",
 [A("The first night, nobody spoke for an hour,", "direct", "Hiroshi Tanaka", "said"),
  A("Then the Finnish envoy ordered coffee for everyone and told a joke about reindeer.", "direct", "Hiroshi Tanaka", None, cont=True),
  A("By the morning we had a draft. By the evening we had a deal.", "direct", "Hiroshi Tanaka", None, cont=True)])
case("h4_question_and_denial",
 "Asked on Friday whether he would resign, Interior Minister Piotr Nowak said: \"Absolutely not.\"\n"
 "Nowak denied that he had known about the surveillance programme before it was reported in the press.",
 [A("Absolutely not.", "direct", "Piotr Nowak", "said"),
  A("he had known about the surveillance programme before it was reported in the press", "indirect", "Piotr Nowak", "denied")])
case("h4_negatives",
 "The company said nothing about layoffs.\n"
 "Sales of the \"Aurora\" model rose 14 percent.\n"
 "Voters will decide in May.",
 [], ["Aurora"])

# ---------------------------------------------------------------- held out, round 5
# Written at 14:23 against the final rules; scored once and left as they scored.
HELDOUT5_FROM = len(C)
case("h5_trade_talks",
 "WASHINGTON — Trade negotiators from the United States and Mexico ended three days of talks without an agreement on steel quotas, officials from both countries said on Friday.\n"
 "\"We are closer than we were on Tuesday, but we are not there,\" U.S. Trade Representative Angela Brooks told reporters after the final session.\n"
 "Her Mexican counterpart, Luis Herrera, said his government would not accept any quota below 3 million tonnes a year.\n"
 "\"That is our red line,\" he said.",
 [A("Trade negotiators from the United States and Mexico ended three days of talks without an agreement on steel quotas", "indirect", None, "said", v=True),
  A("We are closer than we were on Tuesday, but we are not there,", "direct", "Angela Brooks", "told"),
  A("his government would not accept any quota below 3 million tonnes a year", "indirect", "Luis Herrera", "said"),
  A("That is our red line,", "direct", "Luis Herrera", "said")])
case("h5_scientist",
 "The glacier has lost a quarter of its volume since 1990, according to a study published in the journal Nature Geoscience.\n"
 "\"What surprised us was the speed,\" said lead author Ingrid Sorensen of the University of Bergen. \"Half of the loss happened in the last eight years.\"\n"
 "Sorensen warned that several alpine towns rely on the glacier for drinking water in late summer.",
 [A("The glacier has lost a quarter of its volume since 1990", "indirect", None, "according to"),
  A("What surprised us was the speed,", "direct", "Ingrid Sorensen", "said"),
  A("Half of the loss happened in the last eight years.", "direct", "Ingrid Sorensen", None, cont=True),
  A("several alpine towns rely on the glacier for drinking water in late summer", "indirect", "Ingrid Sorensen", "warned")])
case("h5_mixed_quotes",
 "Chancellor Werner Albrecht described the coalition deal as \"a compromise that nobody loves and everybody can live with.\"\n"
 "Green party leader Mia Falk was less generous, saying the climate section was \"a list of wishes, not a plan.\"",
 [A("the coalition deal as \"a compromise that nobody loves and everybody can live with.\"", "mixed", "Werner Albrecht", "described"),
  A("the climate section was \"a list of wishes, not a plan.\"", "mixed", "Mia Falk", "saying")])
case("h5_two_speakers_paragraph",
 "\"The army will stay in the north,\" General Omar Saleh said, while his deputy, Colonel Rami Aziz, told a separate briefing that troops would be rotated every month.",
 [A("The army will stay in the north,", "direct", "Omar Saleh", "said"),
  A("troops would be rotated every month", "indirect", "Rami Aziz", "told")])
case("h5_unattributed_and_scare",
 "The so-called \"golden visa\" scheme was scrapped last year.\n"
 "\"It was never about investment,\" one former official said. \"It was about buying a passport.\"",
 [A("It was never about investment,", "direct", None, "said", v=True),
  A("It was about buying a passport.", "direct", None, None, v=True, cont=True)],
 ["golden visa"])
case("h5_believes_and_wants",
 "Coach Lena Park believes the team can reach the final. She wants the club to sign two defenders before the deadline.",
 [A("the team can reach the final", "indirect", "Lena Park", "believes", b=True),
  A("the club to sign two defenders before the deadline", "indirect", "Lena Park", "wants", b=True)])
