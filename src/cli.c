/* Flag parsing with getopt_long, and the usage text. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "file.h"
#include "out.h"
#include "profile.h"

enum {
	OPT_NO_CONFIG = 256,
	OPT_PAPER,
	OPT_JOB,
	OPT_FAIL_ON,
	OPT_COLOR,
	OPT_LIST_RULES,
	OPT_PROFILE,
	OPT_LEVEL,
	OPT_LIST_KINDS,
	OPT_WRITE_CACHE,
	OPT_EXPLAIN,
	OPT_DUMP,
	OPT_DUMP_LAYOUT,
	OPT_SELF_TEST,
	OPT_MAX_FILE_SIZE,
	OPT_JOBS,
	OPT_RENDER,
	OPT_MARGINS,
	OPT_FONT,
	OPT_FONT_SIZE,
	OPT_LINE_SPACING,
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "config", required_argument, NULL, 'c' },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "rules", required_argument, NULL, 'r' },
	{ "max-pages", required_argument, NULL, 'p' },
	{ "paper", required_argument, NULL, OPT_PAPER },
	{ "job", required_argument, NULL, OPT_JOB },
	{ "render", required_argument, NULL, OPT_RENDER },
	{ "margins", required_argument, NULL, OPT_MARGINS },
	{ "font", required_argument, NULL, OPT_FONT },
	{ "font-size", required_argument, NULL, OPT_FONT_SIZE },
	{ "line-spacing", required_argument, NULL, OPT_LINE_SPACING },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "quiet", no_argument, NULL, 'q' },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "level", required_argument, NULL, OPT_LEVEL },
	{ "list-kinds", no_argument, NULL, OPT_LIST_KINDS },
	{ "write-rule-cache", required_argument, NULL, OPT_WRITE_CACHE },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "dump-layout", no_argument, NULL, OPT_DUMP_LAYOUT },
	{ "self-test", no_argument, NULL, OPT_SELF_TEST },
	{ "max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE },
	{ "jobs", required_argument, NULL, 'j' },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

void rl_cli_usage(FILE *fp)
{
	fputs("Usage: resumelint [OPTIONS] FILE|DIR...\n"
	      "Lint resumes (Markdown or Word .docx) before you apply: one page, no noise,\n"
	      "written for the job. FILE may be - for standard input; a DIR gives the resume\n"
	      "files under it (.md, .markdown, .docx, .xml; not README and the like).\n"
	      "\n"
	      "Options:\n"
	      "  -f, --format FORMAT     text (default), json, sarif (code scanning),\n"
	      "                          github (Actions annotations), junit (CI reports)\n"
	      "                          or html (the pages drawn, findings in place)\n"
	      "  -o, --output FILE       write the report (--format) to FILE, replaced whole\n"
	      "                          at the end; the terminal still gets the text report\n"
	      "      --job FILE          compare with a job posting (.txt, .md or .docx)\n"
	      "  -p, --max-pages N       page limit (default 1)\n"
	      "      --paper SIZE        letter (default) or a4\n"
	      "      --profile COUNTRY   personal-detail norms: us (default), uk, eu or de\n"
	      "      --level LEVEL       career level: entry or experienced (default: from\n"
	      "                          the experience section's dates)\n"
	      "      --fail-on LEVEL     exit 1 on findings at LEVEL or above:\n"
	      "                          error (default), warning or info\n"
	      "  -q, --quiet             print only findings that reach --fail-on, no\n"
	      "                          excerpts or summary (text format)\n"
	      "      --color WHEN        auto (default: on a terminal, unless NO_COLOR is\n"
	      "                          set), always or never\n"
	      "  -c, --config FILE       settings file (default: .resumelint.yml found in the\n"
	      "                          resume's folder or a parent)\n"
	      "      --no-config         ignore settings files\n"
	      "  -r, --rules DIR         load the rules in DIR instead of the installed ones\n"
	      "      --max-file-size MB  refuse inputs larger than this (default 10)\n"
	      "  -j, --jobs N            lint N files at once (default 0: one a processor when\n"
	      "                          there are many files); the report keeps the input order\n"
	      "      --list-rules        list the rules: id, severity, what each catches\n"
	      "      --explain RULE      what a rule catches, why, examples, how to turn it off\n"
	      "      --list-kinds        for rule authors: every rule kind and key\n"
	      "      --dump              print the document model: LINE:COL, section, block\n"
	      "                          kind and text, one block a line\n"
	      "      --self-test         check every rule against its own examples\n"
	      "\n"
	      "  How a Markdown resume is laid out for page fit (see --explain one-page):\n"
	      "      --render PROFILE    pandoc (default: pandoc's default Word output),\n"
	      "                          pandoc-a4, latex-10pt, latex-11pt or latex-12pt\n"
	      "      --margins LENGTH    all four margins, such as 0.75in, 2cm or 54pt\n"
	      "      --font NAME         body font, such as Calibri\n"
	      "      --font-size PT      body font size in points\n"
	      "      --line-spacing X    a multiple of single spacing, such as 1.15\n"
	      "\n"
	      "  -V, --version           print the version\n"
	      "  -h, --help              print this help\n"
	      "\n"
	      "Exit status: 0 no finding reaches --fail-on; 1 one does; 2 a usage error, a\n"
	      "bad rule or settings file, or an input that could not be read (the other\n"
	      "inputs are still linted and reported).\n"
	      "\n"
	      "Silence a finding in the resume with <!-- resumelint-disable-next-line RULE -->\n"
	      "or turn a rule off in .resumelint.yml (rules: {RULE: off}).\n",
	      fp);
}

static int bad(const char *fmt, const char *arg)
{
	fputs("resumelint: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(" (try resumelint --help)\n", stderr);
	return -1;
}

static int bad2(const char *flag, const char *why, const char *arg)
{
	fprintf(stderr, "resumelint: %s: %s, not '%s' (try resumelint --help)\n", flag, why, arg);
	return -1;
}

static int parse_uint(const char *s, unsigned long lo, unsigned long hi, unsigned long *out)
{
	char *end;
	if (!*s || *s == '-' || *s == '+')
		return -1;
	unsigned long v = strtoul(s, &end, 10);
	if (*end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

int rl_cli_parse(struct rl_cli *cli, int argc, char **argv)
{
	unsigned long n;
	int c, sev, paper;
	const char *why;
	memset(cli, 0, sizeof *cli);
	cli->format = "text";
	cli->fail_on = RL_SEV_ERROR;
	cli->color = RL_COLOR_AUTO;
	cli->max_file_bytes = RL_MAX_INPUT_BYTES;
	cli->jobs = 0; /* auto */
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:o:c:r:p:j:qVh", long_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			cli->format = optarg;
			break;
		case 'o':
			if (!*optarg)
				return bad("%s", "--output: expected a file name");
			cli->output = optarg;
			break;
		case 'c':
			cli->config = optarg;
			break;
		case OPT_NO_CONFIG:
			cli->no_config = 1;
			break;
		case 'r':
			cli->rules_dir = optarg;
			break;
		case 'p':
			if (parse_uint(optarg, 1, 100, &n))
				return bad("--max-pages: expected a whole number from 1 to 100, not '%s'", optarg);
			cli->has_max_pages = 1;
			cli->max_pages = (unsigned)n;
			break;
		case OPT_PAPER:
			paper = rl_paper_parse(optarg);
			if (paper < 0)
				return bad("--paper: expected letter or a4, not '%s'", optarg);
			cli->has_paper = 1;
			cli->paper = (enum rl_paper)paper;
			break;
		case OPT_JOB:
			cli->job = optarg;
			break;
		case OPT_RENDER:
			if (!rl_profile_find(optarg))
				return bad("--render: expected pandoc, pandoc-a4, latex-10pt, latex-11pt or latex-12pt, "
					   "not '%s'",
					   optarg);
			cli->render = optarg;
			break;
		case OPT_MARGINS:
			if (rl_length_parse(optarg, &cli->margins, &why))
				return bad2("--margins", why, optarg);
			break;
		case OPT_FONT:
			if (!*optarg)
				return bad("%s", "--font: expected a font name");
			cli->font = optarg;
			break;
		case OPT_FONT_SIZE:
			if (rl_font_size_parse(optarg, &cli->font_size, &why))
				return bad2("--font-size", why, optarg);
			break;
		case OPT_LINE_SPACING:
			if (rl_line_spacing_parse(optarg, &cli->line_spacing, &why))
				return bad2("--line-spacing", why, optarg);
			break;
		case OPT_FAIL_ON:
			sev = rl_severity_parse(optarg);
			if (sev <= RL_SEV_OFF)
				return bad("--fail-on: expected error, warning or info, not '%s'", optarg);
			cli->fail_on = (enum rl_severity)sev;
			break;
		case 'q':
			cli->quiet = 1;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				cli->color = RL_COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				cli->color = RL_COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				cli->color = RL_COLOR_NEVER;
			else
				return bad("--color: expected auto, always or never, not '%s'", optarg);
			break;
		case OPT_LIST_RULES:
			cli->action = RL_ACTION_LIST_RULES;
			break;
		case OPT_PROFILE: /* checked against the profile table by main */
			cli->profile = optarg;
			break;
		case OPT_LEVEL: {
			int l = rl_level_parse(optarg);
			if (l < 0)
				return bad("--level: expected entry, experienced or auto, not '%s'", optarg);
			cli->level = (enum rl_level)l;
			break;
		}
		case OPT_LIST_KINDS:
			cli->action = RL_ACTION_LIST_KINDS;
			break;
		case OPT_WRITE_CACHE:
			/* for the build: pre-parsed rules (rule_cache.h) */
			cli->action = RL_ACTION_WRITE_CACHE;
			cli->write_cache = optarg;
			break;
		case OPT_EXPLAIN:
			cli->action = RL_ACTION_EXPLAIN;
			cli->explain = optarg;
			break;
		case OPT_DUMP:
			cli->action = RL_ACTION_DUMP;
			break;
		case OPT_DUMP_LAYOUT:
			cli->action = RL_ACTION_DUMP_LAYOUT;
			break;
		case OPT_SELF_TEST:
			cli->action = RL_ACTION_SELF_TEST;
			break;
		case 'j':
			if (parse_uint(optarg, 0, 256, &n))
				return bad("--jobs: expected a number of threads from 1 to 256 (0: one a processor), not '%s'",
					   optarg);
			cli->jobs = (unsigned)n;
			break;
		case OPT_MAX_FILE_SIZE:
			if (parse_uint(optarg, 1, 1024, &n))
				return bad("--max-file-size: expected megabytes from 1 to 1024, not '%s'", optarg);
			cli->max_file_bytes = (size_t)n * 1024 * 1024;
			break;
		case 'V':
			cli->action = RL_ACTION_VERSION;
			break;
		case 'h':
			cli->action = RL_ACTION_HELP;
			break;
		case ':':
			return bad("option '%s' needs a value", argv[optind - 1]);
		default:
			return bad("unknown option '%s'", argv[optind - 1]);
		}
	}
	cli->files = argv + optind;
	cli->nfiles = (size_t)(argc - optind);
	if (cli->action == RL_ACTION_LINT || cli->action == RL_ACTION_DUMP || cli->action == RL_ACTION_DUMP_LAYOUT) {
		if (!cli->nfiles)
			return bad("%s", "no input files");
		if (!rl_formatter_find(cli->format)) {
			struct rl_buf names;
			rl_buf_init(&names);
			for (size_t i = 0; rl_formatters[i]; i++)
				rl_buf_addf(&names, "%s%s", i ? ", " : "", rl_formatters[i]->name);
			fprintf(stderr, "resumelint: --format: expected one of %s, not '%s'\n", names.data,
				cli->format);
			rl_buf_free(&names);
			return -1;
		}
	}
	return 0;
}
