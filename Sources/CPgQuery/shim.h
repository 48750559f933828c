#include <pg_query.h>
#include <stddef.h>
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
/// The JSON of one node (`{"SelectStmt": {…}}`), allocated in the current memory context.
char *pg_query_node_to_json(const void *node);
/// The fingerprint pg_query_fingerprint computes for the text the tree was parsed from.
uint64_t pg_query_fingerprint_node(const void *tree);
/// XXH3-64 of `length` bytes with `seed` (the xxHash libpg_query bundles and fingerprints with).
uint64_t XXH3_64bits_withSeed(const void *input, size_t length, uint64_t seed);
void pg_query_free_error(PgQueryError *error);
/// PostgreSQL's allocator: memory in the current memory context, freed with it (no `pfree`
/// needed). Both fail with an error of the library (a long jump) above 1 GB.
void *palloc(size_t size);
void *repalloc(void *pointer, size_t size);

// MARK: - Raw parse-tree nodes
//
// The layouts of the PostgreSQL 15 parse nodes (nodes/parsenodes.h, primnodes.h, pg_list.h,
// value.h) that PgQuery's RawTreeReader and RawTreeFingerprinter read in the tree pg_query_raw_parse
// returns; each struct declares the node's fields up to the last one read. Enum fields are C enums (int); `Oid` is an
// unsigned int. The node tags are in RawTreeReader.swift, checked against the library by the tests.

#include <stdbool.h>

/// Any node: its first field is its tag.
typedef struct { int type; } PgNode;
/// A List of pointers (T_List); `elements` points at `length` cells.
typedef struct { int type; int length; int max_length; void **elements; } PgList;
typedef struct { int type; PgNode *stmt; int stmt_location; int stmt_len; } PgRawStmt;
typedef struct { int type; char *aliasname; PgList *colnames; } PgAlias;
typedef struct {
    int type; char *catalogname; char *schemaname; char *relname; bool inh; char relpersistence;
    PgAlias *alias; int location;
} PgRangeVar;
/// The value nodes (value.h).
typedef struct { int type; int ival; } PgInteger;
typedef struct { int type; char *fval; } PgFloat;
typedef struct { int type; bool boolval; } PgBoolean;
typedef struct { int type; char *sval; } PgString;
typedef struct { int type; char *bsval; } PgBitString;
/// A_Const: `val` is an inline value node (Integer, Float, Boolean, String or BitString).
typedef struct { int type; struct { int type; void *value; } val; bool isnull; int location; } PgAConst;
typedef struct { int type; int number; int location; } PgParamRef;
typedef struct { int type; PgList *fields; int location; } PgColumnRef;
typedef struct { int type; char *name; PgList *indirection; PgNode *val; int location; } PgResTarget;
typedef struct { int type; int kind; PgList *name; PgNode *lexpr; PgNode *rexpr; int location; } PgAExpr;
typedef struct { int type; int boolop; PgList *args; int location; } PgBoolExpr;
typedef struct {
    int type; PgList *funcname; PgList *args; PgList *agg_order; PgNode *agg_filter; PgNode *over;
    bool agg_within_group; bool agg_star; bool agg_distinct; bool func_variadic; int funcformat;
} PgFuncCall;
typedef struct { int type; PgNode *arg; PgNode *typeName; int location; } PgTypeCast;
typedef struct {
    int type; PgList *names; unsigned int typeOid; bool setof; bool pct_type; PgList *typmods; int typemod;
    PgList *arrayBounds; int location;
} PgTypeName;
typedef struct { int type; PgNode *arg; PgList *collname; int location; } PgCollateClause;
typedef struct { int type; bool is_slice; PgNode *lidx; PgNode *uidx; } PgAIndices;
typedef struct { int type; PgNode *arg; PgList *indirection; } PgAIndirection;
typedef struct { int type; PgList *elements; int location; } PgAArrayExpr;
typedef struct { int type; PgNode *source; int colno; int ncolumns; } PgMultiAssignRef;
typedef struct { int type; PgNode *node; int sortby_dir; int sortby_nulls; PgList *useOp; int location; } PgSortBy;
typedef struct {
    int type; char *name; char *refname; PgList *partitionClause; PgList *orderClause; int frameOptions;
    PgNode *startOffset; PgNode *endOffset; int location;
} PgWindowDef;
typedef struct { int type; bool lateral; PgNode *subquery; PgAlias *alias; } PgRangeSubselect;
typedef struct {
    int type; bool lateral; bool ordinality; bool is_rowsfrom; PgList *functions; PgAlias *alias;
    PgList *coldeflist;
} PgRangeFunction;
typedef struct { int type; int kind; PgList *content; int location; } PgGroupingSet;
typedef struct { int type; PgList *lockedRels; int strength; int waitPolicy; } PgLockingClause;
typedef struct { int type; PgList *ctes; bool recursive; int location; } PgWithClause;
typedef struct {
    int type; char *ctename; PgList *aliascolnames; int ctematerialized; PgNode *ctequery;
    PgNode *search_clause; PgNode *cycle_clause; int location; bool cterecursive; int cterefcount;
    PgList *ctecolnames; PgList *ctecoltypes; PgList *ctecoltypmods; PgList *ctecolcollations;
} PgCommonTableExpr;
typedef struct {
    int type; char *name; PgNode *expr; char *indexcolname; PgList *collation; PgList *opclass;
    PgList *opclassopts; int ordering; int nulls_ordering;
} PgIndexElem;
typedef struct { int type; PgList *indexElems; PgNode *whereClause; char *conname; int location; } PgInferClause;
typedef struct {
    int type; int action; PgNode *infer; PgList *targetList; PgNode *whereClause; int location;
} PgOnConflictClause;
typedef struct {
    int type; PgRangeVar *rel; PgList *colNames; char *accessMethod; PgList *options; int onCommit;
    char *tableSpaceName; PgNode *viewQuery; bool skipData;
} PgIntoClause;
typedef struct {
    int type; int jointype; bool isNatural; PgNode *larg; PgNode *rarg; PgList *usingClause;
    PgAlias *join_using_alias; PgNode *quals; PgAlias *alias; int rtindex;
} PgJoinExpr;
typedef struct {
    int type; int subLinkType; int subLinkId; PgNode *testexpr; PgList *operName; PgNode *subselect;
} PgSubLink;
/// SQLValueFunction: `resultType` is the node's `type` field (an Oid set by parse analysis).
typedef struct { int type; int op; unsigned int resultType; int typmod; } PgSQLValueFunction;
typedef struct { int type; PgNode *arg; int nulltesttype; bool argisrow; int location; } PgNullTest;
typedef struct { int type; PgNode *arg; int booltesttype; int location; } PgBooleanTest;
typedef struct {
    int type; unsigned int casetype; unsigned int casecollid; PgNode *arg; PgList *args; PgNode *defresult;
} PgCaseExpr;
typedef struct { int type; PgNode *expr; PgNode *result; int location; } PgCaseWhen;
typedef struct { int type; unsigned int coalescetype; unsigned int coalescecollid; PgList *args; } PgCoalesceExpr;
typedef struct {
    int type; unsigned int minmaxtype; unsigned int minmaxcollid; unsigned int inputcollid; int op; PgList *args;
} PgMinMaxExpr;
typedef struct { int type; PgList *args; unsigned int row_typeid; int row_format; PgList *colnames; } PgRowExpr;
typedef struct { int type; PgNode *arg; char *name; int argnumber; int location; } PgNamedArgExpr;
typedef struct {
    int type; PgRangeVar *relation; PgList *cols; PgNode *selectStmt; PgNode *onConflictClause;
    PgList *returningList; PgNode *withClause; int override;
} PgInsertStmt;
typedef struct {
    int type; PgRangeVar *relation; PgList *usingClause; PgNode *whereClause; PgList *returningList;
    PgNode *withClause;
} PgDeleteStmt;
typedef struct {
    int type; PgRangeVar *relation; PgList *targetList; PgNode *whereClause; PgList *fromClause;
    PgList *returningList; PgNode *withClause;
} PgUpdateStmt;
typedef struct {
    int type; PgList *distinctClause; PgNode *intoClause; PgList *targetList; PgList *fromClause;
    PgNode *whereClause; PgList *groupClause; bool groupDistinct; PgNode *havingClause; PgList *windowClause;
    PgList *valuesLists; PgList *sortClause; PgNode *limitOffset; PgNode *limitCount; int limitOption;
    PgList *lockingClause; PgNode *withClause; int op; bool all; PgNode *larg; PgNode *rarg;
} PgSelectStmt;
typedef struct {
    int type; PgRangeVar *relation; PgList *tableElts; PgList *inhRelations; PgNode *partbound; PgNode *partspec;
    PgNode *ofTypename; PgList *constraints; PgList *options; int oncommit; char *tablespacename;
    char *accessMethod; bool if_not_exists;
} PgCreateStmt;
typedef struct {
    int type; char *colname; PgNode *typeName; char *compression; int inhcount; bool is_local; bool is_not_null;
    bool is_from_type; char storage; PgNode *raw_default; PgNode *cooked_default; char identity;
    PgRangeVar *identitySequence; char generated; PgNode *collClause; unsigned int collOid; PgList *constraints;
    PgList *fdwoptions; int location;
} PgColumnDef;
typedef struct {
    int type; int contype; char *conname; bool deferrable; bool initdeferred; int location; bool is_no_inherit;
    PgNode *raw_expr; char *cooked_expr; char generated_when; bool nulls_not_distinct; PgList *keys;
    PgList *including; PgList *exclusions; PgList *options; char *indexname; char *indexspace;
    bool reset_default_tblspc; char *access_method; PgNode *where_clause; PgRangeVar *pktable; PgList *fk_attrs;
    PgList *pk_attrs; char fk_matchtype; char fk_upd_action; char fk_del_action; PgList *fk_del_set_cols;
    PgList *old_conpfeqop; unsigned int old_pktable_oid; bool skip_validation; bool initially_valid;
} PgConstraint;
typedef struct {
    int type; char *idxname; PgRangeVar *relation; char *accessMethod; char *tableSpace; PgList *indexParams;
    PgList *indexIncludingParams; PgList *options; PgNode *whereClause; PgList *excludeOpNames; char *idxcomment;
    unsigned int indexOid; unsigned int oldNode; unsigned int oldCreateSubid; unsigned int oldFirstRelfilenodeSubid;
    bool unique; bool nulls_not_distinct; bool primary; bool isconstraint; bool deferrable; bool initdeferred;
    bool transformed; bool concurrent; bool if_not_exists; bool reset_default_tblspc;
} PgIndexStmt;

// MARK: - Scanner
//
// PostgreSQL's SQL scanner (parser/scanner.h), exported by libpg_query: what pg_query_normalize
// uses to find how long each constant is. Allocates in the current memory context.

/// core_yy_extra_type: the scanner's state. Only `scanbuf`, its first field, is read: the scanned
/// text, in which each token is NUL-terminated as it is returned. The rest is room for the other
/// fields (about 100 bytes in PostgreSQL 15).
typedef struct { char *scanbuf; char rest[504]; } PgScannerState;
struct PgScanKeywordList;
extern const struct PgScanKeywordList ScanKeywords;
extern const uint16_t ScanKeywordTokens[];
void *scanner_init(const char *str, PgScannerState *state, const struct PgScanKeywordList *keywords,
                   const uint16_t *keyword_tokens);
void scanner_finish(void *scanner);
/// The next token (0 at the end); `value` receives its semantic value (core_YYSTYPE, 8 bytes),
/// `location` its byte offset.
int core_yylex(void *value, int *location, void *scanner);

/// Starts scanning `text` with PostgreSQL's keywords, as the parser does.
static inline void *pg_query_scanner_begin(const char *text, PgScannerState *state) {
    return scanner_init(text, state, &ScanKeywords, ScanKeywordTokens);
}
