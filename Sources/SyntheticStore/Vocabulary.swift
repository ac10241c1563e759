import ReviewLearning

/// The word banks synthetic records are made of: the areas, agencies, themes and phrases of real review reports.
enum Bank {
    /// Local areas; each gets a police force, partnerships, health, councils and social care.
    static let areas: [(code: String, name: String)] = [
        ("lincolnshire", "Lincolnshire"), ("kent", "Kent"), ("sefton", "Sefton"), ("doncaster", "Doncaster"),
        ("leeds", "Leeds"), ("manchester", "Manchester"), ("birmingham", "Birmingham"), ("bristol", "Bristol"),
        ("cornwall", "Cornwall"), ("devon", "Devon"), ("cumbria", "Cumbria"), ("norfolk", "Norfolk"),
        ("suffolk", "Suffolk"), ("essex", "Essex"), ("surrey", "Surrey"), ("hampshire", "Hampshire"),
        ("lancashire", "Lancashire"), ("merseyside", "Merseyside"), ("northumbria", "Northumbria"),
        ("durham", "Durham"), ("cardiff", "Cardiff"), ("swansea", "Swansea"), ("gwent", "Gwent"),
        ("nottingham", "Nottingham"), ("derby", "Derby"), ("leicester", "Leicester"), ("coventry", "Coventry"),
        ("sheffield", "Sheffield"), ("bradford", "Bradford"), ("hull", "Hull"), ("york", "York"),
        ("oxford", "Oxfordshire"), ("cambridge", "Cambridgeshire"), ("brighton", "Brighton & Hove"),
        ("plymouth", "Plymouth"), ("southampton", "Southampton"), ("portsmouth", "Portsmouth"),
        ("wolverhampton", "Wolverhampton"), ("sunderland", "Sunderland"), ("middlesbrough", "Middlesbrough"),
    ]

    /// The agencies every area has: code suffix, name pattern (`%` is the area's name), sector.
    static let localAgencies: [(suffix: String, name: String, sector: Sector)] = [
        ("police", "% Police", .police),
        ("csp", "Safer % Partnership", .partnership),
        ("scp", "% Safeguarding Children Partnership", .partnership),
        ("sab", "% Safeguarding Adults Board", .partnership),
        ("icb", "% Integrated Care Board", .health),
        ("council", "% Council", .localAuthority),
        ("csc", "% Children's Social Care", .childrensSocialCare),
        ("asc", "% Adult Social Care", .adultSocialCare),
    ]

    static let nationalAgencies: [(code: String, name: String, sector: Sector)] = [
        ("home-office", "Home Office", .national), ("dhsc", "Department of Health and Social Care", .national),
        ("dfe", "Department for Education", .national), ("nhs-england", "NHS England", .health),
        ("cspr-panel", "Child Safeguarding Practice Review Panel", .national), ("ofsted", "Ofsted", .national),
        ("cqc", "Care Quality Commission", .national), ("hmpps", "HM Prison and Probation Service", .probation),
        ("da-commissioner", "Domestic Abuse Commissioner", .national), ("moj", "Ministry of Justice", .national),
        ("safelives", "SafeLives", .voluntary), ("refuge", "Refuge", .voluntary),
    ]

    static let extraThemes: [(String, String)] = [
        ("substance-misuse", "Substance misuse"), ("mental-health", "Mental health"), ("housing", "Housing"),
        ("older-people", "Older people"), ("young-people", "Young people"), ("neglect", "Neglect"),
        ("suicide", "Suicide and self-harm"), ("economic-abuse", "Economic abuse"),
        ("stalking", "Stalking and harassment"),
    ]

    static let names = [
        "Louise", "Darren & Bethany", "Amira", "Joanne", "Sarah", "Kelly", "Zoë", "Siobhán", "Priya", "Hannah",
        "Grace", "Olivia", "Mary", "Anne", "Fatima", "Jade", "Rebecca", "Eleanor", "Chloé", "Agnieszka",
        "Bethan", "Ffion", "Mohammed", "Paul", "Tom", "Leah", "Kayleigh", "Emily", "Nadia", "Ruth",
    ]

    static let letters = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W", "X", "Y", "Z"]

    static let authors = [
        "a.patel", "j.morgan", "s.okafor", "r.hughes", "k.evans", "m.nowak", "l.chen", "d.o'brien", "f.ahmed",
        "e.williams", "c.murphy", "h.jones", "sample-importer",
    ]

    // Phrase banks: a sentence is an opener, an action, an object and a qualifier.
    static let recOpeners = [
        "The partnership should", "All partner agencies should", "The Safeguarding Board should seek assurance that agencies",
        "Commissioners should", "The Home Office should", "The police should", "Health partners should",
        "Children's social care should", "Adult social care should", "The local authority should",
        "Probation should", "GP practices should", "The Community Safety Partnership should",
        "Housing providers should", "Schools and colleges should", "Substance misuse services should",
    ]
    static let actionOpeners = [
        "Deliver", "Review and relaunch", "Audit", "Publish", "Embed", "Develop", "Refresh", "Commission",
        "Introduce", "Update", "Roll out", "Evaluate", "Brief all staff on", "Include in supervision",
        "Strengthen", "Map",
    ]
    static let verbs = [
        "review", "strengthen", "embed", "audit", "update", "develop", "relaunch", "evaluate", "promote",
        "ensure compliance with", "raise awareness of", "provide training on", "clarify", "monitor the use of",
    ]
    static let objects = [
        "the escalation policy", "the MARAC referral pathway", "information sharing between agencies",
        "the DASH risk assessment", "routine enquiry about domestic abuse", "professional curiosity in home visits",
        "the multi-agency safeguarding hub's triage", "the response to repeat call-outs", "the use of Clare's Law",
        "trauma-informed practice", "the recording of protected characteristics", "joint working with housing",
        "the transition from children's to adult services", "the 'Think Family' approach", "coercive control",
        "stalking and harassment risk", "the response to non-fatal strangulation", "pathways for older victims",
        "support for children who witness abuse", "the identification of economic abuse",
        "the management of perpetrators under MAPPA", "discharge planning from hospital", "safety planning",
        "the Domestic Violence Disclosure Scheme", "referrals to IDVA services", "carers' assessments",
    ]
    static let qualifiers = [
        "so that risk is reassessed after every incident", "across all partner agencies",
        "with particular attention to victims with complex needs", "including for staff working out of hours",
        "and report progress to the board within six months", "so that the voice of the child is heard",
        "taking account of the victim's culture, faith and language", "within existing resources",
        "and share the learning through the annual seminar", "with a measurable target for completion",
        "drawing on the findings of this review", "so that no referral is closed without contact",
        "in line with the statutory guidance (2016, revised 2024)", "with an audit after 12 months",
        "including agencies outside the area", "so that practitioners know when to escalate concerns",
    ]
    static let reasons = [
        "Existing practice already meets this: the MARAC operating protocol (2021) requires it.",
        "Not accepted: the board judged this a national matter outside local control.",
        "Already in place through the multi-agency risk assessment conference, audited annually.",
        "Not accepted by the Home Office; the partnership will raise it with the Domestic Abuse Commissioner.",
        "Covered by the existing training programme, which all frontline staff complete each year.",
        "Superseded by the national framework published after the review, which covers the same ground.",
    ]
    static let outcomeTexts = [
        "All partner agencies provided positive assurance at the board meeting.",
        "Audit of 40 cases found the policy followed in 37; re-audit planned.",
        "Training delivered to 312 practitioners; follow-up questionnaire showed improved confidence.",
        "Policy relaunched; the agency reports that referrals have increased by 20%.",
        "Partial assurance: two agencies have yet to report; chased by the business manager.",
        "Dip sample showed the DASH completed in every case, but the quality of narrative varied.",
        "The board accepted the evidence and closed the recommendation.",
        "No update received this quarter; escalated to the chair.",
    ]
    static let measures = [
        "Number of officers trained", "Audit shows 90% compliance", "Policy published on the intranet",
        "Referral rates monitored quarterly", "Staff survey shows improved confidence", "Dip sample of 20 cases",
        "Report to the board", "Completed by November 2021",
    ]
    static let evidence = [
        "Training register", "Audit report to the board", "Copy of the revised policy", "Minutes of the board meeting",
        "Dip-sample results", "Attendance figures and evaluation forms",
    ]
    static let findingTexts = [
        "Risk was not reassessed after the second call-out.",
        "Information held by the GP practice was not shared with the MARAC.",
        "Practitioners did not ask about coercive control when the victim disclosed financial abuse.",
        "The child's voice was not recorded in assessments.",
        "Referrals were closed without contact with the victim.",
        "Agencies worked in isolation and did not hold a professionals' meeting.",
        "There was a lack of professional curiosity about the perpetrator's history.",
        "The victim's cultural and language needs were not considered.",
    ]
}
