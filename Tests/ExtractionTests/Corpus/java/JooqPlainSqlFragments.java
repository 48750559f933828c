// Source: seven jOOQ repositories/helpers found with find_string 'DSL.condition("' (index ids
// 21550039403, 55138139574, 52543698413, 17403889073 [package io.kestra.jdbc …], 12432775658,
// 1496755689, 35069137943); repository names not returned. Excerpts verbatim (one or two methods
// per file, imports merged, class bodies reduced to those methods), concatenated. Adaptation:
// the body of findBySlug (id 1496755689) is replaced by `return Optional.empty();` — only its
// annotations are kept, as a decoy.
// Classes: fragments (jOOQ plain-SQL templating: DSL.condition("…") WHERE pieces, DSL.field("…")
//          select/order expressions, an ORDER BY expression with DESC, a condition built by
//          concatenation with a stream — still a fragment, labelled on its first piece —, a
//          template string on the line after DSL.field( (label on the literal's line)),
//          placeholders of another tool ({0}, {1} are jOOQ QueryPart slots, ? a bind value),
//          PostgreSQL operators @>, @@, ::jsonb / ::ltree casts, full-text functions,
//          decoys (DSL.name(…, "search_tsv") and DSL.field("path", Object.class) bare identifiers,
//          r.get("member_count") / .as("snippet") aliases, ImmutableList option values "NONE",
//          "BOTH", "RADIUS", LOGGER.debug templates, @Cacheable key "'slug:' + #slug" (SpEL),
//          replaceAll("\\s+", " & "), type-safe DSL chains with no string SQL).
import org.jooq.*;
import org.jooq.impl.DSL;

// ---------------------------------------------------------------- id 21550039403
public class JsonbField<R extends Record, T> extends CustomField<T> implements TableField<R, T> {
    public Condition containsJson(final T jsonObj) {
        return DSL.condition("{0}::jsonb @> {1}::jsonb", this, // expect: fragment
                DSL.val(jsonObj));
    }
}

// ---------------------------------------------------------------- id 55138139574
class MessageSearchRepository {
  /**
   * Full-text search across all chat messages, powered by PostgreSQL's text search. The
   * {@code search_tsv} column (a stored, GIN-indexed {@code tsvector}; see migration V2) is matched
   * with {@code websearch_to_tsquery} (Google-style query syntax), ranked by {@code ts_rank}, and
   * each hit carries a highlighted {@code ts_headline} snippet. Referenced via jOOQ plain SQL
   * because the FTS column is intentionally outside the generated meta-model.
   */
  public List<MessageHit> search(String query, int limit) {
    if (!StringUtility.hasText(query)) {
      return List.of();
    }
    int max = Math.max(1, Math.min(limit, 100));
    Field<Object> tsquery = DSL.field("websearch_to_tsquery('english', {0})", Object.class, DSL.val(query)); // expect: fragment
    // search_tsv is intentionally outside the generated meta-model (PostgreSQL tsvector, migration V2).
    Field<Object> tsvector = DSL.field(DSL.name(MESSAGE.getName(), "search_tsv"));
    Field<Double> rank = DSL.field("ts_rank({0}, {1})", Double.class, tsvector, tsquery); // expect: fragment
    Field<String> snippet = DSL.field(
        "ts_headline('english', {0}, {1}, 'StartSel=[, StopSel=], MaxFragments=2, MaxWords=18, MinWords=5')", // expect: fragment
        String.class, MESSAGE.TEXT, tsquery);

    Field<Integer> memberCount = DSL.field(DSL.selectCount()
        .from(CONVERSATION_MEMBER)
        .where(CONVERSATION_MEMBER.CONVERSATION_ID.eq(CONVERSATION.ID)));

    return db()
        .select(MESSAGE.ID, MESSAGE.CONVERSATION_ID, MESSAGE.AUTHOR, MESSAGE.CREATED_TS,
            CONVERSATION.TITLE, CONVERSATION.TYPE, memberCount.as("member_count"), snippet.as("snippet"))
        .from(MESSAGE)
        .join(CONVERSATION).on(CONVERSATION.ID.eq(MESSAGE.CONVERSATION_ID))
        .where(DSL.condition("{0} @@ {1}", tsvector, tsquery)) // expect: fragment
        .orderBy(rank.desc(), MESSAGE.CREATED_TS.desc())
        .limit(max)
        .fetch(r -> new MessageHit(
            r.get(MESSAGE.ID),
            r.get(MESSAGE.CONVERSATION_ID),
            r.get(CONVERSATION.TITLE),
            r.get(CONVERSATION.TYPE),
            r.get("member_count", Integer.class),
            r.get(MESSAGE.AUTHOR),
            r.get("snippet", String.class),
            r.get(MESSAGE.CREATED_TS)));
  }

  /** Lower-cased, non-blank, wildcard-stripped tokens of a search query (empty when nothing usable). */
  public static List<String> searchTokens(String query) {
    if (!StringUtility.hasText(query)) {
      return List.of();
    }
    return Arrays.stream(query.toLowerCase().replace("*", "").trim().split("\\s+"))
        .filter(StringUtility::hasText)
        .toList();
  }
}

// ---------------------------------------------------------------- id 52543698413
class LinkRepositoryAdapter {
    @Override
    public List<Link> findByStashIdOrderByCreatedAtDesc(UUID stashId) {
        // Use jOOQ for custom query with proper ordering
        return dsl.selectFrom(LINKS)
                .where(LINKS.STASH_ID.eq(stashId))
                .orderBy(LINKS.CREATED_AT.desc())
                .fetch()
                .map(this::recordToLink);
    }
    
    @Override
    public List<Link> searchByStashIdAndQuery(UUID stashId, String query) {
        // Use PostgreSQL full-text search with jOOQ
        String tsQuery = query.replaceAll("\\s+", " & ");
        
        return dsl.selectFrom(LINKS)
                .where(LINKS.STASH_ID.eq(stashId))
                .and(DSL.condition("search_vector @@ plainto_tsquery('english', {0})", query)) // expect: fragment
                .orderBy(DSL.field("ts_rank(search_vector, plainto_tsquery('english', {0})) DESC", query)) // expect: fragment
                .fetch()
                .map(this::recordToLink);
    }
}

// ---------------------------------------------------------------- id 17403889073 (io.kestra.jdbc…)
final class PostgresLogRepositoryService {
    private PostgresLogRepositoryService() {
        // utility class pattern
    }

    public static Condition levelsCondition(List<Level> levels) {
        return DSL.condition("level in (" + // expect: fragment
            levels
                .stream()
                .map(s -> "'" + s + "'::log_level")
                .collect(Collectors.joining(", ")) +
            ")");
    }
}

// ---------------------------------------------------------------- id 12432775658 (excerpt)
class FolderHierarchyRepository {
    public int changeParent(FolderHierarchyItem newParentItem, FolderHierarchyItem item) {
        return dsl.update(Folders.FOLDERS)
                .set(Folders.FOLDERS.PARENT_ID, newParentItem.id())
                .where(Folders.FOLDERS.ID.eq(item.id()))
                .execute();
    }

    private Condition getParentIdCondition(FolderHierarchyItem parent) {
        return parent != null ? DSL.condition("folders.parent_id = ?", parent.id()) // expect: fragment
                : DSL.condition("folders.parent_id IS NULL"); // expect: fragment
    }
}

// ---------------------------------------------------------------- id 1496755689 (excerpt)
class JooqCategoryRepository {
    @Override
    @Transactional(readOnly = true)
    public List<CategoryBreadcrumb> findBreadcrumb(String categoryPath) {
        return readOnlyDsl
                .select(CATEGORIES.ID, CATEGORIES.NAME, CATEGORIES.SLUG)
                .from(CATEGORIES)
                .where(DSL.condition("{0} @> {1}::ltree", // expect: fragment
                        DSL.field("path", Object.class),
                        DSL.val(categoryPath)))
                .orderBy(CATEGORIES.DEPTH)
                .fetch(r -> new CategoryBreadcrumb(
                        r.get(CATEGORIES.ID),
                        r.get(CATEGORIES.NAME),
                        r.get(CATEGORIES.SLUG)
                ));
    }

    @Override
    @Cacheable(value = "categories", key = "'slug:' + #slug")
    @Transactional(readOnly = true)
    public Optional<CategoryNode> findBySlug(String slug) {
        return Optional.empty();
    }
}

// ---------------------------------------------------------------- id 35069137943 (excerpt)
class JooqNetworkRepository {
  private static final ImmutableList<String> POLARIZATION_OPTIONS = ImmutableList.of(
      "HORIZONTAL",
      "VERTICAL",
      "DUAL"
  );
  private static final ImmutableList<String> AUTHENTICATION_OPTIONS = ImmutableList.of(
      "NONE",
      "BOTH",
      "MAC",
      "RADIUS"
  );

  private final DSLContext db;

  public JooqNetworkRepository(DSLContext dslContext) {
    this.db = dslContext;
  }

  @Override
  public Iterable<NodeItem> findNodes(NodeQuery query) {
    LOGGER.debug("find nodes by '{}'", query);
    return db.select().from(NODES)
        .where(DSL.condition("to_tsvector('english', {0}) @@ to_tsquery('english', {1})", // expect: fragment
            DSL.concat(NODES.NAME,
                DSL.val(" "), DSL.coalesce(NODES.MASTER, ""),
                DSL.val(" "), DSL.coalesce(NODES.VENDOR, ""),
                DSL.val(" "), DSL.coalesce(NODES.LINK_TO, ""),
                DSL.val(" "), DSL.coalesce(NODES.AREA, "")),
            DSL.val(query.getValue() + ":*")))
        .fetchInto(Nodes.class)
        .stream()
        .map(NODE_ITEM_MAPPER)
        .collect(Collectors.toList());
  }
}
