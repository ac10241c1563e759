#!/usr/bin/env bash
# Builds the sample store (the repo's data/) from the five public documents named in data/README.md,
# using nothing but rlt commands. data/README.md explains what is in it and every judgement call.
#
# usage: Scripts/build-sample-store.sh OUTDIR
#   RLT=path/to/rlt   the binary to use (default: .build/debug/rlt)
#
# OUTDIR may exist (data/ keeps its README.md) but must not already hold a store. To rebuild data/:
#   rm -rf data/tracker.json data/events.json data/reviews data/.lock && Scripts/build-sample-store.sh data
set -euo pipefail

if [ "$#" -ne 1 ]; then
    echo "usage: Scripts/build-sample-store.sh OUTDIR" >&2
    exit 64
fi
OUT=$1
RLT=${RLT:-.build/debug/rlt}
if [ ! -x "$RLT" ]; then
    echo "build-sample-store: no rlt binary at $RLT (run 'swift build' first, or set RLT)" >&2
    exit 1
fi
if [ -e "$OUT/tracker.json" ]; then
    echo "build-sample-store: $OUT already holds a store; remove tracker.json, events.json and reviews/ first" >&2
    exit 1
fi

# ---------------------------------------------------------------------------------------------------------
# Dates. Every write runs with --as-of the day of the document it records, so history entries (their `on`),
# last_update and --stale are as of the documents' time, not the day this script runs. Only Kent's paper is
# dated to the day; the others are the project's reading, explained in data/README.md ("Dates of the records").
# ---------------------------------------------------------------------------------------------------------
DB_DAY=2024-03-31      # 000 Darren & Bethany: undated; looks forward to the LCJB meeting in April 2024
CHILD_G_DAY=2021-11-30 # 001 Child G: undated; "revised in November 2021", a bid due "by 1st December 2021"
KENT_DAY=2014-03-18    # 002 Kent: the Kent Community Safety Partnership meeting of 18 March 2014
PANEL_DAY=2022-09-30   # 004 Panel briefing: "September 2022"; the last day of that month
STORE_DAY=$DB_DAY      # the latest document's day: the directory, themes, and 003 Louise (which has no date)
LOUISE_DAY=$STORE_DAY

AS_OF=$STORE_DAY
r() { "$RLT" --store "$OUT" --author sample-store --as-of "$AS_OF" "$@"; }

"$RLT" --as-of "$AS_OF" init "$OUT" --name "rlt sample store: five public safeguarding review documents"

# ---------------------------------------------------------------------------------------------------------
# Agency directory: every body that owns, leads, commissions, receives, gives assurance, is to be engaged, shares
# an action or acts in a record.
# ---------------------------------------------------------------------------------------------------------

# 000 Lincolnshire (Darren & Bethany)
r agency add slp --name "Safer Lincolnshire Partnership" --sector partnership
r agency add ldap --name "Lincolnshire Domestic Abuse Partnership" --sector partnership
r agency add lscp --name "Lincolnshire Safeguarding Children Partnership" --sector partnership
r agency add lincs-police --name "Lincolnshire Police" --sector police
r agency add lincs-csc --name "Lincolnshire Children's Social Care (CSC)" --sector childrens-social-care
r agency add lpft --name "Lincolnshire Partnership Foundation Trust (LPFT)" --sector health
r agency add lincs-opcc --name "Office of Police and Crime Commissioner (OPCC), Lincolnshire" --sector other
r agency add lincs-lcjb --name "Local Criminal Justice Board (LCJB), Lincolnshire" --sector partnership
r agency add lincs-lfjb --name "Local Family Justice Board (LFJB), Lincolnshire" --sector partnership

# 001 Doncaster (Child G)
r agency add doncaster-scp --name "Doncaster Safeguarding Children Partnership (DSCP)" --sector partnership
r agency add ps-yath --name "Probation Service Yorkshire and the Humber (PS YaTH)" --sector probation
r agency add hmpps --name "HM Prison and Probation Service (HMPPS)" --sector national
r agency add national-mappa-team --name "National MAPPA team" --sector national
r agency add mappa-smb --name "MAPPA Strategic Management Board" --sector partnership
r agency add south-yorkshire-police --name "South Yorkshire Police" --sector police
r agency add dcst --name "Doncaster Children's Services Trust" --sector childrens-social-care
r agency add doncaster-council-lei --name "Doncaster Council - Localities and Early Intervention" --sector local-authority
r agency add doncaster-da-services --name "Doncaster Council Domestic Abuse Services" --sector local-authority
r agency add rdash --name "Rotherham Doncaster and South Humber NHS Trust" --sector health
r agency add sy-vru --name "South Yorkshire Violence Reduction Unit" --sector partnership
r agency add youth-endowment-fund --name "Youth Endowment Fund" --sector voluntary

# 002 Kent
r agency add kent-csp --name "Kent Community Safety Partnership" --sector partnership
r agency add medway-csp --name "Medway Community Safety Partnership" --sector partnership
r agency add kent-medway-dhr-steering-group --name "Kent and Medway DHR Steering Group" --sector partnership
r agency add home-office --name "Home Office" --sector national

# 003 Sefton (Louise)
r agency add safer-sefton-together --name "Safer Sefton Together Partnership" --sector partnership
r agency add sefton-dap-board --name "Sefton Domestic Abuse Partnership Board" --sector partnership
r agency add da-commissioner --name "Domestic Abuse Commissioner" --sector national
r agency add aafda --name "AAFDA (Advocacy After Fatal Domestic Abuse)" --sector voluntary
r agency add swaca --name "SWACA (Sefton Women's and Children's Aid)" --sector voluntary
r agency add sefton-idva --name "Sefton IDVA Service" --sector other
r agency add sefton-csc --name "Sefton Children's Social Care" --sector childrens-social-care
r agency add sefton-marac --name "Sefton MARAC" --sector partnership
r agency add sefton-gps --name "Sefton GP practices" --sector health

# 004 National Panel briefing
r agency add csprp --name "Child Safeguarding Practice Review Panel" --sector national
r agency add safeguarding-partners --name "Local child safeguarding partners (England)" --sector partnership
r agency add local-da-partnerships --name "Local domestic abuse partnerships and boards (England)" --sector partnership

# ---------------------------------------------------------------------------------------------------------
# Themes beyond the built-in vocabulary, each used by at least one record below.
# ---------------------------------------------------------------------------------------------------------
r theme add substance-misuse --label "Substance misuse"
r theme add mental-health --label "Mental health"
r theme add housing --label "Housing and accommodation"
r theme add suicide --label "Suicide and suicide prevention"
r theme add protected-characteristics --label "Protected characteristics and demographic recording"
r theme add specialist-services --label "Specialist domestic abuse services"
r theme add commissioning --label "Commissioning and resourcing"
r theme add governance --label "Partnership governance and accountability"
r theme add supervision --label "Management oversight and supervision"
r theme add engagement --label "Engaging people who do not take up support"
r theme add dvds --label "Domestic Violence Disclosure Scheme (Clare's Law)"

# =========================================================================================================
# 000 Lincolnshire: joint DHR/CSPR "Darren & Bethany" (recommendation -> outcome table). Undated.
# =========================================================================================================
AS_OF=$DB_DAY
r review add darren-bethany --type joint --title "Darren & Bethany" \
    --partnership slp --partnership lscp \
    --status completed \
    --theme awareness --theme coercive-control --theme safeguarding-children --theme perpetrators \
    --theme information-sharing --theme training --theme risk-assessment --theme marac-mappa \
    --theme engagement --theme commissioning --theme dvds --theme whole-family \
    --summary "Joint Domestic Homicide Review and Child Safeguarding Practice Review in Lincolnshire after the deaths of Bethany and Darren. The learning document pairs each recommendation with the partnerships' outcome to date. It shows numbers only from 3i on: the two recommendations before 3i are numbered 1 and 2 here, and the 'ii)' that follows 4i is 4ii. The document and its outcomes are undated; only the LPFT e-learning that 'went live in 2022' is dated (an earlier outcome on 3ii). It looks forward to the LCJB meeting in April 2024, so its records are dated as of 2024-03-31, the project's reading. The review is recorded as completed, not published: the 5i outcome expects the case study to be used 'post publication'." \
    --source "Learning from the Joint Domestic Homicide Review/Child Safeguarding Practice Review on Darren & Bethany"

r rec add darren-bethany/1 --level local \
    --owner slp --owner ldap --owner lscp --owner lincs-police \
    --theme awareness --theme coercive-control --theme safeguarding-children --theme training --theme dvds \
    --text "SLP, LDAP and LSCP to coordinate raising professionals' awareness and understanding of: (i) the Domestic Violence Disclosure Scheme, Protection Notices and Orders (led by Lincolnshire Police); (ii) harassment and stalking risks during separation; (iii) coercive and controlling behaviours; (iv) household domestic abuse always harming children, with this case as a study and agency guidance."
r rec add darren-bethany/2 --level local \
    --owner ldap --owner lscp --assurance-by all-partners \
    --theme engagement --theme risk-assessment --theme whole-family --theme marac-mappa \
    --text "LDAP and LSCP to seek assurance from partners that, working with domestic abuse victims who are unable or reluctant to engage, they consider which person or agency could best help engagement, so risk to the victim and children is properly assessed and the victim supported (for example a family member through Lincolnshire CSC's 'Family Seeing', or MARAC and an IDVA)."
r rec add darren-bethany/3i --level local \
    --owner lscp --owner lincs-csc --assurance-by lincs-csc \
    --theme safeguarding-children --theme information-sharing \
    --text "LSCP to seek assurance from Children's Social Care that it has made local Child in Need processes more inclusive, with all relevant agencies, including those providing services to adults, included in the process and meetings; this includes considering that the meetings have records taken."
r rec add darren-bethany/3ii --level local --link 3i \
    --owner slp --owner ldap --assurance-by all-partners \
    --theme safeguarding-children --theme perpetrators --theme risk-assessment \
    --text "SLP and LDAP to seek assurance from all agencies that staff are aware of the impact of domestic abuse on safeguarding children, and that the agencies make sure perpetrator risk assessments feed into safety planning for the children in the family."
r rec add darren-bethany/4i --level local --due 2024 \
    --owner ldap \
    --date-note "Due date taken from the 4i outcome's plan for the perpetrator programme, 'including implementation in 2024'; the document gives no deadline for the recommendation." \
    --theme perpetrators --theme commissioning \
    --text "LDAP to seek assurance from agencies working with domestic abuse perpetrators that they can co-commission with them services giving a robust response that tries to change abusive behaviour and prevent future abuse."
r rec add darren-bethany/4ii --level local --link 4i \
    --owner ldap \
    --from 2024 --through 2025 \
    --date-note "The outcome calls the work 'an integral part of 24/25 training plan': recorded as the period 2024 to 2025. The document gives no deadline, and does not say whether 24/25 is a financial or an academic year." \
    --theme perpetrators --theme training \
    --text "LDAP to seek assurance that those supporting and working with perpetrators are fully trained, so that interventions target and manage their abusive behaviour."
r rec add darren-bethany/5i --level local --due 2024-04 \
    --owner lscp --owner ldap --engage lincs-lcjb \
    --date-note "Due date taken from the LCJB meeting 'in April 2024' at which, the outcome says, the case study 'will be presented'; the document gives no deadline." \
    --theme awareness \
    --text "LSCP and LDAP to engage with the Local Criminal Justice Board to promote its use of the learning from the deaths of Bethany and Darren as a case study, raising awareness and understanding of the domestic abuse risks in such cases."
r rec add darren-bethany/5ii --level local --due 2024-06 \
    --owner lscp --owner ldap --engage lincs-lfjb \
    --date-note "Due date taken from the LFJB annual conference, which the outcome says 'will be held in June 2024'; the document gives no deadline." \
    --theme coercive-control --theme training \
    --text "LSCP and LDAP to explore with the Local Family Justice Board provision of the multi-disciplinary training recommended by the Harm Panel, focused on coercive and controlling behaviour, including the ways perpetrators use private law children's proceedings as part of it."
r rec add darren-bethany/6 --level local \
    --owner slp --owner lscp --assurance-by all-partners \
    --theme information-sharing --theme training \
    --text "SLP and LSCP to seek assurance from partners that their information sharing systems share information in domestic abuse cases in a timely and appropriate way, include the voluntary sector as an integral part of safeguarding information sharing, remind staff of their duty to share, and give them the chance to be fully trained in information sharing."

# The outcomes are undated in the document; none gives an assurance grade.
r outcome add darren-bethany/1 --date undated \
    --text "All training across the partnerships was reviewed in light of the learning, key messages are being shared across adult and child workforces, and a new eLearning on the impact of domestic abuse on children was developed. Courses are reviewed regularly; a new process for impact assessing the training in practice will be reported on in the LSCP Annual Report."
r rec update darren-bethany/1 --status implemented

r outcome add darren-bethany/2 --date undated --by all-partners \
    --text "Most Team Around the Child meetings are led by a practitioner outside Children's Services whom the family chooses; MARAC and specialist service referrals come from many agencies; the reluctant-families course was reviewed; CSC ran bitesize training on networks and fathers. 'All partner agencies provided positive assurance in response to this recommendation' (no grade given)."
r rec update darren-bethany/2 --status implemented

r outcome add darren-bethany/3i --date undated --by lincs-csc \
    --text "Children's Services made the recommended changes to Child in Need processes and developed resources and training to embed them; invitations to and attendance at CIN meetings will be tracked and barriers addressed, and records and minutes should capture key discussions, reasons for decisions and next steps. 'Planned audit activity will provide further assurance' of changes to practice."
r rec update darren-bethany/3i --status implemented

r outcome add darren-bethany/3ii --date 2022 \
    --text "The LPFT (Lincolnshire Partnership Foundation Trust) e-learning on Children who Experience Domestic Abuse went live."
r outcome add darren-bethany/3ii --date undated \
    --text "Attendance at the LPFT e-learning is monitored and reported to the LSCP and LDAP Operational Delivery Groups; as under 3i, work has been completed on making Child in Need processes and meetings more inclusive of all relevant partners."
r rec update darren-bethany/3ii --status in-progress

r outcome add darren-bethany/4i --date undated \
    --text "The OPCC drafted a perpetrator service model from a needs assessment and the previous commissioned programme, and confirmed funding of 50% of the cost; a request for information closed with 4 interested parties. The re-established Perpetrator Project Group is to agree funding contributions and project management, including implementation in 2024."
r rec update darren-bethany/4i --status in-progress

r outcome add darren-bethany/4ii --date undated \
    --text "LDAP will use the Make a Change resources to produce a training package and toolkit/guidance notes for staff working with perpetrators. The work is in development and an integral part of the 24/25 training plan, and will complement the Lincolnshire Perpetrator Programme, 'so is linked to 4i'."
r rec update darren-bethany/4ii --status in-progress

r outcome add darren-bethany/5i --date undated \
    --text "A case study has been produced and will be presented to the LCJB meeting in April 2024. It will then be developed into a resource for all partners 'for use post publication' and used in local internal and multi-agency training. All LDAP domestic abuse training is free to LCJB members."
r rec update darren-bethany/5i --status in-progress

r outcome add darren-bethany/5ii --date undated \
    --text "The LFJB confirmed its next annual conference, in June 2024, will focus on domestic abuse; LDAP and LSCP representatives have been invited to share the review's learning and recommendations, with links to the Harm Panel recommendations. All LDAP domestic abuse training is free to LFJB members."
r rec update darren-bethany/5ii --status in-progress

r outcome add darren-bethany/6 --date undated \
    --text "The LSCP completed a review of its information sharing agreement and protocols, which were signed off, and published and distributed a policy and top tips guide across the partnership; LDAP reviewed and updated its Domestic Abuse Framework."
r rec update darren-bethany/6 --status implemented

# =========================================================================================================
# 001 Doncaster: CSPR "Child G" (learning by agency, then each agency's responses). Undated; read as November 2021.
# =========================================================================================================
AS_OF=$CHILD_G_DAY
r review add child-g --type cspr --title "Child G" \
    --partnership doncaster-scp \
    --incident 2020-01-09 \
    --status published \
    --theme safeguarding-children --theme perpetrators --theme risk-assessment --theme information-sharing \
    --theme professional-curiosity --theme coercive-control --theme marac-mappa --theme supervision \
    --theme governance --theme dvds --theme trauma-informed --theme whole-family --theme training \
    --summary "Child G died in hospital in Doncaster on 9 January 2020, aged 2 years and 3 days, from head injuries sustained at home. His mother's new partner (Adult HM) was convicted of his murder and his mother (Adult GF) of causing or allowing his death. The family was unknown to children's social care; Adult HM, a prolific violent offender managed by Probation, was never assessed above medium risk of serious harm to a child, and a police visit in August 2019 missed a chance to learn he lived with the family. The review began as a Rapid Review; its learning falls under domestic abuse and violence, risk assessment, and partnership working. It has no numbered recommendations: the learning by audience is findings F1-F27 (F27, for schools, health and Early Help, has three audiences) and the Appendix 1 agency responses are actions A1-A62." \
    --source "Doncaster Safeguarding Children Partnership: Child Safeguarding Practice Review, Child G - key findings, learning by agency, and Appendix 1 'Agency responses to the learning identified'"

# Learning for Probation Services
r finding add child-g --id F1 --audience ps-yath --theme risk-assessment --theme supervision \
    --text "Timeliness, constant management oversight and quality assurance of risk assessment are essential; risk assessment should try to recognise the voices of the adults and children around the individual and include the widest partnership knowledge."
r finding add child-g --id F2 --audience ps-yath --theme professional-curiosity --theme risk-assessment --theme information-sharing \
    --text "Practitioners need to be curious and courageous in managing offenders, using all available information for holistic assessments of need, harm and risk and looking beyond the immediate concerns and the obvious family context."
r finding add child-g --id F3 --audience ps-yath --theme supervision \
    --text "Management and professional supervision should be frequent, impactful and well recorded, and any key event or concerning issue in a case should trigger management oversight."
r finding add child-g --id F4 --audience ps-yath --theme supervision \
    --text "Managers should know individual cases well enough, through oversight, supervision and audit, to intervene where needed; oversight, supervision and case audit should be core practice."
r finding add child-g --id F5 --audience ps-yath --theme safeguarding-children --theme risk-assessment --theme perpetrators \
    --text "When assessing the risk from violent offenders in personal relationships, every child needs to be identified and their lived experience understood, with clear interventions to reduce the harm the offender poses."
r finding add child-g --id F6 --audience ps-yath --theme safeguarding-children \
    --text "Children suffer serious harm, visible or not, through domestic abuse and should be treated as potential victims: they do not just witness it, they 'live it'."
r finding add child-g --id F7 --audience ps-yath --theme risk-assessment --theme supervision \
    --text "Differing risk assessments should prompt professional concern, discussion and management oversight; case notes should analyse rather than just describe, recording reasons for key decisions and the enquiries made to check information."
r finding add child-g --id F8 --audience ps-yath --theme risk-assessment \
    --text "Practitioners must review case notes over time to spot patterns of risky behaviour and review risk assessments and plans, especially when a case moves between practitioners."
r finding add child-g --id F9 --audience ps-yath --theme perpetrators \
    --text "Practitioners and managers should routinely check progress against Community Order and licence conditions so impact is captured and plans revised to manage risk and support desistance."
r finding add child-g --id F10 --audience ps-yath --theme professional-curiosity --theme risk-assessment \
    --text "Information about an individual should be considered in the widest sense, to understand their behaviour, risks and context when assessing risk and making decisions."

# Learning for Police
r finding add child-g --id F11 --audience south-yorkshire-police --theme professional-curiosity --theme safeguarding-children \
    --text "Where domestic abuse is reported or suspected, officers and staff must be professionally curious enough to satisfy themselves that every potential victim, including all children, is safe during and after their contact, engaging children directly."
r finding add child-g --id F12 --audience south-yorkshire-police --theme information-sharing --theme perpetrators \
    --text "When attending reports of domestic abuse, officers must make best efforts to identify all those involved, victims and perpetrators, including anyone who has left the scene, and share all information under local safeguarding policies."
r finding add child-g --id F13 --audience south-yorkshire-police --theme professional-curiosity --theme coercive-control \
    --text "Officers should be professionally curious and ready to challenge, alert to unseen levels of coercive control within the family."
r finding add child-g --id F14 --audience south-yorkshire-police --theme safeguarding-children \
    --text "Officers should know, and be confident in using, their powers of entry to protect victims and children where domestic abuse is a factor."

# Learning for Children's Social Work Services
r finding add child-g --id F15 --audience dcst --theme risk-assessment \
    --text "Analysis of need, harm and risk to children needs to rest on the full picture of information about everyone involved."
r finding add child-g --id F16 --audience dcst --theme information-sharing --theme professional-curiosity \
    --text "Information sharing between social work and other safeguarding partners needs to be full, effective and efficient, and backed by professional curiosity."
r finding add child-g --id F17 --audience dcst --theme perpetrators --theme safeguarding-children \
    --text "Perpetrators must be easy to identify in children's records, with their current risk to children visible; social work must respond to the true impact of violence and domestic abuse on the child's lived experience, alert to bias when an adult's needs are overwhelming."
r finding add child-g --id F18 --audience dcst --theme risk-assessment --theme safeguarding-children \
    --text "Caution is needed when relying on the DASH to understand a child's experience of domestic abuse; other tools such as the Barnardo's Rim Ram may be more effective."
r finding add child-g --id F19 --audience dcst --theme trauma-informed --theme mental-health \
    --text "Children should receive proportionate psychological first aid as soon as is right for them, and services must plan so court proceedings do not stand in the way of good mental health when children experience trauma."

# Learning for the Partnership
r finding add child-g --id F20 --audience doncaster-scp --theme information-sharing \
    --text "Processes and practice across the Doncaster Safeguarding Partnership should support effective, efficient information sharing in all directions, in line with legislation and guidance."
r finding add child-g --id F21 --audience doncaster-scp --theme risk-assessment \
    --text "Partners should look for new opportunities for multi-agency discussion of the different risk assessment tools in use, to understand what each one identifies."
r finding add child-g --id F22 --audience doncaster-scp --theme risk-assessment --theme perpetrators \
    --text "Considering the outcomes of several risk assessment tools together, as part of the response to domestic abuse, could add real value in understanding the true risk from offenders and in safety planning for adult and child victims."
r finding add child-g --id F23 --audience doncaster-scp --theme marac-mappa --theme perpetrators \
    --text "The partnership should recognise the strength of working together to manage offenders who pose a significant risk of harm, and must understand that Probation cannot do this alone; Probation and its partners need to see the benefits of wider use of the MAPPA categories and levels."
r finding add child-g --id F24 --audience doncaster-scp --theme marac-mappa \
    --text "Decisions on the MAPPA level at which someone is managed should rest on their full history of offending and behaviour and be kept under review, with key changes prompting re-evaluation."
r finding add child-g --id F25 --audience doncaster-scp --theme governance \
    --text "Strong, relentlessly focused partnership governance and leadership is essential to deliver the multi-agency Domestic Abuse Strategy, understand the harm domestic abuse causes, run a quality assurance and performance framework and provide services for affected children."
r finding add child-g --id F26 --audience doncaster-scp --theme dvds \
    --text "The Domestic Violence Disclosure Scheme 2016 (Clare's Law) could be used more preventatively, through the 'Right to Know' for partners."

# Learning for schools, health services and Early Help: one point with three audiences
r finding add child-g --id F27 --audience education --with health --with doncaster-council-lei \
    --theme professional-curiosity --theme whole-family \
    --text "Doncaster's schools, health services and Early Help are ideally placed to learn more about children's paternity, and should use professional curiosity to find other significant adults in a child's life and who else may be in the family home."

# Appendix 1: agency responses. Probation Services.
r action add child-g --id A1 --agency ps-yath --for F1 --for F8 \
    --text "Launch the unified Probation Service Yorkshire and the Humber, reinforcing the need to review assessments at key points when significant events happen during a sentence."
r action update child-g/A1 --status done --completed undated \
    --evidence "PS YaTH has been launched and is part of operational practice."
r action add child-g --id A2 --agency ps-yath \
    --date-note "'Embedding their use over the coming 12-18 months will be a priority'; the document gives no start, so no due date." \
    --text "Embed the new operating model's toolkits for work with people on probation (reviewed by the national effective interventions panel) over the coming 12-18 months, a priority for the new organisation."
r action update child-g/A2 --status in-progress
r action add child-g --id A3 --agency ps-yath \
    --measure "Use of the toolkits monitored through ongoing quality assurance and the practice forum." \
    --text "Create a practice development forum to support embedding the toolkits across Doncaster Probation."
r action update child-g/A3 --status done --completed undated \
    --evidence "The practice development forum has been created."
r action add child-g --id A4 --agency ps-yath --due 2022 \
    --date-note "Due date taken from the pilot's evaluation, 'with findings due out in 2022'." \
    --measure "Evaluation of the pilot, with findings due out in 2022." \
    --text "Run a polygraph pilot in Doncaster for people convicted of offences linked to domestic abuse."
r action update child-g/A4 --status in-progress
r action add child-g --id A5 --agency ps-yath --for F2 --due 2022-03 \
    --date-note "'this business year': read as the 2021/22 business year, which ends in March 2022; the document gives no date." \
    --text "Deliver further workshops and learning on professional curiosity for practitioners and front-line managers across the Probation Service this business year."
r action add child-g --id A6 --agency ps-yath --for F5 --for F6 \
    --text "Probation Child Safeguarding and Domestic Abuse Forums to monitor compliance with the HMPPS Child Safeguarding Policy Framework (draft out for consultation until 6 October 2021; it covers multi-agency working through MARAC, MASH and MAPPA) and support the Performance & Quality Team's quality assurance."
r action add child-g --id A7 --agency ps-yath --for F3 --for F4 \
    --text "Line manage all staff under the HMPPS Line Management, Supervision and Appraisal Framework, with governance monitoring the level and quality of supervision and all managers undertaking SEEDs training."
r action update child-g/A7 --status in-progress
r action add child-g --id A8 --agency ps-yath --for F3 --for F4 --for F7 \
    --text "Continue launching the Touch Point model under the Doncaster Probation Delivery Unit's local delivery plan, so practitioners discuss a case's risks and needs with their line manager at set points."
r action update child-g/A8 --status in-progress
r action add child-g --id A9 --agency ps-yath \
    --text "Create a new learning and development plan, as part of unification, to support all practitioners with the target operating model."
r action update child-g/A9 --status done --completed undated \
    --evidence "The learning and development plan has been created."
r action add child-g --id A10 --agency ps-yath --for F5 --for F6 \
    --from 2021 --through 2022 \
    --date-note "'This training will be delivered to all front-line staff through 2021-2022': a period of work, not a deadline." \
    --text "Train all front-line staff through 2021-2022 on the nature and harm of domestic abuse from an all-family perspective and the new Domestic Abuse Bill 2021 legislation; the Service's 16 days of action on violence against women and girls also cover the right to know and legislation updates."
r action add child-g --id A11 --agency ps-yath \
    --text "Put a public protection delivery plan in place for each Probation Delivery Unit."
r action update child-g/A11 --status done --completed undated \
    --evidence "Public protection delivery plans are in place for each Probation Delivery Unit."
r action add child-g --id A12 --agency ps-yath --for F1 --due 2022 \
    --date-note "Due date taken from 'will form part of business as usual practice in 2022'." \
    --text "Develop regional quality assurance frameworks after unification, to become business as usual in 2022."
r action update child-g/A12 --status in-progress
r action add child-g --id A13 --agency ps-yath --for F1 \
    --measure "Compliance with the training across the workforce tracked on the Learning and Development dashboard." \
    --text "Make Spousal Assault Risk Assessment (SARA) training available online to all practitioners."
r action update child-g/A13 --status done --completed undated \
    --evidence "SARA training is online for all practitioners and a Learning and Development dashboard has been produced."
r action add child-g --id A14 --agency ps-yath --for F2 --for F20 \
    --text "Revise information sharing between the Probation Service and Children's Services and between the Probation Service and South Yorkshire Police, with staff briefings, and review it regularly for consistency and quality."
r action update child-g/A14 --status done --completed undated \
    --evidence "A revised process is in place and staff briefings have taken place across Probation."
r action add child-g --id A15 --agency ps-yath --for F2 \
    --text "Make professional curiosity training available to all Probation staff and mandatory for all practitioners in the unified Probation Service."
r action update child-g/A15 --status in-progress
r action add child-g --id A16 --agency ps-yath --for F23 --for F24 --due 2021-11 --approximate \
    --date-note "'due to be published in the Autumn', with no year: read as autumn 2021 and due at the end of November, the end of autumn." \
    --text "Launch the HMPPS Policy Framework for managing MAPPA level 1 cases, due to be published in the autumn, which supports screening all MAPPA cases to decide the right level of management, with a series of staff briefings."
r action add child-g --id A17 --agency ps-yath --for F20 --for F23 --due 2021-06-12 \
    --date-note "Due date taken from the board meeting 'on 12.06.21', read in the UK order as 12 June 2021; the document gives no deadline. The response is in the future tense while an earlier Probation response mentions a consultation 'until 6th October 2021', so 12.06.21 may instead mean 6 December 2021." \
    --text "Raise the need for all partner agencies to share information and engage fully with MAPPA at the MAPPA Strategic Management Board on 12.06.21, and add it to the SMB business plan."
r action add child-g --id A18 --agency ps-yath --for F23 \
    --text "Offer MAPPA training to all partners every quarter, so that better understanding of MAPPA brings a wider range of referrals from across the partnership."
r action update child-g/A18 --status in-progress
r action add child-g --id A19 --agency national-mappa-team --for F23 --for F24 \
    --text "Update the chapter on domestic abuse in the MAPPA guidance."
r action update child-g/A19 --status in-progress
r action add child-g --id A20 --agency ps-yath --for F9 \
    --measure "Effectiveness of interventions monitored and completion rates meeting target levels." \
    --text "Embed the new national standards and quality/performance measures for the new Probation region, with regular monitoring and assurance activity."

# South Yorkshire Police
r action add child-g --id A21 --agency south-yorkshire-police --for F11 --for F13 --due 2021-11 \
    --from 2020-10-14 \
    --date-note "'launched force wide on the force intranet on 14th October 2020 ... expected to be completed by November 2021'." \
    --measure "Number of officers/staff receiving the training, from computerised training records." \
    --text "Deliver the Domestic Abuse Matters training force wide, including discussion of coercive control through facilitated group work and real scenarios; launched on 14 October 2020, first delayed by COVID, now under way and expected to be completed by November 2021."
r action update child-g/A21 --status in-progress --on 2020-10-14 \
    --note "Domestic Abuse Matters training launched force wide on the force intranet."
r action add child-g --id A22 --agency south-yorkshire-police --for F11 \
    --text "Identify 'force champions' to give extra advice and guidance to officers and staff dealing with child abuse and neglect."
r action add child-g --id A23 --agency south-yorkshire-police --for F13 \
    --measure "Number of officers/staff receiving the training, from computerised training records." \
    --text "Train all staff in the Domestic Abuse Risk Assessment (DARA) Department on the DASH assessment and coercive controlling behaviour (CCB)."
r action update child-g/A23 --status done --completed undated \
    --evidence "All DARA staff have had Dr Laura Richards DASH training and training on CCB, stalking and harassment; the DARA Manager, an accredited trainer, reviews training needs and trains new staff. New employees (including officers) continue to receive domestic abuse input in their initial police training."
r action add child-g --id A24 --agency south-yorkshire-police --for F11 --for F12 \
    --date-note "'the communication and initial measurement of success to be completed within three months'; the document gives no start, so no due date." \
    --measure "Monthly DASH failure figures track progress and show improvements or failures in DASH submissions; communication and first measurement of success within three months." \
    --text "Publish a direction to staff on the force intranet, backed up in the weekly 'Operational Updates' to supervisors and in the monthly DASH failure email from PVP Governance (officers should submit a DASH in all reported domestic abuse)."
r action update child-g/A24 --status in-progress
r action add child-g --id A25 --agency south-yorkshire-police \
    --text "Intranet article telling officers and staff about the support services available to victims in South Yorkshire."
r action update child-g/A25 --status done --completed 2020-12-18
r action add child-g --id A26 --agency south-yorkshire-police \
    --text "Intranet article on the 'Bright Sky' app, encouraging officers and staff to consider it when working with victims."
r action update child-g/A26 --status done --completed 2021-02-16
r action add child-g --id A27 --agency south-yorkshire-police --for F12 \
    --text "Intranet article reminding officers and staff to complete DASH risk assessments in full, including whether the victim consents to support, so the right referrals follow."
r action update child-g/A27 --status done --completed 2021-03-25
r action add child-g --id A28 --agency south-yorkshire-police --for F11 \
    --text "Intranet guidance: complete DASH assessments with victims face to face (a COVID-era change) and follow the domestic abuse procedural instruction: Pronto investigation and DASH before going off duty, referrals to IDVA, MARAC and Victim Support, and ongoing safeguarding of victims and families."
r action update child-g/A28 --status done --completed 2021-06-10

# Doncaster Children's Services Trust
r action add child-g --id A29 --agency dcst --for F16 --for F20 \
    --text "Continue embedding the Multi-agency Safeguarding Hub, with co-location the key next step (nearly resolved); MASH and front door reports go to the Improvement Board and will go to the DSCP."
r action update child-g/A29 --status in-progress
r action add child-g --id A30 --agency dcst \
    --text "Contribute to the multi-agency audit of the response to child exploitation, whose outcome will be reported to the DSCP."
r action update child-g/A30 --status in-progress
r action add child-g --id A31 --agency dcst \
    --text "Establish a rolling programme of multi-agency audits, complemented by the Trust's own rolling audits and themed dip sampling."
r action update child-g/A31 --status done --completed undated \
    --evidence "The rolling programme of multi-agency audits has been established."
r action add child-g --id A32 --agency dcst --for F25 \
    --text "Complete the partnership Domestic Abuse Strategy, overseen by COSOG (in final draft)."
r action update child-g/A32 --status in-progress
r action add child-g --id A33 --agency dcst \
    --text "Finalise and implement the Quality Assurance Framework."
r action update child-g/A33 --status done --completed undated \
    --evidence "Finalised and implemented; reviewed and revised in November 2021."
r action add child-g --id A34 --agency dcst --due 2021-12 \
    --date-note "'We expect this to be finalised in December 2021'." \
    --text "Finalise the Domestic Abuse Navigator quality assurance processes."
r action update child-g/A34 --status in-progress
r action add child-g --id A35 --agency dcst --for F17 --due 2021-12 \
    --date-note "'this will be completed by December 2021'." \
    --text "Complete further communication on the use of markers in MOSAIC, following the revised and communicated process."
r action add child-g --id A36 --agency dcst --for F16 \
    --text "Children's Social Care to attend MARAC consistently."
r action update child-g/A36 --status done --completed undated \
    --evidence "Children's Social Care have attended MARAC consistently since the issue was raised."
r action add child-g --id A37 --agency dcst \
    --text "Create a Service Manager post to lead and coordinate the Trust's preventative work across its projects and processes."
r action update child-g/A37 --status done --completed 2021-08 \
    --evidence "The Service Manager started in post in August 2021."

# Doncaster Council - Localities and Early Intervention
r action add child-g --id A38 --agency doncaster-council-lei \
    --text "Train Early Intervention and Localities staff, including the Early Help, Family Hubs and Early Years teams, in trauma informed practice."
r action update child-g/A38 --status done --completed undated
r action add child-g --id A39 --agency doncaster-council-lei --with dcst --for F27 \
    --text "Early Years Safeguarding team to work with DCST on evening sessions of 'Signs of Safety' training, so childminders and nursery providers can attend and learn the curiosity approach to working with families."
r action update child-g/A39 --status done --completed undated
r action add child-g --id A40 --agency doncaster-council-lei --for F27 \
    --text "Include the trauma informed approach in all safeguarding training and in Speech, Language and Communication Needs training, and emphasise the curiosity approach in Early Years safeguarding training."
r action update child-g/A40 --status done --completed undated
r action add child-g --id A41 --agency doncaster-council-lei --for F27 \
    --text "Build trauma informed practice across Early Help: Level 1 training on Buy Doncaster (funded by the South Yorkshire Violence Reduction Unit), and a Senior EH Pathway Lead with a Level 5 qualification training Family Lead Practitioners, feeding the L3 Early Intervention Qualification and teaching schools and council services."
r action update child-g/A41 --status in-progress
r action add child-g --id A42 --agency doncaster-council-lei \
    --text "Make sure staff have completed domestic abuse training, know the support services and how to refer, and have leaflets for victims and for people who are abusive."
r action update child-g/A42 --status done --completed undated
r action add child-g --id A43 --agency doncaster-council-lei --for F27 \
    --text "Family hub practitioners to seek fathers' details actively and, where they are not given, record clearly why the father is not known."
r action update child-g/A43 --status done --completed undated
r action add child-g --id A44 --agency doncaster-council-lei --for F27 \
    --text "Practitioners to follow up families whose attendance at the family hub drops off, and record the outcome."
r action update child-g/A44 --status done --completed undated
r action add child-g --id A45 --agency doncaster-council-lei \
    --text "Develop the 'Injury to child proforma' further, with managers overseeing it to identify themes or trends."
r action update child-g/A45 --status done --completed undated
r action add child-g --id A46 --agency doncaster-council-lei --for F27 --due 2021-05 --approximate \
    --date-note "'the training will be implemented in spring 2021': due at the end of May, the end of spring." \
    --text "Develop training for Family Hub teams on professional curiosity in group work programmes, focusing on changes in the behaviour, appearance and attendance of carers and children, to be implemented in spring 2021."
r action update child-g/A46 --status in-progress
r action add child-g --id A47 --agency doncaster-council-lei \
    --text "Family Hub Service Manager to attend the new domestic abuse theme groups on vulnerable children and the MATAC meetings, to understand local risk, flag prolific perpetrators who move between relationships and tailor family hub services."
r action update child-g/A47 --status done --completed undated
r action add child-g --id A48 --agency doncaster-council-lei \
    --text "Co-locate Family Lead Practitioners in the Family Hubs, visiting children and families at home."
r action update child-g/A48 --status done --completed undated

# Rotherham Doncaster and South Humber NHS Trust
r action add child-g --id A49 --agency rdash --for F27 --from 2021-05 \
    --date-note "'From May 2021, training around professional curiosity and paternity will be included in the Health Visiting Services yearly training updates': a start, not a deadline." \
    --measure "A yearly dip-sample audit, fed back to the team and into the next training updates; safeguarding training compliance monitored monthly (above the Trust target)." \
    --text "Include professional curiosity and paternity in the Health Visiting Service's yearly training updates from May 2021."
r action add child-g --id A50 --agency rdash --for F27 \
    --text "Update practice at initial visits for a consistent, deeper level of professional curiosity, exploring paternity and parental responsibility at all Health Visiting contacts."
r action update child-g/A50 --status done --completed 2021-03
r action add child-g --id A51 --agency rdash --for F27 --due 2021-06 \
    --date-note "'All staff will have completed this training by the end of June 2021'; a later bullet reports it completed, without a date." \
    --text "Encourage fathers to join groups and home contacts, open records for fathers and partners present at contacts (with consent), and train all staff by the end of June 2021 to update groups, relationships and parental responsibility on the electronic patient record."
r action update child-g/A51 --status done --completed undated \
    --evidence "The training on updating groups and relationships and adding parental responsibility has been completed; male records are opened for fathers and partners present who consent."
r action add child-g --id A52 --agency rdash --for F27 \
    --date-note "'delivered to staff on 28th 29th September': the document gives no year; read as 2021." \
    --text "Deliver Learning from Serious Case Review training, including professional curiosity, to staff (28 and 29 September)."
r action update child-g/A52 --status done --completed 2021-09

# Domestic Abuse Services
r action add child-g --id A53 --agency doncaster-da-services --with dcst --with doncaster-council-lei --for F19 --due 2021-12-01 \
    --date-note "'ready for submission by 1st December 2021'." \
    --text "With DCST and Early Help, apply to the Youth Endowment Fund's September 2021 round for funding for trauma informed therapeutic intervention with children and families affected by domestic abuse, ready for submission by 1 December 2021."
r action update child-g/A53 --status in-progress
r action add child-g --id A54 --agency doncaster-da-services --for F26 \
    --date-note "'at the launch of the DA Strategy on 29th October': the document gives no year; read as 2021." \
    --text "Promote the Domestic Violence Disclosure Scheme: a presentation at the Domestic Abuse Strategy launch, information on the initiatives page of the domestic abuse website, and further campaign work."
r action update child-g/A54 --status in-progress --on 2021-10-29 \
    --note "Presentation about the Domestic Violence Disclosure Scheme given at the launch of the Domestic Abuse Strategy."
r action add child-g --id A55 --agency doncaster-da-services --for F26 \
    --text "Refresh and relaunch the domestic abuse protocol (domestic abuse information, referral pathways and services, already including this scheme)."
r action add child-g --id A56 --agency doncaster-da-services --for F26 \
    --text "Make sure all MARAC/MATAC Chairs are aware of and consider Clare's Law applications."
r action add child-g --id A57 --agency doncaster-da-services --for F26 \
    --text "Make sure Domestic Abuse Hub Advisors consider a Right to Know application for every victim of a serial perpetrator referred to them; a new Hub manager is in post and 'this will be picked up as part of her role'."
r action add child-g --id A58 --agency doncaster-da-services --for F23 --for F26 --due 2021-11 \
    --date-note "Due date taken from 'The report is going to the SSDP in November' (no year; read as 2021); the document gives no deadline." \
    --text "Develop a robust process for managing serial perpetrators, with Clare's Law used in the family's safety plan; a report on the options, from serial perpetrator work by Doncaster Council, Probation, DCST and SYP, goes to the SSDP in November."
r action update child-g/A58 --status in-progress
r action add child-g --id A59 --agency doncaster-da-services --for F26 \
    --text "Review all domestic abuse training to make sure it covers awareness of Clare's Law (some already does)."

# Doncaster Safeguarding Children Partnership
r action add child-g --id A60 --agency doncaster-scp \
    --text "Monitor progress of the agency responses and action plans through the Case Review Group, seeking assurance and evidence where appropriate."
r action update child-g/A60 --status in-progress
r action add child-g --id A61 --agency doncaster-scp \
    --text "Cascade the learning from this review across the partnership and more widely where relevant."
r action add child-g --id A62 --agency doncaster-scp \
    --text "Embed the learning in multi-agency training where appropriate."

# =========================================================================================================
# 002 Kent CSP, 18 March 2014: common lessons from DHRs and how they are disseminated
# =========================================================================================================
AS_OF=$KENT_DAY
r review add kent-dhr-lessons-2014 --type thematic --title "Lessons Learned from Domestic Homicide Reviews (DHRs)" \
    --partnership kent-csp \
    --published 2014-03-18 \
    --status published \
    --theme awareness --theme health-response --theme risk-assessment --theme information-sharing \
    --theme complex-needs --theme perpetrators --theme safeguarding-children --theme training \
    --summary "Paper for information to the Kent Community Safety Partnership meeting of 18 March 2014, by the Head of Community Safety & Emergency Planning. It summarises the common lessons from completed Kent and Medway DHRs and from the Home Office's November 2013 report on themes in the DHRs submitted to it for quality assurance, and explains how they are being cascaded to practitioners (three Lessons Learned Seminars, publication of completed DHRs on the Kent and Medway CSP web pages). It makes no recommendations; its seven lessons (paragraphs 2.1-2.7) are recorded as findings F1-F7." \
    --source "Kent Community Safety Partnership, 18 March 2014: Lessons Learned from Domestic Homicide Reviews (DHRs)"

r finding add kent-dhr-lessons-2014 --id F1 --para 2.1 --audience kent-csp --theme awareness --theme coercive-control \
    --text "Awareness raising and communication: practitioners lack understanding of which behaviours amount to domestic abuse; some agencies seem to recognise only physical abuse and miss the danger of power- and control-based behaviour."
r finding add kent-dhr-lessons-2014 --id F2 --para 2.2 --audience health --theme health-response --theme training --theme awareness \
    --text "Awareness and training for healthcare professionals: GPs' responses to domestic abuse were found inadequate nationally and in most Kent and Medway DHRs; disclosures to healthcare professionals are not always followed up and they lack knowledge of how to respond."
r finding add kent-dhr-lessons-2014 --id F3 --para 2.3 --audience kent-csp --theme risk-assessment --theme training \
    --text "Risk assessment: agencies need a consistent approach to risk assessment and safety planning, reviewing assessments as risk changes; some agencies need more training in risk assessment and management."
r finding add kent-dhr-lessons-2014 --id F4 --para 2.4 --audience kent-csp --theme information-sharing \
    --text "Information sharing and multi-agency working: inadequate information sharing and too few interagency referrals meant victims missed extra support; families moving between areas made records hard to access or transfer, delaying information sharing."
r finding add kent-dhr-lessons-2014 --id F5 --para 2.5 --audience kent-csp --theme complex-needs --theme substance-misuse --theme mental-health \
    --text "Complex needs: people had several needs at once, such as domestic abuse, sexual abuse, alcohol or drug misuse and mental illness, but agencies often worked in silos on their own specialism instead of a multi-agency response."
r finding add kent-dhr-lessons-2014 --id F6 --para 2.6 --audience kent-csp --theme perpetrators --theme information-sharing --theme housing \
    --text "Perpetrators and bail: nationally, some cases showed poor information sharing about release on bail or from prison, procedures not followed after breaches of bail, and no suitable accommodation on release from prison, so perpetrators returned home and continued the abuse."
r finding add kent-dhr-lessons-2014 --id F7 --para 2.7 --audience kent-csp --theme safeguarding-children \
    --text "Safeguarding children: where there were children in the family, chances to refer them to Children's Services were sometimes missed, and some agencies working with the adults did not appear to consider the children's needs."

r action add kent-dhr-lessons-2014 --id A1 --agency kent-csp \
    --text "Publish every completed DHR on the Kent and Medway CSP pages of both councils' websites."
r action update kent-dhr-lessons-2014/A1 --status done --completed undated \
    --evidence "The paper (3.2) reports all completed DHRs published on both councils' CSP pages; it does not say when."
r action add kent-dhr-lessons-2014 --id A2 --agency kent-medway-dhr-steering-group --due 2014 \
    --date-note "'Further Lessons Learned Seminars will be arranged during 2014' (3.5)." \
    --text "Arrange further Lessons Learned Seminars during 2014 to share the lessons and themes from the other DHRs completed by then."

# =========================================================================================================
# 003 Sefton: DHR "Louise" (lessons to be learned; national and local panel recommendations). No date at all.
# =========================================================================================================
AS_OF=$LOUISE_DAY
r review add louise --type dhr --title "Louise" \
    --partnership safer-sefton-together \
    --status published \
    --theme trauma-informed --theme awareness --theme coercive-control --theme perpetrators \
    --theme information-sharing --theme marac-mappa --theme suicide --theme complex-needs --theme engagement \
    --theme specialist-services --theme health-response --theme safeguarding-children --theme training \
    --theme risk-assessment \
    --summary "Domestic Homicide Review for the Safer Sefton Together Partnership. Its lessons concern the link between domestic abuse and trauma, a victim-blaming culture in some agencies, support for a mother when her children are removed, information sharing between MARAC, Children's Social Care and GPs, holding perpetrators to account, and engagement with an IDVA. The panel's recommendations are not numbered in the report: here 1-3 are the national recommendations (Home Office and Domestic Abuse Commissioner, including a duty to report back) and 4-13 those for the Sefton Domestic Abuse Partnership Board, in the report's order. The text gives no date, so its records are dated as of the store's latest document day, 2024-03-31, a convention, not the review's date." \
    --source "Domestic Homicide Review 'Louise' (Safer Sefton Together Partnership): Lessons to be learned; Panel Recommendations"

r finding add louise --id F1 --audience safer-sefton-together --theme trauma-informed --theme awareness \
    --text "The relationship between domestic abuse and trauma is still not well understood by all agencies, especially its impact on the victim/survivor and the support they need to recover."
r finding add louise --id F2 --audience safer-sefton-together --theme trauma-informed --theme engagement \
    --text "Some agencies have an underlying victim-blaming culture, born of frustration when women do not take up support; not engaging should be understood in the light of trauma, and the woman is never to blame: responsibility for the abuse lies with the perpetrator."
r finding add louise --id F3 --audience sefton-csc --theme safeguarding-children --theme specialist-services --theme whole-family \
    --text "Where there is domestic abuse and Children's Social Care are involved, structured support for the mother is essential, and referrals to specialist agencies should be monitored to make sure she is engaging."
r finding add louise --id F4 --audience sefton-csc --theme safeguarding-children --theme trauma-informed \
    --text "Agencies lacked understanding of the impact on Louise of removing her children; removal should be handled with understanding and empathy, without blame, recognising the risks to the parent."
r finding add louise --id F5 --audience sefton-marac --with sefton-csc --with sefton-gps \
    --theme information-sharing --theme marac-mappa --theme health-response \
    --text "MARAC, Children's Social Care and GPs should explore information sharing, especially about the impact of removing children, so that support is in place for the abused mother."
r finding add louise --id F6 --audience safer-sefton-together --theme perpetrators \
    --text "Male perpetrators must be held properly to account, through rigorous checks, attendance at courses and stringent licence requirements, or they will go on abusing."
r finding add louise --id F7 --audience safer-sefton-together --theme information-sharing --theme engagement \
    --text "No agency had full knowledge of Louise's history and circumstances, which stood in the way of her getting and accepting specialist support; she lacked one consistent professional, and engagement models such as assertive outreach exist for people unable to reach services."
r finding add louise --id F8 --audience sefton-idva --theme engagement --theme specialist-services \
    --text "It is unclear why Louise did not engage consistently with an IDVA; this was not fully explored and no plan was made to help her engage."

r rec add louise/1 --level national \
    --owner home-office --owner da-commissioner \
    --theme risk-assessment --theme marac-mappa --theme perpetrators \
    --text "Recommendation to the Home Office and the Domestic Abuse Commissioner that the Home Office issue guidance treating repeat victims of more than one perpetrator as a special category of domestic abuse victim/survivor with automatic escalation to MARAC, and that the DASH risk assessment be amended to reflect this, with guidance and training in place."
r rec add louise/2 --level national \
    --owner home-office --owner da-commissioner \
    --text "The Home Office and the Domestic Abuse Commissioner to report back to Safer Sefton Together, Louise's mother and father, AAFDA, and the Minister and Shadow Minister for Domestic Violence and Safeguarding."
r rec add louise/3 --level national \
    --owner home-office \
    --theme suicide \
    --text "The Home Office to consider a recommendation that a full forensic investigation takes place when a 'gold flag' victim dies by suicide."
r rec add louise/4 --level local \
    --owner sefton-dap-board \
    --theme awareness --theme training --theme trauma-informed --theme coercive-control --theme suicide \
    --text "Sefton Domestic Abuse Partnership Board to organise domestic abuse awareness training for all relevant agencies, covering the impact of blaming victim/survivors for perceived 'poor choices', trauma-informed practice, coercive control, suicide and suicide prevention, and learning from DHRs."
r rec add louise/5 --level local \
    --owner sefton-dap-board \
    --theme awareness --theme specialist-services \
    --text "Board to make sure non-specialist services understand the referral pathways for supporting victim/survivors, including referral to specialist domestic abuse agencies where appropriate."
r rec add louise/6 --level local \
    --owner sefton-dap-board \
    --theme complex-needs --theme specialist-services \
    --text "Board to develop further specialist support for victim/survivors affected by multiple disadvantage, beyond the specialist IDVA already in post."
r rec add louise/7 --level local \
    --owner sefton-dap-board --engage sefton-idva --engage swaca --engage sefton-csc \
    --theme information-sharing --theme risk-assessment --theme safeguarding-children \
    --text "Board to lead on improving liaison between the IDVA Service, SWACA and Children's Social Care, with a clear protocol on the lead agency, better information sharing and monitoring and managing risk."
r rec add louise/8 --level local \
    --owner sefton-dap-board \
    --theme engagement --theme trauma-informed \
    --text "Board to review the support for survivors of ongoing domestic abuse who do not engage with services, or do so only intermittently."
r rec add louise/9 --level local \
    --owner sefton-dap-board \
    --theme specialist-services \
    --text "Board to consider whether the IDVA service has enough capacity for the volume of cases in Sefton, to reduce the need for a waiting list."
r rec add louise/10 --level local \
    --owner sefton-dap-board --engage sefton-gps \
    --theme health-response \
    --text "Board to explore the options for introducing an IRIS Programme in Sefton within GP practices. The report adds: 'It is noted that IRIS is being introduced in Sefton.'"
r rec add louise/11 --level local \
    --owner sefton-dap-board --engage sefton-gps --engage sefton-marac --engage sefton-csc \
    --theme information-sharing --theme marac-mappa --theme health-response \
    --text "Board to explore information sharing between GPs, MARAC and Children's Social Care."
r rec add louise/12 --level local \
    --owner sefton-dap-board \
    --theme perpetrators \
    --text "Board to convene and lead an inquiry into repeat offenders/perpetrators, with recommendations on how to prevent further offences and keep women safe."
r rec add louise/13 --level local \
    --owner sefton-dap-board \
    --theme information-sharing \
    --text "Guidance to be developed for professionals on referring recent domestic abuse incidents to the police, even if the victim/survivor is resistant."

# =========================================================================================================
# 004 National Child Safeguarding Practice Review Panel: Briefing 2 (September 2022), thematic analysis
# =========================================================================================================
AS_OF=$PANEL_DAY
r review add panel-da-briefing-2022 --type thematic --title "Multi-agency safeguarding and domestic abuse" \
    --partnership csprp \
    --published 2022-09 \
    --status published \
    --theme domestic-abuse-informed --theme trauma-informed --theme intersectional --theme whole-family \
    --theme safeguarding-children --theme marac-mappa --theme coercive-control --theme protected-characteristics \
    --theme specialist-services --theme commissioning --theme governance --theme information-sharing --theme training \
    --summary "Thematic analysis, commissioned by the Child Safeguarding Practice Review Panel from Althea Cribb and Sarah Lawrence, of 72 reviews where domestic abuse featured (50 rapid reviews, 13 serious case reviews, 7 local child safeguarding practice reviews, 1 serious youth violence review and 1 joint SCR and DHR), with a literature review, stakeholder meetings, a national survey of local safeguarding children partnerships (94 responses) and local area visits. Domestic abuse was a factor in over 40% of cases notified to the Panel in 2020. Findings: F1-F12 the key findings, F13-F15 from 'Practice and interventions', F16-F19 the four core practice principles. The recommendations for safeguarding partners are 'not mandates, but suggestions' and unnumbered: they are 1-7 here in order, with the three points under the seventh as 7i-7iii; the Panel issues them to local partners." \
    --source "Child Safeguarding Practice Review Panel: Multi-agency safeguarding and domestic abuse, Panel Briefing 2 (September 2022)"

r finding add panel-da-briefing-2022 --id F1 --kind key-finding --audience safeguarding-partners --theme specialist-services \
    --para "Key findings: Multi-agency join-up in safeguarding children when there is domestic abuse" \
    --text "The sampled reviews showed no evidence of a coordinated multi-agency response to domestic abuse; very few specialist domestic abuse services were referenced and none sat on review panels."
r finding add panel-da-briefing-2022 --id F2 --kind key-finding --audience safeguarding-partners --theme domestic-abuse-informed --theme professional-curiosity \
    --para "Key findings: Lack of understanding of domestic abuse" \
    --text "Practitioners, and the authors of reviews, named 'domestic abuse' without exploring its nature or its impact on the child and family: all 72 reviews referenced domestic abuse but only 35 described the type of abuse."
r finding add panel-da-briefing-2022 --id F3 --kind key-finding --audience safeguarding-partners --theme marac-mappa --theme risk-assessment --theme specialist-services \
    --para "Key findings: No 'whole system' response" \
    --text "There was no whole-system response: multi-agency working appeared only in cases graded 'high risk' with the DASH; 13 of 72 reviews referenced MARAC, used primarily as designed, for adult victims only; adult victims were 'signposted' to specialist services, which were not involved in ongoing child safeguarding arrangements."
r finding add panel-da-briefing-2022 --id F4 --kind key-finding --audience safeguarding-partners --theme coercive-control --theme domestic-abuse-informed \
    --para "Key findings: Distinguishing domestic abuse from 'parental conflict'" \
    --text "Reviews showed an overemphasis on physical violence: non-physical incidents were treated as 'low level' and conflated with 'parental conflict', coercive and controlling behaviour was missed, and mothers were sometimes held equally responsible."
r finding add panel-da-briefing-2022 --id F5 --kind key-finding --audience safeguarding-partners --theme safeguarding-children \
    --para "Key findings: Children as victims of domestic abuse" \
    --text "Concerns for children were often categorised as emotional harm or neglect rather than direct abuse, with actions aimed at the mother; partnerships' responses to the Domestic Abuse Act 2021 recognising children as victims were varied."
r finding add panel-da-briefing-2022 --id F6 --kind key-finding --audience safeguarding-partners --theme safeguarding-children --theme trauma-informed \
    --para "Key findings: Impact of abusers' behaviours on children and young people" \
    --text "Harm differed with children's age and stage; the lasting impact is under-researched, support often ends once a family is deemed 'safe', and adolescents' earlier abuse was seen as 'in the past'. Practitioners should be aware of long-term impacts and the need for ongoing support."
r finding add panel-da-briefing-2022 --id F7 --kind key-finding --audience safeguarding-partners --theme safeguarding-children --theme professional-curiosity \
    --para "Key findings: Children's voices and their experiences of services" \
    --text "Children's voices were largely absent from the reviews; nearly all families were known to children's social care (90%) and police (81%), and children were sometimes seen but not spoken with because they 'seemed well'."
r finding add panel-da-briefing-2022 --id F8 --kind key-finding --audience safeguarding-partners --theme coercive-control \
    --para "Key findings: The impact of COVID-19 lockdowns" \
    --text "COVID-19 restrictions enabled further controlling and coercive behaviour and raised risks to children; in remote meetings professionals could not know who was present or whether the victim and child could speak freely."
r finding add panel-da-briefing-2022 --id F9 --kind key-finding --audience safeguarding-partners --theme protected-characteristics --theme intersectional \
    --para "Key findings: The needs of children, young people and families from diverse backgrounds (ethnicity)" \
    --text "Demographic information was poorly recorded: religion, gender identity and sexual orientation were missing, a third of reviews recorded no ethnicity for the child, only one review analysed the family's ethnicity, and 'by and for' specialist services were lacking."
r finding add panel-da-briefing-2022 --id F10 --kind key-finding --audience safeguarding-partners --theme perpetrators --theme whole-family \
    --para "Key findings: The needs of children, young people and families from diverse backgrounds (gender)" \
    --text "Mothers were the victims in 92% of cases, abused by the children's father, stepfather or a male partner, yet there is a lack of response to those causing harm, and the myth that men and fathers are 'invisible' endures."
r finding add panel-da-briefing-2022 --id F11 --kind key-finding --audience safeguarding-partners --theme protected-characteristics --theme intersectional \
    --para "Key findings: The needs of children, young people and families from diverse backgrounds (disability)" \
    --text "Two cases identified a child with a learning disability and none recorded disability of parents or carers; disabled adults are more likely to experience domestic abuse and face more barriers to support."
r finding add panel-da-briefing-2022 --id F12 --kind key-finding --audience safeguarding-partners --theme protected-characteristics --theme intersectional \
    --para "Key findings: The needs of children, young people and families from diverse backgrounds (immigration status)" \
    --text "Insecure immigration status and no recourse to public funds are major barriers to safety: victims fear their children will be removed or placed with perpetrators, and once they disclose they become an 'immigration case'."
r finding add panel-da-briefing-2022 --id F13 --audience safeguarding-partners --theme information-sharing --theme marac-mappa --theme specialist-services \
    --para "Practice and interventions: Multi-agency safeguarding hubs" \
    --text "Multi-agency safeguarding hub 'front door' arrangements were the most evident joint response, mostly managing police notifications; there can be an unspoken hierarchy with the local authority as decision maker, and domestic abuse specialists may be there to 'consult' rather than as equal partners. MARAC can share information well on adult victims, less so on those who harm and on children."
r finding add panel-da-briefing-2022 --id F14 --audience education --theme information-sharing --theme safeguarding-children \
    --para "Practice and interventions: Operation Encompass" \
    --text "Operation Encompass notifications from police to schools were often cited in reviews as good practice, but reviews did not explore what schools were expected to do for the child."
r finding add panel-da-briefing-2022 --id F15 --audience safeguarding-partners --theme governance \
    --para "Practice and interventions: Domestic abuse partnerships and boards" \
    --text "Domestic abuse partnerships and boards report to community safety partnerships, with a 'dotted line' link to safeguarding children partnerships and safeguarding adults boards, usually for an annual report; mutual accountability for children as victims varies greatly across England."
r finding add panel-da-briefing-2022 --id F16 --kind practice-principle --audience safeguarding-partners --theme domestic-abuse-informed --theme coercive-control \
    --para "Four core practice principles: Domestic abuse-informed" \
    --text "Core practice principle, domestic abuse-informed: understand controlling and coercive behaviour as central and distinct from parental conflict, name the abuser's behaviour and its impact, treat adults and children as direct victims, hold abusers accountable, and look at patterns rather than incidents."
r finding add panel-da-briefing-2022 --id F17 --kind practice-principle --audience safeguarding-partners --theme trauma-informed --theme supervision \
    --para "Four core practice principles: Trauma-informed" \
    --text "Core practice principle, trauma-informed: respond in a non-judgemental, non-blaming, strengths-based way that builds trust and avoids re-traumatisation, without colluding with abusive behaviour, and give staff clinical and reflective supervision and support."
r finding add panel-da-briefing-2022 --id F18 --kind practice-principle --audience safeguarding-partners --theme intersectional \
    --para "Four core practice principles: Intersectional" \
    --text "Core practice principle, intersectional: understand how each family's characteristics, history and context intersect with unequal structures such as racism, sexism and poverty, with practitioners aware of their own values and biases."
r finding add panel-da-briefing-2022 --id F19 --kind practice-principle --audience safeguarding-partners --theme whole-family \
    --para "Four core practice principles: Whole family" \
    --text "Core practice principle, whole family: understand what 'family' means to each child, keep the abuser's behaviour linked to its impact on the children and the non-abusing parent, and support child and adult victims and those causing harm while putting safety first."

# The Panel issues these to local partners: level local, issued by csprp.
r rec add panel-da-briefing-2022/1 --level local --issued-by csprp \
    --owner safeguarding-partners \
    --theme governance --theme commissioning \
    --text "Reflecting the new Domestic Abuse Plan (published 30 March 2022), child safeguarding partners should recognise their central role in the local response to domestic abuse, and connect closely with the community safety partnership or domestic abuse board so priorities, work plans, commissioning and budgets align, with clear accountability."
r rec add panel-da-briefing-2022/2 --level local --issued-by csprp \
    --owner safeguarding-partners --owner local-da-partnerships \
    --theme specialist-services --theme commissioning --theme intersectional \
    --text "Local child safeguarding and domestic abuse partnerships should involve specialist services and experts by experience, adults and children, in strategy, commissioning and service design and delivery; specialist services, including those for minoritised and disadvantaged victims, should be recognised and resourced for this work."
r rec add panel-da-briefing-2022/3 --level local --issued-by csprp \
    --owner safeguarding-partners \
    --theme safeguarding-children \
    --text "Local partnerships should look at local safeguarding systems and responses as a whole, not only the 'front door', and move beyond the need to 'manage demand' from domestic abuse notifications."
r rec add panel-da-briefing-2022/4 --level local --issued-by csprp \
    --owner safeguarding-partners \
    --theme training --theme domestic-abuse-informed --theme supervision \
    --text "Training should be embedded across all safeguarding partners so every practitioner gives a domestic abuse-informed response, supported in supervision and reflective practice."
r rec add panel-da-briefing-2022/5 --level local --issued-by csprp \
    --owner safeguarding-partners \
    --theme specialist-services \
    --text "Rapid reviews and local reviews should involve local specialist domestic abuse services in every review where domestic abuse is mentioned, current or historic; specialist services should be recognised and resourced for this."
r rec add panel-da-briefing-2022/6 --level local --issued-by csprp \
    --owner safeguarding-partners \
    --theme protected-characteristics --theme intersectional --theme whole-family \
    --text "Rapid reviews and local reviews should record each family member's protected characteristics and the wider family, so that the family's diverse needs, experiences and networks can be identified and analysed."
r rec add panel-da-briefing-2022/7 --level local --issued-by csprp \
    --owner safeguarding-partners \
    --theme safeguarding-children --theme domestic-abuse-informed \
    --text "Safeguarding partners should read recommendation eight of the national review into the murders of Arthur Labinjo-Hughes and Star Hobson, on practice improvements for domestic abuse, and consider it alongside the recommendations above, including 7i-7iii."
r rec add panel-da-briefing-2022/7i --level local --issued-by csprp --link 7 \
    --owner safeguarding-partners \
    --theme specialist-services --theme information-sharing \
    --text "Safeguarding partners to improve how they work with specialist domestic abuse services through stronger working relationships and clear information sharing protocols."
r rec add panel-da-briefing-2022/7ii --level local --issued-by csprp --link 7 \
    --owner safeguarding-partners \
    --theme commissioning --theme specialist-services --theme awareness \
    --text "Safeguarding partners must be committed to, and fully invested in, commissioning domestic abuse services, and make sure all staff understand the local domestic abuse support offer."
r rec add panel-da-briefing-2022/7iii --level local --issued-by csprp --link 7 \
    --owner safeguarding-partners \
    --theme training --theme domestic-abuse-informed \
    --text "Appropriate responses to domestic abuse should feature clearly in any new National Child Protection Practice Framework, as the national review recommended, and training should be embedded across all safeguarding partners for a domestic abuse-informed response."

# =========================================================================================================
# Dissemination events, in date order, each recorded as of the document that reports it
# =========================================================================================================
AS_OF=$KENT_DAY
r event add --kind seminar --date 2014-Q1 --sessions 3 --expected 360 --review kent-dhr-lessons-2014 \
    --title "Kent and Medway DHR Lessons Learned Seminars (three, January to March 2014)" \
    --location "Different locations across Kent and Medway" \
    --audience "Front-line practitioners across Kent and Medway; the Independent Chairs present each case and the key agencies discuss the changes they made" \
    --feedback "The paper of 18 March 2014 says the seminars 'are being held' in January, February and March 2014 and that 'approximately 360 practitioners will attend' in total: a forecast, not a count. Every delegate is to receive a follow-up questionnaire on whether the seminars helped them develop or adapt their practice."
r event add --kind briefing --date 2014-03-18 --review kent-dhr-lessons-2014 \
    --title "Lessons Learned from DHRs: paper for information to the Kent Community Safety Partnership" \
    --audience "Kent Community Safety Partnership members"
AS_OF=$CHILD_G_DAY
r event add --kind training --date 2020-10-14 --review child-g --serves child-g/A21 \
    --title "South Yorkshire Police Domestic Abuse Matters training launched force wide on the intranet" \
    --location "South Yorkshire Police intranet" \
    --audience "South Yorkshire Police officers and staff"
r event add --kind training --date 2021-09 --review child-g --serves child-g/A52 \
    --title "RDaSH Learning from Serious Case Review training, including professional curiosity (28 and 29 September; the document gives no year)" \
    --audience "Rotherham Doncaster and South Humber NHS Trust staff"
r event add --kind briefing --date 2021-10-29 --review child-g --serves child-g/A54 \
    --title "Presentation on the Domestic Violence Disclosure Scheme at the launch of the Doncaster Domestic Abuse Strategy (29 October; the document gives no year)"
AS_OF=$DB_DAY
r event add --kind e-learning --date 2022 --review darren-bethany --serves darren-bethany/3ii \
    --title "LPFT e-learning: Children who Experience Domestic Abuse" \
    --feedback "Attendance is monitored and reported to the LSCP and LDAP Operational Delivery Groups."
AS_OF=$PANEL_DAY
r event add --kind briefing --date 2022-09 --review panel-da-briefing-2022 \
    --title "Panel Briefing 2: Multi-agency safeguarding and domestic abuse" \
    --audience "Safeguarding partners and those working in child protection"
AS_OF=$DB_DAY
r event add --kind case-study --date 2024-04 --status planned --review darren-bethany --serves darren-bethany/5i \
    --title "Darren & Bethany case study presented to the Local Criminal Justice Board meeting" \
    --audience "Lincolnshire Local Criminal Justice Board"
r event add --kind conference --date 2024-06 --status planned --review darren-bethany --serves darren-bethany/5ii \
    --title "Local Family Justice Board annual conference on domestic abuse, with LDAP and LSCP invited to present" \
    --audience "Local Family Justice Board"

# The finished store must validate cleanly, also under the consistency rules.
AS_OF=$STORE_DAY
r check --strict
echo "build-sample-store: built the sample store in $OUT" >&2
