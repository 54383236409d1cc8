/*
 * Text reporter: "file:line:col: severity: message [ID]", the GNU form editors
 * and CI annotators parse, then the source line and a caret, then related
 * locations as notes. Last stage of the pipeline; reads diagnostics only.
 */
#include <stdlib.h>
#include <string.h>
#include "mm2lint/error.h"
#include "mm2lint/report.h"
#include "mm2lint/strbuf.h"
#include "report_util.h"
#include "banned.h"

/* Display columns of a source line shown at most, and shown before a far caret. */
#define SHOW_MAX  160
#define SHOW_LEAD 60

struct palette {
	const char *locus, *sev[4], *id, *caret, *reset;
};

static const struct palette plain = {"", {"", "", "", ""}, "", "", ""};
/* gcc's choices, with yellow for warnings as most linters use. */
static const struct palette ansi = {
	"\033[1m", {"", "\033[1;36m", "\033[1;33m", "\033[1;31m"}, "\033[2m", "\033[1;32m",
	"\033[0m",
};

/* One character as shown on a terminal. */
struct glyph {
	char text[16];
	size_t textlen;
	unsigned width; /* terminal columns; 0 for a tab (it depends on where it falls) */
	size_t nbytes;	/* bytes of the line it stands for */
	unsigned ncols; /* source columns it stands for (source.h's unit) */
};

/* Code points that steer a terminal or hide in plain sight (bidi, zero-width, NBSP). */
static bool hidden(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || c == 0x061C ||
	       (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

/*
 * The glyph at S[0..LEN), less's notation for the unsafe: ^X for C0 controls and
 * DEL, <U+XXXX> for other hidden code points, <XX> for a byte that is not UTF-8.
 * In a Latin-1 source such a byte is the character it names.
 */
static void next_glyph(const char *s, size_t len, bool latin1, struct glyph *g)
{
	unsigned char b = (unsigned char)s[0];
	uint32_t cp = b;
	size_t n = mm2_utf8_decode(s, len, &cp);

	g->nbytes = n ? n : 1;
	g->ncols = latin1 ? (unsigned)g->nbytes : n ? 1 : (b & 0xC0) != 0x80;
	g->width = 1;
	if (!n && !latin1) {
		g->textlen = (size_t)snprintf(g->text, sizeof(g->text), "<%02X>", b);
		g->width = 4;
	} else if (cp == '\t') {
		g->text[0] = '\t';
		g->textlen = 1;
		g->width = 0;
	} else if (cp < 0x20 || cp == 0x7F) {
		g->text[0] = '^';
		g->text[1] = (char)(cp ^ 0x40);
		g->textlen = g->width = 2;
	} else if (hidden(cp)) {
		g->textlen = (size_t)snprintf(g->text, sizeof(g->text), "<U+%04X>", (unsigned)cp);
		g->width = (unsigned)g->textlen;
	} else if (!n) { /* Latin-1 U+00A1..U+00FF, written as UTF-8 */
		g->text[0] = (char)(0xC0 | (b >> 6));
		g->text[1] = (char)(0x80 | (b & 0x3F));
		g->textlen = 2;
	} else {
		memcpy(g->text, s, n);
		g->textlen = n;
	}
}

/* S[0..LEN) with every unsafe character shown safely (tabs kept). */
static void add_safe(struct mm2_strbuf *sb, const char *s, size_t len, bool latin1)
{
	size_t i = 0;

	while (i < len) {
		struct glyph g;

		next_glyph(s + i, len - i, latin1, &g);
		mm2_strbuf_add(sb, g.text, g.textlen);
		i += g.nbytes;
	}
}

static void add_repeat(struct mm2_strbuf *sb, int c, unsigned n)
{
	while (n--)
		mm2_strbuf_addch(sb, c);
}

/* The caret line's share of glyph G of width W at source column SRCCOL. */
static void add_caret(struct mm2_strbuf *caret, const struct palette *p, const struct glyph *g,
		      unsigned w, unsigned srccol, const struct mm2_loc *loc, unsigned endc,
		      bool *placed)
{
	if (srccol + g->ncols <= loc->col) {
		if (g->width)
			add_repeat(caret, ' ', w);
		else
			mm2_strbuf_addch(caret, '\t'); /* keeps the caret where the line has it */
	} else if (srccol < endc) {
		if (!*placed) {
			mm2_strbuf_addstr(caret, p->caret);
			mm2_strbuf_addch(caret, '^');
			w--;
			*placed = true;
		}
		add_repeat(caret, '~', w);
	}
}

/* End column of the underline on LOC's line: its end, or one past the caret. */
static unsigned underline_end(const struct mm2_loc *loc)
{
	if ((!loc->end_line || loc->end_line == loc->line) && loc->end_col > loc->col)
		return loc->end_col;
	if (loc->end_line > loc->line)
		return loc->col + 1 + SHOW_MAX;
	return loc->col + 1;
}

/*
 * "  12 | text" and "     |   ^~~~" under it. Both lines get the same gutter and
 * the same tabs, so the caret stays under its column whatever the tab width.
 */
static void show_source(struct mm2_strbuf *sb, const struct palette *p, const struct mm2_loc *loc)
{
	struct mm2_strbuf caret = MM2_STRBUF_INIT;
	unsigned srccol = 1, vcol, shown = 0, endc = underline_end(loc);
	bool placed = false;
	char *text;
	size_t len, i = 0;
	struct glyph g;

	if (!loc->src || !(text = mm2_source_line_redacted(loc->src, loc->line, &len)))
		return;
	mm2_strbuf_init(&caret);
	vcol = (unsigned)sb->len;
	mm2_strbuf_addf(sb, " %4u | ", loc->line);
	vcol = (unsigned)sb->len - vcol;
	add_repeat(&caret, ' ', vcol - 2);
	mm2_strbuf_addstr(&caret, "| ");
	for (; loc->col > SHOW_LEAD && srccol + SHOW_LEAD < loc->col && i < len; i += g.nbytes) {
		next_glyph(text + i, len - i, loc->src->latin1, &g);
		srccol += g.ncols;
	}
	if (i) {
		mm2_strbuf_addstr(sb, "...");
		mm2_strbuf_addstr(&caret, "   ");
		vcol += 3;
	}
	for (; i < len; i += g.nbytes) {
		unsigned w;

		next_glyph(text + i, len - i, loc->src->latin1, &g);
		w = g.width ? g.width : 8 - vcol % 8;
		if (placed && shown + w > SHOW_MAX) {
			mm2_strbuf_addstr(sb, "...");
			break;
		}
		mm2_strbuf_add(sb, g.text, g.textlen);
		if (loc->col)
			add_caret(&caret, p, &g, w, srccol, loc, endc, &placed);
		vcol += w;
		shown += w;
		srccol += g.ncols;
	}
	mm2_strbuf_addch(sb, '\n');
	if (loc->col >= srccol && !placed && i >= len && loc->col - srccol < SHOW_MAX) {
		add_repeat(&caret, ' ', loc->col - srccol); /* past the end of the line */
		mm2_strbuf_addstr(&caret, p->caret);
		mm2_strbuf_addch(&caret, '^');
		placed = true;
	}
	if (placed)
		mm2_strbuf_addf(sb, "%s%s\n", caret.buf, p->reset);
	mm2_strbuf_release(&caret);
	free(text);
}

/* "file:line:col: " in bold; "mm2lint: " for a finding about no file. */
static void add_locus(struct mm2_strbuf *sb, const struct palette *p, const struct mm2_loc *loc)
{
	mm2_strbuf_addstr(sb, p->locus);
	if (!loc->src) {
		mm2_strbuf_addstr(sb, "mm2lint");
	} else {
		add_safe(sb, loc->src->path, strlen(loc->src->path), false);
		if (loc->line)
			mm2_strbuf_addf(sb, ":%u", loc->line);
		if (loc->line && loc->col)
			mm2_strbuf_addf(sb, ":%u", loc->col);
	}
	mm2_strbuf_addf(sb, ":%s ", p->reset);
}

static void add_finding(struct mm2_strbuf *sb, const struct palette *p, const struct mm2_diag *g,
			bool show)
{
	enum mm2_severity sev = mm2_report_sev(g);
	size_t i;

	add_locus(sb, p, &g->loc);
	mm2_strbuf_addf(sb, "%s%s:%s ", p->sev[sev], mm2_severity_name(sev), p->reset);
	add_safe(sb, g->message, strlen(g->message), false);
	mm2_strbuf_addf(sb, " %s[", p->id);
	add_safe(sb, g->rule->id, strlen(g->rule->id), false);
	mm2_strbuf_addf(sb, "]%s\n", p->reset);
	if (show)
		show_source(sb, p, &g->loc);
	for (i = 0; i < g->nrelated; i++) {
		const struct mm2_related *r = &g->related[i];
		const char *msg = r->message && *r->message ? r->message : "related location";

		mm2_strbuf_addstr(sb, "  ");
		add_locus(sb, p, &r->loc);
		mm2_strbuf_addf(sb, "%snote:%s ", p->sev[MM2_SEV_NOTE], p->reset);
		add_safe(sb, msg, strlen(msg), false);
		mm2_strbuf_addch(sb, '\n');
		if (show)
			show_source(sb, p, &r->loc);
	}
}

int mm2_report_text(FILE *out, const struct mm2_diags *d, const struct mm2_report_opts *o)
{
	const struct palette *p = o && o->color ? &ansi : &plain;
	struct mm2_strbuf sb = MM2_STRBUF_INIT;
	size_t i;

	mm2_strbuf_init(&sb);
	for (i = 0; i < d->n; i++) {
		if (d->v[i].severity == MM2_SEV_OFF)
			continue;
		mm2_strbuf_reset(&sb);
		add_finding(&sb, p, &d->v[i], o && o->show_source);
		if (fwrite(sb.buf, 1, sb.len, out) != sb.len)
			break;
	}
	mm2_strbuf_release(&sb);
	if (fflush(out) != 0 || ferror(out))
		return -MM2_EIO;
	return 0;
}
