"""The newsroom's demo content: the Jan. 11, 2017 release retold in our own words (quotes only
verbatim from the release, with the speakers' own titles), and the real coverage it received."""

import datetime

MEDIA_CONTACT = {
    "name": "Christine Palm",
    "title": "Public Information Officer",
    "organisation": "Commission on Women, Children and Seniors",
    "phone": "860-240-8449",
    "alternate_phone": "860-836-2145",
}

BOILERPLATE_TEXT = (
    "<p>The Connecticut Trafficking in Persons Council was set up by state law (Sec. 46a-170) to "
    "bring state agencies, the Judicial Branch, police and the organisations that serve survivors "
    "of sexual and domestic violence, immigrants and refugees together against human "
    "trafficking. It reports to the General Assembly every year. End Demand CT is its campaign "
    "against the demand for commercial sex that drives trafficking.</p>"
)

NEWSROOM_INTRO = (
    "Press releases from the Connecticut Trafficking in Persons Council. Journalists can "
    "subscribe to the feeds, download the plain-text version of each release and call the "
    "media contact named on it."
)

JAN_2017_SLUG = "council-report-puts-buyers-at-the-centre"
JAN_2017 = {
    "title": "Council report puts the buyers of sex at the centre of Connecticut's fight "
    "against trafficking",
    "subheadline": "On National Human Trafficking Awareness Day the Trafficking in Persons "
    "Council publishes its annual report and launches End Demand CT",
    "summary": "The Trafficking in Persons Council's 2016 annual report asks why no one has been "
    "convicted of buying sex from a minor since 2013, and launches a campaign aimed at buyers.",
    "release_at": datetime.date(2017, 1, 11),
    "dateline": "HARTFORD",
    "topics": ["annual report", "demand", "legislation"],
    "goals": [1, 3, 4],
}

JAN_2017_BODY_PARAGRAPHS = [
    "<p>Blame for prostitution has long fallen on the people who are sold rather than on the "
    "people who buy them. The Connecticut Trafficking in Persons Council (TIP) means to change "
    "that. It treats the sex trade, and above all the sale of children, as human trafficking, "
    "and this session it brings the General Assembly recommendations aimed at the demand side: "
    "the buyers.</p>",
    "<p>The Department of Children and Families sees more children referred as suspected victims "
    "of sex trafficking every year; there were just under 200 such referrals in 2016. Its "
    "anti-trafficking team estimates that at least 2,000 buyers in Connecticut paid for sex with "
    "children last year.</p>",
    "<p>The full report is on the Council's site, and the campaign at "
    '<a href="https://www.enddemandct.org/">enddemandct.org</a>.</p>',
]

GILCHREST_QUOTE = (
    "The sex trafficking of Connecticut\u2019s women, men, and children is driven by demand for "
    "the commercial sex acts they perform. Put simply, without \u2018buyers\u2019 to purchase sex "
    "there would be no sex-for-pay industry. So, we are embarking on an \u2018End Demand\u2019 "
    "campaign to bring much needed attention to those buying sex who create the demand that "
    "fuels sex trafficking."
)
GILCHREST_ROLE = (
    "chair of Connecticut\u2019s Trafficking in Persons Council and Director of Health "
    "Professional Outreach at the Connecticut Coalition Against Domestic Violence"
)
HAMILTON_QUOTE = (
    "If we want to end commercial sexual exploitation, we need to focus on ending demand and "
    "creating survivor-centered services."
)
HAMILTON_ROLE = "associate director of the Alliance to End Sexual Violence"

JAN_2017_FINDINGS = [
    "Connecticut made buying sex from a minor a felony in 2013, yet no one has been arrested or "
    "convicted of it since.",
    "DCF has 456 referrals of children at high risk of trafficking.",
    "Police and prosecutors say buyers can be charged with other crimes; the Council will look "
    "into whether buyers are being arrested at all, and if not, why.",
    "Prevention starts with awareness: the Council will use social media, the press and "
    "advertising to turn attention to the people who pay.",
]
JAN_2017_RECOMMENDATIONS = [
    "Ask the Sentencing Commission to consider adding trafficking in persons (Sec. 53a-192a) and "
    "patronizing a person under 18 (Sec. 53a-83(c)) to the sex offender registry.",
    "Look into why there have been no convictions under Sec. 53a-83(c) since 2013.",
    "Discuss raising the penalty under Sec. 53a-83(c) to match similar crimes against children.",
    "Discuss broadening Sec. 53a-192a to cover recruiting, harbouring, transporting, providing, "
    "obtaining, patronizing or soliciting a person for commercial sex, with tougher penalties.",
]

EMBARGOED_SLUG = "awareness-day-update-on-demand"
EMBARGOED = {
    "title": "Trafficking in Persons Council reports on a year of the End Demand campaign",
    "subheadline": "What the Council asks of lawmakers in the coming session",
    "summary": "A look back at the campaign's year and the Council's next recommendations on "
    "the demand side of trafficking.",
    "dateline": "HARTFORD",
    "topics": ["annual report", "demand"],
    "goals": [1, 4],
    "body": (
        "<p>Ahead of National Human Trafficking Awareness Day, the Council sets out what the End "
        "Demand campaign has done in its year and what it will ask of lawmakers next. (Demo "
        "release: it shows how an embargoed release waits in the admin until its time.)</p>"
    ),
}

# The rows of ../shared/seeds/press-clips.csv: date, outlet, headline, URL, what it is about.
# The first three covered the Jan. 11, 2017 release.
PRESS_CLIPS = [
    (
        "2017-01-12",
        "CT News Junkie",
        "Report recommends going after johns to curb sex trafficking",
        "https://ctnewsjunkie.com/2017/01/12/report_recommends_going_after_johns_to_curb_sex_trafficking/",
        "2016 annual report and End Demand launch",
        True,
    ),
    (
        "2017-01-13",
        "The Middletown Press",
        "Campaign to 'end demand' for sex workers",
        "http://www.pressreader.com/usa/the-middletown-press-middletown-ct/20170113/281487866042177",
        "End Demand launch; cites 1841 prostitution convictions vs 269 for buying sex 2005-2014",
        True,
    ),
    (
        "2017-01-13",
        "Republican-American",
        "Council: go after johns who pay minors for sex",
        "https://archives.rep-am.com/2017/01/13/council-go-after-johns-who-pay-minors-for-sex/",
        "End Demand launch; links enddemandct.org",
        True,
    ),
    (
        "2017-04-12",
        "Hartford Courant",
        "Who Is Buying?",
        "http://www.courant.com/opinion/letters/hc-ugc-article-response-to-march-31st-article-"
        "after-sex-tr-2017-04-12-story.html",
        "letter by a Council intern on the demand side",
        False,
    ),
    (
        "2017-05-19",
        "CT News Junkie",
        "Op-ed: addressing the why in sex trafficking",
        "https://ctnewsjunkie.com/2017/05/19/op-ed_addressing_the_why_in_sex_trafficking/",
        "House vote on demand-side legislation; mistake-of-age provision removed",
        False,
    ),
]
