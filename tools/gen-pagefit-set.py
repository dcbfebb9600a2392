#!/usr/bin/python3
"""Synthetic page-fit validation set: generate resumes, render them with LibreOffice, measure.

Writes tests/pagefit/synthetic/: about 60 .docx (python-docx) and 30 .md (pandoc style),
and expected.tsv with LibreOffice's page count and last-page fill for each. The inputs and
expected.tsv are committed; the PDFs are not. tests/pagefit/check.py compares resumelint
with expected.tsv and needs no LibreOffice.

Usage (run from anywhere; python-docx is only needed to generate, not to re-render):
  /usr/bin/python3 tools/gen-pagefit-set.py                generate, fit lengths, render, write expected.tsv
  /usr/bin/python3 tools/gen-pagefit-set.py --render-only  re-render the committed inputs, rewrite expected.tsv
  /usr/bin/python3 tools/gen-pagefit-set.py --check        re-render, compare with expected.tsv, write nothing
  /usr/bin/python3 tools/gen-pagefit-set.py --verify-geometry   check the header push against LibreOffice
  tests/pagefit/regen.sh [--check]                         the same as --render-only (--check)
Options: --out DIR (default tests/pagefit/synthetic), --keep-pdf DIR (keep the PDFs there)

Needs: LibreOffice 7.4 (truth was made with 7.4.7.2, Debian libreoffice-writer-nogui; layout
changes between versions, so a different version makes a different truth: the version is
written into every row), pandoc 2.17 (Markdown -> .docx, its default reference.docx),
poppler-utils 22.12 (pdfinfo, pdftotext), and the font packages of
../shared/corpus/README.md (without fonts-crosextra-carlito/caladea and fonts-liberation2,
LibreOffice falls back to DejaVu and the truth is meaningless; Georgia is not installed and
falls back to DejaVu Serif, on purpose).
Generation must run with /usr/bin/python3 (python-docx 0.8.11, `import docx`).

Time on this 2-core machine: re-rendering (--render-only, --check) about 7 s (90 files: pandoc
and one LibreOffice batch about 6 s, measuring 1.5 s); --verify-geometry about 5 s; generating
about 1 minute, because each document's length is fitted to a target total (page count and
fill) by rendering candidates: about 13 rounds of one LibreOffice batch each, 420 renders.
The fitted lengths depend on the LibreOffice version: regenerate only to change the set;
re-render to move the truth to another LibreOffice version (then review the diff).

Determinism: every document is a function of the fixed seed and of its fitted length; the .docx
zip entries carry a fixed date. With the same LibreOffice, pandoc and fonts the output is
byte-identical.

Truth (as in ../shared/research/page-fit-real.md section 1):
  pages = pdfinfo Pages
  fill  = (largest yMax of a pdftotext -bbox-layout line on the last page - body top) / body height
  total = (pages - 1) + fill
Body top = max(top margin, header distance + header height); body bottom margin likewise with the
footer (header and footer heights computed from their paragraphs: these are one-line paragraphs
with explicit spacing, so LibreOffice's single line height ratio x size is exact; the header
push agrees with LibreOffice to 0.2 pt, see --verify-geometry). Markdown:
pandoc writes no page setup, LibreOffice uses Letter with 1 in margins. Lines are excluded
when their vertical centre lies in the footer area (below the body) or the header area (above
it); a centre test rather than yMax, because pdftotext's yMax is up to 1.5 pt below the line
box and would drop the last line of an exactly full page.
"""
import argparse, io, math, os, random, re, shutil, subprocess, sys, tempfile, time, zipfile
import xml.etree.ElementTree as ET

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DEFAULT = os.path.join(TOP, "tests", "pagefit", "synthetic")
PROFILE = "file:///tmp/lo-profile-pagefit"
SEED = 20240611
N_DOCX = 60
N_MD = 30

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}

# LibreOffice's single line height (hhea ascent + descent + lineGap) / upem of the font it
# lays the family out with (page-fit.md section 2.2). Used for header/footer heights only.
LO_SINGLE = {
    "Calibri": 2500 / 2048,          # Carlito
    "Cambria": 1150 / 1000,          # Caladea
    "Arial": 2355 / 2048,            # Liberation Sans
    "Times New Roman": 2355 / 2048,  # Liberation Serif
    "Courier New": 2320 / 2048,      # Liberation Mono
    "Georgia": 2384 / 2048,          # DejaVu Serif (fallback)
}
FONTS = ["Calibri", "Cambria", "Arial", "Times New Roman", "Courier New", "Georgia"]
AVG_EM = {"Calibri": 0.42, "Cambria": 0.42, "Arial": 0.46, "Times New Roman": 0.42,
          "Courier New": 0.60, "Georgia": 0.53}

# ---------------------------------------------------------------------------------------------
# Resume vocabulary

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Mateo", "Isabella", "Lucas",
         "Mia", "Ethan", "Amelia", "James", "Harper", "Benjamin", "Priya", "Wei", "Fatima", "Diego",
         "Aisha", "Kenji", "Sofia", "Daniel", "Chloe", "Omar", "Grace", "Samuel", "Nora", "Arjun",
         "Hannah", "Gabriel", "Leila", "Marcus", "Elena", "Tomasz", "Yuki", "Rachel", "Andre", "Maya"]
LAST = ["Johnson", "Nguyen", "Garcia", "Patel", "Kim", "Okafor", "Schmidt", "Rossi", "Silva",
        "Kowalski", "Chen", "Martinez", "Anderson", "Thompson", "Haddad", "Novak", "Fischer",
        "Ramirez", "O'Connor", "Sato", "Larsen", "Dubois", "Mensah", "Ivanova", "Brooks", "Reyes",
        "Walker", "Lindqvist", "Moreau", "Bennett"]
CITIES = ["Austin, TX", "Seattle, WA", "Chicago, IL", "Boston, MA", "Denver, CO", "Atlanta, GA",
          "Portland, OR", "Raleigh, NC", "Minneapolis, MN", "San Diego, CA", "Toronto, ON",
          "Pittsburgh, PA", "Columbus, OH", "Phoenix, AZ", "Brooklyn, NY", "Madison, WI"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

FIELDS = {
    "software": {
        "titles": ["Software Engineer", "Senior Software Engineer", "Backend Developer",
                   "Full-Stack Developer", "Platform Engineer", "Staff Engineer",
                   "Site Reliability Engineer", "Junior Developer"],
        "companies": ["Northwind Labs", "Brightpath Systems", "Cobalt Analytics", "Helix Health",
                      "Tidewater Software", "Quantum Freight", "Lumen Retail", "Parcelly",
                      "Acme Cloud", "Greenline Energy", "Vantage Payments", "Orbit Media"],
        "objects": ["the order-processing service", "a customer onboarding API",
                    "the billing pipeline", "an internal deployment tool", "the search indexer",
                    "a React dashboard for support agents", "the authentication service",
                    "a Kafka event bus", "the mobile checkout flow", "legacy PHP modules",
                    "CI pipelines for 40 repositories", "a feature-flag platform",
                    "the data export jobs", "an on-call runbook library"],
        "tools": ["using Python, FastAPI and PostgreSQL", "with Go and gRPC",
                  "on AWS (Lambda, S3, DynamoDB)", "with React and TypeScript",
                  "using Terraform and Kubernetes", "in Java and Spring Boot",
                  "with Redis and Celery", "using GitHub Actions and Docker"],
        "skills": [("Languages", ["Python", "Go", "TypeScript", "Java", "SQL", "Bash", "C++", "Rust"]),
                   ("Frameworks", ["Django", "FastAPI", "React", "Node.js", "Spring Boot", "Flask"]),
                   ("Cloud", ["AWS", "GCP", "Docker", "Kubernetes", "Terraform", "Linux"]),
                   ("Data", ["PostgreSQL", "Redis", "Kafka", "Elasticsearch", "BigQuery"]),
                   ("Practices", ["code review", "TDD", "CI/CD", "observability", "incident response"])],
        "degrees": ["B.S. in Computer Science", "M.S. in Software Engineering",
                    "B.Eng. in Computer Engineering"],
    },
    "data": {
        "titles": ["Data Analyst", "Senior Data Scientist", "Analytics Engineer",
                   "Business Intelligence Analyst", "Machine Learning Engineer", "Data Engineer"],
        "companies": ["Meridian Insurance", "Bluebird Logistics", "Civic Metrics", "Harbor Bank",
                      "Sparrow Health", "Atlas Retail Group", "Fjord Analytics", "Pinecrest Media"],
        "objects": ["a churn prediction model", "weekly executive dashboards",
                    "the marketing attribution report", "an A/B testing framework",
                    "demand forecasts for 300 stores", "the customer segmentation",
                    "a dbt project with 180 models", "fraud detection rules",
                    "the data quality checks", "pricing experiments"],
        "tools": ["using Python, pandas and scikit-learn", "in SQL and dbt", "with Tableau and Looker",
                  "on Snowflake and Airflow", "using R and Shiny", "with Spark on Databricks"],
        "skills": [("Languages", ["Python", "SQL", "R", "Scala"]),
                   ("Tools", ["dbt", "Airflow", "Tableau", "Looker", "Power BI", "Excel"]),
                   ("Methods", ["regression", "forecasting", "causal inference", "A/B testing",
                                "clustering"]),
                   ("Platforms", ["Snowflake", "BigQuery", "Databricks", "Redshift"])],
        "degrees": ["B.S. in Statistics", "M.S. in Data Science", "B.A. in Economics"],
    },
    "marketing": {
        "titles": ["Marketing Coordinator", "Digital Marketing Manager", "Content Strategist",
                   "Brand Manager", "Growth Marketing Lead", "Social Media Specialist"],
        "companies": ["Sunrise Foods", "Evergreen Outdoors", "Copperleaf Studio", "Nimbus Travel",
                      "Crescent Apparel", "Blue Harbor Wines", "Keystone Fitness"],
        "objects": ["paid search campaigns", "the quarterly newsletter", "a product launch plan",
                    "the brand style guide", "influencer partnerships", "email nurture sequences",
                    "the company blog", "trade show programs", "the referral program",
                    "landing pages for 12 products"],
        "tools": ["with HubSpot and Salesforce", "using Google Ads and GA4", "in Figma and Canva",
                  "with Mailchimp", "using Hootsuite and Sprout Social", "with SEMrush"],
        "skills": [("Channels", ["SEO", "SEM", "email", "social", "events", "PR"]),
                   ("Tools", ["HubSpot", "Salesforce", "Google Analytics", "Canva", "Figma"]),
                   ("Skills", ["copywriting", "budget planning", "market research", "reporting"])],
        "degrees": ["B.A. in Communications", "B.B.A. in Marketing", "M.B.A."],
    },
    "operations": {
        "titles": ["Operations Manager", "Project Coordinator", "Supply Chain Analyst",
                   "Program Manager", "Logistics Supervisor", "Office Manager"],
        "companies": ["Riverbend Manufacturing", "Summit Distribution", "Oakridge Hospital",
                      "Metro Transit Authority", "Clearwater Utilities", "Pioneer Builders"],
        "objects": ["the inventory process", "vendor contracts worth $4M", "a warehouse of 60 staff",
                    "the ERP migration", "safety training for new hires", "the shipping schedule",
                    "procurement workflows", "the annual budget", "a cross-site scheduling system",
                    "quality audits"],
        "tools": ["using SAP and Excel", "with Smartsheet and Jira", "in Oracle NetSuite",
                  "with Lean Six Sigma methods", "using Tableau", "with Microsoft Project"],
        "skills": [("Tools", ["SAP", "NetSuite", "Excel", "Smartsheet", "Jira", "Visio"]),
                   ("Methods", ["Lean", "Six Sigma", "Kanban", "root-cause analysis"]),
                   ("Strengths", ["vendor management", "budgeting", "hiring", "training"])],
        "degrees": ["B.S. in Business Administration", "B.S. in Industrial Engineering",
                    "M.S. in Supply Chain Management"],
    },
}
VERBS = ["Led", "Designed", "Built", "Implemented", "Migrated", "Automated", "Redesigned",
         "Launched", "Developed", "Managed", "Coordinated", "Streamlined", "Negotiated", "Owned",
         "Analyzed", "Optimized", "Delivered", "Established", "Introduced", "Rebuilt", "Scaled",
         "Created", "Oversaw", "Standardized", "Maintained", "Expanded", "Documented", "Piloted"]
CONTEXTS = ["for 40+ enterprise clients", "across three regions", "for a team of eight",
            "with the product and design teams", "in a fast-growing startup",
            "during a company-wide reorganization", "for the North America business unit",
            "alongside two senior engineers", "under a tight six-week deadline",
            "for internal and external stakeholders", "as the first hire on the team",
            "in close partnership with finance", "for more than 2 million monthly users"]
RESULTS = ["reducing processing time by {p}%", "cutting costs by ${k}K per year",
           "raising customer satisfaction from {lo}% to {hi}%", "increasing revenue by {p}%",
           "shortening release cycles from two weeks to two days", "lowering error rates by half",
           "saving roughly {h} hours of manual work each week", "improving retention by {pt} points",
           "growing qualified leads by {p}%", "eliminating a recurring audit finding",
           "bringing on-time delivery to {hi}%", "doubling throughput without new hires",
           "cutting onboarding time from {h} days to {pt}", "reducing support tickets by {p}%"]
EXTRA = ["and presented the results to the leadership team", "and trained colleagues on the new process",
         "while mentoring two junior team members", "and wrote the documentation still in use today",
         "and was promoted within the first year", "and set up monthly reviews to track progress"]
SUMMARY_BITS = ["{title} with {n} years of experience in {area}.", "Known for {trait}.",
                "Comfortable working with {who} to turn rough ideas into shipped results.",
                "Recent work focuses on {focus}.", "Looking to bring {trait} to a team that values {value}.",
                "Experienced in {area} across startups and large organizations.",
                "Track record of {trait} and clear written communication."]
TRAITS = ["careful planning", "calm incident handling", "measurable results", "pragmatic problem solving",
          "steady delivery", "data-driven decisions", "cross-team collaboration"]
SCHOOLS = ["University of Michigan", "Georgia Institute of Technology", "Ohio State University",
           "University of Washington", "Boston University", "Arizona State University",
           "University of Toronto", "Purdue University", "Rutgers University", "University of Texas at Austin"]
CERTS = ["AWS Certified Solutions Architect - Associate", "PMP, Project Management Institute",
         "Google Analytics Certification", "Certified Scrum Master", "Tableau Desktop Specialist",
         "Lean Six Sigma Green Belt", "HubSpot Inbound Marketing", "CompTIA Security+"]
PROJECTS = ["Budget Tracker", "Trail Finder", "Open Data Portal", "Recipe Scaler", "Transit Alerts",
            "Volunteer Scheduler", "Invoice Parser", "Reading List App"]
STOP_END = {"by", "to", "and", "with", "of", "for", "the", "a", "an", "in", "on", "across", "using",
            "from", "as", "while", "during", "under", "into", "than", "at", "first", "two", "that"}


def bullet_text(rng, field, nwords):
    f = FIELDS[field]
    words = [rng.choice(VERBS)] + rng.choice(f["objects"]).split()
    nums = lambda: {"p": rng.randint(8, 60), "k": rng.choice([40, 75, 120, 250, 400]),  # noqa: E731
                    "lo": rng.randint(62, 84), "hi": rng.randint(88, 99), "h": rng.randint(5, 30),
                    "pt": rng.randint(2, 4)}
    clauses = [(rng.choice(CONTEXTS), False), (rng.choice(f["tools"]), False),
               (rng.choice(RESULTS).format(**nums()), True), (rng.choice(EXTRA), False),
               (rng.choice(CONTEXTS), False), (rng.choice(RESULTS).format(**nums()), True)]
    rng.shuffle(clauses)
    for c, is_result in clauses:
        if len(words) >= nwords:
            break
        if is_result and words[-1][-1] != ",":
            words[-1] += ","
        words += c.split()
    return words


def finish(words):
    """Bullet words -> sentence: no dangling preposition, a full stop."""
    words = list(words)
    while len(words) > 3 and (words[-1].lower().strip(",") in STOP_END):
        words.pop()
    s = " ".join(words).rstrip(",;")
    return s + "."


def make_content(rng, field, n_jobs, bullets_per_job):
    f = FIELDS[field]
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    first, last = name.split()[0].lower(), name.split()[-1].lower().replace("'", "")
    c = {"name": name, "field": field,
         "email": f"{first}.{last}@{rng.choice(['gmail.com', 'outlook.com', 'proton.me', 'fastmail.com'])}",
         "phone": f"(555) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
         "city": rng.choice(CITIES),
         "linkedin": f"linkedin.com/in/{first}{last}",
         "github": f"github.com/{first[0]}{last}"}
    title = rng.choice(f["titles"])
    area = {"software": "backend systems and cloud infrastructure", "data": "analytics and machine learning",
            "marketing": "digital marketing and brand growth", "operations": "operations and supply chain"}[field]
    bits = []
    for b in rng.sample(SUMMARY_BITS, 3):
        bits.append(b.format(title=title, n=rng.randint(3, 14), area=area, trait=rng.choice(TRAITS),
                             who=rng.choice(["engineers", "analysts", "executives", "customers"]),
                             focus=rng.choice(f["objects"]), value=rng.choice(["ownership", "clarity", "craft"])))
    c["summary"] = " ".join(bits)
    year, month = 2024, rng.randint(0, 11)
    jobs = []
    companies = rng.sample(f["companies"], len(f["companies"]))
    for j in range(n_jobs):
        end = "Present" if j == 0 else f"{MONTHS[month]} {year}"
        months = rng.randint(10, 50)
        month, year = (month - months) % 12, year - ((months - month + 11) // 12 if months > month else 0)
        start = f"{MONTHS[month]} {year}"
        bl = []
        for _ in range(bullets_per_job[j] if j < len(bullets_per_job) else 4):
            bl.append(bullet_text(rng, field, rng.randint(8, 35)))
        jobs.append({"title": rng.choice(f["titles"]), "company": companies[j % len(companies)],
                     "city": rng.choice(CITIES), "dates": f"{start} \u2013 {end}", "start": start, "end": end,
                     "bullets": bl})
    c["jobs"] = jobs
    c["skills"] = [(lab, rng.sample(items, min(len(items), rng.randint(3, 6)))) for lab, items in f["skills"]]
    c["education"] = []
    for e in range(rng.choice([1, 1, 2])):
        c["education"].append({"degree": f["degrees"][(e + rng.randint(0, 5)) % len(f["degrees"])],
                               "school": rng.choice(SCHOOLS), "year": str(year - 4 * e),
                               "extra": rng.choice(["", "Dean's List, four semesters",
                                                    "Capstone: " + rng.choice(PROJECTS).lower() + " for a local nonprofit",
                                                    "Minor in Mathematics"])})
    c["certs"] = rng.sample(CERTS, rng.randint(1, 3))
    c["projects"] = []
    for p in rng.sample(PROJECTS, rng.randint(1, 3)):
        c["projects"].append({"name": p, "tech": rng.choice(f["tools"]),
                              "bullets": [finish(bullet_text(rng, field, rng.randint(8, 22)))
                                          for _ in range(rng.randint(1, 2))]})
    return c


def scaled_jobs(c, k, trim):
    """The first k experience bullets in document order; the k-th loses `trim` words.
    Jobs left without bullets are dropped (the first job always stays)."""
    out, n = [], 0
    for j, job in enumerate(c["jobs"]):
        bl = []
        for b in job["bullets"]:
            if n >= k:
                break
            n += 1
            words = b[:max(4, len(b) - trim)] if n == k and trim else b
            bl.append(finish(words))
        if bl or j == 0:
            out.append(dict(job, bullets=bl))
    return out


def n_bullets(c):
    return sum(len(j["bullets"]) for j in c["jobs"])


# ---------------------------------------------------------------------------------------------
# DOCX

def docx_spec(i, rng):
    s = {"kind": "docx", "i": i}
    s["font"] = FONTS[i % len(FONTS)]
    s["size"] = rng.choice([9.5, 10, 10, 10.5, 11, 11, 11.5, 12])
    if s["font"] == "Courier New":
        s["size"] = rng.choice([9.5, 10, 10.5, 11])
    s["paper"] = rng.choice(["Letter", "Letter", "A4"])
    m = rng.choice([0.5, 0.6, 0.7, 0.75, 0.8, 1.0])
    s["margins"] = [m, m, m, m] if rng.random() < 0.55 else \
        [rng.choice([0.5, 0.6, 0.75, 1.0]), rng.choice([0.5, 0.7, 0.75, 1.0]),
         rng.choice([0.5, 0.6, 0.75, 1.0]), rng.choice([0.5, 0.7, 0.75, 1.0])]
    s["line"] = ["single", "1.08", "1.15", "1.5", "exact14", "atLeast"][(i // 6 + i) % 6]
    if s["line"] == "exact14" and s["size"] > 11.5:
        s["size"] = 11
    s["atleast"] = rng.choice([12, 13, 14, 15])
    s["after"] = rng.choice([0, 0, 2, 3, 4, 6, 8, 10])
    s["before"] = rng.choice([0, 0, 0, 0, 2, 3, 6, 12]) if rng.random() < 0.5 else 0
    s["inherit_defaults"] = rng.random() < 0.12  # Normal keeps docDefaults: after 10 pt, 1.15
    s["name_size"] = rng.choice([16, 18, 20, 22])
    s["name_align"] = rng.choice(["center", "left"])
    s["h_size"] = rng.choice([11, 12, 12, 13, 14])
    s["h_before"] = rng.choice([6, 8, 10, 12])
    s["h_after"] = rng.choice([2, 3, 4, 6])
    s["h_mode"] = rng.choice(["style", "direct"])
    s["caps"] = rng.choice(["text", "caps"])
    s["job_keep"] = rng.random() < 0.6
    s["job_loc_line"] = rng.random() < 0.35
    s["bullet_after"] = rng.choice([None, None, 0, 2])
    s["contextual"] = rng.random() < 0.25
    s["header"] = rng.random() < 0.28
    s["header_contact"] = rng.random() < 0.4
    s["hd"] = rng.choice([0.3, 0.4, 0.5])
    s["header_size"] = rng.choice([11, 12, 14, 16])
    s["footer"] = rng.random() < 0.12
    s["fd"] = rng.choice([0.3, 0.4, 0.5])
    s["table"] = rng.random() < 0.4
    s["table_cols"] = rng.choice([2, 3])
    s["table_borders"] = rng.random() < 0.5
    s["page_break"] = rng.random() < 0.12
    s["break_form"] = rng.choice(["paragraph", "run"])
    s["spacer"] = rng.random() < 0.1
    s["field"] = rng.choice(list(FIELDS))
    s["order"] = rng.choice([
        ["summary", "experience", "skills", "education"],
        ["summary", "skills", "experience", "education", "certs"],
        ["experience", "education", "skills"],
        ["summary", "experience", "projects", "education", "skills"],
        ["skills", "experience", "projects", "education", "certs"],
    ])
    if s["page_break"]:
        s["order"] = [x for x in s["order"] if x != "education"] + ["education"]
    return s


def _twips(inches):
    return int(round(inches * 1440))


def _ctx_spacing(pPr):
    """Add w:contextualSpacing to a pPr in schema order."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    if pPr.find(qn("w:contextualSpacing")) is not None:
        return
    el = OxmlElement("w:contextualSpacing")
    later = {qn("w:" + t) for t in ("mirrorIndents", "suppressOverlap", "jc", "textDirection",
                                    "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
                                    "cnfStyle", "rPr", "sectPr", "pPrChange")}
    for ch in pPr:
        if ch.tag in later:
            ch.addprevious(el)
            return
    pPr.append(el)


def _mark_size(p, size):
    """Paragraph-mark run properties (w:pPr/w:rPr/w:sz) = size."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    pPr = p._p.get_or_add_pPr()
    rPr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(round(size * 2))))
    rPr.append(sz)
    pPr.append(rPr)


def _line(pf, spec):
    from docx.shared import Pt
    from docx.enum.text import WD_LINE_SPACING
    ln = spec["line"]
    if ln == "single":
        pf.line_spacing = 1.0
    elif ln in ("1.08", "1.15", "1.5"):
        pf.line_spacing = float(ln)
    elif ln == "exact14":
        pf.line_spacing = Pt(14)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    else:
        pf.line_spacing = Pt(spec["atleast"])
        pf.line_spacing_rule = WD_LINE_SPACING.AT_LEAST


def build_docx(spec, c, k, trim, path):
    import docx
    from docx.shared import Pt, Twips
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_BREAK
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    sec = d.sections[0]
    if spec["paper"] == "A4":
        sec.page_width, sec.page_height = Twips(11906), Twips(16838)
    else:
        sec.page_width, sec.page_height = Twips(12240), Twips(15840)
    t, r, b, l = spec["margins"]
    sec.top_margin, sec.right_margin = Twips(_twips(t)), Twips(_twips(r))
    sec.bottom_margin, sec.left_margin = Twips(_twips(b)), Twips(_twips(l))
    sec.header_distance = Twips(_twips(min(spec["hd"], t)))
    sec.footer_distance = Twips(_twips(min(spec["fd"], b)))
    text_w = (11906 if spec["paper"] == "A4" else 12240) - _twips(r) - _twips(l)
    size = spec["size"]

    normal = d.styles["Normal"]
    normal.font.name = spec["font"]
    normal.font.size = Pt(size)
    if not spec["inherit_defaults"]:
        pf = normal.paragraph_format
        pf.space_after = Pt(spec["after"])
        pf.space_before = Pt(spec["before"])
        _line(pf, spec)
    if spec["contextual"]:
        _ctx_spacing(normal.element.get_or_add_pPr())

    hstyle = None
    if spec["h_mode"] == "style":
        hstyle = d.styles.add_style("Section Heading", WD_STYLE_TYPE.PARAGRAPH)
        hstyle.base_style = normal
        hstyle.font.bold = True
        hstyle.font.size = Pt(spec["h_size"])
        hstyle.font.all_caps = spec["caps"] == "caps"
        hpf = hstyle.paragraph_format
        hpf.space_before, hpf.space_after = Pt(spec["h_before"]), Pt(spec["h_after"])
        hpf.keep_with_next = True
        if spec["line"] == "exact14" and spec["h_size"] > 12:
            hpf.line_spacing = 1.0
        jstyle = d.styles.add_style("Job Line", WD_STYLE_TYPE.PARAGRAPH)
        jstyle.base_style = normal
        jstyle.paragraph_format.tab_stops.add_tab_stop(Twips(text_w), WD_TAB_ALIGNMENT.RIGHT)
        if spec["job_keep"]:
            jstyle.paragraph_format.keep_with_next = True
    if spec["bullet_after"] is not None:
        d.styles["List Bullet"].paragraph_format.space_after = Pt(spec["bullet_after"])

    def heading(text, page_break=False):
        p = d.add_paragraph(style=hstyle)
        if page_break and spec["break_form"] == "run":
            p.add_run().add_break(WD_BREAK.PAGE)
        run = p.add_run(text.upper() if spec["caps"] == "text" else text)
        if hstyle is None:
            run.bold = True
            run.font.size = Pt(spec["h_size"])
            if spec["caps"] == "caps":
                run.font.all_caps = True
            pf = p.paragraph_format
            pf.space_before, pf.space_after = Pt(spec["h_before"]), Pt(spec["h_after"])
            pf.keep_with_next = True
            if spec["line"] == "exact14" and spec["h_size"] > 12:
                pf.line_spacing = 1.0
        return p

    def tabbed(left_runs, right, keep=None):
        p = d.add_paragraph(style=jstyle if hstyle is not None else None)
        if hstyle is None:
            p.paragraph_format.tab_stops.add_tab_stop(Twips(text_w), WD_TAB_ALIGNMENT.RIGHT)
            if keep if keep is not None else spec["job_keep"]:
                p.paragraph_format.keep_with_next = True
        for txt, bold, italic in left_runs:
            rr = p.add_run(txt)
            rr.bold, rr.italic = bold or None, italic or None
        p.add_run("\t")
        rr = p.add_run(right)
        rr.italic = True if spec["i"] % 2 else None
        return p

    def spacer():
        if spec["spacer"]:
            d.add_paragraph()

    # name and contact
    contact = f"{c['email']} | {c['phone']} | {c['city']} | {c['linkedin']}"
    if spec["i"] % 3 == 1:
        contact = contact.replace(" | ", " \u2022 ")
    if spec["header"]:
        hp = sec.header.paragraphs[0]
        hpf = hp.paragraph_format
        hpf.space_before, hpf.space_after, hpf.line_spacing = Pt(0), Pt(0), 1.0
        hs = max(spec["header_size"], size)
        rr = hp.add_run(c["name"].upper() if spec["caps"] == "text" else c["name"])
        rr.bold, rr.font.size = True, Pt(hs)
        if spec["header_contact"]:
            # the template's Header style has Word's stops (center 4680, right 9360): clear them
            hpf.tab_stops.add_tab_stop(Twips(4680), WD_TAB_ALIGNMENT.CLEAR)
            if text_w != 9360:
                hpf.tab_stops.add_tab_stop(Twips(9360), WD_TAB_ALIGNMENT.CLEAR)
            hpf.tab_stops.add_tab_stop(Twips(text_w), WD_TAB_ALIGNMENT.RIGHT)
            rr = hp.add_run(f"\t{c['email']} \u00b7 {c['phone']}")
            rr.font.size = Pt(size)
        else:
            hp.alignment = WD_ALIGN_PARAGRAPH.CENTER if spec["name_align"] == "center" else WD_ALIGN_PARAGRAPH.RIGHT
        _mark_size(hp, hs)
    else:
        p = d.add_paragraph()
        rr = p.add_run(c["name"])
        rr.bold, rr.font.size = True, Pt(spec["name_size"])
        p.paragraph_format.space_after = Pt(spec["i"] % 4 * 2)
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        if spec["name_align"] == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if not (spec["header"] and spec["header_contact"]):
        p = d.add_paragraph(contact)
        if spec["name_align"] == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec["footer"]:
        fp = sec.footer.paragraphs[0]
        fpf = fp.paragraph_format
        fpf.space_before, fpf.space_after, fpf.line_spacing = Pt(0), Pt(0), 1.0
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fs = max(9, size - 1) if spec["i"] % 2 else size
        rr = fp.add_run(f"{c['name']} \u2014 page ")
        rr.font.size = Pt(fs)
        fld = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="{int(fs * 2)}"/>'
                        f'</w:rPr><w:t>1</w:t></w:r></w:fldSimple>')
        fp._p.append(fld)
        _mark_size(fp, fs)

    jobs = scaled_jobs(c, k, trim)
    for sect in spec["order"]:
        brk = spec["page_break"] and sect == "education"
        if brk and spec["break_form"] == "paragraph":
            d.add_page_break()
        else:
            spacer()
        if sect == "summary":
            heading(rng_pick(spec, ["Summary", "Profile", "Professional Summary"]), brk)
            d.add_paragraph(c["summary"])
        elif sect == "experience":
            heading(rng_pick(spec, ["Experience", "Work Experience", "Professional Experience"]), brk)
            for job in jobs:
                if spec["job_loc_line"]:
                    tabbed([(job["company"], True, False)], job["city"], keep=True)
                    tabbed([(job["title"], False, True)], job["dates"])
                else:
                    tabbed([(job["title"], True, False), (", " + job["company"], False, False)], job["dates"])
                for bl in job["bullets"]:
                    d.add_paragraph(bl, style="List Bullet")
        elif sect == "skills":
            heading(rng_pick(spec, ["Skills", "Technical Skills", "Core Skills"]), brk)
            if spec["table"]:
                cols = spec["table_cols"]
                items = [f"{lab}: {', '.join(v)}" for lab, v in c["skills"]]
                rows = math.ceil(len(items) / cols)
                tbl = d.add_table(rows=rows, cols=cols)
                if spec["table_borders"]:
                    tbl.style = d.styles["Table Grid"]
                for n, it in enumerate(items):
                    cell = tbl.cell(n // cols, n % cols)
                    lab, rest = it.split(": ", 1)
                    cp = cell.paragraphs[0]
                    cp.add_run(lab + ": ").bold = True
                    cp.add_run(rest)
            else:
                for lab, v in c["skills"]:
                    p = d.add_paragraph()
                    p.add_run(lab + ": ").bold = True
                    p.add_run(", ".join(v))
        elif sect == "education":
            heading("Education", brk)
            for e in c["education"]:
                tabbed([(e["degree"], True, False), (", " + e["school"], False, False)], e["year"])
                if e["extra"]:
                    d.add_paragraph(e["extra"])
        elif sect == "projects":
            heading("Projects", brk)
            for pr in c["projects"]:
                p = d.add_paragraph()
                p.add_run(pr["name"]).bold = True
                p.add_run(" \u2014 " + pr["tech"][0].upper() + pr["tech"][1:])
                p.paragraph_format.keep_with_next = True
                for bl in pr["bullets"]:
                    d.add_paragraph(bl, style="List Bullet")
        elif sect == "certs":
            heading("Certifications", brk)
            for ce in c["certs"]:
                d.add_paragraph(ce, style="List Bullet" if spec["i"] % 2 else None)
    buf = io.BytesIO()
    d.save(buf)
    data = slim_docx(buf.getvalue())
    with open(path, "wb") as f:
        f.write(data)


def rng_pick(spec, options):
    return options[(spec["i"] * 7 + len(options[0])) % len(options)]


def slim_docx(data):
    """Drop python-docx template parts that do not affect layout (thumbnail, stylesWithEffects,
    unused styles and the latent-style list) and give the zip entries a fixed date, so that the
    files are small and byte-reproducible."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: zin.read(n) for n in zin.namelist()}
    drop = {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/item1.xml",
            "customXml/_rels/item1.xml.rels", "customXml/itemProps1.xml"}
    for n in drop:
        parts.pop(n, None)
    parts["_rels/.rels"] = re.sub(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>', b"", parts["_rels/.rels"])
    rels = "word/_rels/document.xml.rels"
    parts[rels] = re.sub(rb'<Relationship [^>]*Target="(?:stylesWithEffects.xml|../customXml/item1.xml)"/>', b"",
                         parts[rels])
    ct = "[Content_Types].xml"
    parts[ct] = re.sub(rb'<Override PartName="/(?:word/stylesWithEffects|customXml/itemProps1).xml"[^>]*/>', b"",
                       parts[ct])
    # styles: keep defaults, used styles and their basedOn/next/link chains
    used = set()
    for n, blob in parts.items():
        if n.startswith("word/") and n.endswith(".xml") and n != "word/styles.xml":
            used.update(m.decode() for m in re.findall(rb'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', blob))
    st = parts["word/styles.xml"].decode("utf-8")
    styles = re.findall(r"<w:style [^>]*>.*?</w:style>", st, re.S)
    by_id = {}
    for s in styles:
        by_id[re.search(r'w:styleId="([^"]+)"', s).group(1)] = s
    keep = {sid for sid, s in by_id.items() if 'w:default="1"' in s} | used
    todo = list(keep)
    while todo:
        s = by_id.get(todo.pop())
        if not s:
            continue
        for ref in re.findall(r'<w:(?:basedOn|next|link) w:val="([^"]+)"/>', s):
            if ref not in keep and ref in by_id:
                keep.add(ref)
                todo.append(ref)
    st = re.sub(r"<w:latentStyles .*?</w:latentStyles>", "", st, flags=re.S)
    st = re.sub(r"<w:style [^>]*>.*?</w:style>",
                lambda m: m.group(0) if re.search(r'w:styleId="([^"]+)"', m.group(0)).group(1) in keep else "",
                st, flags=re.S)
    parts["word/styles.xml"] = st.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in zin.namelist():
            if n in parts:
                zi = zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                z.writestr(zi, parts[n])
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Markdown (pandoc flavour)

def md_spec(i, rng):
    s = {"kind": "md", "i": i, "field": rng.choice(list(FIELDS))}
    s["title"] = "yaml" if i in (7, 21) else rng.choice(["atx", "atx", "setext"])
    s["contact"] = rng.choice(["pipes", "breaks", "backslash", "list", "quote"])
    s["rule"] = rng.choice(["---", "* * *", "___", "", "---"])
    s["rules_between"] = rng.random() < 0.3
    s["h2"] = rng.choice(["atx", "atx", "setext"])
    s["exp"] = ["deflist", "h3", "bold", "h3company"][i % 4]
    s["loose"] = rng.random() < 0.3
    s["marker"] = rng.choice(["-", "*", "-", "+"])
    s["summary"] = rng.choice(["para", "para", "quote", "none"])
    s["skills"] = ["table", "deflist", "boldlist", "codespans", "breaks"][(i * 3 + 1) % 5]
    s["edu"] = rng.choice(["deflist", "bullets", "h3", "breaks"])
    s["extras"] = rng.sample(["certs", "projects", "languages", "interests"], rng.randint(0, 3))
    s["order_skills_first"] = rng.random() < 0.3
    s["wrap"] = rng.random() < 0.4  # hard-wrap list items at 78 columns
    return s


def md_build(spec, c, k, trim, path):
    L = []
    mk = spec["marker"]

    def blank():
        if L and L[-1] != "":
            L.append("")

    def h2(t):
        blank()
        if spec["rules_between"] and len(L) > 6:
            L.extend([spec["rule"] or "---", ""])
        if spec["h2"] == "setext":
            L.extend([t, "-" * len(t)])
        else:
            L.append("## " + t)
        L.append("")

    def item(indent, text):
        """A list item, hard-wrapped with aligned continuation lines when spec['wrap']."""
        first = f"{indent}{mk} "
        if not spec["wrap"]:
            return [first + text]
        lines = wrap(text, 78 - len(first)).split("\n")
        return [first + lines[0]] + [" " * len(first) + x for x in lines[1:]]

    def bullets(items):
        blank()
        for it in items:
            L.extend(item("", it))
            if spec["loose"]:
                L.append("")
        blank()

    # title
    if spec["title"] == "yaml":
        L.extend(["---", f"title: {c['name']}", f"subtitle: {FIELDS[spec['field']]['titles'][0]}", "---", ""])
    elif spec["title"] == "setext":
        L.extend([c["name"], "=" * len(c["name"]), ""])
    else:
        L.extend(["# " + c["name"], ""])
    ct = spec["contact"]
    email, phone, city = c["email"], c["phone"], c["city"]
    li = f"[LinkedIn](https://{c['linkedin']})"
    gh = f"<https://{c['github']}>"
    if ct == "pipes":
        L.append(f"{city} | {phone} | <{email}> | {li}")
    elif ct == "breaks":
        L.extend([f"{city}  ", f"{phone}  ", f"[{email}](mailto:{email})  ", gh])
    elif ct == "backslash":
        L.extend([f"**Email:** {email}\\", f"**Phone:** {phone}\\", f"**Web:** {gh}"])
    elif ct == "list":
        bullets([f"Email: <{email}>", f"Phone: {phone}", f"Location: {city}", f"GitHub: {gh}"])
    else:
        L.extend([f"> {city} \u00b7 {phone} \u00b7 {email}", f"> {li} \u00b7 {gh}"])
    blank()
    if spec["rule"]:
        L.extend([spec["rule"], ""])
    if spec["summary"] == "para":
        h2("Summary")
        L.append(wrap(c["summary"]))
    elif spec["summary"] == "quote":
        h2("Profile")
        L.append(wrap(c["summary"], prefix="> "))

    def skills():
        h2("Skills")
        st = spec["skills"]
        if st == "table":
            L.append("| Area | Skills |")
            L.append("|------|--------|")
            for lab, v in c["skills"]:
                L.append(f"| {lab} | {', '.join(v)} |")
        elif st == "deflist":
            for lab, v in c["skills"]:
                L.extend([lab, f":   {', '.join(v)}", ""])
        elif st == "boldlist":
            bullets([f"**{lab}:** {', '.join(v)}" for lab, v in c["skills"]])
        elif st == "codespans":
            for lab, v in c["skills"]:
                L.extend([f"**{lab}:** " + ", ".join(f"`{x}`" for x in v), ""])
        else:
            for n, (lab, v) in enumerate(c["skills"]):
                L.append(f"*{lab}*: {', '.join(v)}" + ("\\" if n + 1 < len(c["skills"]) else ""))
        blank()

    def experience():
        h2(["Experience", "Work Experience", "Employment"][spec["i"] % 3])
        for job in scaled_jobs(c, k, trim):
            ex = spec["exp"]
            if ex == "deflist":
                L.append(f"{job['start']} \u2013 {job['end']}")
                L.append(f":   **{job['title']}**, {job['company']} ({job['city']})")
                L.append("")
                for bl in job["bullets"]:
                    L.extend(item("    ", bl))
                    if spec["loose"]:
                        L.append("")
                blank()
            elif ex == "h3":
                L.extend([f"### {job['title']}, {job['company']}", "", f"*{job['dates']}* | {job['city']}"])
                bullets(job["bullets"])
            elif ex == "bold":
                L.extend([f"**{job['title']}** \u2014 {job['company']}, {job['city']} ({job['dates']})"])
                bullets(job["bullets"])
            else:
                L.extend([f"### {job['company']}", "", f"**{job['title']}**  ", f"{job['dates']}, {job['city']}"])
                bullets(job["bullets"])

    def education():
        h2("Education")
        ed = spec["edu"]
        for e in c["education"]:
            if ed == "deflist":
                L.extend([e["year"], f":   {e['degree']}, {e['school']}" + (f"; {e['extra']}" if e["extra"] else ""), ""])
            elif ed == "bullets":
                bullets([f"**{e['degree']}**, {e['school']}, {e['year']}"])
            elif ed == "h3":
                L.extend([f"### {e['degree']}", "", f"{e['school']}, {e['year']}" + (f"  \n{e['extra']}" if e["extra"] else ""), ""])
            else:
                L.extend([f"**{e['school']}**\\", f"{e['degree']}, {e['year']}", ""])

    def extras():
        for x in spec["extras"]:
            if x == "certs":
                h2("Certifications")
                for n, ce in enumerate(c["certs"]):
                    L.append(f"{n + 1}. {ce}")
                blank()
            elif x == "projects":
                h2("Projects")
                for pr in c["projects"]:
                    L.extend([f"**{pr['name']}** ({pr['tech']})", ""])
                    bullets(pr["bullets"])
            elif x == "languages":
                h2("Languages")
                L.extend(["English (native), Spanish (professional working proficiency), "
                      "French (elementary)", ""])
            else:
                h2("Interests")
                L.extend(["Trail running, amateur astronomy, community radio, and cooking for far too many people.", ""])

    if spec["order_skills_first"]:
        skills(); experience(); education(); extras()
    else:
        experience(); skills(); education(); extras()
    while L and L[-1] == "":
        L.pop()
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


def wrap(text, width=78, prefix=""):
    out, line = [], ""
    for w in text.split():
        if line and len(line) + 1 + len(w) > width - len(prefix):
            out.append(prefix + line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        out.append(prefix + line)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Rendering and measuring

def lo_version():
    out = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout
    m = re.search(r"LibreOffice (\d+(?:\.\d+)+)", out)
    return m.group(1) if m else "unknown"


def tool_versions():
    v = {"libreoffice": lo_version()}
    out = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout
    v["pandoc"] = out.split()[1] if out else "?"
    out = subprocess.run(["pdfinfo", "-v"], capture_output=True, text=True)
    m = re.search(r"version (\S+)", out.stdout + out.stderr)
    v["poppler"] = m.group(1) if m else "?"
    return v


def render(inputs, workdir):
    """inputs: list of .docx/.md paths. Returns {input path: pdf path}. Markdown goes through
    `pandoc FILE -o x.docx` (run in the file's folder) first. One LibreOffice run for all."""
    docs, names = [], {}
    conv = os.path.join(workdir, "md-docx")
    os.makedirs(conv, exist_ok=True)
    for f in inputs:
        stem = os.path.splitext(os.path.basename(f))[0]
        if f.endswith(".md"):
            dst = os.path.join(conv, stem + ".docx")
            subprocess.run(["pandoc", os.path.basename(f), "-o", dst], cwd=os.path.dirname(os.path.abspath(f)),
                           check=True)
            docs.append(dst)
        else:
            docs.append(os.path.abspath(f))
        names[f] = os.path.join(workdir, "pdf", stem + ".pdf")
    os.makedirs(os.path.join(workdir, "pdf"), exist_ok=True)
    for p in names.values():
        if os.path.exists(p):
            os.remove(p)
    for i in range(0, len(docs), 100):
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation={PROFILE}", "--convert-to", "pdf",
                        "--outdir", os.path.join(workdir, "pdf")] + docs[i:i + 100],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
    missing = [f for f, p in names.items() if not os.path.exists(p)]
    if missing:
        sys.exit(f"LibreOffice did not convert: {missing[:5]}")
    return names


def _len(v):
    return abs(float(v)) if v is not None else 0.0


def docx_geometry(path):
    """Body top and bottom margin in pt: the last section's pgMar, pushed by the default header
    and footer (top = max(top, header + header height)). Header/footer paragraphs are taken
    as one line each: LibreOffice's single height of the font x the largest size x the line
    rule, plus their spacing (our generator writes them so; warns otherwise)."""
    z = zipfile.ZipFile(path)
    doc = ET.fromstring(z.read("word/document.xml"))
    sect = doc.find("w:body/w:sectPr", NS)
    pgsz = sect.find("w:pgSz", NS)
    mar = sect.find("w:pgMar", NS)
    g = lambda el, a: _len(el.get(f"{{{W}}}{a}")) / 20.0  # noqa: E731
    page_h = g(pgsz, "h")
    top, bottom = g(mar, "top"), g(mar, "bottom")
    hd, fd = g(mar, "header"), g(mar, "footer")
    styles = ET.fromstring(z.read("word/styles.xml"))
    n_size, n_font = 10.0, "Calibri"
    dd = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", NS)
    if dd is not None:
        n_size = float(dd.get(f"{{{W}}}val")) / 2
    for st in styles.findall("w:style", NS):
        if st.get(f"{{{W}}}styleId") == "Normal":
            sz = st.find("w:rPr/w:sz", NS)
            if sz is not None:
                n_size = float(sz.get(f"{{{W}}}val")) / 2
            rf = st.find("w:rPr/w:rFonts", NS)
            if rf is not None and rf.get(f"{{{W}}}ascii"):
                n_font = rf.get(f"{{{W}}}ascii")
    rels = ET.fromstring(z.read("word/_rels/document.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}

    def part_height(kind):
        ref = None
        for el in sect.findall(f"w:{kind}Reference", NS):
            if el.get(f"{{{W}}}type", "default") == "default":
                ref = el.get(f"{{{R}}}id")
        if ref is None:
            return 0.0
        part = ET.fromstring(z.read("word/" + target[ref]))
        h = 0.0
        for p in part.iter(f"{{{W}}}p"):
            sizes, fonts = [], []
            for rpr in p.iter(f"{{{W}}}rPr"):
                sz = rpr.find("w:sz", NS)
                if sz is not None:
                    sizes.append(float(sz.get(f"{{{W}}}val")) / 2)
                rf = rpr.find("w:rFonts", NS)
                if rf is not None and rf.get(f"{{{W}}}ascii"):
                    fonts.append(rf.get(f"{{{W}}}ascii"))
            runs_without = [r for r in p.iter(f"{{{W}}}r") if r.find("w:rPr/w:sz", NS) is None]
            if runs_without or not sizes:
                sizes.append(n_size)
            font = fonts[0] if fonts else n_font
            ratio = LO_SINGLE.get(font)
            if ratio is None:
                print(f"warning: {path}: {kind} font {font} has no line height here", file=sys.stderr)
                ratio = 1.17
            sp = p.find("w:pPr/w:spacing", NS)
            before = g(sp, "before") if sp is not None and sp.get(f"{{{W}}}before") else 0.0
            after = g(sp, "after") if sp is not None and sp.get(f"{{{W}}}after") else 0.0
            rule = sp.get(f"{{{W}}}lineRule", "auto") if sp is not None else "auto"
            line = float(sp.get(f"{{{W}}}line")) if sp is not None and sp.get(f"{{{W}}}line") else 240
            if sp is None or sp.get(f"{{{W}}}after") is None or sp.get(f"{{{W}}}line") is None:
                print(f"warning: {path}: {kind} paragraph without explicit spacing; height is a guess",
                      file=sys.stderr)
            single = ratio * max(sizes)
            lh = single * line / 240 if rule == "auto" else (line / 20 if rule == "exact" else max(single, line / 20))
            h += lh + before + after  # an empty paragraph is a line too
        return h

    hh, fh = part_height("header"), part_height("footer")
    body_top = max(top, hd + hh) if hh else top
    body_bottom = max(bottom, fd + fh) if fh else bottom
    return {"page_h": page_h, "body_top": body_top, "body_bottom": body_bottom, "header_h": hh, "footer_h": fh}


MD_GEOMETRY = {"page_h": 792.0, "body_top": 72.0, "body_bottom": 72.0, "header_h": 0.0, "footer_h": 0.0}

LINE_RE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')
PAGE_RE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def measure(pdf, geo):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    html = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), "-bbox-layout", pdf, "-"],
                          capture_output=True, text=True).stdout
    pm = PAGE_RE.search(html)
    page_h = float(pm.group(2))
    if abs(page_h - geo["page_h"]) > 1.0:
        print(f"warning: {pdf}: page height {page_h} but the document says {geo['page_h']}", file=sys.stderr)
    top, bottom = geo["body_top"], page_h - geo["body_bottom"]
    ys = []
    for m in LINE_RE.finditer(html):
        y0, y1 = float(m.group(2)), float(m.group(4))
        mid = (y0 + y1) / 2
        if mid > bottom or mid < top:
            continue  # footer or header line
        ys.append(y1)
    fill = (max(ys) - top) / (bottom - top) if ys else 0.0
    return {"pages": pages, "fill": fill, "total": pages - 1 + fill, "page_h": page_h}


def verify_geometry(out, log):
    """Check the header push of body_top against LibreOffice itself: render each .docx that has
    a header and a copy without it; the first body line must move by body top - top margin."""
    work = tempfile.mkdtemp(prefix="pagefit-geo-")
    try:
        pairs = []
        for f in sorted(os.listdir(out)):
            if not f.endswith(".docx"):
                continue
            src = os.path.join(out, f)
            z = zipfile.ZipFile(src)
            doc = z.read("word/document.xml")
            if b"headerReference" not in doc:
                continue
            bare = os.path.join(work, f.replace(".docx", "-noheader.docx"))
            with zipfile.ZipFile(bare, "w", zipfile.ZIP_DEFLATED) as zo:
                for n in z.namelist():
                    zo.writestr(n, re.sub(rb"<w:headerReference [^>]*/>", b"", doc) if n == "word/document.xml"
                                else z.read(n))
            geo = docx_geometry(src)
            top = _len(ET.fromstring(doc).find("w:body/w:sectPr/w:pgMar", NS).get(f"{{{W}}}top")) / 20
            pairs.append((f, src, bare, geo, top))
        pdfs = render([p for x in pairs for p in x[1:3]], work)

        def first(pdf, below):
            html = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", pdf, "-"],
                                  capture_output=True, text=True).stdout
            return min(float(m.group(2)) for m in LINE_RE.finditer(html)
                       if (float(m.group(2)) + float(m.group(4))) / 2 > below)
        bad = 0
        for f, src, bare, geo, top in pairs:
            shift = first(pdfs[src], geo["body_top"]) - first(pdfs[bare], top)
            push = geo["body_top"] - top
            ok = abs(shift - push) <= 0.5
            bad += not ok
            log(f"{f}: top margin {top:.1f} pt, header push predicted {push:.2f} pt, "
                f"LibreOffice moved the body {shift:.2f} pt{'' if ok else '  <-- MISMATCH'}")
        log(f"{len(pairs)} files with a header, {bad} mismatches")
        return 1 if bad else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def first_body_gap(pdf, geo):
    """Debug: distance from the body top to the first body line's yMin on page 1."""
    html = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", pdf, "-"],
                          capture_output=True, text=True).stdout
    ys = sorted(float(m.group(2)) for m in LINE_RE.finditer(html)
                if (float(m.group(2)) + float(m.group(4))) / 2 > geo["body_top"])
    return ys[0] - geo["body_top"] if ys else None


# ---------------------------------------------------------------------------------------------
# Generation with fitted lengths

def targets(rng, n, one_page_share, borderline):
    """n target totals: `borderline` of them within 0.045 of a page boundary (alternately a
    nearly full page, fill 0.955-0.995, and a line or two over, fill 0.005-0.045; never more
    than 3 pages); the rest one page (share one_page_share, fill 0.45-0.95) or two or three
    pages (fill 0.05-0.95), each group's fills stratified so they spread evenly."""
    rest = n - borderline
    n1 = int(round(rest * one_page_share))
    n3 = int(round(rest * 0.3))
    n2 = rest - n1 - n3
    out = []
    for pages, cnt, lo in ((1, n1, 0.45), (2, n2, 0.05), (3, n3, 0.05)):
        for j in range(cnt):
            out.append(pages - 1 + lo + (0.95 - lo) * (j + rng.random()) / cnt)
    for j in range(borderline):
        base = [1, 2, 2, 1, 3, 2][j % 6]
        if j % 2 == 0 or base == 3:
            out.append(base - rng.uniform(0.005, 0.045))
        else:
            out.append(base + rng.uniform(0.005, 0.045))
    rng.shuffle(out)
    return out


def words_per_page(spec):
    if spec["kind"] == "md":
        return 360
    pw, ph = (595.3, 841.9) if spec["paper"] == "A4" else (612, 792)
    t, r, b, l = spec["margins"]
    bw, bh = pw - 72 * (l + r), ph - 72 * (t + b)
    mult = {"single": 1, "1.08": 1.08, "1.15": 1.15, "1.5": 1.5}.get(spec["line"], 1.1)
    lh = spec["size"] * LO_SINGLE[spec["font"]] * mult
    if spec["line"] == "exact14":
        lh = 14
    lines = bh / (lh + 1.5)
    cpl = bw / (AVG_EM[spec["font"]] * spec["size"])
    return lines * cpl / 6.6 * 0.75


def fit(items, workdir, log):
    """items: dicts with spec, content, target, path, build. Bisect each item's bullet count k
    (then, for near-boundary targets, the words of the last bullet) so that LibreOffice's total
    lands near the target. One LibreOffice batch per round."""
    for it in items:
        it["seen"] = {}
        # at least two bullets: a job without any is not a resume anyone writes
        it["cand"] = [(2, 0), (n_bullets(it["content"]), 0)]
    rnd = 0
    while True:
        todo = [(it, kt) for it in items for kt in it["cand"] if kt not in it["seen"]]
        if not todo:
            break
        rnd += 1
        t0 = time.time()
        paths = []
        for n, (it, kt) in enumerate(todo):
            ext = ".md" if it["spec"]["kind"] == "md" else ".docx"
            p = os.path.join(workdir, "cand", f"c{n:04d}{ext}")
            os.makedirs(os.path.dirname(p), exist_ok=True)
            it["build"](it["spec"], it["content"], kt[0], kt[1], p)
            paths.append(p)
        pdfs = render(paths, workdir)
        for (it, kt), p in zip(todo, paths):
            geo = MD_GEOMETRY if p.endswith(".md") else docx_geometry(p)
            it["seen"][kt] = measure(pdfs[p], geo)["total"]
        log(f"round {rnd}: {len(todo)} renders in {time.time() - t0:.1f} s")
        for it in items:
            it["cand"] = next_candidates(it)


def next_candidates(it):
    T, seen = it["target"], it["seen"]
    ks = sorted(k for k, t in seen if t == 0)
    tot = {k: seen[(k, 0)] for k in ks}
    below = [k for k in ks if tot[k] <= T]
    above = [k for k in ks if tot[k] > T]
    if not above:
        return []  # cannot reach: the best is the longest
    if not below:
        return []
    lo, hi = max(below), min(above)
    if hi - lo > 1 and lo < hi:
        # secant guess inside the bracket, nudged away from the ends
        a, b = tot[lo], tot[hi]
        g = lo + (T - a) / (b - a) * (hi - lo) if b > a else (lo + hi) / 2
        g = int(round(g))
        g = min(max(g, lo + 1), hi - 1)
        if (g, 0) in seen:
            g = (lo + hi) // 2
        return [(g, 0)]
    if lo > hi:
        return []  # not monotone here: keep the closest seen
    # bracket of one bullet: near a boundary, trim words off bullet `hi` (total falls with trim)
    best = min(seen.values(), key=lambda t: abs(t - T))
    if not it["border"] or abs(best - T) < 0.012:
        return []
    words = [w for w, _ in flat_bullets(it["content"])][hi - 1]
    maxtrim = len(words) - 4
    tt = {t: v for (k, t), v in seen.items() if k == hi}
    above_t = [t for t in tt if tt[t] > T]
    below_t = [t for t in tt if tt[t] <= T]
    if not below_t:
        return [(hi, maxtrim)] if maxtrim > 0 and (hi, maxtrim) not in seen else []
    a, b = max(above_t), min(below_t)
    if b - a <= 1:
        return []
    return [(hi, (a + b) // 2)]


def flat_bullets(c):
    for j in c["jobs"]:
        for b in j["bullets"]:
            yield b, j


def choose(it):
    """The fitted (k, trim): closest to the target; for a near-boundary target, the closest of
    those that did land within 0.045 page of a boundary (widow control and keep-with-next make
    some totals unreachable, e.g. a single line over the page)."""
    T, pool = it["target"], it["seen"]
    if it["border"]:
        near = {kt: v for kt, v in pool.items() if abs(v - round(v)) <= 0.045}
        pool = near or pool
    return min(pool, key=lambda kt: (abs(pool[kt] - T), kt))


def generate(out, log):
    rng = random.Random(SEED)
    items = []
    tr_docx = targets(rng, N_DOCX, one_page_share=0.4, borderline=10)
    tr_md = targets(rng, N_MD, one_page_share=0.25, borderline=6)
    for i in range(N_DOCX):
        r = random.Random(SEED * 1000 + i)
        spec = docx_spec(i, r)
        T = tr_docx[i]
        if spec["page_break"]:
            # the section after the break is short: the total sits a little past a boundary
            T = 1.2 if T < 2 else 2.2
        elif T < 1:
            spec["order"] = [x for x in spec["order"] if x not in ("projects", "certs")]
        need = (T + 0.7) * words_per_page(spec) * 1.3
        nj = 1
        while True:
            bpj = [r.randint(3, 6) for _ in range(nj)]
            content = make_content(random.Random(SEED * 1000 + i + 500), spec["field"], nj, bpj)
            if sum(len(w) for w, _ in flat_bullets(content)) >= need or nj >= 14:
                break
            nj += 1
        font = spec["font"].lower().replace(" ", "")
        name = f"d{i + 1:02d}-{font}-{spec['paper'].lower()}.docx"
        items.append({"spec": spec, "content": content, "target": T, "name": name, "build": build_docx,
                      "border": abs(T - round(T)) < 0.05})
    for i in range(N_MD):
        r = random.Random(SEED * 2000 + i)
        spec = md_spec(i, r)
        T = tr_md[i]
        if T < 1:
            spec["extras"] = spec["extras"][:1]
        need = (T + 0.7) * words_per_page(spec) * 1.3
        nj = 1
        while True:
            bpj = [r.randint(2, 6) for _ in range(nj)]
            content = make_content(random.Random(SEED * 2000 + i + 500), spec["field"], nj, bpj)
            if sum(len(w) for w, _ in flat_bullets(content)) >= need or nj >= 14:
                break
            nj += 1
        name = f"m{i + 1:02d}-{spec['exp']}.md"
        items.append({"spec": spec, "content": content, "target": T, "name": name, "build": md_build,
                      "border": abs(T - round(T)) < 0.05})
    work = tempfile.mkdtemp(prefix="pagefit-gen-")
    try:
        fit(items, work, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith((".docx", ".md")):
            os.remove(os.path.join(out, f))
    for it in items:
        k, trim = choose(it)
        it["build"](it["spec"], it["content"], k, trim, os.path.join(out, it["name"]))
        it["fitted"] = it["seen"][(k, trim)]
    miss = [it for it in items if abs(it["fitted"] - it["target"]) > 0.06]
    for it in miss:
        log(f"note: {it['name']}: target {it['target']:.3f}, closest {it['fitted']:.3f}")
    return {it["name"]: features(it["spec"]) for it in items}


def features(s):
    if s["kind"] == "md":
        f = [f"exp={s['exp']}", f"title={s['title']}", f"contact={s['contact']}", f"skills={s['skills']}",
             f"edu={s['edu']}", "loose" if s["loose"] else "tight", f"rule={s['rule'] or 'none'}"]
        if s["wrap"]:
            f.append("wrapped-items")
        if s["summary"] == "quote":
            f.append("blockquote")
        if s["extras"]:
            f.append("extras=" + "+".join(s["extras"]))
        return " ".join(f)
    m = s["margins"]
    f = [s["font"].replace(" ", "_"), f"{s['size']}pt", s["paper"], "m=" + "/".join(f"{x:g}" for x in m)]
    f.append("defaults(after10,1.15)" if s["inherit_defaults"] else
             f"line={s['line']}{s['atleast'] if s['line'] == 'atLeast' else ''} after={s['after']} before={s['before']}")
    f.append(f"h={s['h_mode']}/{s['caps']}")
    if s["table"]:
        f.append(f"table={s['table_cols']}col{'-borders' if s['table_borders'] else ''}")
    if s["header"]:
        f.append("header" + ("+contact" if s["header_contact"] else ""))
    if s["footer"]:
        f.append("footer")
    if s["page_break"]:
        f.append(f"pagebreak={s['break_form']}")
    if s["contextual"]:
        f.append("contextual")
    if s["spacer"]:
        f.append("empty-paras")
    return " ".join(f)


# ---------------------------------------------------------------------------------------------
# expected.tsv

COLUMNS = ["file", "pages", "fill", "total", "lo_version", "kind", "body_top_pt", "body_bottom_pt",
           "page_h_pt", "features"]


def read_expected(path):
    rows = {}
    if not os.path.exists(path):
        return rows
    lines = [l for l in open(path, encoding="utf-8") if not l.startswith("#")]
    head = lines[0].rstrip("\n").split("\t")
    for l in lines[1:]:
        v = l.rstrip("\n").split("\t")
        rows[v[0]] = dict(zip(head, v))
    return rows


def render_all(out, feats, keep_pdf, log):
    files = sorted(f for f in os.listdir(out) if f.endswith((".docx", ".md")))
    paths = [os.path.join(out, f) for f in files]
    work = tempfile.mkdtemp(prefix="pagefit-render-")
    t0 = time.time()
    try:
        pdfs = render(paths, work)
        elapsed = time.time() - t0
        rows = []
        for f, p in zip(files, paths):
            geo = MD_GEOMETRY if f.endswith(".md") else docx_geometry(p)
            m = measure(pdfs[p], geo)
            gap = first_body_gap(pdfs[p], geo)
            if gap is not None and not -6 <= gap <= 25:
                log(f"warning: {f}: first body line {gap:+.1f} pt from the body top: geometry?")
            rows.append({"file": f, "pages": m["pages"], "fill": f"{m['fill']:.4f}", "total": f"{m['total']:.4f}",
                         "kind": "md" if f.endswith(".md") else "docx",
                         "body_top_pt": f"{geo['body_top']:.2f}", "body_bottom_pt": f"{geo['body_bottom']:.2f}",
                         "page_h_pt": f"{m['page_h']:.1f}", "features": feats.get(f, "")})
            if keep_pdf:
                os.makedirs(keep_pdf, exist_ok=True)
                shutil.copy(pdfs[p], keep_pdf)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log(f"rendered {len(files)} files in {elapsed:.1f} s (LibreOffice + pandoc), {time.time() - t0:.1f} s with measuring")
    return rows


def write_expected(out, rows, versions):
    head = f"""# Page-fit truth for the synthetic set: LibreOffice's layout of every file in this folder.
# Made by tools/gen-pagefit-set.py (re-render: tests/pagefit/regen.sh); checked by tests/pagefit/check.py.
# Render: soffice --headless --convert-to pdf (LibreOffice {versions['libreoffice']}, Debian libreoffice-writer-nogui,
#   fonts as in ../shared/corpus/README.md); Markdown first through `pandoc FILE -o x.docx`
#   (pandoc {versions['pandoc']}, default reference.docx: no page setup, so Letter with 1 in margins).
# pages = pdfinfo Pages (poppler {versions['poppler']}).
# fill = (largest yMax of a pdftotext -bbox-layout line on the last page - body top) / body height, lines whose
#   vertical centre is in the header or footer area excluded; body top = max(top margin, header distance +
#   header height), body bottom margin likewise with the footer (body_top_pt, body_bottom_pt: from the page top
#   and the page bottom). 1.0 = the last page exactly full. total = pages - 1 + fill.
# features: how the file was made (font, size, paper, margins t/r/b/l in inches, line rule, spacing in pt, ...).
"""
    with open(os.path.join(out, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write(head)
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            r = dict(r, lo_version=versions["libreoffice"])
            f.write("\t".join(str(r[c]) for c in COLUMNS) + "\n")


def summary(rows, log):
    for kind in ("docx", "md"):
        rs = [r for r in rows if r["kind"] == kind]
        pages = {}
        for r in rs:
            pages[int(r["pages"])] = pages.get(int(r["pages"]), 0) + 1
        fills = sorted(float(r["fill"]) for r in rs)
        bins = [0] * 10
        for x in fills:
            bins[min(9, max(0, int(x * 10)))] += 1
        border = sum(1 for x in fills if x <= 0.05 or x >= 0.95)
        log(f"{kind}: {len(rs)} files; pages {dict(sorted(pages.items()))}; fill deciles {bins}; "
            f"within 0.05 of a boundary {border}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=OUT_DEFAULT)
    ap.add_argument("--render-only", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--keep-pdf")
    ap.add_argument("--verify-geometry", action="store_true")
    a = ap.parse_args()
    log = lambda m: print(m, flush=True)  # noqa: E731
    for tool in ("soffice", "pandoc", "pdfinfo", "pdftotext"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found: see the top of {sys.argv[0]}")
    versions = tool_versions()
    log(f"LibreOffice {versions['libreoffice']}, pandoc {versions['pandoc']}, poppler {versions['poppler']}")
    if a.verify_geometry:
        return verify_geometry(a.out, log)
    exp_path = os.path.join(a.out, "expected.tsv")
    old = read_expected(exp_path)
    t0 = time.time()
    if a.render_only or a.check:
        feats = {f: r.get("features", "") for f, r in old.items()}
    else:
        feats = generate(a.out, log)
        log(f"generated and fitted in {time.time() - t0:.0f} s")
    rows = render_all(a.out, feats, a.keep_pdf, log)
    summary(rows, log)
    if a.check:
        bad = 0
        for r in rows:
            o = old.get(r["file"])
            if not o:
                log(f"{r['file']}: not in expected.tsv")
                bad += 1
            elif int(o["pages"]) != r["pages"] or abs(float(o["total"]) - float(r["total"])) > 0.0015:
                log(f"{r['file']}: expected {o['pages']} pages / {o['total']}, rendered {r['pages']} / {r['total']}")
                bad += 1
        log(f"{len(rows)} files, {bad} differ from expected.tsv")
        return 1 if bad else 0
    write_expected(a.out, rows, versions)
    log(f"wrote {exp_path} ({len(rows)} rows) in {time.time() - t0:.0f} s total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
