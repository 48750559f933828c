#include <pg_query.h>
#include <stdint.h>

// Internal entry points exported by libpg_query 15-4 (libpg-query1504.0, the version the
// Dockerfile pins). They let the binding parse a statement once and both read its tree and
// fingerprint it, where pg_query_parse and pg_query_fingerprint would each parse it again.
// Declared here because their own header (pg_query_internal.h) needs PostgreSQL's headers.

/// PgQueryInternalParsetreeAndError: the raw tree (a List *), or an error.
typedef struct {
    void *tree;
    char *stderr_buffer;
    PgQueryError *error;
} PgQueryRawParseResult;

/// Creates a memory context for one parse and makes it current; everything the parse allocates
/// is freed by pg_query_exit_memory_context.
void *pg_query_enter_memory_context(void);
void pg_query_exit_memory_context(void *context);
/// Parses in the current memory context; the error and stderr buffer are malloc-ed.
PgQueryRawParseResult pg_query_raw_parse(const char *input);
/// The JSON text pg_query_parse returns, allocated in the current memory context.
char *pg_query_nodes_to_json(const void *tree);
/// The fingerprint pg_query_fingerprint computes for the text the tree was parsed from.
uint64_t pg_query_fingerprint_node(const void *tree);
void pg_query_free_error(PgQueryError *error);
