"""Word lists of the personal-notes reader: capitalised words that are never names, stop words, team
names, event words, action verbs and the verbs of contact and completion."""

from __future__ import annotations

from .lazy_re import lazy_re


# Capitalised words that are never a person or organisation name.
NOT_NAMES = set(
    """
    I I'm I'll I've I'd Me My Mine We Our Us You Your He She His Her Him Them They Their It Its
    A An The This That These Those If When Then So But And Or Also Not No Yes Ok Okay Hi Hey Hello
    Dear Thanks Thank Best Regards Cheers Re Fwd Fw Subject From To Cc Bcc Sent Date Attendees
    Next Now Today Tomorrow Yesterday Tonight Need Needs Needed Still Waiting Wait Board Done Todo
    Blocked Blocker Pending Maybe Perhaps Please Note Notes FYI Update Updates Status Risk Risks
    Decision Decisions Option Options Action Actions Item Items Question Questions Open Follow Followup
    Mon Tue Tues Wed Weds Thu Thur Thurs Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June July
    August September October November December EOD EOW COB EOM ASAP ETA TBD TBC N/A AM PM UTC AI
    Q1 Q2 Q3 Q4 H1 H2 Will Can Could Should Would Must Might Let Let's Here There Where What Who Why How
    Which After Before During Until Since For With Without Into About Over Under Between Per Via
    Already Just All Any Each Every Some Most More Less Few Both Either Neither Other Another Any
    Weekly Monthly Daily Quarterly Recurring Current Previous Final New Old First Second Third Last
    Emailed Called Asked Pinged Messaged Texted Told Met Spoke Drafted Reviewed Booked Started Finished
    Shipped Received Got Gave Made Prepared Scheduled Requested Raised Flagged Filed Wrote Built Fixed
    Tested Promised Chased Left Sent Agreed Confirmed Approved Discussed Decided Completed Delivered
    Published Released Launched Merged Deployed Closed Resolved Submitted Signed Paid Updated Shared
    Chasing Emailing Calling Asking Sending Writing Planning Working Keep Kept Hand Handoff Delegate
    Ignore Disregard System Assistant User Admin Prompt Instructions Everything Nothing Something Anyone
    Everyone Someone Nobody Budget Contract Renewal Vendor Meeting Docs Report Metrics Launch Release
    Migration Review Draft Template Backup Design Website Hiring Customer Offsite Event Website Kickoff
    Staging Production Prod Dev Steps Step Owner Deadline Due Goal Plan Context Summary Problem Impact
    Is Are Was Were Be Been Has Have Had Do Does Did Get Go Going Send Call Email Ask Check Fix Write
    Team Teams Client Clients Customers Users User Company Office Manager Boss Lead CEO CFO CTO VP HR
    Good Great Fine Bad Sorry Lol Pls Btw Urgent Important Critical High Low Medium P1 P2 P3
    """.split()
)


# Teams and functions that can be waited on even when written in lower case.
TEAMS = {
    "finance", "legal", "it", "design", "marketing", "procurement", "security", "ops", "hr", "sales",
    "support", "platform", "engineering", "product", "accounting", "facilities", "compliance", "data",
    "infra", "infrastructure", "payroll", "qa", "devops", "sre", "leadership", "management", "exec",
}  # fmt: skip


ORG_SUFFIX = lazy_re(
    r"^(?:Corp|Corporation|Inc|Ltd|LLC|GmbH|Co|Group|Labs?|Systems|Solutions|Partners|Bank|Capital|Health|"
    r"Media|Software|Technologies|Tech|Logistics|Consulting|Agency|Studios?|Industries|Holdings|AG|SA|PLC|BV)\.?$"
)


EVENT_WORDS = (
    r"meeting|board|launch|audit|review|deadline|go-?live|campaign|demo|release|offsite|conference|"
    r"webinar|cut-?over|kick-?off|presentation|interview|renewal|onboarding|workshop|summit|event|"
    r"trip|sync|standup|filing|close|quarter-end|year-end|freeze|holidays?|vacation|leave|pitch|"
    r"trade show|deploy(?:ment)?|rollout|handover|migration|signing|visit|submission|exam|ceremony|window|"
    r"switch|cut-?off|switchover|go-?live|session|training|fieldwork|move|promo|party|dinner|hearing|"
    r"inspection|opening|sale|course|class|shoot|recording"
)


STOP = set(
    """
    the and for with from that this have has had was were are been being will would could should
    about into onto over under than then them they their there here what when where which while who
    whom whose also just still need needs needed want wants wanted send sent sending email emailed
    call called asked asking told said says tell make made done doing does work working today
    tomorrow yesterday week weeks month next last this that some more most much many very really
    going back again yet not but can cant cannot didnt dont doesnt wont isnt hasnt havent only even
    well good great thing things stuff other another each every both either before after until
    since because maybe might must shall your yours mine ours hers his him her she he it its our
    out off via per like let lets get got gets give gave take took put able sure okay thanks please
    reply replied response answer waiting wait pending blocked nothing anything something everyone
    meeting update status plan check follow following ping pinged chase chased
    """.split()
)


ACTION_VERBS = set(
    """
    emailed called rang asked pinged messaged texted told met spoke talked followed chased drafted
    wrote reviewed submitted shared updated fixed booked scheduled requested filed raised left posted
    uploaded prepared finished completed shipped delivered checked confirmed escalated reminded nudged
    invited agreed sent got gave made paid ran built bought found heard set kicked caught went brought
    did tested merged deployed released launched published closed resolved signed exported created
    started onboarded interviewed hired approved replied responded received cancelled canceled moved
    renewed organised organized ordered mailed faxed phoned contacted reached emailing calling
    pulled collected gathered compiled tried investigated prototyped verified hit passed crossed
    """.split()
)


NOT_ACTION = {"need", "needed", "blocked", "stuck", "delayed", "planned", "expected", "supposed", "interested",
              "concerned", "worried", "based", "related", "used", "scheduled", "red", "bed", "shed", "speed"}


_LOWER_CONTACT_STOP = STOP | {"him", "her", "them", "back", "again", "abt", "about", "everyone", "someone",
                              "it", "a", "an", "my", "our", "their", "his", "up", "in", "out", "over", "round",
                              "at", "on", "to", "of", "is", "be", "me", "us", "you", "all", "any", "no", "by",
                              "as", "if", "or", "so", "too", "team", "person", "details", "info", "number",
                              "form", "list", "sheet", "doc", "docs", "email", "office", "vendor", "client"}


_LOWER_CONTACT_VERBS = {"emailed", "called", "pinged", "messaged", "texted", "asked", "told", "chased",
                        "nudged", "rang", "phoned", "contacted"}


_FILLER = {"ok", "okay", "hi", "hey", "so", "also", "yes", "no", "fyi", "update", "note", "btw", "and", "but", "well", "hmm",
           "np", "sure", "thx", "thanks", "cool", "great", "k", "kk", "yep", "yeah", "sorry"}


_CONTACT_SET = {"emailed", "called", "rang", "asked", "pinged", "messaged", "texted", "told", "chased",
                "nudged", "reminded", "contacted", "left", "phoned", "followed", "sent", "mailed", "wrote"}


_COMPLETION = {"booked", "paid", "shipped", "published", "released", "launched", "delivered", "signed",
               "submitted", "finished", "completed", "closed", "merged", "deployed", "fixed", "resolved",
               "approved", "hired", "renewed", "ordered", "onboarded", "cancelled", "canceled", "hit", "reached",
               "passed", "crossed"}
