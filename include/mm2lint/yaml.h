/*
 * The YAML front-end's lower layer: a YAML stream (JSON is a subset of it) as
 * a tree of positioned nodes, for the rule loader and the shape_* layer
 * (Strimzi CRs, Connect JSON). No typing happens here: scalars keep their text
 * and callers decide what it means.
 */
#ifndef MM2LINT_YAML_H
#define MM2LINT_YAML_H

#include <stddef.h>
#include <stdbool.h>
#include "mm2lint/arena.h"
#include "mm2lint/error.h"
#include "mm2lint/source.h"

/*
 * Limits. Going past one makes mm2_yaml_parse fail with MM2_ELIMIT: no
 * configuration mm2lint reads comes near them, and they keep every consumer's
 * walk of the tree small whatever the input.
 *
 *  - MAX_DEPTH: collections nested inside each other (a root scalar is depth 0,
 *    "[[]]" is depth 2).
 *  - MAX_NODES: nodes written in the stream (aliases are not nodes).
 *  - MAX_EXPANDED: the nodes a full walk of every document visits when it
 *    follows each alias, i.e. the size of the stream with aliases expanded
 *    (merged pairs count through the merge key's value). This is what stops
 *    "billion laughs".
 */
#define MM2_YAML_MAX_DEPTH    64
#define MM2_YAML_MAX_NODES    (1u << 20)
#define MM2_YAML_MAX_EXPANDED (1u << 22)

enum mm2_node_kind {
	MM2_NODE_SCALAR,
	MM2_NODE_MAP,
	MM2_NODE_SEQ,
};

/*
 * How a scalar was written. Only a plain scalar without a tag may be read as
 * null, a boolean or a number; every other style is a string.
 */
enum mm2_scalar_style {
	MM2_SCALAR_PLAIN,
	MM2_SCALAR_SINGLE_QUOTED,
	MM2_SCALAR_DOUBLE_QUOTED,
	MM2_SCALAR_LITERAL, /* | */
	MM2_SCALAR_FOLDED,  /* > */
};

struct mm2_node_pair;

/*
 * A node. Its position is that of its own first character, after any anchor
 * or tag: the opening quote of a quoted scalar, the | or > of a block scalar,
 * the [ or { of a flow collection; a block collection starts where its first
 * entry does (the first key, anchor or tag included, a "?" or a "-"). An empty
 * scalar (the value in "key:") sits just after the indicator before it, or
 * after its own anchor or tag. line/col are 1-based and agree with
 * mm2_source_pos(src, off): columns count code points, and only LF, CR and
 * CRLF break lines (libyaml also breaks at U+0085, U+2028 and U+2029).
 *
 * Fields of the other kinds are zero, so a walker may read pairs/items of any
 * node. Nodes are shared (an alias is a pointer to its anchored node), so a
 * node may have several parents: never modify one.
 */
struct mm2_node {
	enum mm2_node_kind kind;
	unsigned line, col; /* 1-based */
	size_t off;	    /* byte offset of the first character */
	size_t end_off;	    /* just past the last character; for a block scalar
			     * the last non-blank one, for a block collection
			     * where its last child ends */
	const char *tag;    /* explicit tag as libyaml resolves it ("!!str" is
			     * "tag:yaml.org,2002:str", "!x" stays "!x"), or NULL */

	/* MM2_NODE_SCALAR: the value after quoting, escapes and folding are
	 * applied, NUL-terminated; it may hold NUL bytes ("\0"), so use len. */
	const char *str;
	size_t len;
	enum mm2_scalar_style style;
	bool plain_null; /* plain, untagged, and "", "~", "null", "Null" or "NULL" */

	/* MM2_NODE_MAP */
	const struct mm2_node_pair *pairs;
	size_t npairs;

	/* MM2_NODE_SEQ */
	const struct mm2_node **items;
	size_t nitems;
};

/*
 * A mapping's pairs are the pairs written in it, in document order, duplicates
 * kept. Merge keys ("<<: *base", "<<: [*a, *b]", a plain untagged "<<" key or
 * one tagged !!merge) are resolved as YAML 1.1 says and as Kubernetes and
 * docker-compose read them: the "<<" pair itself is dropped, and every pair of
 * the merged mappings whose key the mapping does not set itself (nor an earlier
 * merged mapping) is added, before the mapping's own pairs, with merged set.
 * Their key and value nodes are the merged mapping's, so their positions point
 * where they are written.
 */
struct mm2_node_pair {
	const struct mm2_node *key, *value;
	/* A later own pair has a scalar key with the same text (whatever the
	 * quoting: "a" and a are the same key; non-scalar keys never are). */
	bool duplicate;
	bool merged; /* inherited through a merge key */
};

struct mm2_yaml_docs {
	const struct mm2_node **docs; /* one root per document, in order */
	size_t n;		      /* 0 for an empty or comment-only stream */

	/*
	 * A finding: the stream is not YAML (libyaml's scanner, parser or reader
	 * rejected it: malformed syntax, invalid UTF-8, a control character), or
	 * it cannot be read as a tree (an alias with no anchor in its document, an
	 * alias inside the node it names, a merge key whose value is not a mapping
	 * or a sequence of mappings). Reading stops at the first problem; docs
	 * holds the documents that ended before it (libyaml checks the encoding
	 * up to about 16 KB ahead of its parse, so an invalid byte may cost a few
	 * earlier ones). The context is where the construct being read started
	 * ("while parsing a block mapping"), 0/0 if none.
	 */
	bool failed;
	size_t error_off;
	unsigned error_line, error_col;
	unsigned context_line, context_col;
	const char *error_msg; /* e.g. "did not find expected key while parsing a
				* block mapping"; owned by the arena */
};

/*
 * Parse SRC (UTF-8; a UTF-8 byte order mark is allowed, UTF-16 is not) into
 * OUT. Every node, string and array lives in ARENA; nothing else needs
 * releasing, and libyaml's own memory is freed before this returns.
 *
 * Returns 0 when OUT describes the stream, including a stream with a finding
 * (out->failed). Returns -MM2_ELIMIT and fills ERR when a MM2_YAML_MAX_* limit
 * is exceeded; OUT is then empty. Out of memory aborts.
 */
int mm2_yaml_parse(struct mm2_yaml_docs *out, const struct mm2_source *src, struct mm2_arena *arena,
		   struct mm2_error *err);

/*
 * The value of the last pair in MAP whose key is a scalar with text KEY (the
 * one YAML loaders keep), or NULL if there is none or MAP is not a mapping.
 */
const struct mm2_node *mm2_node_get(const struct mm2_node *map, const char *key);

#endif
